"""Salary focus and comparison: which figures answer "senior", "seattle", "google"."""

from __future__ import annotations

import re

from handlers.render import escape, figure_line, figure_range, money
from knowledge.match import Focus
from knowledge.models import Item, Role, SalaryFigure
from knowledge.patterns import Lazy

__all__ = [
    "LEVELS",
    "NO_FIGURE",
    "compare_text",
    "family",
    "for_other",
    "figures_section",
    "focus_singles",
    "is_open",
    "matching",
    "with_open_end",
    "top_figure",
    "verdict",
    "weighed",
]

LEVELS = {
    "entry": "Entry level",
    "mid": "Mid level",
    "senior": "Senior level",
    "lead": "Lead",
    "director": "Director",
    "top": "Top of the range",
}
NO_FIGURE = "has no salary figure for"  # the note on a figure asked and not found (handlers/replies.py)
_SAME = 0.05  # two roles' pay middles this close are about the same
_TOPIC_ORDER = {"salary": 0, "career": 1, "demand": 2, "trends": 3}


def _band(fig: SalaryFigure) -> tuple[int, int] | None:
    """A figure's experience band in years ("5-7" is (5, 7), "7+" is (7, 99)), or None."""
    span = re.match(r"(\d+)(?:-(\d+)|\+)", fig.years or "")
    if span is None:
        return None
    return int(span.group(1)), int(span.group(2)) if span.group(2) else 99


def _years_match(fig: SalaryFigure, years: int) -> bool:
    band = _band(fig)
    return band is not None and band[0] <= years <= band[1]


def _fits(fig: SalaryFigure, focus: Focus) -> bool:
    return (
        (not focus.levels or fig.level in focus.levels)
        and (
            not focus.locations or any(loc.lower() in (fig.location or "").lower() for loc in focus.locations)
        )
        and (not focus.companies or fig.company in focus.companies)
        and (not focus.kinds or fig.kind in focus.kinds)
        and (focus.years is None or _years_match(fig, focus.years))
        and (
            not focus.percentiles or (fig.percentile or "").lower() in {p.lower() for p in focus.percentiles}
        )
        and (focus.amount is None or _near(fig, focus.amount) or _beside(focus))
    )


def _beside(focus: Focus) -> bool:
    """An amount said beside another focus word ("240k in NYC - good?"): the person's own figure, set
    against the figures of the rest, not one to look for."""
    return bool(focus.levels or focus.locations or focus.companies or focus.percentiles)


def _placed(found: list[SalaryFigure], amount: int | None) -> list[str]:
    """Where the person's amount stands against the figures found; [] with no amount or no figure."""
    ranged = [f for f in found if f.low is not None]
    if amount is None or not ranged:
        return []
    low, high = min(f.low for f in ranged), max(f.high or f.low for f in ranged)
    where = "below" if amount < low else "above" if amount > high else "within"
    return [f"_${amount:,} is {where} {'this figure' if len(_once(found)) == 1 else 'these figures'}._"]


def _near(fig: SalaryFigure, amount: int) -> bool:
    """Whether a figure says about `amount`: within its range, or within a tenth of its ends."""
    if fig.low is None:
        return False
    high = fig.high or fig.low
    return fig.low * 0.9 <= amount <= high * 1.1


_PLAIN = ("salary", "average", "median")  # figures no word calls base, total or additional


def matching(role: Role, focus: Focus) -> list[SalaryFigure]:
    """The role's figures that fit every focus word, salary section first. A document that calls no
    figure base pay ("is the base fair?") answers with its plain figures: theirs are the base."""
    if focus.kinds == ("base",) and not any(f.kind == "base" for f in role.salaries):
        focus = focus.model_copy(update={"kinds": _PLAIN})
    found = [f for f in role.salaries if _fits(f, focus)]
    if focus.years is not None:  # "7+ yrs": the band from 7 ("7+ Years"), not the one ending there ("5-7")
        starting = [f for f in found if (_band(f) or (None,))[0] == focus.years]
        found = starting or found
    return sorted(found, key=lambda f: _TOPIC_ORDER.get(f.topic, 9))


_ONE = ("levels", "locations", "companies", "kinds")
_EACH = 4  # figures shown per focus word when they cannot all be met at once


