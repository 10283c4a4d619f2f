"""Salary figures as data: every money amount of a role, with what it is for."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from knowledge.models import Group, Item, Role, SalaryFigure
from knowledge.patterns import Lazy

__all__ = ["figures", "money"]

_AMOUNT = r"~?\$(\d{1,3}(?:,\d{3})+|\d+)(\+)?(?!\.\d|\d| ?(?:billion|million|[BbMm]\b))"
_RANGE = Lazy(rf"{_AMOUNT}(?:\s*(?:-|–|to)\s*{_AMOUNT})?")
_CITY = Lazy(r"^[A-Z][A-Za-z .]+, [A-Z]{2}$")
_PERCENTILE = Lazy(r"\b(\d{1,2}(?:st|nd|rd|th) Percentile|Top \d+%|Bottom \d+%)", re.I)
_SHARE = Lazy(r"(top|bottom) (\d{1,2})%", re.I)


def share_percentile(top: bool, share: int) -> str:
    """A share of the market as its percentile: the top 10% is the 90th, the bottom 10% the 10th."""
    return f"{100 - share if top else share}th Percentile"


def canonical_percentile(said: str) -> str:
    """A percentile as one name: "Top 10%" is the 90th percentile, "Bottom 10%" the 10th."""
    share = _SHARE.fullmatch(said.strip())
    if share is None:
        return said
    return share_percentile(share.group(1).lower() == "top", int(share.group(2)))


_YEARS = Lazy(r"\b(\d+\s*-\s*\d+|\d+\+)\s*years?\b", re.I)
_VARIANT = Lazy(r"\b((?:[A-Z][\w/]*\s)*(?:Engineers?|Scientists?))\b")
_APPROX = Lazy(r"~|\baround\b|\babout\b|\bapprox", re.I)
_UP_TO = Lazy(r"\b(?:up to)\s*$", re.I)
_AT_LEAST = Lazy(r"\b(?:exceeding|over|above|more than)\s*$", re.I)


@functools.cache
def _terms() -> dict:
    import yaml  # only where figures are made (the build); answering reads `money` alone

    return yaml.safe_load((Path(__file__).parent / "salary_terms.yaml").read_text("utf-8"))


def money(text: str) -> Iterator[tuple[int, int | None, bool, re.Match[str]]]:
    """Salary-sized amounts in text: (low, high or None, open-ended '+', match)."""
    for m in _RANGE.finditer(text):
        low = int(m.group(1).replace(",", ""))
        high = int(m.group(3).replace(",", "")) if m.group(3) else None
        if low < 10_000 or (high is not None and high < 10_000):
            continue
        yield low, high, bool(m.group(2) or m.group(4)), m


def _find(table: dict[str, list[str]], text: str) -> str | None:
    low = text.lower()
    for key, words in table.items():
        if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in words):
            return key
    return None


def _kind(terms: dict, texts: tuple[str, ...]) -> str:
    """What a figure is (average, base, total ...): said beside it, else in its line, else in the line
    it stands under; "salary" when none says."""
    return next(
        (k for t in texts if (k := _find(terms["kinds"], _without(terms["comparisons"], t)))), "salary"
    )


def _without(phrases: list[str], text: str) -> str:
    """The text without phrases that only compare a figure ("37% above national average"): they say
    nothing of what the figure is."""
    low = text.lower()
    for p in phrases:
        low = low.replace(p, " ")
    return low


def _strip_paren(text: str) -> str:
    return re.sub(r"\s*\(.*\)$", "", text)


def _figures(
    topic: str, context: tuple[str, ...], label: str | None, line: str, before: str | None = None
) -> list[SalaryFigure]:
    """The figures of one line; `before` is the label of the bullet before it."""
    terms = _terms()
    where = " ".join(context).lower()
    own = label or ""
    found = list(money(line))
    out = []
    said = None  # a level the line's own words name before an amount ("... with top positions
    # potentially exceeding $300,000 or $500,000"): it holds for the amounts after it, not the label's
    for n, (low, high, open_ended, m) in enumerate(found):
        start = found[n - 1][3].end() if n else 0
        end = found[n + 1][3].start() if n + 1 < len(found) else len(line)
        local = f"{own} {line[start:end]}"
        ahead = line[: m.start()]
        up_to, at_least = bool(_UP_TO.search(ahead)), open_ended or bool(_AT_LEAST.search(ahead))
        location = company = variant = None
        if any(w in where for w in terms["location_headings"]) or _CITY.match(own):
            location = _strip_paren(own) or None
        if any(w in where for w in terms["company_headings"]) and own:
            company = _strip_paren(own)
            inner = re.search(r"\((.*)\)", own)
            variant = inner.group(1) if inner else None
        names = (
            _VARIANT.findall(own)
            or _VARIANT.findall(line[m.end() : end])
            or _VARIANT.findall(" ".join(context[-1:]))
        )
        variant = variant or (names[-1].strip() if names else None)
        # "Salary range: ..." after "- Senior MLOps Engineer: ..." is that role's figure.
        owner = before if own.lower() in terms["generic_labels"] else None
        said = (_find(terms["levels"], line[start : m.start()]) if n else None) or said
        level = (
            said
            or _find(terms["levels"], local)
            or _find(terms["levels"], owner or "")
            or _find(terms["levels"], " ".join(context[-1:]))
        )
        percentile = _PERCENTILE.search(own)
        years = _YEARS.search(own) or _YEARS.search(" ".join(context[-1:]))
        out.append(
            SalaryFigure(
                topic=topic,
                context=context,
                label=label,
                low=None if up_to and high is None else low,
                high=high if high is not None else (None if at_least else low),
                approx=bool(_APPROX.search(line[max(0, m.start() - 8) : m.end()])),
                level=level,
                years=years.group(1).replace(" ", "") if years else None,
                location=location,
                company=company,
                percentile=canonical_percentile(percentile.group(1)) if percentile else None,
                variant=variant or (_strip_paren(owner) if owner else None),
                kind=_kind(terms, (local, line, " ".join(context[-1:]))),
                source=line,
            )
        )
    return out


def _walk_items(items: tuple[Item, ...], topic: str, context: tuple[str, ...]):
    before = None
    for item in items:
        line = f"{item.label}: {item.text}" if item.label else item.text
        yield from _figures(topic, context, item.label, line, before)
        inner = context + ((item.label or item.text).rstrip(":"),)
        yield from _walk_items(item.items, topic, inner)
        if item.label and item.label.lower() not in _terms()["generic_labels"]:
            before = item.label


def _walk_group(group: Group, topic: str, context: tuple[str, ...]):
    here = context + ((group.heading.rstrip(":"),) if group.heading else ())
    for para in group.paragraphs:
        yield from _figures(topic, here, None, para)
    yield from _walk_items(group.items, topic, here)
    for sub in group.groups:
        yield from _walk_group(sub, topic, here)


def figures(role: Role) -> tuple[SalaryFigure, ...]:
    """Every salary-sized money figure of the role, in document order."""
    out: list[SalaryFigure] = []
    for section in role.sections:
        for para in section.intro + section.summary:
            out += _figures(section.topic, (), None, para)
        for group in section.groups:
            out += _walk_group(group, section.topic, ())
    return tuple(out)
