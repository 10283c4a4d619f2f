"""The question in a long message: people write a sentence or two about themselves, then ask.

"I've been a data scientist for 4 years, mostly notebooks. We have an MLOps team. What skills
would I need to move over?" The question sentences decide the topic and the subject; the rest
is context (it may still name the role, or pick between ambiguous ones).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.patterns import Lazy

__all__ = [
    "SELF",
    "asked_in_turn",
    "asked_parts",
    "asks_how_senior",
    "asks_why",
    "copes",
    "marked",
    "said_at",
    "side_asks",
    "split",
    "two_asks",
]

_SENTENCE = Lazy(r"(?<=[.!?])\s+|\n+|\s+(?:\.\.\.|…)\s*|\s+\|\s+")  # " | ": a title, then the post
_ASKS = Lazy(
    r"^(?:so|and|but|also|now|ok|okay|hi|hey|hello|guys|folks|anyway|basically|separately|additionally|"
    r"secondly|lastly|finally|btw|besides)?[,\s]*"
    # "ok real question, whats ...", "more importantly which ...": what is really asked, said so
    r"(?:(?:(?:my|the|one|a)\s+)?(?:real|actual|main|practical|serious|quick|other|last)\s+(?:question|q)\b[:,-]?\s*"
    r"|(?:more|most)\s+importantly\b[:,]?\s*)?"
    r"(?:what|which|how|why|where|when|who|whats|should|shall|is|are|do|does|did|can|could|would|will|"
    r"any|anyone|tips|advice|recommend|kindly|please|suggest|tell|explain|describe|advise|guide|share|"
    r"i\s+(?:want|would\s+like|d\s+like|need)\s+to\s+know|i\s+wonder|wondering|looking\s+for|"
    r"(?:i'?m\s+|i\s+am\s+)?trying\s+to\s+(?:figure\s+out|understand|work\s+out)\s+"
    r"(?:which|what|how|whether|why|where|who)|"
    r"need\s+(?:advice|help|guidance|suggestions?))\b",
    re.IGNORECASE,
)
_LONG = 10  # words: a shorter message is read whole


_JOINS = frozenset({"and", "also", "plus", "but"})
_ASKING = frozenset(
    {
        "how",
        "hows",
        "what",
        "whats",
        "which",
        "who",
        "when",
        "where",
        "why",
        "do",
        "does",
        "is",
        "are",
        "will",
        "can",
    }
)
_NAMING = frozenset({"the", "their", "its"})  # "the 401k match in DC, and the salary there?": a second ask


def asked_parts(words: tuple[str, ...]) -> list[set[str]]:
    """The words of each part of a message (see `asked_in_turn`), as sets."""
    return [set(p) for p in asked_in_turn(words)]


def asked_in_turn(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Each part of a message that ends in a question mark, or that "and" or "also" before a question
    word starts ("senior mlops salary, and how much vacation do they get?": two parts), and the rest
    after the last one, in order; empty parts left out."""
    parts: list[list[str]] = [[]]
    for i, w in enumerate(words):
        if w == "?":
            parts.append([])
        elif w in _JOINS and i + 1 < len(words) and words[i + 1] in _ASKING | _NAMING and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(w)
    return [tuple(p) for p in parts if p]


def said_at(words: tuple[str, ...] | list[str], phrase: str) -> range:
    """Where a phrase is first said, in word positions (empty when it is not said as words)."""
    said = phrase.split()
    at = next((i for i in range(len(words)) if list(words[i : i + len(said)]) == said), None)
    return range(0) if at is None else range(at, at + len(said))


def marked(
    words: tuple[str, ...] | list[str], phrase: str, before: frozenset[str], after: frozenset[str], reach: int
) -> bool:
    """Whether the phrase, where first said, has a word of `before` up to `reach` words before it or
    a word of `after` up to `reach` words after it ("like race or gender", "leetcode-style")."""
    span = said_at(words, phrase)
    if not span:
        return False
    at, end = span.start, span.stop
    return bool(before & set(words[max(0, at - reach) : at]) or after & set(words[end : end + reach]))


def asks_why(words: tuple[str, ...] | list[str]) -> bool:
    """ "why ...?", "how come ...?": the question asks for reasons."""
    return "why" in words or "how come" in " ".join(words)


_HOW_SENIOR = frozenset({"how senior", "how experienced"})


def asks_how_senior(words: tuple[str, ...] | list[str]) -> bool:
    """ "how senior do you need to be for that?": the experience a role asks for, no level's rung."""
    if "how" not in words:  # most questions
        return False
    return any(f"{a} {b}" in _HOW_SENIOR for a, b in zip(words, words[1:], strict=False))


