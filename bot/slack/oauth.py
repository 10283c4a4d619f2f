"""Multi-workspace mode: bolt's OAuth v2 flow ("Add to Slack") on rolebot's database.

bolt does the work: `GET /slack/install` hands out a `state` (stored, and set as a cookie) and
the "Add to Slack" link; `GET /slack/oauth_redirect` checks the state (same browser, issued here,
not used before), exchanges the code (`oauth.v2.access`, then `auth.test`) and saves the
installation. Every call goes through the app's client, so through SLACK_API_URL, token
rotation included. rolebot adds only the pages (plain words) and `KnownTeam`: a request from a
team with no installation is acknowledged and dropped, without bolt's "please reinstall" reply.
`KnownTeam` authorizes once and bolt's authorization reuses that result (`OnceAuthorize`), so an
uninstall landing between the two cannot turn a known team into an error.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.middleware import Middleware
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings
from bot.slack.envelope import REVOCATION
from bot.slack.pages import page
from bot.store import Database, StoreError
from bot.store.installs import Installations, OAuthStates

__all__ = ["FAILURES", "KnownTeam", "oauth_flow"]

log = logging.getLogger("rolebot.oauth")
_AUTHORIZED = "rolebot_authorized"  # the context key KnownTeam leaves its result under
# why an installation failed (bolt's reasons), in plain words, and the HTTP status
FAILURES = {
    "access_denied": (200, "Nothing was installed: the installation was cancelled in Slack."),
    "invalid_browser": (
        400,
        "Nothing was installed: this page was opened without the cookie set when the installation "
        "started (another browser, or cookies blocked). Start again from the install page, in this browser.",
    ),
    "invalid_state": (
        400,
        "Nothing was installed: this installation link has expired or was already used. "
        "Start again from the install page.",
    ),
    "missing_code": (400, "Nothing was installed: Slack's answer had no authorization code."),
    "invalid_code": (
        400,
        "Nothing was installed: Slack did not accept the authorization code (it may have been used "
        "already). Start again from the install page.",
    ),
    "storage_error": (
        503,
        "Slack approved the installation, but rolebot could not save it, so it is not installed. "
        "Please try again in a few minutes.",
    ),
}
_UNKNOWN = (
    400,
    "Nothing was installed: Slack reported a problem ({reason}). Start again from the install page.",
)


def _html(status: int, text: str) -> BoltResponse:
    return BoltResponse(status=status, body=text, headers={"Content-Type": "text/html; charset=utf-8"})


def _success(args: SuccessArgs) -> BoltResponse:
    found = args.installation
    where = found.enterprise_name if found.is_enterprise_install else found.team_name
    where = html.escape(where or found.team_id or found.enterprise_id or "your workspace")
    open_url = f"slack://app?team={html.escape(found.team_id or '')}&id={html.escape(found.app_id or '')}"
    if found.is_enterprise_install and found.enterprise_url:
        open_url = html.escape(found.enterprise_url)
    log.info("installed: enterprise %s team %s", found.enterprise_id or "-", found.team_id or "-")
    cookie = args.settings.state_utils.build_set_cookie_for_deletion()
    response = _html(
        200,
        page(
            "rolebot is installed",
            f"rolebot was added to <b>{where}</b>.",
            "Try it: type <code>/role mlops salary</code> in any channel, mention <code>@rolebot</code> "
            "in a channel you invited it to, or open rolebot under <b>Apps</b> and send it a question.",
            f'<a href="{open_url}">Open Slack</a>',
        ),
    )
    response.headers["set-cookie"] = [cookie]
    return response


def _failure(args: FailureArgs) -> BoltResponse:
    status, text = FAILURES.get(args.reason, _UNKNOWN)
    log.warning("installation failed: %s", args.reason if args.reason in FAILURES else "slack error")
    install = html.escape(args.settings.install_path)
    response = _html(
        status,
        page(
            "rolebot was not installed",
            html.escape(text.format(reason=args.reason[:40])),
            f'<a href="{install}">Back to the install page</a>',
        ),
    )
    response.headers["set-cookie"] = [args.settings.state_utils.build_set_cookie_for_deletion()]
    return response


class RolebotOAuthFlow(OAuthFlow):
    """bolt's OAuthFlow with rolebot's install page."""

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        scopes = ", ".join(html.escape(s) for s in self.settings.scopes or ())
        return page(
            "Add rolebot to Slack",
            "rolebot answers career questions about five AI/ML engineering roles with <code>/role</code>, "
            "in mentions and direct messages, and can post a daily career tip to a channel.",
            f'<a class="button" href="{html.escape(url)}">Add to Slack</a>',
            f"Slack will ask you to allow these permissions: {scopes}.",
            "Removing the app from your workspace deletes everything rolebot keeps for it.",
        )


def oauth_flow(settings: Settings, db: Database, client: WebClient, logger: logging.Logger) -> OAuthFlow:
    """bolt's OAuth flow with slack_sdk's SQLAlchemy stores on `db`, calling Slack through `client`."""
    client_id, client_secret = settings.require_oauth()
    installations = Installations(db, client_id)
    oauth = OAuthSettings(
        client_id=client_id,
        client_secret=client_secret,
        scopes=list(settings.scopes),
        user_scopes=[],
        installation_store=installations,
        state_store=OAuthStates(db),
        callback_options=CallbackOptions(success=_success, failure=_failure),
        logger=logger,
    )
    # bolt's own authorize would rotate tokens with a client of its own, on slack.com
    oauth.authorize = OnceAuthorize(
        logger=logger,
        installation_store=installations,
        client_id=client_id,
        client_secret=client_secret,
        token_rotation_expiration_minutes=oauth.token_rotation_expiration_minutes,
        client=client,
    )
    return RolebotOAuthFlow(client=client, logger=logger, settings=oauth)


def _event_type(body: dict[str, Any]) -> str | None:
    event = body.get("event")
    return event.get("type") if isinstance(event, dict) else None


class OnceAuthorize(InstallationStoreAuthorize):
    """bolt's installation-store authorize, looked up once a request: a result KnownTeam found
    is reused by bolt's authorization, not looked up again."""

    def __call__(self, *, context: Any, **kwargs: Any) -> AuthorizeResult | None:
        if _AUTHORIZED in context:
            return context[_AUTHORIZED]
        return super().__call__(context=context, **kwargs)


class KnownTeam(Middleware):
    """Before bolt's authorization: a team with no working installation gets a bare 200, nothing else.

    bolt would answer it "please reinstall this app" and log an error; rolebot drops it in one
    line. Uninstall events pass (bolt's listeners delete what is left, if anything).
    """

    def __init__(self, authorize: OnceAuthorize) -> None:
        self.authorize = authorize

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        body = req.body
        if body.get("type") in ("url_verification", "ssl_check") or _event_type(body) in REVOCATION:
            return next()
        ctx = req.context
        try:
            found = self.authorize(
                context=ctx, enterprise_id=ctx.enterprise_id, team_id=ctx.team_id, user_id=ctx.user_id
            )
        except (SQLAlchemyError, StoreError, SlackApiError) as exc:
            log.warning("cannot look up the installation (%s): request dropped", type(exc).__name__)
            return BoltResponse(status=200, body="")
        if found is None:
            log.info("ignored: team %s has no installation", ctx.team_id or ctx.enterprise_id or "-")
            return BoltResponse(status=200, body="")
        ctx[_AUTHORIZED] = found
        return next()
