"""The understanding pipeline as a person meets it: what each stage makes them read."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import handlers
from handlers import understand
from handlers.reply import INTENTS
from knowledge.files import KnowledgeError
from knowledge.intent import Model, features, vector
from knowledge.load import load_aliases, load_intent
from tests.handlers.test_replies import assert_within_limits

WELCOME = "You're welcome!"


class TestChat:
    """Thanks is not a question, and "help" is not thanks."""

    @pytest.mark.parametrize(
        "text", ["that was really helpful", "helpful", "cool, that helps", "thx, that's useful"]
    )
    def test_thanks_gets_a_short_welcome(self, kb, text):
        reply = handlers.ask(text, kb)
        assert reply.text.startswith(WELCOME) and reply.roles == () and len(reply.text) < 200

    @pytest.mark.parametrize("text", ["/role help", "help", "@rolebot help"])
    def test_help_gets_the_usage_not_a_welcome(self, kb, text):
        reply = handlers.ask(text, kb)
        assert reply.intent == "help" and "Slash command" in reply.text and WELCOME not in reply.text

    def test_help_with_a_question_answers_the_question(self, kb):
        reply = handlers.ask("help me with mlops salary", kb)
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "salary")

    def test_a_word_only_in_lead_ins_is_not_understood_never_a_crash(self, kb):
        """'candidates' is only in "...candidates need to meet:" lead-ins: no answering line."""
        reply = handlers.ask("candidates", kb)
        assert reply.intent == "unknown" and "couldn't tell" in reply.text

    def test_word_lists_do_not_overlap(self):
        """A word that both thanks and asks for help cannot tell the two apart."""
        a = load_aliases()
        assert not set(a.thanks_words) & set(a.help_words)
        assert not set(a.thanks_words) & set(a.list_words)
        assert not set(a.help_words) & set(a.stopwords) - {"help"}  # "help" opens a message, see _chat
        assert set(a.thread_across) <= set(a.across_words) | {"every", "each", "roles", "jobs", "positions"}
        # every kind of advice is a label of the intent model, but those asked in words ("why ...?")
        lists = a.word_lists
        assert not set(lists["gratitude"]) & set(a.help_words)  # "thanks" opens no request for help
        assert not set(lists["person_titles"]) & set(lists["ranks"])  # "senior" is no title
        assert lists["first_rung"][0] == "junior"  # the ladder's first rung as most headings name it
        worded = {k for k, spec in a.advice.items() if spec.get("asked")} | {
            "reasons",
            "drivers",
            "place_reasons",
            "switch",  # the way in, for a person who comes from a job of their own (handlers/kinds.py)
            "rise",  # the skills for moving up: skills and promotion named together (inrole.py)
        }
        assert worded >= {"prospects", "study"}
        assert set(a.label_topics.values()) <= set(a.topics) and set(a.advice) - worded <= set(a.label_topics)


class TestScope:
    """'Not covered' only on positive evidence; the covered part is answered."""

    def test_a_place_the_pay_section_names_is_covered(self, kb):
        """'Santa Monica, CA (21.8% above national average)': no dollar figure, but the pay section
        says it, so it is no "Santa Monica pay" not covered."""
        reply = handlers.ask("ml engineer salary in santa monica", kb)
        assert reply.uncovered == () and "21.8% above national average" in reply.text[:300]

    def test_the_persons_own_title_is_never_named_as_not_covered(self, kb):
        for text in (
            "data analyst (excel, sql, some python) -> ai systems engineer, realistic? what do i learn first",
            "data scientist here, what tooling should i learn to move over to mlops",
        ):
            assert handlers.ask(text, kb).uncovered == ()

    def test_a_title_the_roles_document_lists_is_covered(self, kb):
        """'what advanced roles after ml engineer? research engineer possible?': the ML engineer's
        document lists Research Engineer among its advanced roles; compared, a title still needs a
        document that sets it beside the role (on pay, any role's document)."""
        reply = handlers.ask("what advanced roles after ml engineer? research engineer possible?", kb)
        assert reply.uncovered == () and "Research Engineer" in reply.text[:600]
        # compared on pay: another document sets the two side by side, and says whose line it is
        reply = handlers.ask("Who gets paid more software engineer or machine learning engineer", kb)
        assert (
            reply.uncovered == ()
            and "~20% salary premium compared to traditional software" in reply.text[:600]
        )
        assert "_AI/ML Platform Engineer document › Market Demand_" in reply.text

    def test_where_the_person_works_is_no_place_asked_about(self, kb):
        """'10 yrs sysadmin in brazil ... how is the market': Brazil is where they work, not asked;
        "i am from brazil, what do they make in brazil" still asks Brazil's pay."""
        reply = handlers.ask(
            "background: 10 yrs sysadmin in brazil. how is the market for mlops engineers", kb
        )
        assert reply.uncovered == ()
        reply = handlers.ask("hello, i am from brazil, how much do ml engineers make in brazil", kb)
        assert reply.uncovered == ("Brazil",)
        reply = handlers.ask(
            "context: we run kubeflow for like 60 data scientists. what do platform engineers do", kb
        )
        assert reply.uncovered == ()

    def test_a_thing_another_document_says_is_quoted_from_it(self, kb):
        """'are stock options part of the package for ml platform engineers?': its document says nothing
        of them, yet AI Systems Engineer's does: quoted, not "the role documents don't cover it"; a thing
        only a pay source's name holds ("Interview Kickstart") is no such line."""
        reply = handlers.ask("are stock options part of the package for ml platform engineers?", kb)
        assert reply.uncovered == ("stock options",) and "don't cover it" not in reply.text
        assert "Especially common in tech startups and larger tech companies" in reply.text[:600]
        reply = handlers.ask("can production ai engineers work remotely?", kb)
        assert "Potential for remote work" in reply.text[:600]
        reply = handlers.ask("how many interview rounds for ai systems engineers?", kb)
        assert "Kickstart" not in reply.text

    def test_a_mention_asked_of_a_held_point_names_no_everyday_word(self, kb):
        """'... young data scientists find manufacturing dull, so plants struggle to hire. is that
        mentioned anywhere?': the line is there; "struggle" is colour, not a thing said to be missing;
        "does the mlops doc mention rust?" still names rust."""
        reply = handlers.ask(
            "a friend says young data scientists find manufacturing unappealing so plants struggle to hire. "
            "is that mentioned anywhere?",
            kb,
        )
        assert reply.uncovered == () and "says nothing" not in reply.text
        assert "Manufacturing sector may be less appealing to young data scientists" in reply.text[:600]
        assert handlers.ask("does the mlops doc mention rust?", kb).uncovered == ("rust",)

    def test_a_covered_ask_beside_one_not_covered_is_answered(self, kb):
        """'is on call part of platform engineering, and what tools do they rely on?': the tools, with
        on call named; the "on" of "rely on" is no part of "on call"."""
        reply = handlers.ask("is on call part of platform engineering, and what tools do they rely on?", kb)
        assert reply.intent == "answer" and reply.uncovered == ("on call",)

    def test_ai_being_built_into_things_is_the_technology(self, kb):
        """'trend about ai being built into consumer electronics and cars?': AI the technology, not "which AI
        engineer?"; MLOps's Complex System Integration trend says it."""
        reply = handlers.ask("trend about ai being built into consumer electronics and cars?", kb)
        assert reply.intent != "clarify"
        assert "consumer electronics and automotive industries" in reply.text[:600]

    def test_meta_is_the_facebook_the_documents_name(self, kb):
        """'is meta hiring ml engineers?': AI/ML Engineer's "Google, Amazon, Facebook, and Microsoft are
        actively hiring", not "nothing about Meta"; its pay is a figure no document gives."""
        reply = handlers.ask("is meta hiring ml engineers these days?", kb)
        assert "Meta" not in reply.uncovered and "Facebook" in reply.text[:600]
        reply = handlers.ask("how much does meta pay ml engineers?", kb)
        assert reply.uncovered == ("Meta pay",)

    def test_named_things_are_written_as_their_names(self, kb):
        """'is tcs or infosys hiring?', 'openai', 'brasil': named as not covered, written properly."""
        reply = handlers.ask("is tcs or infosys hiring model ops engineers right now", kb)
        assert reply.uncovered == ("TCS", "Infosys") and "“TCS” or “Infosys”" in reply.text
        assert handlers.ask("how much does openai pay ml engineers", kb).uncovered == ("OpenAI",)
        assert handlers.ask("quanto ganha um ml engineer no brasil? salary pls", kb).uncovered == ("Brasil",)
        assert handlers.ask("does jane street pay ml engineers more than citadel", kb).uncovered == (
            "Jane Street",
            "Citadel",
        )
        reply = handlers.ask("how do I value the stock options in my mlops offer?", kb)
        assert reply.uncovered == ("stock options",) and "says nothing about “stock options”" in reply.text
        reply = handlers.ask("is a PE license required for production ai engineers?", kb)
        assert reply.uncovered == ("pe license",)
        # what the question sets aside is not asked: "beyond more meetings" names no meetings
        reply = handlers.ask(
            "what does leadership look like for ai systems engineers, beyond more meetings?", kb
        )
        assert reply.intent == "answer" and not reply.uncovered
        assert handlers.ask("how many meetings do ai systems engineers have", kb).uncovered
        reply = handlers.ask("do ml engineers get sabbaticals after a few years at a company", kb)
        assert reply.uncovered == ("sabbatical",)
        reply = handlers.ask(
            "Onsite at a big tech company for an ML engineer role. There's an ML system design round. How"
            " should I prepare for that round?",
            kb,
        )
        assert reply.uncovered == ("system design round",)
        reply = handlers.ask("platform eng: CKA or CKAD, which should i take first?", kb)
        assert reply.uncovered == ("CKA", "CKAD")

    def test_a_pronoun_for_what_the_sentence_before_names_is_that_subject(self, kb):
        """'... asking for a four-day work week. Do companies offer that?': the four-day week, not
        covered; 'that job' is the job ('... interviewing there. what are the hard parts of that job?')."""
        reply = handlers.ask(
            "Our AI systems engineers are asking for a four-day work week. Do other companies offer that?", kb
        )
        assert reply.intent == "unknown" and reply.uncovered == ("four day work week",)
        reply = handlers.ask(
            "interviewing for the ML platform team at my company. what are the hard parts of that job?", kb
        )
        assert reply.intent == "answer" and reply.topic == "challenges"
        reply = handlers.ask(  # the topic the sentence before names outright, over "mean"
            "I'm an MLOps engineer and I snap at people when prod breaks. My manager says I need to work "
            "on emotional intelligence. What does that mean for this role?",
            kb,
        )
        assert reply.topic == "soft-skills"
        assert "*Emotional Intelligence:* Manage productive interactions" in reply.text[:300]

    def test_the_writers_own_title_and_work_are_never_named_as_not_covered(self, kb):
        """'SRE at a large company ... what would that team expect that plain SRE work doesn't
        cover?': the writer's own title, and "cover" said of their work, not of the documents."""
        reply = handlers.ask(
            "SRE at a large e-commerce company. My manager suggested moving me onto the ML platform team."
            " What would that team expect from me that plain SRE work doesn't cover?",
            kb,
        )
        assert reply.intent == "answer" and not reply.uncovered
        assert handlers.ask("does the mlops doc mention rust?", kb).uncovered == ("rust",)

    def test_a_compound_the_documents_never_say_is_named_whole(self, kb):
        """'does the ml platform doc mention feature stores?': the document says "feature", never
        "feature stores"; the reply names the thing asked, not "stores"."""
        reply = handlers.ask("does the ml platform doc mention feature stores?", kb)
        assert reply.uncovered == ("feature stores",) and "“feature stores”" in reply.text

    @pytest.mark.parametrize(
        ("text", "title"),
        [
            ("is prompt engineering a real job?", "prompt engineer"),
            ("is data engineering still a good career?", "data engineer"),
        ],
    )
    def test_a_title_said_as_its_field_and_judged_is_that_title(self, kb, text, title):
        """'is prompt engineering a real job?': the prompt engineer, none of the five roles (before:
        "I couldn't tell what you mean by prompt"); 'is ml engineering a good career?' is a role's."""
        reply = handlers.ask(text, kb)
        assert reply.uncovered == (title,) and f"“{title}” isn't one of them" in reply.text
        assert handlers.ask("is ml engineering a good career?", kb).roles == ("ai-ml-engineer",)

    def test_a_job_title_that_is_none_of_the_five(self, kb):
        reply = handlers.ask("devops engineer salary?", kb)
        assert reply.intent == "unknown" and reply.uncovered == ("devops engineer",)
        assert "isn't one of them" in reply.text and "MLOps Engineer" in reply.text
        for typed, title in (
            ("what does a site reliablity engineer do", "site reliability engineer"),  # misspelt
            ("career path for a scrum master?", "scrum master"),
        ):
            assert handlers.ask(typed, kb).uncovered == (title,), typed
        for typed, thing in (
            ("what's the staff turnover rate for production ai engineers", "turnover"),
            ("how much travel is expected for ai systems engineers", "travel"),
            (
                "how many hours of meetings a week does an ml platform engineer sit through",
                "hours of meetings a week",
            ),
        ):
            assert handlers.ask(typed, kb).uncovered == (thing,), typed

    def test_a_field_that_is_also_a_title_asked_for_is_the_field(self, kb):
        """'which roles need devops experience?': DevOps the practice across the roles; the writer's own
        title ('DevOps engineer with 5 YOE. ...') is no subject; 'devops salary' is the title."""
        for text in (
            "which roles need devops experience?",
            "DevOps engineer with 5 YOE. Which of these roles ask for DevOps experience or work"
            " alongside DevOps teams?",
        ):
            reply = handlers.ask(text, kb)
            assert reply.uncovered == () and "mlops-engineer" in reply.roles, text
            assert "“devops” in the role documents" in reply.text and "alongside" not in reply.text[:80]
        assert handlers.ask("devops salary", kb).uncovered == ("devops",)

    def test_ai_the_field_beside_a_title_none_of_the_five(self, kb):
        reply = handlers.ask("Should I expect AI to take over a PLC programmer's job?", kb)
        assert reply.intent == "unknown" and reply.uncovered == ("PLC programmer",)

    def test_a_title_asked_about_is_not_searched_for_its_words(self, kb):
        """'the career path for a labeling specialist? ... a way into AI': the title, not the roles'
        lines that happen to say "specialist"."""
        reply = handlers.ask(
            "what's the career path for a data annotation / labeling specialist? is that a way into AI", kb
        )
        assert reply.intent == "unknown" and reply.uncovered == ("labeling specialist",)
        assert "isn't one of them" in reply.text and "AI specialists" not in reply.text

    def test_a_title_one_document_names_is_answered_from_it(self, kb):
        """AI Systems Engineer's document lists Computer Vision Engineers among in-demand roles."""
        reply = handlers.ask("What is the job outlook for computer vision engineers", kb)
        assert reply.roles == ("ai-systems-engineer",) and reply.uncovered == ("computer vision engineer",)
        assert "Computer Vision Engineers" in reply.text[:400]

    def test_a_job_title_as_where_the_person_comes_from_is_context(self, kb):
        reply = handlers.ask("I'm a data analyst, how do i become an ML engineer?", kb)
        assert reply.intent == "answer" and reply.roles == ("ai-ml-engineer",) and reply.uncovered == ()

    def test_what_the_context_says_of_the_person_points_into_the_soft_skills(self, kb):
        reply = handlers.ask(
            "i get stressed quickly when prod breaks. which soft skills help an ml platform engineer cope?",
            kb,
        )
        assert "Capacity to handle stress" in reply.text[:300]

    def test_these_roles_point_at_the_roles_not_the_context(self, kb):
        """'Which of these roles pays best at entry level? I'm a new grad with offers ...': the pay
        chart, not the roles' lines that say "offer" or "care"."""
        reply = handlers.ask(
            "Which of these roles pays best at entry level? I'm a new grad with offers that are all titled"
            " slightly differently. Ignore equity, I just care about base for now.", kb,
        )  # fmt: skip
        assert reply.topic == "salary" and "at entry level*: MLOps Engineer $110,000" in reply.text[:300]
        reply = handlers.ask("I really enjoy mentoring juniors. Which of these roles involve that?", kb)
        assert reply.text.startswith("*“mentoring” in the role documents*")  # "that": the context, asked

    def test_what_the_person_would_rather_do_is_context(self, kb):
        """'... need soft skills or can I just hide in terraform all day?': the soft skills, not Terraform."""
        reply = handlers.ask(
            "do mlops engineers need soft skills or can I just hide in terraform all day", kb
        )
        assert reply.topic == "soft-skills" and "Communication" in reply.text[:300]
        assert "Terraform" not in reply.text[:600]
        reply = handlers.ask(  # why the person asks is context: no interview to say "not covered" about
            "Backend eng at a fintech. Our ML infra team has an opening. What do I need to learn so I don't"
            " embarrass myself in the interview?", kb,
        )  # fmt: skip
        assert reply.intent == "answer" and reply.topic == "requirements" and not reply.uncovered
        reply = handlers.ask("what should i learn so i can get hired as an mlops engineer?", kb)
        assert reply.roles == ("mlops-engineer",)
        reply = handlers.ask("do ml engineer jobs need llm experience now or is that just hype", kb)
        assert reply.topic == "requirements" and "Familiarity with large language models" in reply.text[:400]

    def test_a_title_no_line_shown_says_gets_no_promise_of_what_is_said_of_it(self, kb):
        """The SQL lines say nothing of data engineers: not "here is what the documents say about it"."""
        reply = handlers.ask(
            "do AI systems engineers need SQL / database chops or is that the data engineer's problem", kb
        )
        assert (
            "Knowledge of SQL" in reply.text[:400]
            and "here is what the role documents say about it" not in reply.text
        )

    def test_a_title_beside_a_role_is_named_as_not_covered(self, kb):
        """The documents mention software engineers only as colleagues: what they say is shown,
        and the title is named as not covered, in the text and in `uncovered`."""
        reply = handlers.ask(
            "what are the differences in tasks between an ML engineer and a software engineer", kb
        )
        assert reply.intent == "answer" and reply.uncovered == ("software engineer",)
        assert "“software engineer” isn't one of the 5 roles I know" in reply.text
        assert reply.text.count("software engineer") >= 2  # the lines that say it

    def test_a_title_a_document_sets_beside_its_role_is_covered(self, kb):
        reply = handlers.ask("is a data scientist the same as an ml engineer", kb)
        assert reply.uncovered == () and "AI/ML Engineer vs. Data Scientist" in reply.text[:600]

    def test_pay_beside_another_title_leads_with_the_line_that_compares_them(self, kb):
        """'earn more than software engineers?': the line setting the two pays side by side leads,
        wherever it stands; with no such line, the other title's own pay where the document gives it
        (a data scientist's, in the AI/ML Engineer's trends), else that pay is named as not covered."""
        reply = handlers.ask("do ml platform engineers earn more than normal software engineers?", kb)
        assert reply.topic == "demand" and reply.uncovered == ()  # the section of the line that answers
        assert "~20% salary premium compared to traditional software engineers" in reply.text[:400]
        reply = handlers.ask("do ml engineers earn more than data scientists", kb)
        assert reply.uncovered == () and "$109,143 to $131,000" in reply.text[:400]
        reply = handlers.ask("do mlops engineers earn more than data scientists", kb)
        assert reply.topic == "salary" and reply.uncovered == ("data scientist pay",)
        assert "says nothing about “data scientist pay”" in reply.text[:300]

    @pytest.mark.parametrize(
        "text",
        [
            "data scientists who want to move into mlops, what should they learn?",
            "I'm a senior backend engineer, what does an mlops engineer do all day?",
            "should I learn devops before mlops?",  # a field the document names
        ],
    )
    def test_a_title_for_the_person_asking_or_a_named_field_is_not_uncovered(self, kb, text):
        assert handlers.ask(text, kb).uncovered == ()

    @pytest.mark.parametrize(
        "text",
        [
            "I'm a recruiter. What should an ML platform engineer's CV show?",
            "hiring manager here: what background should I screen for when hiring mlops engineers?",
        ],
    )
    def test_someone_hiring_asks_what_the_role_requires(self, kb, text):
        reply = handlers.ask(text, kb)
        assert reply.topic == "requirements"

    def test_ai_infrastructure_is_the_platform_role(self, kb):
        reply = handlers.ask("what kinds of projects signal readiness for an AI infrastructure role?", kb)
        assert reply.roles == ("ml-platform-engineer",)

    def test_where_a_person_comes_from_and_goes_is_no_subject(self, kb):
        """'from backend or product work into infrastructure': the way in, from the career lists."""
        reply = handlers.ask(
            "How do people actually move from backend or product work into ML infrastructure roles?", kb
        )
        assert reply.roles == ("ml-platform-engineer",) and reply.topic in ("career", "requirements")

    def test_a_medium_word_in_another_section_does_not_lead_advice(self, kb):
        """'github' in a CV question is where to show things, not the Copilot trend."""
        reply = handlers.ask("what should my github show if i want to do ml platform work someday?", kb)
        assert reply.topic in ("career", "requirements") and "Copilot" not in reply.text[:300]

    def test_a_field_studied_is_no_role_beside_a_named_one(self, kb):
        reply = handlers.ask("Do PhDs in AI/ML get hired for MLOps roles or only bachelors?", kb)
        assert reply.intent == "answer" and reply.roles == ("mlops-engineer",)
        assert handlers.ask("should you get a degree in machine learning?", kb).roles == ("ai-ml-engineer",)

    def test_the_models_hunch_breaks_a_near_tie_between_sections(self, kb):
        reply = handlers.ask("How essential are Linear Algebra/Calculus in ML?", kb)
        assert reply.topic == "requirements" and "linear algebra" in reply.text[:600]

    def test_a_long_question_naming_no_role_is_not_echoed_as_a_role_name(self, kb):
        """A whole sentence's odd words are no role name: it asks which role, on the likely topic."""
        reply = handlers.ask(
            "From a professional perspective, does it make sense to get on a train that is so crowded"
            " already? Step 0 is probably to take a course online",
            kb,
        )
        assert reply.intent == "clarify" and "role called" not in reply.text
        reply = handlers.ask(
            "If a model goes sideways how do you fix that? Could you fix flaws in the base model?", kb
        )
        # a base model is no base pay: which role, or the practices of every role
        assert reply.intent in ("clarify", "compare") and reply.topic != "salary"
        assert "role called" not in reply.text and "Salary" not in reply.text

    def test_getting_in_leads_with_the_first_job(self, kb):
        """'How do I break into MLOps?': the ladder's first rung, then the way to it."""
        reply = handlers.ask("I just finished a bootcamp. How do I break into MLOps engineering?", kb)
        assert "Junior MLOps Engineer" in reply.text[:300] and "Proficiency in Python" in reply.text[:600]

    def test_from_the_role_to_a_level_is_the_way_up(self, kb):
        reply = handlers.ask("how do i get to AI team lead from ml platform engineer", kb)
        assert "Manage teams, oversee the AI department" in reply.text[:300]

    @pytest.mark.parametrize(
        "text,first",
        [  # the level by another name than the ladder's ("head of" for "Director of AI")
            (
                "whats the road from senior ai systems engineer to something like head of ai",
                "Director of AI or",
            ),
            # "what does it take" is no requirements list when the way up is asked
            ("what does it take to go from mlops engineer all the way up to director", "Director of MLOps:*"),
            # the level the context names, asked as "that path"
            (
                "i want to end up as a team lead one day, im in mlops. what does that path look like",
                "MLOps Team Lead:*",
            ),
        ],
    )
    def test_the_way_up_to_a_level_leads_with_its_rung(self, kb, text, first):
        reply = handlers.ask(text, kb)
        assert reply.topic == "career" and first in reply.text[:300]

    @pytest.mark.parametrize(
        "text,topic",
        [  # "make senior" is becoming senior; "what do seniors make" is their pay
            ("mid-level ml engineer here, what do i need to show to make senior", "career"),
            ("what do senior mlops engineers make", "salary"),
            # an offer named in passing is no pay question when the way up is asked
            ("got offered a team lead role. is that a step up from senior mlops engineer?", "career"),
        ],
    )
    def test_pay_words_beside_the_way_up(self, kb, text, topic):
        assert handlers.ask(text, kb).topic == topic

    def test_the_title_names_the_section_the_answer_comes_from(self, kb):
        """'is there some standard like GMLP they follow': the line is in the responsibilities, so the
        reply is titled so, not by "standard" (best practices), which no line shown is from."""
        reply = handlers.ask("mlops industry guidelines - is there some standard like GMLP they follow", kb)
        assert reply.topic == "responsibilities" and "Good Machine Learning Practice" in reply.text[:200]

    def test_years_asked_of_the_requirements_lead_with_the_years_asked_for(self, kb):
        """'do mlops jobs need 5 years?': the experience lines first; "in the next few yrs" is when,
        not a subject ('where is mlops heading in the next few yrs': the trends)."""
        reply = handlers.ask("do mlops jobs need 5 years", kb)
        assert reply.text.index("Typically 3-6 years in managing ML projects") < 200
        assert handlers.ask("where is mlops heading in the next few yrs", kb).topic == "trends"

    def test_the_ai_field_asks_across_its_roles(self, kb):
        """'work in AI': the field, so every role answers, not "which one?"."""
        assert handlers.ask("Is AI currently the best field to take", kb).intent == "compare"  # the field
        reply = handlers.ask("Do I need a degree to work in AI", kb)
        assert reply.intent == "compare" and len(reply.roles) == 5 and "Bachelor's degree" in reply.text[:600]
        assert handlers.ask("what skills do you need to work in AI?", kb).intent == "compare"

    def test_a_point_named_in_advice_leads_its_list(self, kb):
        reply = handlers.ask("Do you really need to learn all the math to survive in ML?", kb)
        assert "linear algebra, calculus" in reply.text[:300]
        reply = handlers.ask("which ops tools should I learn for mlops?", kb)  # tools are what it lists
        assert reply.topic == "requirements"

    def test_what_to_highlight_on_a_cv_is_the_experience_to_show(self, kb):
        """'... What do employers look for that I should highlight?': what to show, not the one
        closing sentence that says "highlight"."""
        reply = handlers.ask(
            "CV for production AI roles: what do employers look for that I should highlight?",
            kb,
        )
        assert "These trends highlight" not in reply.text and "hands-on projects" in reply.text[:400]

    def test_what_to_study_is_the_schooling(self, kb):
        reply = handlers.ask("My son is 16. What should he study to be an AI systems engineer one day?", kb)
        assert "Bachelor's degree" in reply.text[:300]
        reply = handlers.ask("what do production ai engineers need to study?", kb)
        assert "Bachelor's degree" in reply.text[:300]

    def test_a_message_naming_no_role_is_about_the_one_its_work_points_to(self, kb):
        """Defect detection at a plant: Production AI's world. With no such words, "which role?"."""
        reply = handlers.ask(
            "our defect detection model deploys at the plant are a mess, every push breaks something on the"
            " line and we roll back by hand at 2am. what practices should we be following", kb,
        )  # fmt: skip
        assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)
        assert reply.topic == "best-practices"
        reply = handlers.ask(  # "interviews": no word of any role's work, though one line says it
            "And practically, how do you start getting interviews without already having an infra title?",
            kb,
        )
        assert reply.intent == "clarify"
        reply = handlers.ask("what best practices should we follow?", kb)  # "follow" is no role name
        assert reply.intent == "clarify" and len(reply.roles) == 5 and "Which role" in reply.text
        assert handlers.ask("what does a dentist earn?", kb).intent == "unknown"

    def test_ai_engineer_beside_ml_engineer_is_the_role_called_so(self, kb):
        """The AI Systems document says it is "often referred to as an AI Engineer"; ML engineer
        is named, so "AI engineer" is the other one. Beside MLOps it stays ambiguous."""
        reply = handlers.ask("What's the difference between AI engineer and ML engineer?", kb)
        assert reply.intent == "compare" and set(reply.roles) == {"ai-ml-engineer", "ai-systems-engineer"}
        assert handlers.ask("ai engineer vs mlops engineer", kb).intent == "clarify"
        reply = handlers.ask("bonus wise ai eng vs ml engineer, who gets more?", kb)  # "eng" is "engineer"
        assert reply.intent == "compare" and set(reply.roles) == {"ai-ml-engineer", "ai-systems-engineer"}

    def test_ai_engineer_asked_alike_or_not_beside_ml_engineer_is_compared(self, kb):
        """Asked whether the two are the same, or which earns more, "AI engineer" is still the role
        called so, set beside the ML engineer; "AI/ML engineering" is the role's own name, and a
        role said to be called "AI Engineer" is that role."""
        for question in (
            "Is AI engineering the same as ML engineering",
            "Who earns more, an AI engineer or an ML engineer?",
            "are ml engineers and ai engineers basically interchangeable titles",
        ):
            reply = handlers.ask(question, kb)
            assert reply.intent == "compare", question
            assert set(reply.roles) == {"ai-ml-engineer", "ai-systems-engineer"}, question
            assert "AI/ML Engineer vs AI Systems Engineer" in reply.text, question
        reply = handlers.ask(
            "Should I pivot to AI/ML engineering, or will AI tools make AI engineering obsolete?", kb
        )
        assert reply.roles == ("ai-ml-engineer",)
        reply = handlers.ask("is an 'AI systems engineer' the same thing as an 'AI engineer'?", kb)
        assert reply.intent == "answer" and reply.roles == ("ai-systems-engineer",)

    def test_who_is_asking_decides_no_ai_engineer(self, kb):
        """'recruiter here': one document mentions recruiters, but the recruiter is the asker."""
        assert (
            handlers.ask("recruiter here - what's the market like for ai engineers right now?", kb).intent
            == "clarify"
        )

    def test_the_industry_a_person_works_in_decides_which_ai_engineer(self, kb):
        """ "manufacturing" is in a dozen of Production AI's lines and a few of the others': an AI
        engineer at a manufacturer is a production AI engineer; with nothing to decide, "which one?"."""
        reply = handlers.ask(
            "AI eng at a manufacturer in Chicago, what's normal pay? I'm at 150 and feel underpaid", kb
        )
        assert reply.roles == ("production-ai-engineer",) and "Around $180,000" in reply.text[:600]
        reply = handlers.ask("what does an AI engineer at a manufacturing company do all day?", kb)
        assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)
        reply = handlers.ask(
            "I'm an AI engineer and I like my team a lot. what do seniors make these days?", kb
        )
        assert reply.intent == "clarify" and "“ai engineer”" in reply.text.lower()

    def test_a_question_naming_no_topic_asks_about_its_contexts(self, kb):
        """'... no idea what's normal for experience or education. What do the docs say we should
        ask for?': the requirements, which the context names outright."""
        reply = handlers.ask(
            "Hiring manager here. We're opening our first ML platform engineer req and I have no idea what's"
            " normal for experience or education. What do the docs say we should ask for?",
            kb,
        )
        assert reply.topic == "requirements" and "5+ years of relevant experience" in reply.text[:600]

    def test_what_happens_in_the_context_leads_the_market_section(self, kb):
        """'... panicking about the big tech layoffs. Has the market taken a hit?': the line on the
        layoffs first; a person's own background ("a DevOps engineer for 6 years") leads nothing."""
        reply = handlers.ask(
            "Everyone at work is panicking about the big tech layoffs and I'm switching into ML engineering."
            " Has the market for ML engineers actually taken a hit?",
            kb,
        )
        assert reply.topic == "demand" and "Recent layoffs in big tech companies" in reply.text[:300]
        # ... and beside the outlook a person asks of ("a safe bet?")
        reply = handlers.ask(
            "Layoffs everywhere. Is ML engineering still a safe bet? Mid-level MLE here.", kb
        )
        assert "Recent layoffs in big tech companies" in reply.text[:300]

    def test_how_the_person_copes_leads_the_soft_skills(self, kb):
        """'soft skills for ml platform engineers that nobody talks about? i'm burnt out from on-call':
        the soft skill on stress first, the rest of the section after it."""
        reply = handlers.ask(
            "soft skills for ml platform engineers that nobody talks about? i'm burnt out from on-call", kb
        )
        assert reply.topic == "soft-skills"
        first = reply.text.split("\n•", 2)[1]
        assert "stress" in first.lower(), reply.text[:400]

    def test_the_level_of_a_stated_offer_is_kept(self, kb):
        """'got offered 128k base for a mid level mlops job with 5 yoe. ... is it?': the mid-level
        figures, and the amount placed against what is shown (before: the level was dropped and only
        the average base figures came)."""
        reply = handlers.ask(
            "got offered 128k base for a mid level mlops job with 5 yoe. recruiter swears it's competitive."
            " is it?",
            kb,
        )
        assert "$145,000 - $155,000" in reply.text[:400]
        assert "$128,000 is below" in reply.text

    def test_people_checked_out_lead_the_soft_skills_on_motivation(self, kb):
        """'my ml platform engineers seem demotivated after the reorg. which soft skills matter here?':
        the soft skill on motivation first (checked out, disengaged, demotivated: motivation and focus)."""
        reply = handlers.ask(
            "my ml platform engineers seem demotivated after the reorg. which soft skills matter here?", kb
        )
        assert reply.topic == "soft-skills"
        assert "Maintaining motivation and focus" in reply.text.split("\n•", 2)[1]

    def test_presenting_to_people_outweighs_a_word_naming_another_topic(self, kb):
        """'I have to present our churn model to the leadership team. which skills matter for that?':
        presenting to people names the soft skills over "skills" (the requirements)."""
        reply = handlers.ask(
            "ml engineer here, I have to present our churn model to the leadership team. which skills matter"
            " for that?",
            kb,
        )
        assert reply.topic == "soft-skills"

    def test_owning_a_mistake_is_accountability(self, kb):
        """'... how should an ml engineer own a mistake like that?': the soft skill of accountability,
        not the challenges ("mistake")."""
        reply = handlers.ask(
            "my model flagged a loyal customer as fraud and they left. how should an ml engineer own a"
            " mistake like that?",
            kb,
        )
        assert reply.topic == "soft-skills"
        assert "Take ownership of work and be accountable for results" in reply.text[:300]

    def test_what_a_junior_does_at_first_is_the_first_rung(self, kb):
        """'joining as a junior ml platform engineer next month. what will i be doing at first?': the
        ladder's first rung, then the job (before: the overview)."""
        reply = handlers.ask(
            "new grad, joining as a junior ml platform engineer next month. what will i be doing at first?",
            kb,
        )
        assert "Junior AI/ML Engineer:" in reply.text[:300]

    def test_money_the_person_spends_is_no_pay(self, kb):
        """'my employer gives me 2k a year for learning. ... how should i spend the money to stay
        current?': how to keep current, not the salary section ("money")."""
        reply = handlers.ask(
            "my employer gives me 2k a year for learning. as an mlops engineer how should i spend the money"
            " to stay current?",
            kb,
        )
        assert reply.topic != "salary" and "$" not in reply.text[:300]
        assert "stay updated" in reply.text[:300].lower() or "up-to-date" in reply.text[:300]

    def test_wanting_to_be_seen_as_senior_is_the_climb(self, kb):
        """'I want to be seen as senior next year. what should I own beyond pipelines?': the climb to
        senior (the career ladder, its senior rung), not the best practices."""
        reply = handlers.ask(
            "ml platform engineer here, I want to be seen as senior next year. what should I own beyond"
            " pipelines?",
            kb,
        )
        assert reply.topic == "career" and "Senior AI/ML Engineer:" in reply.text[:600]

    def test_an_amount_of_money_asks_about_pay(self, kb):
        """'$160k base in Seattle ... Lowball?': the pay there; "40k rows" is no money."""
        reply = handlers.ask("ML platform engineer offer in Seattle: $160k base, 6 YOE. Lowball?", kb)
        assert reply.topic == "salary" and "Seattle, WA: $173,517" in reply.text[:300]
        # the person's "4 YOE" in the context names no topic the question asks
        reply = handlers.ask("Production AI engineer, 4 YOE, $135k base. Is that fair for mid-level?", kb)
        assert reply.topic == "salary" and "$140,000 to $153,788" in reply.text[:300]
        reply = handlers.ask(
            "ml eng at an insurtech, our model overfits on 40k rows. how do ml engineers deal with it?",
            kb,
        )
        assert reply.topic != "salary"

    def test_a_place_the_context_names_is_where_pay_is_asked(self, kb):
        """'... an offer for an ML engineer job in San Francisco ... What's the average salary there?'"""
        reply = handlers.ask(
            "I've got an offer for an ML engineer job in San Francisco. What's the average salary there?", kb
        )
        assert "San Francisco, CA" in reply.text[:300] and "$136,287" in reply.text[:300]

    def test_that_person_holds_the_level_of_the_context(self, kb):
        """'I'd like to be director of mlops someday. what does that person actually do': the
        director's rung, not the role's responsibilities; "is the master's worth it" names no level."""
        reply = handlers.ask("i'd like to be director of mlops someday. what does that person do", kb)
        assert "Director of MLOps:* Leads overall MLOps strategy" in reply.text[:300]

    def test_a_role_likened_to_another_is_the_one_asked_about(self, kb):
        """'Saw "Production AI Engineer" on LinkedIn ... Is it just an ML engineer with a different
        name? What is the role?': the production AI engineer, what it is."""
        reply = handlers.ask(
            "Saw 'Production AI Engineer' on a LinkedIn post and I have no clue what that title means. Is it"
            " just an ML engineer with a different name? What is the role?",
            kb,
        )
        assert reply.roles == ("production-ai-engineer",) and reply.topic == "overview"

    def test_a_bare_question_asks_about_its_contexts_subject(self, kb):
        """'... my models keep drifting. what's the recommended fix?': the drift lines."""
        reply = handlers.ask("im an mlops engineer and my models keep drifting. what's the fix?", kb)
        assert "drift" in reply.text[:300].lower()

    def test_these_two_roles_are_the_two_of_the_context(self, kb):
        reply = handlers.ask(
            "I have two offers, one as an MLOps engineer at a fintech and one as an ML platform engineer at"
            " a retailer. Ignoring everything else, which of these two roles generally pays more?",
            kb,
        )
        assert set(reply.roles) == {"mlops-engineer", "ml-platform-engineer"} and reply.topic == "salary"

    def test_a_role_set_on_is_what_the_person_lacks_for_it(self, kb):
        """'I want to become an ML engineer. Where do I start?': that role's gaps, not a ranking."""
        reply = handlers.ask(
            "I taught physics for 10 years and know some Python and linear algebra. I want to become an ML"
            " engineer. Realistically, where do I start?",
            kb,
        )
        assert reply.roles == ("ai-ml-engineer",) and "your gaps" in reply.text[:100]

    def test_an_everyday_word_beside_a_covered_one_is_no_refusal(self, kb):
        """'folks' is no subject: the MLOps document does say remote work is possible."""
        reply = handlers.ask("and for the mlops folks, is remote work a thing there?", kb)
        assert reply.intent == "answer" and "remote work" in reply.text[:400] and reply.uncovered == ()

    def test_how_hard_to_switch_with_skills_listed_is_their_gaps(self, kb):
        reply = handlers.ask(
            "DevOps eng here, jenkins/terraform/ansible all day. how hard would it be to switch into MLOps?",
            kb,
        )
        assert reply.roles == ("mlops-engineer",) and "your gaps" in reply.text[:100]

    def test_a_topic_question_whose_words_no_line_holds_gets_the_brief(self, kb):
        reply = handlers.ask("what trends are shaping the ai systems engineer role right now?", kb)
        assert reply.topic == "trends" and len(reply.text) < 1200 and "Whole section" in reply.text

    def test_everyday_words_beside_vs_are_no_uncovered_subject(self, kb):
        reply = handlers.ask("What kinds of ML roles are likely to grow vs get compressed?", kb)
        assert "compressed" not in reply.uncovered

    def test_countries_are_answered_with_the_world_regions(self, kb):
        reply = handlers.ask("where in the world are ai systems engineers in demand, which countries?", kb)
        assert "Europe" in reply.text[:400] and reply.uncovered == ()

    def test_a_topic_named_beside_a_hiring_word_is_answered_and_the_rest_named(self, kb):
        # the interview is what the skills are for: answered, nothing named as missing
        reply = handlers.ask("Which data engineering skills help candidates in ML engineer interviews?", kb)
        assert reply.intent == "answer" and reply.topic == "requirements" and not reply.uncovered
        assert handlers.ask("what's the interview process for ml engineers", kb).intent == "unknown"
        # a LinkedIn profile too is what the skills are for
        reply = handlers.ask("linkedin tips for ai systems engineers? which skills should i list", kb)
        assert reply.intent == "answer" and not reply.uncovered and "LinkedIn" not in reply.text[:200]

    def test_different_from_a_title_asks_about_it(self, kb):
        reply = handlers.ask("how is an mlops engineer different from a devops engineer", kb)
        assert "devops engineer" in reply.uncovered and reply.roles == ("mlops-engineer",)

    @pytest.mark.parametrize(
        "text,said,topic",
        [
            ("Can I learn machine learning at 30?", "age", "requirements"),
            ("am i too old to become an mlops engineer?", "age", "requirements"),
            ("im 40 years old, too late for mlops?", "age", "demand"),  # the age, not "years old"
            ("which country pays ML engineers the most?", "country", "salary"),
            ("what do mlops engineers earn abroad?", "abroad", "salary"),
            ("what books should I read to become an mlops engineer?", "books", "requirements"),
        ],
    )
    def test_age_countries_and_books_are_named_and_the_rest_answered(self, kb, text, said, topic):
        reply = handlers.ask(text, kb)
        assert reply.intent == "answer" and reply.topic == topic and said in reply.uncovered
        assert f"says nothing about “{said}”" in reply.text

    @pytest.mark.parametrize(
        "text",
        [
            "what do mlops engineers make at 30 yoe",
            "I work at one of the big banks in my country. what do mlops engineers do?",
            "what can an AI systems engineer specialise in later on?",  # British spelling
            # how old a thing is: "integrating an LLM into a 20 year old system"
            "AI systems engineer at an insurer, integrating an LLM into a 20 year old system. is this hard?",
        ],
    )
    def test_numbers_own_country_and_british_spelling_are_not_uncovered(self, kb, text):
        reply = handlers.ask(text, kb)
        assert reply.intent == "answer" and reply.uncovered == ()

    def test_which_job_is_that_names_the_role_of_the_work_told(self, kb):
        """'AI' in the context is the field; 'that' is working on AI in factories: Production AI."""
        reply = handlers.ask("i want to work on AI in factories / manufacturing. which job is that?", kb)
        assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)
        assert reply.text.startswith("*Production AI Engineer · Overview*")
        reply = handlers.ask("i build chatbots with llms and hook them into our crm. what role is that?", kb)
        assert reply.roles == ("ai-systems-engineer",) and reply.topic == "overview"

    def test_a_team_the_person_serves_is_no_title_asked(self, kb):
        reply = handlers.ask(
            "I keep the kubernetes cluster our data scientists train on alive. what's the pay like?", kb
        )
        assert "isn't one of them" not in reply.text and reply.uncovered == ()

    def test_the_work_told_names_the_role_and_the_pay_is_asked(self, kb):
        """'this kind of work' with pay named: the work says which role, it is no subject to look up."""
        reply = handlers.ask(
            "we run vision models on the assembly line to catch defects. "
            "what's the pay like for this kind of work?",
            kb,
        )
        assert reply.roles == ("production-ai-engineer",) and reply.topic == "salary"
        assert "Salary" in reply.text.split("\n")[0] and "$" in reply.text[:600]
        assert "mentions defects" not in reply.text

    @pytest.mark.parametrize(
        "text,said",
        [
            ("what percent of mlops engineers are women?", "women"),
            (
                "will my employer pay tuition for a masters while i work as a machine learning engineer?",
                "tuition",
            ),
            ("is shift work normal for mlops engineers?", "shift work"),
            ("how many weeks notice should an ai systems engineer give before leaving?", "weeks notice"),
        ],
    )
    def test_demographics_and_benefits_are_not_covered(self, kb, text, said):
        reply = handlers.ask(text, kb)
        assert reply.intent == "unknown" and said in reply.uncovered

    def test_a_visa_status_beside_a_covered_question_is_named(self, kb):
        reply = handlers.ask(
            "Is TN status fine for this? what security challenges come with running ml platforms?", kb
        )
        assert reply.intent == "answer" and reply.topic == "challenges" and reply.uncovered
        assert "“TN status”" in reply.text[:300]

    def test_how_much_will_that_hurt_is_about_its_context(self, kb):
        reply = handlers.ask(
            "i'm super technical but kinda bad with people. how much will that hurt me as an mlops engineer?",
            kb,
        )
        assert reply.topic == "soft-skills" and "$" not in reply.text[:600]

    def test_an_everyday_word_beside_a_topic_named_outright_is_colour(self, kb):
        """'a plain-english summary ... for a posting': the overview, not job-posting statistics."""
        reply = handlers.ask(
            "HR here - I need a short plain-english summary of the ml platform engineer job for a posting", kb
        )
        assert (
            reply.topic == "overview"
            and "plays a crucial role" in reply.text[:400]
            and "74%" not in reply.text
        )

    def test_where_the_person_comes_from_is_context(self, kb):
        """'coming from finance, ...': finance is the person's past, not the demand of the role."""
        reply = handlers.ask(
            "coming from finance, can you give me the big picture of what an AI systems engineer is?", kb
        )
        assert (reply.roles, reply.topic) == (("ai-systems-engineer",), "overview")

    def test_a_question_that_points_back_takes_the_topic_of_its_context(self, kb):
        """'whats the real stat' names no topic: the message around it does (jobs growing 20%)."""
        reply = handlers.ask("i heard mlops jobs are growing like 20%. whats the real stat", kb)
        assert reply.topic in ("demand", "career") and "21% increase in jobs" in reply.text[:600]

    @pytest.mark.parametrize(
        "question,back",
        [
            ("is that a real career path?", True),
            ("what does senior actually look like in this line of work?", False),
            ("how stable is this field for ml engineers?", False),
            ("is this normal in this industry?", True),  # "is this": the story told
            ("how do people bridge that gap?", False),  # the gap: a situation, no title of the context
        ],
    )
    def test_the_line_of_work_is_not_the_context_pointed_at(self, engine, question, back):
        """'this line of work', 'this field' name the work itself, not what the sentence before says."""
        m = engine.matcher.match(question)
        assert understand._points_back(m, engine.matcher.word_lists) is back

    @pytest.mark.parametrize(
        "text,figure",
        [
            ("I'm relocating to New York. What do production AI engineers earn there?", "$226,857"),
            ("I have a call with Google next week. What do AI systems engineers make there?", "$204,579"),
        ],
    )
    def test_a_place_named_in_the_context_narrows_the_question(self, kb, text, figure):
        reply = handlers.ask(text, kb)
        assert reply.topic == "salary" and figure in reply.text[:300]

    def test_a_title_the_roles_work_with_is_no_role_asked(self, kb):
        reply = handlers.ask("who works closely with product managers?", kb)
        assert reply.intent in ("answer", "compare") and reply.uncovered == ()
        assert "Product Managers" in reply.text[:600]

    def test_a_title_the_roles_bridge_is_no_role_asked(self, kb):
        reply = handlers.ask("which roles are about bridging data scientists and engineering/ops?", kb)
        assert reply.intent in ("answer", "compare") and "mlops-engineer" in reply.roles
        assert "Bridging the gap between data scientists and ML engineers" in reply.text

    def test_a_topic_named_outright_beats_an_unsure_out_of_scope_reading(self, kb):
        """'postings' is colour beside 'yoe'; 'what would they cover' asks no mention of 'cover'."""
        reply = handlers.ask("how many yoe do prod ai engineer postings usually want", kb)
        assert reply.intent == "answer" and "3+ years of experience" in reply.text[:600]
        reply = handlers.ask(
            "I need someone to own model deployment. Is that an MLOps engineer, what would they cover?", kb
        )
        assert reply.intent == "answer" and reply.roles == ("mlops-engineer",)

    def test_the_role_moved_to_is_asked_about_not_the_one_held(self, kb):
        """'I'm an ML engineer ... I'd like to move to the team that runs our feature store and
        serving platform. What would they look for?': the platform role, not the one held, nor both."""
        for moved in ("the team that runs our feature store and serving platform", "ml platform engineering"):
            reply = handlers.ask(
                f"I'm an ML engineer, mostly training models. I'd like to switch to {moved}. "
                "What would they look for?",
                kb,
            )
            assert reply.roles == ("ml-platform-engineer",)

    def test_a_title_whose_work_the_person_handles_is_not_asked_about(self, kb):
        """'i convert data scientists prototypes into apis ...': their prototypes, handled by the
        person; not "data scientist isn't one of the 5 roles"."""
        for text, title in (
            (
                "i convert data scientists prototypes into apis. which skills do companies want for this?",
                "scientist",
            ),
            (
                "i refactor data analysts scripts into pipelines. what skills do employers want for that",
                "analyst",
            ),
        ):
            reply = handlers.ask(text, kb)
            assert reply.intent != "unknown" and not any(title in u for u in reply.uncovered)
            assert "isn't one of" not in reply.text

    def test_a_place_the_document_lacks_is_named_and_the_rest_answered(self, kb):
        reply = handlers.ask("what do platform engineers earn in Lisbon?", kb)
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ml-platform-engineer",), "salary")
        assert reply.uncovered == ("Lisbon",) and "says nothing about “Lisbon”" in reply.text[:300]
        assert "$" in reply.text[:800]

    @pytest.mark.parametrize(
        "place,written",
        [
            ("new zealand", "New Zealand"),
            ("rio de janeiro", "Rio de Janeiro"),
            ("the uae", "UAE"),
            ("the uk", "UK"),
        ],
    )
    def test_a_place_is_named_as_it_is_written(self, kb, place, written):
        """Short words of a name are no acronym ("New Zealand", not "NEW Zealand")."""
        reply = handlers.ask(f"what does an mlops engineer make in {place}?", kb)
        assert reply.uncovered == (written,) and f"says nothing about “{written}”" in reply.text[:300]

    def test_a_place_misspelt_by_a_letter_is_named_too(self, kb):
        """'berln', 'londn': a place's name misspelt is still a place the documents lack; a city they
        give figures for ("seatle") is answered with its figure."""
        reply = handlers.ask("what do ml platform engineers earn in berln?", kb)
        assert reply.uncovered == ("Berlin",) and "says nothing about “Berlin”" in reply.text[:300]
        assert handlers.ask("how much do mlops engineers make in londn", kb).uncovered == ("London",)
        seattle = handlers.ask("what do ml platform engineers earn in seatle?", kb)
        assert not seattle.uncovered and "$173,517" in seattle.text[:300]

    def test_a_world_region_the_document_lacks_is_named(self, kb):
        """'in latin america': no document speaks of it (the Middle East is one of AI Systems' hotspots)."""
        reply = handlers.ask("how is demand for ai systems engineers in latin america?", kb)
        assert reply.topic == "demand" and reply.uncovered == ("Latin America",)
        mideast = handlers.ask("is there demand for ai systems engineers in the middle east?", kb)
        assert not mideast.uncovered and "Middle East" in mideast.text[:300]

    def test_a_thing_not_covered_is_named_once_however_cased(self, kb):
        reply = handlers.ask(
            "is the coursera mlops specialization worth it for becoming an mlops engineer?", kb
        )
        assert reply.uncovered == ("Coursera",) and "“Coursera”;" in reply.text[:300]

    @pytest.mark.parametrize(
        "text,topic",
        [
            ("lowdown on ai systems engineers pls", "overview"),
            ("whats the deal with mlops engineers", "overview"),
        ],
    )
    def test_an_everyday_word_is_colour_not_the_subject(self, kb, text, topic):
        reply = handlers.ask(text, kb)
        assert reply.intent == "answer" and reply.topic == topic and reply.uncovered == ()
        assert "don't cover" not in reply.text and "say nothing" not in reply.text

    def test_a_policy_subject_is_not_covered(self, kb):
        reply = handlers.ask("does google sponsor h1b visas for ml engineers?", kb)
        assert reply.intent == "unknown" and reply.uncovered

    def test_a_stem_match_is_never_claimed_as_a_mention(self, kb):
        """'quantum computing': one document says "quantum"; "computer vision" lines do not count."""
        reply = handlers.ask("is quantum computing mentioned anywhere?", kb)
        assert reply.roles == ("ml-platform-engineer",) and "Only" in reply.text
        assert "Computer Vision" not in reply.text

    def test_a_word_no_line_says_takes_its_own_plural_only(self, kb):
        """'car': its plural is "cars", never "cares" (whose stem finds "patient care"); "bonus" still
        takes "bonuses", the form the documents use."""
        ev = handlers.engine_for(kb).evidence
        assert ev.term("car").forms == ("car",)
        assert "bonuses" in ev.term("bonus").forms
        reply = handlers.ask("I build vision models at a car factory. which roles deal with that?", kb)
        assert "care" not in reply.text.split("\n")[0]

    def test_an_everyday_word_that_heads_sections_is_a_subject(self, kb):
        """'leadership' alone: what each document says of it, not "I couldn't tell what you mean"; a
        word only one heading holds ("Time Management") or most lines hold ("data") is not enough."""
        reply = handlers.ask("leadership?", kb)
        assert reply.intent == "compare" and "mention leadership" in reply.text[:200]
        assert "Leadership Roles" in reply.text[:600]
        assert handlers.ask("what time is it", kb).intent in ("unknown", "help")
        assert handlers.ask("data", kb).intent != "compare"

    def test_a_compound_is_no_mention_of_its_tail(self, kb):
        """'edge AI': "cutting-edge AI and machine learning" does not say it; Platform's edge computing
        line shows instead."""
        reply = handlers.ask("edge ai which roles care about it", kb)
        assert "cutting-edge AI" not in reply.text
        assert "Edge Computing" in reply.text and "Edge AI enables real-time data processing" in reply.text

    def test_a_mention_claims_only_the_words_the_lines_hold(self, kb):
        """'care' (in 'really care about') is colour: the roles said to mention a word hold it."""
        reply = handlers.ask("Which of the five jobs really care about explainability / XAI?", kb)
        assert reply.text.startswith("*“explainability” in the role documents*")
        assert "explainable AI" in reply.text[:600] and "patient care" not in reply.text

    def test_a_heading_that_says_it_counts_as_a_mention(self, kb):
        """AI Systems lists 'Emotional Intelligence' as a heading, MLOps as a label: both mention it."""
        reply = handlers.ask("emotional intelligence listed for which roles?", kb)
        assert set(reply.roles) == {"ai-systems-engineer", "mlops-engineer"}
        assert "2 of 5 roles* mention emotional intelligence" in reply.text
        # the line under the heading is the one shown ("Resilience": "Capacity to handle stress ...")
        reply = handlers.ask("which job talks about handling stress / resilience", kb)
        assert "_Soft Skills › Resilience_\n• Capacity to handle stress" in reply.text[:400]

    def test_ml_systems_are_no_role(self, kb):
        reply = handlers.ask("who has to define SLAs for ml systems", kb)
        assert reply.roles == ("ml-platform-engineer",) and "Service Level Agreements" in reply.text[:600]

    def test_a_work_arrangement_across_the_roles_is_not_covered(self, kb):
        reply = handlers.ask("which role has the best work life balance", kb)
        assert reply.intent == "unknown" and "work life balance" in reply.text
        # one the documents do mention is answered
        assert handlers.ask("which roles mention remote work", kb).roles == ("mlops-engineer",)

    def test_how_two_roles_differ_is_no_list_of_advice(self, kb):
        reply = handlers.ask("how does production ai differ from mlops", kb)
        assert (reply.intent, reply.topic) == ("compare", "overview")

    def test_a_synonym_is_said_as_the_documents_say_it(self, kb):
        """No document says 'self-driving': the lines that say 'autonomous vehicle', and the reply
        says it is their word ("self" of "self-study" does not count)."""
        reply = handlers.ask("which roles involve self-driving cars", kb)
        assert "mention self driving (as “autonomous vehicle”)" in reply.text
        assert "self-study" not in reply.text and "Waymo" in reply.text


