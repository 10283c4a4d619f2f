"""One role document's text -> Role. Pure: no I/O beyond the packaged parse rules."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.models import Group, Item, Role, Section, Topic
from knowledge.patterns import Lazy
from knowledge.salary import figures
from knowledge.schema import validate
from knowledge.text import to_text
from knowledge.tokens import Token, rules, title_like, tokenize

__all__ = ["ParseError", "heading_lines", "parse", "to_text"]


_LABEL = Lazy(r"^([^:]{1,80}?): (\S.*)$")


class ParseError(ValueError):
    """The document lacks the structure every role document has."""


def _split_sections(lines: list[str], topics: Iterable[Topic]) -> list[tuple[Topic, list[str]]]:
    starts: list[tuple[Topic, int]] = []
    pos = 0
    for topic in topics:
        try:
            pos = lines.index(topic.heading, pos)
        except ValueError:
            raise ParseError(f"no section heading {topic.heading!r}") from None
        starts.append((topic, pos))
        pos += 1
    ends = [i for _, i in starts[1:]] + [len(lines)]
    return [(topic, lines[i + 1 : end]) for (topic, i), end in zip(starts, ends, strict=True)]


def heading_lines(text: str) -> frozenset[str]:
    """The plain lines of a document that read as headings (to split glued headings)."""
    return frozenset(
        line
        for line in text.splitlines()
        if line and not line.startswith("- ") and title_like(line) and not line.endswith(".")
    )


def _item(text: str, children: tuple[Item, ...] = ()) -> Item:
    match = _LABEL.match(text)
    if match and len(match.group(1).split()) <= 8:
        return Item(label=match.group(1), text=match.group(2), items=children)
    return Item(text=text, items=children)


def _heading_bullet(text: str) -> bool:
    r = rules()
    return (
        title_like(text, r)
        and not any(c in text for c in ":,")
        and not any(c.isdigit() for c in text)
        and not text.endswith(".")
        and len(text.split()) <= r.max_bullet_heading_words
    )


def _header_flags(bullets: list[str]) -> list[bool]:
    """Which bullets head the bullets after them ("- Education" then "- Degree in ...")."""
    like = [_heading_bullet(b) for b in bullets]
    flags: list[bool] = []
    for i in range(len(bullets)):
        leaf_list_before = i > 0 and like[i - 1] and not flags[i - 1]
        flags.append(like[i] and i + 1 < len(bullets) and not like[i + 1] and not leaf_list_before)
    # A run either opens with a heading bullet or has none ("Specialization within AI and ML").
    return flags if flags and flags[0] else [False] * len(bullets)


def _items(bullets: list[str]) -> tuple[Item, ...]:
    """Bullets -> items; a bullet ending with ':' takes the bullets it introduces."""
    out: list[Item] = []
    i = 0
    while i < len(bullets):
        text = bullets[i]
        j = i + 1
        if text.endswith(":") and j < len(bullets) and not bullets[j].endswith(":"):
            sentences = bullets[j].endswith(".")
            while j < len(bullets) and not bullets[j].endswith(":"):
                if bullets[j].endswith(".") and not sentences:
                    break
                j += 1
        out.append(_item(text, tuple(_item(c) for c in bullets[i + 1 : j])))
        i = j
    return tuple(out)


def _run(bullets: list[str]) -> tuple[tuple[Item, ...], list[Group]]:
    """A run of bullets -> (leading items, groups headed by bullet headings)."""
    flags = _header_flags(bullets)
    heads = [i for i, f in enumerate(flags) if f] + [len(bullets)]
    lead = _items(bullets[: heads[0]])
    groups = [
        Group(heading=bullets[h], items=_items(bullets[h + 1 : nxt]))
        for h, nxt in zip(heads, heads[1:], strict=False)
    ]
    return lead, groups


class _Builder:
    """Accumulates tokens into a Section, preserving their order."""

    def __init__(self) -> None:
        self.intro: list[str] = []
        self.groups: list[dict] = []
        self.summary: list[str] = []

    def _group(self, **fields) -> dict:
        group = {"heading": None, "number": None, "paragraphs": [], "items": (), "groups": []}
        group.update(fields)
        self.groups.append(group)
        return group

    def heading(self, token: Token) -> None:
        self._group(heading=token.text, number=token.number)

    def paragraph(self, text: str) -> None:
        last = self.groups[-1] if self.groups else None
        if last is None:
            self.intro.append(text)
        elif last["items"] or last["groups"]:
            self._group(paragraphs=[text])
        else:
            last["paragraphs"].append(text)

    def bullets(self, run: list[str]) -> None:
        lead, groups = _run(run)
        last = self.groups[-1] if self.groups else None
        if last is None or last["items"] or last["groups"]:
            if lead or not groups:
                self._group(items=lead)
            self.groups.extend(g.model_dump() for g in groups)
            return
        last["items"] = lead
        last["groups"] = [g.model_dump() for g in groups]

    def section(self, topic: Topic) -> Section:
        return validate(
            Section,
            {
                "topic": topic.id,
                "heading": topic.heading,
                "intro": self.intro,
                "groups": self.groups,
                "summary": self.summary,
            },
        )


def _section(topic: Topic, lines: list[str], known: frozenset[str]) -> Section:
    builder = _Builder()
    run: list[str] = []
    for token in tokenize([ln for ln in lines if ln.strip()], known):
        if token.kind == "bullet":
            run.append(token.text)
            continue
        if run:
            builder.bullets(run)
            run = []
        if token.kind == "heading":
            builder.heading(token)
        elif token.kind == "summary":
            builder.summary.append(token.text)
        else:
            builder.paragraph(token.text)
    if run:
        builder.bullets(run)
    return builder.section(topic)


def parse(
    text: str,
    *,
    role_id: str,
    title: str,
    source: str,
    topics: Iterable[Topic],
    known_headings: frozenset[str] = frozenset(),
) -> Role:
    """Parse one role document; `known_headings` are heading lines seen in any document."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    sections = tuple(
        _section(topic, body, known_headings | heading_lines(text))
        for topic, body in _split_sections(lines, topics)
    )
    role = Role(id=role_id, title=title, source=source, sections=sections)
    return role.model_copy(update={"salaries": figures(role)})
