"""Load benchmark: signed `/role` commands from concurrent clients, `serve` vs a minimal Bolt app.

    .venv/bin/python -m bench.load [--clients 8] [--seconds 6] [--rounds 3] [--gthread]

Starts a stand-in for Slack's servers (bench.sink), then `python -m bot serve` and the
smallest Bolt app on Bolt's own development server (`App.start`), and hits each with the same
signed slash commands from N client processes (one request at a time each, a new connection
per request). Prints requests per second, p50 and p99 latency and errors side by side, the
number of answers rolebot posted to response_url, and whether the targets are met.
With --gthread, also `serve` on gunicorn's gthread worker (the process left unpatched, as
before bot.slack.green), in the same alternating rounds: the gevent worker's cost, if any.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.sink import start_sink  # noqa: E402
from tests.bot.slack.signing import SECRET, signed_headers, slash  # noqa: E402

__all__ = ["Result", "main", "measure"]

TOKEN = "xoxb-1-2-benchmarktoken"
MINIMAL_APP = textwrap.dedent("""
    import sys
    from slack_bolt import App
    from slack_sdk import WebClient

    app = App(client=WebClient(token=sys.argv[3], base_url=sys.argv[2]), signing_secret=sys.argv[4])

    @app.command("/role")
    def role(ack):
        ack("ok")

    app.start(port=int(sys.argv[1]))
