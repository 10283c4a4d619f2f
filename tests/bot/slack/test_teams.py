"""Multi-workspace mode: "Add to Slack" for two teams, each answered with its own token, uninstall
deleting that team's data and only that team's; on SQLite and PostgreSQL (the database_url fixture).

The app runs in process behind the WSGI layer `serve` uses; the fake Web API answers
oauth.v2.access and auth.test for two teams (tests/fake_slack.py).
"""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.slack.app import create_app
from bot.slack.services import StoredMemory
from bot.slack.wsgi import make_wsgi
from bot.store import Conversations, Database, Feedback, Team, TipStore, upgrade
from bot.store.installs import Installations
from bot.store.schema import answers, conversation_turns, tip_log, tip_subscriptions, votes
from bot.tips.schedule import TipsConfig
from bot.tips.service import TipsService
from tests.bot.conftest import BOT_TOKEN, ROOT, Server, fake_ask, free_port, serve_env, stop
from tests.bot.slack.signing import SECRET, action, event, mention, post, signed_headers, slash
from tests.fake_clock import FakeClock, utc

CLIENT_ID = "1111111111.2222222222"
CLIENT_SECRET = "0123456789abcdef0123456789abcdef"
TOKENS = {"T1": "xoxb-1-team-one-token", "T2": "xoxb-2-team-two-token"}
JSON, FORM = "application/json", "application/x-www-form-urlencoded"
COOKIE = "slack-app-oauth-state"


@dataclass
class Multi:
    wsgi: Any
    fake: Any
    db: Database

    def request(self, method: str, path: str, query: str = "", body: str = "", headers=None):
        """status, headers (lower-case names, lists) and text of one request."""
        data = body.encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(data),
            "CONTENT_LENGTH": str(len(data)),
        }
        for key, value in (headers or {}).items():
            name = key.upper().replace("-", "_")
            environ[name if name == "CONTENT_TYPE" else f"HTTP_{name}"] = value
        seen: dict[str, Any] = {}

        def start_response(status, headers):
            seen["status"], seen["headers"] = int(status.split()[0]), {}
            for name, value in headers:
                seen["headers"].setdefault(name.lower(), []).append(value)

        text = b"".join(self.wsgi(environ, start_response)).decode()
        return seen["status"], seen["headers"], text

    def start_install(self) -> str:
        """GET /slack/install: the state it handed out (in its cookie and its Add to Slack link)."""
        status, headers, page = self.request("GET", "/slack/install")
        assert status == 200 and "Add to Slack" in page
        (cookie,) = headers["set-cookie"]
        state = re.match(rf"{COOKIE}=([^;]+)", cookie).group(1)
        link = re.search(r'href="([^"]+)"', page).group(1).replace("&amp;", "&")
        assert parse_qs(urlsplit(link).query)["state"] == [state]
        return state

    def redirect(self, code: str, state: str, cookie: str | None) -> tuple[int, str]:
        headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie is not None else {}
        status, _, page = self.request(
            "GET", "/slack/oauth_redirect", urlencode({"code": code, "state": state}), headers=headers
        )
        return status, page

    def install(self, code: str) -> tuple[int, str]:
        state = self.start_install()
        return self.redirect(code, state, state)

    def post(self, body: str, content_type: str = JSON) -> int:
        headers = signed_headers(body, content_type=content_type)
        return self.request("POST", "/slack/events", body=body, headers=headers)[0]

    def count(self, table, team: str) -> int:
        with self.db.begin(read=True) as conn:
            return conn.execute(select(func.count()).select_from(table).where(table.c.team == team)).scalar()


def eventually(check: Callable[[], Any], what: str, timeout: float = 10.0) -> Any:
    """Wait for check() to be true (the listener runs after the ack); fail naming what."""
    deadline = time.monotonic() + timeout
    while not (found := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.02)
    return found


