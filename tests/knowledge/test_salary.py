"""Salary figures are typed records that say what each amount is for."""

from __future__ import annotations

import pytest

from knowledge.salary import money


def find(kb, role, **want):
    """The role's figures whose fields equal `want`."""
    return [f for f in kb.roles[role].salaries if all(getattr(f, k) == v for k, v in want.items())]


class TestMoney:
    """Amounts are read as salaries, not market sizes."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Range: $113,992 to $115,458 per year", [(113992, 115458)]),
            ("Average base salary: $108,043 - $177,612", [(108043, 177612)]),
            ("Senior-level: $200,000+ annually", [(200000, None)]),
            ("reaching $1.8 billion by 2030", []),
            ("2024: US$3.775 million", []),
            ("Banking: Generative AI could add $200-340 billion in annual value.", []),
        ],
    )
    def test_amounts(self, text, expected):
        """Salary-sized amounts and ranges are found; billions and millions are not."""
        assert [(low, high) for low, high, _, _ in money(text)] == expected


class TestSalaryRecords:
    """Every role's salary section (and salary lines elsewhere) as data."""

    def test_every_role_has_figures_in_its_salary_section(self, kb):
        """Each role has at least nine figures from its salary section."""
        for role in kb.roles.values():
            assert len([f for f in role.salaries if f.topic == "salary"]) >= 9, role.id

    def test_every_money_line_of_a_salary_section_is_recorded(self, kb):
        """No salary-sized amount in a salary section is left without a record."""
        from knowledge.parse import to_text

        for role in kb.roles.values():
            section_only = role.model_copy(update={"sections": (role.section("salary"),)})
            amounts = sum(1 for line in to_text(section_only).splitlines() for _ in money(line))
            assert amounts == len([f for f in role.salaries if f.topic == "salary"]), role.id

    def test_levels(self, kb):
        """Production AI senior: up to $202,614 to $204,416."""
        (senior,) = find(kb, "production-ai-engineer", topic="salary", level="senior")
        assert (senior.low, senior.high) == (202614, 204416)
        mid = find(kb, "mlops-engineer", topic="salary", level="mid")
        assert [(f.low, f.high) for f in mid] == [(145000, 155000)]

    def test_locations(self, kb):
        """Platform engineer in Seattle: $173,517; SF is a range."""
        (seattle,) = find(kb, "ml-platform-engineer", location="Seattle, WA")
        assert seattle.low == seattle.high == 173517
        (sf,) = find(kb, "ml-platform-engineer", location="San Francisco, CA")
        assert (sf.low, sf.high) == (179061, 193485)

    def test_companies_and_role_variants(self, kb):
        """AI systems at Tesla $219,122; Amazon's figure is for Lead AI Engineers."""
        (tesla,) = find(kb, "ai-systems-engineer", company="Tesla")
        assert tesla.low == 219122
        (amazon,) = find(kb, "ai-systems-engineer", company="Amazon")
        assert amazon.variant == "Lead AI Engineers" and amazon.level == "lead"

    def test_percentiles_and_years(self, kb):
        """AI/ML percentiles and years of experience are fields, not just text."""
        (p90,) = find(kb, "ai-ml-engineer", percentile="90th Percentile")
        assert p90.low == 135000
        seven = find(kb, "ai-ml-engineer", years="7+")
        assert {f.variant for f in seven} == {"AI Engineers", "Machine Learning Engineers"}

    def test_open_ended_and_approximate(self, kb):
        """'Up to $300,600' has no low; '~$113,992' is approximate; '$200,000+' has no high."""
        (sf,) = find(kb, "mlops-engineer", location="San Francisco")
        assert sf.low is None and sf.high == 300600
        (entry,) = find(kb, "ai-ml-engineer", topic="salary", level="entry")
        assert entry.approx
        (top,) = find(kb, "ai-systems-engineer", topic="salary", label="Top-tier positions")
        assert top.low == 200000 and top.high is None

    def test_kinds(self, kb):
        """Base, total and additional compensation are told apart."""
        assert find(kb, "production-ai-engineer", kind="total")[0].low == 213304
        assert find(kb, "production-ai-engineer", kind="additional")[0].low == 36420
        assert {f.low for f in find(kb, "mlops-engineer", kind="base")} == {176884, 157969}

    def test_career_salary_lines_take_the_level_of_their_role(self, kb):
        """MLOps career: 'Salary range' after 'Senior MLOps Engineer' is senior."""
        career = find(kb, "mlops-engineer", topic="career")
        assert [(f.level, f.low) for f in career] == [
            (None, 131158),
            ("senior", 165000),
            ("lead", 137700),
            ("director", 198125),
        ]
