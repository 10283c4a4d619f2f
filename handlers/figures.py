"""Figures at a glance: pay across roles as a text bar chart, and computed differences.

The chart draws one bar per role (per level where asked) with Unicode blocks inside a code
block, so the bars line up in Slack and in a terminal: solid up to the low end of a range,
shaded to its high end. Every amount printed is the document's own string. A difference
("how much more does a senior make than a junior?") is computed only from two figures of one
document, with the lines they come from; a range against an average is said not comparable.
"""

from __future__ import annotations

import re

from handlers.engine import Engine
from handlers.plan import Plan
from handlers.render import MAX_SECTION_TEXT, escape, money, section_blocks
from handlers.reply import Reply
from handlers.salary import LEVELS, for_other, is_open, matching, pick, weighed, with_open_end
from knowledge.match import Focus, Match
from knowledge.models import Role, SalaryFigure
from knowledge.patterns import Lazy
from knowledge.salary import money as amounts

__all__ = ["LOW", "asks_low", "chart_lines", "label", "diff_reply", "figure_plan", "shown", "with_chart"]

_QUALIFIER = Lazy(r"\b(?:up to|around|about|over|exceeding|more than)\s*$", re.I)
_WIDTH = 24
_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL, _SHADE = "█", "░"
_DIFF_WORDS = {"more", "less", "gap", "difference", "diff", "differ", "than", "jump", "increase", "ratio",
               "times", "between", "premium", "bump", "raise"}  # fmt: skip
_LADDER = ("entry", "mid", "senior")
_ACROSS = {
    "which",
    "who",
    "all",
    "every",
    "each",
    "five",
    "5",
    "roles",
    "best",
    "most",
    "highest",
    "compare",
    "top",
}
_FILLER = {
    "five",
    "5",
    "level",
    "levels",
    "role",
    "roles",
    "all",
    "every",
    "each",
    "one",
    "ones",
    "glance",
    "overall",
}


def shown(fig: SalaryFigure) -> str:
    """The figure as its document writes it ("$200,000 - $220,000", "~$113,992", "Up to $300,600")."""
    for low, high, opened, m in amounts(fig.source):
        if (low, high if high is not None else low) in ((fig.low, fig.high), (fig.high, fig.high)) or (
            fig.low is None and (high or low) == fig.high
        ):
            lead = _QUALIFIER.search(fig.source[: m.start()])
            return fig.source[lead.start() if lead else m.start() : m.end()]
        if fig.high is None and low == fig.low:  # "Top-tier positions: $200,000+": open-ended
            said = fig.source[m.start() : m.end()]
            return said if said.endswith("+") or not opened else f"{said}+"
    return money(fig.high or fig.low or 0)


def _for(role: Role, fig: SalaryFigure) -> str:
    """The figure as written, with the other job it is given for ("$202,614 - $204,416 (for AI
    Engineers)")."""
    return for_other(role, fig, shown(fig))


def label(role: Role) -> str:
    """The role's name in a chart row ("AI/ML Platform" of "AI/ML Platform Engineer"): a row
    stays within about 70 characters, so it does not wrap in Slack's message column."""
    return role.title.removesuffix(" Engineer")


def _top(fig: SalaryFigure) -> int:
    return fig.high or fig.low or 0


def _bar(fig: SalaryFigure, scale: float) -> str:
    low = (fig.low or 0) * scale  # "Up to $300,600": a bound, all shaded
    high = _top(fig) * scale
    whole, part = int(low), int((low - int(low)) * 8)
    bar = _FULL * whole + (_EIGHTHS[part] if part else "")
    shade = max(0, round(high) - len(bar))
    return bar + _SHADE * shade


def _rows(focus: Focus, roles: int) -> list[tuple[str, Focus]]:
    if focus.levels:
        return [(LEVELS[lv], Focus(levels=(lv,), locations=focus.locations)) for lv in focus.levels]
    if focus:
        return [(", ".join(focus.words()), focus)]
    return [(LEVELS[lv], Focus(levels=(lv,))) for lv in (_LADDER if roles <= 2 else ("senior",))]


