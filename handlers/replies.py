"""One function per intent: a Plan -> the Reply a great colleague would give."""

from __future__ import annotations

from handlers.advice import advice_lines, contrast, digest, telling_definition
from handlers.blocks import actions, context, full_button, topic_buttons
from handlers.engine import Engine
from handlers.evidence import specific
from handlers.figures import asks_low, diff_reply, with_chart
from handlers.fit import fit_reply
from handlers.glance import glance_reply
from handlers.kinds import asks
from handlers.lead import across, in_both, lead_answer, lead_compare, lines_text, uncovered
from handlers.plan import Plan
from handlers.render import (
    MAX_BLOCKS,
    MAX_SECTION_TEXT,
    button,
    escape,
    header,
    joined,
    section_blocks,
    source_line,
)
from handlers.reply import Reply
from handlers.salary import NO_FIGURE, compare_text, figures_section, focus_text, matching
from handlers.scope import cased, is_place
from knowledge.index import Hit
from knowledge.match import Focus

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["REPLIES", "fit", "noted"]

_ASKED_MAX = 60
_SAMPLED = 3  # candidates shown with a line of their section when "which role?" is asked
_SAMPLE_MAX = 160
_OPENING = 450
_COMPARE_LINES = 4  # lines per role when two roles are compared without a point
_ROLE_CHARS = 360  # ... within about this many characters as shown, so the second role is on the first screen
_FEWEST = 2  # ... and never fewer lines than this
_CONTRASTED = {"soft-skills", "best-practices", "challenges", "trends"}  # duties: the core ones first
# words that ask how roles differ ("how do their soft skills differ?", "platform vs mlops"), not
# "compare", which a follow-up's completed text opens with (handlers/followup/)
_DIFFERENCE = {"differ", "difference", "different", "distinguish", "unique", "contrast", "vs", "versus"}
_COMPARE_LINES_MANY = 2  # characters of each role's section in a comparison without a point


def fit(blocks: list[dict[str, Any]], limit: int = MAX_BLOCKS) -> list[dict[str, Any]]:
    """Merge neighbouring section blocks while there are more than `limit` (never cut text).

    With five roles the worst case (compare all, one topic) is 19 blocks; this guards
    longer documents.
    """
    blocks = list(blocks)
    i = 0
    while len(blocks) > limit and i < len(blocks) - 1:
        a, b = blocks[i], blocks[i + 1]
        merged = f"{a['text']['text']}\n{b['text']['text']}" if a["type"] == b["type"] == "section" else ""
        if merged and len(merged) <= MAX_SECTION_TEXT:
            blocks[i : i + 2] = [{"type": "section", "text": {"type": "mrkdwn", "text": merged}}]
        else:
            i += 1
    return blocks


def _echo(text: str) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= _ASKED_MAX else text[: _ASKED_MAX - 1] + "…")


def answer(engine: Engine, plan: Plan) -> Reply:
    """One role, one topic: the whole section, or the figures a focus asks for first.

    The plain section reply depends on nothing but role and topic: it is made once per engine
    (treat it as read-only, as every Reply).
    """
    (role_id,) = plan.roles
    if not plan.note and not (plan.focus and plan.topic == "salary"):
        key = (role_id, plan.topic)
        made = engine.replies.get(key)
        if made is None:
            made = engine.replies[key] = _answer(engine, plan)
        return made
    return _answer(engine, plan)


