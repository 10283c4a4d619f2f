"""pydantic mirrors of the knowledge records, to validate data where it comes in (YAML, the build).

Imported only there: answering from the compiled twin never loads pydantic. Each record
class gets a frozen pydantic model with the same fields, types and defaults (extra fields
forbidden); validated data is then built into the plain record (Record.from_data).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from knowledge.files import KnowledgeError
from knowledge.models import Record
from knowledge.patterns import Lazy

__all__ = ["mirror", "validate"]

_MIRRORS: dict[type[Record], type[BaseModel]] = {}
_NAME = Lazy(r"[A-Za-z_]\w*")


def mirror(record: type[Record]) -> type[BaseModel]:
    """The pydantic model of a record class (made once)."""
    if record in _MIRRORS:
        return _MIRRORS[record]
    config = ConfigDict(extra="forbid", frozen=True, strict=record._strict)
    fields: dict[str, Any] = {
        name: (record.__annotations__[name], record._defaults.get(name, ...)) for name in record._fields
    }
    model = _MIRRORS[record] = create_model(record.__name__, __config__=config, **fields)
    namespace = vars(sys.modules[record.__module__])
    names = {w for hint in record.__annotations__.values() for w in _NAME.findall(hint)}
    types = {}
    for name in names & namespace.keys():
        value = namespace[name]
        nested = isinstance(value, type) and issubclass(value, Record)
        types[name] = mirror(value) if nested else value
    model.model_rebuild(_types_namespace=types)
    return model


def validate(record: type[Record], data: Any, path: Path | None = None):
    """`data` validated by pydantic and built into `record`; a fault is one KnowledgeError."""
    try:
        checked = mirror(record).model_validate(_as_data(data))
    except ValidationError as exc:
        errors = exc.errors()
        shown = "; ".join(
            f"field {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in errors[:3]
        )
        more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
        raise KnowledgeError(f"{path}: {shown}{more}" if path else f"{shown}{more}") from None
    return record.from_data(checked.model_dump(mode="json"))


def _as_data(value: Any) -> Any:
    """Records inside `data` (the parser passes some) as the dicts pydantic validates."""
    if isinstance(value, Record):
        return value.model_dump()
    if isinstance(value, dict):
        return {k: _as_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_as_data(v) for v in value]
    return value
