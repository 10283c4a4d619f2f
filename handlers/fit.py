"""Role fit: a person says what they know and asks which role fits, or what they lack for one.

The roles are ranked by how many of the person's skills each role's Requirements, Overview,
Career Development or Responsibilities names (knowledge/skills.py's records); stated years of
experience, then the work the message tells (the work model), break ties. The reply names the
best role with its count, then the document's lines the person still lacks, then those they
already meet, each with the section it comes from.
"""

from __future__ import annotations

import re

from handlers.ambiguity import surest_work, work_role
from handlers.blocks import actions, context, full_button
from handlers.engine import Engine
from handlers.lead import bullet
from handlers.lines import GENERIC_WEIGHT
from handlers.plan import Plan
from handlers.question import SELF, asks_why
from handlers.render import MAX_SECTION_TEXT, escape, header, joined, section_blocks
from handlers.reply import Reply
from handlers.scope import cased, closest_role, own_closest, own_title
from handlers.topic import NAMED
from knowledge.match import Match
from knowledge.patterns import Lazy
from knowledge.skills import SECTIONS, Book, Said, Skill, load_skills, read

__all__ = ["again", "asks_fit", "fit_plan", "fit_reply"]


_WHICH = Lazy(
    # not "what part of my job covers this": the person's own job, no choice of roles
    # ... nor "what job title would i start with in mlops?": the title of a rung of that role
    r"\b(?:which|what)\b(?:(?!\b(?:my|our)\b)[^?.!]){0,40}?\b(?:roles?|jobs?(?! titles?\b)|positions?|ones?|"
    r"paths?|tracks?|careers?|of (?:these|them|the (?:five|5)))\b"
    # ... nor "what does the career ladder look like for me", "which of the roles is that and what
    # trends should i watch": a description asked, a second question
    r"(?:(?!\blooks? like\b|\band (?:what|how|which|where|when|why)\b)[^?.!]){0,40}?"
    r"\b(?:fits?|fitting|suits?|suited|closest|nearest|match(?:es)?|right|"
    # "which one is best for me", not "which one has the best job security?" (a property compared)
    r"best(?=\s*(?:[?.!,;]|$|fit|match|suit|option|choice|bet\b|for\b|to\b|given\b|if\b|since\b|with\b))|"
    r"should i|would i|am i|for me|"
    r"target|easiest|natural|aim|(?:\w+est|most \w+) (?:move|transition|switch|pivot))\b"  # "smoothest move"
    r"|\bwhere (?:would|do|should|could|might) i (?:fit|go(?! from (?:here|there)| next)|land|start|belong)\b"
    r"|\b(?:closest|nearest|best[- ]fitting|likeliest) (?:role|job|match|position|fit|option)\b"
    r"|\bbest (?:role )?(?:match|fit)\b|\b(?:fits?|suits?) me\b|\bright (?:role )?for me\b|\bgood fit\b"
    r"|\b(?:which|what)\b[^?.!]{0,40}?\b(?:closest|nearest|best fit|best match|most similar|most aligned|"
    r"better fit|better suited|better match|most qualified|qualified for|transition (?:to|into)|"
    r"switch (?:to|into)|move (?:to|into)|pivot (?:to|into)|next step)\b"
    # not "the next step up", "won't say what the next step looks like" (the way up, of the person's role)
    r"(?! up\b| looks? like\b| would look\b| (?:the )?(?:next|higher|senior|mid) ?(?:level|rung|grade)?)"
    r"|\b(?:am i|i'?m|would i be) (?:a )?(?:better|good|best|great) (?:fit|match|suited)\b"
    # "which of these roles would use my skills the most?": the roles measured against the person's own
    r"|\b(?:which|what)\b[^?.!]{0,40}?\b(?:roles?|jobs?|ones?)\b[^?.!]{0,40}?\bmy (?:skills?|skillset|"
    r"skill set|background|experience|strengths)\b"
    # "which role would hire me?": the roles measured against the person
    r"|\b(?:which|what)\b[^?.!]{0,40}?\b(?:roles?|jobs?|ones?)\b[^?.!]{0,20}?\b(?:hire|take|want) me\b"
    # "ci/cd, docker, k8s ... which ai role?": skills, then the bare question
    r"|\b(?:which|what) (?:(?:ai|ml|of the|of these) )?(?:roles?|jobs?|one)\s*\?*\s*$"
    # "mlops or platform, which is closer to what i do?": the roles measured against the person's work
    r"|\b(?:closer|nearer|more similar)\s+(?:to\s+)?(?:what i(?:'m| am)? (?:do|doing)|"
    r"my (?:current )?(?:job|work|background|experience|skills?|skillset))\b",
    re.I,
)
_CARRY = r"what (?:carries|transfers) over"  # "what carries over from SRE?": what the person has
_MISSING = Lazy(
    # not "what else does an MLOps engineer do?", "what else is their job?": what else the role does
    r"\b(?:missing|lack(?:ing)?|gaps?(?! between (?!my\b|me\b|what\b|where\b))|short of|still need|"
    r"what else(?!\s+(?:does|do|can|did|will)\s+(?!i\b)\w)"
    r"(?!\s+(?:is|are)\s+(?:their|his|her|its|the|that|this|they)\b)"
    # ... nor "what else should I brace for?" (what to expect), "what else should I highlight?" (the CV)
    r"(?!\s+(?:\w+\s+){0,2}(?:brace|expect|prepare|worry|watch|face|run into|deal|go wrong|goes wrong|"
    r"happens?|comes? up|highlight|put|include|list|mention|show|showcase)\b)|"
    r"(?:i|you|we)\s+(?:still\s+|actually\s+|really\s+)?need to (?:learn|know|add)|"  # not "they need to"
    r"should i learn|what (?:else )?do i (?:still )?need|i need to learn|left to learn|"
    r"what (?:else )?to (?:learn|study)\b|"
    # ... not "will I need a master's?", which asks whether the role requires one
    r"(?:would|will) i (?:still )?(?:need(?! to (?:show|prove|demonstrate))"
    r"(?!\s+(?:an?\s+|the\s+)?(?:master|masters|master's|ms|msc|phd|ph\.?d|doctorate|degree|bachelor|cert)"
    r")|have to learn)|"
    r"(?:should|do) i (?:study|learn) first|"
    r"(?:have|need) to pick up|should i pick up|"
    r"how (?:well|close) do i (?:match|fit)|"
    r"do i qualify|am i (?:ready|qualified) for|what am i doing wrong|keep getting rejected|"
    # "what carries over from SRE and what's new for me?": what the person has and lacks for the role
    rf"{_CARRY}|what(?:'s| is) (?:new|transferable) (?:for|to) me|"
    r"(?:a |the )?(?:good |natural |logical |sensible |realistic )?(?:next step|fit|match) for me|"
    r"how (?:hard|easy|difficult|feasible|realistic) (?:would it be|is it|will it be) (?:for me )?to "
    r"(?:switch|move|transition|pivot|get|break))\b",
    re.I,
)
# Every _WHICH and _MISSING match holds one of these (a cheap test before the regexes).
_CUES = ("miss", "lack", "gap", "short of", "else", "pick up", "need", "learn", "fit", "suit", "close",
         "near", "best", "match", "right", "target", "easiest", "natural", "aim", "where", "likeliest",
         "similar", "align", "better", "qualif", "ready", "transition", "switch", "move", "pivot",
         "next step", "role", "job", "one", "wrong", "reject", "over", "for me", "to me")  # fmt: skip
