"""What a person asked: the intent, roles, topic and focus of one query, and what answers it."""

from __future__ import annotations

import re

from handlers.advice import digest
from handlers.ambiguity import (
    DESCRIBED,
    ai_field,
    described,
    only_concept_ai,
    setting_role,
    surest_work,
    two_described,
    work_role,
    work_words,
)
from handlers.context import (
    WORDED,
    about_pay,
    asked_beside,
    climb_before,
    foreign_pay,
    in_home_market,
    moving_to,
    sentence_before,
    told_them,
    topic_from,
    unless_fixed,
    with_context,
    years_stated,
)
from handlers.coverage import MENTION, beyond, natural, stand_ins, subject_terms
from handlers.engine import Engine
from handlers.evidence import SPECIFIC, Term, specific
from handlers.figures import figure_plan
from handlers.fit import asks_fit, fit_plan
from handlers.kinds import asks
from handlers.lines import GENERIC_WEIGHT, strong_topic
from handlers.plan import Plan
from handlers.policy import decide, only_occasion, paid_by_one
from handlers.question import SELF, asks_how_senior, split, two_asks
from handlers.salary import matching
from handlers.scope import is_place, only_owner, other_title, outside, provider_words
from handlers.second import both_asks, both_points, each_ask, other_ask
from handlers.task import task
from handlers.titles import naming, own_role, own_title_of, title_plan, with_title
from handlers.topic import NAMED, Choice, choose, guess, guess_none
from knowledge.english import is_common
from knowledge.index import key
from knowledge.intent import Guess
from knowledge.match import Focus, Match, around, normalize, pairs, stem
from knowledge.patterns import Lazy
from knowledge.skills import names_of_kinds

__all__ = ["Plan", "plan", "strip_command", "thanks"]

_SLASH = Lazy(r"^\s*/role\b", re.IGNORECASE)
_COMMAND = Lazy(r"^\s*(?:/role\b|<@[A-Z0-9]+(?:\|[^>]*)?>)[\s:,]*", re.IGNORECASE)
_CHAT_SURE = 0.7  # the model's thanks / help / list, when nothing else is named
_CHAT_WORDS = 10
_SLASH_WORDS = 4
_BARE_WORDS = 3  # no more words than this, none of them a topic or subject word: nothing to read
_BARE_QUESTION = 6  # a question this short that names nothing is about what its context names
_PEOPLE = frozenset({"people", "folks", "guys", "ones", "crowd", "person", "peeps"})  # who a role is
_STORY = 40  # words: a message this long tells its work well enough ...
_STORY_SURE = 0.9  # ... for the work model this sure ...
_STORY_LEAD = 10.0  # ... and this far ahead of the next role to outweigh a "people who" description
_CONTEXT_SURE = 0.7  # a question the model reads less surely takes the topic its context names
_FIELD_ROLES = Lazy(
    r"\b(?:(?:ai|ml|ai ?/ ?ml|ai (?:and|&) ml|machine learning)(?:\s+engineering)?\s+"
    r"(?:roles|jobs|positions|careers|job titles)"
    r"|across (?:all )?(?:of )?(?:the |these |those )?(?:roles|jobs))\b",
    re.IGNORECASE,
)
_ASKING = {"how", "what", "why", "which", "when", "where", "who"}
_THANKS_WORDS = 8  # a thanks that goes on longer may be asking something
_THANKS_END = 3  # "lol thx": a word or two, then thanks
_ASKED = {  # a question word and the next: asked ("what about ..."), not "that's what i needed"
    (q, w)
    for q in ("how", "what", "which", "who")
    for w in ("about", "is", "are", "do", "does", "much", "many")
}
_HERE = Lazy(r"\b(?:here|locally)\b", re.I)
_ELLIPTICAL = (
    re.compile(  # "which roles do?", "who does?": the verb is the context's ("what do they do?" is not)
        r"^\W*(?:\w+\W+){0,2}(?<!they )(?<!you )(?<!we )(?<!i )(?<!it )"
        r"(?:do|does|did|are|is|can|have|has|will|would|should)\W*$",
        re.I,
    )
)
# "is it just an ML engineer ...?", "is that basically the same as ...": a role likened to another
_LIKENED = Lazy(
    r"\b(?:is|isn'?t|are|aren'?t)\s+(?:it|this|that|they|these|those)\s+"
    r"(?:just|basically|really|simply|only|the same as)\b",
    re.I,
)
_ADVISED = {"requirements", "career", "demand"}  # topics the model's kinds of advice refine


def strip_command(text: str) -> str:
    """Drop a leading '/role' or the bot's own '<@U…>' mention."""
    if not text.lstrip().startswith(("/", "<")):  # most mention text: nothing to drop
        return text.strip()
    previous = None
    while previous != text:
        previous, text = text, _COMMAND.sub("", text, count=1)
    return text.strip()


def _reroute(engine: Engine, m: Match, terms: tuple[Term, ...]) -> Match:
    """Let the synonyms of the subject route too: "certs" means certifications (requirements)."""
    if strong_topic(m):
        return m
    scores = dict(m.topic_scores)
    for t in terms:
        for form in t.forms[1:]:
            for tid, weight in engine.matcher.topic_phrases.get(engine.matcher.key(form), ()):
                scores[tid] = scores.get(tid, 0) + weight
    if scores == m.topic_scores:
        return m
    topic = max(scores, key=lambda t: scores[t])
    return m.model_copy(update={"topic": topic, "topic_scores": scores})


def _fit_beside(engine: Engine, fitted: Plan, question: str) -> Plan:
    """A fit answer, with what a second ask of the question names that no document covers ("which
    tools should I learn first, and will companies sponsor an H-1B?": the visa)."""
    asks = two_asks(question) if fitted.intent in ("answer", "compare") else None
    other = [a for a in asks or () if not asks_fit(a)]
    if len(other) != 1:
        return fitted
    said = engine.matcher.match(other[0])
    named = [w for w in beyond(engine, said) if w not in fitted.uncovered]
    if not named or only_occasion(engine, said, named):
        return fitted
    return fitted.model_copy(update={"uncovered": (*fitted.uncovered, *named)})


