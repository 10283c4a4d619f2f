"""A follow-up completed from its thread: the roles, topic and focus it leaves out (`fill`)."""

from __future__ import annotations

from handlers.advice import solutions
from handlers.ambiguity import DESCRIBED, setting_role, undescribed, work_role
from handlers.coverage import beyond
from handlers.engine import Engine
from handlers.facets import WHICH, facet_asked
from handlers.fit import leading
from handlers.followup.message import (
    BARE,
    BEYOND,
    FILLER,
    LEVELLED,
    LIKENED,
    ORDINAL,
    OTHER,
    QUESTION_WORDS,
    RARE_SUBJECT,
    SHORT,
    Message,
    about_the_roles,
    everyday_roles,
    focus_words,
    magnitude,
    names_topic,
    on_that_front,
    own_subject,
    recent_pair,
    roles_counted,
    the_one,
    them_beside,
)
from handlers.lines import ROLES_PLURAL
from handlers.question import asks_why, copes
from handlers.scope import names_place
from handlers.topic import NAMED
from handlers.turn import Turn
from handlers.understand import named_elsewhere
from knowledge.english import is_common
from knowledge.match import Match, normalize, pairs, runs
from knowledge.patterns import Lazy
from knowledge.skills import names_of_kinds

__all__ = ["fill"]


def _roles_named(t: Message) -> tuple[list[str], str, bool]:
    """(the roles the message names, in words too, the body without the words that named them,
    whether it names a topic): "what about the ops side?", "and the other one?"."""
    m, last, body, named_topic = t.m, t.last, t.body, t.named_topic
    # "ok just production — what do they do?": "they" are the one role narrowed to
    narrowed = t.they and not t.lists["narrowing"].isdisjoint(m.words)
    kept = m.roles or (t.they and not narrowed)
    # "which one is more hands-on with building models?" after two roles: the two, on that point (not
    # the ML engineer, whose everyday words "building models" are)
    lists = t.lists
    choosing = (
        len(last.roles) > 1
        and last.intent != "clarify"
        and bool(lists["choosing"] & set(pairs(m.words)) or lists["both"] & set(m.words))
    )
    everyday, said = ([], set()) if kept else everyday_roles(t.engine, m, t.offered)
    if choosing and said.isdisjoint(t.engine.matcher.aliases.ordinals):  # "... for the first one": a pick
        everyday, said = [], set()
    if t.asked is not None and len(t.asked.roles) > 1 and len(everyday) > 1:
        # "the one that deploys models in factories" after "which role?": of the roles offered
        everyday = [r for r in everyday if r in t.asked.roles] or everyday
    if m.ambiguous and not set(everyday) <= {r for _, rs in m.ambiguous for r in rs}:
        everyday, said = [], set()  # "the ones putting ai on factory floors": AI said, the role described
    roles = list(m.roles) or everyday
    if roles and not said:  # "what about the infra/platform folks?", "and the ops side, mlops?":
        # ... the words naming the role that its name did not take in ("ops" of "the ops side")
        said = {w for w in m.subject if t.engine.matcher.aliases.followup_roles.get(w) in roles}
    if not roles and OTHER & set(m.words) and len(last.roles) == 1:  # "and the other one?"
        pair = recent_pair(t.turns)
        roles = [r for r in pair if r not in last.roles] if last.roles[0] in pair else []
        said = said | (OTHER & set(m.words))
    if said:  # "what about the ops side?": the words that named the role are not the subject
        body = " ".join(
            w for w in body.replace("/", " ").split() if w.lower().strip("?!.,#") not in said
        )  # "#3"
        rest = t.engine.matcher.match(body)
        # "the one who keeps models running in prod - deployment, monitoring, that ops kind of stuff" after
        # "which role?": the role described, no topic named; the words describe, they ask nothing
        picked = t.asked is not None and len(t.asked.roles) > 1 and not (names_topic(rest) or rest.focus)
        if (
            picked
            or not rest.topic_scores
            and all(w in t.engine.matcher.stopwords or w in FILLER for w in rest.words if w != "?")
        ):
            body = "what about"  # "the 3rd", "the ml one pls": the role alone, asked in words as before
            named_topic = False  # ... on the topic asked before
    if not roles and DESCRIBED.search(body):  # "what about someone who turns notebooks into apis?":
        # the work model says whose; after "which role do you mean?", one of those offered ("the one
        # that builds the chatbots")
        picking = last.intent == "clarify" and len(last.roles) > 1
        offered = last.roles if picking else t.engine.role_ids
        role = work_role(t.engine, m.words, m.masked, body, offered, titled=picking)
        roles = [role] if role else []
        # the reply to "which role?" is the description alone: a topic the model reads into a description
        # of the work ("the kind that trains and tunes models all day") is none, one said in words is
        if role and picking and not names_topic(m):
            body, named_topic = "what about", False
    if not roles and last.intent == "clarify" and len(last.roles) > 1 and not names_topic(m):
        # "whichever builds the chatbots" after "which role do you mean?": the one offered whose work
        # it names (aliases.yaml `work`), on the question asked
        role = setting_role(t.engine, m, last.roles)
        if role:
            roles, body, named_topic = [role], "what about", False
    if roles and DESCRIBED.search(body):
        # "how about the people who build the platform": a description, not the subject; and a topic
        # only it named is none ("the folks whose whole job is keeping models healthy, the mlops crowd")
        body = undescribed(body)
        rest = t.engine.matcher.match(body)
        named_topic = named_topic and names_topic(rest)
        # "... the ones who keep models running after deployment and automate retraining?": what is left
        # after the description, with no question of its own, still describes: the thread's question
        asked = rest.words[2:] if rest.words[1:2] == ("about",) else rest.words  # not "what about" itself
        if not (named_topic or rest.focus or _QUESTION_WORDS & set(asked)):
            body = "what about"
    return roles, body, named_topic


