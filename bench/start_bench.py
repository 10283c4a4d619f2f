"""Start-up, memory and per-query figures of the offline `ask` path, beside their anchors.

    .venv/bin/python -m bench.start_bench [--runs 20] [--questions 2000]

Prints, from this one run (nothing here asserts a time):
- cold `python -m bot ask "/role mlops salary"` (and "which roles need kubernetes?") against
  `python -c "import slack_bolt"`,
  run in alternating pairs, as the median of the pair ratios (goal <= 0.6x), with bytecode
  cached for both as an installed package has it (pip wrote slack_bolt's .pyc; the warm-up
  writes rolebot's __pycache__, even where PYTHONDONTWRITEBYTECODE is set: compiling
  rolebot's ~130 KB of source on every start costs ~45 ms, which no installed copy pays);
- which heavy modules that cold `ask` imported (pydantic should not be one);
- peak RSS of one `ask --json -` answering N questions (goal <= 25 MiB);
- per query in process: route + render + JSON, median and p99 (goal <= 0.2 ms median);
- the worst case: a 4,000-character message of unknown words (and of one repeated word).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import string
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ask_bench import queries  # noqa: E402

__all__ = ["cold_pairs", "main", "peak_rss", "unknown_words"]

QUESTIONS = ("/role mlops salary", "which roles need kubernetes?")
BOLT = ["-c", "import slack_bolt"]
HEAVY = ("pydantic", "rapidfuzz", "yaml", "slack_bolt", "email", "importlib.metadata")


# The children cache bytecode as an installed package does (see the module docstring).
_CACHED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True, env=_CACHED)
    return time.perf_counter() - start


def cold_pairs(runs: int, question: str = QUESTIONS[0]) -> tuple[list[float], list[float]]:
    """`runs` alternating (ask QUESTION, import slack_bolt) wall times, after one warm-up of each."""
    py = sys.executable
    ask_cmd = [py, "-m", "bot", "ask", question]
    _wall(ask_cmd), _wall([py, *BOLT])
    ask, bolt = [], []
    for _ in range(runs):
        ask.append(_wall(ask_cmd))
        bolt.append(_wall([py, *BOLT]))
    return ask, bolt


def imported_on_ask() -> list[str]:
    """The heavy modules a cold `ask` leaves in sys.modules."""
    probe = (
        "import sys, contextlib, io\n"
        "from bot.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['ask', '/role mlops salary'])\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.split()


def peak_rss(lines: list[str]) -> float:
    """Peak RSS in MiB of one `ask --json -` process answering `lines` (its own rusage)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        cwd=ROOT,
        env=_CACHED,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    proc.stdin.write(("\n".join(lines) + "\n").encode())
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"bench: ask --json - exited with {proc.returncode}")
    return usage.ru_maxrss / 1024  # KiB on Linux


def unknown_words(chars: int = 4000, seed: int = 13) -> str:
    """A message of `chars` characters of made-up words (none in the vocabulary)."""
    rnd = random.Random(seed)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < chars:
        words.append("".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(5, 10))))
    return " ".join(words)[:chars]


def _per_query(texts: list[str], repeat: int = 1) -> list[float]:
    import handlers
    from bot.ask import encode  # the JSON of `ask --json -`
    from knowledge.load import load

    kb = load()
    handlers.ask("/role mlops salary", kb)  # the engine is built once per process
    times = []
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            encode(handlers.ask(text, kb))
            times.append(time.perf_counter() - start)
    return times


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def main(argv: list[str] | None = None) -> int:
    """Print every figure with its anchor."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20, help="cold-start pairs")
    ap.add_argument("--questions", type=int, default=2000)
    args = ap.parse_args(argv)
    lines = queries(args.questions)

    for question in QUESTIONS:
        ask, bolt = cold_pairs(args.runs, question)
        ratio = statistics.median(a / b for a, b in zip(ask, bolt, strict=True))
        print(
            f"cold start, bytecode cached, {args.runs} alternating pairs: `python -m bot ask {question!r}` "
            f'median {statistics.median(ask):.3f} s, `python -c "import slack_bolt"` median '
            f"{statistics.median(bolt):.3f} s -> {ratio:.2f}x (goal <= 0.60x)"
        )
    heavy = imported_on_ask()
    print(f"  heavy modules a cold ask imported: {', '.join(heavy) or 'none'}")

    rss = peak_rss(lines)
    print(
        f"peak RSS of `ask --json -` over {len(lines)} questions: {rss:.1f} MiB -> {rss / 25:.2f}x of 25 MiB"
    )

    times = _per_query(lines)
    med = statistics.median(times)
    p99 = statistics.quantiles(times, n=100)[98]
    print(
        f"per query in process (route + render + JSON), {len(times)} questions: median {_ms(med)} "
        f"-> {med / 0.0002:.2f}x of 0.2 ms; p99 {_ms(p99)}; max {_ms(max(times))}"
    )
    for name, text in (
        ("4,000 chars of unknown words", unknown_words()),
        ("4,000 chars of one unknown word", ("zorblax " * 500)[:4000]),
    ):
        worst = statistics.median(_per_query([text], repeat=30))
        print(f"worst case, {name}: median {_ms(worst)} -> {worst / med:.1f}x the median query")
    return 0


if __name__ == "__main__":
    sys.exit(main())
