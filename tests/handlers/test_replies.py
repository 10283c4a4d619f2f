"""Replies carry the whole section, faithfully, in text and in blocks within Slack's limits."""

from __future__ import annotations

import itertools
import re

import pytest

import handlers
from handlers.render import chunks, escape
from knowledge.parse import to_text

TOPICS = (
    "overview",
    "responsibilities",
    "requirements",
    "career",
    "demand",
    "salary",
    "trends",
    "soft-skills",
    "best-practices",
    "challenges",
)


def words(text: str) -> list[str]:
    """The words of mrkdwn or plain text, markup aside."""
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"[*_•◦›]", " ", text).split()


def block_text(blocks) -> str:
    """Everything the blocks say."""
    out = []
    for b in blocks:
        if b["type"] in ("section", "header"):
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return "\n".join(out)


def assert_within_limits(blocks) -> None:
    """Slack's Block Kit limits."""
    assert len(blocks) <= 50
    for b in blocks:
        if b["type"] == "section":
            assert 0 < len(b["text"]["text"]) <= 3000
        if b["type"] == "header":
            assert len(b["text"]["text"]) <= 150
        if b["type"] == "actions":
            assert 1 <= len(b["elements"]) <= 25
            for e in b["elements"]:
                assert len(e["text"]["text"]) <= 75 and len(e["value"]) <= 2000


