"""Follow-ups in a conversation: what a message leaves out is taken from the turns before it.

A turn is remembered as a `Turn` (plain JSON, so it can live in a database): the intent, roles,
topic and focus of the answer. A new message that names a role and a topic (or a subject) is a
question of its own and inherits nothing; one that leaves something out is completed from the
last answered turn, by adding the missing words to what was typed:

    "and in seattle?"                 + platform, salary    -> platform salary ... seattle
    "what about production ai eng?"   + salary, seattle     -> production ai ... salary seattle
    "compare that with mlops"         + platform, salary    -> compare platform mlops salary
    "the mlops one" (after "which role?") + salary          -> mlops salary
    "thanks!"                                               -> a short reply, nothing inherited

The completed text is answered by the same engine as any question.
"""

from __future__ import annotations

from handlers.engine import Engine
from handlers.fit import again
from handlers.followup.filled import fill
from handlers.followup.message import Message, last_turn, ranked_pick
from handlers.followup.settled import SETTLED
from handlers.turn import Turn
from handlers.understand import strip_command

__all__ = ["Turn", "complete"]


def complete(text: str, engine: Engine, turns: list[Turn]) -> str:
    """The message with what it leaves out filled in from the conversation (or as typed).

    A rule that settles the message by one reading comes first (SETTLED); otherwise the roles,
    topic and focus it leaves out are filled in from the thread (fill)."""
    asked = strip_command(text)
    picked = ranked_pick(engine, engine.matcher.match(asked), turns)  # "the second one" of a ranking
    fit = again(asked, engine, turns, picked)  # "and for platform?" (handlers/fit.py)
    if fit is not None:
        return fit
    last = last_turn(turns)
    if last is None:
        return text
    t = Message(text, engine, turns, last)
    for rule in SETTLED:
        out = rule(t)
        if out is not None:
            return out
    return fill(t)