def _answer(engine: Engine, plan: Plan) -> Reply:
    (role_id,) = plan.roles
    role, topic = engine.kb.roles[role_id], engine.kb.topics[plan.topic]
    figures = bool(plan.focus) and topic.id == "salary"
    lead = focus_text(role, plan.focus, engine.topic_titles) if figures else ""
    if figures:  # the figures' section names the reply: "top total comp" is answered in Market Demand
        topic = engine.kb.topics[figures_section(role, plan.focus)]
    section = role.section(topic.id)
    title = f"{role.title} · {topic.title}"
    full = f"{role_id} {topic.id}"
    if plan.note:
        note = (
            f"_I don't cover “{_echo(plan.note)}”, only the five roles in `/role list`. "
            f"Here is {escape(role.title)}:_"
        )
        lead = f"{note}\n{lead}" if lead else note
    body = "" if figures else engine.section_text(role_id, topic.id)
    footer = source_line(role, section)
    if figures:
        footer += f". Whole section: the button below, or `/role {full}`."
    more = "More on this role: " + " · ".join(t.title for t in engine.kb.topics.values() if t.id != topic.id)
    text = "\n\n".join(p for p in (f"*{escape(title)}*", lead, body, f"_{footer}_", more) if p)
    blocks = [header(title), *section_blocks(lead)]
    if lead and body:
        blocks.append({"type": "divider"})
    if body:
        blocks += engine.body_blocks(role_id, topic.id)
    buttons = topic_buttons(engine, role_id, topic.id)
    blocks += [context(footer), *actions([full_button(full), *buttons] if figures else buttons)]
    focus = plan.focus.words() if figures else ()
    return Reply(
        "answer",
        text,
        fit(blocks),
        (role_id,),
        topic.id,
        query=" ".join((role_id, plan.topic, *focus)),  # "<role> salary top": the figures, whichever section
        focus=focus,
        full=(full,),
    )


def _brief(engine: Engine, role_id: str, topic_id: str, most: int, beside: tuple[str, ...] = ()) -> str:
    """A role's section in a few lines for a comparison: its bullets under their headings, or its
    opening when it has none (made once per engine, role, topic and length). `beside`: the roles
    it is told apart from, when the difference is asked."""
    return engine.keep(
        ("brief", role_id, topic_id, str(most), *beside),
        lambda: _make_brief(engine, role_id, topic_id, most, beside),
    )


def _make_brief(engine: Engine, role_id: str, topic_id: str, most: int, beside: tuple[str, ...] = ()) -> str:
    hits = digest(engine, role_id, topic_id)
    # an overview's opening sentence defines the role: what "what's the difference?" asks for; asked
    # beside other roles, the sentence that tells it apart from them
    defining = (
        next((h for h in hits if not (h.line.bullet or h.line.path)), None)
        if topic_id == "overview"
        else None
    )
    telling = telling_definition(engine, role_id, beside) if defining is not None and beside else None
    if telling is not None and telling.id != defining.line.id:  # both: what sets it apart first (it is
        # what was asked, and the second role's must reach the first screen), then what it is
        also = Hit(telling, defining.score, frozenset())
        at = hits.index(defining)
        hits = [*hits[:at], also, *(h for h in hits[at:] if h.line.id != telling.id)]
        kept_also = also
    else:
        kept_also = None
    hits = [h for h in hits if h.line.bullet or h.line.path or h is defining or h is kept_also]
    kept = {id(h) for h in sorted(hits, key=lambda h: -h.score)[:most]}  # stable: by position on ties
    hits = [h for h in hits if id(h) in kept]
    fitted: list[Hit] = []
    for h in hits:  # each role's share of the first screen, as shown (headings too): long lines leave
        if len(fitted) >= _FEWEST and len(lines_text(engine, [*fitted, h], topic_id)) > _ROLE_CHARS:
            break  # room for fewer
        fitted.append(h)
    hits = fitted
    if not hits:
        return _opening(engine.section_text(role_id, topic_id))
    return lines_text(engine, hits, topic_id)


def _opening(text: str, limit: int = _OPENING) -> str:
    """The first lines of a section's mrkdwn, whole lines only, up to about `limit` characters."""
    kept: list[str] = []
    for line in text.split("\n"):
        if kept and sum(len(k) + 1 for k in kept) + len(line) > limit:
            break
        kept.append(line)
    return "\n".join(kept).rstrip()


def compare(engine: Engine, plan: Plan) -> Reply:
    """Several roles side by side on one topic: salary figures aligned (the focus first), else
    the opening of each role's section; the whole sections behind buttons. It depends on roles,
    topic and focus only: made once per engine (treat it as read-only)."""
    reply = _side_by_side(engine, plan)
    both = in_both(engine, plan)  # "which soft skills do they have in common?": those first
    if not both:
        return reply
    title, _, rest = reply.text.partition("\n\n")
    blocks = [*reply.blocks[:1], *section_blocks(both), *reply.blocks[1:]]
    return Reply(
        reply.intent, f"{title}\n\n{both}\n\n{rest}", fit(blocks), reply.roles, reply.topic, reply.query,
        reply.focus, reply.full,
    )  # fmt: skip


