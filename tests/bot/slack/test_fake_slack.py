"""The fake Web API behaves like Slack's for the calls the bot makes."""

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler


class TestFakeSlack:
    def test_records_calls_and_answers_like_slack(self, fake_slack):
        """chat.postMessage is recorded and answered with a ts."""
        client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
        resp = client.chat_postMessage(channel="C1", text="hi")
        assert resp["ok"] and resp["ts"]
        (call,) = fake_slack.calls_to("chat.postMessage")
        assert call.body["channel"] == "C1" and call.headers["authorization"] == "Bearer xoxb-test"

    def test_scripted_errors_are_served_once(self, fake_slack):
        """A scripted error answers one call, then the default returns."""
        client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
        fake_slack.error("chat.postMessage", "channel_not_found")
        try:
            client.chat_postMessage(channel="C1", text="x")
            raise AssertionError("expected SlackApiError")
        except SlackApiError as exc:
            assert exc.response["error"] == "channel_not_found"
        assert client.chat_postMessage(channel="C1", text="x")["ok"]

    def test_rate_limit_is_waited_out(self, fake_slack):
        """A 429 with Retry-After is retried by slack_sdk's handler."""
        client = WebClient(
            token="xoxb-test",
            base_url=fake_slack.api_url,
            retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)],
        )
        fake_slack.rate_limit("chat.postMessage", retry_after=0)
        assert client.chat_postMessage(channel="C1", text="x")["ok"]
        assert len(fake_slack.calls_to("chat.postMessage")) == 2