def _leans_on_thread(t: Message, roles: list[str], named_topic: bool, pointing: bool) -> bool:
    """Whether the message leaves something for the thread to fill in; not "why?" or a new subject
    ("what about nurses?")."""
    m = t.m
    return bool(
        roles
        or m.topic
        or m.focus
        or m.ambiguous
        or pointing
        or named_topic
        or beyond(t.engine, m)  # "what about PTO?": a policy of the role just discussed
        or names_place(t.engine, m)  # "and outside the US?"
        or (t.leaning and _names_skill(t.engine, m))  # "do they need go?" ... "what about rust?"
        # "certs worth listing?" after one role's requirements: of that role
        or (len(t.last.roles) == 1 and bool(set(m.words) & t.lists["credentials"]) and len(m.words) <= SHORT)
        or set(m.words) & t.lists["geography"]  # "which part of the world is leading?"
        or (t.leaning and (not m.subject or len(m.words) > SHORT))  # "and where do i get experience ..."
        or (bool(set(m.words) & t.lists["mine"]) and _asking(m))  # "how long till im hireable usually"
        or magnitude(t.engine, m)  # "how fast?"
        or the_one(
            m.words
        )  # "the specialization part — which areas are we talking?": an item of the last answer
        # "anything on regulation?", "u said 30% surge - by when?": in what was discussed
        or bool(set(pairs(m.words)) & (t.lists["asking_of"] | t.lists["you_said"]))
        or _of_the_last(t)  # "which langs mostly": a few words the last role's document holds
    )


# words that ask a question of their own ("... and do they use kubernetes?")
_QUESTION_WORDS = frozenset({"what", "whats", "how", "which", "why", "where", "when", "who", "do", "does",
                             "is", "are", "can", "should"})  # fmt: skip
_FRAGMENT = 3  # words of a fragment that asks on, in the thread's terms ("which langs mostly")


def _of_the_last(t: Message) -> bool:
    """Whether the message is a short fragment whose words the last answer's roles' documents hold
    (through the search synonyms), beside everyday ones; not a new subject ("what about nurses?")."""
    m, ev = t.m, t.engine.evidence
    if len(m.words) > _FRAGMENT or not m.subject or not t.last.roles:
        return False
    terms = [ev.term(w) for w in m.subject if not is_common(w)]
    return bool(terms) and all(ev.found(term, list(t.last.roles)) for term in terms)


_SKILL_KINDS = frozenset({"language", "tool", "platform", "framework"})


def _names_skill(engine: Engine, m: Match) -> bool:
    """Whether the message names a language, tool, platform or framework of the skills book, whether
    or not a document names it ("rust")."""

    return not engine.keep(("skill names",), lambda: names_of_kinds(_SKILL_KINDS)).isdisjoint(m.words)


