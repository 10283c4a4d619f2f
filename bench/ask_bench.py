"""Benchmark the offline path: per-query time of `ask --json -` and cold start.

    python bench/ask_bench.py [--queries 3000] [--runs 7]

Prints figures beside the goals of issue 13 (per query <= 0.2 ms; peak RSS <= 25 MiB; cold
start <= 0.6x `python -c "import slack_bolt"`). Nothing here asserts a time. The children run
as this shell does (with PYTHONDONTWRITEBYTECODE=1 and no __pycache__, rolebot is compiled
from source on every start); bench/start_bench.py takes the same figures with bytecode cached,
paired, and medians of ratios.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import statistics
import subprocess
import sys
import time

ROLES = [
    "mlops",
    "ml ops",
    "platform",
    "ml platform engineer",
    "production ai",
    "ai systems",
    "ml engineer",
    "machine learning engineer",
    "ai/ml engineer",
    "mlpos",
    "platfrom",
]
TOPICS = [
    "salary",
    "pay",
    "trends",
    "challenges",
    "best practices",
    "soft skills",
    "requirements",
    "skills",
    "career",
    "outlook",
    "duties",
    "overview",
    "salery",
    "trnds",
]
FOCUS = ["", "", "", "senior", "entry level", "seattle", "google", "san francisco"]
QUESTIONS = [
    "what does a {r} do?",
    "how much does a {r} make?",
    "what do {r}s struggle with?",
    "is there demand for {r}s?",
    "{r} vs platform {t}",
    "which pays more, {r} or mlops?",
    "<@U0BOT> {r} {t}",
    "/role compare {r} mlops {t}",
    "/role <!channel> {r} {t}",
    "what time is it",
    "/role astronaut {t}",
    "/role help",
    "/role list",
]


def queries(n: int, seed: int = 7) -> list[str]:
    """n varied queries: slash text, questions, typos, comparisons, hostile text."""
    rnd = random.Random(seed)
    slash = [f"/role {r} {t} {f}".strip() for r, t, f in itertools.product(ROLES, TOPICS, FOCUS)]
    natural = [q.format(r=r, t=t) for q, r, t in itertools.product(QUESTIONS, ROLES, TOPICS)]
    pool = slash + natural
    return [rnd.choice(pool) for _ in range(n)]


def timed(cmd: list[str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    py = sys.executable

    batch = "\n".join(queries(args.queries)) + "\n"
    one = timed([py, "-m", "bot", "ask", "--json", "-"], "/role mlops salary\n")
    total = timed([py, "-m", "bot", "ask", "--json", "-"], batch)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    per_query = (total - one) / (args.queries - 1) * 1000
    print(
        f"batch: {args.queries} queries in {total:.2f} s -> {per_query:.3f} ms per query "
        f"(start-up of {one:.2f} s taken out) -> {per_query / 0.2:.2f}x of 0.2 ms"
    )
    print(f"peak RSS of the batch process: {rss:.1f} MiB -> {rss / 25:.2f}x of 25 MiB")

    ask = [timed([py, "-m", "bot", "ask", "/role mlops salary"]) for _ in range(args.runs)]
    bolt = [timed([py, "-c", "import slack_bolt"]) for _ in range(args.runs)]
    bare = [timed([py, "-c", "pass"]) for _ in range(args.runs)]
    ratio = statistics.median(ask) / statistics.median(bolt)
    print(
        f'cold start, median of {args.runs}: `python -m bot ask "/role mlops salary"` '
        f'{statistics.median(ask):.3f} s; `python -c "import slack_bolt"` '
        f"{statistics.median(bolt):.3f} s -> {ratio:.2f}x (goal <= 0.60x); "
        f"floor (`python -c pass`) {statistics.median(bare):.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
