"""The parser recovers the structure a reader sees in the run-together seed text."""

from __future__ import annotations

import re

import pytest

from knowledge.models import Group, Section
from knowledge.parse import ParseError, parse
from knowledge.tokens import split_glued_heading, split_summary


def groups(section: Section) -> list[Group]:
    """Every group of a section, depth first."""
    out: list[Group] = []

    def walk(g: Group) -> None:
        out.append(g)
        for sub in g.groups:
            walk(sub)

    for g in section.groups:
        walk(g)
    return out


def headings(kb, role: str, topic: str) -> list[str]:
    return [g.heading for g in groups(kb.roles[role].section(topic)) if g.heading]


def group(kb, role: str, topic: str, heading: str) -> Group:
    return next(g for g in groups(kb.roles[role].section(topic)) if g.heading == heading)


def all_text(section: Section) -> list[str]:
    """Every item text (with label) of a section."""
    out = []

    def items(its):
        for it in its:
            out.append(f"{it.label}: {it.text}" if it.label else it.text)
            items(it.items)

    for g in groups(section):
        items(g.items)
    return out


class TestGluedHeadings:
    """Headings glued onto the end of the line before become real headings."""

    @pytest.mark.parametrize(
        ("line", "head", "glued"),
        [
            (
                "- While a Bachelor's degree is often the minimum requirement, a Master's in AI, ML, or "
                "related fields can provide a competitive edge. Skill Development",
                "- While a Bachelor's degree is often the minimum requirement, a Master's in AI, ML, or "
                "related fields can provide a competitive edge.",
                ["Skill Development"],
            ),
            (
                "- Other major recruiters include financial institutions (e.g., JPMorgan Chase, Goldman "
                "Sachs), healthcare companies (e.g., IBM, Athenahealth), and autonomous vehicle developers "
                "(e.g., Waymo, Tesla). Skills in High Demand",
                "- Other major recruiters include financial institutions (e.g., JPMorgan Chase, Goldman "
                "Sachs), healthcare companies (e.g., IBM, Athenahealth), and autonomous vehicle developers "
                "(e.g., Waymo, Tesla).",
                ["Skills in High Demand"],
            ),
            (
                "- Machine Learning Engineers: ~$189,477 Salary Ranges by Percentile",
                "- Machine Learning Engineers: ~$189,477",
                ["Salary Ranges by Percentile"],
            ),
            (
                "- Chicago, IL: $102,934 Additional Compensation",
                "- Chicago, IL: $102,934",
                ["Additional Compensation"],
            ),
            (
                "- Santa Monica, CA (21.8% above national average) City-Specific Average Salaries:",
                "- Santa Monica, CA (21.8% above national average)",
                ["City-Specific Average Salaries:"],
            ),
            (
                "- Specialization in high-demand areas (e.g., NLP, computer vision) Career Advancement",
                "- Specialization in high-demand areas (e.g., NLP, computer vision)",
                ["Career Advancement"],
            ),
            (
                "- Austin, TX: $156,831 - $187,683 per year Other Cities:",
                "- Austin, TX: $156,831 - $187,683 per year",
                ["Other Cities:"],
            ),
        ],
    )
    def test_title_case_heading_at_line_end(self, line, head, glued):
        """A Title Case heading after a sentence end, a figure or a parenthesis is split off."""
        assert split_glued_heading(line[2:], True, frozenset()) == (head[2:], glued)

    def test_two_headings_glued_together_split_where_a_known_heading_ends(self):
        """'Geographic Variations Top Paying Cities (...)' is two headings."""
        line = (
            "Top earners may make up to $338,000 annually Geographic Variations Top Paying "
            "Cities (above national average):"
        )
        known = frozenset({"Geographic Variations"})
        assert split_glued_heading(line, True, known) == (
            "Top earners may make up to $338,000 annually",
            ["Geographic Variations", "Top Paying Cities (above national average):"],
        )

    @pytest.mark.parametrize(
        ("line", "glued"),
        [
            (
                "Collaboration and Innovation: Working with cross-functional teams and staying updated on "
                "AI trends Technical skills required:",
                "Technical skills required:",
            ),
            (
                "Understanding of security practices Educational and experience requirements typically "
                "include:",
                "Educational and experience requirements typically include:",
            ),
            (
                "3-6 years of experience in managing ML projects, with 18+ months in MLOps Essential soft "
                "skills:",
                "Essential soft skills:",
            ),
        ],
    )
    def test_sentence_case_lead_in_ending_a_bullet(self, line, glued):
        """A lead-in ending in ':' glued onto a bullet becomes the next group's heading."""
        head, found = split_glued_heading(line, True, frozenset())
        assert found == [glued] and head + " " + glued == line

    def test_intro_paragraph_with_glued_heading(self):
        """A section intro ending '...in this field: Educational Foundation' loses the heading."""
        line = (
            "AI/ML Engineering offers a dynamic and rewarding career path with numerous "
            "opportunities for growth and specialization. Here's an overview of career "
            "development in this field: Educational Foundation"
        )
        head, found = split_glued_heading(line, False, frozenset())
        assert found == ["Educational Foundation"] and head.endswith("in this field:")

    @pytest.mark.parametrize(
        "line",
        [
            "Streaming: Familiarity with Apache Kafka and Spark Streaming",
            "Logging and Alerting: Experience with tools like Prometheus and ELK Stack",
            "Projected job growth: 23% between 2022 and 2032",
            "Specialization within AI and ML",
            "Master programming languages, particularly Python",
            "Experience with AI frameworks like TensorFlow, Keras, and PyTorch",
            "Develop solutions for specific AI domains such as Natural Language Processing or "
            "Computer Vision",
            "The average annual salary for AI Engineers varies by source:",
            "Machine Learning Engineers",
        ],
    )
    def test_proper_nouns_at_line_end_are_not_headings(self, line):
        """Names, acronyms and years ending a bullet stay in the bullet."""
        assert split_glued_heading(line, True, frozenset()) == (line, [])

    def test_glued_headings_are_real_groups_in_the_kb(self, kb):
        """The knowledge base has the glued headings as group headings, lines ending cleanly."""
        assert headings(kb, "ai-ml-engineer", "salary") == [
            "Average Salaries",
            "Salary Ranges by Experience",
            "Salary Ranges by Percentile",
            "Geographic Variations",
            "Top Paying Cities (above national average):",
            "City-Specific Average Salaries:",
            "Additional Compensation",
            "Factors Influencing Salaries",
            "Career Advancement",
        ]
        items = all_text(kb.roles["ai-ml-engineer"].section("salary"))
        assert "Machine Learning Engineers: ~$189,477" in items
        assert not any("Salary Ranges by Percentile" in t for t in items)
        assert "Key Players and Job Market Trends" in headings(kb, "ai-ml-engineer", "demand")