def copes(words: tuple[str, ...], lists: Mapping[str, frozenset[str]]) -> bool:
    """Whether the words say how a problem is handled ("how do they deal (with it)?", "how to fix
    that"); not "which of those is the biggest deal?", where "deal" is a noun (aliases.yaml)."""
    coping, noun = lists["coping"], lists["deal_as_noun"]
    return any(
        w in coping and (w != "deal" or before not in noun)
        for before, w in zip(("", *words), words, strict=False)
    )


_MOST = 45  # words of question kept
_ASIDE = Lazy(r"^(?:and\s+)?(?:also|plus|bonus question|side question|p\.?s\.?)\b", re.IGNORECASE)


# "coming from finance, ...": where the person comes from is context, not what is asked
_BACKGROUND = Lazy(
    r"^(?:\s*(?:hi|hey|hello)[,!\s]+)?(?:i'?m\s+)?(?:coming|switching|moving|transitioning|pivoting)\s+from\s+"
    r"[^,.;:!?]{1,40}[,.;:]\s*",
    re.IGNORECASE,
)


# "i'm not technical at all, what is that job?", "i work at a bank, ...": a clause about the person;
# "with copilot and all the ai coding tools, is it a safe bet?", "if I switch to a company that gives me
# the title, what should I expect to be paid?": the circumstances it is asked in (not "if my model
# makes a bad call, ...", "if a model's accuracy drops, ...": the subject)
_BEFORE = Lazy(
    r"^(?:(?:i'?m|i\s+am|i\s+work|i'?ve\s+been|i\s+have\s+been)\s+[^,.;:!?]{1,40}|(?:with|given|now\s+that|amid|because\s+of)\s+[^,.;:!?]{2,60}|"
    r"(?:if|once|after)\s+(?:i|we)\s+(?:switch|move|pivot|jump|transition|land|get|join|take|accept)\w*\s+[^,.;:!?]{2,70}),\s*"
    r"(?=(?:so\s+|but\s+)?(?:what|which|how|why|where|when|who|whats|should|is|are|do|does|can|could|would|"
    r"will)\b)",
    re.IGNORECASE,
)


def _clause(question: str) -> tuple[str, str]:
    """(the question, the clause before it about the person or the circumstances), or (question, "")."""
    found = _BEFORE.match(question)
    return (question[found.end() :], found.group(0).strip(" ,")) if found else (question, "")


_LEAD_IN = 3  # words before a colon that lead into the question after it
# the person speaks of themself, or opens with "I'm" left out ("Already a senior production AI engineer.")
SELF = Lazy(r"\b(?:i|i'?m|i'?ve|i'?d|my|me)\b|^\s*(?:already|currently|now|still|as)\s+an?\b", re.IGNORECASE)


def _lead_in(question: str) -> tuple[str, str]:
    """(the question, what leads into it before a colon): "I've read ten blog posts and still can't
    tell: what's the actual difference ...?"; (question, "") when there is none."""
    before, colon, after = question.partition(": ")
    about_me = SELF.search(before) is not None  # "I've read ten blog posts", not "monitoring best practices"
    if colon and about_me and len(before.split()) >= _LEAD_IN and _ASKS.match(after.strip()):
        return after.strip(), before.strip()
    return question, ""


# "do mlops engineers need soft skills or can I just hide in terraform all day?": what the person would
# rather do is context; the question is what comes before it
_RATHER = Lazy(  # "... or is that just hype?", "... or just base + bonus?"
    r"[,\s]+or\s+(?:(?:can|could|should|do|may)\s+(?:i|we|you)\s+(?:just|simply|only)|"
    r"(?:is|are)\s+(?:it|that|this|they)\s+(?:just|all|only|mostly)|just)\b.*$",
    re.I | re.S,
)


# "what do I need to learn so I don't embarrass myself in the interview?": why the person asks is context
_PURPOSE = Lazy(
    r"[,\s]+so\s+(?:that\s+)?(?:i|we)\s+(?:don'?t|do\s+not|won'?t|can|could|will|am|'m|get|have|know)\b.*$",
    re.I | re.S,
)


def _rather(question: str) -> tuple[str, str]:
    """(the question, what follows it as context: the alternative the person would rather or doubts, "or
    can I just ...", "or is that just hype?", or why they ask, "so I don't ..."), or (question, "")."""
    found = _RATHER.search(question) or _PURPOSE.search(question)
    if found is None or found.start() == 0:
        return question, ""
    return question[: found.start()] + "?", found.group(0).strip(" ,?")


def split(text: str) -> tuple[str, str]:
    """(question, context) of a message; (text, "") when it is short or has no clear question."""
    question, context = _split(text)
    if " or " in question or " so " in question:
        question, rather = _rather(question)
        context = " ".join(p for p in (context, rather) if p)
    if "," not in question and ":" not in question:  # most questions: no clause before them
        return question, context
    question, clause = _clause(question)
    question, lead = _lead_in(question)
    return question, " ".join(p for p in (context, clause, lead) if p)


_WONDERING = Lazy(
    r"\b(?:wondering|curious|anyone know|does anyone|do you know|not sure (?:if|whether|how))\b"
)


