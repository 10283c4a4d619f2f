"""Which role an ambiguous name ("AI engineer") means, when the message says enough to decide."""

from __future__ import annotations

import re

from handlers.coverage import MAX_SUBJECT
from handlers.engine import Engine
from handlers.scope import other_title
from knowledge.match import Match, normalize, pairs
from knowledge.patterns import Lazy

__all__ = [
    "surest_work",
    "titled",
    "track",
    "concept_ai",
    "only_concept_ai",
    "DESCRIBED",
    "ai_field",
    "called",
    "beside_own",
    "context_role",
    "described",
    "known_as",
    "setting_role",
    "undescribed",
    "work_role",
    "work_words",
]

_CONTEXT_WORDS = 12  # a message this long may say enough about the person to pick a role
_CONTEXT_LEAD = 1.5  # the best candidate's evidence over the runner-up's
_CONTEXT_MIN = 3.0  # about two rare words that only it uses
_WORK = 3.0  # a phrase of a role's everyday work (aliases.yaml `work`) counts as a rare word only it uses
_CONTEXT_UNNAMED = 6.0  # with no name to narrow the candidates (all five): about two rare words only it uses


_WORK_SHORT = 8  # a message this long may tell the work for the work model to read ...
_WORK_WORDS = 15  # ... and from this long, well enough to be read at _WORK_SURE
_WORK_SURE_SHORT = 0.6  # shorter, the model must be this sure ("We just bought a feature store.": no work)
_WORK_SURE = 0.4  # the work model's best role, this sure ...
_WORK_LEAD = 2.0  # ... and this far ahead of the next role and of "none", names the role of the work told
_WORK_WORD = 0.5  # a word the work model weighs this much for the role is the work told, not the question
_NONE = "none"  # the work model's label for work of none of the roles (or of all alike)

# "the people who build the platform", "those of us who put vision models on a line": a description
DESCRIBED = Lazy(
    r"\b(?:(?:(?:people|folks|ones|guys|team|teams|those|engineers|person|persons|someone|somebody)\s+"
    r"|those\s+of\s+(?:us|you)\s+)(?:who|that|which|\w+ing)|(?:one|kind|type|sort)\s+(?:who|that|which|"
    r"(?!\w*thing\b)\w+ing)"  # "the one building chatbots", not "one thing"
    # "the job where you deploy ...", "people whose whole job is training models"
    r"|(?:job|role|position|gig|kind\s+of\s+work)\s+(?:where|in\s+which)\s+(?:you|they|people|someone|one)"
    r"|whose\s+(?:whole\s+|entire\s+|main\s+)?(?:job|work|day)\s+is)\b"
    r"[^,?.!;]*?(?=\s+(?:in|at|for|and|with|near)\b|\s+[-–—]\s|[,?.!;]|$)",  # "... platform - how much?"
    re.IGNORECASE,
)

_CONCEPT_LINES = 2  # "edge AI" said this often is a thing the documents name ("between AI" once is not)
_FIELD_SPAN = 5  # "is AI currently the best field to take": the field named a few words on


def ai_field(engine: Engine, m: Match) -> bool:
    """Whether "AI" is named as the field ("work in AI", "AI jobs", "is AI the best field"), not as
    one of its roles."""
    words = m.words
    if "ai" not in words:  # every way of naming the field says "ai"
        return False
    if engine.matcher.word_lists["ai_field"] & set(pairs(words)):
        return True
    fields = engine.matcher.word_lists["fields"]
    return any(w == "ai" and fields & set(words[i + 1 : i + _FIELD_SPAN]) for i, w in enumerate(words))


def concept_ai(engine: Engine, m: Match) -> bool:
    """Whether "AI" is said as part of a thing the documents name ("edge AI", "explainable AI"),
    not as a role: the word before it and "AI" are said together in lines, and no job noun follows."""
    words, index = m.words, engine.evidence.index
    holders = engine.matcher.word_lists["holder"] | frozenset(engine.matcher.aliases.roles_words)
    named = engine.role_words(tuple(engine.role_ids))
    return any(
        w == "ai"
        and i > 0
        and words[i - 1].isalpha()
        and (i + 1 == len(words) or words[i + 1] not in holders)
        and len(index.matching(f"{words[i - 1]} ai")) >= _CONCEPT_LINES
        and words[i - 1] not in engine.matcher.stopwords
        and words[i - 1] not in named  # "production ai eng": a role
        for i, w in enumerate(words)
    )


def only_concept_ai(engine: Engine, m: Match) -> bool:
    """Whether the message's only ambiguous name is "AI" said as part of a thing ("generative AI")."""
    return bool(m.ambiguous) and all(p == "ai" for p, _ in m.ambiguous) and concept_ai(engine, m)