_CUE = Lazy("|".join(map(re.escape, _CUES)), re.I)
_CUE_ASCII = Lazy("|".join(map(re.escape, _CUES)))  # on lowercased ASCII text: the same, 7x faster
# A leading "/role" holds the cue "role", but no _WHICH or _MISSING match can start in it: the
# cue test reads what follows it.
_COMMAND = Lazy(r"\s*/role\b", re.I)
_END = Lazy(r"[?.!\n]")
_ASKS = Lazy(
    r"(?:/role\s+)?(?:which|what|does|do|is|are|how|should|must|can|would|will)\b", re.I
)  # a question, not a claim
_CLAIM = Lazy(
    r"\b(?:i|we)\s+(?:already\s+|also\s+|mostly\s+)?(?:do|know|have|use|used|work|ship|run|built|build|did|maintain|can|"
    r"code|write|wrote)\b|\bi'm\b|\bim\b|\bi've\b|\bive\b|\bmy\b",
    re.I,
)
_AIM = Lazy(
    r"\b(?:want to|wanna|trying to|try to|hope to|plan to|planning to|aim to|aiming to|going to|set on)\s+"
    r"(?:become|becoming|be|get into|getting into|move into|switch into|transition into|break into)\b",
    re.I,
)
_AIM_SPAN = 60  # characters after "want to become" where the role is named
_START = Lazy(r"\bwhere (?:do|should|would|can) (?:i|we) (?:even )?start\b", re.I)
_FIRST = Lazy(r"\b(?:first|start with|priorit)", re.I)
# "for mlops", "become an ml engineer", "ml engineer or mlops": a role aimed at or chosen, no skill
_TARGET = Lazy(
    r"\b(?:for|become|becoming|be|as|into|to|if|whether|is|or|vs|versus)\s+(?:an?\s+|the\s+)?$", re.I
)
_TOLD_SURE, _TOLD_LEAD = 0.9, 10.0  # the work model this sure of the work a "which role?" tells
_FIT_TOPICS = {"requirements", "career", "overview"}  # topics a fit answer is made of
_OTHER_TOPICS = {"salary"}  # "which role pays best for a python dev like me": pay, not fit
_AGAIN = "\nwhat should i learn"
_WHY = ", why does it fit me"  # after _AGAIN: "why?" of a fit answer, what the person has first
_WHY_WORDS = 6  # "why?", "how come that one?": a why this short asks why of the answer
_CARRIED = Lazy(rf"\b{_CARRY}\b|\btransferable\b", re.I)  # what the person has, first
_TECH = {"language", "framework", "platform", "tool", "data", "ml", "maths", "practice"}
_SECTION_TITLE = {
    "requirements": "Requirements",
    "overview": "Overview",
    "career": "Career Development",
    "responsibilities": "Responsibilities",
}
_NAMED_IN = "Requirements, Responsibilities, Overview and Career Development"  # where skills are counted
_NUMBERS = {2: "two", 3: "three", 4: "four"}
_LACK_SHOWN = 7
_HAVE_SHOWN = 5
_TIE_SHOWN = 4


