"""Figures at a glance: pay bars across roles, and differences computed from the documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import handlers
from handlers.figures import chart_lines, label
from knowledge.match import Focus
from tests.handlers.test_replies import assert_within_limits, block_text

ROOT = Path(__file__).resolve().parents[2]
BAR = re.compile(r"[█▏▎▍▌▋▊▉░]")


def chart(text: str) -> list[str]:
    """The bar lines of the first code block."""
    block = text.split("```")[1]
    lines = [ln for ln in block.split("\n") if BAR.search(ln) or "no figure" in ln]
    return [ln for ln in lines if not ln.startswith(("█", "░"))]  # the legend


class TestChart:
    def test_which_role_pays_best_opens_with_bars_and_the_answer(self, kb):
        reply = handlers.ask("which role pays best?", kb)
        assert reply.intent == "compare" and len(reply.roles) == 5 and reply.topic == "salary"
        opening = reply.text.split("\n\n")[1]
        # MLOps's senior top is the highest of the salary sections, but the AI/ML Engineer document's
        # Career Development gives its senior level more: no role is said to pay most
        assert opening.startswith("*No clear winner at senior level*: MLOps Engineer $200,000 - $220,000")
        assert "AI/ML Engineer's Career Development section gives $147,500 to $240,000" in opening
        lines = chart(reply.text)
        assert len(lines) == 5
        assert {ln.split("  ")[0].strip() for ln in lines} == {label(r) for r in kb.roles.values()}
        assert max(len(ln) for ln in reply.text.split("```")[1].split("\n")) <= 70  # no wrap in Slack

    def test_a_role_is_said_to_pay_more_only_above_every_figure_the_others_give_the_level(self, kb):
        """'which pays more, ml engineer or mlops engineer?': MLOps's senior $200,000 - $220,000 tops
        the ML engineer's salary section, not the $240,000 its career section gives the senior
        level; against the platform engineer's $202,614 - $204,416 it pays about the same (the middles
        are within 5%, and neither range is higher at both ends)."""
        opening = handlers.ask("which pays more, ml engineer or mlops engineer?", kb).text.split("\n\n")[1]
        assert "pays more" not in opening and opening.startswith("*No clear winner at senior level*")
        assert "$147,500 to $240,000" in opening
        even = handlers.ask("mlops vs platform engineer salary", kb).text.split("\n\n")[1]
        assert even.startswith(
            "*They pay about the same at senior level*: MLOps Engineer $200,000 - $220,000"
        )
        # ... nor above AI Systems' "$150,000 - $207,479 or higher", a range open above its own
        opened = handlers.ask("which pays more, mlops or ai systems engineer?", kb).text.split("\n\n")[1]
        assert opened.startswith("*No clear winner at senior level*") and "$207,479 or higher" in opened

    def test_a_range_inside_another_has_no_winner(self, kb):
        """$202,614 - $204,416 lies inside $150,000 - $207,479: neither role is said to pay more, in the
        verdict of a level asked or in the chart's sentence."""
        for q in ("senior pay: production ai engineer or ai systems engineer, who earns more?",):
            opening = handlers.ask(q, kb).text.split("\n\n")[1]
            assert opening.startswith("*No clear winner") and "pays more" not in opening

    def test_the_answering_role_is_shown_first(self, kb):
        """After the verdict come the figures of the role it names, then the others in its order."""
        for q, first, word in (
            ("which role has the lowest starting pay of the bunch?", "AI Systems Engineer", "least"),
            ("which role pays the most at amazon", "AI Systems Engineer", "most"),
        ):
            reply = handlers.ask(q, kb)
            verdict, figures = reply.text.split("\n\n")[1:3]
            assert verdict.startswith(f"*{first} pays {word}")
            assert figures.startswith(f"*{first} —")
            assert kb.roles[reply.roles[0]].title == first
            named = [t for t in re.findall(r"(?:; |against )([A-Z][\w/ ]+?Engineer)", verdict)]
            assert "*Salary side by side*" not in reply.text  # the figures asked, then the bars; no repeat
            heads = re.findall(r"^\*([^*]+?) —", reply.text, re.M)
            assert heads[1 : 1 + len(named)] == named

    def test_bars_align_and_grow_with_the_figure(self, kb):
        """Every figure starts in one column; a bigger top of range draws a longer bar."""
        lines = chart(handlers.ask("salaries of all five at senior level", kb).text)
        column = max(len(label(r)) for r in kb.roles.values()) + 2 + 24 + 2
        assert all(ln[column - 2 : column] == "  " and ln[column] != " " for ln in lines)
        lengths = [len(BAR.findall(ln)) for ln in lines]  # sorted by the top of each range
        assert lengths[0] == max(lengths)

    def test_figures_are_the_documents_strings(self, kb):
        """Each amount printed in the chart is found, as written, in that role's seed."""
        seeds = {rid: (ROOT / "seeds" / r.source).read_text(encoding="utf-8") for rid, r in kb.roles.items()}
        titles = {label(r): rid for rid, r in kb.roles.items()}
        for q in ("which role pays best?", "which role pays the most in sf", "compare pay for every role"):
            for ln in chart(handlers.ask(q, kb).text):
                title = ln[:14].strip()
                amount = ln[14 + 2 + 24 + 2 :]
                if "no figure" not in amount:
                    assert amount in seeds[titles[title]], (q, ln)

    def test_two_roles_open_with_the_figures_asked_about(self, kb):
        """ "who makes more in nyc": the New York lines first, then the bars."""
        reply = handlers.ask("who makes more in nyc, mlops or platform?", kb)
        assert reply.roles == ("mlops-engineer", "ml-platform-engineer")
        assert "New York City: Around $268,000" in reply.text[:600]
        assert reply.text.index("Around $268,000") < reply.text.index("```")
        assert len(chart(reply.text)) == 2

    def test_two_roles_without_a_focus_show_each_level(self, kb):
        lines = chart(handlers.ask("who makes more, mlops or platform?", kb).text)
        assert len(lines) == 6  # entry, mid, senior for each

    def test_within_block_kit_limits_and_text_says_it_all(self, kb):
        for q in (
            "which role pays best?",
            "compare entry and senior pay for all roles",
            "mlops vs platform salary",
        ):
            reply = handlers.ask(q, kb)
            assert_within_limits(reply.blocks)
            code = [b for b in reply.blocks if b["type"] == "section" and "```" in b["text"]["text"]]
            assert len(code) == 1 and code[0]["text"]["text"].count("```") == 2  # never split
            for line in block_text(reply.blocks).split("\n"):
                assert line in reply.text

    def test_a_role_without_the_figure_is_said_to_have_none(self, kb):
        roles = [kb.roles["production-ai-engineer"], kb.roles["mlops-engineer"]]
        _, drawn, _ = chart_lines(roles, Focus(levels=("lead",)))
        assert "(no figure in its document)" in drawn