class TestAnswer:
    """One role, one topic."""

    @pytest.mark.parametrize(
        ("role", "topic"),
        list(
            itertools.product(
                [
                    "production-ai-engineer",
                    "ai-ml-engineer",
                    "ai-systems-engineer",
                    "mlops-engineer",
                    "ml-platform-engineer",
                ],
                TOPICS,
            )
        ),
    )
    def test_whole_section_nothing_dropped(self, kb, role, topic):
        """Every word of the section is in the text and in the blocks, in order under each heading
        (a list headed by the role's own kind may come first)."""
        reply = handlers.ask(f"{role} {topic}", kb)
        whole = kb.roles[role].section(topic)
        bare = {"groups": [], "intro": [], "summary": []}
        parts = [
            whole.model_copy(update={**bare, "intro": whole.intro}),
            *(whole.model_copy(update={**bare, "groups": [g]}) for g in whole.groups),
            whole.model_copy(update={**bare, "summary": whole.summary}),
        ]
        for part in parts:
            section = kb.roles[role].model_copy(update={"sections": (part,)})
            expected = " ".join(words(to_text(section))[len(words(part.heading)) :])
            assert expected in " ".join(words(reply.text))
            assert expected in " ".join(words(block_text(reply.blocks)))
        assert_within_limits(reply.blocks)

    def test_the_roles_own_list_comes_first(self, kb):
        """The platform engineer's pay section lists AI, ML and platform engineers' figures: the
        platform engineers' come first, in the whole section and in a brief of it."""
        text = handlers.ask("/role ml platform engineer salary", kb).text
        assert text.index("$165,780 per year") < text.index("AI Engineers") < text.index("Tech Hubs")
        text = handlers.ask("what do platform engineers earn in Lisbon?", kb).text
        assert "Lisbon" in text and text.index("$165,780 per year") < text.index("AI Engineers")

    def test_header_footer_and_topic_buttons(self, kb):
        """A header names role and topic, the footer the source, buttons the other topics."""
        reply = handlers.ask("/role mlops salary", kb)
        assert reply.blocks[0]["text"]["text"] == "MLOps Engineer · Salary"
        assert "seeds/mlops-engineer.txt" in reply.text and "Salary Ranges (US Market, 2024)" in reply.text
        (actions,) = [b for b in reply.blocks if b["type"] == "actions"]
        values = [e["value"] for e in actions["elements"]]
        assert len(values) == 9 and "mlops-engineer salary" not in values
        assert "mlops-engineer trends" in values

    def test_structure_is_kept(self, kb):
        """Headings are bold, labels bold, nested items indented."""
        text = handlers.ask("/role ai/ml engineer salary", kb).text
        assert "*Salary Ranges by Experience*" in text
        assert "• 5-7 Years:\n    ◦ *Lead AI Engineers:* ~$128,396" in text

    def test_focus_leads_with_matching_figures(self, kb):
        """'/role platform salary seattle' puts the Seattle figure first."""
        reply = handlers.ask("/role platform salary seattle", kb)
        lead = reply.text.split("\n\n")[1]
        assert "Figures for Seattle" in lead and "173,517" in lead and "Chicago" not in lead
        assert reply.focus == ("Seattle",)
        assert "*Figures for mid level:*" in handlers.ask("mid level mle salary range?", kb).text  # not "mid"

    def test_a_level_with_no_figure_gets_what_the_document_says_of_its_pay(self, kb):
        """'production ai engineer lead salary': no figure says lead, but a line says leadership roles
        "can command salaries well above the stated ranges"; without its run-on closing sentence."""
        text = handlers.ask("production ai engineer lead salary", kb).text
        assert (
            "no salary figure for lead" in text
            and "Can command salaries well above the stated ranges" in text
        )
        assert "These figures demonstrate" not in text

    def test_focus_without_figures_says_so(self, kb):
        """No Google figure in the MLOps document: said plainly, whole section follows."""
        reply = handlers.ask("/role mlops salary google", kb)
        assert "has no salary figure for Google" in reply.text and "145,000" in reply.text

    def test_a_place_without_figures_is_said_once(self, kb):
        """'what does an mlops engineer earn in seattle': the pay reply's own "no salary figure for
        Seattle" says it; no second note that the document "says nothing about" Seattle above it, while
        the reply still lists Seattle as not covered. Another subject beside it keeps its note."""
        reply = handlers.ask("what does an mlops engineer earn in seattle", kb)
        assert reply.text.count("Seattle") == 1 and reply.uncovered == ("Seattle",), reply.text
        reply = handlers.ask("senior mlops engineer pay in seattle, and do they sponsor visas?", kb)
        assert "“visa”" in reply.text and "about “Seattle" not in reply.text, reply.text

    def test_pay_at_a_company_no_figure_names_is_the_pay_in_brief(self, kb):
        """'what do ml engineers make at google': no Google figure; the pay in brief below the note,
        not Requirements' 'Google Cloud' line."""
        reply = handlers.ask("what do ml engineers make at google", kb)
        assert (
            reply.topic == "salary" and "Google pay" in reply.uncovered and "Google Cloud" not in reply.text
        )
        assert "$101,752" in reply.text[:600]

    def test_other_words_lead_with_the_lines_that_mention_them(self, kb):
        """'/role mlops requirements kubernetes' opens with the Kubernetes line, not the section."""
        reply = handlers.ask("/role mlops requirements kubernetes", kb)
        lead = reply.text.split("\n\n")[1]
        assert "Docker and Kubernetes" in lead and len(reply.text) < 800
        assert reply.focus == ("kubernetes",) and handlers.ask(reply.query, kb).text == reply.text
        assert reply.full == ("mlops-engineer requirements",)

    def test_headings_do_not_repeat_the_section_the_title_names(self, kb):
        """'what do production ai engineers do all day': the title says Responsibilities, so the
        headings above the lines are the subsections alone, unnumbered, and more lines fit."""
        reply = handlers.ask("what do production ai engineers do all day", kb)
        assert reply.text.startswith("*Production AI Engineer · Responsibilities*")
        body = reply.text.split("\n\n")[1]
        assert "Responsibilities ›" not in body and "_1. " not in body
        assert "_Deployment and Integration_\n• Deploy AI models in production environments" in body
        assert body.index("Deploy AI models in production") < 600
        # a line from another section keeps that section's name
        reply = handlers.ask("what to learn to become ml platform engineer", kb)
        assert "_Career Development › Essential Skills_" in reply.text

    def test_words_mentioned_nowhere_are_said_to_be_not_covered(self, kb):
        """The word a keyword query adds, mentioned nowhere: an honest 'not covered', never an
        unrelated section (in a sentence, such a word is colour: tests/handlers/test_pipeline.py)."""
        reply = handlers.ask("/role mlops requirements zeppelin", kb)
        assert reply.intent == "unknown" and reply.roles == ("mlops-engineer",)
        assert "“zeppelin”" in reply.text and "don't cover" in reply.text and reply.uncovered == ("zeppelin",)

    def test_buttons_replay_through_ask(self, kb):
        """Every button's value is a query that gives the reply it promises."""
        reply = handlers.ask("/role mlops salary", kb)
        for b in reply.blocks:
            for e in b.get("elements", []) if b["type"] == "actions" else []:
                again = handlers.ask(e["value"], kb)
                role, topic = e["value"].split()
                assert (again.roles, again.topic) == ((role,), topic)

    def test_query_reproduces_the_reply(self, kb):
        """reply.query asked again gives the same reply."""
        for q in (
            "/role platform salary seattle",
            "which pays more, ML engineer or MLOps?",
            "compare all roles by salary",
        ):
            reply = handlers.ask(q, kb)
            assert handlers.ask(reply.query, kb).text == reply.text


