"""Rules for a follow-up that one reading settles ("thanks!", "the second one", "which roles need
k8s?"): each gives the text to answer, or None to go on (`SETTLED`, in order)."""

from __future__ import annotations

from handlers.advice import digest, solutions
from handlers.ambiguity import DESCRIBED, undescribed
from handlers.facets import facet_of
from handlers.figures import asks_low
from handlers.followup.message import (
    AGAIN,
    ANY_ROLE,
    FILLER,
    SHORT,
    Message,
    all_of_them,
    bare_why,
    called_by,
    everyday_roles,
    focus_words,
    names_topic,
    on_that_front,
    own_subject,
    them_beside,
)
from handlers.glance import ASK_GROWTH
from handlers.scope import names_place, other_title
from handlers.task import task
from handlers.understand import thanks
from knowledge.match import pairs

__all__ = ["SETTLED"]


def _positions(words: tuple[str, ...], lists) -> bool:
    """Whether each "roles" (jobs, positions) said is one of a kind ("leadership roles")."""
    kinds = lists["position_kinds"]
    said = [i for i, w in enumerate(words) if w in {"roles", "jobs", "positions"}]
    return bool(said) and all(i and words[i - 1] in kinds for i in said)


# Rules for a message that one reading settles: each gives the text to answer, or None to go on.
def _across_or_thanks(t: Message) -> str | None:
    """ "which roles need kubernetes?", "thanks!", "write me a cover letter": as typed. "main headaches
    for each?" after two roles, or "any certs?" after one, stay with them; "is any role mentioning
    copilot?" is across."""
    m, lists, last = t.m, t.lists, t.last
    said_across = set(m.tokens) & t.engine.matcher.thread_across
    # "pay at each step?", "every level": each of something else than the roles
    said_across -= {w for w, nxt in zip(m.words, m.words[1:], strict=False) if nxt in lists["not_each_role"]}
    if _positions(m.words, lists):  # "and after senior, leadership roles?": the ladder's, not the five
        said_across -= {"role", "roles", "job", "jobs", "position", "positions"}
    any_role = bool(ANY_ROLE.search(t.body))
    each = said_across <= lists["each"] and len(last.roles) > 1
    each = each or (said_across == {"any"} and bool(last.roles) and not any_role)
    pointers = set(m.words) & lists["pointers"]  # "is anyone hiring them?"
    # "ok which role has most demand overall" after one role: a choice among all, not that role
    which = not lists["choosing_role"].isdisjoint(pairs(m.words))
    chosen = which and len(last.roles) < 2 and pointers <= {"role", "job"}
    pointing = bool(pointers) and not any_role and not chosen
    where = (
        set(m.words) & lists["geography"]
    )  # "which part of the world is leading?": where, of the last role
    across = said_across and not pointing and not each and not where
    # "can you write me a cover letter for that job?": no question of the thread, as typed
    return t.text if across or thanks(t.engine, m) or task(m.words, lists) else None


def _why_alone(t: Message) -> str | None:
    """ "why tho?", "how come?": why, of the last answer."""
    last = t.last
    if not (bare_why(t.engine, t.m) and last.roles):
        return None
    # ... of its point too ("is demand for them growing?" ... "why is that?": what drives it)
    # ... and after the outlook ("job outlook" answered from the career section): the demand's drivers
    # ... and after the trends ("ai systems engineer trends" ... "why?"): what drives them, the demand's
    topic = "demand" if set(last.point) & ASK_GROWTH or last.topic == "trends" else last.topic
    said = (*last.roles, topic or "", "why", *last.point, *focus_words(last, t.m))
    return " ".join(p for p in said if p)


