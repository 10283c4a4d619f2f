"""Small hand-built knowledge bases for the tips tests (no dependency on knowledge/data)."""

from __future__ import annotations

from knowledge.models import Group, Item, KnowledgeBase, Role, Section, Topic

__all__ = ["ROLES", "TOPICS", "make_kb"]

ROLES = {
    "production-ai-engineer": "Production AI Engineer",
    "ai-ml-engineer": "AI/ML Engineer",
    "ai-systems-engineer": "AI Systems Engineer",
    "mlops-engineer": "MLOps Engineer",
    "ml-platform-engineer": "AI/ML Platform Engineer",
}
TOPICS = {
    "overview": "Overview",
    "responsibilities": "Responsibilities",
    "requirements": "Requirements",
    "career": "Career Development",
    "demand": "Market Demand",
    "salary": "Salary",
    "trends": "Industry Trends",
    "soft-skills": "Soft Skills",
    "best-practices": "Best Practices",
    "challenges": "Common Challenges",
}


def _section(role: str, topic: str, n: int) -> Section:
    if topic == "soft-skills":  # one headless group of labeled items
        items = tuple(Item(label=f"Skill {i}", text=f"Practise skill {i} as {role} daily") for i in range(n))
        return Section(topic=topic, heading=topic, groups=(Group(items=items),))
    if topic == "challenges":  # challenge/solution pairs under headings
        groups = tuple(
            Group(
                heading=f"Challenge area {i}",
                items=(
                    Item(label="Challenge", text=f"Problem {i} for {role}"),
                    Item(label="Solution", text=f"Fix {i} & <verify> it"),
                ),
            )
            for i in range(n)
        )
        return Section(topic=topic, heading=topic, groups=groups)
    groups = tuple(
        Group(
            heading=f"{topic} point {i}",
            items=(
                Item(text=f"First advice {i} about {topic} for {role}"),
                Item(text=f"Second advice {i} about {topic} for {role}"),
            ),
        )
        for i in range(n)
    )
    return Section(topic=topic, heading=topic, intro=("Intro text.",), groups=groups)


def make_kb(per_topic: int = 5, roles: dict[str, str] | None = None) -> KnowledgeBase:
    """Roles x ten topics; each tip topic has `per_topic` candidate tips."""
    roles = ROLES if roles is None else roles
    return KnowledgeBase(
        roles={
            rid: Role(
                id=rid,
                title=title,
                source=f"{rid}.txt",
                sections=tuple(_section(rid, t, per_topic) for t in TOPICS),
            )
            for rid, title in roles.items()
        },
        topics={t: Topic(id=t, heading=title, title=title) for t, title in TOPICS.items()},
    )