def _side_by_side(engine: Engine, plan: Plan) -> Reply:
    """The comparison as its key (roles, topic, focus) alone decides it, made once per engine."""
    key = ("compare", *plan.roles, plan.topic or "", str(_asks_difference(plan)), *plan.focus.words())
    return engine.keep(key, lambda: _compare(engine, plan))


def _chart(engine: Engine, plan: Plan) -> Reply:
    """A pay comparison with its bars (made once per roles and focus, as the comparison): of the
    comparison its key decides, not of what one question adds to it, which a kept reply must not hold."""
    named = plan.match is not None and len(plan.match.roles) > 1  # the roles in the order the person named
    key = ("chart", *plan.roles, plan.topic or "", str(asks_low(plan.match)), str(named), *plan.focus.words())
    return engine.keep(key, lambda: with_chart(engine, plan, _side_by_side(engine, plan)))


def _asks_difference(plan: Plan) -> bool:
    """Whether a comparison asks how the roles differ ("how do their soft skills differ?")."""
    return plan.match is not None and bool(_DIFFERENCE & set(plan.match.tokens))


def _compare(engine: Engine, plan: Plan) -> Reply:
    kb, topic = engine.kb, engine.kb.topics[plan.topic]
    roles = [kb.roles[r] for r in plan.roles]
    names = " vs ".join(r.title for r in roles) if len(roles) <= 3 else f"all {len(roles)} roles"
    title = f"{topic.title}: {names}"
    if topic.id == "salary":
        body = compare_text(roles, plan.focus)
    elif topic.id in _CONTRASTED and 1 < len(roles) <= 3 and _asks_difference(plan):  # what differs first
        per_role = _COMPARE_LINES if len(roles) <= 2 else _COMPARE_LINES_MANY
        ids = tuple(r.id for r in roles)
        body = "\n\n".join(
            f"*{escape(r.title)}*\n"
            + (
                lines_text(engine, hits, topic.id)
                if (hits := contrast(engine, r.id, topic.id, tuple(i for i in ids if i != r.id), per_role))
                else _brief(engine, r.id, topic.id, per_role)
            )
            for r in roles
        )
    else:  # each role's section in brief: the first line under each heading
        per_role = _COMPARE_LINES if len(roles) <= 2 else _COMPARE_LINES_MANY
        beside = tuple(r.id for r in roles) if _asks_difference(plan) else ()
        body = "\n\n".join(
            f"*{escape(r.title)}*\n{_brief(engine, r.id, topic.id, per_role, beside)}" for r in roles
        )
    full = [f"{r.id} {topic.id}" for r in roles]
    footer = "Whole sections: the buttons below."
    buttons = [full_button(q, f"{r.title} · {topic.title}") for q, r in zip(full, roles, strict=True)]
    blocks = [header(title), *section_blocks(body), context(footer), *actions(buttons)]
    query = "compare " + (" ".join(plan.roles) if len(roles) < len(kb.roles) else "all") + f" {topic.id}"
    return Reply(
        "compare",
        "\n\n".join((f"*{escape(title)}*", body, f"_{footer}_")),
        fit(blocks),
        plan.roles,
        topic.id,
        query=f"{query} {' '.join(plan.focus.words())}".strip(),
        focus=plan.focus.words(),
        full=tuple(full),
    )


def clarify(engine: Engine, plan: Plan) -> Reply:
    """Ask which role was meant, offering the candidates as buttons."""
    kb = engine.kb
    topic = kb.topics[plan.topic] if plan.topic else None
    about = f" about *{escape(topic.title.lower())}*" if topic else ""
    if plan.asked:
        question = f"Which role do you mean by “{_echo(plan.asked)}”{about}? It could be:"
    elif topic:
        question = f"Which role do you want to know{about}? Pick one, or compare them all:"
    else:
        question = "Which role do you want to know about? Pick one:"
    if plan.uncovered:  # "AI engineer salary in India?": what none of them covers, said first
        gone = "”, “".join(w.title() if is_place(engine, w) else cased(engine, w) for w in plan.uncovered)
        question = f"_None of these role documents says anything about “{escape(gone)}”._\n{question}"
    names = [f"• *{escape(kb.roles[r].title)}*{_sample(engine, r, plan)}" for r in plan.roles]
    focus = " ".join(plan.focus.words())
    tid = topic.id if topic else "overview"
    buttons = [
        button(kb.roles[r].title, f"rolebot:clarify:{r}", f"{r} {tid} {focus}".strip()) for r in plan.roles
    ]
    if topic and not plan.asked:
        buttons.append(
            button(
                f"Compare all on {topic.title.lower()}",
                "rolebot:clarify:all",
                f"compare all {tid} {focus}".strip(),
                primary=True,
            )
        )
    text = "\n".join([question, *names])
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text}}, *actions(buttons)]
    return Reply(
        "clarify",
        text,
        blocks,
        plan.roles,
        topic.id if topic else None,
        query=f"{plan.asked or ''} {tid}".strip(),
        focus=plan.focus.words(),
        uncovered=plan.uncovered,
    )