def _source_asked(t: Message) -> str | None:
    """ "source?", "where does that number come from?": the last answer's section again, its lines
    giving the sources the document cites ("(LinkedIn data)"), under the document's name."""
    last, m = t.last, t.m
    if not (last.roles and last.topic and last.intent in ("answer", "compare")) or m.roles or m.focus:
        return None
    said = f" {' '.join(w for w in m.words if w not in ('?', '!', '.'))} "
    asked = [p for p in t.lists["source_asked"] if f" {p} " in said]
    if not asked:
        return None
    rest = set(said.split()) - {w for p in asked for w in p.split()}
    figures = [w for w in rest if any(c.isdigit() for c in w)]  # "where does the 74% come from?"
    if not rest - set(figures) <= t.engine.matcher.stopwords | FILLER | t.lists["source_fillers"]:
        return None  # "the source of most of their stress?": a question of its own
    asked_of = [t.text] if figures else []  # ... the line that gives the figure, first
    return " ".join(p for p in (*last.roles, last.topic, *focus_words(last, m), *asked_of) if p)


_WHICH = frozenset({"which", "who", "whichever"})
_CHOICE_WORDS = 5  # "which one is higher?": a choice asked bare


def _which_of_the_two(t: Message) -> str | None:
    """ "which is higher?", "who earns more?" asked bare after two answers on one topic: the two set
    side by side, the two roles compared ("mlops pay" ... "and platform?"), or one role's figures for
    both places, companies or levels ("in SF" ... "and NY?")."""
    m, lists = t.m, t.lists
    words = [w for w in m.words if w not in ("?", "!", ".")]
    if not words or words[0] not in _WHICH or len(words) > _CHOICE_WORDS or m.roles or m.ambiguous or m.focus:
        return None
    if not set(words) & lists["ranking"] or set(m.subject) - lists["ranking"]:
        return None  # "which is the hardest challenge?": a subject of its own
    if set(words) & (lists["back"] | {"of"}):
        return None  # "which of those is hardest?": of the items just shown
    answered = [turn for turn in reversed(t.turns) if turn.intent == "answer" and len(turn.roles) == 1][:2]
    if (
        len(answered) < 2
        or answered[0] != t.last  # the two just answered: not past a comparison since
        or answered[0].topic != answered[1].topic
        or m.topic not in (None, answered[0].topic)
    ):
        return None
    later, earlier = answered
    if later.roles != earlier.roles:  # two roles on one topic, the focus they share
        return " ".join(
            ("compare", *earlier.roles, *later.roles, later.topic or "", *focus_words(later, m), t.text)
        )
    if later.focus and earlier.focus and later.focus != earlier.focus:  # one role, two places
        values = dict.fromkeys(w for turn in (earlier, later) for ws in turn.focus.values() for w in ws)
        return " ".join((*later.roles, later.topic or "", *values, t.text))
    return None


def _all_offered(t: Message) -> str | None:
    """ "which role do you mean by 'ai engineer'?" ... "all of them": the roles offered, side by side."""
    asked = t.asked
    if not (asked and len(asked.roles) > 1 and not t.m.roles and all_of_them(t.m, t.lists)):
        return None
    return " ".join(("compare", *asked.roles, asked.topic or "overview", *focus_words(asked, t.m)))


def _name_again(t: Message) -> str | None:
    """ "which role do you mean by 'ai'?" ... "ai eng": the one its document calls so."""
    asked, m = t.asked, t.m
    called = called_by(t.engine, m, asked.roles) if asked and not m.roles and len(m.words) <= SHORT else None
    if not called:
        return None
    return " ".join((called, asked.topic or "overview", *focus_words(asked, m), "what about"))


def _nth_shown(t: Message) -> str | None:
    """ "what does the first bullet mean?", "say more about the second point": that line of the last
    answer, asked again in its own words, so its heading's lines come with it."""
    last, m, lists = t.last, t.m, t.lists
    if not (last.shown and last.intent == "answer" and len(last.roles) == 1) or m.roles:
        return None
    words = set(m.words)
    ordinals = t.engine.matcher.aliases.ordinals
    # "how do I get better at the first one?": an ordinal before "one" picks a line too
    # ... not "what's the pay like for that last one", "and for the third one you listed?": a role again
    nth = (
        any(b == "one" and a in ordinals for a, b in zip(m.words, m.words[1:], strict=False))
        and not m.topic_words
        and m.words[0] not in lists["switch_openers"]
    )
    if not (words & lists["bullets"] or ("one" in words and (words & lists["elaborate"] or nth))):
        return None
    at = next((ordinals[w] for w in m.words if w in ordinals), None)
    if at is None or not -len(last.shown) <= at < len(last.shown):
        return None
    line = t.engine.evidence.index.line(last.shown[at])
    return f"{last.roles[0]} {line.topic} {line.text}"


