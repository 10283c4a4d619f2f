"""The tips phrasing data: handlers/tips.yaml, read and validated once."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import ValidationError

from handlers.tips import TipSpec
from knowledge.load import KnowledgeError, read_yaml

__all__ = ["SPEC_PATH", "load_spec"]

SPEC_PATH = Path(__file__).resolve().parent / "tips.yaml"


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> TipSpec:
    """The tip spec; raise KnowledgeError (one line) if the file is missing or malformed."""
    data = read_yaml(path)
    try:
        return TipSpec.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise KnowledgeError(f"{path}: field {where}: {first['msg']}") from None
