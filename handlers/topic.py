"""The topic of a question: named outright, else the intent model's, with its confidence.

A topic named outright ("salary", "challenges": one phrase of table weight 3 or more) stands. Otherwise
the learned model (knowledge/intent.py) decides when it is confident enough, and the weighted
topic words of aliases.yaml are the fallback. When the runner-up is close, it is offered too.
"""

from __future__ import annotations

from handlers.engine import Engine
from knowledge.intent import Guess
from knowledge.match import Match

__all__ = ["NAMED", "WORDED", "Choice", "choose", "guess", "guess_none"]

NAMED = 3  # a topic word this strong names the topic outright
WORDED = 2  # a topic phrase this strong names the topic in words
_CONFIDENT = 0.3  # the model's topic wins over the word tables from this probability
_ALONE = 0.2  # with no topic word at all, the model's topic this sure ...
_ALONE_LEAD = 1.6  # ... and this far ahead of the next one is taken ("what he is doing in the day")
_OVERRIDE = 0.5  # ... and over a topic word of weight 2 ("education") from this one
_CLOSE = 0.5  # a runner-up topic with this share of the best one's probability is offered too
_NO_GUESS = Guess(())
_TABLE = 3  # topic words adding up to this (each weaker than NAMED) ...
_TIE = 0.4  # ... keep their topic while the model gives it this share of its best
_OUTSCOPE = "outscope"
_RIVAL = 0.5  # the model's own topic, this sure, is offered beside a topic named in words
_OUT_SURE = 0.5
_OUT_NAMED = 0.8  # ... and beside a topic named outright
_ADVISED_SURE = 0.6  # the model's kind of advice, this sure, refines a topic named in words
_OVERRULED = 0.9  # the model's topic this sure wins over a topic named by one generic word ("degree")


def guess(engine: Engine, m: Match) -> Guess:
    """The intent model's labels for the question (none for an empty one)."""
    return engine.intent.guess(m.masked) if m.masked else _NO_GUESS


def guess_none() -> Guess:
    """No guess: the question named its role and topic outright (the model is not asked)."""
    return _NO_GUESS


class Choice:
    """The topic decided, the model's label behind it, and a close runner-up topic."""

    __slots__ = ("match", "label", "confidence", "other", "table", "sure", "hunch")

    def __init__(
        self, match: Match, label: str | None, confidence: float, other: str | None, table: str | None = None
    ) -> None:
        self.match, self.label, self.confidence, self.other = match, label, confidence, other
        self.table = table  # the topic the word tables alone gave
        self.sure = 0.0  # the model's probability of `label` (set by choose)
        self.hunch: str | None = None  # the model's best topic however unsure (set by choose)


def _topics(engine: Engine, g: Guess) -> list[tuple[str, float]]:
    """The model's labels summed by the topic that answers them, best first."""
    by_topic: dict[str, float] = {}
    for label, p in g.ranked:
        topic = engine.label_topics.get(label)
        if topic:
            by_topic[topic] = by_topic.get(topic, 0.0) + p
    return sorted(by_topic.items(), key=lambda tp: -tp[1])


def choose(engine: Engine, m: Match, g: Guess) -> Choice:
    """The match with its topic decided."""
    ranked = _topics(engine, g)
    choice = _choose(engine, m, g, ranked)
    choice.sure = g.prob(choice.label) if choice.label else 0.0
    choice.hunch = ranked[0][0] if ranked else None
    return choice


def _tie_broken(m: Match, ranked: list[tuple[str, float]]) -> Match:
    """Topic words that tie ("entry level ... make ... out of school": career 2, salary 2) are
    settled by the model's ranking, however unsure."""
    if m.topic is None:
        return m
    top = m.topic_scores[m.topic]
    tied = {t for t, v in m.topic_scores.items() if v == top}
    if len(tied) < 2:
        return m
    order = [t for t, _ in ranked if t in tied]
    return m.model_copy(update={"topic": order[0]}) if order and order[0] != m.topic else m


def _choose(engine: Engine, m: Match, g: Guess, ranked: list[tuple[str, float]]) -> Choice:
    """The choice, from the words and `ranked`, the model's topics best first (_topics)."""
    paid = m.topic == "salary" and bool(set(m.focus.kinds) - {"average"})  # "do they get stock?": pay named
    named = m.topic if m.topic and (m.topic_top.get(m.topic, 0) >= NAMED or paid) else None
    out_sure = _OUT_NAMED if named else _OUT_SURE  # "how many yoe do postings want": named, answered
    if g.label == _OUTSCOPE and g.confidence >= out_sure:  # policy, benefits, hiring process
        return Choice(m, _OUTSCOPE, g.confidence, None)
    label = g.label if g.label in engine.label_topics else None
    if (
        named
        and ranked
        and ranked[0][0] != named
        and ranked[0][1] >= _OVERRULED
        and m.topic_top[named] <= NAMED
    ):
        # "can i get into production ai engineering without a cs degree?": "degree" names the requirements,
        # the model is all but sure the way in is asked; the section named is offered beside it
        best, p = ranked[0]
        scores = {**m.topic_scores, best: m.topic_scores[named] + 1}
        chosen = m.model_copy(update={"topic": best, "topic_scores": scores})
        kept = label if label and engine.label_topics[label] == best else None
        return Choice(chosen, kept, p, named, m.topic)
    if named or not ranked:
        # a kind of advice refines the topic named when its lists lie there too: "how do I keep my
        # skills current?" names requirements, and staying current is answered from them
        advised = (
            label in engine.advice
            and named in engine.advice[label].get("sections", ())
            and g.confidence >= _ADVISED_SURE
        )
        kept = label if label and (engine.label_topics[label] == named or advised) else None
        rival = ranked[0] if ranked and ranked[0][0] != named and ranked[0][1] >= _RIVAL else None
        return Choice(m, kept, g.confidence, rival[0] if rival else None, m.topic)  # "Also: ..." button
    (best, p), *rest = ranked
    worded = m.topic is not None and m.topic_top.get(m.topic, 0) >= 2  # "education", "skills"
    alone = m.topic is None and p >= _ALONE and (not rest or p >= _ALONE_LEAD * rest[0][1])  # no word says
    if p < (_OVERRIDE if worded and best != m.topic else _CONFIDENT) and not alone:
        return Choice(_tie_broken(m, ranked), None, p, None, m.topic)
    table = m.topic if m.topic and m.topic_scores.get(m.topic, 0) >= _TABLE else None
    if table and table != best and dict(ranked).get(table, 0.0) >= _TIE * p:  # near a tie: the words win
        other = best
        best, p = table, dict(ranked)[table]
        label = label if label and engine.label_topics[label] == best else None
        return Choice(m, label, p, other, m.topic)
    other = rest[0][0] if rest and rest[0][1] >= _CLOSE * p else None
    scores = {**m.topic_scores, best: max(m.topic_scores.get(best, 0), 2)}
    chosen = m.model_copy(update={"topic": best, "topic_scores": scores})
    return Choice(chosen, label if label and engine.label_topics[label] == best else None, p, other, m.topic)
