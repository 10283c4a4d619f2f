"""A small fake of Slack's Web API on 127.0.0.1, the way bolt-python tests itself.

Every request is recorded. Web API methods live under /api/<method>; anything
else (e.g. /response/<id>, used as a `response_url`) answers 200 "ok".
Scripted answers (`fake.script(...)`) are served first, in order, per method;
`fake.down()` makes the server close connections without answering. conversations.history
(newest first) and conversations.replies list what chat.postMessage posted (each answered-ok
message, with its ts, thread_ts and metadata), as Slack would; `FakeSlack(history=False)`
answers them with an empty ok instead. `fake.add_team(...)` makes a workspace installable:
oauth.v2.access answers its code with its bot token, and auth.test answers that token with the
team's ids (an unknown code is `invalid_code`; `fake.revoke(token)` makes auth.test refuse it).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

__all__ = ["AUTH_TEST", "Call", "FakeSlack", "Team"]


@dataclass
class Call:
    """One request the fake received."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: bytes = b""
    at: float = field(default_factory=time.monotonic, compare=False)  # when it arrived
    ts: str = ""  # the message ts Slack gives a chat.postMessage (set on arrival)

    @property
    def token(self) -> str:
        """The token the call was made with (Authorization: Bearer, or a token field)."""
        bearer = self.headers.get("authorization", "")
        return bearer[len("Bearer ") :] if bearer.startswith("Bearer ") else str(self.body.get("token", ""))

    @property
    def method(self) -> str:
        """The Web API method name (chat.postMessage), or the path for other URLs."""
        return self.path[len("/api/") :] if self.path.startswith("/api/") else self.path


@dataclass
class _Answer:
    status: int = 200
    body: dict[str, Any] | str = field(default_factory=lambda: {"ok": True})
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (the call is recorded at once)
    reset: bool = False  # do the call (a post is posted), then drop the connection unanswered
    drop: bool = False  # drop the connection before the call does anything


# What auth.test answers: the fake workspace and the bot's own ids.
AUTH_TEST = {
    "ok": True,
    "url": "https://t.example/",
    "team": "T",
    "user": "rolebot",
    "team_id": "T0TEAM",
    "user_id": "U0BOT",
    "bot_id": "B0BOT",
}


@dataclass(frozen=True)
class Team:
    """A workspace the fake lets install rolebot: its OAuth code gives its bot token."""

    team_id: str
    token: str
    code: str
    name: str = "A workspace"
    enterprise_id: str | None = None
    bot_user_id: str = "U0BOT"
    bot_id: str = "B0BOT"
    org_install: bool = False  # an org-wide install (Enterprise Grid)
    refresh_token: str | None = None  # token rotation: the token expires in a minute ...
    rotated_token: str | None = None  # ... and refreshing it gives this one

    def refreshed(self) -> dict[str, Any]:
        """What oauth.v2.access answers for grant_type=refresh_token."""
        return {
            "ok": True,
            "token_type": "bot",
            "access_token": self.rotated_token,
            "refresh_token": self.refresh_token,
            "expires_in": 43200,
        }

    def oauth_answer(self) -> dict[str, Any]:
        """What oauth.v2.access answers for this team's code."""
        return {
            "ok": True,
            "app_id": "A0APP",
            "authed_user": {"id": "U0INSTALLER"},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": self.token,
            "bot_user_id": self.bot_user_id,
            "team": None if self.org_install else {"id": self.team_id, "name": self.name},
            "enterprise": {"id": self.enterprise_id, "name": "An org"} if self.enterprise_id else None,
            "is_enterprise_install": self.org_install,
            **({"refresh_token": self.refresh_token, "expires_in": 60} if self.refresh_token else {}),
        }

    def auth_test(self) -> dict[str, Any]:
        """What auth.test answers for this team's token."""
        return {
            **AUTH_TEST,
            "team_id": self.team_id,
            "team": self.name,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            **({"enterprise_id": self.enterprise_id} if self.enterprise_id else {}),
            **({"is_enterprise_install": True} if self.org_install else {}),
        }


