"""Benchmark answering: the search index's cost at start, and per-question cost and length.

    python bench/answer_bench.py [--cases FILE ...] [--repeat 5]

Prints figures beside their targets (nothing asserts a time):
- the index: built in memory from the knowledge base vs opened from the saved file;
- per query (route + render + JSON), median and p90 over natural questions and slash
  commands (target: median <= 0.5 ms);
- reply length (`text`), median and p90 over the natural questions (targets: <= 1,200 and
  <= 2,500 characters).
The questions are the shared answer cases when ../shared/eval is beside the project, else a
small built-in set.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import handlers
from knowledge.files import DATA_DIR
from knowledge.index import Index
from knowledge.load import INDEX_NAME, compiled, index_stamp, load

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
BUILT_IN = [
    "which roles need kubernetes?",
    "how much does google pay an ai systems engineer",
    "does anyone sponsor h1b visas for mlops engineers?",
    "who makes more in nyc, mlops or ml platform engineers?",
    "how do i move up from mlops engineer to senior or team lead",
    "what tools do ml engineers use for model explainability",
]
SLASH = [
    "/role mlops salary",
    "/role platfrom pay seattle",
    "/role compare mlops platform salary",
    "/role list",
]


def questions(files: list[Path]) -> list[str]:
    """The `q` of every case in the files (YAML lists of mappings)."""
    import yaml

    out = []
    for path in files:
        out += [c["q"] for c in yaml.safe_load(path.read_text(encoding="utf-8")) if "q" in c]
    return out or BUILT_IN


def timed(fn, repeat: int) -> float:
    """The best of `repeat` runs of fn(), in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def per_query(kb, queries: list[str], repeat: int) -> list[float]:
    """Milliseconds per query (best of `repeat`), route + render + JSON."""
    return [timed(lambda q=q: json.dumps(handlers.ask(q, kb).to_json()), repeat) for q in queries]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, nargs="*", default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = args.cases if args.cases is not None else sorted(SHARED.glob("answers-*.yaml"))
    kb = load()
    stamp = index_stamp(compiled().stamps)
    data = (DATA_DIR / INDEX_NAME).read_bytes()
    build = timed(lambda: Index.build(kb, stamp), args.repeat)
    opened = timed(lambda: Index.open(data, stamp).search(["kafka"]), args.repeat)
    print(f"index: built in memory {build:.1f} ms; opened from {INDEX_NAME} + first search {opened:.2f} ms")

    asked = questions(files)
    handlers.ask(asked[0], kb)  # the engine and index once, as a running bot has them
    natural = per_query(kb, asked, args.repeat)
    slash = per_query(kb, SLASH * 10, args.repeat)
    print(
        f"per query, {len(asked)} questions: median {statistics.median(natural):.3f} ms, "
        f"p90 {pct(natural, 0.9):.3f} ms; slash commands: median {statistics.median(slash):.3f} ms "
        "(target: median <= 0.5 ms)"
    )
    lengths = [len(handlers.ask(q, kb).text) for q in asked]
    print(
        f"reply length over those questions: median {statistics.median(lengths):.0f}, "
        f"p90 {pct(lengths, 0.9):.0f} characters (targets: <= 1,200 and <= 2,500)"
    )


if __name__ == "__main__":
    main()