@pytest.fixture
def multi(fake_slack, kb, database_url):
    """The app in multi-workspace mode on a migrated database; two teams can install it."""
    fake_slack.add_team("T1", TOKENS["T1"], "code-1", name="Team <One>")
    fake_slack.add_team("T2", TOKENS["T2"], "code-2", name="Team Two")
    db = Database(database_url)
    upgrade(db)
    settings = Settings(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        signing_secret=SECRET,
        api_url=fake_slack.api_url,
        database_url=database_url,
    )
    tips = TipsService(TipStore(db), TipsConfig(), FakeClock(utc(2026, 12, 1, 8)))
    app = create_app(
        settings,
        kb,
        ask=fake_ask,
        tips=tips,
        votes=Feedback(db),
        memory=StoredMemory(Conversations(db)),
        db=db,
    )
    yield Multi(make_wsgi(app, signing_secret=SECRET), fake_slack, db)
    db.close()


def installed(multi: Multi) -> Multi:
    for code in ("code-1", "code-2"):
        assert multi.install(code)[0] == 200
    return multi


class TestInstall:
    def test_two_teams_install(self, multi):
        """Each team's install ends on a page saying it worked; each installation is stored."""
        for code, name in (("code-1", "Team &lt;One&gt;"), ("code-2", "Team Two")):
            status, page = multi.install(code)
            assert status == 200 and "rolebot is installed" in page and name in page
            assert not re.search(r"error|wrong|fail|oops|sorry", page, re.IGNORECASE)
        found = Installations(multi.db, CLIENT_ID)
        for team, token in TOKENS.items():
            assert found.installation_for(Team("", team)).bot_token == token
        exchanges = multi.fake.calls_to("oauth.v2.access")
        assert [parse_qs(c.raw.decode())["code"] for c in exchanges] == [["code-1"], ["code-2"]]
        assert {c.token for c in multi.fake.calls_to("auth.test")} >= set(TOKENS.values())

    def test_the_install_page_offers_add_to_slack_with_the_scopes(self, multi):
        """GET /slack/install links to Slack's authorize page with the client id and the manifest's scopes."""
        _, _, page = multi.request("GET", "/slack/install")
        link = re.search(r'href="([^"]+)"', page).group(1).replace("&amp;", "&")
        query = parse_qs(urlsplit(link).query)
        assert query["client_id"] == [CLIENT_ID] and "chat:write" in query["scope"][0].split(",")
        assert CLIENT_SECRET not in page

    def test_a_replayed_state_is_refused(self, multi):
        """The same state (and cookie) again is a 4xx with a plain page; nothing is installed twice."""
        state = multi.start_install()
        assert multi.redirect("code-1", state, state)[0] == 200
        status, page = multi.redirect("code-2", state, state)
        assert 400 <= status < 500 and "was not installed" in page and "already used" in page
        assert Installations(multi.db, CLIENT_ID).installation_for(Team("", "T2")) is None

    def test_a_forged_state_is_refused(self, multi):
        """A state this server never handed out is refused, even with a matching cookie."""
        multi.start_install()
        status, page = multi.redirect("code-1", "forged-state", "forged-state")
        assert 400 <= status < 500 and "was not installed" in page
        assert multi.fake.calls_to("oauth.v2.access") == []

    def test_a_cookieless_redirect_is_refused(self, multi):
        """A real state without its cookie (another browser) is refused and says what to do."""
        state = multi.start_install()
        status, page = multi.redirect("code-1", state, None)
        assert 400 <= status < 500 and "cookie" in page and "Start again" in page
        assert multi.fake.calls_to("oauth.v2.access") == []

    def test_a_code_slack_refuses_is_a_plain_failure(self, multi):
        """oauth.v2.access refusing the code is a 4xx page, not a traceback."""
        status, page = multi.install("no-such-code")
        assert 400 <= status < 500 and "did not accept" in page

    def test_a_cancelled_install_says_so(self, multi):
        """?error=access_denied (the person clicked Cancel) says nothing was installed."""
        status, _, page = multi.request("GET", "/slack/oauth_redirect", "error=access_denied&state=x")
        assert status == 200 and "cancelled" in page


