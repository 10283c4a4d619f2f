"""Daily career tips: the pool drawn from the knowledge base and each channel's rotation.

Pure: no clock, no I/O. The phrasing comes in as a TipSpec (handlers/tips.yaml, read by
handlers.tips_data); the day comes in as a date.

Rotation: each channel gets its own seeded order of the whole pool (a permutation), and its
n-th post shows position n % len(pool) (`nth`; the posts are counted by the tips store, so a
channel posting on weekdays only still goes through the whole pool before any tip repeats).
`tip(channel, day)` is the date-based form (day n since `spec.epoch` shows position n): any
len(pool) consecutive days show every tip once. Channels get different tips; the order interleaves
roles (never the same role two days running, also across the wrap-around, while another role
has tips left) and spreads each role's topics out (never the same topic two days running when
it can be helped).
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from handlers.render import button, escape, section_blocks
from knowledge.models import Group, Item, KnowledgeBase, Role, Section

__all__ = [
    "ACTION_ID",
    "Rotation",
    "Tip",
    "TipSpec",
    "TopicStyle",
    "build_pool",
]

ACTION_ID = "rolebot:tip"
_MIN_WORDS = 4


class TopicStyle(BaseModel):
    """How tips from one topic are introduced."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    emoji: str
    lead: str


class TipSpec(BaseModel):
    """The phrasing and sources of tips (handlers/tips.yaml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    epoch: date
    max_points: int = 4
    header: str
    more: str
    button: str
    topics: dict[str, TopicStyle]


@dataclass(frozen=True)
class Tip:
    """One self-contained tip: about one role and one topic, as mrkdwn text and blocks."""

    key: str
    role: str
    topic: str
    heading: str | None
    points: tuple[str, ...]
    text: str
    query: str
    blocks: tuple[dict[str, Any], ...] = field(default=(), compare=False, hash=False)


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(" :")


def _words(text: str) -> int:
    return len(text.split())


def _point(item: Item) -> str:
    text = escape(_clean(item.text))
    if item.label:
        text = f"*{escape(_clean(item.label))}:* {text}"
    if item.items:
        text += " (" + "; ".join(_point(child) for child in item.items) + ")"
    return text


# A candidate is (heading or None, points), before phrasing.
_Candidate = tuple[str | None, tuple[str, ...]]


def _item_candidates(item: Item) -> Iterator[_Candidate]:
    if item.items:
        if item.label:
            first = (escape(_clean(item.text)),) if item.text.strip() else ()
            yield _clean(item.label), first + tuple(_point(c) for c in item.items)
        else:
            yield _clean(item.text), tuple(_point(c) for c in item.items)
    elif item.label and _words(item.text) >= 2:
        yield _clean(item.label), (escape(_clean(item.text)),)
    elif not item.label and _words(item.text) >= _MIN_WORDS:
        yield None, (escape(_clean(item.text)),)


def _group_candidates(group: Group) -> Iterator[_Candidate]:
    if group.heading and (group.items or group.paragraphs):
        points = tuple(_point(i) for i in group.items) or tuple(escape(_clean(p)) for p in group.paragraphs)
        yield _clean(group.heading), points
    elif group.items:
        for item in group.items:
            yield from _item_candidates(item)
    for sub in group.groups:
        yield from _group_candidates(sub)


def _section_candidates(section: Section) -> Iterator[_Candidate]:
    for group in section.groups:
        yield from _group_candidates(group)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64] or "tip"


def _plural(title: str) -> str:
    return title if title.endswith("s") else title + "s"


def _phrase(spec: TipSpec, kb: KnowledgeBase, role: Role, topic: str, cand: _Candidate, key: str) -> Tip:
    heading, points = cand
    points = points[: spec.max_points]
    style = spec.topics[topic]
    topic_title = kb.topics[topic].title if topic in kb.topics else topic
    query = f"{role.id} {topic}"
    names = {
        "emoji": style.emoji,
        "role": escape(role.title),
        "roles": escape(_plural(role.title)),
        "topic": escape(topic_title),
        "topic_lower": topic_title.lower(),
        "query": query,
    }
    lead = style.lead.format(**names)
    lead += f": *{escape(heading)}*" if heading else ":"
    body = "\n".join([spec.header.format(**names), lead] + [f"• {p}" for p in points])
    more = spec.more.format(**names)
    text = f"{body}\n{more}"
    blocks = (
        *section_blocks(body),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": more}]},
        {"type": "actions", "elements": [button(spec.button.format(**names), ACTION_ID, query)]},
    )
    return Tip(key, role.id, topic, heading, points, text, query, blocks)


def build_pool(kb: KnowledgeBase, spec: TipSpec) -> tuple[Tip, ...]:
    """Every tip the knowledge base yields for the spec's topics, in document order."""
    pool: list[Tip] = []
    for role in kb.roles.values():
        for topic in spec.topics:
            try:
                section = role.section(topic)
            except KeyError:
                continue
            seen: set[tuple[str | None, tuple[str, ...]]] = set()
            keys: set[str] = set()
            for cand in _section_candidates(section):
                if not cand[1] or cand in seen:
                    continue
                seen.add(cand)
                base = f"{role.id}/{topic}/{_slug(cand[0] or cand[1][0])}"
                key, n = base, 2
                while key in keys:
                    key, n = f"{base}-{n}", n + 1
                keys.add(key)
                pool.append(_phrase(spec, kb, role, topic, cand, key))
    return tuple(pool)