def _beyond(
    roles: list[Role], row: Focus, winner: Role, fig: SalaryFigure, sections: dict[str, str]
) -> list[str]:
    """The other roles' figures for the row, from any section, above the winner's top, or open above
    it within the winner's range: where one document gives the level a higher figure elsewhere
    ("Senior-Level: ... $147,500 to $240,000" in Career Development) or an open one ("$150,000 -
    $207,479 or higher" against "$200,000 - $220,000"), no role pays more outright."""
    top, bottom = _top(fig), fig.low or _top(fig)
    said = []
    for role in roles:
        if role is winner:
            continue
        for f in matching(role, row):
            higher = _top(f) > top or (is_open(f) and _top(f) >= bottom)
            if f.kind != "additional" and not f.percentile and higher:
                where = sections.get(f.topic, f.topic)
                figure = escape(with_open_end(shown(f), f))
                said.append(f"{escape(role.title)}'s {escape(where)} section gives {figure}")
                break
    return said


def chart_lines(
    roles: list[Role], focus: Focus, low: bool = False, sections: dict[str, str] | None = None
) -> tuple[str, str, list[str]]:
    """(the answer in one sentence, the chart as a code block, the roles in the sentence's order)
    for these roles and focus; with `low` the sentence names the role that pays least ("lowest
    starting pay?"), by the low ends. A role said to pay more beats every figure the other
    documents give that level, in any of their `sections` (topic id -> title)."""
    rows = _rows(focus, len(roles))
    picked = [(name, [(r, pick(r, row)) for r in roles]) for name, row in rows]
    found = [f for _, cells in picked for _, f in cells if f is not None]
    if not found:
        return "", "", [r.id for r in roles]
    scale = _WIDTH / max(_top(f) for f in found)
    pad = max(len(label(r)) for r in roles)
    lines = []
    for name, cells in picked:
        if len(rows) > 1 or focus:
            lines.append(name)
        for role, fig in sorted(cells, key=lambda c: -_top(c[1]) if c[1] else 1):
            if fig is None:
                lines.append(f"{label(role):<{pad}}  {'':<{_WIDTH}}  (no figure in its document)")
            else:
                lines.append(f"{label(role):<{pad}}  {_bar(fig, scale):<{_WIDTH}}  {shown(fig)}")
    name, cells = picked[-1]
    known = sorted(((r, f) for r, f in cells if f is not None), key=lambda c: -_top(c[1]))
    sentence = ""
    if known:
        end = (lambda f: f.low if f.low is not None else _top(f)) if low else _top  # what is compared
        known = sorted(known, key=lambda c: end(c[1]) if low else -end(c[1]))
        first, fig = known[0]
        word = ("less" if len(roles) == 2 else "least") if low else ("more" if len(roles) == 2 else "most")
        tied = [r.title for r, f in known[1:] if end(f) == end(fig)]
        also = f" (tied with {', '.join(tied)})" if tied else ""
        rest = "; ".join(
            f"{escape(r.title)} {escape(_for(r, f))}" for r, f in known[1:] if end(f) != end(fig)
        )
        at = f"at {name.lower()}" if name in LEVELS.values() else f"for {name}"
        other_end = fig.high if low else fig.low
        edge = (
            "" if _point(fig) or other_end is None else f" at the {'bottom' if low else 'top'} of its range"
        )
        sentence = (
            f"*{escape(first.title)} pays {word}{also} {escape(at)}*: {escape(_for(first, fig))}"
            f"{edge}{f', against {rest}' if rest else ''}."
        )
        row = rows[-1][1]
        rung = (
            len(row.levels) == 1
            and row.levels[0] in (*_LADDER, "top")
            and not (row.locations or row.companies)
        )
        beyond = _beyond(roles, row, first, fig, sections)[:1] if rung and sections and not low else []
        if beyond:  # "MLOps pays more at senior level" against a senior range to $240,000 elsewhere
            said = f"{escape(first.title)} {escape(shown(fig))}"
            sentence = f"*No clear winner {escape(at)}*: {said}, but {beyond[0]}."
        elif not (low or tied) and len(known) > 1 and (how := weighed(fig, known[1][1])) != "more":
            # "$200,000 - $220,000" against "$202,614 - $204,416": no winner
            other, fig2 = known[1]
            head = "They pay about the same" if how == "same" else "No clear winner"
            sentence = (
                f"*{head} {escape(at)}*: {escape(first.title)} {escape(_for(first, fig))}, "
                f"{escape(other.title)} {escape(_for(other, fig2))}."
            )
    legend = f"{_FULL} to a range's low end, {_SHADE} to its high end or bound"
    ranked = [r.id for r, _ in known]
    order = [*ranked, *(r.id for r in roles if r.id not in ranked)]
    return sentence, "```\n" + escape("\n".join([*lines, "", legend])) + "\n```", order