def _sample(engine: Engine, role_id: str, plan: Plan) -> str:
    """One line of each candidate's section on the topic asked, so the choice already informs
    ("AI engineer pay?": each role's first figure); "" without a topic or for many roles."""
    if not plan.asked or not plan.topic or len(plan.roles) > _SAMPLED:
        return ""
    pay = plan.topic == "salary"
    outlook = plan.match is not None and asks(engine, plan.match, "prospects")
    if plan.topic == "overview":  # "what is an AI engineer?": each one's defining sentence
        return f" — {escape(engine.one_liner(role_id))}"
    focus = plan.focus
    kinds = set(focus.kinds) - {"average"}  # "bonus", "stock": a kind of pay, not the plain average
    if pay and (
        focus.levels or focus.locations or focus.companies or kinds
    ):  # "entry level AI engineer pay?":
        fits = matching(engine.kb.roles[role_id], focus)  # each one's figure for that level (or place)
        if fits:
            where = " › ".join(c for c in fits[0].context if c)
            return f" — {escape(fits[0].source)}" + (f" _({escape(where)})_" if where else "")
    pointed = _sample_on_point(engine, role_id, plan)  # "bonus percentages": Bonuses: 10% to 20%
    if pointed:
        return pointed
    if pay:
        lines = engine.evidence.index.section(role_id, plan.topic)
    elif outlook:  # "is AI engineering a good career?": each one's outlook
        lines = [
            h.line for h in advice_lines(engine, "prospects", role_id) or digest(engine, role_id, plan.topic)
        ]
    else:
        lines = [h.line for h in digest(engine, role_id, plan.topic)]
    if pay:  # an average says most; a figure under a level heading says which level
        lines = sorted((ln for ln in lines if "$" in ln.text), key=_averageness)
    asked = plan.asked.lower()  # a line that speaks of "AI Engineers" by that name, first
    lines = sorted(lines, key=lambda ln: asked not in ln.text.lower())
    for line in lines:
        if line.bullet and len(line.text) <= _SAMPLE_MAX:
            where = line.label or (line.path[-1] if pay and line.path else "")
            if (
                pay
                and line.label
                and line.path
                and _averageness(line) == 0
                and "average" not in line.label.lower()
            ):
                where = f"{line.path[-1]} ({line.label})"  # "Average Salary (ZipRecruiter)"
            return f" — {escape(where)}: {escape(line.text)}" if where else f" — {escape(line.text)}"
    return ""


def _sample_on_point(engine: Engine, role_id: str, plan: Plan) -> str:
    """The candidate's short line on the rare words the question asks with ("typical bonus
    percentages for AI engineers?": AI Systems' "Bonuses: Can range from 10% to 20% of base
    salary"; "are certifications worth it?": each one's certifications line); "" when it says none."""
    m, f = plan.match, plan.focus
    if m is None or f.locations or f.companies or f.levels:  # a figure for the place or level answers
        return ""
    ev, matcher = engine.evidence, engine.matcher
    names = engine.role_words(plan.roles)
    words = [w for w in m.words if w.isalpha() and w not in matcher.stopwords and w not in names]
    terms = [t for t in ev.terms(words) if specific(t) and ev.found(t, [role_id])]
    for h in ev.search(terms, roles=[role_id], topic=plan.topic, limit=5) if terms else ():
        line = h.line
        said = any(ev.says(line, t) for t in terms)
        if line.bullet and line.topic == plan.topic and len(line.text) <= _SAMPLE_MAX and said:
            where = line.label or ""
            return f" — {escape(where)}: {escape(line.text)}" if where else f" — {escape(line.text)}"
    return ""