def _once(found: list[SalaryFigure]) -> list[SalaryFigure]:
    """The first figure of each source line, in order: a line with three amounts is shown once."""
    seen: set[tuple[str, str]] = set()
    return [f for f in found if not ((f.topic, f.source) in seen or seen.add((f.topic, f.source)))]


def _lines(found: list[SalaryFigure], topic_titles: dict[str, str], home: str = "salary") -> list[str]:
    return [
        figure_line(f) + ("" if f.topic == home else f" [{topic_titles.get(f.topic, f.topic)}]")
        for f in _once(found)
    ]


def figures_section(role: Role, focus: Focus) -> str:
    """The section a focused pay answer is from: the one every matching figure is in ("top total
    comp": Market Demand's "Total compensation exceeding $500,000"), the first one's when none is in
    Salary, else Salary."""
    return _section_of(matching(role, focus))


def _section_of(found: list[SalaryFigure]) -> str:
    topics = {f.topic for f in found}
    if len(topics) == 1:
        return topics.pop()
    return "salary" if "salary" in topics or not found else found[0].topic


def focus_singles(focus: Focus) -> list[Focus]:
    """The focus one word at a time (entry level; Seattle), for a question no figure meets whole."""
    out = [Focus(**{dim: (value,)}) for dim in _ONE for value in getattr(focus, dim)]
    if focus.years is not None:
        out.append(Focus(years=focus.years))
    out += [Focus(percentiles=(p,)) for p in focus.percentiles]
    return out


def _spoken(word: str) -> str:
    """A focus word as a person reads it: "mid" is "mid level"."""
    return LEVELS[word].lower() if word in LEVELS and word not in ("top",) else word


def focus_text(role: Role, focus: Focus, topic_titles: dict[str, str]) -> str:
    """The lead of a focused salary answer: the matching figures, else the nearest ones, honestly.

    No figure meets every focus word: say so, then the figures for each word alone, or, when
    there are none, the role's figures level by level.
    """
    own = focus.amount if focus.amount and _beside(focus) else None  # "240k in NYC": the person's
    asked = focus.model_copy(update={"amount": None}) if own else focus
    words = ", ".join(escape(_spoken(w)) for w in asked.words())
    found = matching(role, asked)
    if found:
        lines = [f"*Figures for {words}:*", *_lines(found, topic_titles, _section_of(found))]
        return "\n".join([*lines, *_places_said(role, asked.locations, found), *_placed(found, own)])
    focus = asked
    singles = [(one, matching(role, one)) for one in focus_singles(focus)]
    dims = [
        focus.levels,
        focus.locations,
        focus.companies,
        focus.kinds,
        focus.years is not None,
        focus.percentiles,
    ]
    spoken = [escape(_spoken(w)) for w in focus.words()]
    # every field must match, any value of one may: "senior and NYC together", "25th or 75th percentile"
    together = " and ".join(spoken) + " together" if sum(map(bool, dims)) > 1 else " or ".join(spoken)
    # "the median, and what do the top 10% pull in?": two figures asked, each found, nothing to regret
    each = len(singles) > 1 and all(figs for _, figs in singles)
    lines = [] if each else [f"_The {escape(role.title)} document {NO_FIGURE} {together}._"]
    top = top_figure(role) if "top" in focus.levels and not matching(role, Focus(levels=("top",))) else None
    if top is not None:  # "mlops max salary": no figure says top, the highest one answers
        lines += ["", "*Its highest salary figure:*", figure_line(top)]
    shown: list[SalaryFigure] = []
    for one, figs in singles if len(singles) > 1 else ():
        if figs:
            lines += ["", f"*Figures for {', '.join(escape(_spoken(w)) for w in one.words())}:*"]
            lines += _lines(figs[:_EACH], topic_titles)
            shown += figs[:_EACH]
    lines += _places_said(role, focus.locations, shown)  # "is Santa Monica up there?": its line
    lines += _placed(shown, own)  # "4 yoe at 120k, am I underpaid?": the pay placed
    said = _said_of(role, focus.levels) if len(lines) == 1 else []
    if said:  # "for a lead?": "Leadership roles: Can command salaries well above the stated ranges"
        lines += ["", f"*What it says of {words} pay:*", *(f"• {escape(t)}" for t in said)]
    if len(lines) == 1 or said:
        lines += ["", "*Its figures level by level:*"]
        lines += [
            f"• *{LEVELS[level]}:* {_cell(role, level)}" for level in LEVELS if _cell(role, level) != "—"
        ]
    return "\n".join(lines).lstrip("\n")  # with no sentence first, no blank line before the figures


