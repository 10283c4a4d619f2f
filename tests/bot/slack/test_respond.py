"""respond() over kept-alive connections sends what Bolt's respond() sends."""

from __future__ import annotations

import socket
import threading

import pytest
from slack_bolt.context.respond.internals import _build_message

from bot.slack.respond import Connections, PooledRespond, message


class OneShotServer:
    """Answers one request per connection, then closes it without saying so (a stale peer)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.connections = 0
        self.requests = 0
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/response/x"

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            while len(body) < length:
                body += conn.recv(65536)
            self.requests += 1
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            conn.close()


class TestMessage:
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"text": "hi"},
            {"text": "hi", "blocks": [{"type": "divider"}], "response_type": "ephemeral"},
            {"text": "", "replace_original": True, "delete_original": False, "thread_ts": "1.0"},
            {"delete_original": True},
        ],
    )
    def test_matches_bolts_payload(self, kwargs):
        """The body is the one Bolt's respond() builds for the same arguments."""
        assert message(**kwargs) == _build_message(**kwargs)


class TestConnections:
    def test_one_connection_serves_many_answers(self, fake_slack):
        """Several answers from one thread reach response_url and all get 200."""
        connections = Connections()
        statuses = [
            connections.post_json(fake_slack.response_url("k"), {"text": str(n)}).status_code
            for n in range(3)
        ]
        assert statuses == [200, 200, 200]
        assert [c.body["text"] for c in fake_slack.wait_for("/response/k", 3)] == ["0", "1", "2"]

    def test_a_connection_the_server_dropped_is_retried_once(self):
        """When the kept-alive connection was closed by the server, a new one is used."""
        server = OneShotServer()
        connections = Connections()
        assert connections.post_json(server.url, {"text": "a"}).status_code == 200
        assert connections.post_json(server.url, {"text": "b"}).status_code == 200
        assert (server.connections, server.requests) == (2, 2)

    def test_an_unreachable_url_is_a_connection_error(self):
        """A refused connection surfaces as an OSError for the error handler."""
        with pytest.raises(OSError):
            Connections(timeout=2).post_json("http://127.0.0.1:9/response/x", {"text": "x"})


class TestPooledRespond:
    def test_keeps_bolts_signature(self, fake_slack):
        """respond(text=..., response_type=...) posts the same JSON as Bolt would."""
        respond = PooledRespond(fake_slack.response_url("p"), Connections())
        respond(text="hi", response_type="ephemeral", replace_original=False)
        (call,) = fake_slack.wait_for("/response/p")
        assert call.body == {"text": "hi", "response_type": "ephemeral", "replace_original": False}
        assert respond.response_url == fake_slack.response_url("p")