def thanks(engine: Engine, m: Match) -> bool:
    """ "thanks!", "that was really helpful", "cool, got it": thanks, and nothing asked.

    Read on the words as typed: "helps" thanks, "help" asks for help.
    """
    words = [w for w in m.words if w != "?"]
    grams = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    said = engine.matcher.thanks_words
    if not (said & {*words, *grams}) or m.roles or m.ambiguous:
        return False
    # "ok and for the other one", "ok the 2nd": a role picked, asked on
    lists = engine.matcher.word_lists
    timed = lists["said_of_time"]
    picks = {"other", *engine.matcher.aliases.ordinals} - timed
    # ... "ok tell me more about the first one": "first" picks when it is "the first" or "first one"
    picked = any(
        w in timed and (n in lists["picked_after"] or (p == "the" and (not n or n in lists["pick_end"])))
        for p, w, n in around(words)
    )
    if picks & set(words) or picked:
        return False
    covered = {w for g in grams & said for w in g.split()}
    asking = max(m.topic_scores.values(), default=0) >= WORDED  # "ok and how much do they make"
    gratitude = engine.matcher.word_lists["gratitude"]
    # "thx, that's what i needed" opens with thanks; "lol thx", "gr8 thx" end with it
    opens = bool(words) and (words[0] in gratitude or len(words) <= _THANKS_END and words[-1] in gratitude)
    # "ok how do i get there" asks; "thx, that's what i needed" does not
    asking = asking or (not opens and bool(_ASKING & set(words)))
    # "ok and the least?": more than thanks, asked
    asking = asking or ("?" in m.words and any(w not in said and w not in covered for w in words))
    if not asking and all(w in said or w in covered or w in engine.matcher.stopwords for w in words):
        return True
    # "thx, that's what i needed", "thank you, very clear": thanks first, then no question at all
    # not "ok ..." or "cool ...", which go on to ask
    asked = "?" in m.words or m.focus or max(m.topic_scores.values(), default=0) >= WORDED
    # "thanks. what about visa sponsorship for them": a question, its mark left out
    asked = asked or any(pair in _ASKED for pair in zip(words, words[1:], strict=False))
    return opens and not asked and len(words) <= _THANKS_WORDS


def _role_slot(engine: Engine, m: Match, question: str) -> Match:
    """`/role systems salary`, `/role demand systems`: a command's word, in any place, that is a word
    of one role's names only names that role; beside a role named, only in a comparison (`/role
    compare ops platform salary`)."""
    if m.ambiguous or not m.tokens or (m.roles and not m.compare_strong):
        return m
    said = question.split()
    for i, word in enumerate(said):
        read = normalize(word)
        rid = engine.matcher.role_words.get(stem(read[0])) if len(read) == 1 else None
        if rid and rid not in m.roles:
            return engine.matcher.match(" ".join([*said[:i], rid, *said[i + 1 :]]))
    return m


def _chat(engine: Engine, m: Match) -> Plan | None:
    """Help, thanks: messages that ask nothing about the roles."""
    words = [w for w in m.words if w != "?"]
    if not words or (words[0] == "help" and not (m.roles or m.topic or m.ambiguous)):
        return Plan("help", match=m)
    if thanks(engine, m):
        return Plan("help", mode="thanks", match=m)
    if asked := task(m.words, engine.matcher.word_lists):  # "write me a python function ..."
        return Plan("unknown", m.roles, mode="task", uncovered=(asked,), match=m)
    if m.help_word and not m.roles and m.topic is None and not m.subject:
        return Plan("help", match=m)
    return None


def _chat_model(engine: Engine, m: Match, choice: Choice, g: Guess) -> Plan | None:
    """Thanks, help and the list as the intent model reads them, when nothing else is named."""
    if m.roles or m.ambiguous or choice.match.topic_scores.get(choice.match.topic or "", 0) >= 3:
        return None
    label, p = g.label, g.confidence
    if p < _CHAT_SURE or len(m.words) > _CHAT_WORDS:
        return None
    if label == "thanks":
        return Plan("help", mode="thanks", match=m)
    if label == "help":
        return Plan("help", match=m)
    if label == "list" and not (m.focus or m.subject or m.topic):
        return Plan("list", tuple(engine.role_ids), match=m)
    return None


def _elsewhere(engine: Engine, p: Plan, terms: tuple[Term, ...]) -> Plan:
    """A one-role answer with the specific things asked that its document never says but others' do
    ("do ai systems engineers need to know kubernetes?": MLOps's and ML Platform's documents do)."""
    if p.intent != "answer" or len(p.roles) != 1 or p.mode == "cross":
        return p
    ev = engine.evidence
    if p.match is not None:  # "what certifications should a platform engineer get?": a topic's word, asked
        credentials = engine.matcher.word_lists["credentials"]
        said = {t.word for t in terms}
        terms = (*terms, *ev.terms(w for w in p.match.topic_words if w in credentials and w not in said))
    found = tuple(
        (_written(engine, t), held)
        for t in terms
        if named_elsewhere(engine, t)
        and t.word not in p.uncovered
        and not ev.found(t, p.roles)
        and (held := tuple(r for r in engine.role_ids if ev.found(t, (r,))))
    )
    found += _paid_elsewhere(engine, p)
    return p.model_copy(update={"elsewhere": found[:2]}) if found else p


def named_elsewhere(engine: Engine, t: Term) -> bool:
    """Whether a thing asked of a role whose document lacks it is named with the documents that hold
    it: a tool, a language, a platform, a credential, a source; not an everyday word ("employable")."""
    lists = engine.matcher.word_lists
    return specific(t) and (
        _tool(engine, t) or not (lists["credentials"] | lists["sources"]).isdisjoint((t.word, *t.forms))
    )