class TestRequests:
    def test_each_team_is_answered_with_its_own_token(self, multi):
        """A mention in each team is answered through chat.postMessage with that team's token."""
        installed(multi)
        for n, team in enumerate(("T1", "T2")):
            assert multi.post(event(mention("mlops salary", ts=f"1.00{n}"), f"Ev{team}", team=team)) == 200
        posts = multi.fake.wait_for("chat.postMessage", 2)
        assert sorted(c.token for c in posts) == sorted(TOKENS.values())

    def test_a_command_in_each_team_is_answered(self, multi):
        """/role in each team is answered through its response_url."""
        installed(multi)
        for team in ("T1", "T2"):
            assert multi.post(slash("mlops", multi.fake.response_url(team), team=team), FORM) == 200
        for team in ("T1", "T2"):
            multi.fake.wait_for(f"/response/{team}")

    def test_an_unknown_team_gets_a_bare_2xx(self, multi, caplog):
        """A team with no installation: 2xx, no answer anywhere, no traceback."""
        installed(multi)
        caplog.set_level(logging.INFO)
        assert multi.post(event(mention("mlops salary"), "EvT3", team="T3")) == 200
        assert multi.post(slash("mlops", multi.fake.response_url("T3"), team="T3"), FORM) == 200
        assert (
            multi.post(
                action("rolebot:vote:up", "x", multi.fake.response_url("T3v")).replace("T0TEAM", "T3"), FORM
            )
            == 200
        )
        time.sleep(0.2)  # let a wrongly started listener show itself (no timing is asserted)
        assert not [
            c for c in multi.fake.calls if c.method in ("chat.postMessage", "/response/T3", "/response/T3v")
        ]
        assert "Traceback" not in caplog.text and "no installation" in caplog.text

    def test_an_uninstall_racing_a_request_is_no_error(self, multi, caplog, monkeypatch):
        """The installation gone right after the first lookup (an uninstall landing mid-request): the
        request is answered with what that lookup found, the team looked up once, no error logged."""
        installed(multi)
        lookups = []
        real = Installations.find_installation

        def vanishing(self, **kwargs):
            lookups.append(kwargs)
            return real(self, **kwargs) if len(lookups) == 1 else None

        monkeypatch.setattr(Installations, "find_installation", vanishing)
        monkeypatch.setattr(Installations, "find_bot", lambda self, **kwargs: vanishing(self, **kwargs))
        caplog.set_level(logging.INFO)
        assert multi.post(event(mention("mlops salary"), "EvRace", team="T1")) == 200
        (posted,) = multi.fake.wait_for("chat.postMessage")
        assert posted.token == TOKENS["T1"]
        assert len([k for k in lookups if k.get("user_id") is None]) == 1  # the team's: once
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []

    def test_events_without_a_database_are_dropped_in_one_line(self, multi, caplog):
        """The database gone while a mention arrives: a bare 2xx, nothing posted, one warning line."""
        installed(multi)
        if multi.db.file is None:
            pytest.skip("SQLite: the file is moved away")
        multi.db.file.rename(multi.db.file.with_suffix(".away"))
        multi.db.close()
        caplog.set_level(logging.INFO)
        assert multi.post(event(mention("mlops salary"), "EvDown", team="T1")) == 200
        time.sleep(0.2)  # let a wrongly started listener show itself (no timing is asserted)
        assert multi.fake.calls_to("chat.postMessage") == []
        assert "cannot look up the installation" in caplog.text and "Traceback" not in caplog.text

    def test_tips_subscriptions_are_per_team(self, multi):
        """`/role tips on` in channel C1 of two teams makes two subscriptions, one each."""
        installed(multi)
        for team, when in (("T1", "07:00"), ("T2", "10:30")):
            body = slash(f"tips on {when}", multi.fake.response_url(team), team=team, channel="C1")
            assert multi.post(body, FORM) == 200
            multi.fake.wait_for(f"/response/{team}")
        store = TipStore(multi.db)
        assert [s.time for s in store.for_team(Team("", "T1")).subscriptions()] == ["07:00"]
        assert [s.time for s in store.for_team(Team("", "T2")).subscriptions()] == ["10:30"]
        assert store.subscriptions() == []  # single-workspace mode's team has none
        assert set(store.teams()) == {Team("", "T1"), Team("", "T2")}