def _places_said(role: Role, locations: tuple[str, ...], found: list[SalaryFigure]) -> list[str]:
    """The salary section's lines naming a place asked that no figure shown is for, as written ("Santa
    Monica, CA (21.8% above national average)" under Top Paying Cities)."""
    shown = " ".join((f.location or "").lower() for f in found)
    left = [loc.lower() for loc in locations if loc.lower() not in shown]
    # "Other cities (e.g., Chicago, Houston): Generally lower": the place may be in the label
    items = [(h, f"{i.label}: {i.text}" if i.label else i.text) for h, i in _salary_items(role)]
    said = [
        f"• {escape(text)} _({escape(heading.rstrip(': '))})_" if heading else f"• {escape(text)}"
        for heading, text in items
        if "$" not in text and any(loc in text.lower() for loc in left)
    ]
    return ["", *said[:_EACH]] if said else []


_LEVEL_WORDS = {"lead": ("lead",), "director": ("director", "executive"), "senior": ("senior",)}


def _said_of(role: Role, levels: tuple[str, ...]) -> list[str]:
    """The salary section's lines without a figure that speak of these levels ("Leadership roles: Can
    command salaries well above the stated ranges"), as written."""
    stems = [w for lv in levels for w in _LEVEL_WORDS.get(lv, ())]
    if not stems:
        return []
    pattern = re.compile(rf"\b(?:{'|'.join(stems)})", re.I)
    said = (f"{i.label}: {i.text}" if i.label else i.text for _, i in _salary_items(role))
    return [_SENTENCE_END.split(t)[0] for t in said if "$" not in t and pattern.search(t)][:_EACH]


def _salary_items(role: Role) -> list[tuple[str, Item]]:
    """(heading, bullet) of each bullet of the role's salary section, in document order."""

    def walk(groups) -> list[tuple[str, Item]]:
        out: list[tuple[str, Item]] = []
        for g in groups:
            out += [(g.heading or "", i) for i in g.items]
            out += walk(g.groups)
        return out

    return walk(role.section("salary").groups)


# where a line runs on into the section's closing sentence ("... stated ranges These figures demonstrate")
_SENTENCE_END = Lazy(r"(?<=[a-z])\s+(?=(?:These|This|Remember|Overall|Note|In summary)\b)")
_CELL_FIGURES = 2
_SAID_MAX = 90  # a longer line says more than the figure: its range stands in


def top_figure(role: Role) -> SalaryFigure | None:
    """The highest pay figure of the role's salary section (additional pay left out)."""
    figs = [f for f in role.salaries if f.topic == "salary" and f.kind != "additional" and (f.high or f.low)]
    return max(figs, key=lambda f: f.high or f.low or 0, default=None)


_WORDS = Lazy(r"[a-z]+")
_GENERIC_TITLE = frozenset({"ai", "ml", "engineer", "engineers"})  # words every role's title may share
_PEOPLE_TITLES = frozenset({"engineers", "engineer", "scientists", "scientist", "developers"})


def family(role: Role, fig: SalaryFigure) -> str | None:
    """The other job a figure is given for, when its document lists pay by job and this is not its
    own ("AI Engineers" in the ML Platform document, beside its "Platform Engineers"; the MLOps
    document's "AI Engineers" average): said beside the figure, and picked after the role's own."""
    own = {w for w in _WORDS.findall(role.title.lower()) if w not in _GENERIC_TITLE}
    for said in (*fig.context[:1], fig.label or ""):
        words = _WORDS.findall(said.lower())
        if own and words and words[-1] in _PEOPLE_TITLES and not own & set(words):
            return said
    return None


def _cell(role: Role, level: str) -> str:
    figs = [f for f in role.salaries if f.topic == "salary" and f.level == level]
    if not figs:
        return "—"
    parts, seen = [], set()
    for f in figs:
        said = _said(f)  # the document's own words for the figure ("$110,000 - $120,000 per year")
        if said in seen:
            continue
        seen.add(said)
        label = f.variant or (f.label if f.label and f.label.lower() not in ("range",) else "")
        note = f" ({escape(label)})" if label and f.level and f.level not in label.lower() else ""
        parts.append(f"{escape(said)}{note}")
        if len(parts) == _CELL_FIGURES:
            break
    return "; ".join(parts)


