"""What the bot says. Pure: (text, kb) -> Reply. No Slack imports."""

from __future__ import annotations

from handlers.engine import Engine
from handlers.replies import REPLIES
from handlers.reply import INTENTS, Reply
from handlers.understand import plan
from knowledge.models import KnowledgeBase

__all__ = ["INTENTS", "Engine", "Reply", "ask", "engine_for"]

_ENGINES: dict[int, Engine] = {}


def engine_for(kb: KnowledgeBase) -> Engine:
    """The engine of a knowledge base, built on first use."""
    engine = _ENGINES.get(id(kb))
    if engine is None or engine.kb is not kb:
        engine = _ENGINES[id(kb)] = Engine(kb)
    return engine


def ask(text: str, kb: KnowledgeBase) -> Reply:
    """Answer one query: slash text ('/role mlops salary' or 'mlops salary') or mention text."""
    engine = engine_for(kb)
    decided = plan(text if isinstance(text, str) else "", engine)
    return REPLIES[decided.mode or decided.intent](engine, decided)