def _asking(m: Match) -> bool:
    """Whether the message asks something ("how long till im hireable"), not only tells."""
    return "?" in m.words or (bool(m.words) and m.words[0] in QUESTION_WORDS)


def fill(t: Message) -> str:
    """The message with the roles, topic and focus it leaves out taken from the thread."""
    last = t.last
    if last.focus and "percentile" in last.focus:  # "and the 25th?"
        t.body = ORDINAL.sub(r"\1 percentile", t.body)
        t.m = t.engine.matcher.match(t.body)
    roles, body, named_topic = _roles_named(t)
    m, lists = t.m, t.lists
    pointing = bool(set(m.words) & lists["pointers"]) or about_the_roles(t.engine, m)
    if m.ambiguous and last.roles and all(p == "ai" for p, _ in m.ambiguous) and (pointing or _ai_thing(t)):
        # "will AI replace them?": AI the field, them the role; "do devs like the ai copilots?": a thing
        t.m = m = m.model_copy(update={"ambiguous": ()})
    if not _leans_on_thread(t, roles, named_topic, pointing):
        return t.text
    roles, last = _roles_filled(t, roles)
    # a new question after "which role do you mean?", unanswered ("will it replace us?")
    unsettled = not roles and last.intent == "clarify" and len(last.roles) > 1
    if unsettled and "which" in m.words and set(m.words) & lists["ranking"]:
        roles, unsettled = list(last.roles), False  # "which pays more?": the roles offered, set side by side
    rest = t.engine.matcher.match(body) if body != t.body else m  # without the words naming the role
    # "what tools help?" after the interpretability challenge: a label of what was just shown, on its point
    labelled = named_topic and len(m.words) <= BARE + 1 and _a_label_shown(t, roles)
    topic = _topic_filled(t, roles, last, named_topic, rest, labelled)
    focus = _focus_filled(t, last, named_topic and not _pay_beside(t))
    lead = ["compare"] if len(roles) > 1 else []
    # "do they need certs?" ... "compare that with ai/ml engineers": on certifications still
    # ... and "security in there?" then "how do they handle that, any best practices?": that, security
    backed = named_topic and bool(set(m.words) & lists["back"])
    # the message's own subject, less the words that named the role ("what about the infra people?")
    own = set(rest.subject) - (lists["coping"] if backed else set())  # "handle" is how, not what
    regard = on_that_front(m, lists)  # the point just asked
    point = (
        [
            w
            for w in last.point
            if not _names_role(t.engine, w)
            and not (backed and t.engine.matcher.match(w).topic_scores)
            and w not in t.engine.kb.topics  # a topic's own name ("trends") is no point of it
        ]  # a topic named anew leaves the last one's topic words behind ("the pay for that last one")
        if topic
        and (not named_topic or backed or labelled)
        and (not own or regard)
        and not BEYOND & set(t.m.words)
        and not (named_topic and last.across)  # "which roles need k8s?" then "which of those pays best?"
        and not unsettled  # a clarify's point waits for the reply that picks the role
        else []
    )  # not "what else does it need"
    if roles and set(roles) != set(last.roles):  # "and for the ops side?" after layoffs: the point
        # goes along where the new role's document says it, or a tool the answer names as held by others
        # ("is that true for ml engineers too?" after kubernetes), else the topic is answered alone
        ev = t.engine.evidence
        point = [w for w in point if ev.found(ev.term(w), roles) or named_elsewhere(t.engine, ev.term(w))]
    if "where" in m.words and set(m.words) & lists["openings"] and set(topic) & {"demand", "trends"}:
        point = [*point, "regions"]  # "where are those jobs?" after the market: its geographical hotspots
    if set(pairs(m.words)) & lists["by_when"] and len(m.words) <= BARE + 1:
        point = [*point, "figures"]  # "by when?" after the market: its figures, which say their years
    parts = [*lead, *roles, *topic, *point, *focus, body]  # what is filled in first: the question stays last
    return " ".join(p for p in parts if p)


def _ai_thing(t: Message) -> bool:
    """Whether "ai" is said of a thing ("the ai copilots", "ai tools"), not of people in a job."""
    words = t.m.words
    after = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "ai"]
    people = t.lists["person_titles"] | t.lists["holder"] | t.engine.matcher.intent_words["roles_words"]
    return bool(after) and all(a.isalpha() and a not in people for a in after)