class TestGluedSummaries:
    """Summaries glued onto a section's last line stand on their own."""

    @pytest.mark.parametrize(
        ("role", "content_ends", "opener"),
        [
            ("production-ai-engineer", "ongoing education and skill development", "In summary,"),
            ("production-ai-engineer", "provide insights to stakeholders", "These responsibilities"),
            ("production-ai-engineer", "research publications (preferred)", "By meeting"),
            ("production-ai-engineer", "healthcare, finance, automotive, and more.", "By following"),
            (
                "production-ai-engineer",
                "Expansion of AI applications in emerging fields",
                "The market demand",
            ),
            ("ai-ml-engineer", "interpreting data to extract insights and make predictions.", "In summary,"),
            (
                "ai-ml-engineer",
                "applying AI/ML solutions across diverse industries.",
                "The AI/ML engineering",
            ),
            ("ai-ml-engineer", "Develop meaningful solutions within time constraints", "By combining"),
            (
                "ai-systems-engineer",
                "Educate team members on AI advancements and best practices",
                "AI Systems Engineers must",
            ),
            ("ai-systems-engineer", "regulatory requirements in AI", "Aspiring AI Systems Engineers"),
            (
                "ai-systems-engineer",
                "Mitigating potential workforce displacement due to automation",
                "Overcoming",
            ),
            (
                "mlops-engineer",
                "Willingness to learn and stay updated with evolving technologies",
                "By combining",
            ),
            (
                "ml-platform-engineer",
                "Maintaining motivation and focus in the face of setbacks",
                "Developing these",
            ),
            ("ml-platform-engineer", "Addressing operational bottlenecks", "By understanding"),
        ],
    )
    def test_real_last_lines(self, seeds, role, content_ends, opener):
        """The seed line holding `content_ends` is cut right after it, where the summary starts."""
        line = next(ln for ln in seeds[role].splitlines() if content_ends in ln)
        text = line[2:] if line.startswith("- ") else line
        head, summary = split_summary(text, line.startswith("- "))
        assert head.endswith(content_ends.rstrip()) and summary.startswith(opener)
        assert f"{head} {summary}" == text

    def test_a_last_bullet_without_summary_is_left_whole(self):
        """A plain last bullet (no closing summary) is not cut."""
        line = (
            "Organizations need clear AI use policies and governance frameworks to balance "
            "innovation and risk."
        )
        assert split_summary(line, True) == (line, None)

    def test_paragraph_keeps_its_own_sentences(self):
        """In a paragraph the summary is the last opener's sentence, not the first 'The ...'."""
        line = (
            "AI Systems Engineers typically hold a Bachelor's degree. The field offers various "
            "job titles and is known for its rapid growth. This role is crucial in bridging the "
            "gap between theory and practice."
        )
        head, summary = split_summary(line, False)
        assert head.endswith("rapid growth.") and summary.startswith("This role is crucial")

    def test_every_section_summary_in_the_kb(self, kb):
        """49 of the 50 sections close with a summary; 'evolving technologies By' is split."""
        missing = [(r.id, s.topic) for r in kb.roles.values() for s in r.sections if not s.summary]
        assert missing == [("ai-ml-engineer", "trends")]
        reqs = all_text(kb.roles["mlops-engineer"].section("requirements"))
        assert not any("By combining" in t for t in reqs)
        assert reqs[-1] == ("Adaptability: Willingness to learn and stay updated with evolving technologies")


