"""Role aliases, topic synonyms and focus words (aliases.yaml), typed and validated."""

from __future__ import annotations

from pathlib import Path

from knowledge.files import read_yaml
from knowledge.models import Record

__all__ = ["Aliases", "read_aliases"]

_TOPIC_ID_WEIGHT = 10


class Aliases(Record):
    """The contents of aliases.yaml (a plain record: pydantic validates it when it is read)."""

    _strict = True

    roles: dict[str, list[str]]
    ambiguous: dict[str, list[str]]
    topics: dict[str, dict[str, int]]
    topic_names: list[str]
    compare_strong: list[str]
    compare_weak: list[str]
    roles_words: list[str]
    list_words: list[str]
    help_words: list[str]
    focus: dict[str, dict[str, list[str]]]
    stopwords: list[str]
    synonyms: dict[str, list[str]]
    thanks_words: list[str]
    beyond: list[str]
    weak_aliases: list[str]
    not_roles: list[str]
    not_topics: list[str] = []
    other_titles: dict[str, str]
    outside: dict[str, list[str]]
    context_openers: list[str]
    label_topics: dict[str, str]
    followup_roles: dict[str, str]
    work: dict[str, list[str]] = {}
    across_words: list[str]
    thread_across: list[str]
    ordinals: dict[str, int]
    advice: dict[str, dict[str, list[str]]]
    short_names: dict[str, str]
    word_lists: dict[str, list[str]] = {}
    foreign: dict[str, str] = {}

    def role_phrases(self) -> dict[str, list[str]]:
        """role id -> its phrases, the id itself first."""
        return {rid: [rid, *phrases] for rid, phrases in self.roles.items()}

    def topic_phrases(self) -> dict[str, dict[str, int]]:
        """topic id -> {phrase: weight}, the id itself with the top weight."""
        return {tid: {tid: _TOPIC_ID_WEIGHT, **words} for tid, words in self.topics.items()}


def read_aliases(path: Path) -> Aliases:
    """Read and validate one aliases file (KnowledgeError, one line, on any fault)."""
    from knowledge.schema import validate  # pydantic: only when the YAML is read

    return validate(Aliases, read_yaml(path), path)
