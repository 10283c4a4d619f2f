"""What the bot says. Pure: (text, kb) -> Reply. No Slack imports."""

from handlers.reply import INTENTS, Reply

__all__ = ["INTENTS", "Reply", "ask"]


def ask(text: str, kb) -> Reply:
    """Answer one query (slash text or mention text). Placeholder until the answers issue."""
    return Reply(intent="help", text="rolebot can't answer questions yet: not yet.")
