"""Lines of a role document -> tokens (heading, paragraph, bullet, summary).

The documents flatten their hierarchy and glue headings and summaries onto
the end of other lines; this module undoes the gluing, line by line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.patterns import Lazy

__all__ = ["Rules", "Token", "rules", "title_like", "tokenize"]

_MONEY_OR_NUMBER = Lazy(r"^~?(?:US)?\$?\d[\d,.]*\+?%?$")
_NUMBERED = Lazy(r"^(\d{1,2})\. (.+)$")


@dataclass(frozen=True)
class Rules:
    """The parse rules of parse_rules.yaml."""

    function_words: frozenset[str]
    abbreviations: frozenset[str]
    summary_opener: re.Pattern[str]
    max_bullet_heading_words: int
    max_heading_words: int
    max_glued_heading_words: int


@functools.cache
def rules() -> Rules:
    """Read parse_rules.yaml once."""
    data = yaml.safe_load((Path(__file__).parent / "parse_rules.yaml").read_text("utf-8"))
    openers = "|".join(f"(?:{o})" for o in data["summary_openers"])
    return Rules(
        function_words=frozenset(w.lower() for w in data["function_words"]),
        abbreviations=frozenset(data["abbreviations"]),
        summary_opener=re.compile(rf"(?:^|(?<=[.!?)] )|(?<=[A-Za-z0-9%] ))(?:{openers})"),
        max_bullet_heading_words=data["max_bullet_heading_words"],
        max_heading_words=data["max_heading_words"],
        max_glued_heading_words=data["max_glued_heading_words"],
    )


@dataclass(frozen=True)
class Token:
    """One structural piece: kind is heading, paragraph, bullet or summary."""

    kind: str
    text: str
    number: int | None = None


def _title_word(word: str, r: Rules) -> bool:
    core = word.strip("()[]\"'")
    if not core or core.lower() in r.function_words:
        return True
    return not core[0].isalpha() or core[0].isupper()


def title_like(text: str, r: Rules | None = None) -> bool:
    """True when every word is capitalized, a number or a small function word."""
    r = r or rules()
    words = text.rstrip(":").split()
    return bool(words) and all(_title_word(w, r) for w in words)


def _is_function(word: str, r: Rules) -> bool:
    return word.strip("(").lower() in r.function_words


def _glue_boundary(prev: str, in_bullet: bool, r: Rules) -> bool:
    """May a heading start right after the word `prev`?"""
    if prev.endswith(".") and prev not in r.abbreviations:
        return True
    if prev.endswith(")") or _MONEY_OR_NUMBER.match(prev):
        return True
    if prev.endswith(":"):
        return not in_bullet
    return prev.isalpha() and prev.islower() and not _is_function(prev, r)


def _trailing_paren(words: list[str]) -> int:
    """Index where a trailing "(...)" or "(...):" group starts, else len(words)."""
    if not words or not words[-1].rstrip(":").endswith(")"):
        return len(words)
    for i in range(len(words) - 1, -1, -1):
        if words[i].startswith("("):
            return i
    return len(words)


def _split_known(run: list[str], known: frozenset[str]) -> list[str]:
    """Split a run of heading words where it starts with a heading seen on its own line."""
    for cut in range(len(run) - 1, 0, -1):
        head = " ".join(run[:cut])
        rest = run[cut:]
        if head in known and rest[0][:1].isupper():
            return [head, " ".join(rest)]
    return [" ".join(run)]


def _title_tail(words: list[str], in_bullet: bool, r: Rules) -> int | None:
    """Start of a glued Title Case heading at the end of `words`, if any."""
    end = _trailing_paren(words)
    start = end
    while start > 0:
        w = words[start - 1]
        if "," in w or ";" in w or w.endswith(".") or (w.endswith(":") and start != len(words)):
            break
        if not _title_word(w, r):
            break
        start -= 1
    while start < end and _is_function(words[start], r):
        start += 1
    if start == 0 or not 2 <= end - start <= r.max_glued_heading_words:
        return None
    run = words[start:end]
    if not run[0][:1].isupper() or all(w.isupper() or _is_function(w, r) for w in run):
        return None
    if not _glue_boundary(words[start - 1], in_bullet, r):
        return None
    return start


def _sentence_tail(words: list[str], r: Rules) -> int | None:
    """Start of a glued sentence-case lead-in ("Technical skills required:") ending a bullet."""
    if not words or not words[-1].endswith(":"):
        return None
    start = len(words) - 1
    while start > 0 and words[start].islower() and "," not in words[start]:
        start -= 1
    first, count = words[start], len(words) - start
    if start == 0 or not 2 <= count <= 7 or not first[:1].isupper() or first.isupper():
        return None
    prev = words[start - 1]
    if _is_function(prev, r) or prev.isupper() or prev.endswith((",", ":")):
        return None
    return start


def split_glued_heading(text: str, in_bullet: bool, known: frozenset[str]) -> tuple[str, list[str]]:
    """Split `text` into (what remains, [glued headings]) when headings end it."""
    r = rules()
    words = text.split(" ")
    start = _title_tail(words, in_bullet, r)
    if start is not None:
        return " ".join(words[:start]), _split_known(words[start:], known)
    if in_bullet:
        start = _sentence_tail(words, r)
        if start is not None:
            return " ".join(words[:start]), [" ".join(words[start:])]
    return text, []


def split_summary(text: str, in_bullet: bool) -> tuple[str, str | None]:
    """Split a section's last line into (content, glued closing summary or None).

    A bullet's summary starts at the first opener; a paragraph's at its start or
    else at the last opener (its first sentences belong to the paragraph).
    """
    starts = [
        m.start()
        for m in rules().summary_opener.finditer(text)
        if text.endswith(".") and len(text[m.start() :].split()) >= 8
    ]
    if not starts:
        return text, None
    cut = starts[0] if in_bullet or starts[0] == 0 else starts[-1]
    return text[:cut].rstrip(), text[cut:]


def _classify(line: str, r: Rules) -> Token:
    if line.startswith("- "):
        return Token("bullet", line[2:])
    numbered = _NUMBERED.match(line)
    if numbered and title_like(numbered.group(2), r):
        return Token("heading", numbered.group(2), int(numbered.group(1)))
    words = line.split()
    if title_like(line, r) and len(words) <= r.max_heading_words and not line.endswith("."):
        return Token("heading", line)
    return Token("paragraph", line)


def tokenize(lines: list[str], known: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of one section's body lines, with glued headings and summary split off."""
    r = rules()
    out: list[Token] = []
    for i, line in enumerate(lines):
        token = _classify(line, r)
        summary = None
        if i == len(lines) - 1 and token.kind != "heading":
            text, summary = split_summary(token.text, token.kind == "bullet")
            if not text:
                out.append(Token("summary", summary))
                continue
            token = Token(token.kind, text, token.number)
        glued: list[str] = []
        next_is_bullet = i + 1 < len(lines) and lines[i + 1].startswith("- ")
        if token.kind in ("bullet", "paragraph") and next_is_bullet:
            text, glued = split_glued_heading(token.text, token.kind == "bullet", known)
            token = Token(token.kind, text, token.number)
        out.append(token)
        out.extend(Token("heading", h) for h in glued)
        if summary:
            out.append(Token("summary", summary))
    return out
