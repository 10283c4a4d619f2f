"""Post one (channel, day) tip exactly once: claim in the store, send, record the ts.

Claim recovery: a claim whose lease expired (its process died mid-send, or a send ended with
an unknown outcome such as a dropped connection) is taken over, and before posting again the
new owner looks for the earlier message in the channel with conversations.history: every tip
is posted with message metadata (event_type `rolebot_tip`, payload {channel, day, tip}). If it
is there, its ts is recorded and nothing is posted. If the history cannot be read (e.g. the app
lacks channels:history), the tip is *not* posted: we prefer a missed tip to a duplicate
(at-most-once for that rare case), and the line logged says so.

A send that Slack answered with an error certainly did not post, so its claim is released and
the tip stays due; channel_not_found / not_in_channel / archived channels are paused (flagged)
until someone runs `/role tips on` there again.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from bot.clock import Clock
from bot.config import Settings
from bot.ops import metrics
from bot.store import Claim, Store
from bot.webapi import make_client
from handlers.tips import Rotation

__all__ = ["EVENT_TYPE", "PAUSE_ERRORS", "Outcome", "TipPoster", "make_owner", "tips_client"]

EVENT_TYPE = "rolebot_tip"
PAUSE_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived", "channel_is_archived"})


@dataclass(frozen=True)
class Outcome:
    """What became of one post: posted, already, busy or failed (retry: it stays due)."""

    status: str
    channel: str
    day: date
    ts: str | None = None
    reason: str = ""
    retry: bool = False

    @property
    def ok(self) -> bool:
        """The tip is in the channel (now or before)."""
        return self.status in ("posted", "already")

    def line(self) -> str:
        """One log line."""
        where = f"{self.channel} {self.day.isoformat()}"
        if self.ok:
            return f"tip {where}: {self.status} (ts {self.ts})"
        tail = "; will retry" if self.retry else ""
        return f"tip {where}: {self.status}: {self.reason}{tail}"


def tips_client(settings: Settings, token: str | None = None) -> WebClient:
    """make_client's WebClient (with `token`, else the mode's) minus the connection-error retry:
    tips are never resent blindly."""
    # A connection dropped after the request went out may still have posted; slack_sdk would
    # resend, which could post twice. The claim recovery handles it instead. 429s are still
    # waited out (Retry-After).
    client = make_client(settings, token=token)
    client.retry_handlers = [
        h for h in client.retry_handlers if not isinstance(h, ConnectionErrorRetryHandler)
    ]
    return client


def make_owner() -> str:
    """A name for this process's claims: host, pid and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _never_sent(exc: BaseException) -> bool:
    """The connection was never made (refused, no DNS): Slack cannot have posted anything."""
    reason = exc.reason if isinstance(exc, URLError) else exc
    return isinstance(reason, ConnectionRefusedError | socket.gaierror)


def _describe(exc: BaseException) -> str:
    reason = exc.reason if isinstance(exc, URLError) else exc
    return reason.__class__.__name__ if isinstance(reason, BaseException) else str(reason)


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")