def _averageness(line) -> int:
    """0 for a line that states an average (by its label, heading or first words), else 1."""
    said = " ".join((line.label or "", *line.path, line.text[:20])).lower()
    return 0 if "average" in said or "median" in said else 1


def roles_list(engine: Engine, plan: Plan) -> Reply:
    """The roles rolebot knows, one line each."""
    kb = engine.kb
    lines = [f"*I know {len(kb.roles)} AI/ML engineering roles:*"]
    for rid, role in kb.roles.items():
        lines.append(
            f"• *{escape(role.title)}* — {escape(engine.one_liner(rid))} "
            f"(`/role {escape(engine.short_names[rid])}`)"
        )
    topics = ", ".join(t.title.lower() for t in kb.topics.values())
    lines += ["", f"Ask about any of them: {topics}."]
    text = "\n".join(lines)
    buttons = [button(r.title, f"rolebot:role:{rid}", f"{rid} overview") for rid, r in kb.roles.items()]
    return Reply(
        "list", text, [*section_blocks(text), *actions(buttons)], tuple(kb.roles), None, query="list"
    )


def usage(engine: Engine, plan: Plan) -> Reply:
    """How to ask, with examples."""
    kb = engine.kb
    shorts = ", ".join(f"`{escape(s)}`" for s in engine.short_names.values())
    topics = ", ".join(f"`{t.id}`" for t in kb.topics.values())
    text = "\n".join(
        [
            "*rolebot answers questions about five AI/ML engineering roles.*",
            "",
            "*Slash command:* `/role ROLE TOPIC` (any order, typos are fine)",
            "• `/role mlops salary` · `/role platform trends` · `/role salary ml ops senior`",
            "• `/role ai systems salary tesla` · `/role production salary san francisco`",
            "• `/role compare mlops platform salary` · `/role list` · `/role help`",
            "*Mention or DM me:* “what does a platform engineer do?”, "
            "“which pays more, ML engineer or MLOps engineer?”",
            "",
            f"*Roles:* {shorts}",
            f"*Topics:* {topics}",
            "*Daily tips:* `/role tips on 09:00 Europe/London` in a channel · `/role tips off`",
        ]
    )
    buttons = [button("List the roles", "rolebot:role:list", "list", primary=True)]
    return Reply("help", text, [*section_blocks(text), *actions(buttons)], (), None, query="help")


def unknown(engine: Engine, plan: Plan) -> Reply:
    """Say honestly that the question is not understood; suggest close matches and the list."""
    kb = engine.kb
    asked = _echo(" ".join(plan.unknown[:4]))
    topic = kb.topics[plan.topic] if plan.topic else None
    lead = (
        f"I don't know a role called “{asked}”."
        if topic
        else f"Sorry, I couldn't tell what you mean by “{asked}”."
    )
    lines = [lead]
    if plan.suggestions:
        names = " or ".join(f"*{escape(kb.roles[r].title)}*" for r in plan.suggestions)
        lines.append(f"Did you mean {names}?")
    lines.append("I answer questions about: " + ", ".join(escape(r.title) for r in kb.roles.values()) + ".")
    lines.append("Try `/role mlops salary`, `/role list` or `/role help`.")
    text = "\n".join(lines)
    tid = topic.id if topic else "overview"
    buttons = [button(kb.roles[r].title, f"rolebot:suggest:{r}", f"{r} {tid}") for r in plan.suggestions]
    buttons.append(button("List the roles", "rolebot:role:list", "list"))
    return Reply(
        "unknown",
        text,
        [*section_blocks(text), *actions(buttons)],
        (),
        topic.id if topic else None,
        query="",
    )


def other_title(engine: Engine, plan: Plan) -> Reply:
    """A job title that is none of the five: say so, and name the closest role."""
    kb = engine.kb
    (closest,) = plan.suggestions
    role = kb.roles[closest]
    tid = plan.topic or "overview"
    text = "\n".join(
        [
            f"I know {len(kb.roles)} AI/ML engineering roles, and “{_echo(plan.asked)}” isn't one of them, "
            "so the role documents don't cover it.",
            f"The closest is *{escape(role.title)}*: {escape(engine.one_liner(closest))}",
            "The five: " + ", ".join(escape(r.title) for r in kb.roles.values()) + ".",
        ]
    )
    buttons = [
        button(
            f"{role.title} · {engine.topic_titles[tid]}", f"rolebot:suggest:{closest}", f"{closest} {tid}"
        ),
        button("List the roles", "rolebot:role:list", "list"),
    ]
    return Reply(
        "unknown", text, [*section_blocks(text), *actions(buttons)], (), plan.topic, uncovered=plan.uncovered
    )


