"""What the bot says. Pure: (text, kb) -> Reply. No Slack imports."""

from __future__ import annotations

from handlers.engine import Engine
from handlers.replies import REPLIES, fit
from handlers.reply import INTENTS, Reply
from handlers.understand import plan
from knowledge.models import KnowledgeBase

__all__ = ["INTENTS", "Engine", "Reply", "ask", "engine_for", "expand"]

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


def expand(reply: Reply, kb: KnowledgeBase) -> Reply:
    """The whole section(s) behind a reply ("Show the whole section", `ask --full`)."""
    if not reply.full:
        return reply
    parts = [ask(query, kb) for query in reply.full]
    if len(parts) == 1:
        return parts[0]
    blocks = [b for p in parts for b in p.blocks if b["type"] != "actions"]
    return Reply(
        reply.intent,
        "\n\n".join(p.text for p in parts),
        fit(blocks),
        reply.roles,
        reply.topic,
        query=reply.query,
        focus=reply.focus,
        full=reply.full,
    )
