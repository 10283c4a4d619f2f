"""Knowledge base -> Slack mrkdwn, and mrkdwn -> Block Kit within Slack's limits."""

from __future__ import annotations

from knowledge.models import Group, Item, Role, SalaryFigure, Section

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "MAX_BLOCKS",
    "MAX_HEADER",
    "MAX_SECTION_TEXT",
    "button",
    "chunks",
    "escape",
    "figure_line",
    "header",
    "joined",
    "money",
    "section_blocks",
    "section_text",
]

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000


def escape(text: str) -> str:
    """Escape text for Slack: '&' first, then '<' and '>' (no pings, no links)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def joined(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C", each escaped."""
    names = [escape(n) for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _item_lines(item: Item, depth: int) -> list[str]:
    bullet = "•" if depth == 0 else "◦"
    pad = "    " * depth
    body = f"*{escape(item.label)}:* {escape(item.text)}" if item.label else escape(item.text)
    lines = [f"{pad}{bullet} {body}"]
    for child in item.items:
        lines += _item_lines(child, depth + 1)
    return lines


def _group_lines(group: Group, depth: int) -> list[str]:
    lines: list[str] = []
    if group.heading:
        title = f"{group.number}. {group.heading}" if group.number else group.heading
        lines += ["", f"*{escape(title)}*" if depth == 0 else f"_{escape(title)}_"]
    lines += [escape(p) for p in group.paragraphs]
    for item in group.items:
        lines += _item_lines(item, depth)
    for sub in group.groups:
        lines += _group_lines(sub, depth + 1)
    return lines


def section_text(section: Section) -> str:
    """A whole section as mrkdwn: intro, headings, items (labels, nesting), summary."""
    lines = [escape(p) for p in section.intro]
    for group in section.groups:
        lines += _group_lines(group, 0)
    if section.summary:
        lines += ["", *(escape(s) for s in section.summary)]
    return "\n".join(lines).strip("\n")


def money(value: int) -> str:
    """$145,000."""
    return f"${value:,}"


def figure_range(fig: SalaryFigure) -> str:
    """'$145,000 - $155,000', 'up to $300,600', '$200,000+', '~$113,992'."""
    approx = "~" if fig.approx else ""
    if fig.low is None and fig.high is not None:
        return f"up to {money(fig.high)}"
    if fig.high is None and fig.low is not None:
        return f"{money(fig.low)}+"
    if fig.low == fig.high:
        return f"{approx}{money(fig.low)}"
    return f"{approx}{money(fig.low)} - {money(fig.high)}"


def figure_line(fig: SalaryFigure) -> str:
    """One salary figure as a bullet: the source line, with where it stands."""
    where = " › ".join(c for c in fig.context if c)
    tail = f" _({escape(where)})_" if where else ""
    return f"• {escape(fig.source)}{tail}"


def header(text: str) -> dict[str, Any]:
    """A header block (plain text, at most 150 characters)."""
    if len(text) > MAX_HEADER:
        text = text[: MAX_HEADER - 1] + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def chunks(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """Split mrkdwn at line ends (else at spaces) into pieces of at most `limit` characters."""
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            if current:
                out.append(current)
                current = ""
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            out.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        out.append(current)
    return [c for c in out if c.strip()]


def section_blocks(text: str) -> list[dict[str, Any]]:
    """mrkdwn text as section blocks of at most 3000 characters each."""
    return [{"type": "section", "text": {"type": "mrkdwn", "text": c}} for c in chunks(text)]


def button(text: str, action_id: str, value: str, primary: bool = False) -> dict[str, Any]:
    """A button whose value is a query `handlers.ask` understands."""
    if len(text) > MAX_BUTTON_TEXT:
        text = text[: MAX_BUTTON_TEXT - 1] + "…"
    out: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value[:MAX_BUTTON_VALUE],
    }
    if primary:
        out["style"] = "primary"
    return out


def source_line(role: Role, section: Section) -> str:
    """The footer naming the source document and section."""
    return f"Source: {escape(role.title)} document (seeds/{escape(role.source)}) › {escape(section.heading)}"