class TestCompare:
    """Several roles side by side."""

    def test_salary_figures_aligned_by_level(self, kb):
        """Each level lists every role's figure from its salary section."""
        text = handlers.ask("/role compare mlops platform salary", kb).text
        senior = text[text.index("*Senior level*") :].split("\n\n")[0]
        assert "*MLOps Engineer:* $200,000 - $220,000" in senior
        assert "*AI/ML Platform Engineer:* $202,614 - $204,416" in senior

    def test_which_pays_most_ranks_roles(self, kb):
        """'which role pays the most?' ranks the roles by their highest figure."""
        text = handlers.ask("which role pays the most?", kb).text
        ranking = text[text.index("*Highest figure in each salary section*") :].split("\n\n")[0]
        amounts = [int(a.replace(",", "")) for a in re.findall(r":\* \$([\d,]+)", ranking)]
        assert len(amounts) == 5 and amounts == sorted(amounts, reverse=True)

    @pytest.mark.parametrize("topic", TOPICS)
    def test_all_roles_fit_slack(self, kb, topic):
        """Comparing all five roles on any topic stays within Slack's limits, and every line of
        each role's section is one button away (nothing dropped)."""
        reply = handlers.ask(f"compare all {topic}", kb)
        assert reply.intent == "compare" and len(reply.roles) == 5
        assert_within_limits(reply.blocks)
        assert reply.full == tuple(f"{r} {topic}" for r in kb.roles)
        whole = " ".join(words(handlers.expand(reply, kb).text))
        for role in kb.roles.values():
            assert (
                " ".join(words(to_text(role.model_copy(update={"sections": (role.section(topic),)})))[-12:])
                in whole
            )


class TestDifferences:
    """'How do X and Y differ on ...?': what one role's list has and the other's lacks comes first."""

    def test_headings_one_role_alone_has_lead(self, kb):
        reply = handlers.ask(
            "how do the soft skills differ between ml platform engineers and ai systems engineers", kb
        )
        platform, systems = reply.text.split("*AI Systems Engineer*")
        assert "Public Speaking" in platform and platform.index("Public Speaking") < platform.index(
            "Communication"
        )
        assert "Emotional Intelligence" in systems

    def test_headings_over_paragraphs_count_as_the_list(self, kb):
        # Production AI's soft skills are paragraphs under headings, not bullets
        reply = handlers.ask(
            "soft skills ml platform engineer vs production ai engineer, any difference?", kb
        )
        platform, production = reply.text.split("*Production AI Engineer*")
        assert production.index("Time Management") < production.index("Communication")
        assert "Capability to prioritize tasks" in production
        assert platform.index("Resilience") < platform.index("Communication")

    def test_a_section_without_headings_is_never_empty(self, kb):
        reply = handlers.ask("how do soft skills differ for mlops vs production ai engineers?", kb)
        mlops = reply.text.split("*Production AI Engineer*")[0]
        assert "Communication" in mlops and "Ability to explain complex AI concepts" in mlops


