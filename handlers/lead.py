"""Replies that lead with the lines that answer: one role, across roles, or "not covered"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from handlers.blocks import actions, context, full_button, topic_buttons
from handlers.engine import Engine
from handlers.evidence import Evidence
from handlers.plan import Plan
from handlers.render import MAX_BLOCKS, button, escape, header, section_blocks
from handlers.reply import Reply
from handlers.scope import cased
from knowledge.english import is_word
from knowledge.index import Hit, Line, key
from knowledge.match import stem
from knowledge.patterns import Lazy

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["bullet", "in_both", "across", "lead_answer", "lead_compare", "lines_text", "uncovered"]

_ECHO_MAX = 60


_NUMBERED = Lazy(r"^\d+\.\s+")


def _where(engine: Engine, line: Line, topic: str | None) -> str:
    """'Requirements › Education': the section and the nearest heading above a line (the ones
    between say less and take the first screen). The section is left out when it is `topic`, the
    one the reply's title names; list numbers are left out."""
    section = engine.topic_titles[line.topic] if line.topic != topic else ""
    parts = [section, *(_NUMBERED.sub("", p.rstrip(":")) for p in line.path[-1:])]
    return " › ".join(p for p in parts if p)


def bullet(line: Line) -> str:
    """One index line as a bullet, its label in bold, indented by its depth."""
    pad = "    " * line.depth
    body = f"*{escape(line.label)}:* {escape(line.text)}" if line.label else escape(line.text)
    return f"{pad}• {body}"


def lines_text(engine: Engine, hits: Iterable[Hit], topic: str | None = None, role: str | None = None) -> str:
    """Lines under their headings, in the order given; one heading per run of lines. `topic`:
    the section the reply's title names, so not repeated above its lines; `role`: the document
    the reply is from, so a line of another document says whose it is."""
    out: list[str] = []
    last = None
    shown: list[Line] = []
    for h in hits:
        where = _where(engine, h.line, topic)
        if role is not None and h.line.role != role:  # "... the AI/ML Platform Engineer document says"
            where = f"{engine.kb.roles[h.line.role].title} document › {engine.topic_titles[h.line.topic]}"
        if where != last:
            if where:
                out.append(f"_{escape(where)}_")
            last = where
        if h.line in shown:  # a sub-item shown already with its whole list
            continue
        parent = _parent(engine, h.line) if h.line.depth else None
        if parent is not None and parent not in shown:  # "• Healthcare" under no line: the line it
            out.append(bullet(parent))  # completes first ("AI integration is expanding ... including:")
            shown.append(parent)
            items = _items(engine, parent)  # ... and its short list whole ("... Information Technology")
            if len(items) <= _WHOLE_LIST:
                out.extend(bullet(ln) for ln in items)
                shown.extend(items)
                continue
        out.append(bullet(h.line))
        shown.append(h.line)
    return "\n".join(out)


_WHOLE_LIST = 5  # sub-items of one line shown whole when one of them is


def _items(engine: Engine, parent: Line) -> list[Line]:
    """The sub-items right under a line, in document order."""
    section = engine.evidence.index.section(parent.role, parent.topic)
    at = next((i for i, ln in enumerate(section) if ln.id == parent.id), len(section))
    out = []
    for ln in section[at + 1 :]:
        if ln.depth <= parent.depth:
            break
        if ln.depth == parent.depth + 1:
            out.append(ln)
    return out


def _parent(engine: Engine, line: Line) -> Line | None:
    """The line a sub-item belongs to: the nearest one above it, less deep, in its section."""
    above = None
    for ln in engine.evidence.index.section(line.role, line.topic):
        if ln.id == line.id:
            return above
        if ln.depth < line.depth:
            above = ln
    return None


def _asked(plan: Plan) -> tuple[str, ...]:
    """The words that reproduce the lead: the subject and the words naming the point asked."""
    m = plan.match
    extra = (*m.topic_words, *m.focus_words) if m is not None else ()
    return tuple(dict.fromkeys((*(t.word for t in plan.terms), *extra)))


def _echo(words: Iterable[str]) -> str:
    text = " ".join(words)
    return escape(text if len(text) <= _ECHO_MAX else text[: _ECHO_MAX - 1] + "…")


def _reply(
    plan: Plan,
    intent: str,
    title: str,
    body: str,
    footer: str,
    buttons: list[dict[str, Any]],
    full: Sequence[str],
    query: str,
) -> Reply:
    text = "\n\n".join(p for p in (f"*{escape(title)}*", body, f"_{footer}_") if p)
    blocks = [header(title), *section_blocks(body), context(footer), *actions(buttons)]
    return Reply(
        intent,
        text,
        blocks[:MAX_BLOCKS],
        plan.roles,
        plan.topic,
        query=query,
        focus=tuple(t.word for t in plan.terms) or plan.focus.words(),
        full=tuple(full),
    )