_QUOTED = 2  # figures of another document quoted in a note
_QUOTED_CHARS = 160  # a line quoted in a note longer than this is left to the button


def _held_in(engine: Engine, held: tuple[str, ...], asked: str) -> list[str]:
    """What one other document says of a thing asked: its figures for a company's or a place's pay
    ("Google pay": "Google: $204,579 per year"), else its first line saying the thing ("CUDA":
    "Knowledge of GPU programming concepts (e.g., CUDA)"), when short."""
    role = engine.kb.roles[held[0]]
    if asked.endswith(" pay"):
        name = asked.removesuffix(" pay")
        found = matching(role, Focus(companies=(name,))) or matching(role, Focus(locations=(name,)))
        return list(dict.fromkeys(f.source for f in found))[:_QUOTED]
    ev = engine.evidence
    lines = ev.saying(ev.term(asked.lower()), held)
    return [lines[0].text.rstrip(".")] if lines and len(lines[0].text) <= _QUOTED_CHARS else []


def noted(engine: Engine, plan: Plan, reply: Reply) -> Reply:
    """An answer with what it leaves out said in one sentence (`uncovered`), and a close second
    topic offered as a button."""
    aside = plan.note if plan.mode == "lead" else ""  # a whole-section answer says its note itself
    if not (plan.uncovered or plan.also or aside or plan.elsewhere) or reply.intent not in (
        "answer",
        "compare",
    ):
        return reply
    text, blocks = reply.text, list(reply.blocks)
    grouped: dict[tuple[str, ...], list[str]] = {}  # "Google pay" and "Tesla pay", held by one: one note
    # "has no salary figure for Seattle": the pay reply says it itself, once is enough
    missing = next((ln for ln in text.split("\n") if NO_FIGURE in ln), "")
    for asked, held in plan.elsewhere if len(reply.roles) == 1 else ():
        if asked.removesuffix(" pay") not in missing:
            grouped.setdefault(held, []).append(asked)
    for held, asked in reversed(grouped.items()):  # each inserted first: the first asked ends first
        titles = joined([engine.kb.roles[r].title for r in held])
        own = escape(engine.kb.roles[reply.roles[0]].title)
        do = "document does" if len(held) == 1 else "documents do"
        names = " or ".join(f"“{_echo(a)}”" for a in asked)
        # "what about at google?" after ML engineer pay: the figure the other document gives, quoted
        quoted = [f for a in asked for f in _held_in(engine, held, a)] if len(held) == 1 else []
        shown = f": {escape('; '.join(quoted))}" if quoted else ""
        say = f"_The {own} document doesn't mention {names}; the {titles} {do}{shown}._"
        head, sep, rest = text.partition("\n\n")
        text = f"{head}\n\n{say}\n\n{rest}" if sep and head.startswith("*") else f"{say}\n\n{text}"
        blocks.insert(1 if blocks and blocks[0].get("type") == "header" else 0, context(say))
    if aside:
        say = (
            f"_“{_echo(aside)}” isn't one of the {len(engine.kb.roles)} roles I know; "
            "here is what the role documents say about it._"
        )
        head, sep, rest = text.partition("\n\n")
        text = f"{head}\n\n{say}\n\n{rest}" if sep and head.startswith("*") else f"{say}\n\n{text}"
        blocks.insert(1 if blocks and blocks[0].get("type") == "header" else 0, context(say))
    # the note says the title itself; the note on other documents, what they hold ("Google pay")
    elsewhere = {asked for asked, _ in plan.elsewhere} if len(reply.roles) == 1 else set()
    unsaid = [u for u in plan.uncovered if u != plan.note and u not in elsewhere]
    unsaid = [u for u in unsaid if cased(engine, u) not in missing]
    if unsaid:
        names = " or ".join(f"“{_echo(cased(engine, u))}”" for u in unsaid[:3])
        note = (  # one role: its document (another role's may cover it: "certs" for platform)
            f"_The {escape(engine.kb.roles[reply.roles[0]].title)} document says nothing about {names}; "
            "here is what it does cover._"
            if len(reply.roles) == 1
            else f"_The role documents say nothing about {names}; here is what they do cover._"
        )
        head, sep, rest = text.partition("\n\n")
        text = f"{head}\n\n{note}\n\n{rest}" if sep and head.startswith("*") else f"{note}\n\n{text}"
        at = 1 if blocks and blocks[0].get("type") == "header" else 0
        blocks.insert(at, context(note))
    if plan.also and reply.roles:
        role_id = reply.roles[0]
        extra = button(
            f"Also: {engine.topic_titles[plan.also]}", f"rolebot:topic:{plan.also}", f"{role_id} {plan.also}"
        )
        last = blocks[-1] if blocks else None
        if last and last.get("type") == "actions" and len(last["elements"]) < 25:
            blocks[-1] = {**last, "elements": [extra, *last["elements"]]}
        elif len(blocks) < MAX_BLOCKS:
            blocks += actions([extra])
    return Reply(
        reply.intent, text, fit(blocks), reply.roles, reply.topic, reply.query, reply.focus, reply.full,
        uncovered=plan.uncovered,
    )  # fmt: skip