def _ranked_shown(t: Message) -> str | None:
    """ "which one pays the least?", "and the highest?" after one role's pay by company: those figures
    ranked (handlers/inrole.py ranks them when the company is named)."""
    last, m = t.last, t.m
    words = set(m.words) - {"?", "!", "."}
    if not (last.shown and last.topic == "salary" and last.intent == "answer" and len(last.roles) == 1):
        return None
    low = asks_low(m)
    if m.roles or m.focus or len(words) > _CHOICE_WORDS + 1 or not (low or words & t.lists["superlatives"]):
        return None
    index = t.engine.evidence.index
    if facet_of(t.engine, [index.line(i) for i in last.shown]) != "company":
        return None
    return f"{last.roles[0]} salary which company pays the {'least' if low else 'most'}"


def _that_again(t: Message) -> str | None:
    """ "can you expand on that?" after an answer on a point: the lines it led with, asked again in
    their own words, so the lines beside them come too (not the whole section: `_more`)."""
    last, lists = t.last, t.lists
    if not (last.shown and last.topic and last.intent == "answer" and len(last.roles) == 1) or t.m.roles:
        return None
    words = {w for w in t.m.words if w not in ("?", "!", ".")}
    if not (words & lists["pointing"] and words & lists["elaborate"] and words <= lists["expand_that"]):
        return None
    if set(last.shown) <= {h.line.id for h in digest(t.engine, last.roles[0], last.topic)}:
        return f"{last.roles[0]} {last.topic}"  # the section in brief: the rest of it, as `_more`
    lines = [t.engine.evidence.index.line(i) for i in last.shown[:AGAIN]]
    return " ".join((last.roles[0], lines[0].topic, *(ln.text for ln in lines)))


def _still_which(t: Message) -> str | None:
    """ "which role do you mean by 'ai engineer'?" ... "in detroit?": no role picked yet, so the same
    question again, with the place (or level) kept for the answer."""
    asked, m = t.asked, t.m
    placed = m.focus or names_place(t.engine, m)
    if not (asked and len(asked.roles) > 1 and placed and not (m.roles or m.ambiguous or names_topic(m))):
        return None
    phrase = next((p for p, rs in t.engine.matcher.ambiguous.items() if set(rs) == set(asked.roles)), None)
    return " ".join((phrase, asked.topic or "overview", t.body)) if phrase else None


def _one_offered(t: Message) -> str | None:
    """ "the ops one, mlops" after "which role do you want to know about salary?": that topic."""
    asked, m = t.asked, t.m
    if not (asked and asked.topic and len(m.roles) == 1 and m.roles[0] in asked.roles and not names_topic(m)):
        return None
    # "both production and systems please": "systems" names another of those offered, side by side
    joined = not (t.lists["both"] | {"and"}).isdisjoint(m.words)
    said = everyday_roles(t.engine, m, t.offered)[0] if joined else []
    more = [r for r in said if r in asked.roles and r not in m.roles]
    if more:
        return " ".join(("compare", m.roles[0], *more, asked.topic, *focus_words(asked, m)))
    # asked in words, on the point the first message asked ("job outlook", "kubernetes")
    return " ".join((m.roles[0], asked.topic, *focus_words(asked, m), *asked.point, "what about"))


def _across_again(t: Message) -> str | None:
    """ "which roles need kubernetes?" ... "what about python?": across again; so is a rare thing
    asked after all five roles side by side ("do they need a PhD?" ... "do publications matter?")."""
    m = t.m
    if m.roles or m.focus or names_topic(m) or not m.subject:
        return None
    again = t.last.across and t.leaning and not t.named_topic
    shown = t.last.intent == "compare" and len(t.last.roles) == len(t.engine.role_ids)  # not "which role?"
    all_five = shown and own_subject(t.engine, m)
    return f"which roles mention {' '.join(m.subject)}" if again or all_five else None