def lead_answer(engine: Engine, plan: Plan) -> Reply:
    """One role: the lines that answer, under their headings; the section behind a button."""
    ((role_id, hits),) = plan.groups
    if plan.topic == "salary" and hits and hits[0].line.topic != "salary":
        # "is there a pay premium over SWEs?": the answer is a line of Market Demand, and the reply
        # names the section it is from (the thread still remembers that pay was asked)
        plan = plan.model_copy(update={"topic": hits[0].line.topic})
    role = engine.kb.roles[role_id]
    title = f"{role.title} · {engine.topic_titles[plan.topic]}"
    full = f"{role_id} {plan.topic}"
    footer = f"From the {escape(role.title)} document. Whole section: the button below, or `/role {full}`."
    buttons = [full_button(full), *topic_buttons(engine, role_id, plan.topic)]
    query = " ".join((full, *_asked(plan)))
    body = lines_text(engine, hits, plan.topic, role_id)
    return _reply(plan, "answer", title, body, footer, buttons, [full], query)


def in_both(engine: Engine, plan: Plan) -> str:
    """ "which of those do they share?", "which are in both?" of two roles: the headings of the
    section both documents have (by their first word: "Public Speaking" and "Public Speaking and
    Presentation" are one), in the first document's words; "" when not asked or none are shared."""
    m = plan.match
    lists = engine.matcher.word_lists
    asked = m is not None and (
        set(m.words) & lists["overlap"] or ("both" in m.words and ("in" in m.words or "share" in m.words))
    )
    if not asked or len(plan.roles) != 2 or plan.topic is None:
        return ""
    index = engine.evidence.index

    def heads(role: str) -> dict[str, str]:
        # not a lead-in the text ends with a colon ("Technical skills required:"): no heading
        said = [
            ln.path[-1] for ln in index.section(role, plan.topic) if ln.path and not ln.path[-1].endswith(":")
        ]
        return {stem(h.split()[0].lower()): h for h in dict.fromkeys(said)}

    first, second = (heads(r) for r in plan.roles)
    shared = [h for k, h in first.items() if k in second]
    if not shared:
        return ""
    return f"*In both documents:* {escape(', '.join(shared))}."


def lead_compare(engine: Engine, plan: Plan) -> Reply:
    """Several roles on one point: each role's answering lines, side by side (what both share first,
    when that is asked)."""
    kb = engine.kb
    names = (
        " vs ".join(kb.roles[r].title for r in plan.roles)
        if len(plan.roles) <= 3
        else f"all {len(plan.roles)} roles"
    )
    # titled by the section the lines come from, when they all come from one other than the plan's
    held = {h.line.topic for _, hits in plan.groups for h in hits}
    topic = next(iter(held)) if len(held) == 1 else plan.topic
    title = f"{engine.topic_titles[topic]}: {names}"
    parts, full = [], []
    for role_id, hits in plan.groups:
        role = kb.roles[role_id]
        shown = (
            lines_text(engine, hits, topic, role_id) if hits else "_Nothing on this point in its document._"
        )
        parts.append(f"*{escape(role.title)}*\n{shown}")
        full.append(f"{role_id} {topic}")
    both = in_both(engine, plan)
    parts = [both, *parts] if both else parts
    footer = "Whole sections: the buttons below."
    buttons = [full_button(q, f"{kb.roles[q.split()[0]].title} · {engine.topic_titles[topic]}") for q in full]
    query = " ".join(("compare", *plan.roles, topic, *_asked(plan)))
    return _reply(plan, "compare", title, "\n\n".join(parts), footer, buttons, full, query)


def _said(plan: Plan) -> list[tuple[str, str]]:
    """(word asked, as the lines shown say it) for the words those lines hold: "self driving"
    is said as "autonomous vehicle"; words no line shown holds are left out ("care" of "care
    about XAI")."""
    held = frozenset().union(*(h.terms for _, hits in plan.groups for h in hits))
    lines = [h.line for _, hits in plan.groups for h in hits]
    out: list[tuple[str, str]] = []
    for t in plan.terms:
        forms = [f for f in t.forms if key(f) in held]
        if not forms:
            continue
        written = Evidence.as_written(forms[0], lines)
        letters = key(written).replace(" ", "")
        same = letters.startswith(t.word) or t.word.startswith(letters)
        if same and not is_word(t.word):  # "a/b" read as "ab", "golang" said as "Go": as written
            out.append((written, written))
        elif not any(part.startswith(t.word[:4]) for w, _ in out for part in key(w).split()[1:]):
            # not "tests" after "A/B testing"
            out.append((t.word, forms[0]))
    return out or [(t.word, t.word) for t in plan.terms]


_SPAN = 8  # words of the question that name its subject, at most, to be its title as asked


def _as_asked(plan: Plan, said: list[tuple[str, str]]) -> str:
    """The words of the question from its first subject word to its last, when they are few ("edge
    ai or edge computing"), each subject word as written; "" otherwise."""
    words = list(plan.match.words) if plan.match is not None else []
    written = {word.lower(): word for word, _ in said}  # "AI", "Terraform": as the lines write them
    at = [i for i, w in enumerate(words) if w in written]
    if len(said) < 2 or not at or at[-1] - at[0] >= _SPAN:
        return ""
    return " ".join(written.get(w, w) for w in words[at[0] : at[-1] + 1])


