"""Suggested prompts for Slack's assistant view, drawn from the knowledge base (prompts.yaml)."""

from __future__ import annotations

import functools
from pathlib import Path

from knowledge.files import KnowledgeError, read_yaml
from knowledge.models import KnowledgeBase

__all__ = ["suggested_prompts"]

_PATH = Path(__file__).resolve().parent / "prompts.yaml"


@functools.cache
def _templates(path: Path = _PATH) -> tuple[tuple[str, str], ...]:
    data = read_yaml(path)
    prompts = data.get("prompts") if isinstance(data, dict) else None
    if not isinstance(prompts, list) or not all(
        isinstance(p, dict) and isinstance(p.get("title"), str) and isinstance(p.get("message"), str)
        for p in prompts
    ):
        raise KnowledgeError(f"{path}: field prompts: expected a list of {{title, message}}")
    return tuple((p["title"], p["message"]) for p in prompts)


def suggested_prompts(kb: KnowledgeBase, day: int, count: int = 4) -> list[dict[str, str]]:
    """`count` prompts for a day: the templates and the roles rotate, so each day differs."""
    templates = _templates()
    titles = [f"{r.title}s" for r in kb.roles.values()]
    out = []
    for i in range(min(count, len(templates))):
        title, message = templates[(day + i) % len(templates)]
        role, other = titles[(day + i) % len(titles)], titles[(day + i + 1) % len(titles)]
        out.append({"title": title, "message": message.format(role=role, other=other)})
    return out
