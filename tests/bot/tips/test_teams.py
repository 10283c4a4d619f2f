"""Tips in multi-workspace mode: each team's tips posted with that team's token, `tips post --team`."""

from __future__ import annotations

from argparse import Namespace
from datetime import timedelta
from io import StringIO

import pytest
from slack_sdk.oauth.installation_store import Installation

from bot.config import Settings
from bot.store import Database, Team, TipStore, upgrade
from bot.store.installs import Installations
from bot.store.records import Subscription
from bot.tips import cli as tips_cmd
from bot.tips.poster import TipPoster
from bot.tips.schedule import TipsConfig
from bot.tips.service import TipsService
from bot.tips.teams import TeamsScheduler, team_client
from tests.bot.tips import fixtures as fx
from tests.fake_clock import FakeClock, utc
from tests.tips_kb import make_kb

fake_slack, _module_fake_slack = fx.fake_slack, fx._module_fake_slack  # one server per module
CLIENT_ID, SECRET = "1111111111.2222222222", "0123456789abcdef0123456789abcdef"
TOKENS = {"T1": "xoxb-1-tips-one", "T2": "xoxb-2-tips-two"}
NOW = utc(2026, 11, 23, 9, 1)  # a Monday, just after 09:00 UTC


@pytest.fixture
def teams(database_url, fake_slack):
    """Two installed teams, each subscribed to tips in its channel C1 at 09:00 UTC."""
    db = Database(database_url)
    upgrade(db)
    installs = Installations(db, CLIENT_ID)
    for team, token in TOKENS.items():
        installs.save(
            Installation(
                app_id="A0APP", team_id=team, bot_token=token, bot_id="B0", bot_user_id="U0B", user_id="U1"
            )
        )
        TipStore(db, Team("", team)).save_subscription(
            Subscription("C1", weekdays=tuple(range(7))), NOW - timedelta(days=1)
        )
    settings = Settings(
        client_id=CLIENT_ID, client_secret=SECRET, api_url=fake_slack.api_url, database_url=database_url
    )
    yield db, installs, settings
    db.close()


def scheduler(db, installs, settings, clock) -> TeamsScheduler:
    service = TipsService(TipStore(db), TipsConfig(), clock)

    def make_poster(team_service):
        return TipPoster(team_service.store, None, fx.rotation(), clock)

    return TeamsScheduler(service, make_poster, clock, lambda team: team_client(settings, installs, team))


class TestTeamsScheduler:
    def test_each_team_is_posted_with_its_own_token(self, teams, fake_slack):
        """Channel C1 of each team gets its tip, through that team's token, once."""
        db, installs, settings = teams
        sched = scheduler(db, installs, settings, FakeClock(NOW))
        sched.tick()
        sched.tick()
        posts = fake_slack.calls_to("chat.postMessage")
        assert sorted(c.token for c in posts) == sorted(TOKENS.values())
        assert {c.body["channel"] for c in posts} == {"C1"}

    def test_an_uninstalled_team_gets_no_more_tips(self, teams, fake_slack):
        """After T1's bot is deleted (uninstall), only T2 is posted."""
        db, installs, settings = teams
        installs.delete_bot(enterprise_id=None, team_id="T1")
        scheduler(db, installs, settings, FakeClock(NOW)).tick()
        assert [c.token for c in fake_slack.calls_to("chat.postMessage")] == [TOKENS["T2"]]

    def test_subscriptions_without_an_installation_are_skipped(self, teams, fake_slack, caplog):
        """A team with subscriptions but no installation is skipped with one line, the others posted."""
        db, installs, settings = teams
        TipStore(db, Team("", "T9")).save_subscription(Subscription("C9"), NOW - timedelta(days=1))
        sched = scheduler(db, installs, settings, FakeClock(NOW))
        sched.tick()
        sched.tick()
        assert len(fake_slack.calls_to("chat.postMessage")) == 2
        assert caplog.text.count("T9 skipped") == 1