LOW = frozenset({"lowest", "least", "lower", "less", "worst", "cheapest", "cheaper", "smallest", "bottom"})


def asks_low(m: Match | None) -> bool:
    """Whether a pay comparison asks who pays least ("which role has the lowest starting pay?")."""
    return m is not None and bool(LOW & set(m.words))


def with_chart(engine: Engine, plan, reply: Reply) -> Reply:
    """A pay comparison with its bar chart, after the figures in the documents' own words (the
    chart's one-sentence verdict first when it asked about no figure in particular); the chart is
    its own section block, never split."""
    roles = [engine.kb.roles[r] for r in reply.roles]
    sentence, chart, order = chart_lines(roles, plan.focus, asks_low(plan.match), engine.topic_titles)
    if not chart or len(sentence) + len(chart) + 1 > MAX_SECTION_TEXT:
        return reply
    title, _, rest = reply.text.partition("\n\n")
    body, _, footer = rest.rpartition("\n\n")
    if not footer.startswith("_"):
        body, footer = rest, ""
    mark = "*Salary side by side*"
    before, found, after = body.partition(mark)
    if found and plan.focus and len(roles) <= 2:  # the figures asked about first, then the bars
        pre, post, sentence, roles_out = before.rstrip(), f"{mark}{after}", "", reply.roles
    else:  # the chart's verdict, each document's own figures, then the bars that picture them
        first, _, others = body.partition("\n\n")
        if plan.match is not None and len(plan.match.roles) > 1:  # the order the person named them in
            order = reply.roles
        said = (" pays more for ", " pay about the same for ", "No clear winner for ")
        verdict = any(v in first for v in said)  # the chart's replaces it
        source = others if verdict else body
        if sentence and found and before.strip():  # "lowest starting pay?": each role's entry figures,
            source = (before.partition("\n\n")[2] if verdict else before).rstrip()  # the bars picture them
        ranked = _by_rank(source, [engine.kb.roles[r] for r in order])
        pre = "\n\n".join(p for p in (sentence, ranked) if p)
        post, sentence, roles_out = "", "", order
    chart_text = "\n".join(p for p in (sentence, chart) if p)
    head = [b for b in reply.blocks[:1] if b.get("type") == "header"]
    tail = [b for b in reply.blocks if b.get("type") in ("context", "actions")]
    chart_block = {"type": "section", "text": {"type": "mrkdwn", "text": chart_text}}
    blocks = [*head, *section_blocks(pre), chart_block, *section_blocks(post), *tail]
    text = "\n\n".join(p for p in (title, pre, chart_text, post, footer) if p)
    return Reply(
        reply.intent, text, blocks, roles_out, reply.topic, reply.query,
        reply.focus, reply.full, uncovered=reply.uncovered,
    )  # fmt: skip


def _by_rank(body: str, ranked: list[Role]) -> str:
    """The body with each role's paragraph of figures in the verdict's order (the answer first);
    other paragraphs stay where they are."""
    parts = body.split("\n\n")
    rank = {f"*{r.title} —": i for i, r in enumerate(ranked)}

    def place(part: str) -> int | None:
        return next((i for head, i in rank.items() if part.startswith(head)), None)

    slots = [i for i, part in enumerate(parts) if place(part) is not None]
    for i, part in zip(slots, sorted((parts[i] for i in slots), key=place), strict=True):
        parts[i] = part
    return "\n\n".join(parts)


def pay_across(engine: Engine, m: Match):
    """A pay question across the roles ("which role pays best at senior level?", "salaries of all
    five"): a comparison of every role (or those named) drawn as a chart; None otherwise."""
    if (
        m.topic != "salary"
        or len(m.roles) == 1
        or m.ambiguous
        or not (_ACROSS & set(m.tokens) or len(m.roles) > 1)
    ):
        return None
    if {w.lower() for w in (*m.subject, *m.unknown)} - _FILLER:  # "which roles mention bonuses?": lines
        return None

    roles = m.roles if len(m.roles) > 1 else engine.role_ids
    return Plan("compare", tuple(roles), "salary", m.focus, mode="chart", match=m)