""")
GTHREAD_SERVE = (  # `serve` without bot.cli's gevent patch: gunicorn's gthread worker
    "import sys; from bot.cli import parser; from bot.slack import serve; "
    "sys.exit(serve.run(parser().parse_args(sys.argv[1:])))"
)


@dataclass
class Result:
    """What one target did under load."""

    name: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        """Latency percentile in milliseconds."""
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(p) - 1] * 1000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_up(url: str, proc: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench: {url} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answers (404 is fine for Bolt's dev server)
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"bench: {url} did not come up")


def _request_bytes(host: str, port: int, path: str, body: str, when: int) -> bytes:
    headers = signed_headers(body, secret=SECRET, timestamp=when)
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "Connection: close",
        f"Content-Length: {len(body.encode())}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


def _one(addr: tuple[str, int], data: bytes) -> int:
    """Send one request on a new connection; the HTTP status (a light client: the load
    generator shares the machine with the servers, so it must cost them little CPU)."""
    with socket.create_connection(addr, timeout=5) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head = b"".join(chunks).split(b"\r\n", 1)[0].split()
    return int(head[1]) if len(head) > 1 else 0


def _client(url: str, body: str, until: float, out: mp.Queue, begin: float = 0.0) -> None:
    time.sleep(max(0.0, begin - time.time()))
    parts = urlsplit(url)
    addr = (parts.hostname, parts.port)
    latencies, errors, in_window, signed_at, data = [], 0, 0, 0, b""
    while time.time() < until:
        now = int(time.time())
        if now != signed_at:  # a fresh signature each second, as Slack's timestamps move
            signed_at, data = now, _request_bytes(*addr, parts.path, body, now)
        start = time.perf_counter()
        try:
            ok = _one(addr, data) == 200
        except OSError:
            ok = False
        if ok:
            latencies.append(time.perf_counter() - start)
            in_window += time.time() <= until
        else:
            errors += 1
    out.put((latencies, errors, in_window))


def measure(name: str, url: str, body: str, clients: int, seconds: float) -> Result:
    """Hit url with `clients` processes for `seconds`; collect latencies and errors."""
    _client(url, body, time.time() + 0.5, mp.Queue())  # warm up (not counted)
    queue: mp.Queue = mp.Queue()
    start = time.time() + 0.3  # every client is running by then; all begin together
    procs = [
        mp.Process(target=_client, args=(url, body, start + seconds, queue, start)) for _ in range(clients)
    ]
    for proc in procs:
        proc.start()
    parts = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    latencies = sorted(lat for part, _, _ in parts for lat in part)
    # throughput: requests completed inside the window, over the window
    return Result(name, sum(n for _, _, n in parts), sum(e for _, e, _ in parts), seconds, latencies)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _start(cmd: list[str], env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)


def _merge(parts: list[Result]) -> Result:
    return Result(
        parts[0].name,
        sum(p.requests for p in parts),
        sum(p.errors for p in parts),
        sum(p.seconds for p in parts),
        sorted(x for p in parts for x in p.latencies),
    )


def main(argv: list[str] | None = None) -> int:
    """Run both targets, alternating rounds (the machine's load drifts), and compare."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--clients", type=int, default=8)
    args.add_argument("--seconds", type=float, default=6.0, help="per target, over all rounds")
    args.add_argument("--rounds", type=int, default=3)
    args.add_argument("--gthread", action="store_true", help="also serve on the gthread worker")
    opts = args.parse_args(argv)
    sink_url, sink, stop_sink, sink_counts = start_sink()
    api_url = f"{sink_url}/api/"
    body = slash("mlops salary", f"{sink_url}/response/bench")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PORT"))}
    env.update(SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api_url)
    with tempfile.TemporaryDirectory() as tmp:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
        ports = _free_port(), _free_port(), _free_port()
        procs = [
            _start(
                [sys.executable, "-m", "bot", "serve", "--port", str(ports[0])],
                env,
                ROOT,
                Path(tmp) / "serve.log",
            ),
            _start(
                [sys.executable, "-c", MINIMAL_APP, str(ports[1]), api_url, TOKEN, SECRET],
                env,
                Path(tmp),
                Path(tmp) / "minimal.log",
            ),
        ]
        names = ["rolebot serve", "minimal Bolt App.start"]
        if opts.gthread:
            serve_args = ["serve", "--port", str(ports[2])]
            procs.append(
                _start(
                    [sys.executable, "-c", GTHREAD_SERVE, *serve_args], env, ROOT, Path(tmp) / "gthread.log"
                )
            )
            names.append("rolebot serve (gthread)")
        runs: list[list[Result]] = [[] for _ in names]
        try:
            _wait_up(f"http://127.0.0.1:{ports[0]}/healthz", procs[0])
            _wait_up(f"http://127.0.0.1:{ports[1]}/slack/events", procs[1])
            if opts.gthread:
                _wait_up(f"http://127.0.0.1:{ports[2]}/healthz", procs[2])
            for _ in range(opts.rounds):
                for i in range(len(names)):
                    runs[i].append(
                        measure(
                            names[i],
                            f"http://127.0.0.1:{ports[i]}/slack/events",
                            body,
                            opts.clients,
                            opts.seconds / opts.rounds,
                        )
                    )
        finally:
            for proc in procs:
                _stop(proc)
    time.sleep(0.5)
    stop_sink.set()
    answered = sink_counts.get(timeout=10).get("/response/bench", 0)
    sink.join(timeout=5)
    ours, base, *others = (_merge(r) for r in runs)
    print(
        f"{opts.clients} clients, {opts.seconds:g} s per target in {opts.rounds} alternating "
        f"rounds, signed /role commands, {os.cpu_count()} CPUs"
    )
    print(f"{'target':<24}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'requests':>10}")
    for r in (ours, base, *others):
        print(
            f"{r.name:<24}{r.rps:>9.0f}{r.percentile(50):>9.1f}{r.percentile(99):>9.1f}"
            f"{r.errors:>8}{r.requests:>10}"
        )
    ratio = ours.rps / base.rps if base.rps else float("inf")
    print(
        f"rolebot posted {answered} answers to response_url ({ours.requests} measured commands plus warm-up)"
    )
    checks = [
        (f"throughput >= 3x minimal Bolt ({ratio:.1f}x)", ratio >= 3),
        (f"p99 < 100 ms ({ours.percentile(99):.1f} ms)", ours.percentile(99) < 100),
        (f"no errors ({ours.errors})", ours.errors == 0),
    ]
    for label, ok in checks:
        print(f"  [{'met' if ok else 'MISSED'}] {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
