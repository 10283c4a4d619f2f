"""A compiled JSON twin of the YAML knowledge base, for a fast start without pydantic.

`python -m knowledge build` validates the YAML with pydantic and writes data/compiled.json as
two lines: a header `{"format", "stamps", "checksum"}` (the checksum of every YAML file it was
made from, and of the second line), then the knowledge base, the aliases, the documents'
words (`knowledge.text.doc_words`) and the alias phrases' forms (`knowledge.match.forms`) as one
JSON object, so a start need not gather them.

Loading uses the twin only while its stamps match the YAML files beside it (else the YAML is
read: a hand edit is never ignored). A twin that matches them but is damaged (unreadable
header, checksum mismatch, a shape the models do not have) is a KnowledgeError, one line,
never a wrong answer. The payload's checksum stands in for validating it again: it is exactly
what the build validated, so it is built straight into the plain model classes.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from knowledge.aliases import Aliases
from knowledge.files import KnowledgeError
from knowledge.match import Forms, forms
from knowledge.models import KnowledgeBase, Record
from knowledge.text import doc_words

__all__ = ["FORMAT", "Compiled", "checksum", "dumps", "read", "sources", "stamps"]

FORMAT = 4
_REBUILD = "rebuild it with `python -m knowledge build`"


class Compiled(Record):
    """What data/compiled.json holds."""

    stamps: dict[str, str]
    kb: KnowledgeBase
    aliases: Aliases
    words: tuple[str, ...]  # doc_words(kb), made at build time (a cold start saves ~3.5 ms)
    forms: Forms  # the alias phrases' words and keys, made at build time (saves ~5 ms)


def sources(here: Path, data_dir: Path) -> list[Path]:
    """The YAML files the knowledge base is made of."""
    asked = sorted((here / "asked").glob("*.yaml"))  # the index is made from them too
    return [here / "catalog.yaml", here / "aliases.yaml", *sorted(data_dir.glob("*.yaml")), *asked]


def checksum(data: bytes) -> str:
    """Length and CRC-32 of some bytes ("157160:1a2b3c4d").

    A check against accidents and hand edits, not an adversary (who could as well edit the
    code); zlib is loaded already, where hashlib's OpenSSL costs a cold start ~4 ms.
    """
    return f"{len(data)}:{zlib.crc32(data):08x}"


def stamps(paths: list[Path]) -> dict[str, str]:
    """file name -> checksum of its bytes (asked/<role>.yaml beside data/<role>.yaml)."""
    return {
        (f"asked/{p.name}" if p.parent.name == "asked" else p.name): checksum(p.read_bytes()) for p in paths
    }


def dumps(kb: KnowledgeBase, aliases: Aliases, made_from: dict[str, str]) -> str:
    """The text of compiled.json for a validated knowledge base (deterministic)."""
    data = {
        "kb": kb.model_dump(mode="json", exclude_defaults=True),
        "aliases": aliases.model_dump(mode="json"),
        "words": doc_words(kb),
        "forms": forms(aliases),
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    header = json.dumps({"format": FORMAT, "stamps": made_from, "checksum": checksum(payload.encode())})
    return f"{header}\n{payload}\n"


def read(path: Path, paths: list[Path]) -> Compiled | None:
    """The compiled knowledge base if it is there and made from these very files, else None.

    KnowledgeError (one line) when it is made from them but damaged.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc.strerror or exc}); {_REBUILD}") from None
    head, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(head)
        made_from, digest = header["stamps"], header["checksum"]
        if header["format"] != FORMAT:
            raise ValueError
    except (ValueError, TypeError, KeyError):
        raise KnowledgeError(f"{path}: corrupt header; {_REBUILD}") from None
    if made_from != stamps(paths):
        return None  # stale: the YAML was edited since the build
    if checksum(payload.rstrip(b"\n")) != digest:
        raise KnowledgeError(f"{path}: corrupt (checksum mismatch); {_REBUILD}")
    try:
        data = json.loads(payload)
        kb = KnowledgeBase.from_data(data["kb"])
        aliases = Aliases.from_data(data["aliases"])
        words = data["words"]
        if type(words) is not list or not all(type(w) is str for w in words):
            raise TypeError("words: expected a list of strings")
        words = tuple(words)
        said, keys = data["forms"]
        if type(said) is not dict or type(keys) is not dict:
            raise TypeError("forms: expected two objects")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise KnowledgeError(f"{path}: does not fit the models ({exc}); {_REBUILD}") from None
    return Compiled(stamps=made_from, kb=kb, aliases=aliases, words=words, forms=(said, keys))
