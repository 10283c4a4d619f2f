"""What answering needs, built once per knowledge base: matcher and rendered sections."""

from __future__ import annotations

import functools
import re

from handlers.evidence import Evidence
from handlers.render import section_blocks, section_text
from handlers.reply import Reply
from knowledge.aliases import Aliases
from knowledge.index import Index
from knowledge.intent import Model
from knowledge.load import load, load_aliases, load_index, load_intent, load_words, load_work
from knowledge.match import Matcher
from knowledge.models import KnowledgeBase

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["Engine"]

_KEPT = 512
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _sides(source: str) -> tuple[str, ...]:
    """A figure's source line, and its text after a `Label:` (how the index holds bullets)."""
    return (source, source.split(":", 1)[-1])


class Engine:
    """The knowledge base with its matcher; rendered sections are cached."""

    def __init__(self, kb: KnowledgeBase, aliases: Aliases | None = None) -> None:
        aliases = aliases or load_aliases()
        self.kb = kb
        self.role_ids = tuple(kb.roles)
        self.short_names = {rid: aliases.short_names.get(rid, rid) for rid in kb.roles}
        self.topic_titles = {tid: t.title for tid, t in kb.topics.items()}
        words = load_words(kb)  # the packaged knowledge base's were gathered at build time
        self.matcher = Matcher(aliases, words)
        self._synonyms = aliases.synonyms
        self._words = words
        self._evidence: Evidence | None = None
        self.label_topics = aliases.label_topics
        self.advice = aliases.advice
        self.replies: dict[tuple[str, str], Reply] = {}  # plain section replies (handlers.replies)
        self.kept: dict[tuple[str, ...], Any] = {}  # what depends on role and topic only (digests, briefs)

    @property
    def evidence(self) -> Evidence:
        """The search index and what is built on it, made on first use (natural questions)."""
        if self._evidence is None:
            index = load_index() if self.kb is load() else Index.build(self.kb)
            pay = {
                part.strip() for r in self.kb.roles.values() for f in r.salaries for part in _sides(f.source)
            }
            self._evidence = Evidence(index, self._synonyms, self._words, pay)
        return self._evidence

    def role_words(self, roles: tuple[str, ...]) -> frozenset[str]:
        """The words of these roles' own names ("ml", "platform", "ops")."""

        def make() -> frozenset[str]:
            names = self.matcher.aliases.role_phrases()
            return frozenset(w for r in roles for p in names.get(r, ()) for w in p.split())

        return self.keep(("role words", *roles), make)

    def keep(self, key: tuple[str, ...], make: Callable[[], Any]) -> Any:
        """make(), kept under `key` while fewer than 512 things are kept (a bound: what a key
        names is finite, but hostile focus combinations must not grow a server's memory)."""
        found = self.kept.get(key)
        if found is None:
            found = make()
            if len(self.kept) < _KEPT:
                self.kept[key] = found
        return found

    @property
    def intent(self) -> Model:
        """The intent model, read on first use (natural questions)."""
        return load_intent()

    @property
    def work(self) -> Model:
        """The work model (which role the work a message tells is), read on first use."""
        return load_work()

    @functools.lru_cache(maxsize=128)  # noqa: B019 (one engine per knowledge base, kept for the process)
    def section_text(self, role_id: str, topic_id: str) -> str:
        """The mrkdwn of one role's section; a list headed by the role's own kind comes first (the
        platform engineer's pay: "Platform Engineers" before "AI Engineers")."""
        section = self.kb.roles[role_id].section(topic_id)
        own = [
            g
            for g in section.groups
            if (g.heading or "").lower().rstrip(": ").endswith(("engineer", "engineers"))
            and self.matcher.match(g.heading).roles == (role_id,)
        ]
        if len(own) == 1 and section.groups[0] is not own[0]:
            rest = [g for g in section.groups if g is not own[0]]
            section = section.model_copy(update={"groups": [own[0], *rest]})
        return section_text(section)

    @functools.lru_cache(maxsize=128)  # noqa: B019
    def body_blocks(self, role_id: str, topic_id: str) -> tuple[dict, ...]:
        """The section blocks of one role's section (shared: treat as read-only)."""
        return tuple(section_blocks(self.section_text(role_id, topic_id)))

    def one_liner(self, role_id: str) -> str:
        """The first sentence of the role's overview."""
        intro = self.kb.roles[role_id].section("overview").intro
        return _SENTENCE.split(intro[0])[0] if intro else self.kb.roles[role_id].title