class TestRoleWords:
    """Everyday words that name a role only where they do."""

    def test_in_production_is_no_role(self, kb):
        reply = handlers.ask("how do mlops engineers detect data drift in production?", kb)
        assert reply.roles == ("mlops-engineer",) and "Monitor for data drift" in reply.text[:600]
        reply = handlers.ask("how do you detect data drift and concept drift in production?", kb)
        assert reply.roles != ("production-ai-engineer",)

    def test_into_production_ai_engineering_is_the_role(self, kb):
        reply = handlers.ask("can i get into production ai engineering without a cs degree?", kb)
        assert reply.roles == ("production-ai-engineer",)

    @pytest.mark.parametrize(
        "text,role",
        [
            ("/role systems salary", "ai-systems-engineer"),
            ("/role ops salary", "mlops-engineer"),
            ("/role infra soft skills", "ml-platform-engineer"),
            ("/role demand systems", "ai-systems-engineer"),  # role and topic in any order
            ("/role salary senior ops", "mlops-engineer"),
        ],
    )
    def test_a_commands_word_of_one_roles_names_is_that_role(self, kb, text, role):
        reply = handlers.ask(text, kb)
        assert reply.intent == "answer" and reply.roles == (role,)
        assert "don't know a role" not in reply.text

    def test_a_commands_word_of_one_roles_names_is_compared_with_the_role_named(self, kb):
        """`/role compare ops platform salary`: both roles' pay, not the platform's lines on "ops"."""
        reply = handlers.ask("/role compare ops platform salary", kb)
        assert (reply.intent, reply.roles, reply.topic) == (
            "compare",
            ("mlops-engineer", "ml-platform-engineer"),
            "salary",
        )
        # ... while beside one role, without a comparison, such a word is only a word
        assert handlers.ask("/role platform model serving", kb).roles == ("ml-platform-engineer",)