def _said(fig: SalaryFigure) -> str:
    """A figure as its line says it: the line after its `Label:`, or the figure's range."""
    value = fig.source.split(":", 1)[-1].strip() if ":" in fig.source else fig.source.strip()
    return value if "$" in value and len(value) <= _SAID_MAX else figure_range(fig)


def _middle(fig: SalaryFigure) -> float:
    """A figure's middle: "$110,000 - $120,000" is 115,000, not its top."""
    return sum(_ends(fig)) / 2


def weighed(a: SalaryFigure, b: SalaryFigure) -> str:
    """How two roles' figures compare: "same" (middles within _SAME), "overlap" (one range inside the
    other: "$150,000 - $207,479" holds "$202,614 - $204,416"), "open" (the lower one open above the
    other: "$150,000 - $207,479 or higher" against "$200,000 - $220,000"), else "more" (one is higher at
    both ends)."""
    (low_a, high_a), (low_b, high_b) = _ends(a), _ends(b)
    middle_a, middle_b = _middle(a), _middle(b)
    if abs(middle_a - middle_b) <= _SAME * max(middle_a, middle_b):
        return "same"
    ahead = (low_a >= low_b and high_a >= high_b) or (low_b >= low_a and high_b >= high_a)
    # "$150,000 - $207,479 or higher" against "$200,000 - $220,000": the lower one is open above it
    behind, other = (b, a) if middle_a >= middle_b else (a, b)
    reaches = is_open(behind) and _ends(behind)[1] >= _ends(other)[0]
    return "open" if ahead and reaches else "more" if ahead else "overlap"


_OPEN = Lazy(r"\$[\d,]+\s*(\+|or\s+(?:higher|more|above))")


def is_open(fig: SalaryFigure) -> bool:
    """Whether the figure's line leaves it open above ("$200,000+", "$150,000 - $207,479 or higher")."""
    return bool(_OPEN.search(fig.source))


def with_open_end(said: str, fig: SalaryFigure) -> str:
    """The figure as said, with the words its line leaves it open with ("$150,000 - $207,479 or
    higher"); a "+" is said already ("$200,000+")."""
    found = _OPEN.search(fig.source)
    end = found.group(1) if found else "+"
    return said if end == "+" or said.endswith("+") else f"{said} {end}"


def _ends(fig: SalaryFigure) -> tuple[int, int]:
    return fig.low or fig.high or 0, fig.high or fig.low or 0


_PAY_KINDS = ("salary", "base", "average", "median")


def pick(role: Role, row: Focus) -> SalaryFigure | None:
    """The figure a row of a pay chart shows: the document's first pay figure that fits, salary
    section first (additional pay, percentiles and open-ended amounts left out), else its first of
    any kind but additional pay ("Top-tier positions: $200,000+", "Top 10%: $275,000"): a row is
    never said to have no figure where the document gives one."""
    found = matching(role, row)
    figs = [f for f in found if f.kind in _PAY_KINDS and f.high and not f.percentile]
    if not figs and row.levels == ("top",):
        figs = [f for f in found if f.kind != "additional" and (f.high or f.low)]
    return figs[0] if figs else None


def _best(role: Role, focus: Focus) -> SalaryFigure | None:
    """The role's highest pay figure that fits the focus (additional pay left out), by its middle."""
    figs = [f for f in matching(role, focus) if f.kind != "additional" and (f.high or f.low)]
    return max(figs, key=_middle, default=None)


_UNDER = 3  # lines shown under a heading naming the kind of pay asked