def _default(method: str, body: dict[str, Any], ts: str) -> dict[str, Any]:
    if method == "auth.test":
        return dict(AUTH_TEST)
    if method == "chat.postMessage":
        return {
            "ok": True,
            "channel": body.get("channel", "C0"),
            "ts": ts,
            "message": {"text": body.get("text", ""), "ts": ts},
        }
    if method == "chat.postEphemeral":
        return {"ok": True, "message_ts": ts}
    return {"ok": True}


class FakeSlack:
    """Start with `FakeSlack().start()`; `api_url` is the base URL for WebClient."""

    def __init__(self, *, history: bool = True) -> None:
        self.calls: list[Call] = []
        self.history = history
        self.posted: list[dict[str, Any]] = []  # messages chat.postMessage posted (ok answers)
        self._scripts: dict[str, list[_Answer]] = {}
        self._always: dict[str, dict[str, Any]] = {}
        self._lock = threading.Condition()
        self._teams: dict[str, Team] = {}  # by code and by token
        self._revoked: set[str] = set()
        self._ts = itertools.count(1)
        self._down = False
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                fake._serve(self)

            do_GET = do_POST

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # a short poll: stop() (shutdown) waits up to one poll interval, once per test
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    # lifecycle -------------------------------------------------------------
    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    # scripting -------------------------------------------------------------
    def script(
        self,
        method: str,
        *,
        status: int = 200,
        body: dict | str | None = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
        delay: float = 0.0,
        reset: bool = False,
        drop: bool = False,
    ) -> None:
        """Answer the next `times` calls of `method` like this (then the default again);
        `delay`: answer that late (a slow Slack: a client may time out although it posted);
        `reset`: do the call, then drop the connection without answering (a reset after posting);
        `drop`: drop the connection before the call does anything (recorded, not posted)."""
        answer = _Answer(status, {"ok": True} if body is None else body, headers or {}, delay, reset, drop)
        with self._lock:
            self._scripts.setdefault(method, []).extend([answer] * times)

    def always(self, method: str, body: dict[str, Any]) -> None:
        """Answer every unscripted call of `method` with body (e.g. apps.connections.open's URL)."""
        with self._lock:
            self._always[method] = body

    def error(self, method: str, error: str, times: int = 1) -> None:
        """Answer `method` with Slack's {"ok": false, "error": ...}."""
        self.script(method, body={"ok": False, "error": error}, times=times)

    def rate_limit(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """Answer `method` with HTTP 429 and Retry-After."""
        self.script(
            method,
            status=429,
            body={"ok": False, "error": "ratelimited"},
            headers={"Retry-After": str(retry_after)},
            times=times,
        )

    def add_team(self, team_id: str, token: str, code: str, **details: Any) -> Team:
        """Make a workspace installable: its code gives its token (see Team)."""
        team = Team(team_id, token, code, **details)
        with self._lock:
            self._teams[code] = self._teams[token] = team
            for also in (team.refresh_token, team.rotated_token):
                if also:
                    self._teams[also] = team
        return team

    def revoke(self, token: str) -> None:
        """auth.test refuses this token from now on (invalid_auth)."""
        with self._lock:
            self._revoked.add(token)

    def _team_answer(self, call: Call) -> dict[str, Any] | None:
        """oauth.v2.access and auth.test for the teams added, None for anything else."""
        if call.method == "oauth.v2.access":
            if call.body.get("grant_type") == "refresh_token":
                team = self._teams.get(str(call.body.get("refresh_token", "")))
                return team.refreshed() if team else {"ok": False, "error": "invalid_refresh_token"}
            team = self._teams.get(str(call.body.get("code", "")))
            return team.oauth_answer() if team else {"ok": False, "error": "invalid_code"}
        if call.method != "auth.test":
            return None
        token = call.token
        if token in self._revoked:
            return {"ok": False, "error": "invalid_auth"}
        team = self._teams.get(token)
        return team.auth_test() if team else None

    def down(self, is_down: bool = True) -> None:
        """While down, every connection is closed without an answer (an outage)."""
        self._down = is_down

    # inspection ------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until `method` has been called `count` times; return those calls."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{method}: {len(found)} calls, wanted {count}")
                self._lock.wait(left)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.posted.clear()
            self._scripts.clear()

    # serving ---------------------------------------------------------------
    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length) if length else b""
        if self._down:
            req.close_connection = True
            req.wfile.flush()
            req.connection.close()
            return
        path = req.path.split("?", 1)[0]
        call = Call(path, {k.lower(): v for k, v in req.headers.items()}, _parse(req, raw), raw)
        call.ts = ts = f"{time.time():.0f}.{next(self._ts):06d}"
        with self._lock:
            self.calls.append(call)
            queue = self._scripts.get(call.method)
            answer = queue.pop(0) if queue else None
            if answer is None and call.method in self._always:
                answer = _Answer(200, self._always[call.method])
            self._lock.notify_all()
        if answer is not None and answer.drop:
            req.close_connection = True
            req.connection.shutdown(2)
            return
        reset = answer is not None and answer.reset
        if reset:
            answer = None
        if answer is None:
            body: dict | str = _default(call.method, call.body, ts) if path.startswith("/api/") else "ok"
            body = self._team_answer(call) or body
            if self.history and call.method.startswith("conversations."):
                body = {"ok": True, "messages": self._history(call.method, call.body), "has_more": False}
            answer = _Answer(200, body)
        if call.method == "chat.postMessage" and answer.status == 200 and isinstance(answer.body, dict):
            if answer.body.get("ok"):
                with self._lock:
                    self.posted.append({**call.body, "ts": answer.body.get("ts") or ts})
        if reset:
            req.close_connection = True
            req.connection.shutdown(2)
            return
        data = (json.dumps(answer.body) if isinstance(answer.body, dict) else answer.body).encode()
        time.sleep(answer.delay)
        try:
            req.send_response(answer.status)
            ctype = "application/json" if isinstance(answer.body, dict) else "text/plain"
            req.send_header("Content-Type", f"{ctype}; charset=utf-8")
            req.send_header("Content-Length", str(len(data)))
            for key, value in answer.headers.items():
                req.send_header(key, value)
            req.end_headers()
            req.wfile.write(data)
        except OSError:  # the client gave up waiting (delay): it is gone
            req.close_connection = True

    def _history(self, method: str, query: dict[str, Any]) -> list[dict[str, Any]]:
        """What conversations.history / .replies would list of the posted messages."""
        with self._lock:
            posted = [m for m in self.posted if m.get("channel") == query.get("channel")]
        if method == "conversations.replies":
            posted = [m for m in posted if m.get("thread_ts") == query.get("ts")]
        else:
            posted = [m for m in posted if not m.get("thread_ts")]
        oldest = float(query.get("oldest") or 0)
        messages = []
        for message in posted:
            if float(message["ts"]) >= oldest:
                meta = message.get("metadata")
                meta = json.loads(meta) if isinstance(meta, str) else meta
                messages.append(
                    {
                        "type": "message",
                        "user": AUTH_TEST["user_id"],
                        "bot_id": AUTH_TEST["bot_id"],
                        "text": message.get("text", ""),
                        "ts": message["ts"],
                        **({"metadata": meta} if meta else {}),
                    }
                )
        return messages[::-1] if method == "conversations.history" else messages


def _parse(req: BaseHTTPRequestHandler, raw: bytes) -> dict[str, Any]:
    ctype = req.headers.get("Content-Type", "")
    text = raw.decode("utf-8", "replace")
    if "json" in ctype:
        try:
            return json.loads(text or "{}")
        except json.JSONDecodeError:
            return {"_raw": text}
    form = {k: v[0] for k, v in parse_qs(text).items()}
    for key in ("blocks", "attachments"):
        if isinstance(form.get(key), str):
            try:
                form[key] = json.loads(form[key])
            except json.JSONDecodeError:
                pass
    return form