class TestAdvice:
    """Advice questions lead with the document's list for their kind."""

    def test_tools_named_in_advice_lead_when_one_line_holds_them(self, kb):
        """'docker or kubernetes first?': the line that names both leads the list of skills."""
        reply = handlers.ask("what should I learn first, docker or kubernetes, for ml platform work", kb)
        assert "Experience with containerization (Docker) and orchestration (Kubernetes)" in reply.text[:250]

    def test_the_persons_own_title_is_no_subject(self, kb):
        """'backend engineers who want to move into ML': where they come from, not what they ask;
        the skills to learn lead, not lines that happen to say "software engineering"."""
        reply = handlers.ask(
            "backend engineers who want to move into ml engineering, what should they learn?", kb
        )
        assert "Proficiency in languages such as Python, Java, C++, and R" in reply.text[:300]
        assert "Treat machine learning like software engineering" not in reply.text[:600]

    def test_a_rung_named_only_in_its_lines_is_found(self, kb):
        """'the path to Director of AI' for AI Systems, whose "Leadership Roles" list names the director."""
        reply = handlers.ask(
            "senior ai systems engineer here. what does the path to director of ai look like?", kb
        )
        assert "Director of AI or similar executive positions" in reply.text[:600]

    def test_the_level_aimed_at_leads_not_the_level_held(self, kb):
        """'senior for a while ... a path to director, or stay senior forever?': director first."""
        reply = handlers.ask(
            "i've been a senior production ai engineer for a while. is there a path to director or do"
            " people just stay senior forever",
            kb,
        )
        assert "AI Director" in reply.text[:200]

    def test_growth_paths_are_the_ladder_not_the_industry_growth(self, kb):
        reply = handlers.ask("what are the growth paths for mlops engineers", kb)
        assert "Career Progression" in reply.text[:100] and "Industry Growth" not in reply.text[:300]

    def test_what_pushes_pay_up_is_what_drives_it(self, kb):
        reply = handlers.ask("what actually pushes an ai systems engineer's pay up?", kb)
        assert "Factors Influencing Salary" in reply.text[:200]

    def test_what_it_takes_to_move_up_is_the_ladder(self, kb):
        """'What does it take to move up to senior MLOps engineer?': the rung, not the requirements."""
        reply = handlers.ask("What does it take to move up to senior MLOps engineer?", kb)
        assert reply.topic == "career" and "Senior MLOps Engineer" in reply.text[:300]

    def test_promotion_leads_with_the_career_ladder(self, kb):
        reply = handlers.ask("how do i get promoted as an mlops engineer", kb)
        assert reply.topic == "career" and "Career Progression" in reply.text[:200]
        assert "Senior MLOps Engineer" in reply.text[:600]

    def test_the_career_path_is_the_ladder(self, kb):
        reply = handlers.ask("what's the career path for ai systems engineers", kb)
        assert (
            "Junior AI Engineer" in reply.text
            and "Director of AI or similar executive positions" in reply.text[:600]
        )

    def test_what_it_takes_to_reach_a_level_is_the_ladder(self, kb):
        reply = handlers.ask("what would it take to become a director of mlops eventually", kb)
        assert reply.topic == "career" and "Director of MLOps" in reply.text[:300]
        # the skills of seniors stay requirements
        assert handlers.ask("what skills do senior mlops engineers need", kb).topic == "requirements"

    def test_words_of_the_context_are_no_level_or_place(self, kb):
        """ "we're starting to look at AI" sets no entry level; "for us" is no US; "after a few years"
        is mid level."""
        reply = handlers.ask(
            "We're starting to look at AI in our hospital and need an AI systems engineer. What would that "
            "person actually be doing for us day to day?",
            kb,
        )
        assert (
            reply.topic == "responsibilities" and "Junior" not in reply.text[:300] and " US" not in reply.text
        )
        reply = handlers.ask("production ai engineer pay after a few years", kb)
        assert "$140,000 to $153,788" in reply.text[:400]

    def test_what_employers_want_to_see_is_what_to_show(self, kb):
        reply = handlers.ask(
            "finished a stats masters, 5 months of applying to ml engineer jobs and no callbacks. "
            "what do employers actually want to see from someone like me?",
            kb,
        )
        assert reply.topic in ("career", "requirements") and "projects" in reply.text[:400]

    def test_options_down_the_road_lead_with_the_ladder(self, kb):
        reply = handlers.ask("ML engineer here, 3 years in. What are my options down the road?", kb)
        assert reply.topic == "career" and "Career Progression" in reply.text[:200]

    @pytest.mark.parametrize(
        "text,topic,shown",
        [
            (  # an aside in passing does not steer the question it follows
                "mid-level ML engineer, stuck for two review cycles. what actually separates senior from mid "
                "in this job? also curious what the pay jump looks like if I ever get there",
                "career",
                "Senior-Level",
            ),
            (  # an "also" asked outright is still asked
                "Someone told me ML engineer job postings went way up last year. Is there a real figure for "
                "that? Also how fast has demand grown overall?",
                "demand",
                "Job postings for ML engineers have increased by 35%",
            ),
            (  # a bare question takes the topic its context names
                "Just got an offer for a production AI engineer job in Chicago. The number seems fine but I "
                "have nothing to compare it to. what's typical there?",
                "salary",
                "Chicago",
            ),
        ],
    )
    def test_a_long_message_is_read_for_its_question(self, kb, text, topic, shown):
        reply = handlers.ask(text, kb)
        assert reply.topic == topic and shown in reply.text[:400]

    def test_the_number_of_an_offer_is_pay(self, kb):
        reply = handlers.ask(
            "i got an offer as an mlops engineer. is the number good? what do they usually pay", kb
        )
        assert reply.topic == "salary"
        reply = handlers.ask("what is the number of years of experience needed for mlops", kb)
        assert reply.topic == "requirements" and "Typically 3-6 years" in reply.text[:300]

    def test_any_tips_after_context_asks_about_the_context(self, kb):
        """'... want to get into mlops. Any tips?': the way in, not every best practice."""
        reply = handlers.ask("Been a QA tester for 4 years and want to get into mlops. Any tips?", kb)
        assert reply.topic == "career" and "Junior MLOps Engineer" in reply.text[:300]

    def test_a_degree_only_mentioned_is_no_question_about_it(self, kb):
        """'does the phd actually help?' asks the schooling; 'new grad w a cs degree, how do i break
        in?' asks the way in."""
        reply = handlers.ask(
            "Chemistry PhD candidate here, moving to ML engineering. does the phd really help?", kb
        )
        assert "Master's degree or Ph.D. often preferred" in reply.text[:400]

    @pytest.mark.parametrize(
        "text,line",
        [
            ("If you want to work in machine learning, should you do a PhD?", "Master's degree or Ph.D."),
            (
                "Career switcher from academia (biology research). Do I need a master's to become an ML "
                "platform engineer, or can I self-study?",
                "Master's degree or Ph.D. often preferred or required",
            ),
        ],
    )
    def test_a_degree_asked_about_leads(self, kb, text, line):
        """The degree line first, before the kind's list; 'do I need a master's' is no role-fit."""
        reply = handlers.ask(text, kb)
        assert reply.topic == "requirements" and line in reply.text[:300] and "your gaps" not in reply.text

    def test_what_tools_are_the_skills_not_the_degree(self, kb):
        reply = handlers.ask("what tools do ai systems engineers use", kb)
        assert "TensorFlow" in reply.text[:400] and "Bachelor" not in reply.text

    def test_mistakes_are_challenges_not_pay(self, kb):
        reply = handlers.ask("biggest mistakes ml engineers make", kb)
        assert reply.topic == "challenges" and "$" not in reply.text

    def test_what_to_learn_leads_with_technical_skills(self, kb):
        reply = handlers.ask("what should I learn to become an ml engineer", kb)
        assert reply.topic == "requirements" and "Python" in reply.text[:600]
        assert len(reply.text) < 1200

    @pytest.mark.parametrize(
        "text",
        [
            "how do mlops engineers stay up to date?",
            "how do i keep my skills current as an ml platform engineer",
        ],
    )
    def test_staying_current_leads_with_the_learning_lines(self, kb, text):
        """The lines on keeping up (continuous learning, the latest developments), not networking
        or mentoring lines that merely say 'current'."""
        lead = handlers.ask(text, kb).text[:300].lower()
        assert "stay up-to-date" in lead or "stay updated" in lead
        assert "networking" not in lead and "mentor" not in lead

    @pytest.mark.parametrize(
        "text,line",
        [
            ("Is machine learning still a good career", "high job security and growth potential"),
            (
                "is MLOps a good career choice?",
                "Job outlook is strong, with a predicted 21% increase in jobs",
            ),
            (
                "Is machine learning a good job for a software engineer",
                "high job security and growth potential",
            ),
            (
                "Is It Too Late to Enter the World of Machine Learning?",
                "high job security and growth potential",
            ),
        ],
    )
    def test_a_good_career_leads_with_the_outlook(self, kb, text, line):
        assert line in handlers.ask(text, kb).text[:600]

    def test_which_industries_lead_with_the_sectors(self, kb):
        reply = handlers.ask("which industries hire ml engineers?", kb)
        assert reply.roles == ("ai-ml-engineer",) and "finance" in reply.text[:600].lower()

    def test_what_to_learn_first_is_the_career_s_skill_steps(self, kb):
        """'what should i learn first to become an ml platform engineer?': the steps its Career
        Development gives (Essential Skills), not the requirements' list of languages; 'which frameworks
        first?' names a kind of skill the requirements list, so it stays with them."""
        reply = handlers.ask("what should i learn first to become an ml platform engineer?", kb)
        assert "Master programming languages, particularly Python" in reply.text[:300]
        assert "Proficiency in languages such as Python, Go" not in reply.text[:600]
        assert handlers.ask("which frameworks should i learn first for ML eng", kb).topic == "requirements"

    def test_what_a_junior_does_the_first_year_is_the_first_rung(self, kb):
        """'junior mlops offer ... what should i expect to be doing the first year?': the ladder's
        first rung, as 'the first few months' asks."""
        reply = handlers.ask(
            "just got a junior mlops offer. what should i expect to be doing the first year?", kb
        )
        assert "Entry-level position focusing on learning fundamentals" in reply.text[:300]

    def test_specializations_asked_are_the_specialized_tracks(self, kb):
        """'what specialisations open up later in an ML platform career?': its Specialized Career
        Tracks, not the ladder from its junior rung."""
        reply = handlers.ask("what specialisations open up later in an ML platform career?", kb)
        lead = reply.text[:400]
        assert "Strategic AI Engineer" in lead and "Junior AI/ML Engineer" not in lead

    def test_a_level_set_aside_is_no_level_asked(self, kb):
        """'besides the manager track, what other directions ...?': the manager level is set aside,
        so the specialized tracks lead, not the Team Lead rung."""
        reply = handlers.ask(
            "besides the manager track, what other directions can an ml platform engineer take their career?",
            kb,
        )
        lead = reply.text[:300]
        assert "Strategic AI Engineer" in lead and "AI Team Lead or Director" not in lead

    def test_the_next_rung_of_a_person_who_leaves_out_i_m(self, kb):
        """'Already a senior production AI engineer. What's the next rung up?': the rungs after senior,
        as for "I'm a senior ...", not the whole ladder from its junior rung."""
        reply = handlers.ask(
            "Already a senior production AI engineer. What's the next rung up and how do I get there?", kb
        )
        lead = reply.text[:300]
        assert "Transition to roles like AI Team Lead" in lead and "Junior" not in lead

    def test_staying_current_leads_with_the_continuous_learning_list(self, kb):
        """'how do production ai engineers keep up?': its Requirements' Continuous Learning list leads
        (the best list for the kind), though Career Development comes first in the kind's order; the
        ML engineer's own Networking and Continuous Learning stays in its Career Development."""
        reply = handlers.ask("how do production ai engineers keep up with the field? it moves so fast", kb)
        assert "Commitment to staying updated with the latest AI advancements" in reply.text[:300]
        reply = handlers.ask("how do ml platform engineers stay current?", kb)
        assert reply.topic == "career" and "Stay updated with the latest ML techniques" in reply.text[:400]
        # the AI systems engineer's is a soft skill ("Adaptability and Continuous Learning"): it leads,
        # not the senior rung's one line ("Stay updated with latest AI advancements")
        reply = handlers.ask("how should an ai systems engineer keep their skills fresh", kb)
        assert reply.topic == "soft-skills" and "Adaptability and Continuous Learning" in reply.text[:200]

    def test_which_industries_are_sectors_named_not_companies_at_large(self, kb):
        """'which industries need mlops engineers': the lines naming sectors (consumer electronics,
        automotive), not 'Companies are automating operational tasks' for its word 'companies'."""
        reply = handlers.ask("which industries need mlops engineers", kb)
        lead = reply.text[:400]
        assert "consumer electronics and automotive industries" in lead
        assert "Companies are automating operational tasks" not in lead


