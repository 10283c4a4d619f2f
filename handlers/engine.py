"""What answering needs, built once per knowledge base: matcher and rendered sections."""

from __future__ import annotations

import functools
from collections import OrderedDict

from handlers.evidence import Evidence
from handlers.render import section_blocks, section_text
from handlers.reply import Reply
from knowledge.aliases import Aliases
from knowledge.index import Index, Line
from knowledge.intent import Model
from knowledge.load import load, load_aliases, load_forms, load_index, load_intent, load_words, load_work
from knowledge.match import Matcher
from knowledge.models import KnowledgeBase
from knowledge.patterns import Lazy

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["Engine"]

_KEPT = 512
_SENTENCE = Lazy(r"(?<=[.!?])\s+(?=[A-Z])")


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
        self.matcher = Matcher(aliases, words, load_forms(aliases))
        self._synonyms = aliases.synonyms
        self._words = words
        self._evidence: Evidence | None = None
        self.label_topics = aliases.label_topics
        self.advice = aliases.advice
        self.replies: dict[tuple[str, str], Reply] = {}  # plain section replies (handlers.replies)
        # what depends on role and topic only (digests, briefs), least recently used dropped first
        self.kept: OrderedDict[tuple[str, ...], Any] = OrderedDict()

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
        """make(), kept under `key`; past 512 things the least recently used goes (a bound: what a
        key names is finite, but hostile focus combinations must not grow a server's memory, nor
        crowd out what every question reads, such as the skills table)."""
        found = self.kept.get(key)
        if found is None:
            found = self.kept[key] = make()
            if len(self.kept) > _KEPT:
                self.kept.popitem(last=False)
        else:
            self.kept.move_to_end(key)
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
    def own_heading(self, role_id: str, topic_id: str) -> str | None:
        """The heading of a section's one list headed by the role's own kind, when it is not the
        first list ("Platform Engineers" after "AI Engineers" in the platform engineer's pay):
        answers put it first."""
        groups = self.kb.roles[role_id].section(topic_id).groups
        own = [
            g.heading
            for g in groups
            if g.heading
            and g.heading.lower().rstrip(": ").endswith(("engineer", "engineers"))
            and self.matcher.match(g.heading).roles == (role_id,)
        ]
        return own[0] if len(own) == 1 and groups[0].heading != own[0] else None

    @functools.lru_cache(maxsize=128)  # noqa: B019
    def section_text(self, role_id: str, topic_id: str) -> str:
        """The mrkdwn of one role's section, the list headed by the role's own kind first."""
        section = self.kb.roles[role_id].section(topic_id)
        own = self.own_heading(role_id, topic_id)
        if own is not None:
            first = [g for g in section.groups if g.heading == own]
            section = section.model_copy(
                update={"groups": [*first, *(g for g in section.groups if g.heading != own)]}
            )
        return section_text(section)

    def section_lines(self, role_id: str, topic_id: str) -> list[Line]:
        """The index's lines of one section in reading order: its opening, then the list headed by
        the role's own kind (own_heading), then the rest in document order."""
        lines = self.evidence.index.section(role_id, topic_id)
        own = self.own_heading(role_id, topic_id)
        if own is None:
            return lines
        opening = [ln for ln in lines if not ln.path]
        first = [ln for ln in lines if ln.path[:1] == (own,)]
        return [*opening, *first, *(ln for ln in lines if ln.path and ln.path[:1] != (own,))]

    @functools.lru_cache(maxsize=128)  # noqa: B019
    def body_blocks(self, role_id: str, topic_id: str) -> tuple[dict, ...]:
        """The section blocks of one role's section (shared: treat as read-only)."""
        return tuple(section_blocks(self.section_text(role_id, topic_id)))

    def one_liner(self, role_id: str) -> str:
        """The first sentence of the role's overview."""
        intro = self.kb.roles[role_id].section("overview").intro
        return _SENTENCE.split(intro[0])[0] if intro else self.kb.roles[role_id].title