def titled(engine: Engine, m: Match, candidates: tuple[str, ...]) -> str | None:
    """ "a factory AI engineer", "the factory ai people": the one candidate whose work is said of the
    name itself, however long the message."""
    said = f" {' '.join((*m.context, *m.words)).lower()} "
    found = [r for r in candidates if _work_said(engine, r, " ai ").search(said)]
    return found[0] if len(found) == 1 else None


def _work_said(engine: Engine, role: str, after: str = " ") -> re.Pattern[str]:
    """Any of the role's work phrases (aliases.yaml `work`) as whole words, then `after`; made once."""

    def make() -> re.Pattern[str]:
        phrases = "|".join(map(re.escape, engine.matcher.aliases.work.get(role, ())))
        return re.compile(f" (?:{phrases}){re.escape(after)}" if phrases else "(?!)")

    return engine.keep(("work said", role, after), make)


def context_role(engine: Engine, m: Match, candidates: tuple[str, ...], unnamed: bool = False) -> str | None:
    """Which of an ambiguous name's roles the rest of a long message points to, if clearly one.

    "I wire LLMs into our legacy claims system ... what challenges should I expect as an AI
    engineer?": each word about the person's work counts for the candidates whose documents use
    it, weighted by how rare it is and shared among them, so a word only one of them uses
    decides most. One candidate must lead clearly.
    """
    said = f" {' '.join((*m.context, *m.words)).lower()} "
    doing = [r for r in candidates if _work_said(engine, r).search(said)]
    named = titled(engine, m, candidates)
    if named is not None:
        return named
    if len(m.words) + len(m.context) < _CONTEXT_WORDS:
        # "what does an ai engineer do at a factory?": short, but the work of one of them only (with no
        # name said at all, not "We just bought a feature store. ...": it may be bought for anyone)
        return doing[0] if len(doing) == 1 and not unnamed else None
    ev = engine.evidence
    words = [w for w in dict.fromkeys((*m.context, *m.subject)) if len(w) > 2][: MAX_SUBJECT * 3]
    score = dict.fromkeys(candidates, 0.0)
    even = 1 / len(candidates)
    # `unnamed`: no role named at all, a higher bar; "how do you get interviews ...?" holds no word of any
    # role's work
    beyond = engine.matcher.beyond if unnamed else frozenset()
    askers = engine.matcher.word_lists["askers"]  # "recruiter here - ...": who asks, not what they build
    for t in ev.terms(w for w in words if w not in beyond and w not in askers):
        held = ev.spread(t, candidates)
        total = sum(held.values())
        for r, n in held.items() if total else ():
            # the share of its lines above an even share: "manufacturing", in 12 of Production AI's
            # lines and 3 of the others', counts mostly for Production AI
            score[r] += t.weight * max(0.0, n / total - even) / (1 - even)
    work = engine.matcher.aliases.work
    for role in candidates:  # "I run the feature store and the training clusters": work only it does
        score[role] += _WORK * sum(f" {p} " in said for p in work.get(role, ()))
    ranked = sorted(candidates, key=lambda r: -score[r])
    best, second = score[ranked[0]], score[ranked[1]]
    least = _CONTEXT_UNNAMED if unnamed else _CONTEXT_MIN
    return ranked[0] if best >= least and best >= _CONTEXT_LEAD * second else None


def called(engine: Engine, m: Match, phrase: str, candidates: tuple[str, ...], compared: bool) -> str | None:
    """Set beside a role it could also mean ("AI engineer vs ML engineer"), an ambiguous name is
    the remaining role whose document says it is called so ("often referred to as an AI Engineer")."""
    rest = [r for r in candidates if r not in m.roles]
    if not m.roles or not compared or len(rest) == len(candidates):
        return None
    named = [r for r in rest if _called_so(engine, r, phrase)]
    return named[0] if len(named) == 1 else None


def track(engine: Engine, m: Match, phrase: str) -> tuple[str, str, str] | None:
    """ "what is a Risk Management AI Engineer?": a title one document names as a label ("Risk
    Management AI Engineer: Identify and plan for tech risks ..."), the ambiguous name with the words
    said before it, is that document's role (even one the name alone could not mean); with the
    section that names it, and the title as said."""
    said, n = list(m.words), phrase.split()
    titles = _labelled_titles(engine)
    for i in range(1, len(said) - len(n) + 1):
        if said[i : i + len(n)] != n:
            continue
        for k in (3, 2, 1):  # the longest title first
            title = " ".join(said[i - k : i + len(n)]) if i >= k else ""
            held = titles.get(title, ())
            if len(held) == 1:  # one document's label: its role and section
                return (*held[0], title)
    return None