class TestIntentModel:
    """The learned model: shipped, deterministic features, refused when damaged."""

    def test_features_are_deterministic_and_normalised(self):
        tokens = ("how", "much", "do", "_role_", "make")
        assert features(tokens) == features(list(tokens))
        v = vector(tokens)
        assert v == vector(tokens) and abs(sum(x * x for x in v.values()) - 1) < 1e-9

    def test_a_guess_is_a_distribution_over_the_labels(self):
        model = load_intent()
        g = model.guess(("how", "much", "do", "_role_", "make", "?"))
        assert g.label == "salary" and abs(sum(p for _, p in g.ranked) - 1) < 1e-6
        assert {label for label, _ in g.ranked} == set(model.labels)

    def test_round_trip(self):
        model = load_intent()
        again = Model.parse(model.to_bytes())
        tokens = ("what", "should", "i", "learn", "for", "_role_")
        assert again.guess(tokens).ranked == model.guess(tokens).ranked

    @pytest.mark.parametrize(
        "data", [b"", b"{}\n", b'{"format": 1, "labels": ["a"], "scale": 1}\n\x00', b"\xff\n"]
    )
    def test_damaged_model_is_one_line(self, data):
        with pytest.raises(KnowledgeError) as err:
            Model.parse(data)
        assert "\n" not in str(err.value) and "rebuild" in str(err.value)