def said_again(engine: Engine, reply: Reply) -> Reply:
    """A follow-up whose answer is the last one again ("is that true everywhere?", "which is most
    important?"): said to be all the document has on it, not silently repeated."""
    title = escape(engine.kb.roles[reply.roles[0]].title)
    note = f"_The {title} document doesn't answer that more closely than my last reply:_"
    head, sep, rest = reply.text.partition("\n\n")
    text = f"{head}\n\n{note}\n\n{rest}" if sep and head.startswith("*") else f"{note}\n\n{reply.text}"
    blocks = list(reply.blocks)
    blocks.insert(1 if blocks and blocks[0].get("type") == "header" else 0, context(note))
    return Reply(
        reply.intent, text, fit(blocks), reply.roles, reply.topic, reply.query, reply.focus, reply.full,
        uncovered=reply.uncovered,
    )  # fmt: skip


def task_reply(engine: Engine, plan: Plan) -> Reply:
    """ "write me a python function ...": not what rolebot does, said plainly; a role named is offered
    by its closest topics."""
    kb = engine.kb
    topics = ", ".join(t.title.lower() for t in kb.topics.values())
    asked = escape(plan.uncovered[0]) if plan.uncovered else "that"
    lines = [
        f"I can't help with “{asked}”: I answer questions about five AI/ML engineering roles, from their "
        f"role documents ({escape(topics)}).",
    ]
    if plan.roles:
        role_id = plan.roles[0]
        title = kb.roles[role_id].title
        short = engine.short_names[role_id]
        lines.append(f"About {escape(title)}: `/role {escape(short)} requirements`, or a button below.")
        buttons = [
            full_button(f"{role_id} {t}", f"{title} · {engine.topic_titles[t]}")
            for t in ("requirements", "overview", "responsibilities")
        ]
    else:
        lines.append("Try “what does an MLOps engineer do?” or `/role list`.")
        buttons = [button("List the roles", "rolebot:role:list", "list", primary=True)]
    text = "\n".join(lines)
    return Reply(
        "unknown",
        text,
        [*section_blocks(text), *actions(buttons)],
        plan.roles,
        None,
        uncovered=plan.uncovered,
    )


def welcome(engine: Engine, plan: Plan) -> Reply:
    """ "thanks!": a short reply about no role, that repeats nothing."""
    text = "You're welcome! Ask me anything else about these roles, or `/role list` to see them all."
    return Reply("help", text, section_blocks(text))


REPLIES = {
    "thanks": welcome,
    "task": task_reply,
    "title": other_title,
    "lead": lambda engine, plan: (lead_answer if plan.intent == "answer" else lead_compare)(engine, plan),
    "cross": across,
    "fit": fit_reply,
    "years": glance_reply,
    "growth": glance_reply,
    "chart": _chart,
    "diff": lambda engine, plan: diff_reply(engine, plan, answer(engine, plan)),
    "uncovered": uncovered,
    "answer": answer,
    "compare": compare,
    "clarify": clarify,
    "list": roles_list,
    "help": usage,
    "unknown": unknown,
}