def _of_its_own(t: Message) -> str | None:
    """A question of its own: a role with a topic or subject, or several roles ("how do the
    requirements for mlops differ from production ai's?")."""
    m = t.m
    leans = t.leaning or them_beside(m, t.lists) or on_that_front(m, t.lists)
    # "ok back to the ml engineer one, same q": going back is no subject
    subject = [w for w in m.subject if w != "back"]
    if t.plain is not m:  # "is that the same for the infra people, the ones building our platform?"
        roles = t.engine.matcher.aliases.followup_roles
        subject = [w for w in t.plain.subject if w != "back" and roles.get(w) not in m.roles]
    own = m.roles and (t.named_topic or subject) and not (m.compare_strong or leans)
    if own and t.asked is not None and DESCRIBED.search(t.body):  # "the one who builds the internal
        # platform everyone trains on" after "which role?": the role described, the words ask nothing
        rest = t.engine.matcher.match(undescribed(t.body))
        own = names_topic(rest) or bool(rest.focus)
    return t.text if own or len(m.roles) > 1 else None


def _title(t: Message) -> str | None:
    """ "what about data analysts?": answered as the title, on the thread's topic."""
    if not other_title(t.engine, t.m) or t.m.roles or t.they:
        return None
    if set(t.m.words) & t.lists["differ"] and set(t.m.words) & t.lists["pointing"] and t.last.roles:
        # "how is that different from a data scientist?": what the thread's role is, beside the title
        return f"{' '.join(t.last.roles)} overview {t.text}"
    words = set(t.m.words)
    if (
        "than" in words
        and words & t.lists["ranking"]
        and words & (t.lists["back"] | t.lists["they"])
        and t.last.roles
    ):
        # "is that more than what SREs get?" after the pay in Seattle: the thread's role beside the title,
        # on its topic and focus
        # (the years are the person's own, no focus of the thread)
        said = [w for dim, ws in (t.last.focus or {}).items() if dim != "years" for w in ws]
        topic = "" if names_topic(t.m) else t.last.topic or ""  # "does it pay better than devops?": pay
        return " ".join([*t.last.roles, topic, *said, t.text])
    return f"{t.text} {t.last.topic}" if t.last.topic and not names_topic(t.m) else t.text


# in order: the first that answers settles the message
def _more(t: Message) -> str | None:
    """ "anything else?", "tell me more", "give me an example" after one role's answer: its whole
    section, the rest of it; "how?" after its challenges: the ways to handle what was asked."""
    last = t.last
    said = " ".join(w for w in t.m.words if w not in ("?", "!", "."))
    how = said in t.lists["how_alone"]
    if (
        not (how or said in t.lists["more_please"])
        or last.intent != "answer"
        or len(last.roles) != 1
        or not last.topic
    ):
        return None
    if how and last.topic == "challenges":  # "do they deal with bias?" ... "how?"
        if solutions(t.engine, last.roles[0]):  # the document's own "Solution:" lines beside them
            return " ".join((last.roles[0], "challenges", "how", "solve", *last.point))
        return " ".join((last.roles[0], "best-practices", *last.point))
    if how and last.point:  # "what's the drift thing" ... "how?": how it is handled, where the document says
        return " ".join(("how do", last.roles[0], "handle", *last.point, "?"))
    return f"{last.roles[0]} {last.topic}"


def _the_others(t: Message) -> str | None:
    """ "how does that compare to the other roles?" after one role's answer: every role side by side,
    on its topic and focus ("that seems low compared to the others" after the pay in San Francisco)."""
    last, m = t.last, t.m
    if len(last.roles) != 1 or not last.topic or m.roles or last.intent != "answer":
        return None
    said = f" {' '.join(w for w in m.words if w not in ('?', '!', '.', ','))} "
    if not any(f" {p} " in said for p in t.lists["other_roles"]):
        return None
    topic = "" if names_topic(m) else last.topic  # "what do the others need?": its own topic
    return " ".join(("compare", *t.engine.kb.roles, topic, *focus_words(last, m), t.text))


SETTLED = (
    _more, _that_again, _the_others, _across_or_thanks, _nth_shown, _why_alone, _source_asked,
    _which_of_the_two, _ranked_shown, _all_offered, _name_again, _still_which, _one_offered, _across_again,
    _of_its_own, _title,
)  # fmt: skip