class TipPoster:
    """Posts tips through an injected WebClient, recording them in an injected Store."""

    def __init__(
        self,
        store: Store,
        client: WebClient,
        rotation: Rotation,
        clock: Clock,
        *,
        owner: str | None = None,
        lease: timedelta = timedelta(minutes=10),
        history_pages: int = 5,
    ) -> None:
        self.store = store
        self.client = client
        self.rotation = rotation
        self.clock = clock
        self.owner = owner or make_owner()
        self.lease = lease
        self.history_pages = history_pages
        self._unrecorded: dict[tuple[str, date], str] = {}

    def _record(self, channel: str, day: date, ts: str) -> None:
        """mark_sent, remembering the ts until the database has it (it may be down)."""
        self._unrecorded[channel, day] = ts
        self.store.mark_sent(channel, day, ts, self.clock.now())
        del self._unrecorded[channel, day]

    def post(self, channel: str, day: date) -> Outcome:
        """Post channel's tip for day (counted: rolebot_tips_total); see _post."""
        outcome = self._post(channel, day)
        if outcome.status == "posted":
            metrics.tip("posted")
        elif outcome.status == "failed":
            metrics.tip("failed")
        return outcome

    def _post(self, channel: str, day: date) -> Outcome:
        """Post channel's tip for day unless it was posted already; never raises for Slack.

        A database fault raises StoreError; a tip posted while the database could not record it
        is recorded on the next call, never posted again.
        """
        if (channel, day) in self._unrecorded:
            ts = self._unrecorded[channel, day]
            self._record(channel, day, ts)
            return Outcome("already", channel, day, ts=ts)
        tip = self.rotation.nth(channel, self.store.posts_before(channel, day))  # by what was posted
        claim = self.store.claim(channel, day, tip.key, self.owner, self.clock.now(), self.lease)
        if claim.status == "sent":
            return Outcome("already", channel, day, ts=claim.ts)
        if claim.status == "busy":
            return Outcome("busy", channel, day, reason="another process is posting it now", retry=True)
        if claim.status == "recovered":
            found = self._find_posted(channel, day, claim)
            if isinstance(found, Outcome):
                return found
            if found is not None:
                self._record(channel, day, found)
                return Outcome("already", channel, day, ts=found)
        metadata = {
            "event_type": EVENT_TYPE,
            "event_payload": {"channel": channel, "day": day.isoformat(), "tip": tip.key},
        }
        try:
            resp = self.client.chat_postMessage(
                channel=channel,
                text=tip.text,
                blocks=list(tip.blocks),
                metadata=metadata,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            return self._refused(channel, day, exc)
        except Exception as exc:  # transport: did the request reach Slack?
            if _never_sent(exc):
                self.store.release(channel, day, self.owner)
            else:  # it may have posted: the next attempt looks first
                self.store.expire(channel, day, self.owner)
            return Outcome("failed", channel, day, retry=True, reason=f"Slack unreachable ({_describe(exc)})")
        ts = str(resp.get("ts") or "")
        self._record(channel, day, ts)
        if channel in self.store.flags():  # it works again (e.g. `tips post` after an invite)
            self.store.set_flag(channel, None, self.clock.now())
        return Outcome("posted", channel, day, ts=ts)

    def _refused(self, channel: str, day: date, exc: SlackApiError) -> Outcome:
        error = _error(exc)
        status = getattr(exc.response, "status_code", 200)
        if status >= 500:  # Slack's side failed: it may have posted
            self.store.expire(channel, day, self.owner)
            return Outcome("failed", channel, day, reason=f"Slack error {error}", retry=True)
        self.store.release(channel, day, self.owner)
        if error in PAUSE_ERRORS:
            self.store.set_flag(channel, error, self.clock.now())
            return Outcome("failed", channel, day, reason=f"{error}; tips paused here")
        return Outcome("failed", channel, day, reason=error, retry=True)

    def _find_posted(self, channel: str, day: date, claim: Claim) -> str | Outcome | None:
        """The ts of an earlier post of this tip, None if there is none, or a failed Outcome."""
        oldest = claim.first_claimed - timedelta(minutes=10)
        cursor = None
        try:
            for _ in range(self.history_pages):
                resp = self.client.conversations_history(
                    channel=channel,
                    oldest=f"{oldest.timestamp():.6f}",
                    limit=200,
                    include_all_metadata=True,
                    cursor=cursor,
                )
                for message in resp.get("messages") or []:
                    meta = message.get("metadata") or {}
                    payload = meta.get("event_payload") or {}
                    if meta.get("event_type") == EVENT_TYPE and payload.get("day") == (day.isoformat()):
                        return str(message.get("ts"))
                cursor = (resp.get("response_metadata") or {}).get("next_cursor")
                if not resp.get("has_more") or not cursor:
                    return None
        except SlackApiError as exc:
            error = _error(exc)
            self.store.expire(channel, day, self.owner)
            if error in PAUSE_ERRORS:
                self.store.set_flag(channel, error, self.clock.now())
                return Outcome("failed", channel, day, reason=f"{error}; tips paused here")
            return Outcome(
                "failed",
                channel,
                day,
                retry=True,
                reason=f"cannot check whether an earlier attempt posted ({error}); "
                "not posting, to avoid a duplicate",
            )
        except Exception as exc:
            self.store.expire(channel, day, self.owner)
            return Outcome("failed", channel, day, retry=True, reason=f"Slack unreachable ({_describe(exc)})")
        self.store.expire(channel, day, self.owner)
        return Outcome(
            "failed",
            channel,
            day,
            retry=True,
            reason="earlier attempt not found in the recent history; not posting, to avoid a duplicate",
        )
