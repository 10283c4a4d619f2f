"""Tips: the pool drawn from the knowledge base and each channel's rotation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import handlers
from handlers.render import escape
from handlers.tips import ACTION_ID, Rotation, TipSpec, build_pool
from handlers.tips_data import load_spec
from knowledge.load import KnowledgeError, load
from knowledge.models import Group, Item, Section
from tests.tips_kb import ROLES, TOPICS, make_kb

SPEC = load_spec()


def pool(per_topic: int = 5):
    return build_pool(make_kb(per_topic), SPEC)


class TestSpec:
    def test_packaged_spec_names_known_topics(self):
        """Every topic in tips.yaml is a topic of the catalog."""
        assert set(SPEC.topics) <= set(TOPICS)
        assert {"best-practices", "soft-skills", "career", "challenges", "trends", "requirements"} <= set(
            SPEC.topics
        )

    def test_templates_use_only_known_placeholders(self):
        """Every template formats with the placeholders the builder supplies."""
        names = dict(emoji="e", role="r", roles="rs", topic="t", topic_lower="t", query="q")
        for template in (SPEC.header, SPEC.more, SPEC.button, *(s.lead for s in SPEC.topics.values())):
            template.format(**names)

    def test_a_malformed_spec_is_one_line(self, tmp_path):
        """A spec with a wrong field fails with one line naming the file and field."""
        path = tmp_path / "tips.yaml"
        path.write_text("epoch: someday\nheader: h\nmore: m\nbutton: b\ntopics: {}\n")
        with pytest.raises(KnowledgeError, match=r"tips.yaml: field epoch") as info:
            load_spec(path)
        assert "\n" not in str(info.value)


class TestBuildPool:
    def test_draws_only_from_the_spec_topics(self):
        """Salary, overview and the other non-tip topics give no tips."""
        topics = {t.topic for t in pool()}
        assert topics == set(SPEC.topics)
        assert {t.role for t in pool()} == set(ROLES)

    def test_size_is_one_tip_per_heading(self):
        """Each headed group (or labeled item) is one tip: 5 roles x 6 topics x 5."""
        assert len(pool()) == 5 * len(SPEC.topics) * 5

    def test_keys_are_unique_and_stable(self):
        """Tip keys are unique and the same on every build."""
        keys = [t.key for t in pool()]
        assert len(set(keys)) == len(keys)
        assert keys == [t.key for t in pool()]

    def test_tip_names_role_topic_and_how_to_learn_more(self):
        """A tip's text names the role title, the topic title and a /role query."""
        tip = next(t for t in pool() if t.role == "mlops-engineer" and t.topic == "career")
        assert "MLOps Engineer" in tip.text and "Career Development" in tip.text
        assert tip.text.rstrip().endswith("`/role mlops-engineer career`")
        assert tip.query == "mlops-engineer career"

    def test_blocks_carry_a_button_with_the_query(self):
        """The blocks end with a rolebot:tip button whose value is the query."""
        tip = pool()[0]
        button = tip.blocks[-1]["elements"][0]
        assert button["action_id"] == ACTION_ID and button["value"] == tip.query
        assert len(button["text"]["text"]) <= 75
        assert all(len(b["text"]["text"]) <= 3000 for b in tip.blocks if b["type"] == "section")

    def test_challenges_keep_challenge_and_solution(self):
        """A challenge tip shows both its challenge and its solution."""
        tip = next(t for t in pool() if t.topic == "challenges")
        assert "*Challenge:*" in tip.text and "*Solution:*" in tip.text

    def test_knowledge_text_is_escaped(self):
        """Angle brackets and ampersands from the documents cannot form Slack markup."""
        tip = next(t for t in pool() if t.topic == "challenges")
        assert "&amp; &lt;verify&gt;" in tip.text and "<verify>" not in tip.text

    def test_points_are_capped(self):
        """A long group gives at most max_points bullets."""
        kb = make_kb(1)
        role = kb.roles["mlops-engineer"]
        many = Group(heading="Many", items=tuple(Item(text=f"do thing {i} well") for i in range(9)))
        sections = tuple(
            Section(topic=s.topic, heading=s.heading, groups=(many,)) if s.topic == "trends" else s
            for s in role.sections
        )
        kb = kb.model_copy(
            update={"roles": {"mlops-engineer": role.model_copy(update={"sections": sections})}}
        )
        tip = next(t for t in build_pool(kb, SPEC) if t.topic == "trends")
        assert tip.text.count("\n• ") == SPEC.max_points

    def test_duplicates_are_dropped(self):
        """The same heading and points twice in a section is one tip."""
        kb = make_kb(1, {"mlops-engineer": "MLOps Engineer"})
        role = kb.roles["mlops-engineer"]
        sections = tuple(
            s.model_copy(update={"groups": s.groups * 2}) if s.topic == "trends" else s for s in role.sections
        )
        kb = kb.model_copy(
            update={"roles": {"mlops-engineer": role.model_copy(update={"sections": sections})}}
        )
        assert sum(t.topic == "trends" for t in build_pool(kb, SPEC)) == 1

    def test_a_spec_with_other_templates_is_obeyed(self):
        """The phrasing comes from the spec, not from code."""
        spec = TipSpec.model_validate(SPEC.model_dump() | {"header": "HEADER {role}"})
        assert build_pool(make_kb(1), spec)[0].text.startswith("HEADER ")