class TestOtherCurrencies:
    """An amount in another currency than the dollar is no dollar amount: named, never compared."""

    @pytest.mark.parametrize(
        "text,typed",
        [
            ("ml platform engineer in paris on €65k, is that low?", "€65k"),
            ("i make 55k GBP as an mlops engineer, underpaid or not?", "55k GBP"),
        ],
    )
    def test_named_as_not_covered_and_no_dollar_figure_made_of_it(self, kb, text, typed):
        reply = handlers.ask(text, kb)
        assert reply.topic == "salary" and typed in reply.uncovered
        assert f"“{typed}”" in reply.text[:300]
        assert "$65,000" not in reply.text and "$55,000" not in reply.text

    def test_a_word_judging_the_pay_is_no_subject(self, kb):
        """'is platform engineer pay low?': the pay, not Trends' "Low-code/No-code Platforms"."""
        reply = handlers.ask("honestly is platform engineer pay kinda low?", kb)
        assert reply.topic == "salary" and "Low-code" not in reply.text

    def test_a_dollar_amount_is_still_set_against_the_figures(self, kb):
        reply = handlers.ask("offered 150k in austin as a platform engineer, fair?", kb)
        assert "_$150,000 is below this figure._" in reply.text[:600]


class TestDifference:
    def test_two_ranges(self, kb):
        reply = handlers.ask("how much more does a senior mlops engineer make than a junior one?", kb)
        assert reply.roles == ("mlops-engineer",)
        lead = reply.text[:600]
        assert "$90,000 more at the low end and $100,000 more at the high end (1.82x and 1.83x)" in lead
        assert "Senior-level: $200,000 - $220,000 per year" in lead
        assert "Entry-level: $110,000 - $120,000 per year" in lead

    def test_a_lower_range_reads_less_not_a_negative_amount(self, kb):
        """Austin $156,831 - $187,683 against San Francisco $179,061 - $193,485."""
        reply = handlers.ask("is austin pay a lot lower than sf for ml platform engineers?", kb)
        lead = reply.text[:600]
        assert "$22,230 less at the low end and $5,802 less at the high end (0.88x and 0.97x)" in lead
        assert "$-" not in reply.text

    def test_two_single_figures(self, kb):
        """San Francisco $136,287 against New York $123,403: $12,884 more, 1.10x."""
        reply = handlers.ask("what's the difference between sf and new york pay for ml engineers?", kb)
        assert "$12,884 more (1.10x)" in reply.text[:600]

    def test_not_comparable_is_said(self, kb):
        """ "Up to $300,600" against "Around $268,000": a bound against one figure."""
        reply = handlers.ask("what's the gap between SF and NYC pay for mlops?", kb)
        assert "not comparable" in reply.text[:600]
        assert "$32," not in reply.text  # no invented difference