def _paid_elsewhere(engine: Engine, p: Plan) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A company's or a place's pay the role's document gives no figure for, with the roles whose
    documents do ("how much do ML engineers make at google?": AI Systems' "Google: $204,579")."""
    if p.topic != "salary":
        return ()
    out = []
    for name, kind in (
        *((c, "companies") for c in p.focus.companies),
        *((lc, "locations") for lc in p.focus.locations),
    ):
        said = f"{name} pay"
        if said not in p.uncovered and name not in p.uncovered:
            continue
        focus = Focus(**{kind: (name,)})
        held = tuple(r for r in engine.role_ids if r not in p.roles and matching(engine.kb.roles[r], focus))
        if held:
            out.append((said if said in p.uncovered else name, held))
    return tuple(out)


_TOOLS = {"tool", "language", "platform", "framework", "ml", "data"}  # kinds of skill a document may lack


def _tool(engine: Engine, t: Term) -> bool:
    """Whether the term is a skill of a technical kind (knowledge/skills.yaml): its names, kept once
    per engine."""

    names = engine.keep(("tool names",), lambda: names_of_kinds(_TOOLS))
    return t.word in names or any(f in names for f in t.forms)


def _written(engine: Engine, t: Term) -> str:
    """A term as the documents write it ("kubernetes" -> "Kubernetes")."""
    ev = engine.evidence
    for form in t.forms:  # "bls": as the documents write it, "Bureau of Labor Statistics"
        lines = [ev.index.line(i) for i in sorted(ev.index.matching(form))[:3]]
        if lines:
            return ev.as_written(form, lines)
    return t.word


def _briefed(engine: Engine, p: Plan, told: bool) -> Plan:
    """A question in words answered by a whole section (a command's reply, ~3,000 characters) gets the
    section in brief instead, the rest behind its button ("NLP vs CV vs LLMs - which should I
    specialize in?"), and so does a message that tells more than it asks (`told`: "I need to explain
    to HR what ... does. Quick summary?") or asks for it short ("lowdown on ML platform eng pls");
    pay figures asked stay as they are."""
    m = p.match
    if p.intent != "answer" or p.mode or len(p.roles) != 1 or p.topic is None or m is None:
        return p
    short = (told and p.topic != "salary") or bool(engine.matcher.word_lists["brevity"] & set(m.words))
    if (p.focus and p.topic == "salary") or p.focus.levels or not (short or natural(engine, m)):
        return p  # "how are senior ones different?": the rungs of the whole ladder answer
    hits = digest(engine, p.roles[0], p.topic)
    return p.model_copy(update={"mode": "lead", "groups": ((p.roles[0], tuple(hits)),)}) if hits else p


def _finish(p: Plan, choice: Choice, missing: tuple[str, ...]) -> Plan:
    """The plan with the model's label, a close runner-up topic and what is not covered."""
    also = choice.other if choice.other not in (None, p.topic) and p.intent == "answer" else None
    uncovered = _once((*p.uncovered, *missing)) if p.intent in ("answer", "compare") else p.uncovered
    kind = choice.label if p.topic == choice.match.topic else None
    if (kind, also, uncovered) == (p.kind, p.also, p.uncovered):
        return p
    return p.model_copy(update={"kind": kind, "also": also, "uncovered": uncovered})


def _once(names: tuple[str, ...]) -> tuple[str, ...]:
    """Each name once, however cased or numbered ("coursera" and "Coursera", "sres" and "SRE"): as
    written with capitals when it is."""
    seen: dict[str, str] = {}
    for name in names:
        key = name.lower().removesuffix("s")
        if key not in seen or seen[key].islower():
            seen[key] = name
    return tuple(seen.values())


_DIFFERENT = Lazy(r"\b(?:different|difference|differences|differ|differs)\b", re.I)
_IT = frozenset({"it", "that", "this", "they"})  # the role the context named, pointed at
_IT_AT = 4  # ... among the question's first words ("so is it really different from ...")


_JOINED = Lazy(r"\s\+\s|\s&\s")  # a plus or ampersand between words ("c++" stays)
_FROM_MINE = Lazy(
    r"\b(?:different|differs?|difference)\s+(?:from|than|to|with)\s+(?:my|mine|me|what\s+i|the\s+one\s+i|our)\b"
    # "what's the difference between me and an AI/ML engineer?"
    r"|\bbetween\s+(?:me|my\s+(?:job|role|work)|what\s+i\s+do)\s+and\b",
    re.I,
)
_CURRENCY = Lazy(r"[$€£]\s?\d")  # an amount of money, not "40k rows"
_BARE_IT = ("that",)  # "offer that": what the sentence before names ("is it worth it?" is the job)
_THESE_ROLES = Lazy(r"\b(?:these|those)\s+(?:\w+\s+){0,2}(?:roles?|jobs?|positions?|titles?|careers?)\b")


def _set_beside(engine: Engine, role: str, title: str) -> bool:
    """Whether the role's document sets the role beside the title ("AI/ML Engineer vs. Data Scientist")."""
    versus = re.compile(rf"\b(?:vs\.?|versus)\s+{re.escape(title)}", re.IGNORECASE)
    index = engine.evidence.index
    lines = (index.line(i) for f in engine.evidence.term(title.lower()).forms for i in index.matching(f))
    return any(ln.role == role and versus.search(f"{ln.label or ''} {ln.text}") for ln in lines)


def _points_back(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """Whether the question points back at its context ("is that a real career path?"), not at the
    roles when it names its topic outright ("which of these roles pays best?"), nor at the work
    itself ("in this line of work", "in this field"), nor at a situation it tells ("how do people
    bridge that gap?": the gap, not the data scientists who throw notebooks over the wall)."""
    pointing, fields, situations = lists["pointing"], lists["fields"], lists["situations"]
    tokens = m.tokens
    said = {
        t
        for i, t in enumerate(tokens)
        if t in pointing
        and not _the_work(tokens, i + 1, fields)
        and not _a_situation(tokens, i + 1, situations)
    }
    named = m.topic_top.get(m.topic or "", 0) >= NAMED  # "... pays best at entry level?": asked outright
    if said and said <= {"these", "those"} and named and _THESE_ROLES.search(" ".join(m.words)):
        return False  # not "I love teaching. Which of these roles would suit me?": that, the context
    return bool(said)


def _at_situation(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """Whether a question that names no topic of its own points at a situation its context tells
    ("how do people bridge that gap?"), not "what practices catch this stuff?"."""
    if max(m.topic_top.values(), default=0) >= NAMED:
        return False
    tokens = m.tokens
    return any(
        _a_situation(tokens, i + 1, lists["situations"])
        for i, t in enumerate(tokens)
        if t in lists["pointing"]
    )


def _a_situation(tokens: tuple[str, ...], at: int, situations: frozenset[str]) -> bool:
    """Whether the word at `at` names a situation ("that gap", "this mess")."""
    return at < len(tokens) and tokens[at] in situations


def _the_work(tokens: tuple[str, ...], at: int, fields: frozenset[str]) -> bool:
    """Whether the words at `at` name the line of work ("line of work", "field", "industry")."""
    return at < len(tokens) and (tokens[at] in fields or tokens[at : at + 3] == ("line", "of", "work"))


_PERSONAL = ("soft-skills",)  # sections of the person, which a context about the person can point into


def _asked_subject(engine: Engine, m: Match) -> bool:
    """Whether the question names a subject of its own beyond how it asks ("cope", "help")."""
    coping = engine.matcher.word_lists["coping"]
    return any(w not in coping and engine.evidence.found(engine.evidence.term(w)) for w in m.subject)


def _specific(engine: Engine, words: tuple[str, ...]) -> bool:
    """Whether any of these words is one the documents say rarely ("security", not "part")."""
    return any(specific(engine.evidence.term(w)) for w in words)


def _held_in(engine: Engine, word: str, topic: str) -> bool:
    """Whether a rare word of the documents is said in this section ("stressed": "handle stress")."""
    t = engine.evidence.term(word)
    return t.weight >= SPECIFIC and any(engine.evidence.found_in_topic(key(f), topic) for f in t.forms)


_ACROSS_ASKED = Lazy(  # "which jobs ...", "do any of these roles ...", not "what kind of job is this"
    r"\b(?:which|what|any|all|both)\s+(?:of\s+(?:the|these|those)\s+)?(?:\w+\s+)?(?:roles?|jobs?|positions?|titles?)\b"
)


# "what is shadow deployment?", "explain edge ai": a thing asked to be defined, no work told
_DEFINE_ASKED = Lazy(
    r"^(?:what\s+(?:is|are|s)|whats|explain|define|definition\s+of|meaning\s+of)\s+(?:\w+\s+){0,3}\w+$"
)

_DEFINE_WORDS = 7  # no message longer than this only asks for a definition (checked before normalizing)


def _defined(body: str) -> bool:
    """Whether the whole message asks to define something ("what is shadow deployment?")."""
    if len(body.split()) > _DEFINE_WORDS or DESCRIBED.search(body):
        return False
    return bool(_DEFINE_ASKED.match(" ".join(w for w in normalize(body) if w != "?")))


_NAME_ASKED = Lazy(  # "what role is that?", "what is this job called?": the name of the work told
    r"\b(?:what|which)\s+(?:role|job|title|position)\s+(?:is|would)\s+(?:that|this|it)\b"
    # "what would this job be called?", "not sure what my job is called", "what is this role usually called"
    r"|\bwhat(?:s|\s+is|\s+would)?\s+(?:that|this|my|the)\s+(?:job|role|work|position|title)\s+(?:is\s+|would\s+)?"
    r"(?:usually\s+|normally\s+|typically\s+|actually\s+|even\s+)?(?:be\s+)?called\b"
    r"|\bwhat\s+(?:am\s+i|is\s+my\s+job|are\s+they|are\s+we)\s+called\b"
    r"|\bwhat\s+(?:do|would)\s+you\s+call\s+(?:that|this|it|my\s+job|someone|people|them)\b"
    # "who should we hire to keep our models monitored?", "what kind of engineer do we need for that?"
    r"|\bwho\s+(?:should|do|would)\s+(?:we|i)\s+(?:hire|need|look\s+for)\b"
    # ... "which role should we hire?", "what engineer do i need to hire for this?"
    r"|\b(?:which|what)\s+(?:role|engineer|person|title)\s+(?:should|do|would)\s+(?:we|i)\s+(?:need\s+to\s+)?"
    r"(?:hire|look\s+for|bring\s+in)\b"
    r"|\bwhat\s+(?:kind|type|sort)\s+of\s+(?:engineer|person|role|hire)\s+(?:should|do|would)\s+(?:we|i)\b"
)


_ASKED_ON = frozenset({"on", "about", "with"})  # "spend time on X", "deal with X": X is asked


def _asked_after_title(m: Match) -> set[str]:
    """The words after an ambiguous title and a preposition of asking ("AI engineers actually spend
    time on predictive maintenance"), in a message that is one question; else none."""
    if not m.ambiguous or m.context:
        return set()
    words, title = m.words, [stem(w) for w in m.ambiguous[0][0].split()]
    at = next((i for i in range(len(words)) if [stem(w) for w in words[i : i + len(title)]] == title), -1)
    if at < 0:
        return set()
    after = words[at + len(title) :]
    on = next((i for i, w in enumerate(after) if w in _ASKED_ON), -1)
    return set(after[on + 1 :]) if on >= 0 else set()


# "which role is more about building infrastructure for other ML teams?", "which job builds tools for data
# scientists?": one role (singular) asked by the work it does, not "which roles need kubernetes?"
_WHOSE_WORK = Lazy(
    r"\b(?:which|what)\s+(?:role|job|position|one|of\s+(?:the|these|those)\s+(?:\w+\s+)?(?:roles|jobs))\s+"
    r"(?:(?:is|s|would\s+be)\s+)?(?:(?:more|mostly|most|really|all|actually|the\s+one)\s+)?"
    r"(?:about|focused\s+on|focuses\s+on|deals\s+with|handles|builds|owns|maintains|runs|keeps|takes\s+care\s+of|"
    r"works\s+on|is\s+responsible\s+for|responsible\s+for|in\s+charge\s+of)\b"
)
_WHOSE_SURE = 0.8  # the work model this sure of one role ...
_WHOSE_LEAD = 2.0  # ... and this far ahead of the next and of "none"


def _whose_work(engine: Engine, m: Match) -> str | None:
    """The role a question asks for by the work it does (_WHOSE_WORK), from the work model alone
    when it is sure, with no topic named outright ("which role pays most?" asks the pay)."""
    if not set(m.roles) <= set(m.weak_roles) or m.topic_top.get(m.topic or "", 0) >= NAMED:
        return None  # a role named outright ("ML" of "other ML teams" is a word of the work)
    said = " ".join(m.words)
    asked = _WHOSE_WORK.search(said)
    if not asked or set(m.words) & MENTION:
        return None
    before = engine.matcher.match(said[: asked.end()])
    if before.roles or before.ambiguous:  # "which of the ML roles is most about deployment?": among them
        return None
    return surest_work(engine, m.masked, _WHOSE_SURE, _WHOSE_LEAD)


def _work_told(
    engine: Engine, m: Match, read: tuple[tuple[str, ...], tuple[str, ...]], body: str, field: bool
) -> Match:
    """The match with the role whose work the message tells, when it names none (or only a weak
    or ambiguous name) and does not ask across the roles ("which jobs ...", "AI roles")."""
    if not set(m.roles) <= set(m.weak_roles):  # a role named outright
        return m
    sides = two_described(engine, body) if not m.roles and not m.ambiguous else ()
    if sides:  # "the person who trains the models or the one who keeps them running in prod?": both
        return m.model_copy(update={"roles": sides, "weak_roles": (), "compare_strong": True})
    if whose := _whose_work(engine, m):  # "which role is more about building infra for ML teams?"
        scores, top = {**m.topic_scores, "overview": NAMED}, {**m.topic_top, "overview": NAMED}
        update = {"roles": (whose,), "weak_roles": (), "ambiguous": (), "topic": "overview"}
        update.update(topic_scores=scores, topic_top=top)
        return m.model_copy(update=update)
    said = " ".join(m.words)
    named = _NAME_ASKED.search(said)
    if field or (_ACROSS_ASKED.search(said) and not named):
        return m
    if _defined(body):
        return m  # the whole message, no work told before it
    candidates = m.ambiguous[0][1] if m.ambiguous else engine.role_ids
    role = work_role(engine, *read, body, candidates, titled=bool(m.ambiguous)) or setting_role(
        engine, m, candidates
    )
    if role is None:
        return m
    subject = m.subject
    if m.topic_top.get(m.topic or "", 0) >= NAMED:  # "... which soft skills?": the work told is no subject;
        # but "I'm paged when a model starts drifting ... what should I change?" asks about it
        described = {w for d in DESCRIBED.finditer(body) for w in normalize(d.group(0))}  # "people who keep"
        told = (
            set(work_words(engine, role, m.subject)) | described | engine.role_words(tuple(engine.role_ids))
        )
        # ... but what is asked after the title and a preposition is the point ("do factory AI engineers
        # spend time on predictive maintenance?": "factory" told, "predictive maintenance" asked)
        told -= _asked_after_title(m)
        subject = tuple(w for w in m.subject if w not in told)
    m = m.model_copy(update={"roles": (role,), "weak_roles": (), "ambiguous": (), "subject": subject})
    if named and m.topic_top.get(m.topic or "", 0) < NAMED:  # "... what role is that?": the role itself
        scores, top = {**m.topic_scores, "overview": NAMED}, {**m.topic_top, "overview": NAMED}
        m = m.model_copy(
            update={"topic": "overview", "topic_scores": scores, "topic_top": top, "subject": ()}
        )
    return m


def plan(text: str, engine: Engine) -> Plan:
    """Decide how to answer `text` (slash text or mention text).

    The stages, in order: read (match: roles, topic words, focus, subject), chat (help,
    thanks), the intent model's guess, scope (a job title that is none of the five), topic
    choice, then the policy from (intent, roles, topic, subject, hits) to a plan.
    """
    typed = _JOINED.sub(" and ", strip_command(text))  # "challenges + how often are they paged?": two asks
    typed, foreign = foreign_pay(typed, engine.matcher.word_lists["currencies"])  # "72k EUR": pay, no figure
    body = typed
    question, context = split(body)
    pointed: tuple[str, str] | None = None  # a title none of the five the question points back at
    amount = None  # an amount the context names ("$135k base")
    beside: tuple[str, str] | None = None  # the person's own title, which the question asks the role beside
    holder: str | None = None  # the one of the five the context says the person is in
    if context:  # what was read: the question and its context, an aside ("also curious ...?") left out
        body = f"{context} {question}"
    elliptical = bool(context) and _ELLIPTICAL.search(question) is not None
    m = engine.matcher.match(question) if not elliptical else None
    if m is not None and context and m.topic == "salary" and _HERE.search(question):
        # "UK based MLOps eng, London. what does senior comp look like here?": the pay where the
        # context is (no document gives its figures)
        place = next((w for w in normalize(context) if is_place(engine, w)), None)
        question = f"{question} in {place}" if place else question
        m = engine.matcher.match(question)
    # "... notebooks over the wall. How do people bridge that gap?": the situation told is asked
    elliptical = elliptical or (
        m is not None and bool(context) and _at_situation(m, engine.matcher.word_lists)
    )
    if m is None or elliptical:  # "... which jobs list a number of years. Which roles do?"
        if elliptical:
            before, context = split(context)  # the sentence before says what is asked
            question = f"{before} {question}"
        m = engine.matcher.match(question)
    climb = climb_before(engine, m, typed, question, context) if context and not elliptical else ""
    if climb:  # "... trying to get promoted to senior. What should I focus on?": the climb is asked
        question = f"{climb} {question}"
        m = engine.matcher.match(question)
    if len(m.roles) == 1 and m.compare_strong and _FROM_MINE.search(question):
        # "how is it different from my job?": the role beside the person's own work, not the other roles
        m = m.model_copy(update={"compare_strong": False, "compare_weak": False, "roles_word": False})
    read = (m.words, m.masked)  # the whole message as read (with its context, below): the work it tells
    asked_top = m.topic_top  # how strongly the question itself names each topic
    field = _FIELD_ROLES.search(body)
    said = field.group(0).lower() if field else ""
    # "across these roles", "which AI/ML engineering roles ...": the field, though it holds a role's name
    # ... but not "what do ml engineering jobs pay?"
    which_of = not engine.matcher.word_lists["which_of"].isdisjoint(m.words)
    said_across = said.startswith("across") or (" engineering " in said and which_of)
    if field and (set(m.roles) <= set(m.weak_roles) or said_across):
        # "which AI/ML roles expect SQL?", "across all these roles": the field's roles, every one
        m = m.model_copy(update={"roles": (), "weak_roles": (), "ambiguous": ()})
    if (
        "top" in m.focus.levels
        and engine.matcher.word_lists["ladder"] & set(m.tokens)
        and not m.topic_top.get("salary")
    ):
        # "career ladder top rung": the highest rung, not the top of the pay range
        levels = tuple(dict.fromkeys("director" if lv == "top" else lv for lv in m.focus.levels))
        m = m.model_copy(update={"focus": m.focus.model_copy(update={"levels": levels})})
    if asks_how_senior(m.words) and not m.topic_top.get("salary"):
        # "how senior do you need to be for ML platform roles?": the experience asked for, not the senior rung
        scores = {**m.topic_scores, "requirements": m.topic_scores.get("requirements", 0) + NAMED}
        top = {**m.topic_top, "requirements": max(m.topic_top.get("requirements", 0), NAMED)}
        levels = tuple(lv for lv in m.focus.levels if lv != "senior")
        update = {"topic": "requirements", "topic_scores": scores, "topic_top": top}
        m = m.model_copy(update={**update, "focus": m.focus.model_copy(update={"levels": levels})})
    if _SLASH.match(text):
        m = _role_slot(engine, m, question).model_copy(update={"command": True})
    if context:
        lists = engine.matcher.word_lists
        ctx = years_stated(engine, engine.matcher.match(context))  # "production AI eng, 1 yoe": no topic
        read = ((*ctx.words, *m.words), (*ctx.masked, *m.masked))
        amount = ctx.focus.amount
        holder = own_role(engine, ctx, held=True)
        if _LIKENED.search(question) and len(ctx.roles) == 1 and len(m.roles) == 1 and ctx.roles != m.roles:
            # "Saw 'Production AI Engineer' on LinkedIn ... Is it just an ML engineer with a different
            # name? What is the role?": the context's role is asked about, the other is what it is likened to
            m = m.model_copy(update={"roles": ctx.roles, "weak_roles": ()})
        if m.ambiguous and not m.roles and (paid := paid_by_one(engine, m, m.ambiguous[0][1])):
            # "ML engineer at Google ... What does the data say about AI engineer pay at Google vs Tesla?":
            # the one document with those companies' pay, not the asker's own title
            m = m.model_copy(update={"roles": (paid,), "ambiguous": ()})
        asked_of = m.roles  # the roles the question itself names
        if ctx.roles and only_concept_ai(engine, m):
            # "... trends for AI/ML platform engineering. Anything about serverless or generative AI?": a
            # thing the documents name, asked of the context's role
            m = m.model_copy(update={"ambiguous": ()})
        m = with_context(m, ctx, engine.matcher.across_words, lists)
        target = moving_to(engine, context, holder) if holder and not asked_of and holder in m.roles else None
        if target:  # "I'm an ML engineer ... want to move to the platform team. What do they expect?": there
            m = m.model_copy(update={"roles": (target,), "weak_roles": (), "compare_strong": False})
        if told_them(m, ctx, lists):  # "I need leadership to fund it but they don't see why. How do I
            # explain it?": explaining to the people the context names is the soft skills
            scores = {**m.topic_scores, "soft-skills": m.topic_scores.get("soft-skills", 0) + NAMED}
            top = {**m.topic_top, "soft-skills": max(m.topic_top.get("soft-skills", 0), NAMED)}
            m = m.model_copy(update={"topic": "soft-skills", "topic_scores": scores, "topic_top": top})
        if ctx.focus.levels and not m.focus.levels and asks(engine, m, "start"):
            # "just hired as a junior ... what should i focus on the first months?": the person's level
            m = m.model_copy(update={"focus": m.focus.model_copy(update={"levels": ctx.focus.levels})})
        if (
            len(ctx.focus.levels) == 1
            and ctx.focus.levels != ("top",)  # "... more than max TC": no rung of the person's
            and SELF.search(context)
            and not m.focus.levels
            and lists["above"] & set(m.words)
            and m.topic == "career"
        ):
            # "i'm a senior mlops engineer, what's the next step?": the rungs after the person's own
            m = m.model_copy(update={"focus": m.focus.model_copy(update={"levels": ctx.focus.levels})})
        own = ctx.focus.years is not None and m.focus.years is None and not m.focus.levels
        # "an MLE for 5 years ... the usual range at my level?", "2 years of ML ... is that enough?"
        leveled = bool(set(pairs(m.words)) & lists["that_level"])  # "7 yoe ... what's normal for that level?"
        if own and (set(m.words) & (lists["mine"] | lists["enough"]) or leveled):
            m = m.model_copy(update={"focus": m.focus.model_copy(update={"years": ctx.focus.years})})
        if _DIFFERENT.search(question) and not other_title(engine, m) and len(m.roles) < 2:
            # "I'm a data scientist and want to become an ML engineer. What's actually different about the
            # job?": different from the person's own title
            beside = own_title_of(engine, ctx)
            mine = own_role(engine, ctx)
            told = [r for r in ctx.roles if r not in ctx.weak_roles]
            it = set(m.words[:_IT_AT]) & _IT  # "is it different from what a normal ML engineer does?"
            if len(m.roles) == 1 and mine and mine != m.roles[0]:
                # "Currently an ML engineer ... how do the headaches differ [on] an ML platform role?": both
                m = m.model_copy(update={"roles": (mine, *m.roles), "weak_roles": (), "compare_strong": True})
            elif len(m.roles) == 1 and it and len(told) == 1 and told[0] != m.roles[0]:
                # "my friend just became a Production AI Engineer. is it different from a normal MLE?": the
                # role the context names, set beside the one the question names
                m = m.model_copy(
                    update={"roles": (told[0], *m.roles), "weak_roles": (), "compare_strong": True}
                )
            elif len(m.roles) == 1 and not asked_of and lists["both"] & set(m.words):
                # "Data scientist ... I should rebrand as an ML engineer. What's the difference between the
                # two jobs?": the role the context names beside the title it names
                title = beside[0] if beside else (other_title(engine, ctx) or ("",))[0]
                if title and _set_beside(engine, m.roles[0], title):
                    said = tuple(title.lower().split())
                    m = m.model_copy(update={"subject": (*m.subject, *said), "unknown": (*m.unknown, *said)})
        if _points_back(m, lists):  # the question points back at its context
            # "those 'AI trainer' gigs ... Is that a real career path?": the title it points at
            pointed = other_title(engine, ctx)
            if pointed and only_owner(pointed[0], context):  # "take the data scientist's pickle file, wrap it
                pointed = None  # in FastAPI ... what's the career path for that job?": whose file, no job
            # "I'd like to be director of mlops someday. what does that person do?": the level too
            # ... and "I want to end up running an AI team. what does that path look like?": its way up
            if (
                ctx.focus.levels
                and not m.focus.levels
                and set(m.words) & (lists["holder"] | lists["way_there"])
                and not asked_of  # "Staff data engineer ... the overview of the platform role? Is it
                # basically data engineering?": "it" is the role asked, not the person's level
            ):
                # "a senior ... want to move into director level. what does that step look like?": the top one
                order = list(engine.matcher.aliases.focus.get("level", {}))
                levels = ctx.focus.levels
                if set(m.words) & lists["way_there"] and len(levels) > 1:
                    levels = (max(levels, key=lambda lv: order.index(lv) if lv in order else -1),)
                m = m.model_copy(update={"focus": m.focus.model_copy(update={"levels": levels})})
                if set(m.words) & lists["way_there"] and m.topic_top.get(m.topic or "", 0) < NAMED:
                    # "... want to be a director of AI. What steps does that path involve?": the way up
                    top = max(m.topic_scores.values(), default=0)
                    m = m.model_copy(
                        update={"topic": "career", "topic_scores": {**m.topic_scores, "career": top + 1}}
                    )
            paid = set(m.focus.kinds) - {"average"}  # "is the base fair?": a pay kind names the topic
            # "mlops jobs grow 20%? whats the real stat"
            if m.topic_scores.get(m.topic or "", 0) < WORDED and not paid:
                m = unless_fixed(engine, m, years_stated(engine, engine.matcher.match(body)))
            if not m.subject and not m.roles and m.topic_top.get(m.topic or "", 0) < NAMED:
                # "I want to work on AI in factories. Which job is that?"; not "... what's the pay like
                # for this kind of work?", where the work told says which role, and the pay is asked
                m = m.model_copy(update={"subject": m.context})
            # "... asking for a four-day work week. Do companies offer that?": what the sentence before says
            last = sentence_before(typed, question, context)
            # "that job", "that level": the thing named; "... own that I don't?": a clause, no pronoun
            nouns = lists["holder"] | lists["group_nouns"] | lists["ladder"] | lists["clause_subjects"]
            it = any(
                w in _BARE_IT and nxt not in nouns for w, nxt in zip(m.words, (*m.words[1:], ""), strict=True)
            )
            said = engine.matcher.match(last) if it and last else None
            away = beyond(engine, said) if said else []
            if away and not beyond(engine, m):
                m = m.model_copy(update={"subject": (*m.subject, *away)})
            elif said and NAMED <= max(said.topic_top.values(), default=0) > m.topic_top.get(
                m.topic or "", 0
            ):
                # "... I need to work on emotional intelligence. What does that mean for this role?": the
                # topic the sentence before names outright (its words lead), over the question's "mean"
                m = topic_from(m, said).model_copy(
                    update={"topic_words": (*said.topic_words, *m.topic_words)}
                )
            elif said and not _specific(engine, m.subject) and _specific(engine, said.subject):
                # "... insists any MLOps hire understands network security. How much of that is part of
                # the role?": what the sentence before names is the subject, not "part"
                m = m.model_copy(update={"subject": (*said.subject, *m.subject)})
        elif (
            set(m.topic_words) <= lists["asking_advice"] and m.topic_words and len(m.words) <= _BARE_QUESTION
        ):
            # "keeping up as an AI systems engineer... any advice? i feel so behind": advice on what the
            # context says, not the best practices
            m = topic_from(
                m.model_copy(update={"subject": (*m.subject, *m.context)}),
                years_stated(engine, engine.matcher.match(body)),
            )
        elif (
            not m.topic_scores
            and len(m.words) <= _BARE_QUESTION
            and (m.context or ctx.topic_scores)
            # not "what should I focus on learning first?"; but "interview coming up. what should i brush
            # up on": the interview, which no document covers, named
            and (guess(engine, m).confidence < _CONTEXT_SURE or beyond(engine, ctx))
        ):
            # "im an mlops engineer and my models keep drifting. what's the recommended fix?": the fix of
            # what the context says; "got an offer ... in Chicago. what's typical there?": its topic too,
            # unless a fix is asked and the context names none outright ("the numbers never match ...
            # how do we fix this?": no pay)
            m = unless_fixed(engine, m.model_copy(update={"subject": (*m.subject, *m.context)}), ctx)
        elif (
            m.topic_scores.get(m.topic or "", 0) < WORDED
            and body.split(" ", 1)[0] not in engine.kb.roles  # not a follow-up completed from its thread
            and guess(engine, m).confidence < _CONTEXT_SURE
        ):
            # "... no idea what's normal for experience or education. What do the docs say we should ask
            # for?": a question that names no topic asks about the one its context names outright
            whole = years_stated(engine, engine.matcher.match(body))
            if max(whole.topic_top.values(), default=0) >= NAMED:
                m = topic_from(m, whole)
        elif m.topic in _PERSONAL and not _asked_subject(engine, m):
            # "i get stressed quickly when prod breaks. which soft skills help ... cope?": what the context
            # says of the person, where the section named holds it ("Capacity to handle stress")
            held = [w for w in m.context if _held_in(engine, w, m.topic)]
            m = m.model_copy(update={"subject": (*m.subject, *held)}) if held else m
    if m.subject and m.roles and m.topic_top.get(m.topic or "", 0) >= NAMED:
        # "which soft skills matter for the ops-side model people?" (MLOps from the context): a subject of
        # only the role's own name words names the role again, not a point of the section named
        said = m.words
        people = {w for i, w in enumerate(said[:-1]) if said[i + 1] in _PEOPLE}  # "... model people"
        if set(m.subject) <= engine.role_words(m.roles) and people & set(m.subject):
            m = m.model_copy(update={"subject": ()})
    stated = years_stated(engine, m)
    if stated is not m:  # "3 yoe AI engineer at 118k - am I underpaid?"
        m, asked_top = stated, {t: s for t, s in asked_top.items() if t != "requirements"}
    # "$150k", or "offered 62k": an amount said as pay
    paid = _CURRENCY.search(body) or engine.matcher.word_lists["paid_words"] & set(read[0])
    # ... the context's amount only when the question is about it: bare ("is it market?") or in pay words;
    # not "4 yoe, $140k ... is this a realistic internal move, and what should I learn first?"
    money = (m.focus.amount or (amount and about_pay(m, engine.matcher.word_lists))) and paid
    if money and max(asked_top.values(), default=0) < NAMED:  # "$150k in Chicago ... is it market?": pay,
        # not the context's "4 YOE"
        scores, top = {**m.topic_scores, "salary": NAMED}, {**m.topic_top, "salary": NAMED}
        m = m.model_copy(update={"topic": "salary", "topic_scores": scores, "topic_top": top})
    # "the people who keep models running in prod - what's that job?"; "the folks who keep ML models alive":
    # a description, over the everyday "ML" inside it
    weak = not m.roles or set(m.roles) <= set(m.weak_roles)
    if weak and all(p == "ai" for p, _ in m.ambiguous):  # "AI" beside it: the field
        found = described(engine, m, body)
        # ... unless a long story of the work is surely another role's ("our factory's vision system
        # ... the person who gets these models running in production": the factory's AI engineer)
        told = surest_work(engine, read[1], _STORY_SURE, _STORY_LEAD) if len(read[0]) >= _STORY else None
        m = found if told is None or found.roles == m.roles or told in found.roles else m
    chat = _chat(engine, m)
    if chat is not None:
        return chat
    # "i know python and k8s, which role fits me?" (handlers/fit.py)
    fitted = fit_plan(engine, m, text, question if context else "")
    if fitted is not None:
        return _fit_beside(engine, fitted, question if context else text)
    m = _work_told(engine, m, read, body, field is not None)
    named = m.topic is not None and m.topic_scores.get(m.topic, 0) >= GENERIC_WEIGHT
    slash = named and len(m.roles) == 1 and not m.subject and len(m.words) <= _SLASH_WORDS
    bare = len(m.words) <= _BARE_WORDS and not (m.subject or m.topic_words)  # "/role mlops senior"
    # a role with a topic named outright that no kind of advice answers ("mlops salary in sf",
    # "what challenges do platform engineers face"): the model would change nothing
    settled = bool(m.roles) and m.topic_top.get(m.topic or "", 0) >= NAMED and m.topic not in _ADVISED
    g = guess_none() if slash or bare or settled else guess(engine, m)  # "/role mlops salary" needs no model
    if g.label == "entry" and holder is not None and holder in m.roles:
        # "Joined as the 2nd ML platform engineer ... Where do I even start?": in the role already, so
        # not the way in but how to go about the work
        rest = tuple(lp for lp in g.ranked if lp[0] not in ("entry", "best-practices"))
        g = Guess((("best-practices", g.confidence + g.prob("best-practices")), *rest))
    terms = subject_terms(engine, m) if m.subject else ()
    schools = provider_words(engine, read[0]) if terms else frozenset()  # "online MSCS (Georgia Tech OMSCS)"
    terms = tuple(t for t in terms if t.word not in schools)
    m = _reroute(engine, m, terms)
    choice = choose(engine, m, g)
    chat = _chat_model(engine, m, choice, g)
    if chat is not None:
        return chat
    asked = other_title(engine, m) or (pointed if not m.roles else None)
    title = asked or (beside if m.roles else None)
    # "will AI take over a PLC programmer's job?": AI the technology, the title the subject; not "do I need
    # to become a data scientist to work in AI?", asked of the field
    tech = all(p == "ai" for p, _ in m.ambiguous) and not ai_field(engine, m)
    holders = naming(engine, title[0]) if title and not m.roles and tech else ()
    if title and not m.roles and tech and not holders:  # "devops engineer salary?"
        return title_plan(m, choice.match.topic, title)
    if holders:  # "job outlook for computer vision engineers?": the role whose document names them
        choice.match = choice.match.model_copy(update={"roles": holders, "ambiguous": ()})
        m = m.model_copy(update={"roles": holders, "ambiguous": ()})
    if title and choice.match.topic == "salary":  # "mlops engineer vs data engineer pay": the title's
        # words are no subject ("data"); its pay is named as not covered
        named = set(title[0].split())
        terms = tuple(t for t in terms if t.word not in named)
    p = figure_plan(engine, choice.match, decide(engine, choice.match, terms, choice))  # bars, gaps
    said = {t.word for t in p.terms} & set(title[0].split()) if title and p.mode == "cross" else set()
    if said and all(t.word in said or is_common(t.word) for t in p.terms):
        # "the career path for a labeling specialist?": the title is asked about, not "specialist" across
        return title_plan(m, p.topic, title)
    missing = (
        tuple(o.name for o in outside(engine, m, p.roles or None, p.topic))
        if p.intent in ("answer", "compare")
        else ()
    )
    if missing and only_occasion(engine, m, list(missing)):  # "linkedin tips: what skills to list?"
        missing = ()
    if context and p.intent in ("answer", "compare"):  # "... wondering how generous they are with
        # parental leave. Also, what's the job outlook?": the outlook answered, the leave named
        home = in_home_market(m.words, engine.matcher.word_lists["home_market"])  # "... in the US?"
        pay = p.topic == "salary" and not (p.focus or home)  # a place asked in passing beside the pay
        missing = (*missing, *asked_beside(engine, context, missing, p.roles, pay))
    if title and p.intent in ("answer", "compare") and p.roles:
        # holders: roles found from the title; the person's own title is covered where a document names it
        p = with_title(engine, p, title[0], inferred=bool(holders), own=not asked)
    if p.intent in ("answer", "compare") and p.focus is not None and p.focus.levels:
        missing = (*missing, *stand_ins(engine, m))  # "staff": read as senior, a word of no document
    if foreign and p.intent in ("answer", "compare") and p.topic == "salary":
        missing = (*missing, *foreign)  # "the MLOps Engineer document says nothing about “€72k”"
    p = _finish(p, choice, missing)
    if p.intent == "answer" and p.also is None and len(p.roles) == 1 and not _SLASH.match(text):
        # "how do I get to mid-level, and what's the pay bump?": the other ask answered too, and a button
        other = other_ask(engine, question, p.topic)
        p = p.model_copy(update={"also": other[0]}) if other else p
    else:
        other = None
    p = _elsewhere(engine, _briefed(engine, p, bool(context)), terms)
    before = p
    if other:
        p = both_asks(engine, p, other, lambda asked: plan(asked, engine))
        p = each_ask(engine, p, question, lambda asked: plan(asked, engine))
    if p is before and p.intent == "answer" and len(p.roles) == 1 and not _SLASH.match(text):
        # "Is 3 years realistic, and what certifications should I look for?": both points of the section
        p = both_points(engine, p, question, lambda asked: plan(asked, engine))
    return p
