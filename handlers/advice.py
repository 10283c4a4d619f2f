"""Advice from the document's structure: the lists that answer a kind of advice question.

"What should I learn?" is answered by a role's Technical Skills, "how do I get promoted?" by
its Career Progression, whatever words the question shares with other sections. The kinds, the
sections to look in and the heading words are data (aliases.yaml `advice`).
"""

from __future__ import annotations

from handlers.engine import Engine
from knowledge.index import Hit, Line

__all__ = ["advice_lines"]

_MOST = 5


def _fits(line: Line, headings: list[str]) -> bool:
    where = " ".join(line.path).lower()
    return any(h in where for h in headings)


def advice_lines(engine: Engine, kind: str, role: str, most: int = _MOST) -> list[Hit]:
    """The role's lines under the headings that answer this kind of advice, in document order.

    Whole lists: the first heading found in the first section that has one, then the next, until
    `most` lines. Lead-ins ("...include:") are left out. [] when the document has no such list.
    """
    spec = engine.advice.get(kind)
    if not spec:
        return []
    headings = [h.lower() for h in spec.get("headings", ())]
    out: list[Hit] = []
    for topic in spec.get("sections", ()):
        lines = [
            ln
            for ln in engine.evidence.index.section(role, topic)
            if _fits(ln, headings) and not ln.text.endswith(":") and ln.depth == 0
        ]
        for heading in headings:  # the headings in the order the kind lists them
            for ln in lines:
                if len(out) >= most:
                    return out
                if heading in " ".join(ln.path).lower() and all(h.line.id != ln.id for h in out):
                    out.append(Hit(ln, 0.0, frozenset()))
        if out:
            return out
    return out