class TestStructure:
    """Bullet headings, numbered headings, labels and nested items."""

    def test_bullet_headings_own_their_items(self, kb):
        """MLOps requirements: '- Education' then '- Degree in ...' is a group with its items."""
        education = group(kb, "mlops-engineer", "requirements", "Education")
        assert [i.text for i in education.items][0].startswith("Degree in Computer Science")
        assert headings(kb, "mlops-engineer", "requirements")[:3] == [
            "Education",
            "Technical Skills",
            "Data Management",
        ]

    def test_bullet_headings_nest_under_a_plain_heading(self, kb):
        """'Career Progression' holds 'Junior AI Engineer', 'AI Engineer', ... as sub-groups."""
        progression = group(kb, "production-ai-engineer", "career", "Career Progression")
        assert [g.heading for g in progression.groups] == [
            "Junior AI Engineer",
            "AI Engineer",
            "Senior AI Engineer",
            "Specialization and Leadership Roles",
        ]

    def test_numbered_headings_keep_their_number(self, kb):
        """'3. Data Preparation and Processing' is heading text plus number 3."""
        g = group(kb, "production-ai-engineer", "responsibilities", "Data Preparation and Processing")
        assert g.number == 3 and len(g.items) == 3

    def test_list_of_names_is_not_mistaken_for_headings(self, kb):
        """'Robotics Engineers' before 'Emerging roles: ...' stays an item of the list."""
        roles = group(kb, "production-ai-engineer", "demand", "High-Demand Roles")
        assert [i.label or i.text for i in roles.items][-2:] == ["Robotics Engineers", "Emerging roles"]

    def test_colon_bullets_take_the_bullets_they_introduce(self, kb):
        """'including:' is followed by its sector list; the next sentence is a sibling."""
        adoption = group(kb, "production-ai-engineer", "demand", "Industry-Wide Adoption")
        first, second = adoption.items
        assert [c.text for c in first.items] == [
            "Healthcare",
            "Automotive",
            "Finance",
            "Information Technology",
        ]
        assert second.text.startswith("North America leads")

    def test_labels_are_split(self, kb):
        """'Label: text' items keep the label apart."""
        item = group(kb, "mlops-engineer", "challenges", "Data Management").items[1]
        assert item.label == "Solution" and item.text.startswith("Centralize data storage")

    def test_missing_section_is_a_parse_error(self, kb):
        """A document without one of the ten headings is refused, naming the heading."""
        topics = list(kb.topics.values())
        with pytest.raises(ParseError, match="Requirements"):
            parse(
                "Overview\nx\nCore Responsibilities\ny", role_id="r", title="R", source="r.txt", topics=topics
            )


class TestExactlyOnce:
    """No content is lost, duplicated or altered."""

    def test_every_word_in_order(self, kb, seeds):
        """The knowledge base holds the seed's words, in order, bullets' dashes aside."""
        from knowledge.parse import to_text

        for rid, text in seeds.items():
            source = re.sub(r"(?m)^- ", "", text).split()
            assert to_text(kb.roles[rid]).split() == source, rid

    def test_every_sentence_exactly_once(self, kb, seeds):
        """Each sentence of a seed occurs exactly once in the role's knowledge base text."""
        from knowledge.parse import to_text

        for rid, text in seeds.items():
            kb_text = " ".join(to_text(kb.roles[rid]).split())
            flat = " ".join(re.sub(r"(?m)^- ", "", text).split())
            sentences = {s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", flat) if len(s) > 20}
            for sentence in sentences:
                assert kb_text.count(sentence) == flat.count(sentence), (rid, sentence)

    def test_figures_unchanged(self, kb, seeds):
        """Every $, % and year figure of a seed is in the knowledge base, as many times."""
        from knowledge.parse import to_text

        pattern = re.compile(r"~?US?\$[\d,.]+\+?|\$[\d,.]+\+?|\d[\d,.]*%|\b\d+\+? years?\b|\b20\d\d\b")
        for rid, text in seeds.items():
            assert sorted(pattern.findall(to_text(kb.roles[rid]))) == sorted(pattern.findall(text))
