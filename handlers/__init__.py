"""What the bot says. Pure: (text, kb) -> Reply. No Slack imports."""

from __future__ import annotations

from handlers.engine import Engine
from handlers.followup import complete
from handlers.replies import REPLIES, fit, noted, said_again
from handlers.reply import INTENTS, Reply
from handlers.scope import places_said
from handlers.turn import Turn
from handlers.understand import plan
from knowledge.models import KnowledgeBase

__all__ = ["INTENTS", "Engine", "Reply", "Turn", "ask", "converse", "engine_for", "expand", "sorry", "warm"]

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
    return _reply(engine, decided)


def converse(text: str, kb: KnowledgeBase, turns: list[Turn]) -> tuple[Reply, Turn]:
    """Answer one message of a conversation, given its earlier turns; return the reply and its turn."""
    engine = engine_for(kb)
    decided = plan(complete(text if isinstance(text, str) else "", engine, turns), engine)
    turn, reply = Turn.of(decided, places_said(engine, decided.match)), _reply(engine, decided)
    first = _ranked_first(engine, reply)
    turn = turn.with_picked(first) if first else turn  # "what soft skills does it list?" after it
    # "which is most important?" answered by the last reply again: said so, not repeated silently
    if turns and turn.intent == "answer" and turn.same_answer(turns[-1]) and len(turn.roles) == 1:
        reply = said_again(engine, reply)
    return reply, turn


def _ranked_first(engine: Engine, reply: Reply) -> str | None:
    """The one role a comparison's verdict puts first ("*AI/ML Platform Engineer asks for the most
    experience*"); None for a tie ("... and ... tie"), no verdict, or one role."""
    if reply.intent != "compare" or len(reply.roles) < 2:
        return None
    verdict = (reply.text.split("\n\n") + [""])[1]
    title = engine.kb.roles[reply.roles[0]].title
    said = verdict.split("*")[1] if verdict.startswith(f"*{title} ") and verdict.count("*") >= 2 else ""
    others = (engine.kb.roles[r].title for r in reply.roles[1:])
    return reply.roles[0] if said and not any(o in said for o in others) and " tie" not in said else None


def _reply(engine: Engine, decided) -> Reply:
    return noted(engine, decided, REPLIES[decided.mode or decided.intent](engine, decided))


def sorry() -> Reply:
    """What a person reads when answering failed (a bug): an apology, no details."""
    text = "Sorry, something went wrong on my side while answering that. Please try again in a moment."
    return Reply("unknown", text, [{"type": "section", "text": {"type": "mrkdwn", "text": text}}])


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


def warm(kb: KnowledgeBase) -> None:
    """Build what answering keeps (the engine, every plain section reply) before a server forks,
    so its workers share it instead of each making a private copy."""
    for role_id in kb.roles:
        for topic_id in kb.topics:
            ask(f"{role_id} {topic_id}", kb)