def side_asks(context: str) -> list[str]:
    """The sentences of a message's context that ask something in passing ("... wondering how generous
    they are with parental leave. Also, what's the outlook?": the first). Only such asides: a title
    or a question left out for length may name a policy only as colour (measured: false "not covered")."""
    parts = (p.strip() for p in _SENTENCE.split(context.replace(" | ", ". ")) if p and p.strip())
    # ... and a question of its own ("Is Geron's book still the one to read? ..."): asked, if not answered
    return [p for p in parts if _WONDERING.search(p) or p.endswith("?")]


_NARROWING = Lazy(
    r"^(?:(?:in|at|for|like|say|especially|specifically|mainly|mostly)\s+\S+(?:\s+\S+){0,4}|e\.?g\.?\s.*)"
    r"(?:\s+for\s+(?:example|instance))?[?.!]*$",
    re.IGNORECASE,
)


# a question reported ("my lead is asking whether a hire needs a PhD")
_REPORTED = Lazy(
    r"\b(?:ask(?:ing|ed|s)?|wonder(?:ing|s|ed)?|wants? to know|wanted to know|curious)\s+(?:(?:me|us)\s+)?"
    r"(?:whether|if)\b",
    re.IGNORECASE,
)
_BARE = 4  # words: an ask this short ("What's expected?", "any idea?") names no subject of its own


def _asks(part: str) -> bool:
    """Whether a sentence asks something: a question mark, or a question word first."""
    return part.endswith("?") or bool(_ASKS.match(part))


def _split(text: str) -> tuple[str, str]:
    background = _BACKGROUND.match(text)
    if background and len(text) > background.end():  # "coming from finance, what is an AI systems engineer?"
        question, context = split(text[background.end() :])
        return question, " ".join(p for p in (background.group(0).strip(" ,;:"), context) if p)
    if len(text.split()) <= _LONG:
        return text, ""
    parts = [p.strip() for p in _SENTENCE.split(text) if p and p.strip()]
    asks = [i for i, p in enumerate(parts) if _asks(p)]
    # "how is the demand outside USA? in Latin America for example": a fragment that narrows the ask
    # before it is part of it
    asks += [i for i, p in enumerate(parts) if i - 1 in asks and i not in asks and _NARROWING.match(p)]
    # "My lead is asking whether a hire needs a PhD. What's expected?": a bare ask points back at the
    # question the sentence before it reports
    asks += [
        i - 1
        for i in asks
        if 0 < i and i - 1 not in asks and len(parts[i].split()) <= _BARE and _REPORTED.search(parts[i - 1])
    ]
    asks.sort()
    # "what separates senior from mid? ... also curious what the pay jump looks like": the question
    # is answered; the aside in passing is left for a follow-up
    aside = {i for i, p in enumerate(parts) if i not in asks and _ASIDE.match(p)}  # not asked outright
    if asks and aside:
        parts = [p for i, p in enumerate(parts) if i not in aside]
        asks = [i for i, p in enumerate(parts) if _asks(p)]
    if not asks or len(parts) < 2:
        return text, ""
    chosen = [parts[i] for i in asks]
    words = " ".join(chosen).split()
    if len(words) > _MOST:  # several questions: the last ones are what is asked now
        kept: list[str] = []
        for p in reversed(chosen):
            if kept and len(" ".join([p, *kept]).split()) > _MOST:
                break
            kept.insert(0, p)
        chosen = kept
    # the asks left out for length stay as context ("does making senior as a prod AI eng move the
    # money? ... is the jump usually meaningful?": the role is named in the first)
    context = " ".join(p for i, p in enumerate(parts) if i not in asks or p not in chosen)
    return " ".join(chosen), context


# where a second ask starts: after a question mark, or "and" / "also" before a question word ("how do I
# get to mid-level, and what's the pay bump?")
_SECOND_ASK = Lazy(
    r"(?:\?+\s+|[,;]\s*(?=and\b|also\b|plus\b))(?:(?:and|also|plus|then|so|btw)\s+)*(?:(?:roughly|generally|"
    r"usually|typically|honestly|realistically)\s+)?"
    r"(?=(?:what|whats|how|which|who|when|where|why|do|does|is|are|will|can|should)(?:\s|'|’))",
    re.IGNORECASE,
)
_ASK_WORDS = 3  # words each of two asks holds at least


def two_asks(question: str) -> tuple[str, str] | None:
    """The two asks of a question that asks two things ("Is an ML platform engineer expected to
    mentor people, and what's the top-10% salary?"); None for one ask."""
    found = _SECOND_ASK.search(question)
    if found is None:
        return None
    first, rest = question[: found.start()].strip(" ,;"), question[found.end() :].strip()
    if len(first.split()) < _ASK_WORDS or len(rest.split()) < _ASK_WORDS:
        return None
    return first, rest