def _labelled_titles(engine: Engine) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each bullet label that is a title ("Transformational AI Engineer"), lower-cased, and the roles
    whose documents give it, each with the first section that does; made once per engine."""

    def make() -> dict[str, tuple[tuple[str, str], ...]]:
        found: dict[str, dict[str, str]] = {}
        for role in engine.kb.roles:
            for topic in engine.kb.topics:
                for ln in engine.evidence.index.section(role, topic):
                    label = " ".join(normalize(ln.label or ""))
                    if label.endswith(" engineer"):
                        found.setdefault(label, {}).setdefault(role, topic)
        return {k: tuple(v.items()) for k, v in found.items()}

    return engine.keep(("labelled titles",), make)


def beside_own(engine: Engine, m: Match) -> tuple[str, tuple[str, ...]] | None:
    """An ambiguous title set beside one of the roles it could mean ("is AI engineering the same as ML
    engineering?", "who earns more, an AI engineer or an ML engineer?"): it means another of them.
    Not the role's own name ("AI/ML engineering"), nor one its document says it is called."""
    if len(m.roles) != 1 or m.roles[0] in m.weak_roles or not (m.compare_weak or _alike(engine, m)):
        return None
    role = m.roles[0]
    if "ai ml" in pairs(m.words):  # "AI/ML engineering": the role's own name
        return None
    for phrase, candidates in m.ambiguous:
        if " " in phrase and role in candidates and not _called_so(engine, role, phrase):
            return phrase, candidates
    return None


def _alike(engine: Engine, m: Match) -> bool:
    return not engine.matcher.word_lists["likeness"].isdisjoint(m.words)


def _called_so(engine: Engine, role: str, phrase: str) -> bool:
    """Whether a role's Overview says it goes by this name ("often referred to as an AI Engineer")."""
    spelled = re.sub(r"\beng(?:ineering)?\b", "engineer", phrase)  # "ai eng vs ml engineer", "ai engineering"
    return bool((name := known_as(engine, role)) and re.match(rf"{re.escape(spelled)}\b", name, re.I))


_KNOWN_AS = Lazy(r"\b(?:referred to as|known as|called) an? ([\w/ ]+?)[,.]", re.I)


def known_as(engine: Engine, role: str) -> str:
    """The other name a role's Overview says it goes by ("An AI Systems Engineer, often referred to
    as an AI Engineer, ..."), or ""."""

    def make() -> str:
        for ln in engine.evidence.index.section(role, "overview"):
            found = _KNOWN_AS.search(ln.text)
            if found:
                return found.group(1)
        return ""

    return engine.keep(("known as", role), make)


_PEOPLE_WHO = r"(?:people|folks|ones|guys|person|someone|engineers?)\s+(?:who|that)"  # "the folks who"
_WHO = Lazy(  # "the folks who keep models running", "those of you running ML on production lines"
    rf"\b(?:{_PEOPLE_WHO}|those\s+of\s+(?:you|us)(?:\s+who)?)\s+(.{{3,60}})",
    re.I,
)


def described(engine: Engine, m: Match, body: str) -> Match:
    """The match with the role a "people who ..." phrase describes ("the people who keep models running"),
    when the words after "who" hold one of aliases.yaml's descriptions of two words or more."""
    found = _WHO.search(body)
    if found is None:
        return m
    # "my 'customers' are the people who build the models": the people the work is for, not the asker's role
    lists = engine.matcher.word_lists
    if set(normalize(body[: found.start()])[-4:]) & (lists["serving"] | lists["served"]):
        return m
    said = " ".join(normalize(found.group(1)))
    roles = {
        rid
        for phrase, rid in engine.matcher.aliases.followup_roles.items()
        if " " in phrase and re.search(rf"\b{re.escape(phrase)}\b", said)
    }
    if len(roles) != 1:
        return m
    return m.model_copy(update={"roles": tuple(roles), "weak_roles": (), "ambiguous": ()})


def work_role(
    engine: Engine,
    words: tuple[str, ...],
    masked: tuple[str, ...],
    body: str,
    candidates: tuple[str, ...],
    titled: bool = False,
) -> str | None:
    """The role whose everyday work the message (its `words` and `masked` tokens, as read) tells,
    from the work model (examples/work/), when it is sure: "I keep the GPU cluster and feature store
    running for 40 data scientists. what do people like me earn?" is AI/ML Platform Engineer's work.
    None when unsure or when the work is none of the roles' ("I build dashboards in Tableau").
    `titled`: the candidates are what a title said names ("I'm an AI engineer, I build RAG chatbots"):
    the work is one of theirs, and only they are weighed."""
    someone = engine.matcher.word_lists["tellers"] & set(words) or _WHO.search(body) or DESCRIBED.search(body)
    if (len(words) < _WORK_SHORT and not titled) or not someone:
        return None  # "what are the challenges of AI in predictive maintenance?": a subject, no one's work
    # ... while a pick among the roles offered may be short ("the one that does llm apps")
    g = engine.work.guess(masked)
    among = sorted(((g.prob(r), r) for r in candidates), reverse=True)
    (best, role), (second, _) = among[0], among[1] if len(among) > 1 else (0.0, "")
    # a line or two: surer; a pick among the roles offered needs only to lead them
    sure = _WORK_SURE if len(words) >= _WORK_WORDS or titled else _WORK_SURE_SHORT
    if best < sure or best < _WORK_LEAD * max(second, 0.0 if titled else g.prob(_NONE)):
        return None
    return role


_SIDE = Lazy(rf"\b(?:{_PEOPLE_WHO}|one\s+(?:who|that))\b", re.I)  # ... or "the one who"
_SIDE_SURE = 0.35  # one side of "the person who X or the person who Y": the work model this sure of its role,
_SIDE_LEAD = 1.5  # ... and this far ahead of the next (the other side says what the choice is between)
_CHOOSING = Lazy(r"\b(?:or|vs|versus|between|torn|which|compare|compared|difference|than)\b", re.I)


def two_described(engine: Engine, body: str) -> tuple[str, ...]:
    """The two roles a message describes by their work, side by side ("torn between being the person
    who trains the models and the person who keeps them running in prod"): each description read by
    the work model alone; () unless two different roles are sure."""
    found = list(_SIDE.finditer(body))
    if len(found) < 2 or not _CHOOSING.search(body):
        return ()
    roles: list[str] = []
    for i, d in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(body)
        side = re.split(r"[?.!;]", body[d.start() : end], maxsplit=1)[0]
        role = surest_work(engine, engine.matcher.match(side).masked, _SIDE_SURE, _SIDE_LEAD)
        if role is not None and role not in roles:
            roles.append(role)
    return tuple(roles) if len(roles) == 2 else ()


def surest_work(engine: Engine, masked: tuple[str, ...], sure: float, lead: float) -> str | None:
    """The role whose work the words tell, from the work model alone: its best role when that is
    this sure and `lead` times as likely as the next (or as "none"); None else."""
    g = engine.work.guess(masked)
    ranked = sorted(((g.prob(r), r) for r in (*engine.role_ids, _NONE)), reverse=True)
    (best, role), (second, _) = ranked[0], ranked[1]
    return role if role != _NONE and best >= sure and best >= lead * second else None


def work_words(engine: Engine, role: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that tell `role`'s work ("deployment", "monitoring", "retraining" of MLOps): how the
    role was known, no subject to look up ("for the engineer who handles deployment, monitoring and
    retraining, which soft skills ...?" asks the soft skills)."""
    return tuple(w for w in words if max(engine.work.weight(f, role) for f in _forms(w)) >= _WORK_WORD)


def _forms(word: str) -> set[str]:
    """A word with its nearest inflections ("monitored": "monitoring", "monitor"), as the examples
    may have said it."""
    for end in ("ing", "ed", "s"):
        if word.endswith(end) and len(word) > len(end) + 3:
            base = word[: -len(end)]
            return {word, base, base + "e", base + "ing", base + "ed", base + "s"}
    return {word, word + "ing", word + "ed", word + "s"}


def undescribed(text: str) -> str:
    """The text less the descriptions of a role's work in it ("the one who builds the platform -
    what do they earn?" -> "the - what do they earn?"): what is left to ask."""
    return " ".join(DESCRIBED.sub(" ", text).split())


def setting_role(engine: Engine, m: Match, candidates: tuple[str, ...]) -> str | None:
    """The one role whose work a role-less question names ("challenges of implementing AI in
    manufacturing?": the production AI engineer's), from aliases.yaml `work`; None when it names
    none, or the work of several."""
    if m.roles:
        return None
    said = f" {' '.join(m.words)} "
    work = engine.matcher.aliases.work
    found = {(r, p) for r in candidates for p in work.get(r, ()) if f" {p} " in said}
    if not found:
        return None
    asked = other_title(engine, m)  # not a title's word ("a PLC programmer's job": the programmer is asked)
    title = f" {asked[0].lower()} " if asked else ""
    roles = {r for r, p in found if f" {p} " not in title}
    return roles.pop() if len(roles) == 1 else None