def figure_plan(engine: Engine, m: Match, p):
    """The plan with a figures mode: "chart" for a pay comparison, "diff" for a computed gap."""
    if p.topic != "salary" or p.mode:
        return p
    if p.intent == "compare":
        return p.model_copy(update={"mode": "chart"})
    if p.intent == "answer" and _sides(engine.kb.roles[p.roles[0]], p.focus) and _DIFF_WORDS & set(m.tokens):
        return p.model_copy(update={"mode": "diff"})
    return p


def _national(role: Role) -> list[SalaryFigure]:
    return [f for f in role.salaries if f.kind == "average" and not f.location and f.topic == "salary"]


def _sides(role: Role, focus: Focus) -> tuple[tuple[str, SalaryFigure], tuple[str, SalaryFigure]] | None:
    """The two figures a "how much more ... than ..." question compares, when the focus names two."""
    pairs: list[tuple[str, SalaryFigure | None]] = []
    if len(focus.levels) == 2:
        high, low = sorted(focus.levels, key=lambda lv: -list(LEVELS).index(lv))
        pairs = [(LEVELS[lv], pick(role, Focus(levels=(lv,)))) for lv in (high, low)]
    elif len(focus.locations) == 2:
        pairs = [(loc, pick(role, Focus(locations=(loc,)))) for loc in focus.locations]
    elif len(focus.locations) == 1 and "average" in focus.kinds:
        loc = focus.locations[0]
        national = _national(role)
        pairs = [
            (loc, pick(role, Focus(locations=(loc,)))),
            ("the national average", national[0] if national else None),
        ]
    if len(pairs) == 2 and all(f is not None for _, f in pairs):
        return pairs[0], pairs[1]  # type: ignore[return-value]
    return None


def _point(fig: SalaryFigure) -> bool:
    return fig.low is not None and fig.low == fig.high


def _kind(fig: SalaryFigure) -> str:
    if fig.low is None or fig.high is None:
        return "only a bound"
    return (
        "a range"
        if not _point(fig)
        else (
            "an average"
            if fig.kind == "average"
            else f"one figure ({fig.kind})"
            if fig.kind != "salary"
            else "one figure"
        )
    )


def _gap(amount: int) -> str:
    """'$12,884 more', '$22,230 less', 'the same'."""
    return f"{money(abs(amount))} {'more' if amount > 0 else 'less'}" if amount else "the same"


def difference(a: tuple[str, SalaryFigure], b: tuple[str, SalaryFigure]) -> str:
    """The gap between two figures of one document, computed, or why it cannot be."""
    (na, fa), (nb, fb) = a, b
    src = f"\n• {escape(fa.source)} _({escape(na)})_\n• {escape(fb.source)} _({escape(nb)})_"
    if _point(fa) != _point(fb) or (fa.kind == "average") != (fb.kind == "average"):
        return (
            f"*{escape(na)} against {escape(nb)}: not comparable as they stand.* The document gives "
            f"{_kind(fa)} for one ({escape(shown(fa))}) and {_kind(fb)} for the other ({escape(shown(fb))}), "
            f"so any difference would be made up:{src}"
        )
    if _point(fa):
        what = f"{_gap(fa.low - fb.low)} ({fa.low / fb.low:.2f}x)"
    else:
        what = (
            f"{_gap(fa.low - fb.low)} at the low end and {_gap(_top(fa) - _top(fb))} at the high end "
            f"({fa.low / fb.low:.2f}x and {_top(fa) / _top(fb):.2f}x)"
        )
    return (
        f"*{escape(na)} against {escape(nb)}: {what}*, computed from {escape(shown(fa))} and "
        f"{escape(shown(fb))}:{src}"
    )


def diff_reply(engine: Engine, plan, reply: Reply) -> Reply:
    """A one-role pay answer opened by the computed difference of the two figures it asks about."""
    role = engine.kb.roles[plan.roles[0]]
    sides = _sides(role, plan.focus)
    if sides is None:
        return reply
    lead = difference(*sides)
    title, _, rest = reply.text.partition("\n\n")
    at = 1 if reply.blocks and reply.blocks[0].get("type") == "header" else 0
    blocks = [*reply.blocks[:at], *section_blocks(lead), *reply.blocks[at:]]
    return Reply(
        reply.intent, f"{title}\n\n{lead}\n\n{rest}", blocks, reply.roles, reply.topic, reply.query,
        reply.focus, reply.full, uncovered=reply.uncovered,
    )  # fmt: skip