_YEARS = "years of experience"  # the skills book's record of years said ("2 years under my belt"), and
# the record the years a role asks meet
_LINE_YEARS = Lazy(r"(\d+)\s*(?:\+|-\s*\d+)?\s*years", re.I)
_ASKED_SKILLS = Lazy(  # "what devops stuff do i need to learn": the skills asked about
    r"(?:/role\s+)?(?:what|which)\s+[^?.!]{1,40}?\s+(?:do|should|would|will)\s+i\s+(?:still\s+)?"
    r"(?:need\s+to|have\s+to|must)?\s*(?:learn|know|pick\s+up)\b",
    re.I,
)
_LANGUAGES = Lazy(r"\blanguages?\b|\blangs?\b", re.I)  # a kind of skill asked by name
_CHOICES = Lazy(r"\w\s+or\s+\w", re.I)  # "aws azure or gcp": options to choose from, none had
_HIRE = Lazy(r"\bhire\b(?!\s+(?:me|us|someone like me|people like me)\b)", re.I)  # the asker hiring
_ROLE_ASKED = Lazy(r"\b(?:roles?|jobs?|positions?|titles?)\b", re.I)  # "which role ...", not "which track"
_TRACK = Lazy(r"\b(?:tracks?|paths?|speciali[sz]\w*|directions?)\b", re.I)


def asks_fit(text: str) -> str:
    """ "which" (which role fits me), "missing" (what do I lack), or "" (neither): words only."""
    command = _COMMAND.match(text)
    start = command.end() if command else 0
    cue = _CUE_ASCII.search(text.lower(), start) if text.isascii() else _CUE.search(text, start)
    if not cue:  # most questions: no need for the patterns
        return ""
    if _MISSING.search(text):  # "whats missing for ml platform engineer?" (a role named is checked later)
        return "missing"
    return "which" if _WHICH.search(text) else ""


def _target(engine: Engine, text: str) -> str | None:
    """The one role a "what am I missing for ROLE" question names after its last asking words."""
    cues = list(_MISSING.finditer(text))
    tail = text[cues[-1].end() :] if cues else text
    asked = engine.matcher.match(tail)
    roles = tuple(r for r in asked.roles if r not in asked.weak_roles)
    if not roles:  # "MLOps: what am I missing?": a role named outright elsewhere ("no ML" names none);
        m = engine.matcher.match(text)  # "... move into ML platform engineering. missing on the ML side?"
        roles = tuple(r for r in m.roles if r not in m.weak_roles) or asked.roles
    return roles[0] if len(roles) == 1 else None


_WHAT_ELSE = Lazy(r"[^.?!]*,[^.?!,]*\bwhat else\b[^.?!]*", re.I)  # after a list: "x, y, what else?"


def _listing_more(text: str) -> bool:
    """Whether "what else" asks for more of the things just listed ("Predictive maintenance, vision,
    what else?"), in a sentence saying nothing of the person, and no other cue asks what they lack."""
    cues = [c.group(0) for c in _MISSING.finditer(text)]
    if not cues or any(c.lower() != "what else" for c in cues):
        return False
    said = [s.group(0) for s in _WHAT_ELSE.finditer(text)]
    return bool(said) and all(not SELF.search(s) for s in said)


_MOVE = Lazy(r"\b(?:transition|switch|move|pivot) (?:to|into)\b", re.I)


def _moving_into_one(engine: Engine, text: str) -> bool:
    """Whether a move the question asks about goes into one role it names ("what should I work on to
    move into a senior MLOps role?"), not into a role to be chosen."""
    cue = _WHICH.search(text)
    if cue is None or not _MOVE.search(cue.group(0)):
        return False
    end = _END.search(text, cue.end())
    asked = engine.matcher.match(text[cue.end() : end.start() if end else len(text)])
    return len([r for r in asked.roles if r not in asked.weak_roles]) == 1


def _aim(engine: Engine, text: str) -> str | None:
    """The one role the person says they are set on ("I want to become an ML engineer. Where do I
    start?"): what they lack for it, not which role fits them."""
    aim = _AIM.search(text)
    roles = engine.matcher.match(text[aim.end() : aim.end() + _AIM_SPAN]).roles if aim else ()
    return roles[0] if len(roles) == 1 else None


