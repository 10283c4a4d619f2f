"""Tip schedules: parsing, the defaults file, and slot times across timezones and DST."""

from __future__ import annotations

from datetime import date

import pytest

from bot.tips.schedule import (
    CONFIG_PATH,
    ScheduleError,
    Subscription,
    config_path,
    format_weekdays,
    load_config,
    local_day,
    next_due,
    parse_time,
    parse_weekdays,
    parse_zone,
    slot,
)
from tests.fake_clock import utc

LONG_AGO = utc(2000, 1, 1)


def sub(time="09:00", tz="UTC", days=tuple(range(7)), since=LONG_AGO):
    return Subscription("C1", time, tz, days, since=since)


class TestParsing:
    def test_times(self):
        """HH:MM 24-hour times parse; 25:99 and words do not."""
        assert parse_time("9:05").strftime("%H:%M") == "09:05"
        assert parse_time("23:59").hour == 23
        for bad in ("25:99", "24:00", "12:60", "noon", "9", ""):
            with pytest.raises(ScheduleError, match="HH:MM"):
                parse_time(bad)

    def test_zones(self):
        """IANA names parse in any case; invented zones do not."""
        assert parse_zone("europe/london") == "Europe/London"
        assert parse_zone("utc") == "UTC"
        with pytest.raises(ScheduleError, match="Mars/Olympus"):
            parse_zone("Mars/Olympus")

    def test_weekdays(self):
        """Words, comma lists and name lists parse to day numbers; nonsense does not."""
        assert parse_weekdays("daily") == tuple(range(7))
        assert parse_weekdays("weekdays") == (0, 1, 2, 3, 4)
        assert parse_weekdays("mon,wed,FRI") == (0, 2, 4)
        assert parse_weekdays(["monday", "sun"]) == (0, 6)
        with pytest.raises(ScheduleError):
            parse_weekdays("funday")

    def test_format_weekdays(self):
        """Day numbers read back naturally."""
        assert format_weekdays(range(7)) == "daily"
        assert format_weekdays((0, 1, 2, 3, 4)) == "Mon–Fri"
        assert format_weekdays((0, 2)) == "Mon, Wed"


class TestConfigFile:
    def test_packaged_file_loads(self):
        """The shipped bot/tips/config.yaml is valid and lists no channel."""
        config = load_config(CONFIG_PATH)
        assert config.defaults.time == "09:00" and config.channels == ()

    def test_channels_inherit_defaults(self, tmp_path):
        """A channel entry takes what it omits from the defaults."""
        path = tmp_path / "tips.yaml"
        path.write_text(
            "defaults: {time: '08:15', timezone: Europe/Berlin, weekdays: [mon, tue]}\n"
            "channels:\n  - channel: C1\n  - {channel: C2, time: '17:00', weekdays: daily}\n"
        )
        c1, c2 = load_config(path).channels
        assert (c1.time, c1.timezone, c1.weekdays) == ("08:15", "Europe/Berlin", (0, 1))
        assert (c2.time, c2.timezone, c2.weekdays) == ("17:00", "Europe/Berlin", tuple(range(7)))

    def test_bad_entries_name_the_place(self, tmp_path):
        """A bad value fails with one line naming the file and entry."""
        path = tmp_path / "tips.yaml"
        path.write_text("channels:\n  - {channel: C1, timezone: Mars/Olympus}\n")
        with pytest.raises(ScheduleError, match=r"channels\.0: 'Mars/Olympus'"):
            load_config(path)

    def test_env_overrides_the_path(self, tmp_path):
        """$ROLEBOT_TIPS_CONFIG chooses another file."""
        assert config_path({}) == CONFIG_PATH
        assert config_path({"ROLEBOT_TIPS_CONFIG": str(tmp_path)}) == tmp_path


