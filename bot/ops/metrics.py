"""rolebot's Prometheus metrics (prometheus_client), whole across gunicorn's worker processes.

`serve` calls `multiprocess()` before anything is counted and before gunicorn forks: every
process then writes its counts to files in one directory of its own (removed at exit), and a
scrape, whichever worker answers it, adds up every process's files (`exposition()`).
Elsewhere (tests, `tips run`) the counts live in this process. The metrics are made on first
use, so the choice is made before any value exists.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, values
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

from bot.ops.logs import Request

__all__ = [
    "CONTENT_TYPE",
    "KINDS",
    "count_request",
    "db_error",
    "dedupe_hit",
    "exposition",
    "multiprocess",
    "process_dead",
    "queue_overflow",
    "reply",
    "request_done",
    "tip",
    "webapi_error",
]

CONTENT_TYPE = CONTENT_TYPE_LATEST
KINDS = ("command", "mention", "dm", "action", "assistant", "home", "other")
_ENV = "PROMETHEUS_MULTIPROC_DIR"
# seconds from a request's arrival to its answer sent (Slack allows 3 s for the ack)
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class _Metrics(NamedTuple):
    registry: CollectorRegistry
    requests: Counter
    latency: Histogram
    replies: Counter
    not_covered: Counter
    webapi_errors: Counter
    tips: Counter
    db_errors: Counter
    dedupe_hits: Counter
    dropped: Counter


@functools.cache
def _metrics() -> _Metrics:
    registry = CollectorRegistry(auto_describe=True)

    def counter(name: str, doc: str, labels: tuple[str, ...] = ()) -> Counter:
        return Counter(name, doc, labels, registry=registry)

    return _Metrics(
        registry,
        counter("rolebot_requests", "Requests from Slack by kind and outcome", ("kind", "outcome")),
        Histogram(
            "rolebot_request_seconds",
            "Seconds from a request's arrival to its answer (every kind)",
            buckets=_BUCKETS,
            registry=registry,
        ),
        counter("rolebot_replies", "Replies by intent", ("intent",)),
        counter("rolebot_not_covered", "Questions the role documents do not cover"),
        counter("rolebot_webapi_errors", "Failed Slack Web API calls by method", ("method",)),
        counter("rolebot_tips", "Daily tips by outcome (posted, failed)", ("outcome",)),
        counter("rolebot_db_errors", "Database operations that failed"),
        counter("rolebot_dedupe_hits", "Slack deliveries of an event already answered"),
        counter("rolebot_dropped", "Records dropped from a full in-memory queue", ("queue",)),
    )


def multiprocess(directory: Path | None = None) -> Path:
    """Count in files shared by this process and its forks; the directory (made if not given,
    and then removed when the process that made it exits)."""
    owner = os.getpid()
    if directory is None:
        directory = Path(tempfile.mkdtemp(prefix="rolebot-metrics-"))

        def _remove() -> None:
            if os.getpid() == owner:  # gunicorn's workers run atexit too: only the master cleans up
                shutil.rmtree(directory, ignore_errors=True)

        atexit.register(_remove)
    os.environ[_ENV] = str(directory)
    values.ValueClass = values.MultiProcessValue()
    _metrics.cache_clear()
    return directory


def process_dead(pid: int) -> None:
    """A worker process ended (gunicorn's child_exit): drop its live gauges, keep its counts."""
    if os.environ.get(_ENV):
        mark_process_dead(pid)


def exposition() -> bytes:
    """Every metric in Prometheus' text format, summed over every process sharing the directory."""
    metrics = _metrics()
    if os.environ.get(_ENV) and os.path.isdir(os.environ[_ENV]):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(metrics.registry)


def count_request(kind: str, outcome: str, seconds: float | None = None) -> None:
    """One request of `kind` ended with `outcome`; `seconds` from arrival to answer if answered."""
    metrics = _metrics()
    metrics.requests.labels(kind if kind in KINDS else "other", outcome).inc()
    if seconds is not None:
        metrics.latency.observe(seconds)


def request_done(request: Request | None, outcome: str | None = None) -> None:
    """Count a request once: `outcome`, else answered or failed, timed from its arrival."""
    if request is None or request.counted:
        return
    request.counted = True
    if outcome is None:
        outcome = "failed" if request.failed else "answered"
        count_request(request.kind, outcome, time.perf_counter() - request.started)
    else:
        count_request(request.kind, outcome)


def reply(intent: str, covered: bool = True) -> None:
    """One reply of `intent`; covered=False: the question asked what the documents lack."""
    metrics = _metrics()
    metrics.replies.labels(intent).inc()
    if not covered:
        metrics.not_covered.inc()


def webapi_error(method: str) -> None:
    """A Slack Web API call (or a response_url post) failed."""
    _metrics().webapi_errors.labels(method).inc()


def tip(outcome: str) -> None:
    """A daily tip was posted, or failed."""
    _metrics().tips.labels(outcome).inc()


def db_error() -> None:
    """A database operation failed."""
    _metrics().db_errors.inc()


def dedupe_hit() -> None:
    """A delivery of an event already answered was ignored."""
    _metrics().dedupe_hits.inc()


def queue_overflow(queue: str, n: int = 1) -> None:
    """n records could not wait in a full in-memory queue."""
    _metrics().dropped.labels(queue).inc(n)