def _without_roles(engine: Engine, text: str) -> str:
    """The text less role names where they are a target ("for mlops", "become an ml engineer"), a
    subject ("the mlops one", "the platform folks") or the role a follow-up is completed with."""
    phrases = sorted({p for ps in engine.matcher.aliases.roles.values() for p in ps}, key=len, reverse=True)
    for phrase in phrases:
        words = r"[\s/-]*".join(re.escape(w) for w in phrase.split())
        for m in reversed(list(re.finditer(rf"(?<!\w){words}(?!\w)", text, re.I))):
            if (
                not text[: m.start()].strip()
                or _TARGET.search(text[: m.start()])
                or re.match(
                    r"\s*(?:eng\w*|roles?|positions?|jobs?|ones?|side|folks|people|guys|teams?|or|vs|versus)\b",
                    text[m.end() :],
                )
            ):
                text = text[: m.start()] + " " + text[m.end() :]
    return text


def _claims(text: str) -> str:
    """The text less what the asking part names ("what should i learn, python or the math?"),
    up to where the person claims something again ("... if i already do terraform"), and less
    the choices named before it ("aws azure or gcp - which cloud should i learn?")."""
    out, at = [], 0
    for cue in _MISSING.finditer(text):
        if cue.start() < at:
            continue
        opened = max((e.end() for e in _END.finditer(text, at, cue.start())), default=at)
        before = text[opened : cue.start()]
        if _CHOICES.search(before) and not _CLAIM.search(before):
            out.append(text[at:opened])
            at = cue.start()
        end = _END.search(text, cue.end())
        stop = end.start() if end else len(text)
        claim = _CLAIM.search(text, cue.end(), stop)
        out.append(text[at : cue.end()])
        at = claim.start() if claim else stop
    return "".join(out) + text[at:]


def _said(engine: Engine, text: str) -> Said:
    return read(_without_roles(engine, _claims(_unasked(text))), load_skills())


_SENTENCE = Lazy(r"[^?.!\n]*[?.!\n]*")


def _unasked(text: str) -> str:
    """The text less its other questions ("how do mlops ppl handle security? ... what do i need to
    know"): what a question asks about is no skill the person has."""
    parts = [p for p in _SENTENCE.findall(text) if p]
    kept = [
        p
        for p in parts
        if not (
            p.rstrip().endswith("?")
            and _ASKS.match(p.strip())
            and not (_MISSING.search(p) or _WHICH.search(p))
        )
    ]
    return "".join(kept) if len(kept) < len(parts) and kept else text