class TestDayBoundary:
    @pytest.mark.parametrize(
        ("tz", "instant", "day"),
        [
            ("Pacific/Auckland", utc(2026, 11, 22, 11, 0), date(2026, 11, 23)),
            ("America/Los_Angeles", utc(2026, 11, 23, 7, 59), date(2026, 11, 22)),
            ("America/Los_Angeles", utc(2026, 11, 23, 8, 0), date(2026, 11, 23)),
            ("Asia/Kolkata", utc(2026, 11, 22, 18, 29), date(2026, 11, 22)),
            ("Asia/Kolkata", utc(2026, 11, 22, 18, 30), date(2026, 11, 23)),
            ("UTC", utc(2026, 11, 22, 23, 59), date(2026, 11, 22)),
        ],
    )
    def test_the_tip_day_is_the_channel_local_date(self, tz, instant, day):
        """Which day's tip is due follows the channel's local midnight, not UTC's."""
        assert local_day(sub(tz=tz), instant) == day

    def test_slot_in_a_zone_ahead_of_utc_falls_on_the_previous_utc_day(self):
        """08:00 in Auckland on the 23rd is 19:00 UTC on the 22nd."""
        assert slot(sub("08:00", "Pacific/Auckland"), date(2026, 11, 23)) == utc(2026, 11, 22, 19)


class TestDst:
    @pytest.mark.parametrize(
        ("tz", "day", "instant"),
        [
            ("America/New_York", date(2026, 3, 7), utc(2026, 3, 7, 14)),  # EST
            ("America/New_York", date(2026, 3, 8), utc(2026, 3, 8, 13)),  # EDT from today
            ("America/New_York", date(2026, 10, 31), utc(2026, 10, 31, 13)),
            ("America/New_York", date(2026, 11, 1), utc(2026, 11, 1, 14)),  # EST again
            ("Europe/London", date(2026, 3, 28), utc(2026, 3, 28, 9)),  # GMT
            ("Europe/London", date(2026, 3, 29), utc(2026, 3, 29, 8)),  # BST
            ("Europe/London", date(2026, 10, 25), utc(2026, 10, 25, 9)),  # GMT again
        ],
    )
    def test_slot_follows_the_wall_clock(self, tz, day, instant):
        """09:00 local stays 09:00 local across a DST change."""
        assert slot(sub("09:00", tz), day) == instant

    def test_a_skipped_time_posts_an_hour_later_by_the_wall_clock(self):
        """02:30 does not exist in New York on 8 March 2026; the tip posts at 03:30 EDT."""
        assert slot(sub("02:30", "America/New_York"), date(2026, 3, 8)) == utc(2026, 3, 8, 7, 30)

    def test_a_repeated_time_posts_once_at_its_first_occurrence(self):
        """01:30 happens twice in New York on 1 November 2026; the slot is the first (EDT)."""
        s = sub("01:30", "America/New_York")
        assert slot(s, date(2026, 11, 1)) == utc(2026, 11, 1, 5, 30)
        day, at = next_due(s, utc(2026, 11, 1, 6, 30), lambda d: d == date(2026, 11, 1))
        assert day == date(2026, 11, 2)  # posted at 01:30 EDT; not again at 01:30 EST


class TestNextDue:
    def test_today_before_the_slot(self):
        """Before the slot, today's tip is next, at the slot."""
        assert next_due(sub(), utc(2026, 11, 23, 8), lambda d: False) == (
            date(2026, 11, 23),
            utc(2026, 11, 23, 9),
        )

    def test_missed_slot_is_due_today_but_not_tomorrow(self):
        """After a missed slot the tip is due at once; the next day does not owe it."""
        day, at = next_due(sub(), utc(2026, 11, 23, 15), lambda d: False)
        assert day == date(2026, 11, 23) and at < utc(2026, 11, 23, 15)

    def test_posted_today_means_tomorrow(self):
        """Once today's tip is posted the next one is tomorrow's."""
        day, _ = next_due(sub(), utc(2026, 11, 23, 15), lambda d: True)
        assert day == date(2026, 11, 24)

    def test_skips_days_off(self):
        """Friday afternoon's next weekday tip is Monday's."""
        s = sub(days=(0, 1, 2, 3, 4))
        assert next_due(s, utc(2026, 11, 27, 10), lambda d: True) == (
            date(2026, 11, 30),
            utc(2026, 11, 30, 9),
        )

    def test_a_slot_before_turning_on_is_not_owed(self):
        """Tips turned on at 15:00 with a 09:00 slot start tomorrow, not at once."""
        s = sub(since=utc(2026, 11, 23, 15))
        assert next_due(s, utc(2026, 11, 23, 15), lambda d: False)[0] == date(2026, 11, 24)
