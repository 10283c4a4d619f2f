"""A compiled JSON twin of the YAML knowledge base, for a fast start.

`python -m knowledge build` writes data/compiled.json with the SHA-256 of every YAML
file it was made from. Loading uses it only while those stamps match the YAML files
beside it, and validates it through the same pydantic models; otherwise the YAML is
read. So the YAML stays the source of truth and a hand edit is never ignored.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.aliases import Aliases
from knowledge.models import KnowledgeBase

__all__ = ["Compiled", "read", "sources", "stamps"]


class Compiled(BaseModel):
    """What data/compiled.json holds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stamps: dict[str, str]
    kb: KnowledgeBase
    aliases: Aliases


def sources(here: Path, data_dir: Path) -> list[Path]:
    """The YAML files the knowledge base is made of."""
    return [here / "catalog.yaml", here / "aliases.yaml", *sorted(data_dir.glob("*.yaml"))]


def stamps(paths: list[Path]) -> dict[str, str]:
    """file name -> SHA-256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def read(path: Path, paths: list[Path]) -> Compiled | None:
    """The compiled knowledge base if it is there, valid and made from these very files."""
    try:
        raw = path.read_bytes()
        current = stamps(paths)
        compiled = Compiled.model_validate_json(raw)
    except (OSError, ValidationError, ValueError):
        return None
    return compiled if compiled.stamps == current else None
