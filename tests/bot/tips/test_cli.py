"""`python -m bot tips preview|post|run`: the command-line contract, end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from argparse import Namespace
from collections import Counter
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

from bot.cli import main
from bot.tips import cli as tips_cmd
from tests.bot.tips import fixtures as fx
from tests.fake_clock import FakeClock, utc
from tests.tips_kb import make_kb

fake_slack, _module_fake_slack = fx.fake_slack, fx._module_fake_slack  # one server per module
ROOT = Path(__file__).resolve().parents[3]
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}


def preview(capsys, channel: str, days: int = 365) -> list[dict]:
    assert (
        main(
            ["tips", "preview", "--channel", channel, "--days", str(days), "--start", "2026-01-01", "--json"]
        )
        == 0
    )
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def post_args(channel="C1", day=None) -> Namespace:
    return Namespace(tips_command="post", channel=channel, date=day)


def env_for(fake, tmp_path, **extra) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": fake.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
        **extra,
    }


class TestPreview:
    def test_needs_no_token_and_no_network(self, tmp_path):
        """With no Slack variables at all, preview prints JSON lines with the contract's keys."""
        proc = subprocess.run(
            [sys.executable, "-m", "bot", "tips", "preview", "--channel", "C1", "--days", "7", "--json"],
            cwd=tmp_path,
            env=BASE_ENV | {"SLACK_API_URL": "http://127.0.0.1:9/"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert len(rows) == 5  # a week of the default schedule: Monday to Friday
        assert all(date.fromisoformat(r["date"]).weekday() < 5 for r in rows)
        assert all(set(r) == {"date", "channel", "role", "topic", "text"} for r in rows)
        assert not (tmp_path / "rolebot.db").exists()

    def test_a_year_repeats_nothing_until_the_pool_is_used_up(self, capsys):
        """On the default weekdays schedule a year is 261 tips, Monday to Friday, and none comes
        back before every tip of the pool was posted."""
        pool = len(tips_cmd.rotation())
        rows = preview(capsys, "C0PREVIEW")
        assert len(rows) == 261 and rows[0]["date"] == "2026-01-01"
        assert rows[-1]["date"] == "2026-12-31"
        assert all(date.fromisoformat(r["date"]).weekday() < 5 for r in rows)
        last: dict[str, int] = {}
        for i, row in enumerate(rows):
            if row["text"] in last:
                assert i - last[row["text"]] == pool
            last[row["text"]] = i
        assert len({r["text"] for r in rows[:pool]}) == pool

    def test_a_daily_channel_gets_every_day(self, capsys, tmp_path, monkeypatch):
        """A channel the defaults file schedules daily gets a tip each of the 365 days."""
        path = tmp_path / "tips.yaml"
        path.write_text("channels:\n  - channel: C0DAILY\n    weekdays: daily\n")
        monkeypatch.setenv("ROLEBOT_TIPS_CONFIG", str(path))
        rows = preview(capsys, "C0DAILY")
        assert len(rows) == 365 and len({r["text"] for r in rows}) == len(tips_cmd.rotation())

    def test_preview_continues_from_what_the_channel_was_posted(
        self, capsys, tmp_path, monkeypatch, fake_slack
    ):
        """After two posts, preview starts at the channel's third tip, as the next post will."""
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
        poster = fx.poster_for(fake_slack, tmp_path / "p.db", FakeClock(utc(2026, 11, 20, 9)))
        for day in (date(2026, 11, 19), date(2026, 11, 20)):
            assert poster.post("C0CONT", day).status == "posted"
        poster.store.close()
        assert (
            main(["tips", "preview", "--channel", "C0CONT", "--days", "1", "--start", "2026-11-23", "--json"])
            == 0
        )
        (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert row["text"] == tips_cmd.rotation().nth("C0CONT", 2).text

    def test_two_channels_differ_on_most_days(self, capsys):
        """Two channels get different tips on at least 90% of a year's days."""
        a, b = preview(capsys, "C0AAAA"), preview(capsys, "C0BBBB")
        assert sum(x["text"] != y["text"] for x, y in zip(a, b, strict=True)) >= 0.9 * len(a)

    def test_mix_rotates_across_roles_and_topics(self, capsys):
        """A month covers all five roles and every tip topic, never a role twice in a row."""
        rows = preview(capsys, "C0MIX", days=30)
        assert len(Counter(r["role"] for r in rows)) == 5
        assert len(Counter(r["topic"] for r in rows)) == 6
        assert all(x["role"] != y["role"] for x, y in zip(rows, rows[1:], strict=False))

    def test_text_output_reads_plainly(self, capsys):
        """Without --json each tip is a dated heading and plain text."""
        assert main(["tips", "preview", "--channel", "C1", "--days", "2", "--start", "2026-01-01"]) == 0
        out = capsys.readouterr().out
        assert "2026-01-01 Thu · C1" in out and "2026-01-02" in out and "/role " in out

    def test_bad_start_date_is_one_line(self, capsys):
        """A malformed --start fails with exit 2 and one line."""
        assert main(["tips", "preview", "--channel", "C1", "--start", "tomorrow"]) == 2
        err = capsys.readouterr().err
        assert "not a date" in err and err.count("\n") == 1


class TestPost:
    def run(self, fake, tmp_path, args, clock=None, client=None, **env):
        out, err = StringIO(), StringIO()
        code = tips_cmd.run(
            args,
            kb=make_kb(),
            clock=clock or FakeClock(utc(2026, 11, 23, 12)),
            env=env_for(fake, tmp_path, **env),
            out=out,
            err=err,
            client=client,
        )
        return code, out.getvalue(), err.getvalue()

    def test_posts_then_reports_already_posted(self, fake_slack, tmp_path):
        """First run posts (exit 0), the second finds it posted (exit 0) and sends nothing."""
        code, out, _ = self.run(fake_slack, tmp_path, post_args(day="2026-11-20"))
        assert code == 0 and "posted" in out
        code, out, _ = self.run(fake_slack, tmp_path, post_args(day="2026-11-20"))
        assert code == 0 and "already" in out
        (call,) = fake_slack.calls_to("chat.postMessage")
        assert call.body["metadata"]["event_payload"]["day"] == "2026-11-20"

    def test_could_not_post_is_non_zero_with_one_line(self, fake_slack, tmp_path):
        """channel_not_found: exit 1 and one line on stderr naming the reason."""
        fake_slack.error("chat.postMessage", "channel_not_found")
        code, _, err = self.run(fake_slack, tmp_path, post_args())
        assert code == 1 and "channel_not_found" in err and err.count("\n") == 1

    def test_unreachable_slack_is_non_zero(self, fake_slack, tmp_path):
        """Slack down: exit 1, one line."""
        fake_slack.down()
        client = fx.client_for(fake_slack, retries=False)
        code, _, err = self.run(fake_slack, tmp_path, post_args(), client=client)
        assert code == 1 and "unreachable" in err and err.count("\n") == 1

    def test_a_successful_post_resumes_a_paused_channel(self, fake_slack, tmp_path):
        """After channel_not_found pauses C1, a manual post that works lifts the pause."""
        fake_slack.error("chat.postMessage", "channel_not_found")
        assert self.run(fake_slack, tmp_path, post_args())[0] == 1
        store = fx.store_at(tmp_path / "r.db")
        assert store.flags() == {"C1": "channel_not_found"}
        assert self.run(fake_slack, tmp_path, post_args())[0] == 0
        assert store.flags() == {}
        store.close()

    def test_unusable_database_is_one_line(self, fake_slack, tmp_path):
        """A DATABASE_URL in a missing directory fails at start: exit 2 and one line."""
        code, _, err = self.run(
            fake_slack, tmp_path, post_args(), DATABASE_URL=f"sqlite:///{tmp_path}/missing/dir/r.db"
        )
        assert code == 2 and "database" in err and err.count("\n") == 1

    def test_a_post_in_progress_elsewhere_is_non_zero(self, fake_slack, tmp_path):
        """While another process holds a live claim, post sends nothing and exits 1."""
        store = fx.store_at(tmp_path / "r.db")
        store.claim("C1", date(2026, 11, 23), "k", "other", utc(2026, 11, 23, 12), timedelta(minutes=5))
        store.close()
        code, _, err = self.run(fake_slack, tmp_path, post_args(day="2026-11-23"))
        assert code == 1 and "another process" in err and err.count("\n") == 1
        assert not fake_slack.calls_to("chat.postMessage")

    def test_missing_token_is_a_config_error(self, fake_slack, tmp_path):
        """Without SLACK_BOT_TOKEN post exits 2 naming the variable."""
        code, _, err = self.run(fake_slack, tmp_path, post_args(), SLACK_BOT_TOKEN="")
        assert code == 2 and "SLACK_BOT_TOKEN" in err

    def test_default_date_is_the_channels_local_today(self, fake_slack, tmp_path):
        """At 20:00 UTC on the 22nd a Tokyo channel's 'today' is the 23rd."""
        cfg = tmp_path / "tips.yaml"
        cfg.write_text("channels:\n  - {channel: C1, timezone: Asia/Tokyo}\n")
        code, _, _ = self.run(
            fake_slack,
            tmp_path,
            post_args(),
            clock=FakeClock(utc(2026, 11, 22, 20)),
            ROLEBOT_TIPS_CONFIG=str(cfg),
        )
        assert code == 0
        (call,) = fake_slack.calls_to("chat.postMessage")
        assert call.body["metadata"]["event_payload"]["day"] == "2026-11-23"


class TestRun:
    def test_catches_up_and_stops_cleanly_on_sigterm(self, fake_slack, tmp_path):
        """`tips run` posts today's missed tip at start, counts it on $PORT's /metrics, then
        exits 0 on SIGTERM."""
        from tests.bot.conftest import free_port
        from tests.bot.ops.test_metrics import get, sample

        cfg = tmp_path / "tips.yaml"
        cfg.write_text("channels:\n  - {channel: C1, time: '00:00', weekdays: daily}\n")
        port = free_port()
        env = env_for(fake_slack, tmp_path, ROLEBOT_TIPS_CONFIG=str(cfg), PORT=str(port), METRICS_TOKEN="t0k")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "tips", "run"],
            cwd=ROOT,
            env=BASE_ENV | env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            (call,) = fake_slack.wait_for("chat.postMessage", timeout=20)
            assert call.body["channel"] == "C1"
            time.sleep(0.2)
            assert get(f"http://127.0.0.1:{port}/readyz")[0] == 200
            status, text = get(f"http://127.0.0.1:{port}/metrics", "t0k")
            assert status == 200 and sample(text, "rolebot_tips_total", outcome="posted") == 1
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=10)
        finally:
            proc.kill()
        assert proc.returncode == 0, err
        assert "tips scheduler stopped" in err and "posted" in err
        assert "Traceback" not in err