class TestPaySaidElsewhere:
    """A pay question the Salary section does not answer is labelled with the section that does."""

    def test_top_total_comp_is_answered_from_market_demand(self, kb):
        reply = handlers.ask("how high can total comp go for top ai systems engineers", kb)
        assert (reply.intent, reply.topic) == ("answer", "demand")
        head, lead = reply.text.split("\n\n")[:2]
        assert head == "*AI Systems Engineer · Market Demand*"
        assert "Total compensation exceeding $500,000" in lead
        assert "[Market Demand]" not in lead  # the title says it already
        assert "› Market Demand. Whole section" in reply.text
        assert (
            "More on this role: " in reply.text and "· Salary ·" in reply.text
        )  # the pay section, a tap away

    def test_figures_from_no_pay_line_are_labelled_by_the_first(self, kb):
        """'total comp above 500k?': one figure in Market Demand, one in Industry Trends, none in
        Salary: the reply is labelled by the section of the first, and the other names its own."""
        reply = handlers.ask("is a total compensation above 500k possible for an AI systems engineer?", kb)
        assert reply.topic == "demand"
        assert reply.text.startswith("*AI Systems Engineer · Market Demand*")
        assert "[Industry Trends]" in reply.text[:600]
        top = handlers.ask("how high can total comp go for top ai systems engineers", kb)
        for made in (reply, top):  # its query (what buttons and threads replay) gives the figures again
            assert handlers.ask(made.query, kb).text == made.text

    def test_a_premium_over_software_engineers_is_a_line_of_market_demand(self, kb):
        reply = handlers.ask(
            "do ml platform engineers get a salary premium over regular software engineers", kb
        )
        assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "demand")
        assert reply.text.startswith("*AI/ML Platform Engineer · Market Demand*")
        assert "~20% salary premium compared to traditional software engineers" in reply.text[:600]

    def test_figures_of_the_salary_section_keep_its_name(self, kb):
        reply = handlers.ask("mlops senior salary", kb)
        assert reply.topic == "salary" and reply.text.startswith("*MLOps Engineer · Salary*")
        assert "Salary range: $165,000 - $207,125 _(Career Progression)_ [Career Development]" in reply.text

    def test_the_thread_goes_on_about_pay(self, kb):
        """The section named is where the answer is; what was asked, pay, is what a follow-up keeps."""
        first, turn = handlers.converse(
            "do ml platform engineers get a salary premium over regular software engineers", kb, []
        )
        then, _ = handlers.converse("and for seniors?", kb, [turn])
        assert first.topic == "demand"
        assert (then.roles, then.topic) == (("ml-platform-engineer",), "salary")
        assert "Senior-Level: $202,614 - $204,416 per year" in then.text[:600]