class TestUninstall:
    def fill(self, multi: Multi) -> None:
        """Both teams: a conversation, a recorded answer with a vote, a tip subscription."""
        installed(multi)
        for n, team in enumerate(("T1", "T2")):
            assert multi.post(event(mention("mlops salary", ts=f"2.00{n}"), f"EvM{team}", team=team)) == 200
            body = slash("tips on 09:00", multi.fake.response_url(team), team=team, channel="C1")
            assert multi.post(body, FORM) == 200
        multi.fake.wait_for("chat.postMessage", 2)
        for team in ("T1", "T2"):
            answer_id = eventually(lambda t=team: self.answer_of(multi, t), f"an answer recorded for {team}")
            click = action("rolebot:vote:up", answer_id, multi.fake.response_url(f"v{team}"))
            assert multi.post(click.replace("T0TEAM", team), FORM) == 200
            multi.fake.wait_for(f"/response/v{team}")
        for table in (conversation_turns, answers, votes, tip_subscriptions):
            assert multi.count(table, "T1") == multi.count(table, "T2") == 1, table.name

    @staticmethod
    def answer_of(multi: Multi, team: str) -> str | None:
        with multi.db.begin(read=True) as conn:
            return conn.execute(select(answers.c.id).where(answers.c.team == team)).scalar()

    def test_a_vote_from_another_team_is_not_counted(self, multi):
        """An answer id clicked from another team is unknown there."""
        self.fill(multi)
        answer_id = self.answer_of(multi, "T1")
        click = action("rolebot:vote:down", answer_id, multi.fake.response_url("x"), user="U9")
        assert multi.post(click.replace("T0TEAM", "T2"), FORM) == 200
        (thanks,) = multi.fake.wait_for("/response/x")
        assert "no longer have that answer" in thanks.body["text"]

    @pytest.mark.parametrize("kind", ["app_uninstalled", "tokens_revoked"])
    def test_uninstall_deletes_that_team_and_only_that_team(self, multi, kind):
        """app_uninstalled (or tokens_revoked for the bot) deletes T1's installation, tokens,
        conversations, answers, votes and subscriptions; T2 keeps everything and is still answered."""
        self.fill(multi)
        inner = {"type": kind, **({"tokens": {"bot": ["U0BOT"]}} if kind == "tokens_revoked" else {})}
        assert multi.post(event(inner, "EvBye", team="T1")) == 200
        found = Installations(multi.db, CLIENT_ID)
        eventually(lambda: found.installation_for(Team("", "T1")) is None, "T1's installation deleted")
        eventually(lambda: multi.count(tip_subscriptions, "T1") == 0, "T1's data deleted")
        for table in (conversation_turns, answers, votes, tip_subscriptions, tip_log):
            assert multi.count(table, "T1") == 0, table.name
        for table in (conversation_turns, answers, votes, tip_subscriptions):
            assert multi.count(table, "T2") == 1, table.name
        assert found.find_bot(enterprise_id=None, team_id="T1") is None
        assert found.installation_for(Team("", "T2")).bot_token == TOKENS["T2"]

        multi.fake.reset()
        assert multi.post(event(mention("after", ts="3.001"), "EvAfter1", team="T1")) == 200
        assert multi.post(event(mention("after", ts="3.002"), "EvAfter2", team="T2")) == 200
        (post,) = multi.fake.wait_for("chat.postMessage")
        time.sleep(0.2)  # a wrongly answered T1 would show up by now (no timing is asserted)
        assert [c.token for c in multi.fake.calls_to("chat.postMessage")] == [TOKENS["T2"]]

    def test_reinstalling_after_an_uninstall_works(self, multi):
        """A team that removed rolebot can add it again and is answered again."""
        installed(multi)
        assert multi.post(event({"type": "app_uninstalled"}, "EvBye", team="T1")) == 200
        found = Installations(multi.db, CLIENT_ID)
        eventually(lambda: found.installation_for(Team("", "T1")) is None, "T1 uninstalled")
        assert multi.install("code-1")[0] == 200
        assert multi.post(event(mention("back"), "EvBack", team="T1")) == 200
        (post,) = multi.fake.wait_for("chat.postMessage")
        assert post.token == TOKENS["T1"]


