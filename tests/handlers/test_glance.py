"""Years of experience and growth across roles: bars of the documents' numbers, the lines below."""

from __future__ import annotations

import handlers
from handlers.understand import plan
from tests.handlers.test_followup import talk
from tests.handlers.test_replies import assert_within_limits, block_text


def test_years_across_roles(kb):
    reply = handlers.ask("which role asks for the most years of experience?", kb)
    assert (reply.intent, reply.topic) == ("compare", "requirements")
    assert reply.roles[0] == "ml-platform-engineer"
    assert "*AI/ML Platform Engineer asks for the most experience*: 5+ years." in reply.text
    assert "5+ years of relevant experience in AI/ML infrastructure and systems" in reply.text[:600]
    chart = reply.text.split("```")[1]
    assert "(no years stated)" in chart  # AI/ML and AI Systems state none: said, not invented
    assert_within_limits(reply.blocks)
    for line in block_text(reply.blocks).split("\n"):
        assert line in reply.text


def test_years_of_two_roles(kb):
    reply = handlers.ask("does mlops or platform want more years of experience?", kb)
    assert set(reply.roles) == {"mlops-engineer", "ml-platform-engineer"}
    assert "Typically 3-6 years in managing ML projects" in reply.text[:600]


def test_growth_says_the_figures_differ(kb):
    reply = handlers.ask("which role has the fastest growth?", kb)
    assert reply.topic == "demand" and len(reply.roles) == 5
    assert "differ in period and scope" in reply.text[:300]
    assert "20.17%" not in reply.text.split("```")[1]  # a market's CAGR is not drawn as "17%"


def test_a_subject_is_not_a_glance(kb):
    """ "which roles need kubernetes experience?" asks for lines about kubernetes."""
    assert plan("which roles need kubernetes experience?", handlers.engine_for(kb)).mode not in (
        "years",
        "growth",
    )


def test_projected_growth_asked_is_the_chart_not_the_word(kb):
    """'which role has the best projected job growth?': the growth chart, not lines saying "projected"."""
    reply = handlers.ask("which role has the best projected job growth?", kb)
    assert reply.text.startswith("*Growth outlook*")


def test_the_growth_chart_shows_projections_not_past_counts_or_markets(kb):
    """A chart titled 'Projected growth' shows each role's projected job growth, its own outlook
    before the field's: not the platform document's past count of postings ("74% annual growth ...
    over the past four years") nor a market's CAGR."""
    reply = handlers.ask("which of the 5 roles has the fastest job growth?", kb)
    rows = {ln.split("  ")[0].strip(): ln for ln in reply.text.split("```")[1].strip().split("\n")}
    assert rows["AI/ML Platform"].endswith("40% by 2028")
    assert rows["Production AI"].endswith("23% from 2022 to 2032")  # its job outlook, not AI's in general
    assert "74%" not in reply.text.split("```")[1]


def test_how_hard_a_role_is_to_get_into_is_the_years_it_asks(kb):
    """'which of them is easier to get into?' after MLOps vs Platform, 'which one is hardest to get
    into?': the years each asks for, ranked, with the verdict (not the ladders, nor the challenges)."""
    _, _, easier = talk(
        kb, "what does an mlops engineer do", "how is it different from the platform one",
        "which of them is easier to get into?")  # fmt: skip
    assert easier.text.startswith("*Years of experience asked for*")
    assert "*MLOps Engineer asks for the least experience*: 3-6 years." in easier.text
    hardest = handlers.ask("which one is hardest to get into?", kb)
    assert "*AI/ML Platform Engineer asks for the most experience*: 5+ years." in hardest.text
    # ... but with one of two stating years, there is no ranking to give
    one = handlers.ask("mlops or ml engineering, which is easier to get into?", kb)
    assert "asks for the least experience" not in one.text