class TestWorkTold:
    """A message that tells the work and names no role is answered for the role the work is."""

    @pytest.mark.parametrize(
        "text,role,topic",
        [
            (
                "I design and train recommendation models in pytorch all day. what does the career "
                "ladder look like?",
                "ai-ml-engineer",
                "career",
            ),
            (
                "I take the models our researchers hand over and keep the serving side healthy: alerts, "
                "rollbacks, new versions every week. is this kind of job in demand?",
                "mlops-engineer",
                "demand",
            ),
            (
                "I build chatbots on top of language models and wire them into our CRM and ticketing "
                "apps. what should I learn next?",
                "ai-systems-engineer",
                "requirements",
            ),
            (
                "we put cameras over the conveyor to catch bad welds and I keep the model running on a "
                "box next to the press. what are the usual headaches?",
                "production-ai-engineer",
                "challenges",
            ),
        ],
    )
    def test_the_role_the_work_belongs_to_answers(self, kb, text, role, topic):
        reply = handlers.ask(text, kb)
        assert reply.intent == "answer" and reply.roles == (role,) and reply.topic == topic
        assert reply.text.startswith(f"*{kb.roles[role].title} · ")

    def test_people_who_do_the_work_and_a_weak_name_beside_it(self, kb):
        reply = handlers.ask(
            "I build the platform our ML teams train and serve on (feature store, k8s, GPUs). What are the "
            "common challenges in this kind of job?",
            kb,
        )
        assert reply.roles == ("ml-platform-engineer",) and reply.topic == "challenges"
        reply = handlers.ask(
            "is demand growing for the people who keep deployed models monitored and retrained in prod?", kb
        )
        assert reply.roles == ("mlops-engineer",) and reply.topic == "demand"

    def test_the_work_told_is_no_subject_of_the_answer(self, kb):
        """The words that told the work (deployment, monitoring, retraining) named the role; the soft
        skills are asked."""
        reply = handlers.ask(
            "Hiring for our team. For the person who handles deployment, monitoring and retraining of "
            "our ML models, which soft skills matter most?",
            kb,
        )
        assert reply.roles == ("mlops-engineer",) and reply.topic == "soft-skills"
        assert reply.text.startswith("*MLOps Engineer · Soft Skills*")

    def test_the_work_told_breaks_a_tie_of_skills(self, kb):
        text = (
            "I know python and pytorch and I design and tune recommendation models all day. which role suits?"
        )
        reply = handlers.ask(text, kb)
        assert reply.roles[0] == "ai-ml-engineer"
        assert (
            "tie" in reply.text[:300] and "The work you describe is most like AI/ML Engineer's." in reply.text
        )
        plain = handlers.ask("I know python and pytorch. which role suits me?", kb)
        assert "The work you describe" not in plain.text

    def test_the_people_described_are_no_subject_when_the_topic_is_named(self, kb):
        reply = handlers.ask(
            "is demand for the people who keep models deployed and monitored in prod actually growing? "
            "feels like every company suddenly has a req for it",
            kb,
        )
        assert reply.roles == ("mlops-engineer",) and reply.topic == "demand"
        assert "21% increase in jobs for MLOps engineers" in reply.text[:300]

    def test_the_work_told_is_the_subject_when_no_topic_is_named(self, kb):
        """'... I check dashboards by hand ... What should I change?': the work is what to fix."""
        reply = handlers.ask(
            "I'm the one who gets paged when a model in prod starts drifting, and I check the dashboards by "
            "hand every morning. I also look after the retraining jobs. What should I change?",
            kb,
        )
        assert reply.roles == ("mlops-engineer",) and reply.topic in ("challenges", "best-practices")

    def test_the_work_told_decides_an_ambiguous_title(self, kb):
        reply = handlers.ask(
            "I'm an AI engineer, I mostly build RAG chatbots on top of our docs. what's the usual pay?",
            kb,
        )
        assert reply.roles == ("ai-systems-engineer",) and reply.topic == "salary"
        assert handlers.ask("I'm an AI engineer. what do I earn?", kb).intent == "clarify"

    @pytest.mark.parametrize(
        "text,role",
        [
            (
                "We're a bank. Who should we hire to keep our credit models monitored after launch?",
                "mlops-engineer",
            ),
            ("who should I hire to add an llm chatbot to our customer portal?", "ai-systems-engineer"),
        ],
    )
    def test_who_to_hire_for_the_work_told_is_that_role(self, kb, text, role):
        reply = handlers.ask(text, kb)
        assert reply.roles == (role,) and reply.topic == "overview"

    def test_work_of_none_of_the_roles_asks_which(self, kb):
        reply = handlers.ask(
            "I'm a data analyst building dashboards in Tableau all day. what should I learn next?", kb
        )
        assert reply.intent == "clarify" and len(reply.roles) == 5

    def test_a_subject_asked_of_no_one_stays_across_the_roles(self, kb):
        """... unless it is one role's work (predictive maintenance: the production AI engineer's)."""
        reply = handlers.ask("what are the challenges of implementing AI in healthcare?", kb)
        assert reply.intent == "compare" and len(reply.roles) > 1
        reply = handlers.ask("what are the challenges of implementing AI in predictive maintenance?", kb)
        assert reply.roles == ("production-ai-engineer",)

    def test_work_asked_across_the_roles_stays_across(self, kb):
        reply = handlers.ask("which jobs involve watching deployed models for drift? I do that now", kb)
        assert reply.intent == "compare" and reply.roles[0] == "mlops-engineer"

    def test_the_work_model_says_none_of_the_roles(self):
        from knowledge.load import load_work

        g = load_work().guess(("i", "teach", "high", "school", "math", "what", "do", "you", "earn", "?"))
        assert g.label == "none"