def across(engine: Engine, plan: Plan) -> Reply:
    """One subject across the roles: the roles that have it, most evidence first, with lines."""
    kb = engine.kb
    said = _said(plan)
    words = [word if form == word else f"{word} (as “{form}”)" for word, form in said]
    # "mention handling stress" only when every role shown has a line that holds both words
    together = all(any(all(key(f) in h.terms for _, f in said) for h in hits) for _, hits in plan.groups)
    asked = _echo(words if together else [" or ".join(words)])  # "devops or data scientist"
    count = len(plan.groups)
    joined = " " if together else " or "
    spoken = _as_asked(plan, said)  # "edge AI or edge computing", not "edge or computing or AI"
    title = f"“{spoken or joined.join(word for word, _ in said)}” in the role documents"
    lead = (
        f"*{count} of {len(kb.roles)} roles* mention {asked}:"
        if count > 1
        else f"Only *{escape(kb.roles[plan.groups[0][0]].title)}* mentions {asked}:"
    )
    parts, full, buttons = [lead], [], []
    for role_id, hits in plan.groups:
        role = kb.roles[role_id]
        parts.append(f"*{escape(role.title)}*\n{lines_text(engine, hits)}")
        for topic in dict.fromkeys(h.line.topic for h in hits):
            query = f"{role_id} {topic}"
            full.append(query)
            buttons.append(full_button(query, f"{role.title} · {engine.topic_titles[topic]}"))
    footer = "The sections these lines come from: the buttons below."
    query = " ".join(("which roles", *_asked(plan)))
    return _reply(plan, plan.intent, title, "\n\n".join(parts), footer, buttons, full, query)


def uncovered(engine: Engine, plan: Plan) -> Reply:
    """The documents do not cover what was asked: say so, and offer the closest topics."""
    kb = engine.kb
    words = [cased(engine, t.word) for t in plan.terms]  # "PTO"
    phrases = any(" " in w for w in words)  # “take home assignment” or “interview”
    asked = "” or “".join(_echo([w]) for w in words) if phrases else _echo(words)
    covers = ", ".join(t.title.lower() for t in kb.topics.values())
    if not plan.roles:  # asked across the roles
        text = f"None of the {len(kb.roles)} role documents mention “{asked}”. They cover {escape(covers)}."
        buttons = [button(r.title, f"rolebot:role:{rid}", f"{rid} overview") for rid, r in kb.roles.items()]
        lines = [text, "The roles: " + ", ".join(escape(r.title) for r in kb.roles.values()) + "."]
    else:
        titles = [kb.roles[r].title for r in plan.roles]
        names = " and ".join(titles) if len(titles) <= 2 else f"{', '.join(titles[:-1])} or {titles[-1]}"
        others = _said_by_others(engine, plan)
        text = (
            f"I don't have anything on “{asked}” for {escape(names)}: the role documents don't cover it. "
            f"They cover {escape(covers)}."
            if not others
            else f"The {escape(names)} {'document says' if len(titles) == 1 else 'documents say'} nothing "
            f"about “{asked}”."
        )
        closest = _closest(engine, plan)
        role_id = plan.roles[0]
        buttons = [
            full_button(f"{role_id} {t}", f"{kb.roles[role_id].title} · {engine.topic_titles[t]}")
            for t in closest
        ]
        lines = [text, *others, "Closest topics: " + ", ".join(engine.topic_titles[t] for t in closest) + "."]
    body = "\n".join(lines)
    blocks = [*section_blocks(body), *actions(buttons)]
    words = tuple(t.word for t in plan.terms)
    return Reply("unknown", body, blocks, plan.roles, plan.topic, query="", focus=words, uncovered=words)


_OTHERS_SHOWN = 2  # lines of other documents quoted for a thing the asked role's does not say


def _said_by_others(engine: Engine, plan: Plan) -> list[str]:
    """What other roles' documents say of the things asked that the asked role's does not ("stock
    options": AI Systems Engineer's "Stock options: Especially common in tech startups ..."), as a
    few lines under whose they are; [] when no document says them."""
    ev, kb = engine.evidence, engine.kb
    out: list[str] = []
    others = [r for r in kb.roles if r not in plan.roles]
    for t in plan.terms:
        lines = ev.saying_beyond_sources(t, others)[:_OTHERS_SHOWN]
        if not lines:
            continue
        whose = list(dict.fromkeys(kb.roles[ln.role].title for ln in lines))
        say = "document says" if len(whose) == 1 else "documents say"
        out.append(f"_What the {escape(' and '.join(whose))} {say} of “{_echo([cased(engine, t.word)])}”:_")
        out += [bullet(ln) for ln in lines]
    return out


def _closest(engine: Engine, plan: Plan) -> list[str]:
    """Up to three topics near the question: the routed one, then where its words were found."""
    topics = [plan.topic] if plan.topic else []
    hits = engine.evidence.search(plan.terms, roles=plan.roles or None, limit=20)
    topics += [h.line.topic for h in hits]
    topics += ["overview", "requirements", "career"]
    return list(dict.fromkeys(topics))[:3]
