"""Each event id is answered once within the TTL."""

from bot.slack.dedupe import SeenEvents


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class TestSeenEvents:
    def test_first_delivery_passes_and_repeats_do_not(self):
        """first_time is True once per id."""
        seen = SeenEvents()
        assert [seen.first_time("Ev1"), seen.first_time("Ev1"), seen.first_time("Ev2")] == [True, False, True]

    def test_ids_are_forgotten_after_the_ttl(self):
        """After ttl seconds an id counts as new again."""
        clock = Clock()
        seen = SeenEvents(ttl=10, clock=clock)
        seen.first_time("Ev1")
        clock.now = 11
        assert seen.first_time("Ev1") is True

    def test_size_is_bounded(self):
        """The oldest ids are dropped beyond `size`."""
        seen = SeenEvents(size=3)
        for n in range(10):
            seen.first_time(f"Ev{n}")
        assert len(seen) <= 3 and seen.first_time("Ev9") is False
