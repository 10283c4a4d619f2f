"""A cheap stand-in for Slack's servers during the benchmark: asyncio, one process.

Slack's Web API and response_url hosts are not on the benchmarked machine; the test fake
(threads, recording) would eat the CPU the servers under test need, so the benchmark uses
this: it answers auth.test like Slack, anything else with {"ok": true}, and counts requests.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp

from tests.fake_slack import AUTH_TEST  # the same fake identity as the tests' Web API

__all__ = ["serve_sink", "start_sink"]

_AUTH = json.dumps(AUTH_TEST).encode()
_OK = b'{"ok": true}'


def _answer(body: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, counts: dict[str, int]) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:].strip() or 0)
            if length:
                await reader.readexactly(length)
            path = head.split(b" ", 2)[1].decode()
            counts[path] = counts.get(path, 0) + 1
            writer.write(_answer(_AUTH if path.endswith("/auth.test") else _OK))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


def serve_sink(port_out: mp.Queue, counts_out: mp.Queue, stop: mp.Event) -> None:
    """Run the sink on a free port (sent through port_out) until `stop`; report counts."""
    counts: dict[str, int] = {}

    async def main() -> None:
        server = await asyncio.start_server(lambda r, w: _handle(r, w, counts), "127.0.0.1", 0)
        port_out.put(server.sockets[0].getsockname()[1])
        while not stop.is_set():
            await asyncio.sleep(0.05)
        server.close()

    asyncio.run(main())
    counts_out.put(counts)


def start_sink() -> tuple[str, mp.Process, mp.Event, mp.Queue]:
    """Start the sink process; its base URL, process, stop event and counts queue."""
    port_q: mp.Queue = mp.Queue()
    counts_q: mp.Queue = mp.Queue()
    stop = mp.Event()
    proc = mp.Process(target=serve_sink, args=(port_q, counts_q, stop), daemon=True)
    proc.start()
    return f"http://127.0.0.1:{port_q.get(timeout=10)}", proc, stop, counts_q