def _names_role(engine: Engine, word: str) -> bool:
    """Whether a word names a role, or may ("ml", "ai"): no point to carry over."""
    m = engine.matcher.match(word)
    return bool(m.roles or m.ambiguous)


_OF_THOSE = Lazy(r"\bwhich (?:one )?of (?:those|these|them)\b")


def _roles_filled(t: Message, roles: list[str]) -> tuple[list[str], Turn]:
    """The roles to answer, and the turn they lean on: "what do both need?", "compare that with
    mlops", "which one pays more?" after a turn on each of two roles, else the last role(s)."""
    m, lists, last = t.m, t.lists, t.last
    if not roles and last.picked and set(m.words) & lists["singular_pointers"]:
        # "what soft skills does it list?" after "AI/ML Platform Engineer asks for the most experience"
        return [last.picked], last
    choosing = set(m.words) & lists["both"] or lists["choosing"] & set(pairs(m.words))
    choosing = choosing or (m.compare_strong and not roles)  # "compare them" after a turn on each of two
    # "which of those are about security?": the items of the last answer, not a choice between roles
    # ... but "is regulation a big deal for both of them?", "which of the two needs public speaking?" ask
    # the two roles about it
    items = (
        bool(m.subject)
        and not set(m.words) & (lists["ranking"] | lists["overlap"])
        and not {"both", "two"} & set(m.words)
    )
    # ... and "which of those is the worst?" after one role's challenges: which challenge
    ranked = last.topic == "challenges" and bool(set(m.words) & lists["hardest"])
    # ... and "which of those matters most?" after one role's requirements: which of its items (no topic
    # of its own, unlike "which of those pays more?")
    of_those = bool(
        _OF_THOSE.search(" ".join(m.words))
        and not m.topic_scores
        and last.topic != "salary"  # "which of those is cheaper?" after two roles' pay: the two
        and not set(m.words) & (lists["overlap"] | lists["both"])  # "which of those overlap": the two
    )
    items = items or (
        (ranked or of_those)
        and not set(m.words) & (lists["both"] | ROLES_PLURAL)
        and m.topic in (None, "challenges")
    )
    counted = roles_counted(m.words)  # "which of those three pays most?"
    pair = (
        recent_pair(t.turns, counted) if choosing and not items and len(last.roles) == 1 and not roles else ()
    )
    if pair:  # "which one pays more?" after a turn on each of two roles: those two
        last = Turn("compare", pair, last.topic, last.focus)
    both = bool(choosing) and len(last.roles) > 1 and not roles
    if both:  # "what do both need?", "which of the two pays more?"
        return list(last.roles), last
    # "compare that with mlops", "vs platform", "how is that different from what mlops ppl do"; not
    # "how is an ai/ml engineer different from a data scientist?", a question of its own
    likened = LIKENED.search(" ".join(m.words)) and not set(m.words) & lists["back"]
    if m.compare_strong and roles and not likened:
        return [*[r for r in last.roles if r not in roles], *roles], last
    if len(roles) == 1 and len(last.roles) == 1 and last.roles != tuple(roles) and them_beside(m, lists):
        return [last.roles[0], *roles], last  # the role just discussed, and the one named
    if not roles and not m.ambiguous and last.said and len(last.roles) > 1:
        # "what's the pay like?" after "MLOps Engineer fits you best": that role (the tied ones after a tie)
        return list(leading(t.engine, last.said, last.roles)), last
    if not roles and not m.ambiguous:
        return (list(last.roles) if len(last.roles) == 1 or last.intent == "compare" else []), last
    return roles, last


def _pay_beside(t: Message) -> bool:
    """ "is that more than ml engineers get there?" after the pay: that pay, its place kept, beside
    another role's ("get there" is no way in here)."""
    m, lists = t.m, t.lists
    return t.last.topic == "salary" and bool(
        set(m.words) & lists["back"] and runs(m.words) & lists["more_than"]
    )