def _seed(channel: str) -> int:
    digest = hashlib.sha256(f"rolebot-tips\0{channel}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class Rotation:
    """Which tip a channel gets on a day: a pure function of (pool, epoch, channel, date)."""

    def __init__(self, pool: Sequence[Tip], epoch: date) -> None:
        self.pool = tuple(pool)
        self.epoch = epoch
        self._order = functools.lru_cache(maxsize=1024)(self._compute)

    def __len__(self) -> int:
        return len(self.pool)

    def day_number(self, day: date) -> int:
        """Days since the epoch (negative before it)."""
        return (day - self.epoch).days

    def tip(self, channel: str, day: date) -> Tip:
        """The tip for channel on day counted from the epoch; ValueError if the pool is empty."""
        return self.nth(channel, self.day_number(day))

    def nth(self, channel: str, n: int) -> Tip:
        """The tip of channel's post number n (0: its first); ValueError if the pool is empty."""
        if not self.pool:
            raise ValueError("the tip pool is empty")
        return self.pool[self.order(channel)[n % len(self.pool)]]

    def order(self, channel: str) -> tuple[int, ...]:
        """The pool indices in the order channel sees them, day after day, round and round."""
        return self._order(channel)

    def _compute(self, channel: str) -> tuple[int, ...]:
        order = self._interleave(random.Random(_seed(channel)))
        return tuple(self._fix_wrap(order))

    def _fix_wrap(self, order: list[int]) -> list[int]:
        """Swap the last tip inward if its role equals the first's (the order wraps around)."""
        role = [self.pool[i].role for i in order]
        n = len(order)
        if n < 4 or role[-1] != role[0]:
            return order
        for j in range(1, n - 2):
            if role[j] not in (role[-2], role[0]) and role[-1] not in (role[j - 1], role[j + 1]):
                order[j], order[-1] = order[-1], order[j]
                break
        return order

    def _interleave(self, rng: random.Random) -> list[int]:
        buckets: dict[str, dict[str, list[int]]] = {}
        for i, tip in enumerate(self.pool):
            buckets.setdefault(tip.role, {}).setdefault(tip.topic, []).append(i)
        roles = sorted(buckets)
        rng.shuffle(roles)
        role_rank = {r: n for n, r in enumerate(roles)}
        topic_rank: dict[str, dict[str, int]] = {}
        for role in roles:
            topics = sorted(buckets[role])
            rng.shuffle(topics)
            topic_rank[role] = {t: n for n, t in enumerate(topics)}
            for topic in topics:
                rng.shuffle(buckets[role][topic])
        size = {r: sum(len(v) for v in buckets[r].values()) for r in roles}
        t_size: dict[str, int] = {}
        for tip in self.pool:
            t_size[tip.topic] = t_size.get(tip.topic, 0) + 1
        t_left = dict(t_size)
        left = dict(size)
        order: list[int] = []
        prev_role = prev_topic = None
        for remaining in range(len(self.pool), 0, -1):
            live = [r for r in roles if left[r]]
            choices = [r for r in live if r != prev_role] or live
            # A role holding more than half of what is left must go now, or it would end up
            # twice in a row later; otherwise the role furthest behind its even spread goes.
            forced = [r for r in choices if 2 * left[r] > remaining]
            # Each role's k-th tip is due near (k + jitter) / size: spread out, but channels
            # with different seeds do not march through the roles in lockstep.
            role = min(
                forced or choices,
                key=lambda r: ((size[r] - left[r] + rng.random()) / size[r], role_rank[r]),
            )
            live_t = [t for t, v in buckets[role].items() if v]
            # Topics likewise, counted over all roles, so every topic keeps coming round.
            topic = min(
                [t for t in live_t if t != prev_topic] or live_t,
                key=lambda t: ((t_size[t] - t_left[t] + rng.random()) / t_size[t], topic_rank[role][t]),
            )
            t_left[topic] -= 1
            order.append(buckets[role][topic].pop())
            left[role] -= 1
            prev_role, prev_topic = role, topic
        return order
