"""Slow clients against a real `serve`: hundreds of trickling connections stall nobody."""

from __future__ import annotations

import resource
import socket
import time

import pytest

from tests.bot.slack.signing import post, signed_headers, slash

SLOW = 400  # connections, each sending its headers a line at a time and never finishing
HEAD = b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"


@pytest.fixture(scope="module")
def descriptors():
    """Room for the slow sockets here and in `serve` (which inherits the limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 4 * SLOW + 256
    if hard != resource.RLIM_INFINITY and hard < want:
        pytest.skip(f"RLIMIT_NOFILE hard limit {hard} < {want}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, want), hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.fixture(scope="module")
def slow_server(descriptors, server):
    """The module's `serve`, started after the limit was raised."""
    return server


def trickle(port: int, count: int) -> list[socket.socket]:
    """`count` connections that have sent the start of a request head and stop there."""
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(HEAD)
        socks.append(sock)
    return socks


class TestSlowClients:
    def test_a_role_command_is_answered_within_a_second_beside_400_slow_clients(self, slow_server):
        """With 400 connections trickling their headers, a signed /role still gets 200 in under 1 s."""
        live = slow_server
        live.fake.reset()
        socks = trickle(live.port, SLOW)
        try:
            for round_ in range(3):
                time.sleep(0.3)
                for sock in socks:  # one more header line each: they are alive, just slow
                    sock.sendall(b"X-Slow-%d: 1\r\n" % round_)
                body = slash("mlops salary", live.fake.response_url(f"slow{round_}"))
                answer = post(live.events_url, body, signed_headers(body), timeout=5)
                assert answer.status == 200 and answer.elapsed < 1.0
                live.fake.wait_for(f"/response/slow{round_}", timeout=1.0)
        finally:
            for sock in socks:
                sock.close()
        assert live.proc.poll() is None
        assert "Using worker: gevent" in live.log.read_text()

    def test_the_slow_clients_get_their_answer_when_they_finish(self, slow_server):
        """A slow client that finally completes its request is answered too (refused: unsigned)."""
        (sock,) = trickle(slow_server.port, 1)
        with sock:
            time.sleep(0.2)
            sock.sendall(b"Content-Length: 2\r\n\r\n{}")
            assert sock.recv(64).startswith(b"HTTP/1.1 401")
