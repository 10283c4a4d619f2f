"""Memory of `serve` on gunicorn against the smallest Bolt app on gunicorn, side by side.

    .venv/bin/python -m bench.worker_memory [--requests 200]

Starts a stand-in for Slack's servers (bench.sink), then `python -m bot serve` with one
worker and bench.minimal_bolt under gunicorn with the same worker class (as gunicorn runs it
by default, and with --preload, which builds the app before the fork as `serve` does), both on 127.0.0.1
with fake credentials. Each gets the same signed `/role` commands (so rolebot has answered
and built its matcher), then the private memory (Private_Clean + Private_Dirty of
/proc/PID/smaps_rollup: what a process does not share) and RSS of each master and worker
are printed with the ratio rolebot / minimal (goal: worker <= 1.00x). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import TOKEN, _free_port, _one, _request_bytes, _start, _stop, _wait_up  # noqa: E402
from bench.sink import start_sink  # noqa: E402
from tests.bot.slack.signing import SECRET, slash  # noqa: E402

__all__ = ["main", "memory", "worker_of"]

MINIMAL = "bench.minimal_bolt:application"


def memory(pid: int) -> dict[str, float]:
    """MiB of one process: private (clean + dirty), Pss and Rss from smaps_rollup."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value) / 1024
    return {
        "private": fields["Private_Clean"] + fields["Private_Dirty"],
        "pss": fields["Pss"],
        "rss": fields["Rss"],
    }


def worker_of(master: int, timeout: float = 20) -> int:
    """The pid of the master's one child (its gunicorn worker)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if kids:
            return int(kids[0])
        time.sleep(0.05)
    raise SystemExit(f"bench: gunicorn master {master} started no worker")


def _hit(port: int, body: str, n: int) -> int:
    ok = 0
    for _ in range(n):
        data = _request_bytes("127.0.0.1", port, "/slack/events", body, int(time.time()))
        ok += _one(("127.0.0.1", port), data) == 200
    return ok


def main(argv: list[str] | None = None) -> int:
    """Start both, warm both with the same commands, print their memory side by side."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args(argv)
    sink_url, sink, stop_sink, _ = start_sink()
    api_url = f"{sink_url}/api/"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PORT", "WEB_CONCURRENCY"))}
    env.update(SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api_url, WEB_CONCURRENCY="1")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
        env["PYTHONPATH"] = str(ROOT)
        ports = _free_port(), _free_port(), _free_port()
        gunicorn = [sys.executable, "-m", "gunicorn", "-w", "1", "-k", "gthread", "--threads", "16", "-b"]
        cmds = {
            "rolebot serve": [sys.executable, "-m", "bot", "serve", "--port", str(ports[0])],
            "minimal Bolt on gunicorn": [*gunicorn, f"127.0.0.1:{ports[1]}", MINIMAL],
            "the same, --preload": [*gunicorn, f"127.0.0.1:{ports[2]}", "--preload", MINIMAL],
        }
        procs = [_start(cmd, env, ROOT, Path(tmp) / f"{i}.log") for i, cmd in enumerate(cmds.values())]
        try:
            _wait_up(f"http://127.0.0.1:{ports[0]}/healthz", procs[0])
            for port, proc in zip(ports[1:], procs[1:], strict=True):
                _wait_up(f"http://127.0.0.1:{port}/slack/events", proc)
            body = slash("mlops salary", f"{sink_url}/response/bench")
            for name, proc, port in zip(cmds, procs, ports, strict=True):
                answered = _hit(port, body, args.requests)
                time.sleep(0.5)  # let rolebot's answers to response_url finish
                worker = worker_of(proc.pid)
                rows.append((name, answered, memory(proc.pid), memory(worker)))
        finally:
            for proc in procs:
                _stop(proc)
    stop_sink.set()
    sink.join(timeout=5)
    print(
        f"after {args.requests} signed /role commands each, one worker (rolebot: gevent, as `serve` runs;"
        " minimal Bolt: gthread, 16 threads), MiB:"
    )
    head = ("target", "ok", "worker private", "worker rss", "master private", "master rss")
    print(f"{head[0]:<26}{head[1]:>5}{head[2]:>16}{head[3]:>12}{head[4]:>16}{head[5]:>12}")
    for name, ok, master, worker in rows:
        print(
            f"{name:<26}{ok:>5}{worker['private']:>16.1f}{worker['rss']:>12.1f}"
            f"{master['private']:>16.1f}{master['rss']:>12.1f}"
        )
    (_, _, ours_m, ours_w), *bases = rows
    for name, _, base_m, base_w in bases:
        ratio = {k: ours_w[k] / base_w[k] for k in ours_w}
        print(
            f"vs {name}: worker private memory {ratio['private']:.2f}x (goal <= 1.00x); "
            f"worker rss {ratio['rss']:.2f}x; master private {ours_m['private'] / base_m['private']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