def fit_plan(engine: Engine, m: Match, text: str, question: str = ""):
    """The plan of a role-fit question, or None when `text` is not one. `question`: the message's
    question, when it has context before it: a fit cue only there counts against a topic it names
    ("[D] What am I missing? ... What does a typical day look like?" asks the day, not the gaps)."""
    kind = asks_fit(text)
    if not kind or (m.topic in _OTHER_TOPICS and m.topic_scores.get(m.topic, 0) >= 2):
        return None
    if kind == "which" and _HIRE.search(text):  # "which role should i hire to build our feature store?":
        return None  # the role for the work told, not one that fits the asker
    if kind == "missing" and _listing_more(text):
        return None  # "... trends in manufacturing? Predictive maintenance, vision, what else?": more of them
    if kind == "which" and _moving_into_one(engine, text):
        return None  # "what should I work on to move into a senior MLOps role?": the way there, no choice
    if kind == "missing" and len(m.roles) > 1 and m.compare_strong:
        # "ML platform vs MLOps, how different are the tool stacks? I already know Docker": compared
        return None
    named = m.topic_top.get(m.topic or "", 0) >= GENERIC_WEIGHT and m.topic not in _FIT_TOPICS
    if (named or m.subject) and question and not asks_fit(question):
        return None  # "Which monitoring tools do postings name? ... wondering if I'm missing something"
    if named and m.topic_scores.get(m.topic or "", 0) >= 2 * GENERIC_WEIGHT:
        # "[D] Routine: What am I missing? ... what do you do? what does a typical day look like?"
        return None

    if kind == "missing" and not SELF.search(text) and _ASKS.match(text.strip()):
        return None  # "which neural net architectures does a production ai engineer need to know?": asked
    asking = _ASKED_SKILLS.match(text.strip())
    if kind == "missing" and asking and not _CLAIM.search(text[asking.end() :]):
        return None  # "what devops stuff do i need to learn ...?": devops is asked about, no skill of theirs
    asked = _ASKED_SKILLS.match(question.strip()) if question else None
    if kind == "missing" and asked and _LANGUAGES.search(asked.group(0)):
        # "... I only know Python and SQL. Which programming languages should I pick up?": the languages
        # the role asks for answer, not every gap
        return None
    if (
        kind == "which"
        and _START.search(text)
        and engine.matcher.word_lists["trouble"] & {*m.words, *m.context}
    ):
        return None  # "nobody looks at our models till a customer complains ... where do I start?": the fix
    if kind == "which" and _START.search(question or text):
        asked = engine.matcher.match(question) if question else m  # `m` is the whole text's already
        if len(asked.roles) == 1 and asked.topic_top.get(asked.topic or "", 0) >= GENERIC_WEIGHT:
            return None  # "is cost management part of an ML platform engineer's responsibilities, and
            # where should I start?": where to start on what is asked, the role given
    if (
        kind == "which"
        and len(m.roles) == 1
        and _TRACK.search(question or text)
        and not _ROLE_ASKED.search(question or text)
    ):
        # "I've been doing MLOps for a year ... What specializations could I move into from here?": the
        # tracks within the role, not which role fits
        return None
    said = _said(engine, text)
    if said.had == (_YEARS,) and not said.denied:  # "a junior with 2 years ... what should I learn next?":
        return None  # years are no skill to rank or weigh gaps by; the advice answers
    target = _target(engine, text) if kind == "missing" else _aim(engine, text)
    if kind == "missing" and target is None and not _WHICH.search(text):
        return None
    if not (said.had or said.denied):
        whole = engine.matcher.match(text) if kind == "which" and target is None else None
        told = surest_work(engine, whole.masked, _TOLD_SURE, _TOLD_LEAD) if whole is not None else None
        if told:  # "which role should I look at? I like building infrastructure other teams use": the
            # work told names it, what it is answers (no skills to rank)
            return Plan("answer", (told,), "overview", m.focus, match=m.model_copy(update={"roles": (told,)}))
        if (
            kind == "which" and SELF.search(text) and target is None
        ):  # "which role fits me?": ask what they know
            if len(m.roles) == 1 and _TRACK.search(text):  # "which specialized track fits me as an ml
                return None  # platform engineer?": a track within the role named, no role to fit
            if m.roles and question and not engine.matcher.match(question).roles:  # "I'm a senior MLOps
                return None  # engineer ... what should I build toward?": within the role told as theirs
            return Plan(
                "help",
                own_closest(engine, engine.matcher.match(text)),
                None,
                m.focus,
                asked=text,
                mode="fit",
                match=m,
            )
        return None
    if kind == "which" and len(said.had) < 2 and not SELF.search(text):  # "which role fits kubernetes best?"
        return None
    kinds = {n.kind for n in load_skills().names if n.name in said.had}
    if kinds == {"domain"} and not said.denied:  # "my company is super strict (banking). what do i need to
        return None  # know?": an industry told, no skill to weigh gaps by
    if target is not None:
        return Plan("answer", (target,), "requirements", m.focus, asked=text, mode="fit", match=m)
    if kind == "which" and kinds == {"domain"}:  # "I love factories and manufacturing. which role fits?":
        return None  # an industry, not skills: the roles whose documents speak of it
    roles = _rank(engine, said, tuple(r for r in m.roles) if len(m.roles) >= 2 else engine.role_ids, text)
    # one thing said, or one role named as the aim, or only schooling ("final year CS undergrad"), which
    # every role asks alike
    one = len(said.had) == 1 or len(m.roles) == 1 or kinds == {"degree"}
    if kind == "which" and one and len(roles) > 2 and not said.unclear:
        book = load_skills()
        if len({len(_named(book, r, said.had)) for r in roles}) == 1:  # "which roles would let me mentor?",
            # "what path should i follow to be a prod ai eng?": every role names what was said alike, so no
            # ranking; the roles' lines on it, or the named role's path, answer
            whole = engine.matcher.match(text)
            if not m.roles and own_title(engine, whole):  # "i'm a data analyst, which role fits me?": a
                # title alone, which every role names alike: the role closest to it, and what they know asked
                return Plan(
                    "help", own_closest(engine, whole), None, m.focus, asked=text, mode="fit", match=m
                )
            return None
    return Plan("compare", roles, "requirements", m.focus, asked=text, mode="fit", match=m)


def _leans(engine: Engine, text: str, tied: tuple[str, ...]) -> str | None:
    """Which of the tied roles the work the message tells is clearly most like (the work model, as
    for a message that names no role), or None."""
    told = engine.matcher.match(text)
    return work_role(engine, told.words, told.masked, text, tied, titled=True)


def _records(book: Book, role: str) -> list[Skill]:
    return [r for r in book.records if r.role == role]


def _named(book: Book, role: str, had: tuple[str, ...]) -> list[str]:
    """The person's skills this role's documents name, in the order the person said them."""
    names = {r.name for r in _records(book, role)}
    return [h for h in had if h in names]


def _counts(book: Book, roles: tuple[str, ...], had: tuple[str, ...]) -> dict[str, int]:
    """How many of the person's skills each role's documents name."""
    return {role: len(_named(book, role, had)) for role in roles}


def _min_years(book: Book, role: str) -> int | None:
    """The fewest years of experience the role's documents ask for ("3+ years", "3-6 years")."""
    found = [n for r in _records(book, role) if r.name == _YEARS and (n := _line_years(r.line)) is not None]
    return min(found) if found else None


def _line_years(line: str) -> int | None:
    """The years a line asks for ("3-6 years" is 3), or None."""
    m = _LINE_YEARS.search(line)
    return int(m.group(1)) if m else None