class TestBasePay:
    def test_a_document_that_calls_no_figure_base_answers_with_its_plain_figures(self, kb):
        """'is the base fair?': the ML platform document labels no figure base; its figures are."""
        reply = handlers.ask("is the base fair for ml platform? offer is 170k", kb)
        assert reply.topic == "salary" and "no salary figure for base" not in reply.text
        assert "Median Salary: $165,780 per year" in reply.text[:900]
        # a document that does label base pay shows that figure
        reply = handlers.ask("what's the average base for ai systems engineers?", kb)
        assert "*Average base salary:* $108,043 - $177,612" in reply.text[:600]

    def test_a_pay_kind_asked_keeps_pay_over_the_context_said_after(self, kb):
        """'is that vesting schedule normal?' points back, but 'the base' asks pay: not the years said."""
        reply = handlers.ask(
            "Is the base fair for ML platform, and is that vesting schedule normal? 6 yoe, Bay Area remote.",
            kb,
        )
        assert (reply.topic, reply.uncovered) == ("salary", ("vesting",))


def test_years_the_person_states_ask_no_requirements(kb):
    """'4 yoe ... am I underpaid? what's normal for mid-level?': pay, the years are the person's."""
    reply = handlers.ask(
        "4 yoe mlops engineer at 120k, am I underpaid? what's normal for mid-level mlops engineers?", kb
    )
    assert reply.topic == "salary"
    assert "no salary figure for mid level and 4 years together" in reply.text
    assert "Mid-level: $145,000 - $155,000 per year" in reply.text[:600]
    assert "_$120,000 is below this figure._" in reply.text[:600]  # the person's pay, placed
    # said in the context, the person's years leave the question its own topic
    reply = handlers.ask(
        "production AI eng, 1 yoe, public speaking makes me sick. how important is presenting for this role?",
        kb,
    )
    assert reply.topic == "soft-skills"
    assert "Ability to present complex ideas clearly and confidently" in reply.text[:400]
    # years asked, not stated, still ask the requirements
    assert handlers.ask("how many years of experience do mlops engineers need", kb).topic == "requirements"


def test_an_amount_said_beside_a_place_is_set_against_its_figures(kb):
    """'offer in NYC, 240k - good or nah? ... What do AI systems engineers get in New York?': 240k is the
    person's offer, not a figure to look for; New York's figure answers and the offer is placed beside it."""
    reply = handlers.ask(
        "AI systems eng offer in NYC, 240k - good or nah? | 6 yoe, offer from a media company in Manhattan "
        "for an AI systems engineer role. What do AI systems engineers get in New York?",
        kb,
    )
    assert "*Figures for New York:*" in reply.text and "Around $268,000" in reply.text
    assert "_$240,000 is below this figure._" in reply.text
    alone = handlers.ask("is 240k good for an ai systems engineer?", kb)  # no other word: figures near it
    assert "Figures for about $240,000" in alone.text


def test_bottom_to_top_asks_the_whole_range_not_two_levels(kb):
    """'Bottom to top, what do AI/ML platform engineers make?': the whole range (bottom 10% to top 10%),
    not the entry level and the top figures a "bottom" and a "top" would name."""
    reply = handlers.ask("Bottom to top, what do AI/ML platform engineers make?", kb)
    assert "Figures for entry level" not in reply.text
    assert "*Salary Range:* $125,760 - $211,600 globally" in reply.text[:400]


def test_a_place_the_pay_section_names_without_a_figure_is_shown_as_written(kb):
    """Santa Monica is among the AI/ML Engineer's top-paying cities, with a percentage and no dollar
    figure: asked beside San Francisco, both are answered, each as the document says it."""
    reply = handlers.ask("ml engineer salary in santa monica and san francisco", kb)
    assert (reply.roles, reply.topic) == (("ai-ml-engineer",), "salary")
    assert "San Francisco, CA: $136,287" in reply.text
    assert "Santa Monica, CA (21.8% above national average) _(Top Paying Cities" in reply.text
    assert "no salary figure" not in reply.text


def test_a_level_and_a_place_without_a_figure_for_both_get_each_ones_figures(kb):
    """No AI Systems Engineer figure is for a senior in DC, but each has its own: both are shown,
    not the lines a search finds (which led with the entry-level range)."""
    reply = handlers.ask("what do senior ai systems engineers make in DC?", kb)
    assert "Figures for senior level" in reply.text and "Washington, DC: $182,094" in reply.text
    assert "Entry" not in reply.text