def test_every_suggested_prompt_gets_the_reply_it_promises(kb):
    """The assistant view's prompts, for every role: an answer or comparison, never unknown."""
    from handlers.prompts import suggested_prompts

    for day in range(len(kb.roles) * 8):
        for prompt in suggested_prompts(kb, day):
            reply = handlers.ask(prompt["message"], kb)
            assert reply.intent in ("answer", "compare"), prompt["message"]
            assert reply.uncovered == () and "couldn't tell" not in reply.text


def test_every_example_the_usage_gives_gets_an_answer(kb):
    """The `/role ...` examples of the help text each get the reply they promise."""
    usage = handlers.ask("/role help", kb).text
    examples = re.findall(r"`(/role [^`]+)`", usage)
    assert len(examples) >= 8
    for example in examples:
        if example.split()[1].isupper():  # "/role ROLE TOPIC": the pattern, not an example
            continue
        reply = handlers.ask(example, kb)
        words = example.split()
        if words[1] in ("list", "help"):
            assert reply.intent == words[1]
        elif words[1] == "tips":
            continue  # a channel command, answered by the Slack app
        else:
            assert reply.intent in ("answer", "compare"), example


KB_WORDS = [
    "mlops",
    "platform",
    "salary",
    "senior",
    "vs",
    "thanks",
    "helpful",
    "help",
    "candidates",
    "kubernetes",
    "ai engineer",
    "devops",
    "lisbon",
    "it",
    "both",
    "2nd one",
    "what about",
    "learn",
    "promoted",
    "quantum",
    "remote",
    "visa",
    "in seattle",
    "compare that with",
    "?",
    "which roles",
]
lines = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(KB_WORDS), min_size=1, max_size=8).map(" ".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(thread=st.lists(lines, min_size=1, max_size=5))
def test_any_thread_gets_well_formed_replies(kb, thread):
    """ask and converse never raise, whatever the turns: one of six intents, within limits."""
    turns = []
    for text in thread:
        for reply in (handlers.ask(text, kb), handlers.converse(text, kb, turns)[0]):
            assert reply.intent in INTENTS and reply.text.strip()
            assert_within_limits(reply.blocks)
            json.dumps(reply.to_json())
        turns = [*turns, handlers.converse(text, kb, turns)[1]][-6:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(
        st.sampled_from(KB_WORDS + ["python", "docker", "degree", "senior", "bonus"]), min_size=1, max_size=6
    )
)
def test_a_subject_counted_as_covered_has_lines_to_lead_with(engine, words):
    """A plan that leads with lines has some: every group of one role or across roles, and at least
    one group of a comparison (a role without any says "Nothing on this point")."""
    from handlers.understand import plan

    p = plan(" ".join(words), engine)
    if p.mode in ("lead", "cross"):
        assert p.groups and any(hits for _, hits in p.groups)
        assert p.intent == "compare" and p.mode == "lead" or all(hits for _, hits in p.groups)
        assert {rid for rid, _ in p.groups} <= set(engine.role_ids)


def test_what_an_engine_keeps_is_bounded(kb):
    """Replies kept per roles and focus stop growing at the bound, and are still answered."""
    from handlers import Engine

    engine = Engine(kb)
    for i in range(600):
        assert engine.keep(("test", str(i)), lambda i=i: i) == i
    assert len(engine.kept) == 512


def test_a_close_second_topic_is_offered_as_a_button(kb):
    """When the model is torn between two topics, the reply answers the better and offers the
    other as a button that replays to that topic. (Which questions are torn depends on the
    trained model: at least one of these everyday questions is.)"""
    torn = 0
    for question in (
        "what do ml engineers worry about these days",
        "what kind of projects should i build to get hired as an ml platform engineer",
        "is it hard to become an mlops engineer",
        "what makes a great ml platform engineer",
        "what do mlops engineers need to get better at",
        "how do ai systems engineers grow their skills",
        "what do mlops engineers spend time improving",
        "what do ml engineers spend time improving",
        "how do mlops engineers keep models healthy",
        "what separates good mlops engineers from great ones",
        "what keeps platform engineers busy",
    ):
        reply = handlers.ask(question, kb)
        also = [
            e
            for b in reply.blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"].startswith("Also")
        ]
        assert len(also) <= 1
        for button in also:
            torn += 1
            role, topic = button["value"].split()
            assert role == reply.roles[0] and topic != reply.topic
            assert handlers.ask(button["value"], kb).topic == topic
    assert torn


def test_a_request_worded_without_a_question_mark_is_the_question():
    """'... Kindly suggest the career path.' asks; the sentences before it are context."""
    from handlers.question import split

    question, context = split(
        "I have 4 years as a DevOps engineer, mostly Jenkins and Kubernetes. I want to move to a "
        "product company as an ML platform engineer. Kindly suggest the career path."
    )
    assert question == "Kindly suggest the career path." and context.startswith("I have 4 years")


def test_a_title_bar_ends_a_sentence(kb):
    """A post's title, " | ", then the post: the title is not read as one sentence with the post's first
    line, so the question at the end is found ("In plain words, what is this role for?")."""
    from handlers.question import split

    question, context = split(
        "what is MLOps, explain like I'm a project manager | I manage delivery for a data team at a utility "
        "in Calgary. We're told to hire an MLOps engineer. In plain words, what is this role for?"
    )
    assert question.endswith("what is this role for?")
    assert "I manage delivery" in context and "I manage delivery" not in question
    reply = handlers.ask(
        "what is MLOps, explain like I'm a project manager | I manage delivery for a data team at a utility "
        "in Calgary. We're told to hire an MLOps engineer and I don't know how that differs from our DevOps "
        "folks. In plain words, what is this role for?",
        kb,
    )
    assert "This role bridges the gap between ML development and operational deployment" in reply.text[:600]


@pytest.mark.parametrize(
    ("text", "question", "context"),
    [
        ("i'm not technical at all, what is mlops?", "what is mlops?", "i'm not technical at all"),
        ("my kid wants to be an ai systems engineer. i'm not technical, what is that job?",
         "what is that job?", "my kid wants to be an ai systems engineer. i'm not technical"),
        ("i'm curious, do mlops engineers need kubernetes?", "do mlops engineers need kubernetes?",
         "i'm curious"),
        ("i'm a platform engineer and what is mlops", "i'm a platform engineer and what is mlops", ""),
        ("Honest question, I've read ten blog posts and still can't tell: what does an mlops engineer do?",
         "what does an mlops engineer do?", "Honest question, I've read ten blog posts and still can't tell"),
        ("with copilot and all the ai coding tools, is mlops a safe bet long term?",
         "is mlops a safe bet long term?", "with copilot and all the ai coding tools"),
        ("monitoring best practices: how does the mlops take differ from the MLE take?",
         "monitoring best practices: how does the mlops take differ from the MLE take?", ""),
        ("If I switch to a company that gives me the title, what should I expect to be paid in NYC?",
         "what should I expect to be paid in NYC?", "If I switch to a company that gives me the title"),
        ("if my model makes a bad call in prod, who is expected to fix it?",
         "if my model makes a bad call in prod, who is expected to fix it?", ""),
    ],
)  # fmt: skip
def test_a_clause_about_oneself_before_the_question_is_context(text, question, context):
    """'i'm not technical, what is that job?': "technical" is no subject, the person says it of themself."""
    from handlers.question import split

    assert split(text) == (question, context)


def test_trying_to_figure_out_which_asks(kb):
    """'Im trying to figure out which of the five jobs pays best for entry level people. ... open to moving
    anywhere.' asks which pays best ("open" is no subject); "trying to decide between ..." tells."""
    from handlers.question import split

    reply = handlers.ask(
        "Im trying to figure out which of the five jobs pays best for entry level people. Fresh grad, open to"
        " moving anywhere.",
        kb,
    )
    assert reply.topic == "salary" and "“open”" not in reply.text
    assert split("Trying to decide between mlops and platform work. Which one has better job security?") == (
        "Which one has better job security?",
        "Trying to decide between mlops and platform work.",
    )


def test_a_polite_request_leads_with_the_career_path(kb):
    reply = handlers.ask(
        "I have 4 years as a DevOps engineer, mostly Jenkins and Kubernetes. I want to move to a "
        "product company as an ML platform engineer. Kindly suggest the career path.",
        kb,
    )
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "career")
    assert "Code Generation and Suggestions" not in reply.text


