"""A subject across the roles: which roles' documents say it, with their lines."""

from __future__ import annotations

from collections import defaultdict

from handlers.coverage import beyond, natural
from handlers.engine import Engine
from handlers.evidence import SPECIFIC, Evidence, Term, specific
from handlers.lines import LEAD_LINES, point_words, strong_topic
from handlers.plan import Plan
from handlers.problem import with_solutions
from knowledge.index import Hit
from knowledge.match import Match

__all__ = ["ROLE_LINES", "across_roles", "asked_across", "joined", "of_all", "said_together"]

ROLE_LINES = 2  # lines per role across roles or in a comparison
_CROSS_ROLES = 5
_MANY = 4  # roles holding the subject: one line each
_CHAT = {"help", "thanks", "list", "outscope"}  # the model's labels for no question about the roles
_JOINING = {"or", "and", "nor"}
_PHRASE_LINES = 2  # two words the documents say together this often are one term ("model drift")


def said_together(m: Match, terms: tuple[Term, ...]) -> bool:
    """Whether the terms are words said one after the other ("handling stress", "federated
    learning"), not side by side ("factories and manufacturing")."""
    words = list(m.words)
    at = [words.index(t.word) for t in terms if t.word in words]
    return len(terms) > 1 and len(at) == len(terms) and at == list(range(at[0], at[0] + len(at)))


def listed(m: Match, terms: tuple[Term, ...]) -> bool:
    """Whether the terms are named as alternatives, one after the other with only "or" or "and"
    between them ("copilot or genai", "factories and manufacturing"), or commas before the last
    ("fraud detection, banking or finance": the commas are gone from the words)."""
    words = list(m.words)
    named = [t for t in terms if t.weight >= SPECIFIC]  # not the everyday words around ("use cases")
    at = sorted(words.index(t.word) for t in named if t.word in words)
    gaps = [set(words[a + 1 : b]) for a, b in zip(at, at[1:], strict=False)]
    return len(named) > 1 and len(at) == len(named) and bool(gaps[-1]) and all(g <= _JOINING for g in gaps)


_STEM = 4  # forms that begin alike are the word's own ("ethic", "ethical"), not another word for it


def _as_typed(ev: Evidence, t: Term) -> Term:
    """The term as the person typed it, in its own word's forms ("ethics", "ethical"), when the
    documents say it so ("drift": not the "changing data" its synonyms add); with its synonyms when
    they never do ("k8s": Kubernetes)."""
    typed = Term(t.word, tuple(f for f in t.forms if f[:_STEM] == t.word[:_STEM]), t.weight)
    return typed if typed.forms != t.forms and ev.saying(typed) else t


def across_roles(engine: Engine, m: Match, terms: tuple[Term, ...]) -> Plan:
    """One subject across every role: each role with its best lines, most evidence first."""
    # what each role's document says, as it says it
    topic = strong_topic(m) or m.topic
    hits = engine.evidence.search(terms, point_words(engine, m), topic=topic, limit=80, asked=False)
    if terms:  # "quantum computing": lines that say "quantum", not every "computer" the stem finds
        rarest = max(terms, key=lambda t: t.weight)
        ev = engine.evidence
        pair = len(terms) == 2 and said_together(m, terms)
        both = [  # "handling stress": a line saying both words so ("Capacity to handle stress") comes first
            h for h in hits if pair and ev.says_together(h.line, *terms)
        ]
        # "copilot or genai": side by side, each rare word is asked; said together, the rarest decides
        asked = [t for t in terms if t.weight >= SPECIFIC] if listed(m, terms) else []
        asked = [_as_typed(ev, t) for t in asked or [rarest]]
        rest = [
            h
            for h in hits
            if h not in both and (any(ev.says(h.line, t) for t in asked) or ev.headed(h.line, terms))
        ]
        hits = both + rest or hits
    by_role: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        by_role[h.line.role].append(h)
    ranked = sorted(
        by_role.items(), key=lambda kv: -(kv[1][0].score + 0.3 * sum(h.score for h in kv[1][1:3]))
    )
    # one role: a lead; two: three lines each; four or five: one each, so every role shows on the first screen
    per_role = LEAD_LINES if len(ranked) == 1 else ROLE_LINES + (len(ranked) <= 2) - (len(ranked) >= _MANY)
    groups = tuple(  # a challenge with its solution, as in every lead
        (rid, tuple(with_solutions(engine, engine.evidence.lead(found, per_role), rid)))
        for rid, found in ranked[:_CROSS_ROLES]
    )
    groups = tuple((rid, found) for rid, found in groups if found)
    roles = tuple(rid for rid, _ in groups)
    if not roles:  # the words are there, but in no line that answers: say it was not understood
        return Plan("unknown", (), m.topic, m.focus, unknown=tuple(t.word for t in terms), match=m)
    intent = "answer" if len(roles) == 1 else "compare"
    topic = strong_topic(m) or groups[0][1][0].line.topic
    return Plan(intent, roles, topic, m.focus, mode="cross", terms=terms, groups=groups, match=m)


def asked_across(engine: Engine, m: Match, terms: tuple[Term, ...], label: str | None) -> tuple[Term, ...]:
    """A question in words about a subject of the documents that names no role ("what is model
    drift and how do organizations detect it?", "how does computer vision work in quality
    control?"): its terms, words said together joined, for an answer across the roles; () else."""
    if m.roles or m.ambiguous or not terms or label in _CHAT or not natural(engine, m):
        return ()
    if beyond(engine, m):  # "how do you get interviews ...?": a hiring subject, not the documents'
        return ()
    ev = engine.evidence
    # the subject as the documents say it, not a stem
    return tuple(t for t in joined(engine, m, terms) if specific(t) and ev.saying(t))


def joined(engine: Engine, m: Match, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms with two words said one after the other that lines of the documents also say
    together made one ("computer vision", "model drift")."""
    ev = engine.evidence
    words = [t.word for t in terms]
    for a, b in zip(m.subject, m.subject[1:], strict=False):
        if a in words and b in words and len(ev.index.matching(f"{a} {b}")) >= _PHRASE_LINES:
            words[words.index(a)] = f"{a} {b}"
            words.remove(b)
    return ev.terms(words)


def of_all(engine: Engine, m: Match) -> bool:
    """A question in words about a point of its topic ("how much math ...?"): asked of every role.
    A bare topic ("what r the challanges", "/role engineer salary") asks which."""
    if m.command or not natural(engine, m) or m.focus or beyond(engine, m):
        return False
    return bool(point_words(engine, m))