def test_why_pay_is_high_in_a_place_shows_that_place_then_the_reasons(kb):
    """'How come ... so high in sf?': the city's own figure leads, then why pay differs by place."""
    text = handlers.ask("how come ml engineer salaries are so high in sf?", kb).text
    assert text.index("$136,287") < text.index("Geographic location and cost of living")


def test_pay_beside_another_title_is_the_roles_pay_with_the_title_named(kb):
    """'mlops engineer vs data engineer pay': the MLOps pay, the data engineer named as not covered;
    "data" is no subject (it led with the requirements' data lines)."""
    reply = handlers.ask("mlops engineer vs data engineer pay", kb)
    assert reply.topic == "salary" and "data engineer" in reply.text[:200]
    assert "Average Base Salaries" in reply.text[:600] and "data ingestion" not in reply.text


def test_pay_stated_before_a_bare_question_is_placed(kb):
    """'offer in Austin is 150k base. is that fair?': the amount, the kind and the place the context
    states are what "that" asks about: the base figures with $150,000 placed among them."""
    reply = handlers.ask("ai systems engineer offer in Austin is 150k base. is that fair?", kb)
    assert "Average base salary: $108,043 - $177,612" in reply.text.replace("*", "")
    assert "$150,000 is within this figure" in reply.text
    assert reply.uncovered == ("Austin",)


def test_a_place_named_in_a_lines_label_is_shown_with_it(kb):
    """'Other cities (e.g., Chicago, Houston): Generally lower': Houston is in the label, and asked
    beside New York both are answered."""
    reply = handlers.ask("mlops pay houston vs new york", kb)
    assert "New York City: Around $268,000" in reply.text
    assert "Other cities (e.g., Chicago, Houston): Generally lower" in reply.text[:400]


@pytest.mark.parametrize("said", ["straight out of school", "right out of college", "just out of school"])
def test_out_of_school_is_the_entry_level(kb, said):
    """'straight out of school, ... what's realistic pay': the entry-level figures, not the pay factors."""
    reply = handlers.ask(f"{said}, production ai engineer - what's realistic pay", kb)
    assert "Figures for entry level" in reply.text[:300]
    assert "$113,992 to $115,458 per year" in reply.text[:600]


def test_a_big_co_is_a_company_not_an_uncovered_word(kb):
    """'startup vs big co, does the pay change': "co" is a company (the pay factors), nothing uncovered."""
    reply = handlers.ask("startup vs big co, does the pay of production ai engineers change", kb)
    assert not reply.uncovered and "says nothing" not in reply.text
    assert "Company size and industry" in reply.text[:600]


def test_on_top_is_in_addition_not_the_top_level(kb):
    """'bonus on top?' after a city's pay: the bonus the document gives, not the top earners' figures."""
    turns = []
    for text in ("what does an ai systems engineer make in new york", "bonus on top?"):
        reply, turn = handlers.converse(text, kb, turns)
        turns.append(turn)
    assert "Figures for top" not in reply.text
    assert "Can range from 10% to 20% of base salary" in reply.text[:600]


def test_a_band_is_the_pay(kb):
    """'mlops band for mid level?': the mid-level pay band, not the requirements of a mid-level hire."""
    reply = handlers.ask("mlops engineer band for mid level?", kb)
    assert reply.topic == "salary" and "$145,000 - $155,000 per year" in reply.text[:600]


def test_two_percentiles_asked_are_both_given(kb):
    """'the 25th vs 75th percentile ML engineer salary': each figure (only the 75th was read); a role
    that gives neither says so with "or", not as if both had to hold at once."""
    reply = handlers.ask("whats the 25th vs 75th percentile ML engineer salary", kb)
    assert "25th Percentile: $84,000" in reply.text and "75th Percentile: $116,500" in reply.text
    assert reply.focus == ("25th Percentile", "75th Percentile")
    none = handlers.ask("25th and 75th percentiles for mlops pay?", kb)
    assert "has no salary figure for 25th Percentile or 75th Percentile." in none.text