def test_asking_for_advice_is_not_the_topic_best_practices(kb):
    """'any advice for someone switching ...' asks how to get in; '/role mlops tips' still
    names best practices."""
    assert handlers.ask("any advice for someone switching from backend to mlops?", kb).topic == "career"
    assert handlers.ask("/role mlops tips", kb).topic == "best-practices"


def test_a_word_and_its_plural_count_once_in_the_topic_tables(engine):
    """'make' and 'makes' are one key: 'how do I make deployments safe?' is no pay question."""
    assert all(len({t for t, _ in v}) == len(v) for v in engine.matcher.topic_phrases.values())
    assert engine.matcher.topic_phrases["make"] == [("salary", 3)]


def test_asking_which_roles_rolebot_covers_lists_them(kb):
    reply = handlers.ask("which roles do you cover?", kb)
    assert reply.intent == "list" and "I know 5 AI/ML engineering roles" in reply.text
    reply = handlers.ask("As an ML platform engineer, how do I make model deployments safe? rollbacks?", kb)
    assert reply.topic == "best-practices" and "automatic rollbacks" in reply.text[:600]


def test_the_ai_field_with_everyday_words_asks_which_ai_role(kb):
    """'is it possible to switch to AI after gaining some DevOps experience?': which AI role,
    not "I don't know a role called 'gaining devops'" (DevOps experience is where they come from)."""
    reply = handlers.ask("is it possible to switch to AI after gaining some DevOps experience?", kb)
    assert reply.intent == "clarify" and "ai-ml-engineer" in reply.roles
    assert "gaining" not in reply.text