class TestPostTeam:
    def run(self, settings, fake, database_url, **args):
        env = {
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "DATABASE_URL": database_url,
        }
        out, err = StringIO(), StringIO()
        ns = Namespace(tips_command="post", channel="C1", date=None, **{"team": None, **args})
        code = tips_cmd.run(ns, kb=make_kb(), clock=FakeClock(NOW), env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def test_posts_with_the_teams_token(self, teams, fake_slack, database_url):
        """`tips post --team T2 --channel C1` posts to T2's C1 with T2's token."""
        code, out, _ = self.run(teams[2], fake_slack, database_url, team="T2")
        assert code == 0 and "posted" in out
        (call,) = fake_slack.calls_to("chat.postMessage")
        assert call.token == TOKENS["T2"]
        assert TipStore(teams[0], Team("", "T2")).posted("C1", NOW.date())
        assert TipStore(teams[0], Team("", "T1")).posted("C1", NOW.date()) is None

    @pytest.mark.parametrize(("team", "said"), [(None, "--team is required"), ("T9", "has no installation")])
    def test_a_missing_or_unknown_team_is_one_line(self, teams, fake_slack, database_url, team, said):
        """No --team, or a team with no installation: exit 2, one line, nothing posted."""
        code, _, err = self.run(teams[2], fake_slack, database_url, team=team)
        assert code == 2 and said in err and err.count("\n") == 1
        assert fake_slack.calls_to("chat.postMessage") == []


def test_team_is_refused_in_single_workspace_mode(fake_slack, tmp_path):
    """--team with SLACK_BOT_TOKEN (one team): exit 2, one line."""
    env = {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_API_URL": fake_slack.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
    }
    err = StringIO()
    ns = Namespace(tips_command="post", channel="C1", date=None, team="T1")
    assert tips_cmd.run(ns, kb=make_kb(), env=env, out=StringIO(), err=err) == 2
    assert "multi-workspace" in err.getvalue()


def test_an_expiring_token_is_rotated_before_tips_are_posted(teams, fake_slack):
    """team_client refreshes a rotating token about to expire (through SLACK_API_URL) and saves it."""

    db, installs, settings = teams
    fake_slack.add_team("T4", "xoxb-4-old", "code-4", refresh_token="xoxe-1-four", rotated_token="xoxb-4-new")
    installs.save(_expiring("xoxe-1-four", bot_id="B0", bot_user_id="U0B"))
    assert team_client(settings, installs, Team("", "T4")).token == "xoxb-4-new"
    assert installs.installation_for(Team("", "T4")).bot_token == "xoxb-4-new"
    (refresh,) = fake_slack.calls_to("oauth.v2.access")
    assert refresh.body["grant_type"] == "refresh_token"


def test_a_team_whose_token_cannot_be_rotated_does_not_stop_the_others(teams, fake_slack):
    """A refused refresh (one team) skips that team this pass; the other team's tip is posted."""

    db, installs, settings = teams
    fake_slack.add_team("T4", "xoxb-4-old", "code-4", refresh_token="xoxe-1-gone", rotated_token="xoxb-4-new")
    fake_slack.error("oauth.v2.access", "invalid_refresh_token")
    installs.delete_bot(enterprise_id=None, team_id="T1")
    installs.save(_expiring("xoxe-1-gone"))
    TipStore(db, Team("", "T4")).save_subscription(
        Subscription("C4", weekdays=tuple(range(7))), NOW - timedelta(days=1)
    )
    scheduler(db, installs, settings, FakeClock(NOW)).tick()
    assert [c.token for c in fake_slack.calls_to("chat.postMessage")] == [TOKENS["T2"]]


def test_tips_run_posts_each_team_with_its_token(teams, fake_slack, database_url):
    """`tips run` in multi-workspace mode (one pass: stop is already set) posts both teams' tips,
    each with its team's token."""
    import threading

    env = {
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "DATABASE_URL": database_url,
    }
    stop, codes = threading.Event(), []
    stop.set()
    args = Namespace(tips_command="run")
    # in a thread of its own: on the main thread `tips run` would take over pytest's SIGINT
    worker = threading.Thread(
        target=lambda: codes.append(
            tips_cmd.run(args, kb=make_kb(), clock=FakeClock(NOW), env=env, err=StringIO(), stop=stop)
        )
    )
    worker.start()
    worker.join()
    (code,) = codes
    assert code == 0
    assert sorted(c.token for c in fake_slack.calls_to("chat.postMessage")) == sorted(TOKENS.values())


def _expiring(refresh_token: str, **extra) -> Installation:
    """Team T4's installation with a bot token that expires in a minute (rotation is due)."""
    import time

    return Installation(
        app_id="A0APP",
        team_id="T4",
        bot_token="xoxb-4-old",
        bot_refresh_token=refresh_token,
        bot_token_expires_at=int(time.time()) + 60,
        user_id="U1",
        **extra,
    )