def _rank(engine: Engine, said: Said, roles: tuple[str, ...], text: str = "") -> tuple[str, ...]:
    """The roles, most of the person's skills named first; stated years break ties, then the work
    `text` tells ("I set up CI/CD for models and watch for drift": MLOps's, the work model says)."""
    book = load_skills()
    counts = _counts(book, roles, said.had)
    top = max(counts.values(), default=0)
    tied = sum(c == top for c in counts.values()) > 1
    work = engine.work.guess(engine.matcher.match(text).masked) if tied and text else None

    def key(role: str):
        need = _min_years(book, role)
        meets = said.years is not None and (need is None or need <= said.years)
        told = round(work.prob(role), 2) if work is not None else 0.0
        evidence = sum(1 for r in _records(book, role) if r.name in said.had)
        return (-counts[role], not meets, -told, -evidence)

    return tuple(sorted(roles, key=key))


def _lines(book: Book, role: str, said: Said) -> tuple[list[tuple], list[tuple]]:
    """(lacking, having): each (line, section, names lacked or had), most useful first."""
    by_line: dict[tuple[str, str], list[Skill]] = {}
    for r in _records(book, role):
        by_line.setdefault((r.topic, r.line), []).append(r)
    stated, denied = set(said.had), set(said.denied)
    lacking, having = [], []
    for n, ((topic, line), recs) in enumerate(by_line.items()):
        need = _line_years(line) if said.years is not None else None
        short = need is not None and need > said.years
        names = list(dict.fromkeys(r.name for r in recs))
        # "2 years" against "3-6 years"; "18 months focused on MLOps" after "none in MLOps": years lacking
        had = stated - {_YEARS} if short or denied & set(names) else stated
        kinds = {r.kind for r in recs if r.name not in had}
        lacks = [x for x in names if x not in had]
        has = [x for x in names if x in had]
        order = (SECTIONS.index(topic), n)
        if lacks:
            if denied & set(lacks):
                rank = 0
            elif kinds & {
                "degree",
                "credential",
            }:  # "Degree in Computer Science, Statistics ...": a credential
                rank = 3
            elif kinds & _TECH:
                rank = 1 if not has else 2
            elif kinds & {"degree", "credential"}:
                rank = 3
            else:
                rank = 4
            lacking.append(((rank, *order), line, topic, lacks))
        if has:
            having.append(((SECTIONS.index(topic), n), line, topic, has))
    return _distinct(sorted(lacking)), _distinct(sorted(having))


def _distinct(found: list[tuple]) -> list[tuple]:
    """Lines that add a skill the lines before them did not name."""
    seen: set[str] = set()
    out = []
    for _key, line, topic, names in found:
        if set(names) - seen:
            out.append((line, topic, names))
            seen |= set(names)
    return out


def _bullet(line: str) -> str:
    label, sep, rest = line.partition(": ")
    return f"• *{escape(label)}:* {escape(rest)}" if sep and len(label) < 40 else f"• {escape(line)}"


def _by_section(found: list[tuple], suffix=None) -> list[str]:
    """Bullets under the name of the section they come from ("_Requirements_")."""
    out, last = [], None
    for line, topic, names in found:
        if topic != last:
            out.append(f"_{_SECTION_TITLE[topic]}_")
            last = topic
        out.append(_bullet(line) + (suffix(names) if suffix else ""))
    return out


def _skills(n: int) -> str:
    return "skill" if n == 1 else "skills"


def _told_lacking(said: Said) -> str:
    """How the skills put first were told: asked about ("kafka? terraform?") or said to be lacking."""
    return "asked about" if said.denied and set(said.denied) <= set(said.asked) else "said you lack"


def _outside(book: Book, said: Said) -> list[str]:
    """The skills had that no document lists; a skill filed under another's name as the person
    wrote it ("dbt", not the "Snowflake" its pattern is filed under)."""
    named, out = {r.name for r in book.records}, []
    for h in (h for h in said.had if h not in named):
        typed: dict[str, str] = {}  # each way written, as first written
        for n, w in said.typed:
            if n == h:
                typed.setdefault(w.lower(), w)
        # "JavaScript" for "js" too, "embedded systems" for "embedded"
        own = not typed or any(t in h.lower() for t in typed)
        out += [h] if own else list(typed.values())
    return out


def _notes(book: Book, said: Said) -> list[str]:
    out = []
    outside = _outside(book, said)
    if outside:
        out.append(
            f"_{joined(outside)}: none of the five role documents lists "
            f"{'it' if len(outside) == 1 else 'them'}, so they count for no role here._"
        )
    for word, choices in said.unclear:
        if len(choices) > 1:
            out.append(f"_“{escape(word)}” could be {' or '.join(choices)}: say which and I'll count it._")
    return out


def _role_part(engine: Engine, book: Book, role: str, said: Said, lack: int, have: int) -> tuple[str, str]:
    """(what the role asks that the person lacks, what they already meet), as mrkdwn."""
    lacking, having = _lines(book, role, said)
    lines = _by_section(lacking[:lack])
    if len(lacking) > lack:
        lines.append(f"_…and {len(lacking) - lack} more in its documents (the button below)._")
    have_lines = _by_section(having[:have], lambda names: f" — you: {joined(names)}")
    return "\n".join(lines) or "_Nothing: it names no skill you did not mention._", "\n".join(have_lines)