def test_the_body_of_json_events_is_json():
    """(helper check) event() bodies parse and carry the team."""
    assert json.loads(event({"type": "app_mention"}, team="T9"))["authorizations"][0]["team_id"] == "T9"


def multi_env(fake, tmp, **extra: str) -> dict[str, str]:
    """serve's environment in multi-workspace mode (no bot token unless given)."""
    env = serve_env(fake.api_url, tmp, SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET, **extra)
    if "SLACK_BOT_TOKEN" not in extra:
        del env["SLACK_BOT_TOKEN"]
    return env


class TestServe:
    def test_serve_installs_a_team_and_answers_it_with_its_token(self, fake_slack, tmp_path):
        """`serve` (two worker processes) with a client id and a bot token: multi-workspace mode,
        one line saying the token is ignored; a team installs through /slack/install and the
        redirect, and its mention is answered with its token; no secret in the log."""
        fake_slack.add_team("T1", TOKENS["T1"], "code-1", name="Team One")
        port, log = free_port(), tmp_path / "serve.log"
        env = multi_env(fake_slack, tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, WEB_CONCURRENCY="2")
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "--port", str(port)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            Server(fake_slack, port, log, proc).wait_healthy()
            assert fake_slack.calls == []  # no token to check at start
            with urllib.request.urlopen(f"{base}/slack/install", timeout=5) as resp:
                page = resp.read().decode()
                assert resp.status == 200 and "Add to Slack" in page
                state = re.match(rf"{COOKIE}=([^;]+)", resp.headers["Set-Cookie"]).group(1)
            done = urllib.request.Request(
                f"{base}/slack/oauth_redirect?code=code-1&state={state}",
                headers={"Cookie": f"{COOKIE}={state}"},
            )
            with urllib.request.urlopen(done, timeout=5) as resp:
                assert resp.status == 200 and "rolebot is installed" in resp.read().decode()
            with pytest.raises(urllib.error.HTTPError) as refused:  # the same state again
                urllib.request.urlopen(done, timeout=5)
            assert 400 <= refused.value.code < 500
            body = event(mention("mlops salary"), "EvServe", team="T1")
            headers = signed_headers(body, content_type=JSON)
            assert post(f"{base}/slack/events", body, headers).status == 200
            (answer,) = fake_slack.wait_for("chat.postMessage")
            assert answer.token == TOKENS["T1"]
        finally:
            stop(proc)
        said = log.read_text()
        assert said.count("SLACK_BOT_TOKEN is ignored") == 1
        for secret in (CLIENT_SECRET, BOT_TOKEN, SECRET, TOKENS["T1"]):
            assert secret not in said and secret not in page
        assert "Traceback" not in said

    @pytest.mark.parametrize(
        ("extra", "named"),
        [
            ({"SLACK_APP_TOKEN": "xapp-1-A0APP-1-abc"}, "SLACK_APP_TOKEN"),
            ({"SLACK_CLIENT_ID": "not-an-id"}, "SLACK_CLIENT_ID"),
            ({"SLACK_CLIENT_SECRET": ""}, "SLACK_CLIENT_SECRET"),
        ],
    )
    def test_bad_multi_workspace_settings_are_one_line(self, fake_slack, tmp_path, extra, named):
        """Socket Mode, a malformed client id or no client secret: one line naming it, exit 2."""
        env = {**multi_env(fake_slack, tmp_path), **extra}
        result = subprocess.run(
            [sys.executable, "-m", "bot", "serve", "--port", "1"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2 and "Traceback" not in result.stderr
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith("rolebot: ") and named in last and CLIENT_SECRET not in result.stderr


class TestEnterpriseGrid:
    def test_an_org_wide_install_answers_its_workspaces_and_its_uninstall_deletes_them(self, multi):
        """An org-wide install (Enterprise Grid) is stored as the org's; a workspace of the org is
        answered with the org's token, keyed by its own team; removing it deletes the org's data."""
        multi.fake.add_team("T5", "xoxb-5-org-token", "code-org", enterprise_id="E1", org_install=True)
        status, page = multi.install("code-org")
        assert status == 200 and "An org" in page
        org = {"authorizations": [{"enterprise_id": "E1", "team_id": None, "is_enterprise_install": True}]}
        body = event(mention("mlops salary"), "EvOrg", team="T5", enterprise_id="E1", **org)
        assert multi.post(body) == 200
        (post,) = multi.fake.wait_for("chat.postMessage")
        assert post.token == "xoxb-5-org-token"
        eventually(lambda: multi.count(answers, "T5") == 1, "the org workspace's answer recorded")
        assert multi.count(conversation_turns, "T5") == 1
        bye = event({"type": "app_uninstalled"}, "EvOrgBye", team="T5", enterprise_id="E1", **org)
        assert multi.post(bye) == 200
        eventually(lambda: multi.count(conversation_turns, "T5") == 0, "the org's data deleted")
        assert multi.count(answers, "T5") == 0
        assert Installations(multi.db, CLIENT_ID).installation_for(Team("E1", "T5")) is None


class TestTokenRotation:
    def test_an_expiring_token_is_rotated_through_the_api_url(self, multi):
        """With token rotation on, bolt refreshes a token about to expire (oauth.v2.access with the
        refresh token, through SLACK_API_URL), saves it, and answers with the new one."""
        multi.fake.add_team(
            "T3", "xoxb-3-old", "code-3", refresh_token="xoxe-1-refresh", rotated_token="xoxb-3-new"
        )
        assert multi.install("code-3")[0] == 200
        assert multi.post(event(mention("mlops salary"), "EvRot", team="T3")) == 200
        (post,) = multi.fake.wait_for("chat.postMessage")
        assert post.token == "xoxb-3-new"
        refresh = [
            c for c in multi.fake.calls_to("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"
        ]
        assert len(refresh) == 1
        stored = Installations(multi.db, CLIENT_ID).installation_for(Team("", "T3"))
        assert stored.bot_token == "xoxb-3-new"


class TestDatabaseDown:
    def test_the_install_page_without_a_database_is_a_plain_503(self, multi, caplog):
        """The database gone (SQLite file moved away): /slack/install is a plain 503 page, one log
        line, no traceback."""
        if multi.db.file is None:
            pytest.skip("SQLite: the file is moved away")
        multi.db.file.rename(multi.db.file.with_suffix(".away"))
        multi.db.close()
        status, _, page = multi.request("GET", "/slack/install")
        assert status == 503 and "could not reach its database" in page and "Traceback" not in page
        assert "installation page failed" in caplog.text and "Traceback" not in caplog.text


class TestRealPayloads:
    def test_every_stored_body_is_2xx_or_4xx_in_multi_workspace_mode(self, multi, caplog):
        """The 133 real bodies (as-is, then with fresh event ids), with their main team installed:
        2xx or 4xx, never 5xx, no traceback, no error logged."""
        from tests.bot.slack.test_payloads import FILES, as_sent

        if not FILES:
            pytest.skip("../shared/slack-payloads is not beside the repository")
        if multi.db.file is None:
            pytest.skip("once is enough: the stores are the same on PostgreSQL")
        multi.fake.add_team("T111", "xoxb-111-org", "code-111", enterprise_id="E111")
        multi.fake.add_team("T111", "xoxb-111-own", "code-111b")
        assert multi.install("code-111")[0] == multi.install("code-111b")[0] == 200
        caplog.set_level(logging.INFO)
        statuses = {}
        for i, path in enumerate(FILES):
            for event_id in (None, f"EvMulti{i}"):
                text, content_type = as_sent(path, event_id)
                statuses[f"{path.name} {event_id}"] = multi.post(text, content_type)
        assert {name: s for name, s in statuses.items() if not 200 <= s < 500} == {}
        time.sleep(0.3)  # listeners still running finish their log lines
        assert "Traceback" not in caplog.text
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