def test_figures_set_side_by_side_still_name_what_is_not_covered(kb):
    """'... leetcode hards for MLE loops lol. ok real question, whats the 25th vs 75th percentile ML
    engineer salary': both figures, and the loops named as not covered (they were left unsaid when two
    figures were compared); negotiating is only what the figures are for."""
    reply = handlers.ask(
        "how many leetcode hards do you need for MLE loops these days lol. ok real question, whats the 25th"
        " vs 75th percentile ML engineer salary, want to know where my offer lands",
        kb,
    )
    assert "25th Percentile: $84,000" in reply.text and "75th Percentile: $116,500" in reply.text
    assert reply.uncovered == ("leetcode",) and "says nothing about “leetcode”" in reply.text[:200]
    offer = handlers.ask(
        "I got an offer in Manhattan for a production AI engineer job. Before I negotiate, what's the going"
        " rate there compared with the rest of the country?",
        kb,
    )
    assert not offer.uncovered and "$226,857" in offer.text[:400]


def test_each_thing_asked_of_pay_gets_a_line_when_no_figure_answers_all(kb):
    """'the bonus for an AI systems engineer in SF?': no figure is SF's bonus; SF's pay and the bonus
    line both (only the SF lines were shown, the bonus asked left unanswered)."""
    reply = handlers.ask("what's the bonus for an AI systems engineer in SF?", kb)
    assert reply.topic == "salary" and "San Francisco, CA:* Up to $300,600" in reply.text[:300]
    assert "Can range from 10% to 20% of base salary" in reply.text[:400]


def test_pay_early_on_is_entry_level_pay(kb):
    """'which one pays better early on?' between two roles: their entry-level figures, side by side."""
    reply = handlers.ask("Between an ML engineer and an MLOps engineer, which one pays better early on?", kb)
    assert reply.intent == "compare" and reply.topic == "salary"
    assert "Entry-level: $110,000 - $120,000 per year" in reply.text[:400]


def test_the_top_of_the_range_is_never_said_to_have_no_figure_where_a_document_gives_one(kb):
    """'which role has the highest top-end salary?': Production AI's 'Up to $338,000' ties AI/ML's;
    AI Systems' '$200,000+' and Platform's 'Top 10%: $275,000' are drawn, not '(no figure in its
    document)' (only MLOps has none). No role is said to pay most: AI Systems' Market Demand gives
    more elsewhere."""
    reply = handlers.ask("which role has the highest top-end salary?", kb)
    chart = reply.text.split("```")[1]
    assert chart.count("(no figure in its document)") == 1 and "MLOps  " in chart
    assert "$200,000+" in chart and "$275,000" in chart
    assert "No clear winner at top of the range" in reply.text


def test_top_positions_a_senior_line_names_are_the_top_not_the_senior_pay(kb):
    """'Senior Level: $160,000 to $200,000+ annually, with top positions potentially exceeding $300,000
    or $500,000 in total compensation': $500,000 is the top positions' pay, not the senior level's."""
    reply = handlers.ask(
        "ai systems engineer vs production ai engineer - which one pays more for senior?", kb
    )
    headline = reply.text.split("\n\n")[1]
    assert "$500,000" not in headline and "$300,000" not in headline
    tops = [f for f in kb.roles["ai-systems-engineer"].salaries if "$500,000 in total" in f.source]
    assert {f.level for f in tops if (f.low or f.high) in (300000, 500000)} == {"top"}


def test_years_told_then_pay_for_that_level_gives_the_years_figures(kb):
    """'MLE, 7 yoe, SF bay area ... what's normal for that level?': the level is the years told, so
    the 7+ years figures come beside San Francisco's."""
    reply = handlers.ask(
        "TC check: MLE, roughly L5, 7 yoe, SF bay area. currently 190 base + small bonus and feel underpaid."
        " what's normal for that level?",
        kb,
    )
    assert "San Francisco, CA: $136,287" in reply.text[:600] and "AI Engineers: ~$199,167" in reply.text[:600]


@pytest.mark.parametrize(
    "text",
    [
        "/role mlops salary london",
        "mlops salary uk?",
        "UK based MLOps eng, 8 yoe, London. every salary thread quotes US numbers which is useless to me."
        " what does senior MLOps comp look like here?",
    ],
)
def test_pay_in_a_place_no_document_gives_is_answered_with_the_place_named(kb, text):
    """'mlops salary london': the pay is covered, London is not; the figures come with the place named
    as not covered, not a refusal (and 'here' is the place the context names)."""
    reply = handlers.ask(text, kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "salary")
    assert reply.uncovered and reply.uncovered[0] in ("London", "UK")
    assert "$" in reply.text[:600]


