"""`report`: what people asked that rolebot could not answer, answers voted not helpful, counts.

In multi-workspace mode `--team T` reports one team's answers (all teams without it).
This is how the knowledge base gets better: the questions it could not answer, most asked
first, say what the documents (or aliases.yaml) miss. A table for a person, `--json` for scripts.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO

from bot.config import ConfigError, Settings
from bot.store import Database, Feedback, Report, StoreError
from bot.store.migrate import current

__all__ = ["misses", "render", "run", "to_json"]

_MARKUP = re.compile(r"<[@#!][^>]*>")
_WIDTH = 70  # characters of a question shown in the table


def _plain(question: str) -> str:
    return " ".join(_MARKUP.sub(" ", question).split()).lower()


def misses(report: Report) -> list[dict[str, Any]]:
    """Questions not covered, grouped as typed (case and spacing aside), most asked first."""
    count = Counter(_plain(a.question) for a in report.not_covered)
    last = {}
    for a in report.not_covered:
        last[_plain(a.question)] = a
    return [
        {"question": q, "times": n, "last": last[q].at.isoformat(), "roles": list(last[q].roles)}
        for q, n in sorted(count.items(), key=lambda qn: (-qn[1], qn[0]))
    ]


def to_json(report: Report, days: int) -> dict[str, Any]:
    """The report as one JSON object."""
    return {
        "days": days,
        "since": report.since.isoformat(),
        "answers": report.answers,
        "helpful": report.up,
        "not_helpful": report.down,
        "not_covered": misses(report),
        "voted_down": [
            {
                "question": a.question,
                "at": a.at.isoformat(),
                "intent": a.intent,
                "roles": list(a.roles),
                "topic": a.topic,
                "up": a.up,
                "down": a.down,
            }
            for a in report.voted_down
        ],
        "by_intent": report.by_intent,
        "by_role": report.by_role,
        "by_topic": report.by_topic,
    }


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def _counts(counts: Mapping[str, int]) -> str:
    return " · ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def render(report: Report, days: int, team: str | None = None) -> str:
    """The report as a person reads it in a terminal."""
    whose = f" of team {team}" if team else ""
    lines = [
        f"rolebot report{whose}: the last {days} day{'s' * (days != 1)} (since {report.since:%Y-%m-%d})",
        f"{report.answers} answers · {report.up} voted helpful · {report.down} voted not helpful",
        "",
        "Questions rolebot could not answer (most asked first)",
    ]
    missed = misses(report)
    lines += [f"  {m['times']:>5}  {m['last'][:10]}  {_cut(m['question'])}" for m in missed] or ["  none"]
    lines += ["", "Answers voted not helpful"]
    lines += [
        f"  {a.down:>3} down {a.up:>3} up  {a.intent:<8} {','.join(a.roles) or '-':<24} {_cut(a.question)}"
        for a in report.voted_down
    ] or ["  none"]
    lines += [
        "",
        f"By intent: {_counts(report.by_intent)}",
        f"By role:   {_counts(report.by_role)}",
        f"By topic:  {_counts(report.by_topic)}",
    ]
    return "\n".join(lines)


def _exists(db: Database) -> None:
    """StoreError unless DATABASE_URL names a database rolebot has used (migrated)."""
    if db.file is not None and not db.file.exists():
        raise StoreError(f"DATABASE_URL {db.name}: the database does not exist (is the URL right?)")
    if current(db) is None:
        raise StoreError(
            f"DATABASE_URL {db.name}: no rolebot tables in this database (is the URL right? "
            "`rolebot db upgrade` creates them)"
        )


def run(
    args: Any, *, env: Mapping[str, str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Print the report of the last `--days` days from DATABASE_URL; faults are one line, exit 2."""
    out, err = out or sys.stdout, err or sys.stderr
    if args.days < 1:
        print("rolebot report: --days must be 1 or more", file=err)
        return 2
    team = getattr(args, "team", None)
    try:
        settings = Settings.from_env(os.environ if env is None else env)
        if team is not None and not settings.multi_workspace:
            raise ConfigError("--team is for multi-workspace mode (SLACK_CLIENT_ID); one team here")
        db = Database(settings.database_url)
        try:
            _exists(db)  # read-only: a mistyped DATABASE_URL is said, never created and migrated
            report = Feedback(db).report(datetime.now(UTC) - timedelta(days=args.days), team)
        finally:
            db.close()
    except (ConfigError, StoreError) as exc:
        print(f"rolebot report: {exc}", file=err)
        return 2
    if args.json:
        print(json.dumps({**to_json(report, args.days), "team": team}, ensure_ascii=False), file=out)
    else:
        print(render(report, args.days, team), file=out)
    return 0