def fit_reply(engine: Engine, plan) -> Reply:
    """The reply to a role-fit question (plan.asked holds the person's message)."""
    book = load_skills()
    said = _said(engine, plan.asked)
    if plan.intent == "help":
        return _ask_what(engine, book, said, plan.asked)
    titles = {r: engine.kb.roles[r].title for r in plan.roles}
    total = len(said.had)
    counts = _counts(book, plan.roles, said.had)
    first = plan.roles[0]
    yours = f"your {total}"
    first_wish = bool(_FIRST.search(plan.asked))
    parts: list[str] = []
    if plan.intent == "answer":  # what am I missing for ROLE
        head = "*Still to learn for it*"  # the title says whose gaps
        # "6 years" is weighed against the years the role asks (below), but it is no skill to count
        skills = tuple(h for h in said.had if h != _YEARS)
        found = _named(book, first, skills)
        named = f"{len(found)} of your {len(skills)} {_skills(len(skills))}"
        sub = f"Its documents name {named}"  # which sections: the footer
        sub += f" ({joined(found)})." if found else "."
        if not skills:  # "I've never deployed anything": no skill told as had, only what is lacking
            sub = "You named no skill of your own that I could match, so this is what it asks for"
            sub += f", first what you {_told_lacking(said)}." if said.denied else "."
        lack, have = _role_part(engine, book, first, said, _LACK_SHOWN, _HAVE_SHOWN)
        if first_wish:
            lack = (
                f"_Start at the top: what you {_told_lacking(said)}, then the technical lines, "
                "degrees and experience last._\n" + lack
            )
        parts = [sub, *_notes(book, said), head, lack]
        if have:
            parts += ["*What you already have*", have]
        if have and (_AGAIN + _WHY in plan.asked or _CARRIED.search(plan.asked)):
            # "why?", "what carries over?": what it names of the person's first
            parts = [sub, *_notes(book, said), "*What you already have*", have, head, lack]
    else:
        tied = [r for r in plan.roles if counts[r] == counts[first]]
        if counts[first] == 0:
            head = (
                "*None of the five role documents names the skills you mention*, so none fits you better "
                "than another on them. What each asks for: its Requirements (the buttons below)."
            )
            parts = [head, *_notes(book, said)]
        elif len(tied) >= 2:
            names = joined([titles[r] for r in tied])
            shown = (
                ""
                if len(tied) == 2
                else f" Below: the first two, {escape(titles[tied[0]])} and {escape(titles[tied[1]])}."
            )
            leans = _leans(engine, plan.asked, tuple(tied))  # "I design and tune models all day": which
            like = f" The work you describe is most like {escape(titles[leans])}'s." if leans else ""
            head = f"*{names} tie*: each names {counts[first]} of {yours} {_skills(total)}.{like}{shown}"
            parts = [head, *_notes(book, said)]
            for r in tied[:2]:
                lack, _have = _role_part(engine, book, r, said, _TIE_SHOWN, 0)
                parts += [f"*{escape(titles[r])}: still to learn*", lack]
            for r in tied[:2]:
                _lack, have = _role_part(engine, book, r, said, 0, _TIE_SHOWN)
                if have:
                    parts += [f"*{escape(titles[r])}: what you already have*", have]
        else:
            named = f"{counts[first]} of {yours} {_skills(total)}"
            head = f"*{escape(titles[first])} fits you best*: its documents name {named}."
            lack, have = _role_part(engine, book, first, said, _LACK_SHOWN, _HAVE_SHOWN)
            parts = [head, *_notes(book, said), "*Still to learn for it*", lack]
            if have:
                parts += ["*What you already have*", have]
        ranking = "\n".join(
            f"{i}. {escape(titles[r])}: {counts[r]} of {total}"
            + (f" ({joined(_named(book, r, said.had))})" if counts[r] else "")
            for i, r in enumerate(plan.roles, 1)
        )
        which = (
            "All five" if len(plan.roles) == 5 else f"The {_NUMBERS.get(len(plan.roles), len(plan.roles))}"
        )
        parts += [f"*{which}, by how many of your skills each role's documents name*", ranking]
    if said.denied:
        parts.append(f"_Read as not yet yours: {joined(list(said.denied))}._")
    if said.years is not None and plan.intent == "compare":  # one role's gaps rank nothing
        parts.append(f"_Years of experience ({said.years}) only break ties between roles._")
    footer = f"From the {_NAMED_IN} sections of the role documents."
    title = "Your role fit" if plan.intent == "compare" else f"{titles[first]}: your gaps"
    if plan.intent == "answer" and _AGAIN + _WHY in plan.asked:
        title = f"Why {titles[first]} fits you"
    text = "\n\n".join([f"*{escape(title)}*", *parts, f"_{footer}_"])
    full = tuple(f"{r} requirements" for r in plan.roles[:2])
    buttons = [full_button(q, f"{titles[q.split()[0]]} · Requirements") for q in full]
    blocks = [header(title), *section_blocks("\n\n".join(parts)), context(footer), *actions(buttons)]
    assert all(len(b["text"]["text"]) <= MAX_SECTION_TEXT for b in blocks if b["type"] == "section")
    return Reply(plan.intent, text, blocks, plan.roles, plan.topic, query="fit", full=full)