def verdict(roles: list[Role], focus: Focus) -> list[str]:
    """Which role pays more for the focus (or that they pay about the same), by the figure each role's
    chart row draws (so the verdict and the bars agree; else its highest that fits), then each role's
    matching figures, the better paid first."""

    def figure(r: Role) -> SalaryFigure | None:
        return pick(r, focus) or _best(r, focus)

    ranked = sorted(roles, key=lambda r: -(_middle(b) if (b := figure(r)) else -1))
    words = ", ".join(escape(w) for w in focus.words())
    tops = [(r, figure(r)) for r in ranked]
    known = [(r, f) for r, f in tops if f is not None]
    lines = []
    if len(known) >= 2:
        figures = " vs ".join(
            f"{with_open_end(figure_range(f), f)} ({escape(_whose(r, f))})" for r, f in known
        )
        how = weighed(known[0][1], known[1][1])
        if how == "same":  # $113,992-$115,458 vs $110,000-$120,000: no winner
            lines.append(f"*They pay about the same for {words}:* {figures}")
        elif how == "overlap":
            lines.append(f"*No clear winner for {words}*, one range lies inside the other: {figures}")
        elif how == "open":
            lines.append(f"*No clear winner for {words}*, one range is open above the other: {figures}")
        else:
            lines.append(f"*{escape(known[0][0].title)} pays more for {words}:* {figures}")
    for role in ranked:
        found = matching(role, focus)
        lines += [""] * bool(lines) + [f"*{escape(role.title)} — {words}*"]  # no blank line first
        shown = [figure_line(f) for f in _once(found)[:4]] or _under(role, focus.kinds)
        central = set(focus.kinds) <= set(_OVERALL_KINDS) and not (focus.levels or focus.pointed())
        general = _overall(role) if not shown and focus.kinds and central else "—"
        if general != "—":  # "what's the median?" of a document that gives averages: those, said so
            shown = [
                f"_no {escape(', '.join(focus.kinds))} figure in its document; its pay in general:_ {general}"
            ]
        lines += shown or ["_no matching figure in its document_"]
    return lines


def _under(role: Role, kinds: tuple[str, ...]) -> list[str]:
    """The salary section's lines under a heading naming the kind of pay, when they give no dollar
    figure for it ("Additional Compensation" › "Bonuses: Can range from 10% to 20% of base salary")."""
    items = [i for h, i in _salary_items(role) if any(k in h.lower() for k in kinds)][:_UNDER]
    return [f"• *{escape(i.label)}:* {escape(i.text)}" if i.label else f"• {escape(i.text)}" for i in items]


_OVERALL_KINDS = ("average", "median", "base", "total", "salary")


def _overall(role: Role) -> str:
    """A role's pay in general, as its document says it: its averages and medians for no level,
    place or company in particular ("$165,780 per year", "Average of $213,304")."""
    figs = [
        f
        for f in role.salaries
        if f.topic == "salary" and f.kind in _OVERALL_KINDS
        and not (f.level or f.location or f.company or f.percentile or f.years)
    ]  # fmt: skip
    figs.sort(key=lambda f: _OVERALL_KINDS.index(f.kind))
    said = list(dict.fromkeys(escape(for_other(role, f, _said(f))) for f in figs))
    return "; ".join(said[:_CELL_FIGURES]) or "—"


def _whose(role: Role, fig: SalaryFigure) -> str:
    """The role a figure is set beside, and the other job its document gives it for ("AI/ML Platform
    Engineer, for AI Engineers")."""
    other = family(role, fig)
    return f"{role.title}, for {other}" if other else role.title


def for_other(role: Role, fig: SalaryFigure, said: str) -> str:
    """The figure as said, with the other job its document gives it for ("$176,884 per year (average
    base) (for AI Engineers)" in the MLOps document), so it does not read as the role's own pay."""
    other = family(role, fig)
    return f"{said} (for {other})" if other else said


def compare_text(roles: list[Role], focus: Focus) -> str:
    """The roles' salary figures for the focus first (and who pays more), then level by level."""
    lines = verdict(roles, focus) + [""] if focus else []
    lines.append("*Salary side by side* (figures from each document's salary section)")
    if not focus:  # "which one pays more?": pay in general first
        lines += ["", "*In general*", *(f"• *{escape(r.title)}:* {_overall(r)}" for r in roles)]
    levels = list(focus.levels) or list(LEVELS)
    for level in levels:
        cells = [(r, _cell(r, level)) for r in roles]
        if all(c == "—" for _, c in cells):
            continue
        lines += ["", f"*{LEVELS[level]}*"]
        lines += [f"• *{escape(r.title)}:* {c}" for r, c in cells]
    ranked = sorted(
        ((top_figure(r), r) for r in roles), key=lambda fr: -(fr[0].high or fr[0].low or 0) if fr[0] else 0
    )
    lines += ["", "*Highest figure in each salary section*"]
    for fig, role in ranked:
        if fig is None:
            continue
        amount = money(fig.high or fig.low or 0)
        lines.append(f"• *{escape(role.title)}:* {amount} — {escape(fig.source)}")
    return "\n".join(lines)