class TestEscaping:
    """User text never pings anyone."""

    @pytest.mark.parametrize(
        "query",
        [
            "/role <!channel> salary",
            "/role <!here> zzz",
            "<@U0BOT> <@U999> astronaut",
            "/role <!everyone> qqq",
            "/role <script> & <b>",
            "&lt;!channel&gt; xyzzy",
        ],
    )
    def test_no_special_mentions_survive(self, kb, query):
        """No '<!' or '<@' reaches the text or the blocks."""
        reply = handlers.ask(query, kb)
        dumped = reply.text + str(reply.blocks)
        assert "<!" not in dumped and "<@" not in dumped

    def test_escape_order(self):
        """'&' is escaped first so '&lt;' stays visible text."""
        assert escape("<&>") == "&lt;&amp;&gt;"


class TestChunks:
    """Long text is split, never cut."""

    def test_split_at_lines_and_spaces(self):
        """Every piece fits; joined back, nothing is missing."""
        text = "\n".join(["word " * 200] * 5 + ["x" * 7000])
        pieces = chunks(text, 3000)
        assert all(len(p) <= 3000 for p in pieces)
        assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


class TestFit:
    """More than 50 blocks are merged, not cut."""

    def test_merges_small_sections(self):
        """60 short sections become at most 50 blocks with all their text."""
        from handlers.replies import fit

        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"line {i}"}} for i in range(60)]
        fitted = fit(blocks)
        assert len(fitted) <= 50
        assert (
            " ".join(b["text"]["text"] for b in fitted).split()
            == " ".join(b["text"]["text"] for b in blocks).split()
        )


def test_a_which_role_glance_quotes_each_ones_line_on_the_point(kb):
    """'what bonus % do ai engineers usually get?': AI Systems' "Bonuses: Can range from 10% to 20% of
    base salary"; 'do certs matter for ai engineers?': the certifications lines of the two that list them."""
    reply = handlers.ask("what bonus % do ai engineers usually get on top of base?", kb)
    assert reply.intent == "clarify" and "Bonuses: Can range from 10% to 20% of base salary" in reply.text
    reply = handlers.ask("do certifications matter much for ai engineers?", kb)
    assert reply.intent == "clarify" and reply.text.count("certifications") >= 2


def test_a_which_role_glance_answers_the_question_asked(kb):
    """'Which AI engineer?' shows each candidate's line on what was asked: a line that names AI
    engineers for their pay, the outlook for "a good career"."""
    reply = handlers.ask("Do AI engineers make a lot of money", kb)
    assert reply.intent == "clarify" and "up to $207,479 for AI Engineers" in reply.text
    reply = handlers.ask("Is AI engineering a good career", kb)
    assert reply.intent == "clarify" and "job security" in reply.text
    reply = handlers.ask("what exactly is an ai engineer?", kb)  # each one's defining sentence
    assert reply.intent == "clarify" and reply.topic == "overview"
    assert (
        "An AI Systems Engineer, often referred to as an AI Engineer, is a specialized professional"
        in reply.text
    )
    assert "Production AI Engineers play a crucial role in developing" in reply.text


def test_a_difference_asked_shows_what_sets_each_role_apart_on_the_first_screen(kb):
    """'What are the key differences between AI and machine learning engineers': the AI Systems
    Engineer's sentence that tells it apart ("This role combines ...") comes first under its name,
    within the first screen (it came after the generic sentence, past 600 characters)."""
    reply = handlers.ask("What are the key differences between AI and machine learning engineers", kb)
    assert reply.intent == "compare" and reply.topic == "overview"
    at = reply.text.find("This role combines expertise in machine learning")
    assert 0 < at < 600
    generic = reply.text.index("often referred to as an AI Engineer")
    assert reply.text.index("*AI Systems Engineer*") < at < generic