def _topic_filled(
    t: Message, roles: list[str], last: Turn, named_topic: bool, rest: Match, labelled: bool = False
) -> list[str]:
    """The topic: the one named, else the last one; "how do they deal with that?" after the
    challenges asks what they do (the solutions given there, else the best practices); "can they
    work remotely?" lets the lines on the subject decide. `labelled`: the topic's words are a label
    of a line just shown (`_a_label_shown`)."""
    m, lists = t.m, t.lists
    topic = [t.own or ""] if named_topic else [last.topic or ""]  # the model's topic, said outright
    pointing = set(m.words) & (lists["back"] | lists["they"] | {"people"}) or len(m.words) <= BARE
    coping = copes(m.words, lists) and pointing  # "how to overcome tht", "how do they deal with"
    # ... not "which of those is the hardest to solve?": which challenge, ranked
    coping = coping and not (m.topic == "challenges" and lists["hardest"] & set(m.words))
    if _pay_beside(t) or (last.topic == "salary" and not m.roles and facet_asked(t.engine, m)):
        return ["salary"]  # ... and "what about by yoe?" after the pay: the pay by experience
    after = [
        w
        for w, nxt in zip(m.words, m.words[1:], strict=False)
        if w in lists["above"] and nxt in m.focus.levels
    ]
    if after and last.topic == "salary" and not named_topic:
        return ["career"]  # "ok and after senior?" after a level's pay: the rungs above it
    if last.topic == "challenges" and coping and m.topic in (None, "challenges") and not m.roles:
        return ["challenges" if any(solutions(t.engine, r) for r in roles) else "best-practices"]
    weighed = (
        lists["choosing"] & set(pairs(m.words))
        and set(m.words) & lists["back"]
        and set(m.words) & (lists["mattering"] | lists["hardest"])
    )
    if weighed and last.topic and len(last.roles) == 1 and not m.roles and m.topic != "salary":
        return [last.topic]  # "which of those matters most day to day?": of the items just shown
    if not named_topic and last.topic and set(m.words) & lists["overlap"]:
        return [last.topic]  # "which of those overlap?": what the two share of what was just shown
    if not named_topic and own_subject(t.engine, rest) and not m.focus:  # not "the folks who run the infra"
        # "what about coastal vs midwest?" after the pay: the last section, where the subject is said
        return [last.topic] if last.topic and _held_before(t, rest, roles, last.topic, "") else [""]
    if (
        named_topic
        and last.topic
        and set(pairs(m.words)) & lists["asking_of"]
        and _said_in(t, rest, roles, last.topic)
    ):
        return [last.topic]  # "anything about regulation?" after the trends: the trends that say it
    weak = m.topic_top.get(m.topic or "", 0) < NAMED  # "any tips to negotiate more" after the pay
    if named_topic and weak and last.topic and _held_before(t, rest, roles, last.topic, topic[0]):
        return [last.topic]  # "tips" names best practices weakly; only the pay section says "negotiate"
    meaning = bool(set(m.words) & lists["elaborate"]) and topic[0] == "overview"  # "what does that mean"
    if named_topic and meaning and last.topic and _held_before(t, rest, roles, last.topic, topic[0]):
        return [last.topic]  # "digital twins? what does that mean in practice" after the trends: there
    weakly = m.topic_top.get(m.topic or "", 0) < NAMED  # "risk", not "skills", which names its section
    if (
        named_topic
        and weakly
        and last.topic
        and len(m.words) <= BARE + 1
        and _a_heading_of(t, roles, last.topic)
    ):
        return [last.topic]  # "and risk?" after the best practices: their Risk Management heading
    if labelled and last.topic:
        return [last.topic]  # "what tools help?" after the interpretability challenge: its "Tools:" line
    if named_topic and last.topic and _item_as_topic(t, roles, last.topic):
        return [last.topic]  # "how to solve the collaboration one?" after the challenges: that challenge
    if named_topic and meaning and last.topic and _item(t, rest, roles, last.topic):
        return [last.topic]  # "the adaptability one, what does that mean?": the item just shown
    if named_topic and meaning and not m.roles and last.topic and _said_in(t, rest, roles, last.topic):
        return [last.topic]  # "what does adaptability mean?" after the soft skills: where it was just said
    return topic


