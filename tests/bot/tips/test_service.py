"""`/role tips ...` in a channel, and the subscriptions list the Slack app reads."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.tips.schedule import Subscription, TipsConfig
from bot.tips.service import TipsService
from tests.bot.tips import fixtures as fx
from tests.fake_clock import FakeClock, utc


@pytest.fixture
def clock():
    return FakeClock(utc(2026, 11, 23, 10))  # Monday 10:00 UTC


@pytest.fixture
def service(tmp_path, clock):
    store = fx.store_at(tmp_path / "t.db")
    yield TipsService(store, TipsConfig(channels=(Subscription("CFG", "08:00"),)), clock)
    store.close()


class TestOn:
    def test_on_with_time_and_zone(self, service):
        """`on 09:30 Europe/London` saves the schedule and says when the next tip comes."""
        reply = service.slash("on 09:30 Europe/London", "C1", "U1")
        assert "*on*" in reply and "09:30 Europe/London" in reply
        assert "Tue 24 Nov 2026, 09:30 GMT" in reply  # turned on after today's slot
        (row,) = [s for s in service.subscriptions() if s["channel"] == "C1"]
        assert row == {
            "channel": "C1",
            "time": "09:30",
            "timezone": "Europe/London",
            "weekdays": ["mon", "tue", "wed", "thu", "fri"],
            "enabled": True,
            "source": "slack",
            "flag": None,
        }

    def test_on_alone_uses_the_defaults(self, service):
        """Plain `on` takes the defaults file's time, zone and days."""
        service.slash("on", "C1", "U1")
        sub = service.subscription("C1")
        assert (sub.time, sub.timezone, sub.weekdays) == ("09:00", "UTC", (0, 1, 2, 3, 4))

    def test_on_later_today_is_due_today(self, service):
        """Turned on at 10:00 for 11:00, the next tip is today at 11:00."""
        assert "Mon 23 Nov 2026, 11:00 UTC" in service.slash("on 11:00", "C1", "U1")

    def test_days_and_any_order(self, service):
        """Days may be given, and the words in any order."""
        service.slash("on mon,wed asia/tokyo 7:05", "C1", "U1")
        sub = service.subscription("C1")
        assert (sub.time, sub.timezone, sub.weekdays) == ("07:05", "Asia/Tokyo", (0, 2))

    def test_changing_the_time_keeps_the_rest(self, service):
        """A second `on 10:15` changes only the time."""
        service.slash("on 09:30 Europe/London daily", "C1", "U1")
        service.slash("on 10:15", "C1", "U2")
        sub = service.subscription("C1")
        assert (sub.time, sub.timezone, sub.weekdays, sub.updated_by) == (
            "10:15",
            "Europe/London",
            tuple(range(7)),
            "U2",
        )

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("on 25:99", "'25:99' is not a time of day"),
            ("on Mars/Olympus", "'Mars/Olympus' is not a timezone"),
            ("on 9am", "HH:MM"),
        ],
    )
    def test_bad_input_gets_a_clear_reply_and_changes_nothing(self, service, text, words):
        """A bad time or timezone is named in the reply, with usage; nothing is saved."""
        reply = service.slash(text, "C1", "U1")
        assert words in reply and "Nothing changed" in reply and "/role tips on" in reply
        assert service.subscription("C1") is None

    def test_on_resumes_a_paused_channel(self, service, clock):
        """`on` clears the pause left by channel_not_found."""
        service.slash("on", "C1", "U1")
        service.store.set_flag("C1", "not_in_channel", clock.now())
        assert "*paused*" in service.slash("", "C1", "U1")
        service.slash("on", "C1", "U1")
        assert service.subscription("C1").active


class TestOff:
    def test_off_disables(self, service):
        """`off` keeps the row but disables it."""
        service.slash("on", "C1", "U1")
        assert "*off*" in service.slash("off", "C1", "U1")
        assert service.subscription("C1").enabled is False
        assert "already *off*" in service.slash("off", "C1", "U1")

    def test_off_overrides_the_defaults_file(self, service):
        """A channel listed in the defaults file can be turned off from Slack."""
        service.slash("off", "CFG", "U1")
        (row,) = [s for s in service.subscriptions() if s["channel"] == "CFG"]
        assert row["enabled"] is False and row["source"] == "slack"


class TestStatus:
    def test_status_when_off(self, service):
        """Bare `/role tips` in a quiet channel says they are off and how to start."""
        reply = service.slash("", "C9", "U1")
        assert "*off*" in reply and "/role tips on" in reply

    def test_status_when_on_names_the_next_tip(self, service):
        """The status gives the schedule and the next post time in local time."""
        service.slash("on 08:00 America/New_York", "C1", "U1")
        reply = service.slash("status", "C1", "U1")
        assert "08:00 America/New_York" in reply and "Mon 23 Nov 2026, 08:00 EST" in reply

    def test_status_after_todays_tip(self, service, clock):
        """Once today's tip is posted, the next is on the next posting day."""
        service.slash("on 11:00", "C1", "U1")
        service.store.claim("C1", date(2026, 11, 23), "k", "o", clock.now(), timedelta(days=1))
        service.store.mark_sent("C1", date(2026, 11, 23), "1.2", clock.now())
        assert "Tue 24 Nov 2026, 11:00 UTC" in service.slash("", "C1", "U1")

    def test_config_channels_are_listed(self, service):
        """Channels from the defaults file appear in subscriptions() as such."""
        (row,) = service.subscriptions()
        assert row["channel"] == "CFG" and row["source"] == "config" and row["enabled"]


class TestOtherInput:
    def test_help(self, service):
        """`help` shows the usage."""
        assert "/role tips off" in service.slash("help", "C1", "U1")

    def test_unknown_words_are_escaped(self, service):
        """Unknown input is echoed escaped, so it cannot ping the channel."""
        reply = service.slash("<!channel> & more", "C1", "U1")
        assert "&lt;!channel&gt; &amp; more" in reply and "<!channel>" not in reply