class TestEscape:
    def test_ampersand_first(self):
        """& is escaped before < and > so entities are not double-escaped."""
        assert escape("a & <b>") == "a &amp; &lt;b&gt;"


class TestRotation:
    epoch = SPEC.epoch

    def days(self, rot, channel, n, start=None):
        start = start or self.epoch
        return [rot.tip(channel, start + timedelta(days=i)) for i in range(n)]

    def test_is_deterministic(self):
        """Two rotations of the same pool agree on every day."""
        a, b = Rotation(pool(), self.epoch), Rotation(pool(), self.epoch)
        assert self.days(a, "C1", 60) == self.days(b, "C1", 60)

    def test_no_repeat_until_the_pool_is_used_up(self):
        """Any len(pool) consecutive days show each tip exactly once, whatever the start."""
        rot = Rotation(pool(), self.epoch)
        n = len(rot)
        for start in (self.epoch, self.epoch + timedelta(days=n // 3), date(2031, 5, 17)):
            keys = [t.key for t in self.days(rot, "C1", n, start)]
            assert sorted(keys) == sorted(t.key for t in rot.pool)

    def test_roles_differ_across_the_wrap_around(self):
        """The last tip of a round and the first of the next are about different roles."""
        rot = Rotation(pool(1), self.epoch)
        for channel in (f"C{i}" for i in range(100)):
            order = rot.order(channel)
            assert rot.pool[order[-1]].role != rot.pool[order[0]].role

    def test_channels_differ_on_most_days(self):
        """Two channels get different tips on at least 90% of days."""
        rot = Rotation(pool(), self.epoch)
        a, b = self.days(rot, "C1", 300), self.days(rot, "C2", 300)
        assert sum(x != y for x, y in zip(a, b, strict=True)) >= 270

    def test_roles_alternate_day_to_day(self):
        """No channel gets the same role two days running, round after round."""
        rot = Rotation(pool(), self.epoch)
        for channel in ("C9", "C10", "general"):
            tips = self.days(rot, channel, 2 * len(rot))
            assert all(x.role != y.role for x, y in zip(tips, tips[1:], strict=False))

    def test_topics_rotate(self):
        """Consecutive tips rarely share a topic, and no topic or role is away for long."""
        rot = Rotation(pool(), self.epoch)
        for channel in ("C9", "C10", "general"):
            tips = self.days(rot, channel, 2 * len(rot))
            same = sum(x.topic == y.topic for x, y in zip(tips, tips[1:], strict=False))
            assert same <= len(tips) // 50
            for attr, most in (("topic", 21), ("role", 14)):
                for value in {getattr(t, attr) for t in tips}:
                    seen = [i for i, t in enumerate(tips) if getattr(t, attr) == value]
                    assert max(b - a for a, b in zip(seen, seen[1:], strict=False)) <= most

    def test_uneven_pools_still_interleave_roles(self):
        """A role with many more tips is spread out, not bunched at the end."""
        tips = [t for t in pool() if t.role != "mlops-engineer" or t.topic == "trends"]
        rot = Rotation(tips, self.epoch)
        seq = self.days(rot, "C1", len(rot))
        mlops = [i for i, t in enumerate(seq) if t.role == "mlops-engineer"]
        assert max(mlops) - min(mlops) > len(seq) // 2
        assert all(x.role != y.role for x, y in zip(seq, seq[1:], strict=False))

    def test_days_before_the_epoch_work(self):
        """A date before the epoch still has a tip."""
        rot = Rotation(pool(), self.epoch)
        assert rot.tip("C1", self.epoch - timedelta(days=400)) in rot.pool

    def test_empty_pool_is_an_error(self):
        """An empty pool raises ValueError instead of dividing by zero."""
        with pytest.raises(ValueError):
            Rotation((), self.epoch).tip("C1", date(2025, 1, 1))


@pytest.fixture(scope="module")
def real():
    """The packaged knowledge base and its pool."""
    kb = load()
    return kb, build_pool(kb, SPEC)


class TestPackagedPool:
    """The pool drawn from the real knowledge base (knowledge/data)."""

    def test_every_role_and_tip_topic_contributes(self, real):
        """All five roles and every tip topic give at least a handful of tips."""
        _, tips = real
        for attr in ("role", "topic"):
            counts = {getattr(t, attr): 0 for t in tips}
            for t in tips:
                counts[getattr(t, attr)] += 1
            assert len(counts) == (5 if attr == "role" else len(SPEC.topics))
            assert min(counts.values()) >= 5

    def test_tips_are_short_and_complete(self, real):
        """Each tip has a heading, one to max_points bullets, and fits one Slack section."""
        _, tips = real
        for tip in tips:
            assert tip.heading and 1 <= len(tip.points) <= SPEC.max_points
            assert len(tip.text) < 1500 and not tip.text.endswith("…")

    def test_learn_more_queries_answer_that_role_and_topic(self, real):
        """The button's query, asked of the bot, answers about the tip's role and topic."""
        kb, tips = real
        for query in {t.query for t in tips}:
            reply = handlers.ask(query, kb)
            role, topic = query.split()
            assert reply.intent == "answer" and reply.roles == (role,) and reply.topic == topic