def _item(t: Message, rest: Match, roles: list[str], topic: str) -> bool:
    """Whether the message names an item of the last answer by its words ("the adaptability one",
    "the security bit"): its subject said in that section, then a word for an item."""
    words = t.m.words
    named = [x for x in t.engine.evidence.terms(rest.subject) if t.engine.evidence.found(x)]
    items = t.lists["item_of"]
    return (
        bool(named)
        and any(w in items and i and words[i - 1] in rest.subject for i, w in enumerate(words))
        and all(_in_section(t, x, topic, roles) for x in named)
    )


def _a_heading_of(t: Message, roles: list[str], topic: str) -> bool:
    """Whether every word that names the message's topic is a word of a heading of the last
    section ("risk": the best practices' "Risk Management"), so the short follow-up asks that part."""
    named = set(t.m.topic_words)
    if not named or not roles:
        return False
    index = t.engine.evidence.index
    heads = {
        w for role in roles for ln in index.section(role, topic) for part in ln.path for w in normalize(part)
    }
    return named <= heads


def _a_label_shown(t: Message, roles: list[str]) -> bool:
    """Whether every word that names the message's topic is a word of the label of a line the last
    answer led with, of the role still asked ("tools" of "Tools: SHAP, LIME, visual analytics")."""
    named, last = set(t.m.topic_words), t.last
    if not named or not last.shown or list(last.roles) != roles:
        return False
    index = t.engine.evidence.index
    labels = {w for i in last.shown for w in normalize(index.line(i).label or "")}
    return named <= labels


def _item_as_topic(t: Message, roles: list[str], topic: str) -> bool:
    """Whether the words that name the message's topic only name an item of the last answer ("the
    collaboration one": a challenge just shown, not the soft skills): each said in that section, and
    followed by a word for an item."""
    words, items, named = t.m.words, t.lists["item_of"], t.m.topic_words
    said = {words[i - 1] for i, w in enumerate(words) if w in items and i}
    ev = t.engine.evidence
    return bool(named) and set(named) <= said and all(_in_section(t, ev.term(w), topic, roles) for w in named)


def _in_section(t: Message, x, topic: str, roles: list[str]) -> bool:
    """Whether a term is said in that section of these roles."""
    return any(t.engine.evidence.found_in_topic(f, topic, roles) for f in x.forms)


def _said_in(t: Message, rest: Match, roles: list[str], topic: str) -> bool:
    """Whether every subject word of the message the documents hold is said in that section of these roles."""
    ev = t.engine.evidence
    held = [x for x in ev.terms(rest.subject) if ev.found(x)]
    return bool(held) and all(_in_section(t, x, topic, roles) for x in held)


def _held_before(t: Message, rest: Match, roles: list[str], before: str, named: str) -> bool:
    """Whether a rare subject of the message is said in the last answer's section (of these roles)
    and not in the one its words name ("mean": the overview)."""
    rare = [x for x in t.engine.evidence.terms(rest.subject) if x.weight >= RARE_SUBJECT]
    return bool(rare) and all(
        _in_section(t, x, before, roles) and not _in_section(t, x, named, roles) for x in rare
    )


def _focus_filled(t: Message, last: Turn, named_topic: bool) -> list[str]:
    """The focus kept: "why so high?" asks reasons, not figures, but "how come so high there?"
    after a city asks why of that place; a new topic leaves the pay's city behind ("how much in
    nyc?" ... "and what industries hire them?")."""
    m = t.m
    # ... nor a level, which pay and the ladder answer ("as a senior there" ... "soft skills they look for?")
    new = t.own or m.topic
    moved = named_topic and new not in (None, last.topic) and (last.topic == "salary" or new not in LEVELLED)
    if moved and set(pairs(m.words)) & t.lists["that_level"]:  # "what do they actually do at that level"
        return list((last.focus or {}).get("levels", ()))
    if moved:
        return []
    words, lists = set(m.words), t.lists
    if (
        last.topic == "salary"
        and not m.focus
        and (words & lists["everywhere"] or (words & lists["varying"] and words & lists["pay_place_words"]))
    ):
        return []  # "is that true everywhere?", "does it vary by location?" after a level's pay: the places
    if asks_why(m.words):
        return list((last.focus or {}).get("locations", ())) if last.topic == "salary" else []
    if facet_asked(t.engine, m) or facet_asked(t.engine, m, WHICH):  # "ok which city pays the most for
        return []  # them" after Microsoft's pay: every city, not Microsoft's again
    return focus_words(last, m, names_place(t.engine, m))