def test_no_role_pays_most_at_the_top_when_another_section_gives_more(kb):
    """'which role has highest possible salary': Production AI's "Up to $338,000" is not said to
    pay most while the AI Systems document's Market Demand gives total compensation over $500,000."""
    reply = handlers.ask("which role has highest possible salary", kb)
    first = reply.text.split("\n\n")[1]
    assert first.startswith("*No clear winner at top of the range*") and "$500,000" in first


def test_a_verdict_says_whose_figure_it_weighs_when_it_is_another_jobs(kb):
    """'who gets paid more, MLOps or platform engineer?': the ML Platform document's senior figure is
    its AI Engineers' ("$202,614 - $204,416"), and the verdict says so; its Platform Engineers' own
    figures are not senior ones."""
    reply = handlers.ask("who gets paid more, MLOps or platform engineer?", kb)
    first = reply.text.split("\n\n")[1]
    assert "AI/ML Platform Engineer $202,614 - $204,416 (for AI Engineers)" in first, first
    reply = handlers.ask("which pays more at senior level, mlops or ai/ml engineer?", kb)
    assert "(for " not in reply.text.split("\n\n")[1]  # each document's own figures


def test_a_median_one_document_lacks_is_answered_with_its_general_pay(kb):
    """'... what's the median for platform?' of platform vs ML engineers: the AI/ML document gives no
    median, so its general pay is shown, said to be no median; not "no matching figure". A bonus
    one document lacks is still no figure (its base pay is no bonus)."""
    reply = handlers.ask(
        "is it true ML platform engineers make more than regular ML engineers? what's the median for"
        " platform?",
        kb,
    )
    assert "_no median figure in its document; its pay in general:_ $101,752 - $177,612" in reply.text
    bonus = handlers.ask("who gets the fattest bonus out of all of them", kb)
    assert "its pay in general" not in bonus.text


def test_pay_in_general_says_whose_figure_a_document_quotes(kb):
    """The MLOps document's averages are for AI Engineers and Machine Learning Engineers: set side by
    side, they say so, and do not read as the MLOps Engineer's own pay."""
    reply = handlers.ask("does an MLOps Engineer make more or less than a plain ML engineer?", kb)
    line = next(x for x in reply.text.splitlines() if x.startswith("• *MLOps Engineer:* $176,884"))
    assert "$176,884 per year (average base) (for AI Engineers)" in line
    assert "(for Machine Learning Engineers)" in line


def test_a_verdict_says_whose_figure_a_document_quotes(kb):
    """'which pays more at senior level?' of MLOps and the platform role: the platform document's senior
    figure is for AI Engineers, and the verdict says so beside the role's name."""
    reply = handlers.ask("mlops vs ml platform engineer senior salary", kb)
    assert "$202,614 - $204,416 (AI/ML Platform Engineer, for AI Engineers)" in reply.text[:400]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "which pays more at senior level, mlops or ai systems engineer?",
            "one range is open above the other",
        ),
        ("mlops engineer vs ai systems engineer: which pays more?", "gives $150,000 - $207,479 or higher"),
    ],
)
def test_a_figure_open_above_is_no_lower_pay(kb, text, said):
    """AI Systems' senior range is "$150,000 - $207,479 or higher": MLOps' "$200,000 - $220,000" does
    not pay more than it, and the verdict says the range is open, as its line does."""
    reply = handlers.ask(text, kb)
    assert "No clear winner" in reply.text[:200] and said in reply.text[:400]


def test_years_said_pick_the_band_that_starts_there(kb):
    """ "ml engineer, 7+ years, what's the pay?": the 7+ Years band (both its figures), not the 5-7
    band that merely ends at seven."""
    text = handlers.ask("ml engineer with 7+ years, what's the pay?", kb).text
    assert "7+ Years" in text[:600] and "5-7 Years" not in text
    assert "AI Engineers:* ~$199,167" in text or "AI Engineers: ~$199,167" in text