def _ask_what(engine: Engine, book: Book, said: Said, asked: str) -> Reply:
    """A fit question that names no skill: the role closest to the person's own title, if they
    give one ("I'm a data scientist, which role fits me?"), then ask for their skills, with an
    example."""
    text = "\n\n".join(
        [
            *_closest_to_own(engine, asked),
            *_notes(book, said),
            "Tell me what you know or have done (languages, tools, cloud, maths, degrees, certifications, "
            "years) and I'll rank the five roles by how many of your skills each role's "
            f"{_NAMED_IN} name, and quote what you'd still need.",
            "For example: “I know python, docker and k8s, which role fits me?” or "
            "“what am I missing for MLOps? I do terraform and jenkins”.",
        ]
    )
    return Reply("help", text, section_blocks(text), query="fit")


_BESIDE_SHOWN = 2


def _closest_to_own(engine: Engine, text: str) -> list[str]:
    """The role of the five closest to the person's own title, with the lines that set the title
    beside it ("AI/ML Engineer vs. Data Scientist: ..."); [] when no such title is given."""
    title = own_title(engine, engine.matcher.match(text))
    role = closest_role(engine, title) if title else None
    if role is None or title is None:
        return []
    ev, name = engine.evidence, engine.kb.roles[role].title
    lines = [f"As a {escape(cased(engine, title))}, the closest of the five roles is *{escape(name)}*."]
    for ln in ev.comparing(ev.term(title), [role])[:_BESIDE_SHOWN]:  # "AI/ML Engineer vs. Data Scientist"
        lines.append(bullet(ln))
    return ["\n".join(lines)]


def leading(engine: Engine, said_text: str, roles: tuple[str, ...]) -> tuple[str, ...]:
    """The roles a fit answer put first: the one that fits best, or those tied at the top; all when
    none names the person's skills."""
    counts = _counts(load_skills(), roles, _said(engine, said_text).had)
    top = max(counts.values(), default=0)
    return tuple(r for r in roles if counts[r] == top) if top else roles


def again(text: str, engine: Engine, turns: list, picked: str | None = None) -> str | None:
    """A follow-up to a fit answer ("and for platform?", "what should i learn first of those?")
    as a question of its own, with the person's earlier message; None when it is not one.

    `turns` are the thread's handlers.turn.Turn records; the last fit turn counts unless a
    turn about something else came after it (one on a role it put first, when what to learn is
    asked). `picked`: the role the message picks from the ranking ("the second one", "the other
    option").
    """
    since: list = []  # the turns after the fit answer
    for turn in reversed(turns):
        if turn.said:
            roles, said_text, asked_what = turn.roles, turn.said, turn.intent == "help"
            break
        since.append(turn)
    else:
        return None
    # "what's the pay like?" of the role that fits, then "what would I need to learn?": still the fit's
    # gaps; anything else after a turn on another subject is a question of its own
    learning = _MISSING.search(text) or re.search(r"\blearn\b", text, re.I)
    if since and not (
        learning and {r for t in since for r in t.roles} <= set(leading(engine, said_text, roles))
    ):
        return None
    if asked_what:  # after "tell me what you know": the skills, with the question they answer
        if _ASKS.match(text.strip()) and not (_CLAIM.search(text) or _MISSING.search(text)):
            return None  # "do they need a PhD?": a question of the roles, no skill told
        return f"{text}\n{said_text}" if _said(engine, text).had else None
    m = engine.matcher.match(text)
    if len(m.words) > 10 or (
        m.topic not in (None, "requirements", "career", "overview") and not _MISSING.search(text)
    ):
        return None
    # "what's the education requirement for AI systems engineer?": a point of a section asked, of its own
    point = [w for w in m.topic_words if w not in engine.matcher.topic_names]
    if point and m.topic_top.get(m.topic or "", 0) >= NAMED and not _MISSING.search(text):
        return None
    target = m.roles[0] if len(m.roles) == 1 else picked
    said_text = said_text.split(_AGAIN, 1)[0]  # the person's own words, not an earlier follow-up
    if target and m.compare_strong and target not in roles:
        # "compare that with mlops" after the gaps for one role: the two, by how well each fits
        return f"{said_text}\n{' or '.join([*roles, target])}, which fits me better?"
    if asks_why(m.words) and len(m.words) <= _WHY_WORDS and (target or roles):
        return f"{said_text}{_AGAIN}{_WHY}, what am i missing for {target or roles[0]}?"
    if target is None and not (
        _MISSING.search(text) or _FIRST.search(text) or re.search(r"\blearn\b", text, re.I)
    ):
        return None
    role = target or (roles[0] if roles else None)
    if role is None:
        return None
    first = " first" if _FIRST.search(text) else ""
    return f"{said_text}{_AGAIN}{first}, what am i missing for {role}?"