def test_work_described_in_everyday_words_decides_the_role(kb):
    """No role named, but the work only one role does ("the feature store, the training clusters,
    the serving stack"): that role's career, not "which role?"; one such phrase alone is not enough."""
    reply = handlers.ask(
        "I run the feature store and the training clusters for our data scientists, plus the serving stack."
        " What does the senior level look like for someone like me?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("ml-platform-engineer",) and reply.topic == "career"
    one = handlers.ask("We just bought a feature store. What does the senior level look like?", kb)
    assert one.intent == "clarify"


def test_the_step_up_told_before_the_question_is_the_rung_aimed_at(kb):
    """'senior ... want to move into director level. what does that step look like?': the
    director rung (the highest level told), not the senior one the person already holds."""
    reply = handlers.ask(
        "I've been a senior AI systems engineer for years and I'd like to get to director level."
        " What does that step look like?",
        kb,
    )
    assert reply.topic == "career" and "Director of AI or similar executive positions" in reply.text[:300]


def test_the_persons_own_job_is_neither_a_choice_of_roles_nor_a_document(kb):
    """'what part of my job covers this and how should I approach it?': no "which role fits you"
    (my job is no choice) and no "I don't have anything on part approach" ("covers" is said of the
    person's job, not of the documents); 'does the mlops doc mention rust?' still asks the documents."""
    reply = handlers.ask(
        "GPU costs on our training platform doubled. I'm an ML platform engineer - what part of my job"
        " covers this and how should I approach it?",
        kb,
    )
    assert reply.intent == "answer" and not reply.uncovered and "role fit" not in reply.text
    assert handlers.ask("does the mlops doc mention rust?", kb).uncovered == ("rust",)


@pytest.mark.parametrize(
    "text",
    [
        # "react/node" is an "or" between no two roles: the arrow still says where the person comes from
        "web dev (react/node) -> production ai engineer, is that a realistic move? what's the path",
        # changes in technology, not shift work
        "As an AI systems engineer, which tech shifts actually matter for my job in the next few years?",
    ],
)
def test_where_the_person_comes_from_and_tech_shifts_are_no_gaps(kb, text):
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.uncovered == ()


def test_shift_work_is_still_named(kb):
    reply = handlers.ask("do production ai engineers work shifts?", kb)
    assert reply.intent == "unknown" and "“work shifts”" in reply.text


def test_ai_engineers_said_twice_are_decided_by_the_role_the_context_names(kb):
    """'AI engineers' and 'AI' said more than once are one ambiguity: the context's exact title
    ("AI systems engineer at a logistics co.") decides it, with no "which one?"."""
    reply = handlers.ask(
        "CEO wants 'AI in everything' - how do AI engineers push back? AI systems engineer at a logistics co."
        " Am I crazy for thinking we shouldn't use AI for everything?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("ai-systems-engineer",)


def test_an_ask_left_out_for_length_stays_as_context(kb):
    """A long post's earlier ask, left out of the question for length, still tells the role: "... as a
    prod AI eng ... is the jump from mid to senior in this role a meaningful comp bump?" is its pay."""
    from handlers.question import split

    text = (
        "does making senior as a prod AI eng actually move the money needle, or is the title all you get"
        " these days? My company's promo cycle is in March and I'm up for mid to senior on our team. Before"
        " I pour my soul into the promo packet over the next couple of months, is the jump from mid to"
        " senior in this role usually a meaningful comp bump?"
    )
    question, context = split(text)
    assert "prod AI eng" in context and "prod AI eng" not in question
    reply = handlers.ask(text, kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("production-ai-engineer",), "salary")


def test_two_asks_are_split_where_the_second_starts():
    """'..., and roughly what's the pay bump?', '...? also who's hiring': two asks; one ask, or a list
    of words after a comma, is none."""
    from handlers.question import two_asks

    assert two_asks("How do I get to mid-level as an ML engineer, and roughly what's the pay bump?") == (
        "How do I get to mid-level as an ML engineer",
        "what's the pay bump?",
    )
    assert two_asks("mlops vs ml engineer: who needs more theory? also who's hiring more") == (
        "mlops vs ml engineer: who needs more theory",
        "who's hiring more",
    )
    assert two_asks("what do mlops engineers earn in seattle?") is None
    assert two_asks("skills, tools, and what else?") is None


def test_the_other_of_two_asks_is_one_button_away(kb):
    """'How do I get to mid-level as an ML engineer, and roughly what's the pay bump?': the reply
    answers one ask and offers the other's section as a button that answers it; a second ask on
    something no document covers gets no button (it is named instead)."""

    def also(reply):
        return [
            e["value"]
            for b in reply.blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"].startswith("Also")
        ]

    reply = handlers.ask("How do I get to mid-level as an ML engineer, and roughly what's the pay bump?", kb)
    (value,) = also(reply)
    role, topic = value.split()
    assert role == "ai-ml-engineer" and {topic, reply.topic} == {"career", "salary"}
    assert handlers.ask(value, kb).topic == topic
    reply = handlers.ask("what are mlops engineers responsible for, and how do I get a work visa?", kb)
    assert also(reply) == [] and reply.uncovered


def test_an_acronym_in_the_plural_is_no_typo_of_a_word(kb):
    """'SREs' is site reliability engineers (no "stress"), 'RSUs' stock units (no "runs")."""
    engine = handlers.engine_for(kb)
    assert engine.matcher.correct("sres") == "sres" and engine.matcher.correct("rsus") == "rsus"
    reply = handlers.ask("do ml platform engineers earn more than SREs?", kb)
    assert reply.topic == "salary" and reply.uncovered == ("SRE",)
    assert "says nothing about “SRE”;" in reply.text[:200]
    assert handlers.ask("do mlops engineers usually get RSUs?", kb).text.startswith(
        "I don't have anything on “RSUs” for MLOps Engineer"
    )


def test_the_real_question_said_so_is_asked(kb):
    """'how many leetcode hards ... lol. ok real question, whats the 25th vs 75th percentile ML
    engineer salary': the sentence said to be the real question is asked (no question mark), so the
    pay is answered; 'more importantly which frameworks ...' too."""
    from handlers.question import split

    question, _ = split(
        "how many leetcode hards for MLE loops lol. ok real question, whats the median ML engineer pay"
    )
    assert question.endswith("whats the median ML engineer pay")
    reply = handlers.ask(
        "how many leetcode hards do you need for MLE loops these days lol. ok real question, whats the 75th"
        " percentile ML engineer salary, want to know where my offer lands",
        kb,
    )
    assert reply.intent == "answer" and reply.topic == "salary" and "$116,500" in reply.text[:300]
    reply = handlers.ask(
        "did fast.ai parts 1+2 last year. does any recruiter care? more importantly which ML frameworks"
        " should i be listing on my resume for ML engineer roles",
        kb,
    )
    assert reply.topic == "requirements" and "“fast.ai”" in reply.text[:200]


def test_a_title_the_work_is_done_for_is_no_title_asked_about(kb):
    """'Person builds reusable frameworks so data scientists can train and deploy models ... what's this
    job called? core responsibilities?': the data scientists are whom the work serves; the platform
    engineer's duties answer (before: 'data scientist isn't one of the roles')."""
    reply = handlers.ask(
        "what's this job actually called? Person builds reusable frameworks so data scientists can train and"
        " deploy models without touching k8s, defines SLAs for them. what are their core responsibilities",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("ml-platform-engineer",)
    assert "Develop and maintain reusable frameworks" in reply.text[:200]


def test_a_fragment_after_a_question_narrows_it(kb):
    """'how is the demand for ai systems engineers outside USA? in Latin America for example': the
    fragment is part of the ask (Latin America named as not covered); a sentence that tells stays
    context."""
    from handlers.question import split

    assert split("what do mlops engineers earn? in Seattle especially") == (
        "what do mlops engineers earn? in Seattle especially",
        "",
    )
    assert split("what do mlops engineers earn in seattle? I live in Boston now. it is nice here")[1]
    reply = handlers.ask(
        "how is the demand for ai systems engineers outside USA? in Latin America for example", kb
    )
    assert reply.topic == "demand" and reply.uncovered == ("Latin America",)


def test_a_question_left_in_the_context_for_length_still_names_what_is_not_covered(kb):
    """A long earlier question ("Is there a dress code at ... ?") is left out of what is answered
    for length, but it was asked: the dress code is named as not covered beside the duties."""
    reply = handlers.ask(
        "Is there a dress code at the ML platform teams at big banks, or do people wear whatever they like as"
        " long as the clusters stay up and nobody complains? My recruiter will not say anything useful about"
        " it. Anyway what does an ML platform engineer actually do all day at a large company with many data"
        " science teams to support?",
        kb,
    )
    assert reply.topic == "responsibilities" and reply.uncovered == ("dress code",)


def test_roles_asked_across_keep_an_ai_engineering_team_as_the_field(kb):
    """'Which roles mention agile? ... where agile shows up in AI engineering teams ... Do any of these
    roles list agile?': the roles that say it (it answered one role's requirements, the "AI
    engineering" of the teams read as a title to decide)."""
    reply = handlers.ask(
        "Which roles mention agile? Trying to understand where agile actually shows up in AI engineering"
        " teams before I pitch myself to one. Do any of these roles list agile as a requirement or practice?",
        kb,
    )
    assert reply.intent in ("answer", "compare") and len(reply.roles) == 3
    assert reply.text.startswith("*“agile” in the role documents*")
    assert "3 of 5 roles* mention agile" in reply.text
