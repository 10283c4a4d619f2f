"""Answering the question, not pasting the section: the lead, across roles, not covered, compare."""

from __future__ import annotations

import pytest

import handlers
from tests.handlers.test_replies import assert_within_limits

FIRST_SCREEN = 600


def first_screen(reply) -> str:
    return reply.text[:FIRST_SCREEN]


class TestLead:
    """A question about one role opens with the lines that answer it."""

    def test_a_fact_leads_with_its_line_under_its_heading(self, kb):
        """The bonus line of AI Systems comes first, under its heading, in a short reply."""
        reply = handlers.ask("ai systems engineer bonus - how big is it usually, like % of base?", kb)
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-systems-engineer",), "salary")
        assert "Can range from 10% to 20% of base salary" in first_screen(reply)
        assert len(reply.text) < 1200

    def test_a_word_of_every_section_leads_a_few_lines_then_the_section_in_brief(self, kb):
        """'good habits for shipping models?': "models" is in most lines of every section, so the
        few best-practice lines saying it are joined by the section's first lines, each heading once."""
        reply = handlers.ask("what are good habits for shipping models as a production AI engineer", kb)
        assert (reply.roles, reply.topic) == (("production-ai-engineer",), "best-practices")
        screen = first_screen(reply)
        assert "Continuously monitor deployed models" in screen
        assert "Ensure pipeline idempotency and repeatability" in screen
        assert screen.count("_Continuous Improvement_") == 1

    @pytest.mark.parametrize(
        "text",
        [
            "new grad, thinking about ml engineering. is it mostly coding or mostly meetings",
            "is mlops mostly coding?",
            "ml platform eng: heads-down coding or lots of meetings?",
            "is ai systems work coding or mostly meetings",
        ],
    )
    def test_is_it_mostly_asks_what_the_work_is_made_of(self, kb, text):
        """'is it mostly coding or mostly meetings': the duties, not the coding best practices."""
        reply = handlers.ask(text, kb)
        assert reply.topic == "responsibilities" and "· Responsibilities*" in reply.text

    def test_a_market_s_size_asked_in_money_words_leads_with_the_forecast(self, kb):
        """'how big is the ai systems market in $ terms': the market size forecast, not the opening."""
        reply = handlers.ask("how big is the ai systems market in $ terms", kb)
        assert reply.topic == "demand" and "US$9.460 million" in first_screen(reply)

    def test_job_titles_in_demand_are_the_in_demand_roles_listed(self, kb):
        """'which job titles are hot for ai systems engineers': the In-Demand Job Roles list first."""
        reply = handlers.ask("which job titles are hot for ai systems engineers", kb)
        assert reply.topic == "demand"
        assert "Natural Language Processing (NLP) Engineers" in first_screen(reply)

    @pytest.mark.parametrize(
        "text",
        [
            "backend dev 5yrs wanna move into production ai eng where do i even start",
            "statistician here, how do i get into production ai engineering?",
        ],
    )
    def test_a_job_of_one_s_own_said_without_from_asks_the_skills_to_add(self, kb, text):
        """A backend dev of five years asks the skills to add (Skill Development), not the degree to
        start with and the junior rung, which a student's way in would be."""
        reply = handlers.ask(text, kb)
        screen = first_screen(reply)
        assert "Develop a deep understanding of machine learning and deep learning concepts." in screen
        assert "Pursue a bachelor's degree" not in screen

    def test_a_student_s_way_in_starts_at_school(self, kb):
        reply = handlers.ask("cs student here, how do i get into production ai engineering", kb)
        assert "Obtain a strong foundation in computer science, mathematics, and statistics." in first_screen(
            reply
        )

    def test_hot_skills_asked_in_texting_style(self, kb):
        """'what ml eng skills r hot rn': the skills in high demand, as 'skills are hot' would be."""
        reply = handlers.ask("what ml eng skills r hot rn wanna learn whatever is most in demand", kb)
        assert reply.topic == "demand" and "_Skills in High Demand_" in first_screen(reply)

    @pytest.mark.parametrize(
        "text",
        ["how many yrs for production ai engineer", "how senior do production ai engineers need to be"],
    )
    def test_the_years_asked_in_words_lead_the_requirements(self, kb, text):
        """'how many yrs?', 'how senior?': the years the document asks for come first, then the brief."""
        reply = handlers.ask(text, kb)
        assert reply.topic == "requirements"
        assert "3+ years of experience in AI/ML development and deployment" in reply.text[:250]

    def test_a_smart_move_asks_the_prospects(self, kb):
        """'be a smart move for the next 10 years?': the outlook, not the career ladder."""
        reply = handlers.ask(
            "would becoming a machine learning engineer be a smart move for the next 10 years?", kb
        )
        assert reply.topic == "demand"

    def test_the_difference_in_what_they_do_compares_the_duties(self, kb):
        reply = handlers.ask(
            "mlops vs ml platform engineer, whats the actual difference in what they do?", kb
        )
        assert (reply.intent, reply.topic) == ("compare", "responsibilities")

    def test_ones_own_years_beside_a_market_question_are_no_requirements_asked(self, kb):
        """Six years of one's own, then 'is the market for that kind of role actually good right now?'
        (the model reads the market): not the years the role asks for; 'jobs say 5+ yrs, i have 3, should
        i still apply' asks those."""
        market = handlers.ask(
            "Been a backend/SRE person for 6 years, lots of Go and Kubernetes, some Terraform. My company is"
            " spinning up an ML infra team and the lead wants me in as their platform eng. Before I say yes,"
            " is the market for that kind of role actually good right now?",
            kb,
        )
        assert market.topic != "requirements"
        apply = handlers.ask("ml platform jobs say 5+ yrs, i have 3, should i still apply", kb)
        assert apply.topic == "requirements"

    def test_a_topic_named_in_words_is_answered_beside_what_is_not_covered(self, kb):
        """'the usual education and experience requirements ..., and how long does a secret clearance
        take if they sponsor it?': the requirements answered, clearance and sponsoring named."""
        reply = handlers.ask(
            "What are the usual education and experience requirements for production AI engineers, and"
            " realistically how long does a secret clearance take if they sponsor it?",
            kb,
        )
        assert (reply.intent, reply.topic) == ("answer", "requirements")
        assert "clearance" in reply.uncovered
        assert "3+ years of experience in AI/ML development and deployment" in first_screen(reply)

    def test_the_people_the_work_is_for_are_not_the_askers_role(self, kb):
        """'my customers are the people who build the models': the people served (model builders), while
        the work told (feature store, training cluster, serving layer) is the ML platform's."""
        reply = handlers.ask(
            "I build the feature store, training cluster and serving layer that 12 DS teams depend on. My"
            " manager says my 'customers' are the people who build the models. What are the big recurring"
            " problems for people who do this kind of work?",
            kb,
        )
        assert reply.roles == ("ml-platform-engineer",) and reply.topic == "challenges"

    def test_building_is_how_the_work_is_told_not_its_subject(self, kb):
        """'do production AI engineers ever crunch numbers ..., or is it purely building models?': the
        duties, not the lines that happen to say "building"."""
        reply = handlers.ask(
            "do production AI engineers ever crunch numbers to help management pick a direction,"
            " or is it purely building models?",
            kb,
        )
        assert reply.topic == "responsibilities"
        assert "building" not in [t for t in reply.query.split()[2:]]

    def test_the_reply_is_titled_by_the_section_its_lines_come_from(self, kb):
        """'is it worth learning CUDA ...?' ("is it worth" is a career phrase): Requirements' lines,
        titled Requirements, with its button; so is a pay question answered by a line of Market Demand."""
        reply = handlers.ask("is it worth learning CUDA as an ml platform engineer?", kb)
        assert reply.topic == "requirements" and "Platform Engineer · Requirements*" in reply.text
        assert "Knowledge of GPU programming concepts (e.g., CUDA)" in first_screen(reply)
        assert reply.full == ("ml-platform-engineer requirements",)
        reply = handlers.ask(
            "is there an ML premium over regular software engineer pay? for ml platform roles", kb
        )
        assert reply.topic == "demand" and "Platform Engineer · Market Demand*" in reply.text
        assert "“software engineer”" in reply.text
        assert "~20% salary premium compared to traditional software engineers" in first_screen(reply)

    @pytest.mark.parametrize(
        ("question", "topic", "line"),
        [
            ("any linkedin numbers on job posting growth for ml platform roles", "demand",
             "74% annual growth in AI and ML job postings"),
            ("how much money is going into AI these days, per the ml engineer doc?", "trends",
             "Industry Trends*"),
        ],
    )  # fmt: skip
    def test_growth_of_postings_and_money_into_ai_are_not_pay(self, kb, question, topic, line):
        reply = handlers.ask(question, kb)
        assert reply.topic == topic and line in first_screen(reply)

    def test_these_roles_after_one_role_in_the_context_is_that_role(self, kb):
        """'pinged about a Production AI Engineer role ... do these roles expect? ... at all?': that role,
        not every role ("at all" asks nothing across the roles)."""
        reply = handlers.ask(
            "a recruiter pinged me about a Production AI Engineer role at a car parts maker. How many years"
            " of experience do these roles normally expect? do they care about certifications at all?",
            kb,
        )
        assert (reply.intent, reply.roles) == ("answer", ("production-ai-engineer",))
        assert "3+ years of experience in AI/ML development and deployment" in first_screen(reply)

    @pytest.mark.parametrize(
        "question",
        [
            "what's the gist of an mlops engineer?",
            "give me the one-paragraph version of the mlops engineer job",
            "What does an mlops engineer do? We're thinking about hiring one and I write the job post.",
            "in a couple of sentences, what does an mlops engineer bring to the team?",
        ],
    )
    def test_the_gist_is_the_overview_and_hiring_one_is_no_market_question(self, kb, question):
        """'the gist', 'the one-paragraph version': what the role is ("version" is no versioning); the
        person hiring one asks what the role does, not about the job market."""
        reply = handlers.ask(question, kb)
        assert reply.topic in ("overview", "responsibilities") and "versioning" not in first_screen(reply)

    def test_ml_versus_infra_skills_keeps_the_role_of_the_context(self, kb):
        """'I want to move into an ML platform engineer role. How much actual ML do I need versus infra
        skills?': "ML ... versus" compares skills, not the ML engineer with the platform role."""
        reply = handlers.ask(
            "I want to move into an ML platform engineer role. How much ML do I need versus infra skills?",
            kb,
        )
        assert (reply.intent, reply.roles) == ("answer", ("ml-platform-engineer",))

    def test_which_kind_of_skills_leads_with_the_requirements_list_of_that_kind(self, kb):
        """'which ops skills would an mlops job want?': the Requirements list headed so (Operations and
        Monitoring), not lines of Industry Trends that say "operational"; a project that demonstrates
        skills is still a project question."""
        reply = handlers.ask("backend dev here, which ops skills would an mlops job want from me", kb)
        screen = first_screen(reply)
        assert reply.topic == "requirements" and "Operations and Monitoring" in screen, screen
        assert "Prometheus" in screen and "Industry Trends" not in screen, screen
        reply = handlers.ask("what portfolio project best demonstrates mlops skills?", kb)
        assert "Operations and Monitoring" not in first_screen(reply)

    def test_how_to_gain_experience_leads_with_the_practical_experience_list(self, kb):
        """'no experience yet, how can i build some?': the document's Practical Experience list
        (projects, hackathons, bootcamps), not the ladder's first rung or the degrees; the years a
        posting asks are still the years."""
        for asked, line in (
            ("no experience yet, how can i build some for ai systems engineer roles?", "hackathons"),
            ("how to gain practical experience for ml platform engineering", "hackathons"),
        ):
            screen = first_screen(handlers.ask(asked, kb))
            assert "Practical Experience" in screen.split("\n")[2] and line in screen, screen
        screen = first_screen(handlers.ask("how many years of experience do ml platform engineers need", kb))
        assert "5+ years of relevant experience" in screen, screen

    def test_skills_for_moving_up_are_the_skills_senior_roles_ask(self, kb):
        """'what skills help platform engineers advance?': the Leadership (for Senior Roles) list, not
        the degrees and languages every engineer needs; the skills of the job itself stay those."""
        screen = first_screen(handlers.ask("what skills help platform engineers advance", kb))
        assert "Leadership (for Senior Roles)" in screen and "Mentorship" in screen, screen
        screen = first_screen(handlers.ask("what skills matter for moving up as an mlops engineer", kb))
        assert "Increasingly important for career advancement" in screen, screen
        screen = first_screen(handlers.ask("what skills does an mlops engineer need", kb))
        assert "Technical Skills" in screen and "career advancement" not in screen, screen

    def test_a_good_fit_for_someone_is_their_way_in(self, kb):
        """'is ai systems engineering a good fit for a physicist?': how such a person gets in (the first
        rung, the degrees), not the market demand that 'good ... career' reads as."""
        reply = handlers.ask("is ai systems engineering a good fit for a physicist", kb)
        assert reply.topic == "career" and "Bachelor's degree" in first_screen(reply), reply.text
        reply = handlers.ask("would platform engineering suit an ex sysadmin", kb)
        assert reply.topic == "career" and "Junior" in first_screen(reply), reply.text

    def test_the_skills_asked_in_brief_lead_with_skills_not_the_degree(self, kb):
        """'what skills does an ai/ml engineer need?': the skill lists first; the degree, which is no
        skill, after them; asked together with the degree, the degree keeps its place."""
        text = handlers.ask("which skills does an ai/ml engineer need?", kb).text
        assert "Programming" in text[:FIRST_SCREEN] and text.index("Programming") < text.index("Bachelor")
        text = handlers.ask("what degree and skills does an ai/ml engineer need?", kb).text
        assert "Bachelor" in text.split("\n")[3], text

    def test_hype_is_not_what_a_market_is_expected_to_reach(self, kb):
        """'is ML engineering overhyped? ... that many jobs?': the jobs' growth, not 'Global AI market
        expected to reach $2,575.16 billion' (the stem "expect" of the expectations lines); a silver
        bullet hoped for is still the realistic-expectations line."""
        reply = handlers.ask("is ml engineering overhyped? are there actually that many jobs?", kb)
        screen = first_screen(reply)
        assert reply.topic == "demand" and "expected to reach" not in screen, screen
        screen = first_screen(
            handlers.ask("leadership sees AI as a silver bullet. ai systems engineer tips?", kb)
        )
        assert "Set realistic expectations" in screen, screen

    def test_a_role_without_knowing_something_asks_what_it_requires_of_it(self, kb):
        """'can i be an mlops engineer without knowing ml?': what the role asks of ML (Requirements),
        not Market Demand's 'Growing Need for Machine Learning Solutions'."""
        reply = handlers.ask("can i be an mlops engineer without knowing ml", kb)
        assert reply.topic == "requirements" and "Machine Learning:* Knowledge of" in first_screen(reply)
        reply = handlers.ask("could i work as a platform engineer without knowing kubernetes?", kb)
        assert "(Kubernetes)" in reply.text.split("\n")[3], reply.text

    def test_ready_for_a_promotion_is_no_role_fit(self, kb):
        """'what changes at each step? ... nobody tells me what 'ready for promo' means': the ladder of
        the role in the context, not a ranking of the five roles against the person's skills."""
        reply = handlers.ask(
            "Junior AI systems engineer here. What's the realistic path from junior to mid to senior? Nobody"
            " will tell me what 'ready for promo' means.",
            kb,
        )
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-systems-engineer",), "career")

    def test_make_more_sense_is_no_pay(self, kb):
        """'does specializing by industry make more sense than by technique?': not "make" (pay)."""
        reply = handlers.ask(
            "ml engineer: does specializing by industry make more sense than by technique?", kb
        )
        assert reply.topic != "salary" and "$" not in first_screen(reply)

    @pytest.mark.parametrize("question", ["which skills are hot right now for ml engineers?",
                                          "ml engineer: any emerging skills to pick up?",
                                          "what skills are in demand for ml engineers rn"])  # fmt: skip
    def test_skills_in_demand_are_the_documents_skills_in_high_demand(self, kb, question):
        """'which skills are hot?': the Skills in High Demand lists, not every requirement."""
        reply = handlers.ask(question, kb)
        assert reply.topic in ("demand", "trends")
        assert "Deep learning, neural networks, computer vision" in first_screen(reply)

    def test_what_is_different_is_different_from_ones_own_title(self, kb):
        """'I'm a data scientist and want to become an ML engineer. What's actually different about the
        job?': the document's ML engineer vs data scientist line leads."""
        reply = handlers.ask(
            "I'm a data scientist and want to become an ML engineer. What is different about the job?",
            kb,
        )
        assert "whereas Data Scientists concentrate more on analyzing" in first_screen(reply)
        # without "different", one's own title is only where one comes from
        reply = handlers.ask(
            "I'm a data scientist and want to become an ML engineer. What do I need to learn?", kb
        )
        assert "data scientist" not in reply.text.split("\n")[2]
        # one's own role among the five and another: the two compared
        reply = handlers.ask(
            "Currently an ML engineer and thinking of moving to our ML platform team. How do the headaches"
            " differ?",
            kb,
        )
        assert reply.intent == "compare" and reply.roles == ("ai-ml-engineer", "ml-platform-engineer")
        assert reply.topic == "challenges"

    def test_tips_for_my_cv_ask_what_to_show(self, kb):
        """'any tips for my CV as an ML engineer?': what to show, not the best practices ("tips"); the
        keywords that matter are the skills the role asks for."""
        reply = handlers.ask("any tips for my CV as an ML engineer?", kb)
        assert reply.topic == "requirements"  # what employers ask for is what a CV shows
        assert "Hands-on experience with real-world AI/ML projects" in first_screen(reply)
        reply = handlers.ask("any tips for my CV as an ML engineer, which keywords matter?", kb)
        assert reply.topic == "requirements"
        assert "Proficiency in languages such as Python, Java, C++, and R" in first_screen(reply)

    @pytest.mark.parametrize(
        ("question", "role"),
        [
            ("the people who keep models running in prod - what's that job?", "mlops-engineer"),
            (
                "the people who keep ML models alive in production, what do they need to learn?",
                "mlops-engineer",
            ),
            ("people who build models, what do they need to know", "ai-ml-engineer"),
            ("what do the folks who deploy models earn?", "mlops-engineer"),
        ],
    )
    def test_people_described_by_what_they_do_are_that_role(self, kb, question, role):
        """'the people who keep models running': the role its everyday description names."""
        assert handlers.ask(question, kb).roles == (role,)

    def test_or_more_of_a_word_is_no_second_role(self, kb):
        """'is it more ops or more ml': MLOps alone ("ml" there is no role)."""
        reply = handlers.ask("what is mlops, as a job? is it more ops or more ml", kb)
        assert (reply.intent, reply.roles) == ("answer", ("mlops-engineer",))

    def test_kaggle_comps_are_competitions_not_pay(self, kb):
        """'a few Kaggle comps' in the context is no pay question: what to show on a CV."""
        reply = handlers.ask(
            "what ml engineer experience looks good on a cv? I've done a few Kaggle comps", kb
        )
        assert reply.topic != "salary" and "$" not in reply.text
        assert "Hands-on experience with real-world AI/ML projects" in first_screen(reply)

    def test_advice_asked_surely_is_answered_beside_what_is_not_covered(self, kb):
        """'interview coming up ... what should i brush up on': what to know; the interview is what
        it is for, no subject the documents lack."""
        reply = handlers.ask("ml eng interview coming up at a fintech. what should i brush up on", kb)
        assert (reply.intent, reply.topic) == ("answer", "requirements") and reply.uncovered == ()
        assert "says nothing about" not in reply.text
        assert "Proficiency in ML frameworks and libraries" in first_screen(reply)

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            (
                "got an mlops interview on friday. which topics will they ask me about?",
                "*Programming:* Proficiency in Python, Java, R, or C++",
            ),
            (
                "new grad, platform eng interviews soon. what technical topics are they likely to test?",
                "Proficiency in languages such as Python, Go, C++, Java, or R",
            ),
            (  # what to expect of it asked, the interview named before
                "mlops interviews - should i expect kubernetes questions?",
                "*Containerization:* Experience with Docker and Kubernetes",
            ),
        ],
    )
    def test_what_an_interview_tests_is_what_the_role_requires(self, kb, text, line):
        """The topics an interview asks are the role's technical skills; the interview itself (its
        process, its rounds) is still said to be not covered."""
        reply = handlers.ask(text, kb)
        assert (reply.intent, reply.topic, reply.uncovered) == ("answer", "requirements", ())
        assert line in reply.text[:400]
        process = handlers.ask("what's the interview process like for mlops engineers?", kb)
        assert process.intent == "unknown" and "“interview”" in process.text

    def test_a_bonus_on_top_of_base_is_the_additional_pay(self, kb):
        """'bonus ... on top of base': the documents' additional compensation, not lines that
        happen to say 'based'."""
        reply = handlers.ask("how much bonus do ml engineers get on top of base", kb)
        assert "Average additional cash compensation of $44,362" in first_screen(reply)
        assert "based on experience" not in reply.text

    def test_a_quoted_figure_leads_with_the_figures_near_it(self, kb):
        """'can ... hit 500k total comp??': the lines that say about $500,000, wherever they are."""
        reply = handlers.ask("can ai systems engineers ever hit 500k total comp??", kb)
        # labelled by the section of the first: no figure of about $500,000 is in Salary
        assert reply.topic == "demand" and "Total compensation exceeding $500,000" in first_screen(reply)
        assert handlers.ask(reply.query, kb).text == reply.text
        # a figure the document lacks is said, with the levels, not taken for a subject
        reply = handlers.ask("mlops 90k", kb)
        assert reply.intent == "answer" and "no salary figure for about $90,000" in reply.text
        assert "Entry level: $110,000 - $120,000" in reply.text.replace("*", "")

    def test_a_career_stage_is_a_level_not_the_career_topic(self, kb):
        reply = handlers.ask("mid career ai sys engineer, what should i be earning", kb)
        assert reply.topic == "salary" and "$100,000 - $147,880 per year" in first_screen(reply)

    def test_kinds_of_pay_alone_ask_about_pay(self, kb):
        reply = handlers.ask("avg base: ml engineer or mlops engineer, who's higher", kb)
        assert (reply.intent, reply.topic) == ("compare", "salary")
        assert "$157,969 per year (average base)" in reply.text

    def test_yoe_side_by_side_and_easier_to_get_into(self, kb):
        """'yoe needed: X vs Y? which is easier to get into?': the years each asks, the lower first."""
        reply = handlers.ask(
            "yoe needed: production AI eng vs ML platform eng? which is easier to get into", kb
        )
        assert "Production AI Engineer asks for the least experience*: 3+ years" in reply.text

    def test_who_asks_least_experience_is_said_as_least(self, kb):
        reply = handlers.ask("which role needs the least experience", kb)
        assert (
            "Production AI Engineer and MLOps Engineer ask for the least experience*: 3+ years" in reply.text
        )
        assert (
            "AI/ML Platform Engineer asks for the most experience"
            in handlers.ask("which role needs the most years of experience?", kb).text
        )

    def test_who_pays_least_is_said_as_least(self, kb):
        """'lowest starting pay?': the role whose entry range starts lowest, said so; a document
        line with several amounts is listed once."""
        reply = handlers.ask("which role has the lowest starting pay? dont want to lowball myself", kb)
        assert "AI Systems Engineer pays least at entry level" in reply.text[:300]
        assert "pays most" not in reply.text
        assert reply.text.count("Entry-Level: $152,601 per year (average)") == 1

    def test_a_quarter_of_the_market_is_a_percentile(self, kb):
        reply = handlers.ask(
            "what do lower paid machine learning engineers make, like the bottom quarter?", kb
        )
        assert (
            "25th Percentile: $84,000" in first_screen(reply) and "entry" not in first_screen(reply).lower()
        )

    def test_a_section_named_by_its_name_answers_from_its_own_lines(self, kb):
        """'best practices for deploying models': best-practice lines, not overview lines on deploying."""
        reply = handlers.ask("what are best practices for deploying models as an mlops engineer", kb)
        assert reply.topic == "best-practices" and "Overview" not in first_screen(reply)
        assert "Develop scalable MLOps frameworks" in first_screen(reply)

    def test_a_company_named_but_without_pay_figure_is_said(self, kb):
        """The ML engineer document names Amazon as a recruiter but gives no Amazon pay: said so, with
        the document that gives one."""
        reply = handlers.ask("how much do ml engineers make at amazon", kb)
        said = "doesn't mention “Amazon pay”; the AI Systems Engineer document does"
        assert reply.uncovered == ("Amazon pay",) and said in first_screen(reply)

    def test_a_bonus_leads_with_the_pay_line_that_says_bonuses(self, kb):
        reply = handlers.ask("production ai engineer bonus", kb)
        assert first_screen(reply).index("Average of $36,420") < first_screen(reply).index("Factors")

    def test_a_trends_brief_puts_pay_lines_last(self, kb):
        lead = first_screen(handlers.ask("what's hot right now for ai systems engineers", kb))
        assert "Pre-trained AI models" in lead and (
            "$" not in lead or lead.index("Pre-trained") < lead.index("$")
        )

    def test_synonyms_find_what_the_documents_call_it(self, kb):
        """'certs' finds certifications; the requirements line with the named exams leads."""
        reply = handlers.ask("which certs are actually worth getting for a production ai engineer job", kb)
        assert reply.topic == "requirements" and "AWS Machine Learning Specialty" in first_screen(reply)
        for said in (
            "could i freelance as an ml engineer",
            "is going independent a normal path for ML engineers",
        ):
            assert "start their own companies or work as consultants" in first_screen(handlers.ask(said, kb))
        reply = handlers.ask("how do ai systems engineers negotiate a higher salary", kb)
        assert "Negotiation skills, proven track record" in first_screen(reply)

    def test_which_tools_are_the_lines_that_name_tools(self, kb):
        """'what tools should an mlops engineer know': the technical skills that name tools, not the
        lines that say the word "tools"."""
        screen = first_screen(handlers.ask("what tools should an mlops engineer know", kb))
        assert "Experience with Docker and Kubernetes" in screen and "Choose ML tools aligned" not in screen

    def test_a_rare_word_the_section_lacks_is_shown_from_where_it_is(self, kb):
        """'which cloud tools does the ml platform engineer need? vertex?': the requirements, and the
        overview line that names Vertex AI, which the requirements do not."""
        screen = first_screen(
            handlers.ask("which cloud tools does the ml platform engineer need? vertex?", kb)
        )
        assert "Familiarity with cloud platforms" in screen and "Vertex AI and AutoML" in screen

    def test_a_rare_word_asked_beside_everyday_ones_leads_the_advice_list(self, kb):
        """'what deep learning architectures should a production ai engineer know? cnns?': the line that
        names CNNs comes first, though "deep learning" is everyday."""
        screen = first_screen(
            handlers.ask("what deep learning architectures should a production ai engineer know? cnns?", kb)
        )
        assert screen.index("(e.g., CNNs, RNNs, Transformers)") < screen.index("Mastery of Python")

    def test_the_routed_section_is_preferred_but_evidence_decides(self, kb):
        """'years of experience' routes to requirements even though 'jobs' says market demand."""
        reply = handlers.ask("how many yrs of experience do mlops jobs usually ask for", kb)
        assert reply.topic == "requirements" and "3-6 years" in first_screen(reply)

    def test_benefits_asked_are_the_pay_package(self, kb):
        """'what benefits do they get?': the salary section's benefits line; 'the benefits of becoming
        one' is no pay question."""
        reply = handlers.ask("what benefits do ai systems engineers normally get, health insurance etc?", kb)
        assert reply.topic == "salary" and "*Benefits:* Health insurance" in reply.text[:300]
        assert handlers.ask("what are the benefits of becoming an mlops engineer?", kb).topic != "salary"

    @pytest.mark.parametrize(
        ("text", "topic", "said"),
        [
            # "model deploys" are deployments
            ("how do we make model deploys safer on our ml platform, platform eng here", "best-practices",
             "shadow deployment"),
            ("in short what does mlops do?", "overview", "plays a crucial role in the lifecycle"),  # in brief
            ("is the mlops market still growing or did it already peak?", "demand", "21% increase in jobs"),
        ],
    )  # fmt: skip
    def test_words_people_use_reach_the_section_and_its_line(self, kb, text, topic, said):
        reply = handlers.ask(text, kb)
        assert reply.topic == topic and said in reply.text[:300]

    def test_what_a_role_builds_is_the_job_itself(self, kb):
        """'What exactly does an ML platform engineer build?': what the role is and does, not the
        career lines that say "build"."""
        reply = handlers.ask(
            "What exactly does an ML platform engineer build? I have to write the job post.", kb
        )
        assert reply.topic in ("overview", "responsibilities")
        assert "reusable frameworks for AI/ML model development and deployment" in reply.text

    def test_what_will_hurt_is_the_challenges(self, kb):
        """'What's going to hurt?', 'the unglamorous parts', 'endless firefighting': the challenges."""
        reply = handlers.ask(
            "About to accept an AI systems engineer offer at an old insurer. What's going to hurt?", kb
        )
        assert reply.topic == "challenges" and "Updating outdated infrastructure" in first_screen(reply)
        reply = handlers.ask(
            "mlops folks: what eats most of your week? or is it just endless firefighting", kb
        )
        assert reply.topic == "challenges"

    def test_the_whole_section_is_one_button_away(self, kb):
        """A lead names its section; expanding it gives exactly `/role ROLE TOPIC`."""
        reply = handlers.ask("what tools do ml engineers use for model explainability", kb)
        assert "SHAP, LIME, visual analytics" in first_screen(reply)
        assert reply.full == ("ai-ml-engineer challenges",)
        buttons = [e for b in reply.blocks if b["type"] == "actions" for e in b["elements"]]
        assert buttons[0]["text"]["text"] == "Show the whole section"
        assert handlers.expand(reply, kb).text == handlers.ask("/role ai-ml-engineer challenges", kb).text

    def test_role_and_topic_alone_still_get_the_whole_section(self, kb):
        """/role ROLE TOPIC asked for the section: every line of it, as before."""
        reply = handlers.ask("/role mlops salary", kb)
        assert "145,000" in reply.text and "300,600" in reply.text and len(reply.text) > 1500

    def test_a_section_in_brief_never_opens_with_its_closing_words(self, kb):
        """ "By following these best practices, ..." closes the section: no line of it."""
        for q in (
            "what are the best practices for production ai engineers",
            "what soft skills do mlops engineers need",
        ):
            text = handlers.ask(q, kb).text
            assert "By following these" not in text and "By developing these" not in text, q

    def test_a_vague_question_gets_the_section(self, kb):
        """Nothing to narrow to: the section in brief (a line under each heading), the whole behind
        the button."""
        reply = handlers.ask("what does a production ai engineer do?", kb)
        assert reply.topic == "responsibilities" and len(reply.text) < 1300
        assert reply.full == ("production-ai-engineer responsibilities",)
        assert len(handlers.expand(reply, kb).text) > 1500

    def test_levels_named_before_and_pointed_back_at_are_what_each_does(self, kb):
        """'team lead vs director ... What does each one actually do?': both rungs of the ladder, not
        the role's duties; a level the person only has stays theirs."""
        reply = handlers.ask(
            "MLOps team lead vs director of MLOps | Being considered for a 'lead' position on our MLOps "
            "team, and our VP mentioned a future director role. I don't understand how the two differ in "
            "scope. What does each one actually do in MLOps orgs?",
            kb,
        )
        assert reply.topic == "career"
        shown = first_screen(reply)
        assert "Leads overall MLOps strategy" in shown and "Oversees work of other MLOps Engineers" in shown

    def test_two_things_set_side_by_side_for_one_role_compare_no_roles(self, kb):
        """'ai systems engineer: bachelors vs masters?': the role's schooling, not all five roles."""
        reply = handlers.ask("ai systems engineer: bachelors vs masters, how much does it matter?", kb)
        assert (reply.intent, reply.roles, reply.topic) == (
            "answer",
            ("ai-systems-engineer",),
            "requirements",
        )
        assert "Master's degree or Ph.D. may be preferred" in first_screen(reply)
        assert handlers.ask("mlops vs ml platform engineer salary", kb).intent == "compare"

    def test_an_aim_told_before_a_question_on_the_path_is_the_climb_asked(self, kb):
        """'I want to be a director of AI one day. What path should I take as an AI systems engineer?':
        the way up to that rung, not the requirements of getting in; 'what does the ladder look
        like' after an aim is still the whole ladder, from its first rung."""
        up = handlers.ask(
            "one day i want to be a director of ai. what path should i take as an ai systems engineer?", kb
        )
        assert (
            up.topic == "career" and "Director of AI or similar executive positions" in first_screen(up)[:300]
        )
        ladder = handlers.ask(
            "i want to be director of mlops eventually. what does the career ladder look like?", kb
        )
        assert first_screen(ladder).split("\n")[3].startswith("• *Junior MLOps Engineer:*")

    def test_hot_spots_are_the_geographical_hotspots(self, kb):
        """'where are the hot locations for ai systems engineers?': the document's Geographical Hotspots,
        not its trends."""
        for q in ("where are the hot locations for ai systems engineers?", "ai systems engineer hot spots?"):
            assert "Leading in AI investments and job opportunities" in first_screen(handlers.ask(q, kb))

    def test_a_year_asked_of_skills_or_work_is_when_not_what(self, kb):
        """'... in 2024?' of a role's tools or work is the time of asking; of its demand, a date to find."""
        tools = handlers.ask("which tools does an mlops engineer need in 2024?", kb)
        assert "Experience with Docker and Kubernetes" in first_screen(tools)
        work = handlers.ask("what does an mlops engineer actually do in 2024", kb)
        assert work.topic == "responsibilities"
        demand = handlers.ask("mlops job outlook in 2024", kb)
        assert "between now and 2024" in first_screen(demand)


class TestAcrossRoles:
    """A question about a subject, not a role, answers from every role that has it."""

    def test_how_two_roles_compare_is_not_pay_on_an_unsure_guess(self, kb):
        """'how does mlops compare to platform engineering?': no topic said, the model's guess of pay
        (0.35) unsure: the overviews side by side, not a pay chart; pay asked is still the chart."""
        reply = handlers.ask("how does mlops compare to ml platform engineering", kb)
        assert reply.intent == "compare" and reply.topic == "overview", reply.text
        assert handlers.ask("which pays better, mlops or platform", kb).topic == "salary"

    def test_which_of_two_has_better_long_term_prospects_is_their_outlook(self, kb):
        """'mlops vs ml engineer, which has better long term prospects': each role's outlook (demand
        growth), not career lines on "long-term tech planning" or the education."""
        for asked in (
            "platform vs ai systems, which has better long term prospects",
            "production ai or mlops - better long term prospects?",
        ):
            screen = first_screen(handlers.ask(asked, kb))
            assert "demand" in screen and "Educational Foundation" not in screen, screen
            assert "long-term tech planning" not in screen, screen

    def test_the_role_with_the_most_of_a_topic_sets_every_role_side_by_side(self, kb):
        """'which role has the most job openings?': the five roles' market demand, not "Only AI/ML
        Platform Engineer mentions openings" (one line says the word) nor "open-source" (its stem);
        'vacancies' is the same question; a point most roles speak of keeps their lines on it."""
        for asked in ("which role has the most job openings", "which role has the most vacancies right now"):
            reply = handlers.ask(asked, kb)
            assert reply.intent == "compare" and len(reply.roles) == 5 and reply.topic == "demand", reply.text
            assert "open-source" not in reply.text and "Only" not in reply.text
        assert (
            "*4 of 5 roles* mention job security"
            in handlers.ask("which role has the best job security", kb).text
        )

    def test_a_subject_asked_with_no_role_is_answered_across(self, kb):
        """'how does computer vision work in quality control?': the roles whose documents say so,
        with their lines, not "which role?"; an everyday word ("what time is it") is no subject."""
        reply = handlers.ask("How does computer vision work in quality control?", kb)
        assert reply.roles[0] == "production-ai-engineer"
        assert "Computer vision enhances quality control" in reply.text[:400]
        reply = handlers.ask("What is model drift and how can organizations detect and monitor it?", kb)
        assert "mlops-engineer" in reply.roles and "“model drift”" in reply.text[:200]
        assert handlers.ask("what time is it", kb).intent == "unknown"
        assert handlers.ask("how do you get interviews without an infra title?", kb).intent != "compare"

    def test_a_point_asked_of_no_role_is_asked_of_all(self, kb):
        """'how much math do you really use at work?': every role's lines on the math, not "which
        role?"; a bare topic ("what r the challanges") still asks which role."""
        reply = handlers.ask("How much math do you really use at work?", kb)
        assert reply.intent == "compare" and len(reply.roles) == 5 and "linear algebra" in reply.text[:600]
        assert handlers.ask("what r the challanges", kb).intent == "clarify"
        assert handlers.ask("/role engineer salary", kb).intent == "clarify"

    def test_a_phrase_asked_to_be_mentioned_is_whole(self, kb):
        """'what roles mention federated learning?': none does; not "5 of 5 roles mention learning"."""
        reply = handlers.ask("what roles mention federated learning", kb)
        assert reply.intent == "unknown" and "“federated learning”" in reply.text

    def test_a_rare_subject_leads_with_the_lines_under_its_heading(self, kb):
        """'how does mlops ensure reproducibility in model development?': the best practices under
        "Reproducibility and Versioning", not a trend that names it in passing; "model development"
        asks no career development."""
        reply = handlers.ask("how do mlops teams ensure reproducibility during model development?", kb)
        assert reply.topic == "best-practices"
        assert "Implement version control for code and data" in reply.text[:400]

    def test_an_everyday_word_is_no_subject_to_look_up_across_the_roles(self, kb):
        """'is it accurate that ...?' asks no role which mentions "accurate"; 'which roles mention
        monitoring?' does ask."""
        reply = handlers.ask("honestly is it accurate that every job title now says AI?", kb)
        assert "in the role documents" not in reply.text[:100]
        reply = handlers.ask("which roles mention monitoring?", kb)
        assert reply.text.startswith("*“monitoring” in the role documents*")

    def test_an_everyday_word_beside_a_mentioned_subject_is_colour(self, kb):
        """'most remote-friendly? does any of them mention remote work?': remote work is looked up
        ("friendly" is colour); "federated learning" stays one phrase no document has."""
        reply = handlers.ask("Which of these roles is most remote-friendly? Do any mention remote work?", kb)
        assert reply.roles == ("mlops-engineer",) and "Potential for remote work" in reply.text[:400]

    def test_a_rebrand_question_asks_what_the_role_is(self, kb):
        reply = handlers.ask("MLOps engineer: what is it exactly? a fancy rebrand, or a distinct job?", kb)
        assert reply.topic == "overview" and "often referred to as an MLOps Engineer" in reply.text[:400]

    def test_the_fields_roles_are_every_role(self, kb):
        """'which AI/ML roles expect SQL?' asks across the roles, not the AI/ML Engineer's alone;
        'is AI going to replace AI engineers? across all these roles' asks every role's outlook: the
        trends, where most documents say how AI changes the work."""
        reply = handlers.ask("Which AI/ML roles expect SQL?", kb)
        assert reply.intent == "compare" and len(reply.roles) >= 2
        reply = handlers.ask(
            "Is AI going to replace AI engineers? Asking for real, across all these roles.", kb
        )
        assert reply.intent == "compare" and len(reply.roles) == 5 and reply.topic == "trends"
        assert "AI augments human capabilities" in first_screen(reply)

    def test_across_these_roles_said_outright_is_every_role(self, kb):
        """'... in AI/ML engineering ... What do the numbers say across these roles?': every role, though
        "AI/ML" names one."""
        reply = handlers.ask(
            "is the demand for AI/ML engineering real? What do the numbers say across these roles?", kb
        )
        assert len(reply.roles) == 5

    def test_things_named_as_alternatives_are_each_looked_for(self, kb):
        """'copilot or genai': the roles that mention either, each with its lines; not only those that
        mention the rarer word."""
        reply = handlers.ask("is any role mentioning copilot or genai tools", kb)
        assert {"ml-platform-engineer", "ai-systems-engineer"} <= set(reply.roles)
        assert "mention Copilot or GenAI" in reply.text and "“mentioning" not in reply.text
        assert "GitHub Copilot" in reply.text and "GenAI and AI assistants" in reply.text
        # a list with commas ("fraud detection, banking or finance use cases"): each, not "explicitly"
        reply = handlers.ask(
            "which of these roles explicitly mention fraud detection, banking or finance use cases?", kb
        )
        assert len(reply.roles) >= 3 and "explicitly" not in reply.text
        assert "fraud detection" in reply.text and "Banking" in reply.text

    def test_listed_or_included_asks_whether_it_is_mentioned(self, kb):
        """'is patience listed ...?' asks about patience; "listed" is no subject of its own."""
        asked = ("is patience listed anywhere", "is empathy included in the soft skills for any job")
        for q in asked:
            reply = handlers.ask(q, kb)
            assert reply.intent in ("answer", "compare") and not reply.uncovered, q
            assert "Patience, empathy" in reply.text[:600], q

    def test_where_a_kind_of_pay_is_mentioned_is_its_lines(self, kb):
        """'where do the docs mention stock options or equity?': the lines that say so, not a chart."""
        reply = handlers.ask("where do the docs mention stock options or equity?", kb)
        assert reply.intent in ("answer", "compare") and "Stock options" in reply.text[:400]

    def test_a_kind_of_pay_asked_leads_past_everyday_words(self, kb):
        """'offers: are stock options part of it?': the stock options line, not "generally offer higher"."""
        reply = handlers.ask(
            "AI systems engineer offers: are stock options usually part of it or just base + bonus?", kb
        )
        assert "*Stock options:* Especially common" in reply.text[:300]

    def test_the_title_says_the_subject_as_asked(self, kb):
        """'edge ai or edge computing': the words as asked, not "edge or computing or AI"."""
        reply = handlers.ask("anything about edge ai or edge computing in any of these roles?", kb)
        assert reply.text.startswith("*“edge AI or edge computing” in the role documents*")
        assert handlers.ask("which of these roles need c++", kb).text.startswith(
            "*“C++” in the role documents*"
        )

    def test_two_words_said_together_lead_with_the_line_holding_both(self, kb):
        """'handling stress': Platform's "Capacity to handle stress" first, and the reply never says
        the other roles mention "handling stress" (they say "handling" only)."""
        reply = handlers.ask("any of the role docs talk about handling stress?", kb)
        assert reply.roles[0] == "ml-platform-engineer"
        assert "Capacity to handle stress" in reply.text[:300]
        assert "mention handling or stress" in reply.text or len(reply.roles) == 1

    def test_roles_are_named_and_ranked_with_their_lines(self, kb):
        """'which roles need kubernetes?': the roles that say so, each with its line."""
        reply = handlers.ask("which roles need kubernetes?", kb)
        assert reply.intent == "compare"
        assert set(reply.roles) == {"ml-platform-engineer", "mlops-engineer", "production-ai-engineer"}
        screen = first_screen(reply)
        assert "Kubernetes" in screen and all(kb.roles[r].title in reply.text for r in reply.roles)
        assert len(reply.text) < 2500

    def test_a_slash_name_is_one_subject_said_as_written(self, kb):
        """'a/b tests' is A/B testing, not the letters a and b; "run" (everyday) is no subject."""
        reply = handlers.ask("which roles run a/b tests as part of the job", kb)
        assert set(reply.roles) == {"production-ai-engineer", "ai-ml-engineer", "mlops-engineer"}
        assert "mention A/B testing:" in reply.text and "“run”" not in reply.text
        single = handlers.ask("do mlops engineers do a/b testing", kb)
        assert "Use A/B testing and gradual rollouts" in first_screen(single)

    def test_an_idiom_is_no_subject_and_ethics_is_said_as_ethical(self, kb):
        """'... ethics / responsible ai or is it just lip service': the lines on ethics, never
        "service" (of "lip service")."""
        reply = handlers.ask(
            "which roles actually care about ethics / responsible ai or is it just lip service", kb
        )
        assert len(reply.roles) >= 3 and "service" not in reply.text.split("\n")[0].lower()
        assert "Ensure AI systems are developed with ethical considerations in mind" in first_screen(reply)

    def test_one_role_with_it_is_an_answer(self, kb):
        """Kafka appears in one document: intent answer, that role only."""
        reply = handlers.ask("who works with kafka day to day?", kb)
        assert (reply.intent, reply.roles) == ("answer", ("mlops-engineer",))
        assert "Apache Kafka" in first_screen(reply)

    def test_synonyms_reach_across_roles(self, kb):
        """'golang' is Go in the documents."""
        reply = handlers.ask("do any of these jobs use golang", kb)
        assert "ml-platform-engineer" in reply.roles and "Go" in first_screen(reply)

    def test_who_mentions_a_name_holding_a_role_word_asks_across(self, kb):
        """'who mentions Good Machine Learning Practice (GMLP)?': the role that does (MLOps), not the ML
        engineer that "Machine Learning" names in passing."""
        reply = handlers.ask("who mentions Good Machine Learning Practice (GMLP)? our QA lead asked", kb)
        assert reply.roles == ("mlops-engineer",) and "Good Machine Learning Practice (GMLP)" in reply.text

    def test_looking_across_the_roles_is_no_subject(self, kb):
        """'Looking across all five roles, which one asks for the most years of experience?': each
        role's years, never lines that happen to say "across"."""
        reply = handlers.ask(
            "Looking across all five roles, which one asks for the most years of experience?", kb
        )
        assert len(reply.roles) == 5 and "“across”" not in reply.text
        assert "3+ years of experience in AI/ML development and deployment" in first_screen(reply)

    def test_go_the_language_is_read_in_more_ways(self, kb):
        """'Is Go used in any of these ML jobs? I'm a Go dev': the language, said as the documents write it;
        'where do i go from here' is the way up, not a role-fit question."""
        reply = handlers.ask("Is Go used in any of these ML jobs? I'm a Go dev", kb)
        assert (
            reply.roles == ("ml-platform-engineer",)
            and "Only *AI/ML Platform Engineer* mentions Go:" in reply.text
        )
        reply = handlers.ask("where do i go from here as an mlops engineer", kb)
        assert reply.topic == "career" and "Tell me what you know" not in reply.text
        reply = handlers.ask("which roles want Go as a programming language?", kb)
        assert "Only *AI/ML Platform Engineer* mentions Go:" in reply.text

    def test_each_section_behind_it_has_a_button(self, kb):
        """Every role and section quoted can be opened whole."""
        reply = handlers.ask("is quantum computing mentioned anywhere", kb)
        assert reply.full and all(q.split()[0] in reply.roles for q in reply.full)
        assert_within_limits(reply.blocks)


class TestNotCovered:
    """What the documents do not cover is said plainly, never answered with another section."""

    def test_a_name_asked_what_it_is_that_no_document_uses_is_not_covered(self, kb):
        """'What is LLMOps ...?': a name none of the documents uses is said to be not covered; an everyday
        word they lack ("what's the lowdown on ...") and a name they use ("what is kubernetes") are not."""
        reply = handlers.ask("What is LLMOps and how is it different from MLOps?", kb)
        assert reply.intent == "unknown" and "“llmops”" in reply.text
        for asked in (
            "what's the lowdown on mlops engineers",
            "what is kubernetes used for by mlops engineers",
        ):
            reply = handlers.ask(asked, kb)
            assert reply.intent == "answer" and not reply.uncovered, asked

    def test_a_slip_of_an_everyday_or_documents_word_is_no_name(self, kb):
        """'whats the diffrence between ML engineer and data scientist': a word one slip from an
        everyday word ("difference") or from one of the documents' ("responsibilites") is that word
        misspelt, never a name the documents lack: the question is answered."""
        reply = handlers.ask("whats the diffrence between ML engineer and data scientist", kb)
        assert reply.intent == "answer" and not reply.uncovered, reply.text
        assert "AI/ML Engineer vs. Data Scientist" in reply.text[:600]
        reply = handlers.ask("what are the responsibilites, what is that role like, for mlops engineers", kb)
        assert reply.intent == "answer" and not reply.uncovered, reply.text
        assert handlers.ask("what is zoomcamp and do mlops engineers need it", kb).uncovered == ("zoomcamp",)

    def test_a_subject_beyond_every_role_a_name_fits_is_said_not_asked_which(self, kb):
        """'do AI engineer jobs usually sponsor H1B visas?': no document of the three roles "AI
        engineer" fits says anything on visas, so that is said, each named; asking which one was meant
        would lead nowhere. Pay in a place none of them gives is asked which role, the place named."""
        reply = handlers.ask("do AI engineer jobs usually sponsor H1B visas?", kb)
        assert reply.intent == "unknown" and reply.uncovered == ("sponsor", "h1b", "visa")
        assert reply.text.startswith(
            "I don't have anything on “sponsor H-1B visa” for Production AI Engineer, AI/ML Engineer or AI"
            " Systems Engineer"
        ), reply.text
        reply = handlers.ask("AI engineer salary in India?", kb)
        assert reply.intent == "clarify" and reply.uncovered == ("india",)
        assert reply.text.startswith("_None of these role documents says anything about “India”._\nWhich")
        reply = handlers.ask("AI engineer salary in new york?", kb)  # a place they give figures for
        assert reply.intent == "clarify" and not reply.uncovered and reply.text.startswith("Which role")

    def test_a_request_to_make_or_mend_a_thing_is_said_to_be_beyond_rolebot(self, kb):
        """'can you write me a python function to compute F1 score?' is no question about the roles:
        said so, the request named, never '5 of 5 roles mention python'; a role named is offered by
        its closest topics. Asking for what the documents hold in such words is still asked."""
        reply = handlers.ask("can you write me a python function to compute F1 score?", kb)
        assert reply.intent == "unknown" and reply.uncovered == ("write me a python function",)
        assert reply.text.startswith("I can't help with “write me a python function”: I answer questions")
        assert "mention" not in reply.text and "/role list" in reply.text
        reply = handlers.ask("pls write me a cover letter for an mlops job", kb)
        assert reply.intent == "unknown" and reply.roles == ("mlops-engineer",)
        assert reply.uncovered == ("write me a cover letter",) and "`/role mlops requirements`" in reply.text
        turns = handlers.converse("what does an mlops engineer earn?", kb, [])[1:]
        reply, _ = handlers.converse("can you write me a cover letter for that job?", kb, list(turns))
        assert reply.intent == "unknown" and reply.uncovered == (
            "write me a cover letter",
        )  # in a thread too
        for asked in ("debug my pytorch code", "translate this to spanish", "write a sql query for top pay"):
            assert handlers.ask(asked, kb).intent == "unknown", asked
        for asked in (
            "write a summary of the mlops role",
            "how do i fix model drift as an mlops engineer",
            "generate a study plan for becoming an ml platform engineer",
            "help me write my resume for mlops roles, what should i highlight?",
        ):
            reply = handlers.ask(asked, kb)
            assert reply.intent == "answer" and not reply.uncovered, asked

    def test_working_hours_are_not_covered(self, kb):
        """No document says how long the days are: 'how many hours do ml engineers work?' names the
        hours as not covered instead of listing duties; beside pay, the pay is answered; 'the 9 to 5'
        is the working day, which the duties answer."""
        reply = handlers.ask("how many hours do ml engineers work", kb)
        assert reply.uncovered == ("how many hours",) and "don't cover" in reply.text, reply.text
        reply = handlers.ask("do mlops engineers work long hours, and what do they earn?", kb)
        assert reply.topic == "salary" and reply.uncovered == ("long hours",) and "$" in first_screen(reply)
        reply = handlers.ask("prod ai engineer, what's the 9 to 5 actually like", kb)
        assert reply.intent == "answer" and not reply.uncovered, reply.text

    def test_how_teams_are_structured_is_not_covered(self, kb):
        """No document says how teams are organised or whom the role reports to: named as not covered."""
        for asked, said in (
            ("what's the typical team structure for ml platform", "team structure"),
            ("who do mlops engineers report to", "report to"),
        ):
            reply = handlers.ask(asked, kb)
            assert said in reply.uncovered and f"“{said}”" in reply.text, reply.text

    def test_the_size_of_a_team_is_not_covered(self, kb):
        """No document says how big teams are: 'how big is a typical mlops team?' and 'the size of your
        platform team' name it as not covered; the size of a market, and teamwork, are covered."""
        for asked in (
            "how big is a typical mlops team",
            "What is the size of your ML platform team and how do you divide it into sub-teams?",
            "how many engineers does an ML platform team usually have?",
        ):
            reply = handlers.ask(asked, kb)
            assert "team size" in reply.uncovered and "team size" in reply.text, asked
        for asked in (
            "what's the size of the ai engineering market by 2030, mlops",
            "how large a role does teamwork play for mlops engineers",
        ):
            assert not handlers.ask(asked, kb).uncovered, asked

    def test_a_title_the_question_points_back_at_is_not_covered(self, kb):
        """ "those 'AI trainer' gigs ... Is that a real career path?": the title is none of the five;
        one's own title ("I'm a data analyst. Is that a good path into mlops?") is where one starts."""
        reply = handlers.ask("Thinking of doing those 'AI trainer' gigs. Is that a real career path?", kb)
        assert reply.intent == "unknown" and "“AI trainer” isn't one of them" in reply.text
        reply = handlers.ask("I'm a data analyst. Is that a good path into mlops?", kb)
        assert reply.roles == ("mlops-engineer",) and not reply.uncovered

    @pytest.mark.parametrize(
        "question, role",
        [
            ("does anyone sponsor h1b visas for mlops engineers?", "mlops-engineer"),
            ("how many pto days do production ai engineers usually get", "production-ai-engineer"),
            (
                "do ai systems engineers have to do on-call? like a weekly pager rotation",
                "ai-systems-engineer",
            ),
            ("typical rsu vesting schedule for ml platform engineers?", "ml-platform-engineer"),
        ],
    )
    def test_said_plainly_with_the_role_and_closest_topics(self, kb, question, role):
        """intent unknown, the role kept, the subject named, closest topics as buttons."""
        reply = handlers.ask(question, kb)
        assert (reply.intent, reply.roles) == ("unknown", (role,))
        assert "don't cover" in reply.text and "Closest topics" in reply.text
        buttons = [e for b in reply.blocks if b["type"] == "actions" for e in b["elements"]]
        assert 1 <= len(buttons) <= 3 and all(e["value"].startswith(role) for e in buttons)

    def test_a_subject_one_role_lacks_is_not_covered_for_it(self, kb):
        """Remote work is in the MLOps document only: for production AI it is not covered."""
        assert handlers.ask("which of these jobs can be done remotely", kb).roles == ("mlops-engineer",)
        reply = handlers.ask("can production ai engineers work fully remote or onsite at the plant", kb)
        assert reply.intent == "unknown"
        # "from home" is remote work, which the MLOps document names; the words are said once
        reply = handlers.ask("can mlops be done from home? i live in a small town", kb)
        assert "Potential for remote work" in reply.text[:300]
        reply = handlers.ask("can i work from home as an ml engineer", kb)
        assert reply.intent == "unknown" and "“work from home”" in reply.text
        reply = handlers.ask("can mlops engineers work from home", kb)
        assert reply.intent == "answer" and "Potential for remote work" in reply.text[:300]

    def test_pay_questions_read_the_market_the_kind_and_the_persons_years(self, kb):
        """ "in the US" is the market every pay figure is for; "bonus percentage" asks the bonus line;
        "for 5 years ... at my level" asks the figures for five years."""
        reply = handlers.ask("ML engineer salary range in the USA?", kb)
        assert "ranges from $101,752 to $177,612" in reply.text[:400] and "Industry Trends" not in reply.text
        reply = handlers.ask("what percentage bonus do ai systems engineers get?", kb)
        assert "Bonuses: Can range from 10% to 20% of base salary" in reply.text[:300].replace("*", "")
        asked = "I've worked as an ML engineer for 6 years. Am I paid fairly? What's normal at my level?"
        reply = handlers.ask(asked, kb)
        assert reply.topic == "salary" and "5-7 Years" in reply.text[:300]

    def test_a_package_is_pay_and_a_relocation_package_is_not_covered(self, kb):
        reply = handlers.ask("what's the typical package for a senior mlops engineer", kb)
        assert reply.topic == "salary" and "$200,000 - $220,000" in reply.text[:300]
        reply = handlers.ask("does mlops come with a relocation package", kb)
        assert reply.intent == "unknown" and "“relocation package”" in reply.text

    def test_two_figures_asked_are_each_shown_without_regret(self, kb):
        """'the median, and what do the top 10% pull in?' (the role's own words as colour): both
        figures, and no "no salary figure for top, median" before them."""
        reply = handlers.ask(
            "What's the median for a platform engineer on the ML side, and what do the top 10% make?", kb
        )
        assert "$165,780" in reply.text[:400] and "$275,000" in reply.text[:400]
        assert "no salary figure" not in reply.text

    def test_what_they_build_day_to_day_is_the_job(self, kb):
        reply = handlers.ask("what do ml platform engineers build day to day", kb)
        assert reply.topic == "responsibilities" and "Career Development" not in reply.text[:600]

    def test_take_home_is_pay_and_a_take_home_assignment_is_not_covered(self, kb):
        reply = handlers.ask("how much do mlops engineers take home", kb)
        assert reply.intent == "answer" and reply.topic == "salary" and not reply.uncovered
        reply = handlers.ask("is there a take home assignment in mlops interviews", kb)
        assert reply.intent == "unknown" and "“take home assignment” or “interview”" in reply.text

    def test_colour_words_of_a_pay_question_do_not_make_it_unanswerable(self, kb):
        """'the absolute ceiling w bonuses': the pay focus is the question; the other words are colour."""
        reply = handlers.ask("max a production ai eng can make?? like the absolute ceiling w bonuses", kb)
        assert reply.intent == "answer" and "$338,000" in reply.text[:600]

    @pytest.mark.parametrize(
        ("text", "named"),
        [
            # "severance" shares a stem with "several", which the documents say: a policy word as typed
            ("whats the typical severance for ai systems engineers if they get laid off?", "“severance”"),
        ],
    )
    def test_a_policy_subject_is_not_covered_even_beside_a_topic(self, kb, text, named):
        """A severance: hiring policy, not covered (a sign-on bonus is named beside the extra pay the
        document lists: see test_pay_on_top_of_base_no_document_names_gives_the_extra_pay_it_does)."""
        reply = handlers.ask(text, kb)
        assert reply.intent == "unknown" and named in reply.text

    def test_filler_words_do_not_make_a_question_unanswerable(self, kb):
        """'rn', 'tbh', 'quick q' and friends carry no subject."""
        reply = handlers.ask(
            "quick q tbh - whats the 90th percentile salary for a machine learning engineer rn", kb
        )
        assert reply.intent == "answer" and "90th Percentile" in first_screen(reply)


class TestRoleWords:
    """ "ml", "production" and "platform" are everyday words as well as role names."""

    def test_a_question_in_spanish_or_ukrainian_names_its_role_and_topic(self, kb):
        """Forum questions come in other languages too: '¿Cuáles son las habilidades ... ingeniero de
        aprendizaje automático?' asks an ML engineer's skills; 'чим займаються АІ інженери' what AI
        engineers do (which of three?); the answer is the English documents'."""
        reply = handlers.ask("¿Qué habilidades necesita un ingeniero de aprendizaje automático?", kb)
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-ml-engineer",), "requirements")
        assert "Proficiency" in first_screen(reply)
        reply = handlers.ask("¿Cuál es el salario de un ingeniero MLOps?", kb)
        assert reply.roles == ("mlops-engineer",) and reply.topic == "salary" and "$" in first_screen(reply)
        assert handlers.ask("чим займаються АІ інженери?", kb).intent == "clarify"
        reply = handlers.ask("what does a mlops engineer do at a café chain?", kb)  # one accent: English
        assert reply.roles == ("mlops-engineer",) and reply.intent == "answer"

    def test_a_weak_role_word_beside_a_named_role_is_a_word(self, kb):
        """'switching to mlops, what ml stuff am i missing' is about MLOps alone."""
        reply = handlers.ask("data engineer switching to mlops, what ml-side stuff am i missing", kb)
        assert reply.roles == ("mlops-engineer",)

    def test_or_makes_it_a_comparison_again(self, kb):
        """'mlops or platform eng' names two roles to compare."""
        reply = handlers.ask("which needs more years of experience, mlops or platform eng", kb)
        assert reply.intent == "compare" and set(reply.roles) == {"mlops-engineer", "ml-platform-engineer"}


def test_who_does_more_of_something_compares_the_duties(kb):
    reply = handlers.ask("who touches data pipelines more, mlops or ML eng?", kb)
    assert reply.intent == "compare" and reply.topic == "responsibilities"
    assert "Set up and manage data pipelines" in first_screen(reply)


def test_both_roles_of_a_comparison_show_on_the_first_screen(kb):
    """A comparison of two roles in brief keeps each role's share short: the second role's
    opening line is on the first screen too."""
    reply = handlers.ask("please what is difference of mlops engineer and ai ml engineer?", kb)
    assert "An AI/Machine Learning (ML) Engineer plays a crucial role" in first_screen(reply)
    # headings count too: a section with many short headed lines leaves the second role room
    reply = handlers.ask("ml engineer vs ai systems engineer: what do they each need to know?", kb)
    second = first_screen(reply).split("*AI Systems Engineer*\n", 1)
    assert len(second) == 2 and "• " in second[1]


class TestCompareOnAPoint:
    """Two roles compared on what was asked, the point first; whole sections behind buttons."""

    def test_ci_cd_is_continuous_integration_too(self, kb):
        """ "CI/CD" typed is one thing, said by the AI/ML document as "continuous integration"."""
        reply = handlers.ask("ML engineer vs MLOps, which one is more CI/CD-heavy?", kb)
        assert "continuous integration" in reply.text and "Nothing on this point" not in reply.text

    def test_bonus_side_by_side_shows_a_bonus_said_without_a_dollar_figure(self, kb):
        """AI Systems gives its bonus as "10% to 20% of base salary": shown, not "no matching figure";
        "bonus potential" is the bonus, not lines that say "potential"."""
        reply = handlers.ask("which has more bonus potential, mlops or ai systems engineers?", kb)
        assert reply.intent == "compare" and "Can range from 10% to 20% of base salary" in reply.text[:600]
        assert "no matching figure" not in reply.text and not reply.text.split("\n")[1:3] == ["", ""]

    def test_pay_in_a_city_leads_with_both_figures_and_says_which_is_higher(self, kb):
        """NYC: both New York figures first, and the higher one named."""
        reply = handlers.ask("who makes more in nyc, mlops or ml platform engineers?", kb)
        screen = first_screen(reply)
        assert "Around $268,000" in screen and "$184,982 - $205,044" in screen
        assert "MLOps Engineer pays more" in screen
        assert set(reply.full) == {"mlops-engineer salary", "ml-platform-engineer salary"}

    def test_close_pay_is_about_the_same_not_a_winner(self, kb):
        """'who starts higher': $110,000-$120,000 against $113,992-$115,458 names no winner; a range's
        middle, not its top, is what is compared."""
        reply = handlers.ask("entry level: production ai vs mlops, who starts higher", kb)
        screen = first_screen(reply)
        assert reply.topic == "salary" and "They pay about the same for entry:" in screen
        assert "pays more" not in reply.text and "$110,000 - $120,000" in screen

    def test_how_the_day_to_day_differs_shows_the_core_duties(self, kb):
        """'ml engineer vs ai systems engineer, day to day work is different or same': each role's core
        duties, not only its least shared headings ("Project Management")."""
        reply = handlers.ask("ml engineer vs ai systems engineer, day to day work is different or same", kb)
        assert "Design, develop, and refine machine learning models and algorithms" in first_screen(reply)

    def test_what_shapes_the_roles_is_their_trends_not_a_point(self, kb):
        """'what's shaping the future for production ai vs platform engineers?': each role's trends, not
        the lines that happen to say "shape"."""
        reply = handlers.ask(
            "what's shaping the future for production ai engineers versus platform engineers?", kb
        )
        assert reply.topic == "trends" and "Nothing on this point" not in reply.text
        assert "Shape organizational AI strategy" not in reply.text

    def test_a_non_pay_point_shows_each_roles_lines(self, kb):
        """Degrees: each role's degree lines, side by side."""
        reply = handlers.ask(
            "degree reqs production ai engineer vs ml platform engineer - does either need a masters?", kb
        )
        assert reply.intent == "compare" and reply.topic == "requirements"
        screen = first_screen(reply)
        assert "Production AI Engineer" in screen and "AI/ML Platform Engineer" in screen
        assert "Master" in screen and len(reply.text) < 1500

    def test_a_plain_pay_compare_is_the_table_with_the_sections_behind_buttons(self, kb):
        """'who earns more, ai systems or ml engineers': figures level by level and the highest of each."""
        reply = handlers.ask("who earns more, ai systems or ml engineers", kb)
        assert "*Senior level*" in reply.text and "*Highest figure in each salary section*" in reply.text
        assert len(reply.text) < 2500 and len(reply.full) == 2

    def test_a_compare_without_a_point_opens_each_section(self, kb):
        """'difference between mlops and platform': each role's opening, whole sections behind buttons."""
        reply = handlers.ask("what's the difference between mlops and ml platform engineers", kb)
        assert reply.topic == "overview" and len(reply.text) < 1500
        assert reply.text.index("*MLOps Engineer*") < reply.text.index("*AI/ML Platform Engineer*")


class TestInBrief:
    """A question about a whole topic in words gets the section in brief: the answering lines."""

    def test_the_ladder_pay_wise_shows_each_rungs_pay(self, kb):
        """'what's the progression look like pay-wise?': each rung with its salary range."""
        reply = handlers.ask("mlops engineer career progression pay-wise?", kb)
        text = reply.text
        assert (
            text.index("Senior MLOps Engineer")
            < text.index("$165,000 - $207,125")
            < text.index("Director of MLOps")
        )
        ladder = handlers.ask("what does the promotion ladder look like for mlops engineers?", kb).text
        assert "$198,125 - $237,500" in text and "Salary range" not in ladder

    def test_demand_in_brief_opens_with_the_job_outlook(self, kb):
        """'are mlops engineers in demand?': the Job Outlook before what drives the market."""
        reply = handlers.ask("are mlops engineers in demand?", kb)
        text = reply.text
        assert text.index("21% increase in jobs for MLOps engineers") < text.index("Driving Factors")

    def test_requirements_name_the_skills_years_and_degree(self, kb):
        """'what skills do mlops engineers need': the skill lines, the years, the degree."""
        reply = handlers.ask("what skills do mlops engineers need", kb)
        screen = reply.text
        assert reply.topic == "requirements" and len(screen) < 1000
        for said in (
            "Experience with Docker and Kubernetes",
            "Typically 3-6 years",
            "Degree in Computer Science",
        ):
            assert said in screen
        assert "Understanding of firewalls" not in screen  # one line per heading no longer

    def test_a_pay_comparison_leads_with_the_documents_figures(self, kb):
        """The verdict, then each document's own words, before the bar chart."""
        reply = handlers.ask("mlops vs ml platform engineer salary", kb)
        screen = first_screen(reply)
        said = ("pays more", "pay about the same", "No clear winner")
        assert any(v in screen for v in said) and "$176,884 per year (average base)" in screen
        assert "$145,000 - $155,000 per year" in reply.text
        assert reply.text.index("per year") < reply.text.index("```")

    def test_a_weak_role_word_beside_a_named_role_is_the_subject(self, kb):
        """'what machine learning knowledge do ml platform engineers need': 'machine learning' is
        what is asked about (the Machine Learning and AI lines lead), not a second role."""
        reply = handlers.ask("what machine learning knowledge do ml platform engineers need", kb)
        assert reply.roles == ("ml-platform-engineer",)
        assert "Deep understanding of machine learning algorithms and techniques" in first_screen(reply)

    def test_a_covered_subject_beside_an_uncovered_one_is_answered(self, kb):
        """'prepping for interviews: how do ML engineers prevent overfitting?': the overfitting
        lines (the interview is what the question is for); asked about the interview itself, it is
        named as not covered; a take-home test alone stays not covered."""
        reply = handlers.ask("prepping for interviews: how do ML engineers prevent overfitting?", kb)
        assert reply.intent == "answer" and reply.uncovered == ()
        assert "regularization, cross-validation" in first_screen(reply)
        reply = handlers.ask("how do ML engineers prevent overfitting, and do interviews ask about it?", kb)
        assert "interview" in reply.uncovered and "says nothing about “interview”" in first_screen(reply)
        reply = handlers.ask("what take-home test do companies give ml platform engineer candidates", kb)
        assert reply.intent == "unknown"

    def test_the_ceiling_of_pay_is_its_highest_figure(self, kb):
        """'ceiling', 'max', 'top end' ask for the top of the pay range: the document's maximum,
        or its highest figure when no figure says top."""
        reply = handlers.ask("what's the ceiling for production ai engineer pay?", kb)
        assert "Up to $338,000 per year" in first_screen(reply)
        reply = handlers.ask("mlops max salary", kb)
        assert "Up to $300,600" in first_screen(reply)
        reply = handlers.ask("what's the most you can earn as a production ai engineer?", kb)
        assert "Up to $338,000 per year" in first_screen(reply)

    def test_a_whole_topic_asked_for_a_figure_leads_with_the_figures(self, kb):
        """'job outlook %?' gets the section's lines with percentages, not one line per heading."""
        reply = handlers.ask("job outlook % for production ai engineers over the next decade?", kb)
        assert "AI job demand is projected to surge by over 30%" in first_screen(reply)
        # terse, and the growth of jobs before the size of the market
        reply = handlers.ask("mlops job outlook %", kb)
        lead = first_screen(reply)
        assert "21% increase in jobs" in lead and lead.index("21% increase") < lead.index("CAGR")

    def test_a_growth_projection_leads_with_the_growth_of_jobs(self, kb):
        """'job growth projection': the 23% the document gives under its career outlook, not pay; the
        reply is titled by that section, where its lead comes from."""
        reply = handlers.ask("what is job growth projection for ai systems engineer", kb)
        lead = first_screen(reply)
        assert "23% between 2022 and 2032" in lead and "$80,000" not in lead
        assert lead.startswith("*AI Systems Engineer · Career Development*")
        reply = handlers.ask("need a stat on mlops job growth, my dad thinks it's a made up job lol", kb)
        assert "21% increase in jobs" in first_screen(reply)  # "a stat" asks for a figure, as "stats" does

    def test_job_growth_is_the_jobs_figures_not_the_market_size(self, kb):
        """'what's the job growth outlook for mlops?': the 21% increase in jobs, not the market's billions."""
        screen = first_screen(handlers.ask("what's the job growth outlook for mlops", kb))
        assert "21% increase in jobs" in screen and "billion" not in screen
        reply = handlers.ask("is production ai engineering a growing field?", kb)
        assert "projected 23% growth from 2022 to 2032" in first_screen(reply)

    def test_the_ladder_is_its_rungs(self, kb):
        """'what are the levels?' and 'how does the promotion ladder compare?' show each rung."""
        reply = handlers.ask("what are the levels for mlops engineers?", kb)
        rungs = ("Junior MLOps Engineer", "Senior MLOps Engineer", "MLOps Team Lead", "Director of MLOps")
        assert all(rung in reply.text for rung in rungs)
        reply = handlers.ask(
            "ai/ml engineer or ai systems engineer - how does the promotion ladder compare?", kb
        )
        assert (
            reply.intent == "compare" and "Entry-Level" in reply.text and "Junior AI Engineer" in reply.text
        )

    def test_moving_up_from_the_first_rung_shows_the_rungs_above(self, kb):
        """'junior ... what do i need to show to get bumped up?': the next rung's work, not the junior
        rung again; in a ladder of labelled lines, a rung's pay line is no rung of its own."""
        screen = first_screen(
            handlers.ask("junior ai systems engineer, what do i need to show to get bumped up", kb)
        )
        assert "Design and implement sophisticated AI models" in screen
        assert "Assist in AI model development" not in screen
        screen = first_screen(handlers.ask("how do i get promoted from junior mlops engineer", kb))
        assert "*Senior MLOps Engineer:*" in screen and "Salary range" not in screen

    def test_the_way_to_a_rung_compared_is_each_ones_rung(self, kb):
        """'how do you get to senior: ai systems vs ml platform': each ladder's senior rung."""
        screen = first_screen(handlers.ask("how do you get to senior: ai systems vs ml platform", kb))
        assert "Lead AI projects and make strategic decisions" in screen
        assert "Lead projects, mentor juniors, and optimize ML pipelines" in screen

    def test_the_top_rung_is_the_highest_level_not_the_top_pay(self, kb):
        """'career ladder top rung: ml platform eng vs ai systems eng': each one's director rung."""
        screen = first_screen(handlers.ask("career ladder top rung: ml platform eng vs ai systems eng", kb))
        assert "Manage teams, oversee the AI department" in screen and "Director of AI or similar" in screen
        assert "$" not in screen

    def test_what_a_level_does_is_its_rung(self, kb):
        """'what does an entry level ml engineer do?': the ladder's entry rung, not the pay."""
        reply = handlers.ask("what does an entry level ml engineer do", kb)
        assert (
            reply.topic == "career"
            and "Junior AI/ML Engineer roles focus on data preprocessing" in first_screen(reply)
        )

    def test_progressing_from_another_job_is_the_way_in(self, kb):
        """'how do i progress there from java': a way up with no rung named, from a job of one's own,
        is the skills to add, not the ladder above the role."""
        screen = first_screen(
            handlers.ask("ai systems engineer career: how do i progress there from java", kb)
        )
        assert "Knowledge of machine learning frameworks" in screen and "Senior AI Engineer" not in screen

    def test_which_pays_more_shows_pay_in_general_first(self, kb):
        """A pay comparison with no level or place opens with each role's general figures."""
        reply = handlers.ask("ml platform engineer vs production ai engineer, which pays more?", kb)
        screen = first_screen(reply)
        assert "In general" in screen and "$165,780 per year" in screen and "$153,490 (median)" in screen

    def test_how_much_they_make_is_the_pay_in_brief(self, kb):
        """A pay question in words gets the figures (in general first, then by level), short."""
        reply = handlers.ask("how much do ml platform engineers make?", kb)
        assert "$165,780 per year" in reply.text and "$146,246 - $153,788" in reply.text
        assert len(reply.text) < 900

    def test_one_line_found_brings_its_list(self, kb):
        """'how can an ML engineer boost their earning potential?': the line found and the rest of
        its list (Career Advancement), not the section's opening."""
        reply = handlers.ask("how can an ML engineer boost their earning potential?", kb)
        assert "Moving into leadership or senior technical roles" in first_screen(reply)

    def test_a_heading_the_question_names_brings_its_found_lines(self, kb):
        """'best practices for deploying models': the lines under Deployment and Monitoring, all of
        those the words find, not two of them."""
        reply = handlers.ask("best practices for deploying machine learning models in production?", kb)
        screen = first_screen(reply)
        assert "Deployment and Monitoring" in screen
        assert "Automate model deployment and enable shadow deployment" in screen
        assert "Test across different environments before production" in screen

    @pytest.mark.parametrize("word", ["essential", "crucial", "vital", "necessary", "fundamental"])
    def test_how_much_a_skill_matters_is_no_subject(self, kb, word):
        """'What skills are essential for an ML engineer?': the skills, not a line that happens to
        say "is essential"."""
        reply = handlers.ask(f"What skills are {word} for a machine learning engineer?", kb)
        assert (reply.roles, reply.topic) == (("ai-ml-engineer",), "requirements")
        assert "Proficiency in languages such as Python, Java, C++, and R" in first_screen(reply)


def test_what_a_role_is_with_a_point_opens_with_its_definition(kb):
    """'tell me about production ai engineers - is it basically ml in factories?': what the role is
    first, then the lines on the point; "vs a data scientist" leads with the difference instead."""
    reply = handlers.ask("tell me about production ai engineers - is it basically ml in factories?", kb)
    assert "Production AI Engineers play a crucial role" in reply.text[:250]
    reply = handlers.ask("whats the difference between an ml engineer and a data scientist, same job?", kb)
    assert "whereas Data Scientists concentrate more on analyzing" in reply.text[:600]
    # the opening paragraph first, though the point found one of its sentences; no sentence about the document
    reply = handlers.ask("what is an mlops engineer's role in the ml development process?", kb)
    assert reply.text.index("plays a crucial role in the lifecycle") < reply.text.index(
        "This role bridges the gap"
    )
    assert reply.text.index("This role bridges the gap") < 400
    reply = handlers.ask("what is an ml platform engineer's role in a company?", kb)
    assert "This comprehensive overview" not in reply.text


def test_a_short_question_after_context_is_no_keyword_query(kb):
    """'... no idea what that is. brief intro?': "brief" is how to answer, never a subject the
    documents lack; a terse question after context is no keyword query."""
    reply = handlers.ask(
        "saw a job post for 'ai/ml platform engineer' and have no idea what that is. brief intro?", kb
    )
    assert reply.intent == "answer" and reply.uncovered == ()


def test_make_with_an_object_is_no_pay(kb):
    """'what would make my application stand out': making, not earning."""
    reply = handlers.ask("what side projects would make my ml platform engineer application stand out", kb)
    assert reply.topic != "salary" and "$" not in reply.text[:600]


def test_what_drives_demand_is_asked_without_why(kb):
    """'What Is Driving Demand for Machine Learning Engineers': what drives it, as 'why' asks, not the
    section's opening figures."""
    reply = handlers.ask("What Is Driving Demand for Machine Learning Engineers", kb)
    assert "This broad adoption underscores the growing need for ML talent" in reply.text[:300]
    reply = handlers.ask("are self driving car companies in demand of ml engineers?", kb)
    assert "autonomous vehicle developers" in reply.text[:400]


def test_which_of_two_is_the_safer_bet_compares_their_outlook(kb):
    """'which is the safer bet for the next 5 years, X or Y?': each role's outlook (job security,
    growth), not their education lines; 'be more resilient' finds the Resilience soft skill."""
    reply = handlers.ask(
        "Which is the safer bet for the next 5 years, AI systems engineer or ML platform engineer?", kb
    )
    assert reply.intent == "compare" and reply.topic == "demand"
    assert "strong job security" in reply.text[:400] and "Bachelor's degree" not in reply.text[:600]
    reply = handlers.ask(
        "my manager says I need to be more resilient. which ml platform engineer soft skill is that?", kb
    )
    assert "Capacity to handle stress and challenges" in reply.text[:300]


def test_meetings_are_people_talking_not_milestones_met(kb):
    """'I dread meetings ... which people skills should I work on?': communication and collaboration,
    not the time-management line its stem finds ("meet project milestones")."""
    reply = handlers.ask(
        "I'm introverted and dread meetings. Which people skills should a production AI engineer work on?", kb
    )
    assert "Communication" in reply.text[:300] and "meet project milestones" not in reply.text[:300]


def test_everyday_names_find_the_documents_formal_ones(kb):
    """Sprints and standups are the documents' agile practices, leetcode their data structures and
    algorithms, copilot their AI assistants; 'spend their days on' is no cost."""
    cases = {
        "do AI systems engineers work in sprints with standups?": "Agile development practices",
        "is leetcode needed to become an ml platform engineer?": "Learn data structures and algorithms",
        "are ai systems engineers using copilot to write code now?": "GenAI and AI assistants are emerging",
        "what data cleanup does a production ai engineer do, like filling nulls?": "handling missing values",
        "does an ML engineer ever have to hack on the ML libs themselves?": "Extend existing ML libraries",
        "should ml platform teams keep a human in the loop?": "Balancing automation with human oversight",
        "how do i get noticed as an ai systems engineer? i feel invisible": "enhance your visibility",
        "is a platform that is painful to use a common ml platform engineer headache?": "seamless developer",
    }
    for question, line in cases.items():
        assert line in handlers.ask(question, kb).text[:300], question
    reply = handlers.ask("what does an ml platform engineer spend their days on", kb)
    assert reply.topic == "responsibilities"


def test_what_a_role_is_opens_with_its_definition_and_its_summing_up(kb):
    """'What is an ML engineer?': the opening sentence and the closing one; never a sentence
    about the document itself ("This overview provides a comprehensive look ...")."""
    reply = handlers.ask("What is a Machine Learning Engineer (ML Engineer)?", kb)
    assert "bridge the gap between theoretical AI developments" in reply.text[:500]
    assert "This overview provides" not in reply.text


def test_a_role_as_the_object_of_make_is_no_pay(kb):
    """'genai makes ai systems engineers obsolete': the verb makes, nobody earns; 'what do mlops
    engineers make' still asks the pay."""
    reply = handlers.ask("worried genai makes ai systems engineers obsolete. should i worry", kb)
    assert reply.topic != "salary" and "$" not in reply.text[:600]
    assert handlers.ask("what do mlops engineers make", kb).topic == "salary"


def test_when_a_way_to_learn_happens_is_no_subject(kb):
    """'weekend side projects', 'evening classes': when the person would learn, not the work
    arrangement the documents don't cover; working weekends asked outright still is. Kaggle and
    coding competitions are the documents' hackathons."""
    for question in (
        "do weekend side projects help me get an mlops job?",
        "evening classes or a bootcamp for ml platform eng?",
    ):
        reply = handlers.ask(question, kb)
        assert reply.intent == "answer" and reply.uncovered == (), question
        assert "don't cover" not in reply.text and "says nothing" not in reply.text
    assert handlers.ask("do mlops engineers work weekends?", kb).uncovered == ("weekend",)
    reply = handlers.ask("are kaggle competitions worth it for becoming an ml engineer?", kb)
    assert "Participation in hackathons, online courses, or bootcamps" in reply.text[:300]


def test_pay_with_a_level_and_an_arrangement_answers_the_level(kb):
    """'what do senior remote ml engineers make?': the senior figures, and one sentence that the
    documents say nothing about remote work (before: refused outright), as for a place they lack."""
    reply = handlers.ask("what do senior remote ml engineers make?", kb)
    assert reply.intent == "answer" and reply.uncovered == ("remote",)
    assert "says nothing about “remote”" in reply.text
    assert "$199,167" in reply.text[:600]


def test_is_this_normal_after_trouble_asks_the_challenges(kb):
    """'... is this what the job is?', 'is that typical for ...?' after a story of trouble: whether it
    is a common challenge of the role; 'is that just a fancy name for ...?' is still what it is."""
    for question in (
        "the platform is always on fire and I spend my days patching. is this what the job is?",
        "nobody on the business side understands what I do. is that typical for production ai engineers?",
    ):
        assert handlers.ask(question, kb).topic == "challenges", question
    reply = handlers.ask("ml model operations engineer - is that just a fancy name for mlops?", kb)
    assert reply.topic == "overview"


def test_a_name_beside_an_uncovered_ask_is_answered(kb):
    """'Do ML platform engineers need CUDA? also what's the PTO like': the PTO named as not covered,
    and the line naming CUDA first (a name no dictionary holds is a thing the documents are about),
    not the requirements in brief."""
    reply = handlers.ask("Do ML platform engineers need CUDA? also what's the PTO like", kb)
    assert reply.uncovered == ("pto",) and "nothing about “PTO”" in reply.text
    assert "Knowledge of GPU programming concepts (e.g., CUDA)" in reply.text[:400]


def test_the_focus_of_an_uncovered_ask_is_not_asked_of_the_rest(kb):
    """'what trends matter for ai systems engineers, and what's the sign-on bonus at microsoft?': the
    sign-on bonus named as not covered, and the trends in brief; the bonus and Microsoft belong to
    the other ask, so the compensation lines do not lead the trends."""
    reply = handlers.ask(
        "what trends matter for ai systems engineers, and what's the sign-on bonus at microsoft?", kb
    )
    assert reply.topic == "trends" and reply.uncovered
    first = reply.text.split("\n•", 2)[1]
    assert "bonuses" not in first and "$" not in first, reply.text[:400]


def test_which_universities_are_not_covered(kb):
    """'... and which US universities have strong ML programs?': what to study answered, the
    universities named as not covered (the documents name degrees, never schools)."""
    reply = handlers.ask(
        "what should a teen study to become an ml engineer, and which US universities have strong ML"
        " programs?",
        kb,
    )
    assert reply.intent == "answer" and reply.uncovered == ("universities",)
    assert "Bachelor's degree in a related field" in reply.text[:400]


def test_an_ask_apart_from_an_uncovered_one_is_answered_on_its_words(kb):
    """'which ethical problems come up for production ai engineers, and do they get dental
    insurance?': the insurance named, and the first ask answered on its own words (the ethics
    lines), not the challenges in brief."""
    reply = handlers.ask(
        "which ethical problems come up for production ai engineers, and do they get dental insurance?", kb
    )
    assert reply.uncovered == ("dental insurance",) and reply.topic == "challenges"
    assert "Addressing ethical issues to maintain transparency" in reply.text[:400]


def test_which_skill_covers_a_thing_asks_no_mention(kb):
    """'which soft skill covers smoothing that over?': "covers" said of a skill, not of the documents;
    nothing is named as not covered. 'which ones mention rust?' still asks the documents."""
    reply = handlers.ask(
        "my ml platform teammates argue all the time. which soft skill covers smoothing that over?", kb
    )
    assert reply.topic == "soft-skills" and reply.uncovered == () and "says nothing" not in reply.text
    assert handlers.ask("which ones mention rust?", kb).uncovered == ("rust",)


def test_a_setup_and_a_named_person_are_no_uncovered_subject(kb):
    """'their own laptop setup ... fix?': the setup, not the laptop a job comes with; 'a named person
    who answers for it': a person with a name, not a word asked to be mentioned. Both are answered
    (before: refused outright); a company laptop asked outright is still not covered."""
    for question in (
        "our data scientists each keep their own laptop setup, nothing runs the same way twice. mlops"
        " engineer fix?",
        "ml eng: should each upstream table have a named person who answers for it?",
    ):
        reply = handlers.ask(question, kb)
        assert reply.intent == "answer" and reply.uncovered == (), question
    assert handlers.ask("do ml platform engineers get a company laptop?", kb).uncovered == ("laptop",)


def test_a_phrase_the_synonyms_know_is_no_uncovered_subject(kb):
    """'run lunch and learns' (sessions, talks): teaching, which the synonyms know, not the lunch a
    job comes with (before: refused outright); free lunch asked outright is still not covered.
    'roadmapping' is the documents' long-term tech planning."""
    reply = handlers.ask(
        "are ml platform engineers expected to run lunch and learns for the data scientists?", kb
    )
    assert reply.intent == "answer" and reply.uncovered == ()
    for question in (  # sessions and talks over lunch: teaching too
        "My boss wants me, the AI systems engineer, to run lunch sessions teaching the team. Is that normal?",
        "do mlops engineers give lunch talks to the data science team?",
    ):
        reply = handlers.ask(question, kb)
        assert reply.intent == "answer" and "lunch" not in reply.text[:300].lower(), question
    assert handlers.ask("do mlops teams get free lunch?", kb).uncovered == ("lunch",)
    reply = handlers.ask(
        "i love roadmapping way more than firefighting. any career track for that as an ml platform"
        " engineer?",
        kb,
    )
    assert "Focus on long-term tech planning" in reply.text[:300]


def test_where_people_go_on_to_is_the_career(kb):
    """'which directions do mlops engineers branch into?', 'what other jobs do ai systems engineers
    move on to?': the paths on from the role (career development), not the industry's directions
    or the market."""
    for question in (
        "which directions do mlops engineers branch into later on?",
        "what other jobs do ai systems engineers move on to?",
    ):
        reply = handlers.ask(question, kb)
        assert reply.topic == "career", question


def test_geography_is_the_documents_geographical_lines(kb):
    """'mlops jobs by geography?', 'concentrated, geography wise': the line under "Geographical
    Dominance" (North America leads), not the industries."""
    for question in ("mlops jobs by geography?", "where are mlops roles concentrated geographically?"):
        reply = handlers.ask(question, kb)
        assert "North America currently leads" in reply.text[:300], question


def test_pushback_and_fear_for_jobs_are_mistrust_and_displacement(kb):
    """'the operators keep giving us pushback ... worry it will take their jobs': the documents'
    mistrust and resistance, and workforce displacement."""
    reply = handlers.ask(
        "the operators keep giving us pushback on the new ai tool and worry it will take their jobs. how"
        " should an ai systems engineer handle it?",
        kb,
    )
    assert "Addressing public mistrust and resistance to AI adoption" in reply.text[:400]
    assert "workforce displacement" in reply.text[:400]


def test_tools_worth_listing_are_the_tools_required(kb):
    """'which tools are worth listing for mlops jobs?': listing on a CV, so the tools the role asks
    for (its technical skills), not the best practice of choosing tools."""
    reply = handlers.ask("which tools are worth listing for mlops jobs?", kb)
    assert reply.topic == "requirements" and "Knowledge of TensorFlow, PyTorch" in reply.text[:300]


def test_coding_as_the_work_is_the_job_itself(kb):
    """'what's the non-coding side of being an mlops engineer?', 'more coding or more people stuff?':
    coding as what the work is made of (the responsibilities), not a skill asked for."""
    for question in (
        "what's the non-coding side of being an mlops engineer?",
        "ai systems eng - more coding or more people stuff?",
    ):
        assert handlers.ask(question, kb).topic == "responsibilities", question


def test_where_the_person_works_is_no_subject(kb):
    """'I work at an insurance company, ...': the industry the person works in, never the benefit
    the documents don't cover; health insurance asked outright still is."""
    reply = handlers.ask("I work at an insurance company, what do mlops engineers do?", kb)
    assert reply.uncovered == () and reply.topic == "responsibilities"
    assert "Deploy and integrate ML models in production environments" in reply.text[:400]
    reply = handlers.ask(
        "I've been a junior MLOps engineer for a year at an insurance company, mostly babysitting"
        " Airflow DAGs. How do I get promoted to a regular MLOps engineer? What does that level own"
        " that I don't yet?",
        kb,
    )
    assert reply.uncovered == () and "says nothing" not in reply.text
    assert handlers.ask("does the mlops job come with health insurance", kb).uncovered == (
        "health insurance",
    )


def test_a_typo_fixed_into_a_title_is_no_title(kb):
    """'actualy' is a typo of "actually", not the job title "actuary" the fix comes closest to;
    a title with a word of it as typed still reads as one."""
    reply = handlers.ask("which ML framworks does the ML eng doc actualy list", kb)
    assert reply.uncovered == ()
    assert (
        "Proficiency in ML frameworks and libraries (e.g., TensorFlow, PyTorch, scikit-learn, Keras)"
        in reply.text
    )
    assert "actuary" not in reply.text.lower()
    assert handlers.ask("site reliablity engineer salary", kb).uncovered == ("site reliability engineer",)


def test_a_short_everyday_word_beside_vs_is_colour(kb):
    """'a good bet vs staying a backend SWE': "bet" is everyday English, though too short for the
    long word list; only a name no document uses is set beside the role as not covered."""
    reply = handlers.ask("Is moving to ML platform eng a good bet vs staying a generic backend SWE?", kb)
    assert reply.uncovered == () and "says nothing" not in reply.text
    assert handlers.ask("mlops vs kubeflowz", kb).uncovered == ("kubeflow",)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("does open source help for production ai engineer jobs or is it a waste of weekends", "Open-source"),
        ("are conferences worth it for an ml engineer or a waste of the training budget", "conferences"),
    ],
)
def test_what_it_would_waste_is_not_asked(kb, text, said):
    """'a waste of weekends', 'a waste of the training budget': what the thing would cost, not a
    policy asked (weekend work, training budgets): answered, nothing named as not covered."""
    reply = handlers.ask(text, kb)
    assert reply.uncovered == () and said.lower() in reply.text[:500].lower()
    assert handlers.ask("do mlops engineers work weekends?", kb).uncovered != ()


def test_what_is_set_beside_the_role_is_said_where_the_comparison_is(kb):
    """'HN question: what's the difference between X and Y?': "HN" is where it is asked, far
    before the comparison, not a thing the role is set beside."""
    reply = handlers.ask(
        "HN question: what's the real difference between an ML platform engineer and a plain old"
        " infra engineer?",
        kb,
    )
    assert reply.uncovered == () and "“hn”" not in reply.text.lower()
    assert handlers.ask("kubeflowz vs mlops?", kb).uncovered == ("kubeflow",)


def test_a_role_word_in_the_plural_beside_the_role_is_asked(kb):
    """'what kinds of platforms do ml platform engineers build': the role is named outright, so
    "platforms" is the thing asked, and the line on feature, training and serving platforms leads."""
    reply = handlers.ask("what kinds of platforms do ml platform engineers actually build", kb)
    assert "feature platforms, training platforms, and serving platforms" in reply.text[:400]
    reply = handlers.ask("what about the platform people", kb)
    assert reply.roles == ("ml-platform-engineer",)


def test_lang_and_code_in_ask_the_languages(kb):
    """'what lang do they code in': the languages; "golang" is never fixed into "lang"."""
    reply = handlers.ask("what lang do ml platform engineers code in", kb)
    assert "Proficiency in languages such as Python, Go" in reply.text[:300]
    turns = []
    for text in ("which roles need kubernetes?", "what about go?"):
        reply, turn = handlers.converse(text, kb, turns)
        turns.append(turn)
    assert reply.roles == ("ml-platform-engineer",) and "mentions Go" in reply.text[:200]


def test_raising_ones_own_pay_asks_what_moves_it(kb):
    """'what moves the salary up', 'how do i get paid more than that?': what drives pay, of the role
    asked; "do ml engineers earn more than software engineers" still sets the two side by side."""
    reply = handlers.ask(
        "I just got an AI systems engineer offer and the number is low. What moves the salary up?", kb
    )
    assert "Factors Influencing Salary" in reply.text[:300]
    turns = []
    for text in ("what do ml platform engineers make", "how do i get paid more than that?"):
        reply, turn = handlers.converse(text, kb, turns)
        turns.append(turn)
    assert reply.intent == "answer" and reply.roles == ("ml-platform-engineer",)
    assert "Factors Influencing Salaries" in reply.text[:300]
    reply = handlers.ask("do ml engineers earn more than software engineers", kb)
    assert "salary premium compared to traditional software engineers" in reply.text[:500]


def test_practices_asked_after_a_problem_lead_with_the_practice_on_it(kb):
    """'Compliance keeps asking who deployed which model ... Which practices should we adopt?':
    the best practices in brief, led by the one the context's rare word names."""
    reply = handlers.ask(
        "Compliance keeps asking who deployed which model and when, and our ML platform has no answer."
        " I run the platform team. Which practices should we adopt?",
        kb,
    )
    assert reply.topic == "best-practices"
    assert reply.text.index("Enforce robust security and compliance measures") < 150


def test_how_to_say_it_is_no_topic(kb):
    """'in non-tech terms', 'in everyday words': how to answer, not the soft skills; "the office
    manager" asking is no rung of the ladder."""
    reply = handlers.ask("What are AI systems engineers responsible for, in non-tech terms?", kb)
    assert reply.topic == "responsibilities"
    reply = handlers.ask(
        "My company is hiring its first MLOps engineer and my boss asked me (the office manager) to write"
        " the internal announcement. What does this person do, in everyday words?",
        kb,
    )
    assert reply.topic == "responsibilities" and "Team Lead" not in reply.text[:300]


def test_a_short_everyday_word_after_what_is_is_no_name(kb):
    """'... nothing reproduces. whats the fix': "fix" is everyday English (too short for the long
    word list), never a name the documents lack; "what is LLMOps" still is one."""
    reply = handlers.ask(
        "our data scientists each have their own conda env and nothing reproduces. i own the ML platform."
        " whats the fix",
        kb,
    )
    assert reply.intent == "answer" and reply.uncovered == ()
    assert "Create standardized development environments" in reply.text[:600]
    assert handlers.ask("what is LLMOps and how is it different from MLOps?", kb).uncovered == ("llmops",)


def test_a_pay_figure_s_source_says_nothing_of_its_name(kb):
    """'Interview Kickstart: $153,490 (median)' names a source of a pay figure: the Production AI
    document still says nothing about interviews; a label of a line that is no figure counts
    ("*Benefits:* Health insurance ...")."""
    reply = handlers.ask(
        "I have a first-round call with Siemens next week for a production AI engineer spot. What's"
        " their interview process like, is there a case study round?",
        kb,
    )
    assert "interview process" in reply.uncovered and "says nothing about “interview process”" in reply.text
    reply = handlers.ask("what benefits do ai systems engineers normally get, health insurance etc?", kb)
    assert reply.uncovered == () and "*Benefits:* Health insurance" in reply.text[:300]
    reply = handlers.ask("Do production AI engineers have to wear PPE and steel-toe boots on the floor?", kb)
    assert "ppe" in reply.uncovered


def test_years_of_the_context_measured_against_the_role_lead_with_the_years_asked(kb):
    """'I've got 2 years of ML ... Is that enough ...?': the years the document asks for first."""
    reply = handlers.ask(
        "I've got 2 years of ML at a startup. Is that enough to apply for production AI engineer roles,"
        " or do they want more?",
        kb,
    )
    assert reply.text.index("3+ years of experience in AI/ML development and deployment") < 150


def test_job_growth_compared_shows_each_role_s_job_figures(kb):
    """'MLOps or AI systems engineer: which has the better job growth outlook?': each role's
    figures on its jobs, not the size of a market."""
    reply = handlers.ask(
        "Torn between MLOps and the AI systems engineer route. Ignoring pay, which has the better job growth"
        " outlook over the next decade?",
        kb,
    )
    assert reply.intent == "compare"
    first = reply.text[:600]
    assert "21% increase in jobs for MLOps engineers" in first and "23% between 2022 and 2032" in first
    assert "USD 229.61 billion" not in first


def test_two_questions_one_covered_answers_it_and_names_the_other(kb):
    """'Senior MLOps salary range? Also, ... unlimited PTO?': the pay answered, PTO named as not
    covered; "does meta pay a sign-on bonus?" (one question) still names the sign-on bonus."""
    reply = handlers.ask(
        "Senior MLOps salary range? Also, does anyone know if Netflix gives its MLOps people unlimited PTO?",
        kb,
    )
    assert reply.intent == "answer" and "pto" in reply.uncovered
    assert "says nothing about “PTO”" in reply.text and "$200,000 - $220,000" in reply.text[:500]
    assert "sign on" in handlers.ask("does meta pay mlops engineers a sign-on bonus?", kb).uncovered


def test_a_description_of_the_work_outweighs_an_everyday_role_word_inside_it(kb):
    """'the folks who keep ML models alive in production': the MLOps engineer, though "ML" alone
    would name the ML engineer."""
    reply = handlers.ask(
        "People keep telling me the folks who keep ML models alive in production are basically SREs who"
        " know some ML. What would I have to learn to make the switch?",
        kb,
    )
    assert reply.roles == ("mlops-engineer",)
    assert handlers.ask("what ML skills do ml engineers need", kb).roles == ("ai-ml-engineer",)


def test_a_plant_is_where_production_ai_works(kb):
    """'Our plants run 24/7 ... As the AI engineer there': the documents say manufacturing and
    factories, so a plant points to the Production AI engineer among the ambiguous AI roles."""
    reply = handlers.ask(
        "Our plants run 24/7 and we want predictive maintenance. As the AI engineer there, what challenges"
        " should I expect?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)


def test_what_a_question_sets_aside_is_no_subject(kb):
    """'Apart from factories, which industries hire production AI engineers?': the industries;
    factories are set aside, so "Smart Factories" does not lead."""
    reply = handlers.ask("Apart from factories, which industries actually hire production AI engineers?", kb)
    assert "Smart Factories" not in reply.text[:300] and "Healthcare" in reply.text[:400]


class TestExamplesGiven:
    """A word the documents lack, given only as an example of what is asked, refuses nothing."""

    @pytest.mark.parametrize(
        ("text", "example"),
        [
            ("does knowing the business you work in, say insurance, help an mlops engineer?", "insurance"),
            ("should ml platform folks drop columns like race or gender before training?", "gender"),
        ],
    )
    def test_the_rest_is_answered_and_the_example_named(self, kb, text, example):
        reply = handlers.ask(text, kb)
        assert reply.intent == "answer" and example in " ".join(reply.uncovered).lower()
        assert "don't have anything" not in reply.text

    def test_the_h_1b_visa_is_named_as_it_is_written(self, kb):
        """'H-1B' splits into "h 1b": still the visa, not covered, and named as people write it."""
        reply = handlers.ask(
            "ml platform eng soft skills, and how do the H-1B lotteries work for this job", kb
        )
        assert reply.intent == "answer" and "h 1b" in reply.uncovered and "“H-1B”" in reply.text

    def test_a_name_no_document_uses_judged_is_named(self, kb):
        """'is the WGU online degree respected?': the degrees answered, WGU named as not covered; a tool
        another document names ("is kubeflow worth it for mlops?") is not judged so."""
        reply = handlers.ask("ai systems eng degree requirements + is the WGU online degree respected?", kb)
        assert reply.intent == "answer" and reply.uncovered == ("wgu",)
        assert "kubeflow" not in handlers.ask("is kubeflow worth it for mlops engineers?", kb).uncovered

    def test_a_policy_its_document_names_is_answered_beside_one_it_does_not(self, kb):
        """'what benefits come with the job, and how many weeks of parental leave?': the AI systems
        document names benefits (health insurance, retirement plans); the leave is named as not covered."""
        reply = handlers.ask(
            "ai systems engineer: what benefits come with the job, and how many weeks of parental leave?",
            kb,
        )
        assert reply.intent == "answer" and "parental" in reply.uncovered
        assert "Health insurance, retirement plans" in first_screen(reply)

    def test_a_word_asked_outright_is_still_refused(self, kb):
        assert handlers.ask("does mlops offer unlimited pto?", kb).intent == "unknown"


class TestCoveredBesideNotCovered:
    """A question that asks something covered beside something no document covers: the covered part
    answered, the rest named; only the rest asked: not covered."""

    def test_a_policy_the_document_holds_is_answered_where_it_says_it(self, kb):
        reply = handlers.ask("is remote work common for mlops? thinking of leaving SF", kb)
        assert reply.topic == "career" and "Potential for remote work" in reply.text[:300]

    def test_a_second_question_on_pay_figures_is_answered(self, kb):
        reply = handlers.ask(
            "Got a production AI engineer offer from a pharma manufacturer. Is total comp around 213k normal"
            " for this role? Also, do these jobs usually come with a relocation package?",
            kb,
        )
        assert reply.intent == "answer" and reply.uncovered == ("relocation package",)
        assert "$213,304" in reply.text[:500]

    def test_an_interview_as_the_occasion_of_a_question_on_a_topic(self, kb):
        reply = handlers.ask(
            "ML platform interviews: which languages do they expect? I'm mostly a Go dev.", kb
        )
        assert reply.intent == "answer" and reply.uncovered == ()
        assert "Proficiency in languages such as Python, Go" in reply.text[:400]
        assert handlers.ask("mlops engineer interview questions? what do they ask", kb).intent == "unknown"
        # how to prepare: what the role requires, the preparation itself named as not covered
        prep = handlers.ask("how do I prepare for an ML engineer interview", kb)
        assert prep.intent == "answer" and prep.uncovered == ("interview questions and prep",)


def test_the_work_described_names_the_role(kb):
    """'those of you running ML on live production lines', 'engineers who deploy AI in industrial
    settings': the Production AI engineer, whatever "ML" or "AI" say alone."""
    reply = handlers.ask(
        "For those of you running ML on live production lines, how do you keep latency low?", kb
    )
    assert reply.roles == ("production-ai-engineer",)
    reply = handlers.ask("What's the job outlook for engineers who deploy AI in industrial settings?", kb)
    assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)


def test_a_name_asked_on_its_own_leads(kb):
    """'... which tools must I learn? Kubeflow?': the line that names Kubeflow first, whichever
    section it is in."""
    reply = handlers.ask("Moving to ML platform engineering. Which tools must I learn? Kubeflow?", kb)
    assert reply.text.index("Kubeflow") < 200


def test_is_it_stressful_leads_with_handling_stress(kb):
    """'is the ml platform engineer job stressful?': the documents' "Capacity to handle stress"
    (soft skills); asked with the hard parts too, the challenges."""
    reply = handlers.ask("is the ml platform engineer job stressful?", kb)
    assert "Capacity to handle stress and challenges in complex projects" in reply.text[:300]
    assert (
        handlers.ask("is ai systems engineering stressful? what are the hard parts", kb).topic == "challenges"
    )


def test_an_ambiguous_title_beside_an_everyday_role_word_is_decided_by_the_context(kb):
    """'AI engineer putting ML into manufacturing lines': "ML" is what the person puts in; the AI
    engineer of manufacturing is the Production AI engineer."""
    reply = handlers.ask(
        "AI engineer putting ML into our factory's manufacturing lines for predictive maintenance and quality"
        " inspection. Underpaid at 180k?",
        kb,
    )
    assert reply.roles == ("production-ai-engineer",)


def test_years_ahead_are_no_experience_asked(kb):
    """'Where do people in each end up after 10+ years?': a time ahead, the ladder; not a chart of
    the years of experience the documents ask for."""
    reply = handlers.ask(
        "ML engineer vs ML platform engineer: where do people in each end up after 10+ years?", kb
    )
    assert reply.topic == "career" and "Years of experience asked for" not in reply.text
    assert "3 years" in handlers.ask("I have 3 years of experience, enough for mlops?", kb).focus


@pytest.mark.parametrize("text", ["mlops growth rate", "mlops demand percent growth"])
def test_a_figure_asked_of_a_topic_is_no_subject_the_documents_lack(kb, text):
    """'rate' and 'percent' ask for the figures ("21% increase"), not about a thing called rate."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.topic == "demand" and not reply.uncovered
    assert "21% increase in jobs" in reply.text[:300]


def test_a_level_said_with_not_is_no_focus(kb):
    """'not junior' asks the pay of the others: the levels side by side, not the entry figures."""
    reply = handlers.ask("what's the pay for a regular mlops engineer, not junior", kb)
    assert reply.topic == "salary" and "*Mid-level:* $145,000 - $155,000" in reply.text[:600]
    assert not reply.text.startswith("*MLOps Engineer · Salary*\n\n*Figures for entry level")


@pytest.mark.parametrize(
    "text", ["do mlops engineers have to pass a background check?", "drug test for ml jobs?"]
)
def test_hiring_checks_are_not_covered(kb, text):
    """A background check or drug test is the hiring process, unvested stock a benefit: no
    document covers them, and the reply says so."""
    reply = handlers.ask(text, kb)
    assert reply.intent in ("unknown", "clarify") or reply.uncovered
    assert any(w in reply.text[:200] for w in ("background check", "drug test", "unvested"))


def test_top_paying_places_are_the_list_whole_in_order(kb):
    """'top paying cities' asks which pay most, not the top of the range: the whole Top-Paying
    Cities list (five lines), in the document's order; 'top pay' is still the highest figure."""
    reply = handlers.ask("top paying cities for ai systems engineers?", kb)
    shown = reply.text[:500]
    cities = [
        "San Francisco, CA",
        "New York City, NY",
        "Green River, WY",
        "Santa Clara, CA",
        "Washington, DC",
    ]
    assert [shown.index(c) for c in cities] == sorted(shown.index(c) for c in cities)
    assert "Its highest salary figure" in handlers.ask("top pay for mlops", kb).text
    # two of MLOps's three city lines hold "city": the third (San Francisco, the highest) comes too
    mlops = handlers.ask("which city pays mlops best?", kb).text[:400]
    assert (
        mlops.index("San Francisco:* Up to $300,600")
        < mlops.index("New York City")
        < mlops.index("Other cities")
    )


@pytest.mark.parametrize(
    "text,first",
    [
        ("where do mlops engineers earn the most?", "*San Francisco:* Up to $300,600"),
        ("where do ml platform engineers make the most money", "*San Francisco, CA:* $179,061 - $193,485"),
    ],
)
def test_where_they_earn_most_is_the_list_of_places(kb, text, first):
    """'where ... the most' of pay asks the places: the document's list of cities or hubs, not the
    level table; 'where does someone with 12 years fall' is no place."""
    reply = handlers.ask(text, kb)
    assert reply.topic == "salary" and first in reply.text[:200]
    fall = handlers.ask("where does someone with 12 years fall in the mlops pay range", kb)
    assert "San Francisco" not in fall.text[:300]


def test_is_demand_growing_is_answered_with_the_growth_of_jobs(kb):
    """'is demand for mlops engineers growing?' asks how the jobs grow (the 21% increase in jobs),
    not the size of the market, whose lines also say "growing"."""
    reply = handlers.ask("is demand for mlops engineers growing?", kb)
    assert reply.text.index("21% increase in jobs") < reply.text.index("_From the")
    assert "21% increase in jobs" in reply.text[:250]


def test_a_section_named_by_its_name_is_answered_from_it(kb):
    """'which soft skills matter if I want to lead an ML platform team?': the soft skills, though
    "lead" is said in the career ladder's lines."""
    reply = handlers.ask("which soft skills matter if I want to lead an ML platform team someday?", kb)
    assert reply.topic == "soft-skills" and reply.text.startswith("*AI/ML Platform Engineer · Soft Skills*")


def test_top_before_companies_or_skills_is_no_level(kb):
    """'top companies paying ...', 'top skills': the best of those, not the top of the pay range."""
    reply = handlers.ask("top companies paying ai systems engineers", kb)
    assert "Figures for top" not in reply.text and "Tesla" in reply.text[:300]
    assert handlers.engine_for(kb).matcher.match("top skills for mlops").focus.levels == ()
    assert handlers.engine_for(kb).matcher.match("top pay for mlops").focus.levels == ("top",)


def test_a_tool_the_role_document_never_names_says_which_documents_do(kb):
    """'do ai systems engineers need to know kubernetes?': its document never says Kubernetes; the
    reply says so and names the documents that do, before the requirements it does list."""
    reply = handlers.ask("do ai systems engineers need to know kubernetes", kb)
    assert reply.roles == ("ai-systems-engineer",) and reply.topic == "requirements"
    note = "The AI Systems Engineer document doesn't mention “Kubernetes”; the Production AI Engineer, "
    assert note in reply.text[:300] and "AI/ML Platform Engineer documents do." in reply.text[:300]
    assert reply.uncovered == ()  # other documents cover it: no "not covered"
    held = handlers.ask("do mlops engineers need to know kubernetes", kb)
    assert "doesn't mention" not in held.text
    everyday = handlers.ask("with all the layoffs, what skills keep an ML engineer employable?", kb)
    assert "doesn't mention" not in everyday.text  # an everyday word is no tool to look for


def test_a_source_the_role_document_never_cites_says_which_documents_do(kb):
    """'what does the bls say about ml engineer jobs?': the AI/ML document cites no Bureau of Labor
    Statistics; the reply says so, in the documents' words, and which documents do."""
    reply = handlers.ask("what does the bls say about ml engineer jobs", kb)
    note = "The AI/ML Engineer document doesn't mention “Bureau of Labor Statistics”; the Production AI"
    assert reply.roles == ("ai-ml-engineer",) and note in reply.text[:300], reply.text


def test_certifications_the_role_document_never_names_says_which_documents_do(kb):
    """'what certs help for ml platform roles?': the platform document names no certification; the
    reply says so, and which documents do, before the requirements it does list."""
    reply = handlers.ask("what certs help for ml platform roles?", kb)
    assert reply.roles == ("ml-platform-engineer",) and reply.uncovered == ()
    assert "The AI/ML Platform Engineer document doesn't mention “certifications”" in reply.text[:300]
    held = handlers.ask("what certifications help for production ai engineer roles?", kb)
    assert "doesn't mention" not in held.text and "AWS Machine Learning Specialty" in held.text[:600]


def test_the_person_s_own_job_is_context_not_another_role_or_a_gap(kb):
    """'I'm a DevOps engineer ... how do the requirements of the two differ?': the two roles named;
    '... is it different from what I do now?': the MLOps document's DevOps lines, nothing missing;
    'how is it different from my job?': that role, not all five."""
    reply = handlers.ask(
        "I'm a DevOps engineer with 5 years on AWS and Terraform. Two recruiters pinged me, one for an MLOps"
        " role and one for an ML platform role. How do the requirements of the two differ?",
        kb,
    )
    assert reply.roles == ("mlops-engineer", "ml-platform-engineer") and reply.uncovered == ()
    reply = handlers.ask(
        "I work as devops engineer since 5 years, mostly kubernetes. What does an MLOps engineer do exactly"
        " and is it different from what I do now?",
        kb,
    )
    assert reply.roles == ("mlops-engineer",) and reply.uncovered == ()
    assert "software engineering, and DevOps" in reply.text[:600]
    reply = handlers.ask("What does a production AI engineer do and how is it different from my job?", kb)
    assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)
    reply = handlers.ask(
        "I'm a PLC programmer. What does a production AI engineer do, how is it different from my job?", kb
    )
    assert reply.roles == ("production-ai-engineer",) and reply.uncovered == ("plc programmer",)


def test_that_points_back_at_the_sentence_before_not_one_after(kb):
    """'... trying to move into production AI within 18 months. Is that delusional? What math ...?
    My company will reimburse exactly one.': "that" is the move before it; the reimbursing after it
    is no subject the documents lack. "... a four-day work week. Do companies offer that?" still asks."""
    reply = handlers.ask(
        "Data analyst trying to move into a production AI engineer role within about 18 months. Is that"
        " delusional? What math do I need to shore up, and which certifications are worth paying for? My"
        " company will reimburse exactly one, so I'd rather not waste it.",
        kb,
    )
    assert reply.topic == "requirements" and reply.uncovered == ()
    reply = handlers.ask(
        "My team lead keeps asking for a four-day work week. Do companies offer that for mlops engineers?", kb
    )
    assert reply.uncovered == ("four day work week",)


def test_the_first_months_in_the_job_are_its_first_rung_or_the_job_itself(kb):
    """'just hired as a junior ... what should i focus on the first few months?': the ladder's first
    rung (the level said before the question counts), then the job; anyone else new in the job gets
    the job itself, not the requirements for getting it."""
    reply = handlers.ask(
        "just got hired as a junior production ai engineer!! what should i focus on the first few months", kb
    )
    assert reply.topic == "career" and "Clean and prepare data under senior guidance." in reply.text[:400]
    reply = handlers.ask(
        "I'm the first ML platform engineer hired into a 15-person data science org. What should I focus on"
        " during my first quarter?",
        kb,
    )
    assert (
        reply.topic == "responsibilities" and "Develop and maintain reusable frameworks" in reply.text[:400]
    )


def test_a_second_question_joined_by_and_is_asked_apart(kb):
    """'senior production ai eng salary, and how much paid vacation do they get': the pay answered,
    the vacation named as not covered; 'how often do they get paged' is on call in other words."""
    reply = handlers.ask("senior production ai eng salary, and how much paid vacation do they get", kb)
    assert reply.intent == "answer" and reply.topic == "salary" and reply.uncovered == ("vacation",)
    assert "says nothing about “vacation”" in reply.text[:200] and "$" in reply.text[:600]
    reply = handlers.ask(
        "what tools do ai/ml platform engineers use, and which cloud gives the best startup credits", kb
    )
    assert reply.intent == "answer" and reply.uncovered == ("startup credits",)


def test_a_tester_is_a_title_that_is_none_of_the_five(kb):
    """'how much does a manual qa tester make': a title that is none of the five, said as such."""
    reply = handlers.ask("how much does a manual qa tester make", kb)
    assert reply.intent == "unknown" and "“manual QA tester” isn't one of them" in reply.text


def test_that_with_no_subject_of_its_own_asks_of_the_sentence_before(kb):
    """'... insists any MLOps hire understands network security. How much of that is actually part of
    the role?': the security lines, not the lines on "part"."""
    reply = handlers.ask(
        "Our security team insists any MLOps hire understands network security. How much of that is actually"
        " part of the role?",
        kb,
    )
    assert "Understanding of firewalls, encryption, and VPNs" in reply.text[:600]


def test_soft_skills_named_are_asked_whoever_looks_for_them(kb):
    """'what soft skills do hiring managers look for in ml engineers': the soft skills section, not
    what to show on a CV."""
    reply = handlers.ask("what soft skills do hiring managers look for in ml engineers", kb)
    assert reply.topic == "soft-skills" and reply.text.startswith("*AI/ML Engineer · Soft Skills*")


@pytest.mark.parametrize(
    "text",
    [
        "As an engineering manager, what should I look for when hiring a platform engineer?",
        "im a manager, what should i look for when hiring a platform engineer",
    ],
)
def test_the_askers_own_title_is_no_level_and_what_to_look_for_is_the_requirements(kb, text):
    """'As an engineering manager, what should I look for when hiring ...': the manager is who asks,
    not the lead rung; the document's requirements lead, not its leadership lines or the ladder."""
    reply = handlers.ask(text, kb)
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "requirements")
    assert "5+ years of relevant experience in AI/ML infrastructure and systems" in reply.text[:400]
    assert "Leadership" not in reply.text[:300]


def test_the_problems_people_deal_with_are_the_challenges_not_their_fixes(kb):
    """'what problems do mlops engineers deal with?' asks what the challenges are; 'how do they deal
    with it?' asks for the solutions beside them."""
    reply = handlers.ask("what problems do mlops engineers deal with?", kb)
    assert "*Challenge:* Data discrepancies and lack of versioning" in reply.text[:300]
    reply = handlers.ask("how do mlops engineers deal with their challenges?", kb)
    assert "*Solution:*" in reply.text[:300]


def test_the_path_to_a_level_said_before_is_the_way_up(kb):
    """'... eventually I want to be a director of AI. What steps does that path usually involve?': the
    ladder's leadership rung, not the responsibilities nor the first rung."""
    reply = handlers.ask(
        "I've been an AI systems engineer at a healthcare startup for two years and eventually I want to be a"
        " director of AI. What steps does that path usually involve?",
        kb,
    )
    assert reply.topic == "career" and "Oversee organizational AI strategy" in reply.text[:400]
    assert "Junior AI Engineer" not in reply.text


def test_hype_and_buzzwords_ask_of_the_role_s_future_only_when_said_of_it(kb):
    """'is mlops just hype?' asks the outlook; '... tell a strong candidate from a buzzword-heavy one'
    and 'keep current without burning out on hype' do not."""
    assert handlers.ask("is mlops just hype?", kb).topic == "demand"
    reply = handlers.ask(
        "I'm a recruiter screening resumes for a production AI engineer opening. What should I look for on a"
        " CV to tell a strong candidate from a buzzword-heavy one?",
        kb,
    )
    assert "shortage of skilled AI professionals" not in reply.text[:300]
    reply = handlers.ask(
        "how do you keep current as an ai/ml platform engineer without burning out on hype", kb
    )
    assert reply.topic not in ("demand", "trends")  # burning out is the stress the person fears
    assert "Capacity to handle stress" in reply.text[:300]
    assert "Stay updated with the latest ML techniques and technologies." in reply.text


def test_should_a_role_know_a_skill_asks_of_the_role_not_the_person(kb):
    """'should a platform engineer for ml know cuda / gpu stuff? what else is expected': the role's
    lines on CUDA, not "your gaps" for a skill the person never said they have."""
    reply = handlers.ask(
        "should a platform engineer for ml know cuda / gpu stuff? what else is expected skill wise", kb
    )
    assert (
        "your gaps" not in reply.text
        and "Knowledge of GPU programming concepts (e.g., CUDA)" in reply.text[:300]
    )


def test_network_security_is_security_not_networking(kb):
    """'network security' is the security of networks (firewalls, VPNs), not networking with people."""
    reply = handlers.ask("does an mlops engineer need network security knowledge?", kb)
    assert (
        reply.topic == "requirements"
        and "Understanding of firewalls, encryption, and VPNs" in reply.text[:400]
    )
    assert "Networking and Flexibility" not in reply.text[:400]


def test_the_difference_asked_shows_the_sentence_that_tells_a_role_apart(kb):
    """'what's the difference between an mlops engineer and an ML platform engineer?': beside what
    each is, the sentence that sets it apart ("bridges the gap ..."), within the first screen."""
    reply = handlers.ask("what's the difference between an mlops engineer and an ML platform engineer?", kb)
    assert reply.intent == "compare"
    assert "This role bridges the gap between ML development and operational deployment" in reply.text[:600]
    assert "*AI/ML Platform Engineer*" in reply.text[:600]


def test_what_the_person_paid_for_is_no_pay_asked(kb):
    """'a bootcamp that I paid way too much for ... Which specialized AI domains should an AI systems
    engineer know?': the requirements, not the salary; 'I'm paid 120k' still asks of pay."""
    reply = handlers.ask(
        "I'm finishing a bootcamp that I paid way too much for, and I have a month of evenings left. Which"
        " specialized AI domains should an aspiring AI systems engineer know: NLP, vision, LLMs?",
        kb,
    )
    assert reply.topic == "requirements"
    assert handlers.ask("I'm paid 120k as an mlops engineer, is that low?", kb).topic == "salary"


def test_from_a_level_asks_the_rungs_above_it(kb):
    """'how do I go from junior AI engineer to plain AI engineer?': the next rung (AI Engineer), not
    the junior rung the person is on."""
    reply = handlers.ask(
        "How do I go from junior AI engineer to plain AI engineer on a production AI team?", kb
    )
    assert reply.topic == "career" and "Design and implement sophisticated AI models." in reply.text[:300]
    assert "Clean and prepare data under senior guidance." not in reply.text


def test_what_is_wanted_from_a_level_is_that_rung_not_the_ones_above(kb):
    """'what do they want from a junior ml engineer': the junior rung first; "from" here says of whom
    it is asked, not where one climbs from (word list expect_from)."""
    reply = handlers.ask("what do they want from a junior ml engineer", kb)
    assert "Junior AI/ML Engineer roles focus on data preprocessing" in reply.text.split("\n\n")[1]


def test_a_hedge_inside_an_advice_phrase_still_asks_it(kb):
    """'which skills are actually in high demand for ML engineers?': the skills the demand section
    lists, "actually" aside."""
    reply = handlers.ask("Which skills are actually in high demand for ML engineers right now?", kb)
    assert reply.topic == "demand" and "Skills in High Demand" in reply.text[:300]


def test_a_bare_question_after_a_climb_asks_of_the_climb(kb):
    """'I'm a mid-level mlops engineer trying to get promoted to senior. What should I focus on?': the
    senior rung, not the requirements for getting in."""
    reply = handlers.ask(
        "I'm a mid-level mlops engineer trying to get promoted to senior. What should I focus on?", kb
    )
    assert reply.topic == "career" and "Senior MLOps Engineer" in reply.text[:300]


def test_hot_areas_are_the_skills_in_demand(kb):
    """'Which areas are hot right now that I should pick up?': the skills in high demand, whatever
    the question calls them."""
    reply = handlers.ask(
        "I'm an ML engineer and I've gone a bit stale. Which areas are hot right now that I should pick up?",
        kb,
    )
    assert reply.topic == "demand" and "Skills in High Demand" in reply.text[:300]


def test_a_line_that_says_every_word_asked_answers(kb):
    """'what open source tools do ML platform engineers use': the line that says open source and
    tools ("Open Source Technologies: Familiarity with Kubernetes, Kubeflow ..."), then the lines
    beside it; not lines on "openness"."""
    reply = handlers.ask("what open source tools do ML platform engineers use", kb)
    assert "*Open Source Technologies:* Familiarity with Kubernetes, Kubeflow" in reply.text[:200]
    assert "Openness" not in reply.text
    # a section named outright stands: the tools an MLOps engineer should know are its requirements
    assert (
        handlers.ask("which ci/cd and infra automation tools should an mlops engineer know", kb).topic
        == "requirements"
    )


def test_being_paged_in_passing_is_no_gap(kb):
    """'Our ML platform team keeps getting paged about slow inference. Is optimizing for latency part
    of the job?': answered, nothing named as not covered; 'how often do they get paged at night?' is
    asked, and not covered."""
    reply = handlers.ask(
        "Our ML platform team keeps getting paged about slow inference. Is optimizing for latency and"
        " throughput actually part of an ML platform engineer's job description?",
        kb,
    )
    assert reply.intent == "answer" and reply.uncovered == () and "says nothing" not in reply.text
    assert handlers.ask("how often do ml platform engineers get paged at night", kb).uncovered == (
        "paged at night",
    )


def test_the_rest_of_the_country_is_the_national_figures(kb):
    """'... in Manhattan ... compared with the rest of the country?': the national figures answer,
    nothing is named as not covered; 'in another country?' still is."""
    reply = handlers.ask(
        "I got an offer in Manhattan for a production AI engineer job. What's the going rate there compared"
        " with the rest of the country?",
        kb,
    )
    assert reply.topic == "salary" and reply.uncovered == ()
    assert handlers.ask("what do mlops engineers earn in another country?", kb).uncovered == ("country",)


def test_meetings_said_in_passing_are_colour(kb):
    """ "... soft skills beyond 'be nice in meetings'?": the soft skills, no gap named; "do mlops
    engineers have a lot of meetings?" asks what no document covers."""
    reply = handlers.ask(
        "I'm an AI systems engineer and my review said I need to 'work on emotional intelligence'. What soft"
        " skills are actually expected in this role beyond 'be nice in meetings'?",
        kb,
    )
    assert reply.topic == "soft-skills" and reply.uncovered == ()
    assert handlers.ask("do mlops engineers have a lot of meetings?", kb).uncovered == ("a lot of meetings",)


def test_perks_are_the_benefits_the_documents_list(kb):
    """'besides base pay, what else do ai systems engineers get? bonus, stock, perks?': the benefits
    line answers the perks; nothing is named as not covered."""
    reply = handlers.ask("besides base pay, what else do ai systems engineers get? bonus, stock, perks?", kb)
    assert reply.topic == "salary" and reply.uncovered == ()


def test_how_fast_ai_moves_is_no_course_provider(kb):
    """'keep up with how fast ai is changing': an adverb before AI, not fast.ai; 'fast ai or pytorch'
    still names the course provider no document mentions."""
    assert handlers.ask("how do ml engineers keep up with how fast ai is changing", kb).uncovered == ()
    assert handlers.ask("do ml engineers use fast ai or pytorch", kb).uncovered == (
        "fast.ai",
    )  # as the provider writes its name


def test_what_tools_cost_is_not_covered(kb):
    """'Which tools does an MLOps engineer need to know, and is MLflow or SageMaker cheaper to run?': the
    tools answered, the cost named as not covered."""
    reply = handlers.ask(
        "We're standardizing our MLOps tooling. Which tools does an MLOps engineer need to know, and is"
        " MLflow or SageMaker cheaper to run?",
        kb,
    )
    assert (reply.intent, reply.topic, reply.uncovered) == ("answer", "requirements", ("cheaper to run",))


def test_the_verb_of_moving_in_is_no_subject(kb):
    """'how would i transition into a production ai engineer role': the way in, not the line that says
    "Transition to roles like AI Team Lead"."""
    reply = handlers.ask(
        "physicist here, doing process data analysis in a semiconductor fab. how would i transition into a"
        " production ai engineer role",
        kb,
    )
    assert reply.topic == "career" and "Transition to roles like AI Team Lead" not in reply.text


def test_a_plus_between_two_asks_joins_them(kb):
    """'ml platform eng challenges + how often do they get paged at night': the challenges answered,
    the paging named as not covered; "c++" is no plus."""
    reply = handlers.ask("ml platform eng challenges + how often do they get paged at night", kb)
    assert reply.intent == "answer" and reply.topic == "challenges" and reply.uncovered == ("paged at night",)
    assert handlers.ask("does an mlops engineer need c++", kb).intent == "answer"


def test_a_city_above_the_national_average_is_no_average_figure(kb):
    """'average salary of a production AI engineer compared to an ML engineer': Production AI's
    average is its sources' figures ("ZipRecruiter: $101,752" under "The average annual salary ...
    varies by source:"), not San Francisco's "$245,000 (37% above national average)"."""
    reply = handlers.ask(
        "What's the average salary of a production AI engineer compared to an ML engineer?", kb
    )
    assert reply.intent == "compare" and "$245,000 (Production AI Engineer)" not in reply.text
    assert "ZipRecruiter: $101,752" in reply.text


def test_no_line_echoes_a_long_post(kb, monkeypatch):
    """A post of many content words searches for no line that says them all (the echo is bounded);
    three words are searched."""
    from handlers.lines import echo_lines

    engine = handlers.engine_for(kb)
    searched = []
    real = engine.evidence.search
    monkeypatch.setattr(engine.evidence, "search", lambda *a, **k: searched.append(a) or real(*a, **k))
    words = "kubernetes pipelines drift latency features stores monitoring retraining budgets vendors"
    assert echo_lines(engine, engine.matcher.match(f"mlops engineer {words}"), "mlops-engineer", 5) == []
    assert searched == []
    echo_lines(
        engine, engine.matcher.match("which industry guidelines do mlops people follow"), "mlops-engineer", 5
    )
    echo_lines(
        engine,
        engine.matcher.match("what gpu cluster tools do ML platform engineers use"),
        "ml-platform-engineer",
        5,
    )
    assert searched


def test_a_phrasal_verb_is_no_subject(kb):
    """'set up' is how it is asked: no subject that finds "a diverse set of core responsibilities"."""
    reply = handlers.ask("Which best practices should an ML engineer set up first?", kb)
    assert reply.topic == "best-practices" and reply.text.startswith("*AI/ML Engineer · Best Practices*")
    assert "diverse set of core responsibilities" not in reply.text


def test_handle_and_care_are_how_it_is_asked(kb):
    """'how do they handle security?': the security lines, not "Capacity to handle stress"."""
    reply = handlers.ask("how do platform engineers handle security?", kb)
    screen = reply.text[:300]  # the practice or the challenge's remedy: both say how it is handled
    assert "Enforce robust security" in screen or "Implementing robust security measures" in screen
    assert "Capacity to handle stress" not in reply.text


@pytest.mark.parametrize(
    ("question", "line", "uncovered"),
    [
        ("is ai systems engineering a stable career?", "ensures strong job security", ()),
        ("how safe is an ml engineering career from layoffs", "Recent layoffs in big tech companies", ()),
        # the layoffs are named as not covered, the job security answered
        ("is ai systems engineering safe from layoffs?", "ensures strong job security", ("layoff",)),
    ],
)
def test_job_security_asked_in_other_words_is_the_outlook(kb, question, line, uncovered):
    reply = handlers.ask(question, kb)
    assert (reply.intent, reply.topic, reply.uncovered) == ("answer", "demand", uncovered)
    assert line in reply.text[:400]


def test_a_foundation_model_is_no_foundation_in_maths(kb):
    reply = handlers.ask("do ai systems engineers work with foundation models?", kb)
    assert "Pre-trained AI models are democratizing AI development" in reply.text[:500]
    assert "Strong foundation in" not in reply.text


def test_friction_between_teams_is_the_collaboration_challenge(kb):
    reply = handlers.ask(
        "our data scientists toss models over the wall to us and there is constant friction. is that a"
        " common problem for mlops engineers, how do teams fix it?",
        kb,
    )
    assert reply.topic == "challenges"
    assert "Misaligned incentives and skill sets across teams" in reply.text[:400]
    assert "Foster clear communication, shared goals" in reply.text[:600]


def test_colleagues_named_by_their_title_are_no_title_asked(kb):
    """'the data scientists on my team ...': people the person works with; 'ml engineers vs data
    scientists' asks about the title."""
    reply = handlers.ask(
        "the data scientists on my team ignore model quality in prod. as the mlops engineer, how do i fix it",
        kb,
    )
    assert "isn't one of the 5 roles" not in reply.text and reply.uncovered == ()
    reply = handlers.ask("how do ml engineers differ from data scientists?", kb)
    assert "“data scientist” isn't one of the 5 roles I know" in reply.text


def test_trouble_told_as_killing_us_asks_the_fix(kb):
    reply = handlers.ask("model drift is killing us. mlops people, whats the best way to catch it early?", kb)
    assert reply.topic == "best-practices"
    assert "Monitor for data drift and concept drift" in reply.text[:300]


def test_a_skill_still_worth_learning_is_asked_of_the_requirements(kb):
    reply = handlers.ask(
        "ml engineer here - is spark/hadoop still worth learning or is that outdated now", kb
    )
    assert reply.topic == "requirements"
    assert "Experience with big data technologies (e.g., Apache Spark, Hadoop)" in reply.text[:300]


def test_big_data_is_one_subject_however_it_is_said(kb):
    """'big data tools', 'huge datasets': the line on big data technologies, not every line that
    says "tools" or "datasets"."""
    for question in (
        "do ml engineers need big data tools?",
        "do ml engineers need to know tools for huge datasets?",
    ):
        reply = handlers.ask(question, kb)
        assert "Experience with big data technologies" in reply.text[:300], question


def test_trouble_with_an_old_erp_finds_legacy_systems(kb):
    """'is this common, what usually helps?' of an old ERP: the legacy-systems challenge and what helps
    (the integration practice, which people ask about in these words, may come first)."""
    reply = handlers.ask(
        "we need to plug a recommendation model into a 15 year old ERP and it's a nightmare. I'm the AI"
        " systems engineer on it. is this common, what usually helps?",
        kb,
    )
    assert reply.topic in ("challenges", "best-practices")
    assert "Integrating AI with legacy systems" in reply.text[:300]


def test_what_helps_after_trouble_answers_the_problem_not_the_whole_overview(kb):
    """'stakeholders don't trust our credit model, it's a black box. what helps?': lines on it, not
    the 3,000-character overview the bare 'what helps?' used to get."""
    reply = handlers.ask(
        "ml engineer here, stakeholders don't trust our credit model because its a black box. what helps?", kb
    )
    assert reply.topic != "overview" and len(reply.text) < 1200
    assert "Building trust and ensuring regulatory compliance" in reply.text


def test_a_long_question_keeps_its_rarest_words(kb):
    """Ten subject words: the eight looked up are the rarest (and the repeated), not the first eight,
    so "imbalanced datasets" said last is still asked."""
    reply = handlers.ask(
        "I want to understand what data imbalance means in machine learning. How does an uneven distribution"
        " of classes affect model performance and predictions? Can someone also explain common techniques"
        " used to handle imbalanced datasets?",
        kb,
    )
    assert "Addressing class imbalance in datasets" in reply.text[:300]


def test_a_question_in_words_never_gets_a_whole_section(kb):
    """'NLP vs CV vs LLMs - which should I specialize in ...?' set things beside the one role: its section
    in brief with the rest behind the button, not the ~3,000-character section a command shows."""
    reply = handlers.ask(
        "NLP vs CV vs LLMs - which should I specialize in as an AI systems engineer? Which specialized areas"
        " actually matter for this role?",
        kb,
    )
    assert reply.intent == "answer" and len(reply.text) < 1500
    assert "Whole section: the button below" in reply.text
    assert len(handlers.ask("/role ai-systems-engineer career", kb).text) > 2500  # a command: the section


def test_a_cv_said_as_theirs_asks_what_to_show(kb):
    reply = handlers.ask("what does a production ai engineer need on their cv", kb)
    assert reply.topic == "requirements" and "3+ years of experience in AI/ML development" in reply.text[:300]


def test_a_long_story_full_of_colour_is_no_not_covered(kb):
    """Eight words no document holds (bird migration, rusty ...) are colour, not eight subjects refused:
    the words the documents hold come first among those looked up."""
    reply = handlers.ask(
        "I learned R in grad school while studying bird migration, then spent six years in a job that only"
        " used Excel. Now I'm trying to get back into technical work, and R is the only skill I have that"
        " isn't rusty. Which of these roles actually mention R as a programming language?",
        kb,
    )
    assert reply.intent in ("answer", "compare") and reply.uncovered == ()
    assert "migration" not in reply.text


@pytest.mark.parametrize(
    ("question", "role", "line"),
    [
        (
            "how do production ai engineers explain model results to plant floor managers who hate jargon?",
            "production-ai-engineer",
            "Ability to convey complex technical ideas to both technical and non-technical stakeholders",
        ),
        (
            "ai systems engineer here: how do i explain to the sales team why the model is never 100% right",
            "ai-systems-engineer",
            "Ability to explain complex AI concepts to non-technical stakeholders",
        ),
    ],
)
def test_explaining_to_people_is_the_soft_skills(kb, question, role, line):
    """Something explained to people ("... to plant floor managers") asks how to communicate: the
    soft skills lead, not what the role is (the overview "explain" alone would name)."""
    reply = handlers.ask(question, kb)
    assert (reply.roles, reply.topic) == ((role,), "soft-skills")
    assert line in reply.text[:400]


@pytest.mark.parametrize(
    ("question", "topic"),
    [("explain mlops to me", "overview"), ("can you explain how to become an mlops engineer", "career")],
)
def test_a_role_explained_to_the_asker_is_not_the_soft_skills(kb, question, topic):
    assert handlers.ask(question, kb).topic == topic


def test_a_way_in_asked_with_a_requirement_word_is_the_way_in(kb):
    """'without a cs degree?' names the requirements by one generic word, while the model is all but
    sure the way in is asked: the career section's path leads, the requirements offered beside it."""
    reply = handlers.ask("can i get into production ai engineering without a cs degree? self taught", kb)
    assert reply.topic == "career"
    assert "Obtain a strong foundation in computer science, mathematics, and statistics." in reply.text[:600]
    assert handlers.ask("what skills do mlops engineers need?", kb).topic == "requirements"


def test_two_paths_set_side_by_side_after_a_level_get_the_ladder_not_the_section(kb):
    """'What options are there after senior, R&D vs product?': the "vs" sets two paths side by side,
    no pay figures: the rungs after senior lead, not the whole 3,000-character career section."""
    reply = handlers.ask(
        "Production AI eng, 4 yrs in. What options are there after senior, R&D vs product?", kb
    )
    assert reply.topic == "career" and len(reply.text) < 1200
    assert "Focus on research and development or product development." in reply.text[:400]
    pay = handlers.ask("ai systems pay tesla vs google", kb)  # figures of one role set side by side
    assert pay.topic == "salary" and "Tesla: $219,122" in pay.text


@pytest.mark.parametrize(
    "question",
    [
        "lowdown on ML platform eng pls",
        "I need to explain to HR what an AI/ML platform engineer does before we open the req. Quick summary?",
    ],
)
def test_a_summary_asked_for_is_the_section_in_brief(kb, question):
    """Asked short ("lowdown", "quick summary") or told around the question: the overview in brief (about
    1,100 characters), the whole 2,880 behind its button; the command still shows it whole."""
    reply = handlers.ask(question, kb)
    assert reply.topic == "overview" and len(reply.text) < 1300
    assert reply.text.index("In summary, an AI/ML Platform Engineer designs, builds") < 600
    assert len(handlers.ask("/role ml-platform-engineer overview", kb).text) > 2500


@pytest.mark.parametrize(
    ("question", "named", "line"),
    [
        (
            "can i work as an ai systems engineer from portugal for a us company fully remote? and what do "
            "seniors make in the us",
            "remote",
            "$150,000 - $207,479 or higher",
        ),
        (
            "whats the 401k match like for ml platform engineers in DC, and the salary there?",
            "401k",
            "Washington, DC: $174,706 per year",
        ),
    ],
)
def test_a_second_ask_the_documents_cover_is_answered_beside_what_they_do_not(kb, question, named, line):
    """Two asks, one not covered (remote work, a 401k match): the pay asked in the other is answered and
    the rest named, not the whole message refused ("seniors" names the senior level; ", and the salary
    there?" starts an ask of its own)."""
    reply = handlers.ask(question, kb)
    assert reply.intent == "answer" and named in reply.uncovered
    assert line in reply.text[:600]


def test_a_question_in_words_asked_of_no_role_is_asked_which_role_not_shown_the_usage(kb):
    """'is there a role where people start their own company': no role and no topic word, but a whole
    question the model reads as career: "which role?" on that topic, not the command usage."""
    reply = handlers.ask("is there a role where people start their own company", kb)
    assert (reply.intent, reply.topic) == ("clarify", "career")
    assert "career development" in reply.text and "/role ROLE TOPIC" not in reply.text
    assert handlers.ask("hi", kb).intent == "help"


def test_a_comparison_on_a_named_point_is_answered_beside_what_is_not_covered(kb):
    """'mlops vs platform salary and pto?': the pay compared and PTO named as not covered, not the whole
    comparison refused for one word; with no point named it is still refused in full."""
    reply = handlers.ask("mlops vs platform salary and pto?", kb)
    assert reply.intent == "compare" and reply.topic == "salary" and "pto" in reply.uncovered
    assert "say nothing about “PTO”" in reply.text[:200] and "$200,000 - $220,000" in reply.text[:600]


def test_years_stated_beside_a_pay_question_name_no_requirements(kb):
    """'3 yoe production AI eng, offered 135k - fair? ... What's the mid-level range ...?': the years are
    the person's, so "yoe" names no topic; "range" asks the pay (the mid-level figures lead)."""
    reply = handlers.ask(
        "3 yoe production AI eng, offered 135k - fair? | Mid-level offer from an aerospace parts maker "
        "in the midwest. What's the mid-level range for production AI engineers?",
        kb,
    )
    assert (reply.roles, reply.topic) == (("production-ai-engineer",), "salary")
    assert handlers.ask("do mlops jobs need 5 years?", kb).topic == "requirements"  # years asked


def test_a_covered_ask_beside_an_interview_question_is_answered(kb):
    """'What does their interview focus on, and which frameworks should an AI systems engineer know?':
    the interview named as not covered, the frameworks answered (a word the document holds, in an ask
    of its own), not the whole message refused."""
    reply = handlers.ask(
        "Nvidia AI systems engineer interview - leetcode or ML trivia? | Have an onsite at Nvidia next "
        "month. What does their interview focus on, and which frameworks should an AI systems engineer know?",
        kb,
    )
    assert reply.intent == "answer" and "interview" in reply.uncovered
    assert "Experience with AI frameworks like TensorFlow, Keras, and PyTorch" in reply.text[:600]


def test_the_big_shifts_in_a_field_are_its_trends(kb):
    """'what are the big shifts in mlops i should know about this year?': where the field moves; night
    shifts stay a work arrangement the documents do not cover."""
    assert (
        handlers.ask("what are the big shifts in mlops i should know about this year?", kb).topic == "trends"
    )
    night = handlers.ask("do mlops engineers work night shifts?", kb)
    assert night.intent == "unknown" and "night shifts" in night.uncovered


@pytest.mark.parametrize(
    ("question", "topic", "line"),
    [
        (
            "how big is the ml market gonna get",
            "trends",
            "Global machine learning market projected to grow from $26.03 billion in 2023 to $225.91 billion",
        ),
        (
            "market size forecast for ai systems engineering 2024 vs 2029?",
            "demand",
            "*2029:* US$9.460 million",
        ),
    ],
)
def test_the_market_size_is_answered_from_the_section_that_states_it(kb, question, topic, line):
    """The market's size asked: the figures, from whichever section the document gives them in (the ML
    engineer's Industry Trends, the AI systems engineer's Market Demand)."""
    reply = handlers.ask(question, kb)
    assert reply.topic == topic and line in reply.text[:400]


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "should i get certifications as an aspiring ML engineer?",
            "Pursue certifications, courses, and hands-on projects to stay current",
        ),
        ("do certifications matter for mlops?", "Education and certifications"),
    ],
)
def test_certifications_asked_lead_with_the_lines_that_name_them(kb, question, line):
    """Certifications asked: the lines that name them, wherever the document puts them (the ML engineer's
    career section; for MLOps only a pay factor), not the requirements section that never names them."""
    assert line in handlers.ask(question, kb).text[:400]


def test_what_to_watch_out_for_is_the_challenges(kb):
    """'what should production ai engineers watch out for?': what can go wrong; "gotcha thanks" stays
    thanks (no "gotchas" word to spell it into)."""
    assert handlers.ask("what should production ai engineers watch out for?", kb).topic == "challenges"
    assert handlers.ask("gotcha thanks", kb).roles == ()


def test_working_well_with_others_is_the_soft_skills(kb):
    """'how do ml engineers work well with product managers? me and our PM keep clashing on priorities':
    getting on with people is the soft skills (collaboration, priorities), not the duties."""
    reply = handlers.ask(
        "how do ml engineers work well with product managers? me and our PM keep clashing on priorities", kb
    )
    assert reply.topic == "soft-skills"
    assert "Work effectively with data scientists, analysts, developers, and project managers" in reply.text


def test_explaining_to_the_people_the_context_names_is_the_soft_skills(kb):
    """'product managers keep asking why ... how should I explain it?': the person explains, to the
    people the sentence before names; 'can you explain what an mlops engineer does?' asks the bot."""
    reply = handlers.ask(
        "our product managers keep asking why the model flags so many orders. ml engineer here, how should I"
        " explain it?",
        kb,
    )
    assert reply.topic == "soft-skills"
    assert "Ability to explain complex technical concepts to non-technical stakeholders" in reply.text[:300]
    reply = handlers.ask(
        "my boss asked me to join the new mlops team. can you explain what an mlops engineer does?", kb
    )
    assert reply.topic in ("overview", "responsibilities")


def test_the_skills_to_list_on_a_resume_are_the_skills_the_role_asks_for(kb):
    """'which tools should go on my mlops resume?': the tools the role requires, not the advice to
    build a portfolio."""
    reply = handlers.ask("which tools should go on my mlops resume so recruiters find me?", kb)
    assert reply.topic == "requirements"
    assert "Experience with Docker and Kubernetes" in reply.text[:600]


def test_a_synonym_answers_a_role_but_is_never_said_to_be_the_word_mentioned(kb):
    """'drift' is the ML platform document's 'changing data': its line answers how platform
    engineers handle drift, but only the documents that say 'drift' are said to mention it."""
    reply = handlers.ask("how do ml platform engineers handle drift?", kb)
    assert "Adapting models to changing data and environments" in reply.text[:300]
    reply = handlers.ask("which roles mention drift?", kb)
    assert set(reply.roles) == {"mlops-engineer", "ai-ml-engineer"}
    assert "*2 of 5 roles* mention drift" in reply.text
    assert "changing data and environments" not in reply.text
    reply = handlers.ask("which roles need k8s?", kb)  # a word no document uses: said as they say it
    assert "mention k8s (as “kubernetes”)" in reply.text


def test_which_pays_more_nationally_compares_the_pay_not_lines_saying_national(kb):
    """'nationally' is the market every pay figure is given for, not a point to find lines on
    ("above national average")."""
    reply = handlers.ask(
        "all else equal, which pays more nationally, ML engineer or ML platform engineer?", kb
    )
    assert reply.intent == "compare" and "senior level*: AI/ML Platform Engineer $202,614" in reply.text[:300]
    assert "above national average" not in reply.text[:300]


def test_an_ask_in_a_long_posts_context_is_named_when_no_document_covers_it(kb):
    """'... wondering how generous they are with parental leave ... what's the job growth outlook?':
    the outlook is answered and the leave, asked in passing, is named as not covered."""
    reply = handlers.ask(
        "parental leave + future of the field | first kid on the way. I'm looking at AI systems engineer"
        " jobs and wondering how generous companies are with parental leave, nobody lists it. Also, what's"
        " the job growth outlook for this role over the next decade?",
        kb,
    )
    assert reply.intent == "answer" and "parental" in reply.uncovered
    assert "says nothing about “parental”" in reply.text[:300]
    assert "23% between 2022 and 2032" in reply.text[:600]
    reply = handlers.ask(
        "I'm moving to Canada as an AI systems engineer and not sure how the work permit works. Is North"
        " America still where the jobs are?",
        kb,
    )
    assert "work permit" in reply.uncovered and "North America" in reply.text[:600]


def test_an_amount_offered_without_a_currency_sign_is_pay(kb):
    """'offered 62k ... how low does entry level go, and what's the typical range?': pay, though no "$"
    says the 62k is money."""
    reply = handlers.ask(
        "new grad, offered 62k for an ai systems engineer role in alabama. how low does entry level go, and"
        " what's the typical range?",
        kb,
    )
    assert reply.topic == "salary"
    assert "$53,579 - $115,599" in reply.text[:600]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("what's a good hourly rate for a freelance mlops engineer?", "hourly rate"),
        ("which university is best for becoming an ml engineer?", "which university"),
        ("what's the best bootcamp for mlops?", "best bootcamp"),
        ("do mlops engineers get health insurance usually?", "health insurance"),
    ],
)
def test_rates_schools_and_benefits_no_document_names_are_said_not_covered(kb, text, named):
    """A freelance rate, a ranking of schools, a benefit the role's document never names: said to be not
    covered, not answered with the pay figures or the degree lines as if they were it."""
    reply = handlers.ask(text, kb)
    assert named in reply.uncovered or (reply.intent == "unknown" and named in reply.text)


def test_a_work_arrangement_said_of_the_data_is_no_subject_left_uncovered(kb):
    """'failing on the night shift data': the data of a shift, not the night shift as a work
    arrangement ("do they work night shifts?" still is not covered)."""
    reply = handlers.ask(
        "how should a production ai engineer handle a model that keeps failing on the night shift data?", kb
    )
    assert reply.intent == "answer" and reply.uncovered == () and "night shift" not in reply.text
    assert handlers.ask("do production ai engineers work night shifts?", kb).intent == "unknown"


def test_it_the_pronoun_is_not_written_as_the_acronym(kb):
    """'how long does it take' is named as typed; 'IT support' keeps its capitals."""
    reply = handlers.ask("how long does it take to become an ml engineer coming from backend?", kb)
    assert "does IT take" not in reply.text and "how long does it take" in reply.text
    assert "“IT support”" in handlers.ask("IT support salary for mlops?", kb).text


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "do ml engineers juggle lots of projects at once or focus on one thing?",
            "Manage multiple projects",
        ),
        ("is multitasking a big part of being an ml engineer", "multiple projects"),
        ("ai systems engineer in ohio or alabama, do they make less?", "Midwestern and Southern cities"),
        ("our model is way too big and slow. is trimming it down an ML engineer's job?", "model pruning"),
        ("do mlops people need to know how to scramble data in transit?", "firewalls, encryption, and VPNs"),
        ("could hackers trick the models an ml platform engineer runs?", "adversarial testing"),
        ("is the qubit thing relevant for ml platform folks?", "Exploration of quantum computing"),
        ("do ml engineers have to write up what they did all the time?", "Document ML processes"),
    ],
)
def test_everyday_words_for_the_documents_words_find_their_lines(kb, text, line):
    """'juggle lots of projects at once': the documents' multiple projects, managed concurrently."""
    assert line in first_screen(handlers.ask(text, kb))


def test_owning_a_mistake_is_the_documents_accountability(kb):
    """'how do good MLEs handle owning mistakes like this?': ownership and accountability (soft
    skills), not the common mistakes of model work (challenges)."""
    reply = handlers.ask(
        "Model I shipped cost real money and I blamed the data team. Turns out my feature logic was wrong. "
        "How do good MLEs handle owning mistakes like this?",
        kb,
    )
    assert reply.topic == "soft-skills"
    assert "Take ownership of work and be accountable for results" in first_screen(reply)


def test_what_a_posting_asked_for_then_is_that_normal_is_the_requirement(kb):
    """'saw an ML platform engineer posting asking for a PhD, wtf. is that normal?': the degree the
    document asks for leads; the posting is where it was read, not the market demand."""
    reply = handlers.ask("saw an ML platform engineer posting asking for a PhD, wtf. is that normal?", kb)
    assert reply.topic == "requirements"
    assert first_screen(reply).index("Master's degree or Ph.D. often preferred or required") < 150


def test_the_us_or_everywhere_is_where_in_the_world(kb):
    """'mostly in the US or everywhere?': the document's regions; "AI everywhere" is no place."""
    reply = handlers.ask("are mlops jobs mostly in the US or everywhere else too?", kb)
    assert reply.topic == "demand" and "North America currently leads" in first_screen(reply)
    pushed = handlers.ask("leadership wants 'AI everywhere'. as an AI systems eng how do i push back", kb)
    assert pushed.topic != "demand"


def test_the_work_of_one_role_decides_an_ai_engineer_even_in_a_short_question(kb):
    """'what does an ai engineer do at a factory?': the factory is the production AI engineer's work
    (aliases.yaml `work`), and where the job is done, not a subject: its duties."""
    reply = handlers.ask("what does an ai engineer do at a factory?", kb)
    assert (reply.intent, reply.roles, reply.topic) == (
        "answer",
        ("production-ai-engineer",),
        "responsibilities",
    )
    assert handlers.ask("ai engineer salary", kb).intent == "clarify"  # nothing said of the work
    long = "i always blow my deadlines lol, is juggling my to-do list a big deal for a factory AI engineer?"
    assert handlers.ask(long, kb).roles == ("production-ai-engineer",)  # the work said of the name decides
    future = handlers.ask("is the factory AI engineer job still gonna be around in ten years?", kb)
    assert future.topic == "demand" and "job security" in first_screen(
        future
    )  # the outlook, no factory trend
    for text in ("factory ai engineer salary", "plant floor ai engineer salary"):  # the pay, not the trends
        pay = handlers.ask(text, kb)
        assert (pay.roles, pay.topic) == (("production-ai-engineer",), "salary") and "$101,752" in pay.text[
            :400
        ]


def test_what_makes_a_candidate_impressive_is_what_to_show(kb):
    """'what makes an ml engineer candidate impressive?': what to show (hands-on projects), not the
    challenges of the job."""
    reply = handlers.ask("what makes an ml engineer candidate impressive?", kb)
    assert reply.topic == "requirements"
    assert "Hands-on experience with real-world AI/ML projects" in reply.text[:300]


def test_job_security_is_the_phrase_not_the_security_of_systems(kb):
    """'which role has better job security, mlops or production ai?': the lines on job security, not
    MLOps' firewalls and encryption."""
    reply = handlers.ask("which role has better job security, mlops or production ai?", kb)
    assert reply.intent == "compare" and "firewalls" not in reply.text
    assert "high job security" in reply.text[:400] and "strong job security" in reply.text[:600]


def test_which_of_the_ai_ml_engineering_roles_is_the_field_not_one_role(kb):
    """ "AI/ML engineering roles" holds the AI/ML Engineer's name; asked "which of them", it is the field.
    Said of pay alone ("what do ml engineering jobs pay"), it is still that role."""
    reply = handlers.ask(
        "Out of the AI/ML engineering roles, which ones list containers and orchestration as a requirement?",
        kb,
    )
    assert set(reply.roles) == {"production-ai-engineer", "mlops-engineer", "ml-platform-engineer"}
    assert "*3 of 5 roles*" in reply.text
    assert "Experience with containerization (Docker) and orchestration (Kubernetes)" in first_screen(reply)
    reply = handlers.ask("what do ml engineering jobs pay", kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-ml-engineer",), "salary")


def test_not_sure_what_my_job_is_called_names_the_role_of_the_work_told(kb):
    """The work told (a feature store, a shared training cluster) is the platform engineer's; the ML
    teams are who it is built for, and "what my job is called" asks the name, not across the roles."""
    reply = handlers.ask(
        "Not sure what my job is called -- and what should it pay? | I'm at a fintech in Denver. I don't "
        "train models. I build the internal stuff that the ML teams use: a feature store, a shared training "
        "cluster, a serving layer on KServe. What is this role usually called and what's the median salary?",
        kb,
    )
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "salary")
    assert "AI/ML Platform Engineer · Salary*" in reply.text
    assert "$165,780 per year" in first_screen(reply)


def test_a_section_named_twice_over_is_answered_though_a_word_matches_elsewhere(kb):
    """ "a common challenge ... the usual pain points": the challenges, not the trends' "Low-code"
    platforms and "Challenges and Adoption" heading."""
    reply = handlers.ask(
        "Is low adoption a common challenge for AI/ML platform engineers, and what are the usual "
        "pain points?",
        kb,
    )
    assert reply.topic == "challenges" and "Platform Engineer · Common Challenges*" in reply.text
    assert "Low-code" not in reply.text


def test_seniority_is_the_ladder_unless_how_much_is_asked(kb):
    reply = handlers.ask(
        "What does seniority look like for an ML engineer compared to an ML platform engineer?", kb
    )
    assert (reply.intent, reply.topic) == ("compare", "career")
    assert "Senior Engineers lead teams, make critical decisions" in first_screen(reply)
    reply = handlers.ask("which role needs the most seniority?", kb)
    assert reply.text.startswith("*Years of experience asked for*")
    assert "mention seniority" not in reply.text
    assert handlers.ask("how does seniority affect mlops pay", kb).topic == "salary"


def test_what_is_the_work_is_the_job_itself(kb):
    reply = handlers.ask(
        "what is the work actually for a production ai engineer, is it mostly integrating models into the "
        "plant systems?",
        kb,
    )
    assert reply.topic == "responsibilities" and "Production AI Engineer · Responsibilities*" in reply.text


def test_rent_beside_the_pay_asked_is_named_and_the_pay_answered(kb):
    """'what do AI systems engineers make there, and what's rent like for a 1br?': rent is no document's,
    so it is named as not covered, and the pay in San Francisco is answered, not refused with it."""
    reply = handlers.ask(
        "Bay Area on an AI systems engineer salary - can you actually afford rent? Got an offer in SF, "
        "moving from Ohio. what do AI systems engineers make there, and what's rent like for a 1br?",
        kb,
    )
    assert (reply.intent, reply.topic) == ("answer", "salary") and "rent" in reply.uncovered
    assert "says nothing about “rent”" in reply.text and "San Francisco, CA: Up to $300,600" in reply.text


def test_ai_replacing_the_role_is_answered_where_its_document_says_it(kb):
    """'is ai going to replace ai systems engineers?': its trends say how AI changes the job ("AI
    enhancing productivity rather than replacing human developers"); MLOps's trends say nothing of it,
    so the market's outlook answers for it, and for all five roles at once."""
    reply = handlers.ask("is ai going to replace ai systems engineers lol, should i be worried", kb)
    assert reply.topic == "trends"
    assert "AI enhancing productivity rather than replacing human developers" in reply.text[:300]
    assert handlers.ask("will mlops become obsolete?", kb).topic == "demand"
    reply = handlers.ask("Will AI replace MLOps engineers?", kb)  # its outlook, not every figure and factor
    assert reply.topic == "demand" and "Job Outlook" in reply.text[:400] and len(reply.text) < 1000


def test_ai_taking_the_jobs_is_answered_where_the_document_says_it(kb):
    """'will robots take the production AI engineer's job?' and 'tools will take our AI systems engineer
    jobs. what's the actual outlook?' ask what 'replace' asks: the trend lines on AI and people
    ("AI augments human capabilities") lead, also when the question itself only asks the outlook. A
    person taking a job is no such question."""
    reply = handlers.ask(
        "will robots take the production AI engineer's job or do humans work side by side?", kb
    )
    assert reply.topic == "trends" and "AI augments human capabilities" in reply.text[:400]
    reply = handlers.ask("will robots replace production ai engineers?", kb)
    assert "AI augments human capabilities" in reply.text[:300] and "Robotics Engineers" not in reply.text
    reply = handlers.ask(
        "my coworker says copilot tools will take our AI systems engineer jobs. what's the outlook?", kb
    )
    assert "AI enhancing productivity rather than replacing human developers" in reply.text[:300]
    reply = handlers.ask(
        "We rolled out Copilot. Some think AI will make platform work obsolete. "
        "How is AI changing ML platform engineering?",
        kb,
    )
    assert reply.topic == "trends"
    # ... however the role's question routes ("is ai going to replace" reads as the career's outlook):
    # the platform document's "a tool that enhances their work" leads
    reply = handlers.ask("is ai going to replace platform engineers", kb)
    assert "seeing it as a tool that enhances their work" in first_screen(reply)[:300]
    assert handlers.ask("should i take the job at the mlops startup or stay?", kb).topic != "trends"
    taking = handlers.ask("i want to take the job at an mlops startup, what will they pay?", kb)
    assert taking.topic == "salary"


def test_the_role_whose_document_is_asked_is_the_role_the_other_is_its_subject(kb):
    """'... according to the platform engineer salary data?': the platform engineer's document, which
    gives ML engineers' pay by years; the ML engineer named is what it says something about."""
    reply = handlers.ask(
        "ML engineer with 5 years, what's the pay according to the platform engineer salary data?", kb
    )
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ml-platform-engineer",), "salary")
    assert "4-6 years experience: $141,009 - $193,263 per year" in reply.text[:300]
    reply = handlers.ask("how much did ML engineer job openings grow recently (platform eng doc)", kb)
    assert (
        reply.roles == ("ml-platform-engineer",)
        and "70% increase in machine learning engineer job" in reply.text
    )
    mixed = handlers.ask("mlops vs ml engineer data skills", kb)
    assert mixed.intent == "compare"  # "vs": both roles, though "data" follows one


def test_ai_said_of_a_works_own_people_names_the_role(kb):
    """'can the factory ai people help with ... shipping schedules?': "factory AI" names the production AI
    engineer as surely as "a factory AI engineer" does; not "which role do you mean by 'ai'?"."""
    reply = handlers.ask(
        "can the factory ai people help with getting parts delivered on time and planning shipping "
        "schedules?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)
    assert "Supply Chain Optimization" in reply.text[:300]
    assert handlers.ask("swe -> ml eng transition, what should i focus on", kb).roles == ("ai-ml-engineer",)


def test_what_a_level_does_is_its_rung_in_a_longer_question_too(kb):
    """'what does a newbie production ai engineer actualy do day to day in the first year?' (16 words):
    the junior rung of the ladder says what that level does, as in a short question."""
    reply = handlers.ask(
        "what does a newbie production ai engineer actualy do day to day in the first year?", kb
    )
    assert reply.topic == "career" and "Clean and prepare data under senior guidance." in reply.text[:200]


def test_trying_to_understand_is_no_subject(kb):
    """'Trying to understand what each role does day to day: ML engineer vs MLOps engineer
    responsibilities': "understand" is the asker's, not a word to look up (it had led with soft-skill
    lines that say "understand"); each role's duties lead."""
    reply = handlers.ask(
        "Trying to understand what each role does day to day: ML engineer vs MLOps engineer "
        "responsibilities, where's the line?",
        kb,
    )
    assert (reply.intent, reply.topic) == ("compare", "responsibilities")
    assert "Self-Awareness" not in reply.text
    assert "Deploy and integrate ML models in production environments" in reply.text[:700]


def test_a_city_of_the_pay_asked_before_is_what_it_points_at(kb):
    """'prod AI engineer pay in chicago... is it way under the coasts?': "it" is the Chicago pay the
    sentence before asks; a city the person only lives in is no place asked."""
    reply = handlers.ask("prod AI engineer pay in chicago... is it way under the coasts or about normal?", kb)
    assert "Chicago, IL and Seattle, WA: Around $180,000" in first_screen(reply)
    mine = handlers.ask(
        "4 yoe ML engineer in Texas making 140k, feeling poor. What's the realistic range for ML engineer "
        "salaries in the US?",
        kb,
    )
    assert not mine.uncovered and "Texas" not in mine.text


def test_personal_qualities_asked_get_the_soft_skills_from_their_start(kb):
    """'what personal qualities make a good prod AI engineer?': the section's first skills, not the one
    line that happens to say "personal"."""
    reply = handlers.ask("besides coding, what personal qualities make a good prod AI engineer?", kb)
    assert reply.topic == "soft-skills"
    assert "Ability to convey complex technical ideas" in first_screen(reply)


def test_the_levels_asked_in_words_are_the_ladder(kb):
    """'what are the levels for ML engineers and what changes at each one': no topic named, the rungs."""
    reply = handlers.ask("what are the levels for ML engineers and what changes at each one", kb)
    assert reply.topic == "career"
    screen = first_screen(reply)
    assert "Junior AI/ML Engineer roles focus" in screen and "Senior Engineers lead teams" in screen


@pytest.mark.parametrize(
    "text",
    [
        "tell me about the career progression of an mlops engineer",
        "compare the career paths of mlops and platform engineers",
    ],
)
def test_the_career_named_by_its_ladder_is_the_ladder(kb, text):
    """'career progression', 'career paths': the rungs, though the model reads 'tell me about' as
    the overview or is unsure of 'compare the ... of'."""
    screen = first_screen(handlers.ask(text, kb))
    assert "Entry-level position focusing on learning fundamentals" in screen
    assert "Oversees work of other MLOps Engineers" in screen


def test_any_of_these_roles_on_a_topic_is_every_role_on_it(kb):
    """'do any of these roles talk about soft skills': each role's soft skills, not 'which role?'."""
    reply = handlers.ask("do any of these roles talk about soft skills", kb)
    assert (reply.intent, reply.topic, len(reply.roles)) == ("compare", "soft-skills", 5)
    assert "Ability to convey complex technical ideas" in first_screen(reply)


def test_ai_replacing_two_roles_compares_their_outlooks(kb):
    """'will ai replace mlops or platform engineers': each role's outlook, not their overviews."""
    reply = handlers.ask("will ai replace mlops or platform engineers", kb)
    assert (reply.intent, reply.topic) == ("compare", "demand")
    screen = first_screen(reply)
    assert "Demand for MLOps Engineers is growing exponentially" in screen
    assert "High demand across various industries" in screen


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("which roles work in health care", "Healthcare"),
        ("team work skills for mlops", "Teamwork and Collaboration"),
    ],
)
def test_words_people_split_are_the_documents_one_word(kb, text, line):
    """'health care' is the documents' 'healthcare' (not 'Health insurance'), 'team work' their
    'Teamwork'."""
    reply = handlers.ask(text, kb)
    assert line in first_screen(reply) and "Health insurance" not in reply.text


def test_life_cycle_in_two_words_is_the_documents_lifecycle(kb):
    """'what part of the model life cycle does an mlops engineer own?': the documents write
    'lifecycle'; its Lifecycle Management lines lead."""
    reply = handlers.ask("what part of the model life cycle does an mlops engineer own?", kb)
    assert reply.text.split("\n• ", 1)[1].startswith("Manage the entire ML model lifecycle")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "best city for platform engineer jobs",
            "High concentration of AI talent in tech hubs like San Francisco",
        ),
        ("which cities have the most mlops jobs", "North America currently leads the AI engineering market"),
        ("best location for ai systems engineer jobs", "North America:"),
    ],
)
def test_places_asked_of_the_market_lead_with_its_places(kb, text, line):
    """'best city for X jobs', 'which cities have the most X jobs': the market's hotspots, regions
    and hubs first (not its growth figures, nor the industries hiring)."""
    reply = handlers.ask(text, kb)
    assert reply.topic == "demand"
    assert line in reply.text[:300]


def test_a_word_for_pay_is_no_point_of_the_pay(kb):
    """'what salary should i offer a senior ai systems engineer in austin?': the senior figures (Austin
    named as having none), not the lines that happen to say 'offer'."""
    reply = handlers.ask(
        "hiring manager here. what salary should i offer a senior ai systems engineer in austin?", kb
    )
    screen = first_screen(reply)
    assert "$150,000 - $207,479" in screen
    assert "generally offer higher salaries" not in screen and "$53,579" not in screen


def test_what_lies_beyond_the_technical_skills_is_the_soft_skills(kb):
    """'what do senior mlops engineers need beyond tech skills?': the soft skills, not the technical
    skills the words name; 'besides tech' alone is the industry ('... hire ml engineers besides tech?')."""
    reply = handlers.ask("what do senior mlops engineers need beyond tech skills", kb)
    assert reply.topic == "soft-skills"
    assert "Ability to explain complex AI concepts" in first_screen(reply)
    assert handlers.ask("what sectors hire the most ml engineers besides tech", kb).topic != "soft-skills"


def test_the_difference_between_me_and_a_role_sets_it_beside_the_persons_title(kb):
    """'I'm a data scientist. what's the difference between me and an AI/ML engineer?': the AI/ML
    document's 'AI/ML Engineer vs. Data Scientist', not the five roles' overviews."""
    reply = handlers.ask("I'm a data scientist. what's the difference between me and an AI/ML engineer?", kb)
    assert reply.roles == ("ai-ml-engineer",)
    assert "AI/ML Engineer vs. Data Scientist" in first_screen(reply)


def test_the_top_paying_city_leads_with_the_top_paying_cities(kb):
    """'what's the top paying city for ai/ml engineers?': the document's Top Paying Cities, not Chicago's
    average first."""
    reply = handlers.ask("what's the top paying city for ai/ml engineers?", kb)
    screen = first_screen(reply)
    assert "Berkeley, CA" in screen and "Renton, WA" in screen and "Santa Monica, CA" in screen
    assert screen.index("Berkeley") < screen.index("Chicago") if "Chicago" in screen else True


def test_a_company_pay_another_document_gives_is_pointed_to(kb):
    """'how much do ML engineers make at google or tesla?': the AI/ML document has no Google or Tesla
    figure, the AI Systems document has both; said once, in one sentence."""
    reply = handlers.ask("how much do ML engineers make at google or tesla?", kb)
    note = (
        "doesn't mention “Google pay” or “Tesla pay”; the AI Systems Engineer document does:"
        " Google: $204,579 per year; Tesla: $219,122."
    )
    assert reply.text.count(note) == 1 and "says nothing about" not in reply.text


def test_deploying_finds_the_documents_deployment(kb):
    """'best practices for deploying models as an ml platform engineer': the index's stems split
    'deploying' from 'deployment'; its Deployment and Monitoring lines lead, not model testing."""
    reply = handlers.ask("best practices for deploying models as an ml platform engineer", kb)
    assert reply.text.split("\n• ", 1)[1].startswith("Automate model deployment with shadow deployment")


def test_years_asked_of_a_document_that_gives_none_are_said_to_be_missing(kb):
    """'how many years of experience do ai systems engineers need?': its document gives no number;
    said, with the documents that do, not 'Experience with big data technologies' as if it answered
    (nor 'Conduct experiments', a stem of 'experience')."""
    reply = handlers.ask("how many years of experience do ai systems engineers need?", kb)
    screen = first_screen(reply)
    assert "The AI Systems Engineer document doesn't mention “years of experience required”" in screen
    assert "MLOps Engineer" in screen and "Conduct experiments" not in screen
    assert "years of experience required" in reply.uncovered


def test_gadgets_are_devices_not_an_edge(kb):
    """'embedding models into cars and gadgets': consumer electronics and automotive, not "provide an
    edge" (soft skills) nor "cutting-edge" (the market)."""
    reply = handlers.ask("are mlops engineers going to be embedding models into cars and gadgets now?", kb)
    assert reply.topic == "trends"
    assert "particularly in consumer electronics and automotive industries" in first_screen(reply)


def test_a_bare_question_after_a_pay_context_keeps_its_city(kb):
    """'TC check: AI systems engineer in NYC, recruiter's first number felt low. What's typical?': the New
    York pay, not the "low-quality data" challenge."""
    reply = handlers.ask(
        "TC check: AI systems engineer in NYC, recruiter's first number felt low. What's typical?", kb
    )
    assert reply.topic == "salary" and "New York City, NY: Around $268,000" in first_screen(reply)


def test_jobs_drying_up_asks_the_demand(kb):
    """'are ML engineer jobs actually drying up, and what severance is standard?': the demand, with the
    layoffs line, and severance named as not covered."""
    reply = handlers.ask(
        "Layoffs keep hitting ML teams. Are ML engineer jobs actually drying up, and what severance is "
        "standard if you get cut?",
        kb,
    )
    assert reply.topic == "demand" and reply.uncovered == ("severance",)
    assert "Recent layoffs in big tech companies" in first_screen(reply)


@pytest.mark.parametrize(
    ("text", "topic", "line"),
    [
        # the largest employers by a name for them all: the companies the documents name
        ("what do the tech giants pay ai systems engineers?", "salary", "$204,579 per year"),
        # the fields in everyday words: the documents' natural language processing, computer vision
        (  # work on: the duty that names them
            "would an ai systems engineer work on image recognition or text understanding?",
            "responsibilities",
            "such as Natural Language Processing or Computer Vision",
        ),
        # code on GitHub, a paper published: the documents' open-source work and publications
        (
            "does my github matter for production ai engineer jobs?",
            "requirements",
            "Contribution to open-source AI projects or research publications (preferred)",
        ),
        (
            "i've published at neurips, does that count for production ai roles?",
            "requirements",
            "Contribution to open-source AI projects or research publications (preferred)",
        ),
        # "got laid off": the layoffs the ML engineer's document speaks of lead
        (
            "got laid off from my ML engineer job last month. is the market really that bad?",
            "demand",
            "Recent layoffs in big tech companies",
        ),
        (
            "laid off in the january round, how bad is the ml engineer job market right now?",
            "demand",
            "Recent layoffs in big tech companies",
        ),
        # hard to hire: the shortage the challenges name, not the market's demand
        (
            "why is it so hard to hire production ai engineers for factories",
            "challenges",
            "Difficulty finding experienced AI specialists",
        ),
        # what decides or moves the pay: the factors the salary section lists, not the figures
        (
            "what decides whether a production AI engineer lands at the low or the high end of the pay band?",
            "salary",
            "Specific AI specialization",
        ),
        (
            "been a production AI engineer 3 yrs and my pay is flat. what actually moves the number up?",
            "salary",
            "Specific AI specialization",
        ),
    ],
)
def test_everyday_words_reach_the_section_that_answers(kb, text, topic, line):
    """Said in everyday words, not the documents' own: the section and line that answer lead."""
    reply = handlers.ask(text, kb)
    assert reply.topic == topic and line in first_screen(reply)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("why is it so hard to hire ai systems engineers", "Addressing the shortage of skilled AI talent"),
        (
            "we can't find anyone who knows ml infra. common for platform teams?",
            "Addressing the shortage of AI/ML",
        ),
    ],
)
def test_people_too_few_to_hire_is_the_talent_shortage(kb, text, line):
    """A phrase of stopwords ("can't find anyone") or one that names the topic ("hard to hire") still
    says what is asked: the documents' talent shortage leads the challenges."""
    reply = handlers.ask(text, kb)
    assert reply.topic == "challenges" and line in reply.text[:200]  # the first line under the header


def test_where_to_start_said_in_the_role_is_how_to_go_about_it(kb):
    """Someone who says they are an MLOps engineer already asks where to start on the work, not
    how to get in: the best practices, not the career ladder; someone outside still gets the way in."""
    reply = handlers.ask(
        "I'm the only MLOps engineer at a small bank and nothing is automated. Where do I even start?", kb
    )
    assert reply.topic == "best-practices" and "Choose ML tools aligned" in first_screen(reply)
    reply = handlers.ask("I'm a data analyst. Where do I even start if I want to be an MLOps engineer?", kb)
    assert reply.topic == "career"


def test_a_better_package_asked_gets_what_moves_pay_not_a_refusal(kb):
    """'How can an ML engineer negotiate a better package?': the AI/ML Engineer document never says
    "negotiate", but it says what moves pay; that is answered and the negotiation named, where the
    reply used to be "I don't have anything on negotiate"."""
    reply = handlers.ask("how can an ml engineer negotiate a better package?", kb)
    assert reply.intent == "answer" and reply.uncovered == ("negotiate",)
    assert "Experience level and expertise in specific AI/ML technologies" in first_screen(reply)


def test_who_builds_the_models_is_who_develops_them(kb):
    """'ML engineer vs MLOps engineer: which one actually builds the models?': the ML engineer's
    "Design, develop, and refine machine learning models" leads its side."""
    reply = handlers.ask("ML engineer vs MLOps engineer: which one actually builds the models?", kb)
    assert reply.intent == "compare" and reply.topic == "responsibilities"
    assert "Design, develop, and refine machine learning models" in first_screen(reply)


def test_the_ends_of_the_range_and_take_home_are_pay(kb):
    """'low end to high end, what's the range ...?' is the pay range, not "low latency and high
    throughput"; what a person 'takes home' is pay, and a 'specialty' is the specialization."""
    reply = handlers.ask("low end to high end, what's the range platform engineers earn?", kb)
    assert reply.topic == "salary" and "latency" not in first_screen(reply)
    reply = handlers.ask(
        "what decides how much a production ai engineer takes home? company size? specialty?", kb
    )
    assert reply.topic == "salary" and "Specific AI specialization" in first_screen(reply)


def test_two_levels_set_against_each_other_get_both_rungs(kb):
    """'junior vs senior production AI engineer, what's the difference in what they do': the junior
    rung, then the senior one."""
    reply = handlers.ask("junior vs senior production AI engineer, what's the difference in what they do", kb)
    screen = first_screen(reply)
    assert reply.topic == "career"
    assert screen.index("Assist in developing AI models") < screen.index(
        "Lead AI projects and make strategic"
    )


def test_applying_for_a_job_is_no_subject(kb):
    """'which framework skills should be on my CV if I'm applying for MLE roles': the skills, not
    "applying AI/ML solutions" of the entrepreneurs' line."""
    reply = handlers.ask("which framework skills should be on my CV if I'm applying for MLE roles", kb)
    assert reply.topic == "requirements" and "Entrepreneurship" not in first_screen(reply)


def test_auditors_are_the_audit_trails(kb):
    """'auditors want to know who changed the model and when': the audit trails the practices keep."""
    reply = handlers.ask(
        "auditors want to know who changed the model and when. what's the mlops best practice?", kb
    )
    assert "Maintain clear audit trails" in first_screen(reply)


def test_a_company_named_as_where_it_was_read_is_colour(kb):
    """'... or is that twitter hype?', 'saw on twitter ...': where it was read, not a company asked
    about; 'does twitter hire ml engineers?' still names Twitter as not covered."""
    reply = handlers.ask("can an AI systems engineer hit 500k total comp or is that twitter hype", kb)
    assert not reply.uncovered
    assert not handlers.ask("saw on twitter that mlops is dying, true?", kb).uncovered
    assert handlers.ask("does twitter hire ml engineers?", kb).uncovered == ("Twitter",)


def test_a_million_said_loosely_is_no_subject(kb):
    """'what skills am i supposed to have lol theres like a million listed': the skills, not the
    demand line that counts jobs in millions; a market's size in money still leads with its forecast."""
    reply = handlers.ask(
        "prod ai engineer what skills am i supposed to have lol theres like a million listed", kb
    )
    assert reply.topic == "requirements"
    assert "billion" in first_screen(handlers.ask("how many billions is the mlops market worth?", kb))


def test_coaching_juniors_across_the_roles_finds_the_mentoring_lines(kb):
    """'which of these roles expect you to coach the junior people?': the lines on mentoring juniors."""
    reply = handlers.ask("which of these roles expect you to coach the junior people on the team?", kb)
    assert reply.topic != "salary" and "Mentor junior engineers" in first_screen(reply)


def test_everything_about_a_role_is_its_overview(kb):
    """'tell me everything about ml engineers': the role as a whole, not its challenges."""
    reply = handlers.ask("tell me everything about ml engineers", kb)
    assert reply.topic == "overview" and "plays a crucial role" in reply.text[:300]


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("what do i need to know about GDPR as an ml engineer?", "GDPR"),
        ("hipaa stuff - do ai systems engineers deal with it?", "HIPAA"),
    ],
)
def test_a_law_named_that_no_document_names_is_said_so(kb, text, law):
    """A law asked by its name, which no document names (they speak of regulation in general): the
    role's answer, with the law named as not covered (before: the requirements, silently)."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.uncovered == (law,)
    assert f"says nothing about “{law}”" in reply.text[:300]


def test_a_number_of_roles_is_no_subject(kb):
    """'which of the five roles mention mentoring?': the five are the roles, mentoring is asked
    (not 'None of the 5 role documents mention "five"')."""
    reply = handlers.ask("which of the five roles mention mentoring?", kb)
    assert reply.intent == "compare" and "mention mentoring" in reply.text[:200]
    assert "five" not in reply.text.lower()
    reply = handlers.ask("which roles pay above 250k", kb)  # a threshold, not the word 'above'
    assert reply.topic == "salary" and "mention above" not in reply.text


def test_rank_the_roles_sets_them_side_by_side(kb):
    """'rank the roles by demand': every role, not 'I don't know a role called rank'."""
    for text in ("rank the roles by demand", "sort the 5 roles by salary"):
        reply = handlers.ask(text, kb)
        assert reply.intent == "compare" and len(reply.roles) == 5, text


def test_the_top_few_duties_are_the_duties_not_the_top_rung(kb):
    """'the top five responsibilities': the most important duties, not the top of the ladder."""
    reply = handlers.ask("what are the top five responsibilities of an ml platform engineer", kb)
    assert reply.topic == "responsibilities"


def test_a_stated_offer_asked_in_pay_words_is_placed_in_its_role(kb):
    """'... 135k base for a mid-level ML platform role. Is that good compared to the numbers in the
    docs?': that role's mid-level figures and the amount placed, not all five roles side by side."""
    text = (
        "Got offered 135k base for a mid-level ML platform role. "
        "Is that good compared to the numbers in the docs?"
    )
    reply = handlers.ask(text, kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ml-platform-engineer",), "salary")
    assert "$135,000" in reply.text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("is the bag good for ml platform engineers?", "salary"),
        ("how much are ai systems engineers pulling in these days", "salary"),
        ("is production ai a dead end?", "career"),
    ],
)
def test_everyday_slang_names_its_topic(kb, text, topic):
    assert handlers.ask(text, kb).topic == topic


def test_a_take_home_assignment_is_no_pay(kb):
    """'the usual take-home assignment in ml engineer interviews': an interview task, not take-home pay."""
    reply = handlers.ask("what tools do ml engineers use, and what's the usual take-home assignment?", kb)
    assert reply.topic != "salary" and reply.uncovered


def test_a_pay_question_the_pay_section_lacks_leads_with_pay_said_elsewhere(kb):
    """'are ml platform engineers paid more than swes?': the salary premium line of Market
    Demand, not the software engineering requirements."""
    reply = handlers.ask("are ml platform engineers paid more than swes?", kb)
    assert "salary premium compared to traditional software engineers" in first_screen(reply)


def test_ai_as_the_field_with_the_work_told_names_the_role(kb):
    """'doing industrial AI ... defect detection inside a plant': AI is the field; the work told is the
    production AI engineer's, not 'which role?'."""
    text = (
        "where does a few years of doing industrial AI lead? mostly IoT sensor streams, predictive "
        "maintenance and defect detection inside a plant. what are the next rungs?"
    )
    reply = handlers.ask(text, kb)
    assert (reply.intent, reply.roles) == ("answer", ("production-ai-engineer",))


def test_a_job_described_by_its_work_is_that_role(kb):
    """'the role where you keep models deployed ...': the role whose work it is, not all five."""
    text = (
        "what does the ladder look like in the role where you keep models deployed, monitored and "
        "retrained, and own the ci/cd around them?"
    )
    reply = handlers.ask(text, kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "career")


def test_best_practices_named_beside_a_problem_lead(kb):
    """'... only one person knows the retraining. What best practices should we put in place?': the
    section named by its name leads, not the challenge the story matches."""
    text = (
        "we run 40 models and every retrain is done by hand by the one person who knows how. he quits "
        "next month. what mlops best practices should we put in place so we're not stuck?"
    )
    reply = handlers.ask(text, kb)
    assert reply.topic == "best-practices" and "· Best Practices*" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "I'm an AI systems engineer putting an LLM assistant into a bank and compliance blocks every "
        "release. Is that usual in this job? What else should I brace for?",
        "I'm a production AI engineer with 2 years on the line. what else should I highlight on my resume?",
    ],
)
def test_what_else_to_expect_or_to_show_asks_no_gaps(kb, text):
    """'what else should I brace for?', '... highlight?': what to expect or to show, not 'your gaps'."""
    assert "your gaps" not in handlers.ask(text, kb).text


def test_what_each_level_involves_with_the_pay_jump_is_the_rungs_with_their_pay(kb):
    """'team lead or director ... what does each level involve and how big is the pay jump?': those
    rungs of the ladder, each with its pay line, not the role's duties in general."""
    text = (
        "I'm a senior mlops engineer choosing between the team lead track and director. "
        "What does each level involve, and how big is the pay jump?"
    )
    reply = handlers.ask(text, kb)
    screen = first_screen(reply)
    assert reply.topic == "career"
    assert "Oversees work of other MLOps Engineers" in screen and "Leads overall MLOps strategy" in screen
    assert "$198,125 - $237,500" in screen


def test_a_role_set_beside_a_title_no_line_compares_opens_with_what_it_is(kb):
    """'how is an ML platform engineer different from a data scientist?': no line sets the two side by
    side, so what the role is leads, then the lines naming data scientists (not the in-demand list)."""
    reply = handlers.ask("how is an ML platform engineer different from a data scientist?", kb)
    screen = first_screen(reply)
    assert reply.topic == "overview"
    assert screen.index("plays a crucial role in the development, deployment") < screen.index(
        "Data Scientists"
    )


def test_a_role_set_beside_a_title_shows_what_it_does_too(kb):
    """'difference between a software engineer and a machine learning engineer': what the ML
    engineer is, then its first line of work, before the lines naming software engineers."""
    reply = handlers.ask(
        "What is the difference between a software engineer and a machine learning engineer", kb
    )
    screen = first_screen(reply)
    assert "“software engineer” isn't one of the 5 roles I know" in screen
    assert screen.index("plays a crucial role") < screen.index(
        "Design, train, and optimize machine learning models"
    )
    assert reply.text.index("Design, train") < reply.text.index("software engineers, product managers")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("do mlops engineers get paged when a model breaks?", "Establish alerts for anomalies"),
        ("do AI systems engineers have to teach coworkers about AI?", "Educate team members on AI"),
        ("taught myself from youtube - enough to be an AI systems engineer?", "and self-study"),
    ],
)
def test_everyday_words_for_duties_and_learning(kb, text, line):
    """Paged: the alerts they own; teaching others: educating team members; teaching oneself:
    self-study."""
    assert line in first_screen(handlers.ask(text, kb))


def test_a_teacher_switching_asks_no_teaching_duty(kb):
    """'I teach high school math ...': the person's own job, not the duty of educating the team."""
    reply = handlers.ask(
        "I teach high school math and want to become an AI systems engineer. where do I start?", kb
    )
    assert "Educate team members" not in first_screen(reply)


def test_what_the_next_step_looks_like_is_the_way_up_not_a_role_fit(kb):
    """'my manager won't say what the next step looks like': the person's own ladder, not 'which
    role fits me' across all five."""
    text = (
        "Junior here, 1 yoe as an ML platform engineer at a bank, mostly writing terraform and fixing the "
        "feature store. My lead won't say what the next step looks like. What do people one level up "
        "actually do differently?"
    )
    reply = handlers.ask(text, kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ml-platform-engineer",), "career")


@pytest.mark.parametrize(
    "text",
    ["can a sysadmin become an mlops engineer?", "can a network engineer move into ml platform engineering?"],
)
def test_a_title_switching_into_a_role_is_the_persons_own(kb, text):
    """'could a sysadmin switch into mlops?': the person's background, the way in asked; not 'sysadmin
    isn't one of the roles I know'."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and not reply.uncovered and "isn't one of" not in reply.text


def test_skills_employers_are_hungry_for_are_the_skills_in_demand(kb):
    """'which skills are companies most hungry for?': the document's in-demand skills, not the
    section's opening; 'recruiter' is who asks, not a line to lead with ('Other major recruiters')."""
    reply = handlers.ask("I'm a recruiter. which skills are employers most hungry for in ML engineers?", kb)
    screen = first_screen(reply)
    assert reply.topic == "demand" and "Deep learning, neural networks, computer vision" in screen
    assert "Other major recruiters" not in screen


def test_immigration_status_is_not_covered(kb):
    """'Can I switch employers halfway through without losing status?': a visa matter no document
    covers, named as such, not the demand section."""
    reply = handlers.ask(
        "Working as an ML platform engineer on STEM OPT. "
        "Can I move to another company without losing status?",
        kb,
    )
    assert reply.intent == "unknown" or reply.uncovered
    assert "losing status" in reply.text


def test_standard_said_as_usual_is_no_subject(kb):
    """'what PTO is standard for ...?': the usual PTO, not covered; not the 'standardized development
    environments' of Best Practices. 'industry standards' stays a subject."""
    reply = handlers.ask("what PTO is standard for ml platform engineers?", kb)
    assert reply.intent == "unknown" and "standardized" not in reply.text
    reply = handlers.ask("what industry standards do mlops engineers follow?", kb)
    assert reply.intent == "answer" and "Good Machine Learning Practice" in first_screen(reply)


def test_who_pays_for_cert_exams_is_not_covered_beside_the_skills(kb):
    """'does the company pay for the cert exams or is it out of pocket? and which cloud should I
    learn?': the cloud skills answered, the exam fees named as not covered."""
    text = (
        "do companies pay for cert exams for ml platform engineers or is it out of pocket? "
        "and which cloud platforms matter most?"
    )
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and "cert exams" in reply.uncovered and reply.topic == "requirements"


@pytest.mark.parametrize(
    "text",
    [
        "how do the day-to-day challenges of mlops and ml platform engineers differ?",
        "what are the daily challenges of a production ai engineer?",
    ],
)
def test_day_to_day_challenges_are_the_challenges(kb, text):
    """'day-to-day challenges': the challenges met every day, not the daily duties."""
    assert handlers.ask(text, kb).topic == "challenges"


def test_two_asks_of_one_role_are_both_answered_on_the_first_screen(kb):
    """'is demand for ml platform engineers growing? and what trends are shaping the work?': the
    lines of the ask named more strongly, then the first lines of the other, before the buttons."""
    reply = handlers.ask(
        "is demand for ml platform engineers growing? and what trends are shaping the work?", kb
    )
    screen = first_screen(reply)
    assert "Edge Computing" in screen  # Industry Trends
    assert "74% annual growth in AI and ML job postings" in screen  # Market Demand
    # ... and pay asked beside something else: the figures of the level asked
    reply = handlers.ask("what trends are shaping mlops? also how much do seniors make?", kb)
    assert reply.topic == "trends" and "Senior-level:* $200,000 - $220,000" in first_screen(reply)
    # ... but a place no figure is given for is not answered with other figures
    reply = handlers.ask(
        "what do mlops engineers earn in seattle, and what tools do they use day to day?", kb
    )
    assert "$" not in first_screen(reply)
    # ... and two asks the whole question reads as a third topic ("involve day to day ... senior pay":
    # the career ladder): each ask read alone, the duties first, then the pay of the level asked
    reply = handlers.ask(
        "mlops engineer: what does the job involve day to day? and what's senior pay like", kb
    )
    screen = first_screen(reply)
    assert reply.topic == "responsibilities" and "Also: Salary" in str(reply.blocks)
    assert "Deploy and integrate ML models" in screen and "Senior-level:* $200,000 - $220,000" in screen


def test_a_question_opened_with_separately_is_asked_too(kb):
    """'... do I need an H-1B? separately, which CI/CD and automation tools should I brush up on':
    the second sentence asks too (no question mark): the tools are answered, the visa named as not
    covered; before, the visa alone was read as the question and the whole message refused."""
    reply = handlers.ask(
        "Canadian here, got an MLOps offer from a company in Seattle. does TN status work for MLOps roles"
        " or do I need an H-1B? separately, which CI/CD and automation tools should I brush up on"
        " before I start",
        kb,
    )
    assert reply.intent == "answer" and "h 1b" in reply.uncovered
    assert "says nothing about “TN status” or “H-1B”" in reply.text[:200]
    assert "Docker and Kubernetes" in first_screen(reply)


def test_an_employer_paying_for_a_cert_is_no_pay_question(kb):
    """'my company will pay for one cert this year ... which certs count for production ai roles?':
    the employer paying for something, not the role's pay; the certifications answer."""
    reply = handlers.ask(
        "my company will pay for one cert this year. which certs matter for production ai engineer roles?", kb
    )
    assert reply.topic != "salary" and "Relevant certifications in AI" in first_screen(reply)


def test_the_right_label_for_where_im_heading_asks_what_the_role_is(kb):
    """'Is production AI engineer the right label for where I'm heading, and what does that role
    cover?': 'label' is a title (no subject to refuse), and where the person is heading is no trend."""
    reply = handlers.ask(
        "PLC guy turned Python guy, running a vision-inspection pilot on our stamping line. Is 'production AI"
        " engineer' the right label for where I'm heading, and what does that role cover?",
        kb,
    )
    assert reply.intent == "answer" and reply.topic in ("overview", "responsibilities")
    assert not reply.uncovered and "Deploy AI models in production environments" in reply.text


def test_a_model_acting_weird_is_the_anomalies_the_role_watches_for(kb):
    """'what does an mlops engineer do when a model starts acting weird in prod?': the alerts for
    anomalies and the root cause analysis, not the duties in general."""
    reply = handlers.ask("what does an mlops engineer do when a model starts acting up in prod?", kb)
    assert "Establish alerts for anomalies and conduct root cause analysis" in first_screen(reply)


def test_who_they_work_with_is_the_people_they_work_closely_with(kb):
    """'who do mlops engineers usually work with?': the line that names them, not the duties."""
    reply = handlers.ask("who do mlops engineers usually work with?", kb)
    assert "Work closely with data scientists, software engineers, and DevOps teams" in reply.text[:160]


def test_a_visa_or_wrist_pain_asked_beside_is_named_as_not_covered(kb):
    """'Canadian on a TN, not sure if I can switch employers ... how much do ML platform engineers make
    in Seattle?': the pay answered, the TN visa named; wrist pain is no challenge of the documents."""
    reply = handlers.ask(
        "Canadian on a TN, not sure if I can even switch employers without redoing it. If I do, how much do"
        " ML platform engineers make in Seattle?",
        kb,
    )
    assert reply.topic == "salary" and "$173,517" in reply.text and reply.uncovered
    rsi = handlers.ask("how do ML engineers deal with wrist pain? my hands are wrecked", kb)
    assert rsi.intent == "unknown" or rsi.uncovered


def test_a_job_told_before_how_to_pivot_is_the_way_in_from_it(kb):
    """'I'm a data scientist who ... How do I pivot into an MLOps engineer role?': the skills to add
    (the job is told in the sentence before), not the junior rung; asked which title to apply for
    first, the first rung still leads."""
    reply = handlers.ask(
        "I'm a data scientist who keeps getting stuck when models need to go to prod. How do I pivot into an"
        " MLOps engineer role?",
        kb,
    )
    assert "Essential Skills" in reply.text[:200] and "Junior MLOps Engineer" not in reply.text[:300]
    first = handlers.ask(
        "I'm a data scientist, junior. How do I pivot into MLOps, which job title do I apply for first?", kb
    )
    assert "Junior MLOps Engineer" in first_screen(first)


def test_a_job_then_to_a_role_is_the_way_in_from_that_job(kb):
    """'devops to ml platform eng - how?', 'data analyst -> ml engineer, how???': the job before "to"
    is where the person comes from: the skills to add, not the junior rung."""
    reply = handlers.ask("devops to ml platform eng - how?", kb)
    assert "Essential Skills" in reply.text[:120] and "Junior" not in reply.text[:200]
    backend = handlers.ask("backend -> ML engineer, how did you get started?", kb)  # a kind of developer
    assert "Proficiency in programming languages" in backend.text[:300]
    assert "Bachelor" not in backend.text[:200]


def test_worth_switching_is_the_outlook_and_my_job_is_no_title_asked(kb):
    """'is it worth switching to ml platform engineering?': the outlook, not the degrees; 'is mlops
    worth quitting my sysadmin job for?': the person's own job is no title to name as not covered."""
    reply = handlers.ask("is it worth switching to ml platform engineering?", kb)
    assert "Projected 40% increase in demand" in first_screen(reply) and "Bachelor" not in first_screen(reply)
    quit_job = handlers.ask("is mlops worth quitting my sysadmin job for?", kb)
    assert quit_job.topic == "demand" and not quit_job.uncovered


def test_where_the_work_told_is_heading_is_its_trends(kb):
    """'I package, deploy and version ML models ... where's this kind of work heading?': the work told
    names the role; 'heading' names the trends outright, so the work's words are no subject that
    pulls the duties up."""
    reply = handlers.ask(
        "I package, deploy and version ML models for an automotive supplier, automated retraining, the whole"
        " model lifecycle from onboarding to decommission. where's this kind of work heading?",
        kb,
    )
    assert reply.roles == ("mlops-engineer",) and reply.topic == "trends"


def test_sub_items_are_shown_under_the_line_they_complete(kb):
    """'is production ai mostly manufacturing jobs?': "Healthcare", "Automotive", "Finance" are
    shown under "AI integration is expanding across various sectors, including:", not bare and
    indented under nothing; the pay figures by source under the line that says they vary by source."""
    reply = handlers.ask("is production ai mostly manufacturing jobs?", kb)
    assert "• AI integration is expanding across various sectors, including:\n    • Healthcare" in reply.text
    pay = handlers.ask("how much do production ai engineers make", kb)
    assert "varies by source:\n    • ZipRecruiter: $101,752" in pay.text.replace("*", "")


def test_what_two_roles_have_in_common_is_no_common_challenge(kb):
    """'what do mlops and platform engineers have in common?': the two roles side by side (their
    overviews), not their Common Challenges; 'which challenges do they have in common' still is."""
    reply = handlers.ask("what do mlops and platform engineers have in common?", kb)
    assert reply.intent == "compare" and reply.topic == "overview"
    named = handlers.ask("which challenges do mlops and platform engineers have in common?", kb)
    assert named.topic == "challenges"


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "as an ML engineer I keep losing focus with all the pings. which soft skill covers that?",
            "Maintain focus and avoid distractions",
        ),
        (
            "ai systems engineer here, I get defensive when people critique my architecture. what soft skill"
            " should I work on?",
            "willingness to consider alternative viewpoints",
        ),
        (
            "ml engineer: in design reviews I tend to ignore others and push my plan. what soft skill is"
            " that?",
            "Listen to others' ideas",
        ),
    ],
)
def test_a_soft_skill_told_in_everyday_words_leads_with_its_line(kb, question, line):
    """Losing focus, getting defensive, ignoring others: the soft skill's own line first ("focused"
    alone is a stopword, so "staying focused" found nothing; these lines were not shown)."""
    reply = handlers.ask(question, kb)
    assert reply.topic == "soft-skills" and line in reply.text[:250]


def test_choosing_between_the_role_and_another_title_shows_what_sets_them_apart(kb):
    """'Should I be a data scientist or a machine learning engineer': the line that sets the two apart
    (Key Differences, in the Overview) leads (it showed soft-skills lines naming data scientists)."""
    reply = handlers.ask("Should I be a data scientist or a machine learning engineer", kb)
    assert reply.roles == ("ai-ml-engineer",) and reply.topic == "overview"
    assert "AI/ML Engineer vs. Data Scientist" in reply.text[:400]


def test_which_career_pays_more_asks_the_pay(kb):
    """'which career path pays more?': the pay compared; "career path" only names the roles (before:
    both roles' career ladders, no figure)."""
    reply = handlers.ask("ML engineer vs MLOps: which career path pays more?", kb)
    assert (reply.intent, reply.topic) == ("compare", "salary") and "$" in reply.text[:300]
    assert handlers.ask("what does the career path of an mlops engineer look like?", kb).topic == "career"


def test_two_titles_and_nothing_else_asked_is_a_choice_between_them(kb):
    """'Machine Learning Engineer or Data Scientist?': nothing but the two is asked, so what sets them
    apart leads (before: duties naming data scientists); a point asked of either still gets its lines."""
    reply = handlers.ask("Machine Learning Engineer or Data Scientist?", kb)
    assert reply.topic == "overview" and "AI/ML Engineer vs. Data Scientist" in reply.text[:400]
    reply = handlers.ask("what do ML engineers or data scientists use for experiment tracking?", kb)
    assert "AI/ML Engineer vs. Data Scientist" not in reply.text[:400]


def test_whether_to_pursue_the_career_at_all_asks_its_outlook(kb):
    """'Should you pursue a career in machine learning engineering?', 'should you become an ML
    engineer?': whether it is worth going into, so the job outlook leads (before: the career ladder,
    the skills)."""
    for question in (
        "Should you pursue a career in machine learning engineering",
        "Should you become an ML/AI engineer?",
    ):
        reply = handlers.ask(question, kb)
        assert reply.topic == "demand" and "job security" in reply.text[:400], question


def test_a_thing_done_that_the_job_requires_asks_its_duties(kb):
    """'does mlops require building models?': what the job involves doing, its duties (before: the
    skills it asks for); 'require programming', 'require a degree' still ask the requirements."""
    reply = handlers.ask("does mlops require building models?", kb)
    assert reply.topic == "responsibilities" and "Deployment and Operationalization" in reply.text[:300]
    assert handlers.ask("does mlops require programming?", kb).topic == "requirements"


def test_a_broad_range_of_things_is_no_pay_range(kb):
    """'expected to own a broad range of things': an idiom of many things, no pay asked (before: the
    junior pay figures); 'pay range for a junior' still is."""
    reply = handlers.ask(
        "no such thing as a junior mlops engineer, you are expected to own and manage"
        " a broad range of things",
        kb,
    )
    assert reply.topic != "salary" and "$" not in reply.text[:300]
    assert handlers.ask("what's the pay range for a junior mlops engineer?", kb).topic == "salary"


def test_the_way_in_from_a_job_the_document_sets_beside_the_role_leads_with_what_changes(kb):
    """'how do I go from data scientist to ML engineer?': the line setting the two apart leads (what
    the person would do differently), then the steps in (before: degrees and maths only)."""
    reply = handlers.ask("how do I go from data scientist to ML engineer?", kb)
    assert reply.text.index("AI/ML Engineer vs. Data Scientist") < 200
    assert "Proficiency in programming languages like Python" in reply.text[:800]


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "ML engineer here: a tiny fraction of our transactions are fraud. how do I handle that"
            " in training?",
            "Addressing class imbalance in datasets",
        ),
        (
            "should our mlops team use terraform for the ml infra?",
            "Use IaC for consistent infrastructure provisioning",
        ),
    ],
)
def test_a_line_asked_about_in_other_words_leads(kb, question, line):
    """The questions people ask that a line answers (knowledge/asked) find it: fraud cases that are
    few are class imbalance, terraform for infra is infrastructure as code (before: a generic
    training practice, the tool list)."""
    assert line in handlers.ask(question, kb).text[:250]


def test_why_some_of_a_role_earn_more_than_others_asks_what_drives_its_pay(kb):
    """'why do some mlops engineers make more than others?': people of one role set beside each other,
    so what drives its pay (before: all five roles' pay side by side); 'does mlops pay more than the
    other roles?' still compares."""
    reply = handlers.ask("why do some mlops engineers make way more than others", kb)
    assert (reply.intent, reply.roles) == ("answer", ("mlops-engineer",))
    assert "Factors Affecting Salary" in reply.text[:200]
    assert handlers.ask("does mlops pay more than the other roles?", kb).intent == "compare"


def test_what_makes_the_pay_go_up_or_down_asks_its_factors(kb):
    """'same title, different offers: what makes the pay go up or down?': the factors (before: the
    average salary figures)."""
    reply = handlers.ask(
        "same production AI engineer title, different offers. what makes the pay go up or down?", kb
    )
    assert "Factors Influencing Salary" in reply.text[:200]


def test_in_high_demand_asks_the_demand_for_the_role(kb):
    """'are ml engineers in high demand?': "high" says how much demand, no subject (before: the
    skills in high demand led); 'which skills are in high demand?' still asks the skills."""
    reply = handlers.ask("are ml engineers in high demand?", kb)
    assert "Skills in High Demand" not in reply.text[:300] and "Growing Demand" in reply.text[:300]
    assert (
        "Skills in High Demand"
        in handlers.ask("which skills are in high demand for ml engineers?", kb).text[:200]
    )


def test_a_role_less_question_on_one_role_s_work_setting_is_that_role_s(kb):
    """'challenges of implementing AI in manufacturing?': manufacturing is the production AI engineer's
    work (aliases.yaml `work`), so its challenges (before: all five roles' side by side); asked across
    the roles, it stays across."""
    reply = handlers.ask("What are some challenges of implementing AI in manufacturing?", kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("production-ai-engineer",), "challenges")
    assert len(handlers.ask("which roles mention manufacturing?", kb).roles) > 1


def test_the_benefits_of_something_are_what_it_brings_not_job_benefits(kb):
    """'the key benefits of predictive maintenance for a production AI engineer': what it brings, not the
    benefits a job comes with, which no document covers (before: "benefits" named as not covered)."""
    reply = handlers.ask(
        "what are the key benefits of predictive maintenance for a production ai engineer?", kb
    )
    assert reply.uncovered == () and "benefits" not in reply.text[:200]
    assert handlers.ask("do production ai engineers get good benefits?", kb).uncovered == ("benefits",)


def test_context_naming_a_tool_leads_the_requirements_with_its_line(kb):
    """'Our shop runs everything on Kubernetes. What skills does an MLOps engineer need?': the
    requirements, led by the line the context's tool is in, not by the degree."""
    question = "Our shop runs everything on Kubernetes. What skills does an MLOps engineer need?"
    reply = handlers.ask(question, kb)
    assert reply.topic == "requirements"
    first = reply.text.split("\n")[3]
    assert "Experience with Docker and Kubernetes" in first


def test_a_switcher_s_own_background_does_not_lead_the_way_in(kb):
    """'Chemistry PhD, some R and python. How do I break into MLOps?': the context says who asks; the
    way in leads (the entry rung), not the skills line that names the Python they already have."""
    reply = handlers.ask("Chemistry PhD, some R and python. How do I break into MLOps?", kb)
    assert reply.topic == "career"
    first = reply.text.split("\n")[3]
    assert "Entry-level position" in first


def test_the_skills_a_person_has_do_not_lead_the_way_up(kb):
    """'i know python and docker. how do I become a team lead?': the rungs lead, not the skills
    line naming Python and Docker, and no line is shown twice."""
    reply = handlers.ask("I know python and docker well. How does an MLOps engineer become a team lead?", kb)
    assert reply.topic == "career"
    assert "Proficiency in Python or Java" not in reply.text.split("\n")[3]
    bullets = [ln for ln in reply.text.split("\n") if ln.startswith("•")]
    assert len(bullets) == len(set(bullets))


@pytest.mark.parametrize(
    "question",
    [
        "we're hiring an mlops engineer, what should they know?",
        "What should the MLOps engineer we hire know?",
    ],
)
def test_the_asker_s_own_hiring_is_no_job_market(question, kb):
    """'we're hiring ...': the person asking hires (typed "were"), so what the hire should know is
    asked, not who is hiring in the market."""
    reply = handlers.ask(question, kb)
    assert (reply.roles, reply.topic) == (("mlops-engineer",), "requirements")


def test_staying_sane_is_handling_stress(kb):
    """'How do ML platform engineers stay sane?': how they handle stress (the soft skills'
    Resilience), not how they stay current."""
    reply = handlers.ask("How do ML platform engineers stay sane?", kb)
    assert reply.topic == "soft-skills"
    assert "Capacity to handle stress" in reply.text[:300]


def test_one_role_beside_another_of_its_kind_is_no_comparison_of_roles(kb):
    """'what makes a great ml engineer vs a good one?': one role, not all five side by side; 'mlops
    vs platform, which one ...?' still compares the two."""
    reply = handlers.ask("what makes a great ml engineer vs a good one?", kb)
    assert (reply.intent, reply.roles) == ("answer", ("ai-ml-engineer",))
    two = handlers.ask("mlops vs platform, which one pays more?", kb)
    assert two.intent == "compare" and set(two.roles) == {"mlops-engineer", "ml-platform-engineer"}


def test_the_next_step_from_the_person_s_own_rung_is_the_rung_above(kb):
    """'i'm a senior mlops engineer, what's the next step?': the rungs above senior lead (Team Lead),
    not the whole ladder from its first rung."""
    reply = handlers.ask("i'm a senior mlops engineer, what's the next step?", kb)
    assert reply.topic == "career"
    assert "MLOps Team Lead" in reply.text.split("\n")[3]


@pytest.mark.parametrize("role", ["platform engineers", "mlops engineers", "production ai engineers"])
def test_what_tools_a_role_uses_leads_with_the_lines_naming_tools(kb, role):
    """'what tools do platform engineers use?': the lines naming tools, frameworks and platforms, not
    the first line under each heading of the requirements (the platform document's education)."""
    reply = handlers.ask(f"what tools do {role} use?", kb)
    assert reply.topic in ("requirements", "overview")
    screen = reply.text[:600]
    assert "educational background" not in screen
    assert any(tool in screen for tool in ("Kubernetes", "TensorFlow", "Terraform"))


def test_whether_two_titles_are_different_jobs_is_what_each_role_is(kb):
    """'X vs Y, are these even different jobs or just HR making up titles?': the two overviews, not
    the job market ("jobs")."""
    reply = handlers.ask(
        "AI Systems Engineer vs Production AI Engineer, are these even different jobs or just HR making up"
        " titles?",
        kb,
    )
    assert (reply.intent, reply.topic) == ("compare", "overview")
    assert "often referred to as an AI Engineer" in reply.text[:600]


def test_what_the_day_is_like_is_the_work_not_the_firefighting_challenges(kb):
    """'what's your actual day like? how much is coding vs meetings vs firefighting?': what the role
    does, not its challenges."""
    reply = handlers.ask(
        "Honest question for the people who deploy models for a living: what's your actual day like? Like how"
        " much is coding vs meetings vs firefighting?",
        kb,
    )
    assert (reply.roles, reply.topic) == (("mlops-engineer",), "responsibilities")
    assert "Deploy and integrate ML models in production environments" in reply.text[:600]


def test_an_ambiguous_name_asked_of_companies_only_one_document_pays_is_that_role(kb):
    """'does Google pay AI engineers 200k+? what about Tesla and Microsoft?': only the AI Systems
    document gives pay at those companies, so no 'which role?'; a company said as a skill is no
    such pay ("Java, AWS")."""
    reply = handlers.ask(
        "Does Google actually pay AI engineers 200k+? Blind says one thing, levels.fyi says another. What"
        " about Tesla and Microsoft?",
        kb,
    )
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-systems-engineer",), "salary")
    assert "Google: $204,579 per year" in reply.text[:400] and "Tesla: $219,122" in reply.text[:400]
    assert handlers.ask("what skills does an ai engineer need? I know java and aws", kb).intent == "clarify"


@pytest.mark.parametrize(
    "text",
    [
        "should I be the one who builds the models or the one who deploys them?",
        "I'm torn between being the person who trains the models and the person who keeps them running in"
        " prod. Which path pays more long term?",
    ],
)
def test_two_roles_described_by_their_work_side_by_side_are_compared(kb, text):
    """'the one who builds the models or the one who deploys them?': each side's work names a role
    (the ML engineer's, the MLOps engineer's), so the two are compared, not one of them alone."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "compare" and set(reply.roles) == {"ai-ml-engineer", "mlops-engineer"}


def test_a_school_named_is_no_subject_to_look_up(kb):
    """'an online MSCS (Georgia Tech OMSCS)': the school is named, never looked up as a word of the
    documents ("georgia" found as the AI Systems document's "Southern cities")."""
    reply = handlers.ask(
        "Masters worth it for AI engineering? | 27, backend dev for 3 yrs, thinking about an online MSCS"
        " (Georgia Tech OMSCS). will it actually help me land AI engineer roles or is experience all that"
        " matters?",
        kb,
    )
    assert "georgia" not in reply.text.lower() and "Southern cities" not in reply.text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("whats a typical week like for a platform engineer, lots of firefighting?", "ml-platform-engineer"),
        ("what's the average week like as an ai systems engineer", "ai-systems-engineer"),
    ],
)
def test_what_a_normal_week_looks_like_is_the_work(kb, text, role):
    """'whats a typical week like ..., lots of firefighting?': what the role does, like 'a typical
    day', not the challenges ('firefighting') or the pay ('average')."""
    reply = handlers.ask(text, kb)
    assert (reply.roles, reply.topic) == ((role,), "responsibilities")


def test_a_titles_pay_its_document_gives_is_shown_not_said_missing(kb):
    """'AI/ML engineer or data scientist? ... which pays better': the AI/ML Engineer document gives a
    data scientist's pay (Industry Trends), so it is shown beside the role's, not said to be missing."""
    reply = handlers.ask(
        "3rd year stats undergrad. AI/ML engineer or data scientist? I like modeling but also like building"
        " stuff. whats the day to day difference and which pays better",
        kb,
    )
    assert "data scientist pay" not in reply.uncovered and "says nothing about" not in reply.text[:300]
    assert "$109,143 to $131,000" in reply.text[:600] and "$101,752 to $177,612" in reply.text[:600]


def test_what_two_roles_have_in_common_is_said_first(kb):
    """'which soft skills do production ai engineers and platform engineers have in common?': the
    soft skills both documents list, named first, then each role's lines."""
    reply = handlers.ask(
        "which soft skills do production ai engineers and platform engineers have in common?", kb
    )
    both = reply.text.split("\n\n")[1]
    assert both.startswith("*In both documents:* Communication, Collaboration and Teamwork")
    assert "Time Management" not in both  # only the production AI document lists it
    assert (
        "In both"
        not in handlers.ask("compare the soft skills of production ai and platform engineers", kb).text
    )


def test_in_common_names_no_lead_in_sentence_as_a_heading(kb):
    """'what do MLOps and production AI engineers have in common?': the overview's lead-in
    "Technical skills required:" is no heading both share ("In both documents: Technical skills
    required:.")."""
    reply = handlers.ask("what do MLOps and production AI engineers have in common?", kb)
    assert reply.intent == "compare" and "required:." not in reply.text


def test_a_track_one_document_names_is_its_role(kb):
    """'What is a Risk Management AI Engineer?': a career track the platform document names as a
    label, not "which role do you mean by AI engineer?"; its line leads."""
    for asked, line in (
        ("What is a Risk Management AI Engineer?", "Identify and plan for tech risks"),
        ("what does a transformational ai engineer do", "Oversee tech aspects of business transformations"),
    ):
        reply = handlers.ask(asked, kb)
        assert (reply.intent, reply.roles) == ("answer", ("ml-platform-engineer",)), asked
        assert line in reply.text[:300], asked
    assert handlers.ask("what is a senior ai engineer?", kb).intent == "clarify"  # a rung of several


def test_will_ai_replace_its_engineers_is_the_outlook_where_said(kb):
    """'Is AI going to replace AI engineers?': AI the technology replacing, not "which role do you
    mean by AI?"; the line that says so leads the outlook of every role."""
    for asked in ("Is AI going to replace AI engineers?", "will ai replace engineers?"):
        reply = handlers.ask(asked, kb)
        assert reply.intent == "compare" and len(reply.roles) == 5, asked
        assert "AI enhancing productivity rather than replacing human developers" in reply.text[:300], asked


def test_infrastructure_as_code_is_one_thing_across_roles(kb):
    """'Which role deals most with infrastructure as code?': the MLOps document's
    infrastructure-as-code line, not every line that says "infrastructure" or "code"."""
    reply = handlers.ask("Which role deals most with infrastructure as code?", kb)
    assert reply.roles == ("mlops-engineer",)
    assert "infrastructure-as-code and CI/CD pipelines" in reply.text[:400] and "Copilot" not in reply.text


def test_two_words_the_documents_never_say_together_are_not_mentioned(kb):
    """'which roles mention transfer learning?': no document says it; not "Only MLOps Engineer
    mentions transfer" over its "secure data transfer methods". Words said together in a line
    still are ("remote work")."""
    reply = handlers.ask("which roles mention transfer learning?", kb)
    assert reply.intent == "unknown"
    assert "None of the 5 role documents mention “transfer learning”" in reply.text
    assert "data transfer" not in reply.text
    said = handlers.ask("does any of them mention remote work at all?", kb)
    assert said.roles == ("mlops-engineer",) and "Potential for remote work" in said.text[:400]


def test_which_industries_hire_leads_with_the_sectors(kb):
    """'Which industries hire AI/ML engineers?': the line naming the sectors, not the companies that
    are "actively hiring" ("hire" asks the kind, it is no point of its own)."""
    reply = handlers.ask("Which industries hire AI/ML engineers?", kb)
    first = reply.text.split("\n")[3]
    assert "technology, finance, healthcare, manufacturing" in first and "Google" not in reply.text[:250]


def test_certifications_named_in_another_document_follow_a_role_that_names_none(kb):
    """'what certifications help for mlops?': the MLOps document only says "Education and
    certifications" (a pay factor); the Production AI document's named ones follow, said to be its.
    'what certifications should a platform engineer get?' (a topic's word) says the platform
    document never mentions them."""
    reply = handlers.ask("what certifications help for mlops?", kb)
    assert reply.roles == ("mlops-engineer",)
    first = reply.text[:500]
    assert "Production AI Engineer document › Requirements" in first
    assert "AWS Machine Learning Specialty" in first
    platform = handlers.ask("what certifications should a platform engineer get?", kb)
    assert "The AI/ML Platform Engineer document doesn't mention “certifications”" in platform.text[:300]


def test_a_rare_word_the_section_only_is_asked_about_leads_from_where_it_is_said(kb):
    """'What kind of healthcare projects do ai systems engineers usually work on?': the line that
    says healthcare (Industry Applications), not only "Adapt to industry-specific AI requirements",
    which people ask about healthcare with but which never says it."""
    reply = handlers.ask("What kind of healthcare projects do ai systems engineers usually work on?", kb)
    assert "*Healthcare:* Medical imaging, drug discovery, personalized medicine" in reply.text[:300]


def test_what_a_level_does_is_its_rung_after_context_too(kb):
    """'Just graduated ... What does a junior MLOps engineer actually do day to day?': the junior
    rung's line, as asked alone, not the whole job's responsibilities."""
    reply = handlers.ask(
        "Just graduated with a CS degree, did some Kaggle stuff and one internship doing data cleaning."
        " Everyone on here says MLOps is hot right now. What does a junior MLOps engineer actually do day"
        " to day?",
        kb,
    )
    assert reply.roles == ("mlops-engineer",)
    assert "Entry-level position focusing on learning fundamentals" in reply.text[:300]


def test_the_ai_market_is_the_field_s_market_size(kb):
    """'how big is the AI market going to get?': the field's market, each document's market-size
    figures, not "which role do you mean by AI?"."""
    reply = handlers.ask("how big is the AI market going to get?", kb)
    assert reply.intent == "compare" and len(reply.roles) == 5
    assert "The global AI market is expected to grow at a CAGR of 37.3%" in reply.text[:400]


def test_a_thing_to_define_is_looked_up_across_the_roles(kb):
    """'what is shadow deployment?': the documents that mention it, not the MLOps overview (the
    word "deployment" is no work told); 'what is edge ai': "edge AI" is a thing the documents
    name, not a role to ask about."""
    shadow = handlers.ask("what is shadow deployment?", kb)
    assert shadow.intent == "compare" and "mlops-engineer" not in shadow.roles
    assert "enable shadow deployment" in shadow.text[:400]
    edge = handlers.ask("what is edge ai", kb)
    assert edge.intent == "compare" and "Edge AI enables real-time data processing" in edge.text[:400]
    assert (
        handlers.ask("What are the key differences between AI and machine learning engineers", kb).intent
        == "compare"
    )


def test_the_pay_ceiling_is_the_top_pay_not_the_path(kb):
    """'What's the pay ceiling if I stay on this path long-term?': the top figure, not the career
    ladder that "path" and "long-term" name."""
    reply = handlers.ask(
        "Been a production AI engineer at a steel company in Pittsburgh for 2 years. What's the pay"
        " ceiling if I stay on this path long-term?",
        kb,
    )
    assert reply.topic == "salary" and "Up to $338,000 per year" in reply.text[:300]


def test_go_listed_as_a_language_is_the_language(kb):
    """'Which role lists Go as a programming language?': Go, which only the platform document
    lists, not "5 of 5 roles mention programming"."""
    reply = handlers.ask("Which role lists Go as a programming language?", kb)
    assert reply.roles == ("ml-platform-engineer",)
    assert "Only *AI/ML Platform Engineer* mentions Go" in reply.text


def test_a_thing_of_several_words_is_mentioned_as_one(kb):
    """'which roles mention computer vision?', '... large language models?': the documents saying
    the thing, not every line with "computer" or "large" ("large-scale ML systems")."""
    vision = handlers.ask("which roles mention computer vision?", kb)
    assert "mention computer vision" in vision.text and "computer or vision" not in vision.text
    llms = handlers.ask("Which of the roles mention large language models?", kb)
    assert "3 of 5 roles* mention large language models" in llms.text
    assert "ml-platform-engineer" not in llms.roles and "large-scale" not in llms.text


def test_what_to_know_about_a_thing_leads_with_the_thing(kb):
    """'what does a platform engineer need to know about ethics?': the platform document's ethics
    lines (Ethical Considerations, Responsible AI), not its requirements in brief: a word said after
    "about" is what is asked, not colour ("what about ..." still asks another of the same)."""
    reply = handlers.ask("what does a platform engineer need to know about ethics?", kb)
    assert reply.roles == ("ml-platform-engineer",)
    assert "Ensuring fairness, transparency, and accountability in AI models" in reply.text[:500]
    assert "Strong educational background" not in reply.text[:500]


def test_interview_prep_is_what_the_role_requires_with_the_prep_named_as_not_covered(kb):
    """'how do I prepare for an mlops interview?': what the role requires (what an interview tests),
    with the interview questions and prep named as not covered, not "I don't have anything"."""
    reply = handlers.ask("how do I prepare for an mlops interview?", kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "requirements")
    assert reply.uncovered == ("interview questions and prep",)
    assert "Proficiency in Python, Java, R, or C++" in reply.text[:500]


def test_a_short_request_to_explain_is_a_question_in_words(kb):
    """'explain edge ai': a request in words, however short; the documents that mention edge AI,
    not "I don't know a role called edge"."""
    reply = handlers.ask("explain edge ai", kb)
    assert reply.intent == "compare" and "Edge AI enables real-time data processing" in reply.text[:400]


def test_whom_a_role_works_with_is_its_collaboration_lines(kb):
    """'who does an mlops engineer work with', 'who do platform engineers work with day to day?':
    the lines on whom they work closely with, not the duties' first lines."""
    mlops = first_screen(handlers.ask("who does an mlops engineer work with", kb))
    assert "Work closely with data scientists, software engineers, and DevOps teams" in mlops[:200]
    platform = first_screen(handlers.ask("who do platform engineers work with day to day?", kb))
    assert "Work closely with ML Engineers, Data Scientists, and Product Managers" in platform[:200]


def test_worth_becoming_one_asks_the_outlook(kb):
    """'is it worth becoming an mlops engineer': the outlook (job growth, demand), not the ladder's
    first rung and a skills list."""
    reply = handlers.ask("is it worth becoming an mlops engineer", kb)
    screen = first_screen(reply)
    assert "21% increase in jobs for MLOps engineers" in screen and "Junior MLOps Engineer" not in screen


def test_a_pay_question_pointing_back_keeps_the_level_its_context_asks(kb):
    """'... want to know salary for ml engineer entry level in US. is it more than 100k?': the entry
    level's figure, and $100,000 set against it; not every figure near $100,000."""
    screen = first_screen(
        handlers.ask(
            "hi, i am from india and want to know salary for ml engineer entry level in US. is it more"
            " than 100k?",
            kb,
        )
    )
    assert "Entry Level: ~$113,992" in screen and "$100,000 is below this figure" in screen


def test_whom_to_hire_of_two_roles_compares_what_each_does(kb):
    """'... deploy and monitor our models. Should I hire an MLOps engineer or an ML engineer?': the
    two roles' duties side by side, not their market demand ("hire" is no question about hiring
    trends here); 'is it harder to hire mlops or platform engineers?' is still the market."""
    reply = handlers.ask(
        "Our startup needs someone to deploy and monitor our models. Should I hire an MLOps engineer or an"
        " ML engineer?",
        kb,
    )
    assert reply.intent == "compare" and reply.topic == "responsibilities"
    assert "Deploy and integrate ML models in production environments" in first_screen(reply)
    assert handlers.ask("is it harder to hire mlops or platform engineers?", kb).topic == "demand"


def test_a_second_point_of_the_question_keeps_its_line_in_the_lead(kb):
    """'best practices for monitoring models and drift?': the drift line, and the monitoring list's
    'Continuously monitor model performance' too, though the rarer word 'drift' scores higher."""
    screen = first_screen(
        handlers.ask(
            "mlops eng at an adtech company, our CTR model silently degraded for 3 weeks before anyone"
            " noticed. best practices for monitoring models and drift?",
            kb,
        )
    )
    assert "Monitor for data drift" in screen and "Continuously monitor model performance" in screen


def test_the_rungs_above_are_of_the_ladder_not_the_skills_listed_after_it(kb):
    """'whats above senior mlops engineer?': the Team Lead and Director rungs, not the 'Essential Skills'
    lines that follow the ladder; 'what comes after director of mlops?', the top rung: that rung."""
    above = first_screen(
        handlers.ask("whats above senior mlops engineer? is there even a director level", kb)
    )
    assert "MLOps Team Lead:" in above and "Proficiency in Python or Java" not in above[:300]
    top = first_screen(handlers.ask("what comes after director of mlops?", kb))
    assert top.index("Director of MLOps:") < 120 and "Proficiency in Python or Java" not in top[:300]


def test_challenges_asked_with_how_they_are_solved_pair_each_challenge_with_its_fix(kb):
    """'what challenges do mlops folks face and how do they usually solve them?': each challenge, then
    its solution; not the solutions alone, which a later 'how do they fix those?' asks."""
    lines = first_screen(
        handlers.ask("what challenges do mlops folks face and how do they usually solve them?", kb)
    ).splitlines()
    challenge = next(i for i, line in enumerate(lines) if "Data discrepancies and lack of versioning" in line)
    assert "Centralize data storage" in lines[challenge + 1]
    assert sum("*Challenge:*" in line for line in lines) == sum("*Solution:*" in line for line in lines) >= 2
    _, turn = handlers.converse("What challenges do MLOps engineers usually face?", kb, [])
    fixes, _ = handlers.converse("how do they fix those?", kb, [turn])
    assert "*Challenge:*" not in first_screen(fixes) and "*Solution:*" in first_screen(fixes)


def test_a_title_seen_on_linkedin_is_no_question_about_a_profile(kb):
    """'i keep seeing Production AI Engineer on linkedin, what does that person actually do day to
    day?': the duties; "on linkedin" tells where the title was seen, not what to show on a profile.
    'what to put on my linkedin' still asks what to show."""
    reply = handlers.ask(
        "been a backend dev (java/spring boot) for 4 yrs at a fintech in Toronto. i keep seeing 'Production"
        " AI Engineer' on linkedin, what does that person actually do day to day?",
        kb,
    )
    assert reply.topic == "responsibilities"
    assert "Design and develop machine learning models" in first_screen(reply)
    profile = handlers.ask("what to put on my linkedin for platform jobs", kb)
    assert profile.topic == "requirements"


def test_a_thing_the_documents_name_with_a_topic_word_is_looked_up_across_the_roles(kb):
    """'edge ai trends', 'quantum computing trends', 'computer vision': a thing the documents say,
    asked of no role, is where they say it; not "I don't know a role called 'edge'". A word no line
    says ('what time is it', 'frontend requirements') is still not understood."""
    edge = handlers.ask("edge ai trends", kb)
    assert "Edge AI enables real-time data processing" in first_screen(edge)
    quantum = handlers.ask("quantum computing trends", kb)
    assert "Exploration of quantum computing for platform engineering" in first_screen(quantum)
    vision = handlers.ask("computer vision", kb)
    assert vision.intent == "compare" and "Computer Vision Engineers" in first_screen(vision)
    for text in (edge.text, quantum.text, vision.text):
        assert "know a role called" not in text and "couldn't tell" not in text
    assert handlers.ask("what time is it", kb).intent == "unknown"
    assert handlers.ask("frontend requirements", kb).intent == "unknown"


def test_company_pay_of_an_ambiguous_title_beats_the_asker_s_own_title(kb):
    """'ML engineer at Google ... What does the data say about AI engineer pay at Google vs Tesla?':
    the AI Systems document, the only one with those companies' pay, not the AI/ML document the
    asker's own title names (which has no figure for them)."""
    reply = handlers.ask(
        "ML engineer at Google in Mountain View, about 6 YOE. Friends at Tesla keep claiming AI folks there"
        " make more than we do. What does the data say about AI engineer pay at Google vs Tesla?",
        kb,
    )
    assert reply.roles == ("ai-systems-engineer",)
    assert "Google: $204,579 per year" in reply.text[:300] and "Tesla: $219,122" in reply.text[:300]


def test_what_one_should_be_making_is_the_pay(kb):
    """'6 yoe as an ML engineer, based in Chicago. what should i expect to be making?': the pay the
    person would be making (not what employers expect); making something is still no pay."""
    reply = handlers.ask("what should an mlops engineer expect to be making?", kb)
    assert reply.topic == "salary" and "Entry-level:* $110,000 - $120,000" in reply.text[:600], reply.text
    reply = handlers.ask(
        "I have 6 yoe as an ML engineer, based in Chicago. what should i expect to be making?", kb
    )
    assert reply.topic == "salary" and "Chicago, IL: $102,934" in reply.text[:600], reply.text
    reply = handlers.ask("what skills help an mlops engineer when making models robust in production?", kb)
    assert reply.topic != "salary", reply.text


def test_the_persons_own_title_is_no_news_to_them(kb):
    """'I'm a data scientist and want to become an ML engineer. What's actually different ...?': the
    lines that set the two apart lead, with no note that "data scientist" is none of the five roles
    (the person knows their own job); asked about, the title still gets the note."""
    reply = handlers.ask(
        "I'm a data scientist and want to become an ML engineer. What's actually different about the job?", kb
    )
    assert "isn't one of the" not in reply.text and "AI/ML Engineer vs. Data Scientist" in reply.text[:300]
    reply = handlers.ask("how is an ML engineer different from a data scientist?", kb)
    assert "“data scientist” isn't one of the 5 roles I know" in reply.text[:300]


def test_how_much_experience_is_the_years_a_document_asks_all_of_them(kb):
    """'how much experience do i need for an MLOps engineer job': both lines of its Experience list
    ("3-6 years", "18 months focused specifically on MLOps"), not lines that merely say "experience
    with Docker"; a document that gives other years elsewhere shows them too (ML Platform's overview:
    "3+ years ... and 2+ years in cloud" beside its requirements' "5+ years")."""
    reply = handlers.ask("how much experience do i need for an MLOps engineer job", kb)
    screen = reply.text[:400]
    assert "Typically 3-6 years in managing ML projects" in screen
    assert "At least 18 months focused specifically on MLOps" in screen and "Docker" not in screen
    screen = handlers.ask("How many yrs experience for AI/ML platform engineer", kb).text[:500]
    assert "5+ years of relevant experience" in screen and "2+ years in cloud environments" in screen
    assert screen.count("Strong educational background") <= 1


def test_the_persons_own_pay_in_the_context_is_no_question_about_pay(kb):
    """A long post that states the person's years and pay ('4 yoe, $140k') and then asks something
    else ('Is this a realistic internal move, and what should I learn first?') is answered on what
    it asks, not with the pay figures for 4 years; a question about that pay ('is that fair ... or
    am I underpaid?', '... or am I getting fleeced?') is still the pay."""
    post = (
        "Data scientist, 4 yoe, $140k, want to move to the ML platform team. The platform team has an"
        " opening but the JD says 5+ years and mentions Kubernetes, Kubeflow, Argo. I know Python well,"
        " some Docker, zero Go. Is this a realistic internal move, and what should I learn first to close"
        " the gap?"
    )
    reply = handlers.ask(post, kb)
    assert reply.topic != "salary" and "$" not in reply.text[:600], reply.text[:600]
    post = (
        "I'm a production AI engineer at a healthcare company, 4 yoe, ~$165k. My director made me the"
        " point person for fairness. What does ethical AI work look like for someone in my role, and how"
        " do I run a bias audit?"
    )
    reply = handlers.ask(post, kb)
    assert reply.topic == "responsibilities" and "Conduct audits to identify" in reply.text[:400]
    for post in (
        "Production AI engineer, 4 YOE, Pittsburgh, $135k base. Is that fair for mid-level or am I"
        " underpaid?",
        "Ohio, 3 yoe as a machine learning engineer, 118k base at an insurance company. Is that roughly"
        " normal for the US or am I getting fleeced?",
    ):
        assert handlers.ask(post, kb).topic == "salary", post


def test_pay_asked_by_a_breakdown_leads_with_the_figures_listed_that_way(kb):
    """'ai systems engineer salary by company': the company averages, all four; 'platform engineer
    pay by city': every city the document lists (not only the 'other cities'); 'per year' is no
    breakdown."""
    screen = handlers.ask("ai systems engineer salary by company", kb).text[:400]
    for said in (
        "Google:* $204,579",
        "Tesla:* $219,122",
        "Microsoft:* $134,357",
        "Amazon (Lead AI Engineers)",
    ):
        assert said in screen, screen
    screen = handlers.ask("platform engineer pay by city", kb).text[:600]
    assert "San Francisco, CA:* $179,061" in screen and "Chicago, IL:* $164,024" in screen, screen
    assert "Entry-level" in handlers.ask("mlops salary by level", kb).text[:200]
    reply = handlers.ask("how much does an mlops engineer earn per year", kb)
    assert "Salary Ranges by Experience_\n• *Entry-level" not in reply.text[:100]


def test_which_role_asked_about_pay_at_a_level_shows_each_ones_figure_for_it(kb):
    """'entry level AI engineer salary?': asked which role 'AI engineer' means, each candidate shows
    its entry-level figure (not its overall average), so the choice already answers."""
    reply = handlers.ask("What's a realistic entry level AI engineer salary in the US right now?", kb)
    assert reply.intent == "clarify"
    assert "*Production AI Engineer* — Range: $113,992 to $115,458 per year" in reply.text
    assert "*AI/ML Engineer* — Entry Level: ~$113,992" in reply.text
    assert "ZipRecruiter" not in reply.text
    reply = handlers.ask("for AI engineers what does bonus + stock usually look like on top of base?", kb)
    assert "Average of $36,420 (includes bonuses and stock options)" in reply.text  # the kind of pay asked
    assert "Average Salary (ZipRecruiter): $101,752" in handlers.ask("ai engineer average salary", kb).text


def test_a_percentile_written_short_is_the_percentile(kb):
    """'ml eng 90th pctile', '... 75th %ile': the percentile asked, its figure first."""
    for asked in ("ml eng 90th pctile", "ml engineer pay at the 90th %ile"):
        reply = handlers.ask(asked, kb)
        assert reply.topic == "salary" and "90th Percentile: $135,000" in reply.text[:200], asked


def test_a_role_restated_as_its_people_is_no_point_of_the_section_named(kb):
    """'moving into MLOps ... which soft skills actually matter for the ops-side model people?': the
    soft skills (named outright), not the overview lines that say "ops" and "model"; 'what ops skills
    do i need' still asks the operations skills."""
    reply = handlers.ask(
        "Pretty introverted dev, 5 yoe python, moving into MLOps next quarter. which soft skills actually"
        " matter for the ops-side model people? i kinda dread meetings tbh",
        kb,
    )
    assert reply.topic == "soft-skills" and "Communication" in reply.text[:200]
    reply = handlers.ask(
        "data scientist, tired of notebooks that never ship. thinking mlops. what ops skills do i need", kb
    )
    assert "Operations and Monitoring" in reply.text[:200]


def test_a_comparison_is_titled_by_the_section_its_lines_come_from(kb):
    """'... a "Production AI Engineer" opening ... how it differs from our MLEs. Is it the same job with
    more deployment and monitoring?': when every line set side by side comes from one section, the
    title and buttons name that section (not 'Market Demand' over best-practice lines)."""
    reply = handlers.ask(
        'My company just posted a "Production AI Engineer" opening and I honestly can\'t tell how it differs'
        " from our MLEs. Is it the same job with more deployment and monitoring, or something else?",
        kb,
    )
    shown = {line.split(" › ")[0] for line in reply.text.split("\n") if line.startswith("_") and "›" in line}
    title = reply.text.split("\n", 1)[0]
    assert reply.intent == "compare" and not shown, (
        reply.text
    )  # no line from another section than the title's
    assert title == "*Best Practices: Production AI Engineer vs AI/ML Engineer*", title


def test_what_is_asked_after_a_title_is_no_work_told(kb):
    """'Do factory AI engineers actually spend time on predictive maintenance?': "factory" tells whose
    work it is (Production AI); "predictive maintenance", after "spend time on", is asked, so its
    line leads."""
    reply = handlers.ask("Do factory AI engineers actually spend time on predictive maintenance?", kb)
    assert reply.roles == ("production-ai-engineer",)
    assert "predict equipment failures" in reply.text[:300], reply.text[:300]


def test_a_good_career_ladder_is_the_ladder_not_the_outlook(kb):
    """'what does a good career ladder look like?': "good career" is said, but the ladder is asked."""
    reply = handlers.ask("what does a good career ladder for ai/ml engineers look like", kb)
    assert (reply.roles, reply.topic) == (("ai-ml-engineer",), "career")
    screen = first_screen(reply)
    assert "Junior AI/ML Engineer roles focus on data preprocessing" in screen
    assert "Senior Engineers lead teams" in screen
    # ... while "is it a good career?" is still the outlook
    assert handlers.ask("is mlops a good career?", kb).topic == "demand"


def test_the_ladder_over_a_range_of_levels_shows_every_rung_between(kb):
    """'the progression from junior to senior': each rung in order, not the senior rung alone; 'a
    path to director' is still the way to that one rung."""
    screen = first_screen(
        handlers.ask(
            "What does the progression from junior to senior look like for AI systems engineers?", kb
        )
    )
    junior = screen.index("Assist in AI model development and data preparation")
    middle = screen.index("Design and implement sophisticated AI models")
    assert junior < middle < screen.index("Lead AI projects and make strategic decisions")
    path = first_screen(handlers.ask("senior production ai engineer here, is there a path to director?", kb))
    assert "Transition to roles like AI Team Lead, AI Director, or Director of AI" in path
    # ... "the career path from junior to senior" too, each rung in order
    ladder = first_screen(
        handlers.ask("How is the machine learning engineer career path from junior to senior?", kb)
    )
    assert ladder.index("Entry-Level:") < ladder.index("Mid-Level:") < ladder.index("Senior-Level:")
    # ... and "the ladder, junior to senior and beyond", two levels joined by "to": the rungs in order
    beyond = first_screen(handlers.ask("mlops career ladder, junior to senior and beyond?", kb))
    order = ("Junior MLOps Engineer:", "Senior MLOps Engineer:", "MLOps Team Lead:", "Director of MLOps:")
    assert [beyond.index(rung) for rung in order] == sorted(beyond.index(rung) for rung in order)


def test_the_challenges_people_deal_with_are_the_challenges_not_a_fix_for_the_story(kb):
    """'... keep missing deadlines ... What are the common challenges AI/ML engineers actually deal
    with?': what they deal with is asked (the challenges), not how to handle the deadlines told."""
    reply = handlers.ask(
        "I'm a PM at a healthtech startup. Our AI/ML engineers keep missing deadlines and every retro the"
        " answer is 'data problems'. What are the common challenges AI/ML engineers actually deal with?",
        kb,
    )
    assert (reply.roles, reply.topic) == (("ai-ml-engineer",), "challenges")
    assert "Insufficient, noisy, or inconsistent data" in first_screen(reply)
    # ... while "how do they deal with X?" still asks the fix
    fix = handlers.ask("how do mlops engineers deal with model drift?", kb)
    assert "Monitor for data drift and concept drift" in first_screen(fix)


def test_it_after_a_role_named_is_that_role_not_the_persons_level(kb):
    """'Staff data engineer ... 9 yoe. Can someone give me the overview of the AI/ML platform engineer
    role? Is it basically data engineering plus k8s?': the overview, not the senior rung (the
    person's "Staff" is no level asked of the role)."""
    reply = handlers.ask(
        "Staff data engineer (Spark, Airflow, dbt) at an e-commerce company in Atlanta, 9 yoe."
        " Can someone give me the overview of the AI/ML platform engineer role?"
        " Is it basically data engineering plus k8s?",
        kb,
    )
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "overview")
    assert "Senior AI/ML Engineer" not in first_screen(reply)


def test_an_interview_the_asker_runs_is_no_question_about_what_it_tests(kb):
    """'I'm interviewing platform engineers ... What should I expect one to be responsible for day to
    day?': the responsibilities named, not the requirements an interview tests."""
    reply = handlers.ask(
        "Robotics company in Pittsburgh, I'm interviewing platform engineers for our ML infra team. What"
        " should I expect an AI/ML platform engineer to be responsible for day to day?",
        kb,
    )
    assert reply.topic == "responsibilities"
    assert "Develop and maintain reusable frameworks for AI/ML model development" in first_screen(reply)
    prep = handlers.ask(
        "I have an interview for a platform role next week. what should i expect them to ask?", kb
    )
    assert prep.topic == "requirements"


def test_the_best_city_is_the_pay_by_city_and_a_pay_gap_is_pay(kb):
    """'best city for ml engineers': the top-paying cities (the only figures by city), not the
    overview; 'the gender pay gap for ML engineers': the gap is not covered, the pay is closest."""
    city = handlers.ask("best city for ml engineers", kb)
    assert city.topic == "salary" and "Berkeley, CA" in first_screen(city)
    gap = handlers.ask("What is the gender pay gap for ML engineers in the US?", kb)
    assert gap.topic == "salary" and "gender" in gap.text and "Common Challenges" not in gap.text


@pytest.mark.parametrize(
    "text", ["production ai engineer, is 3 years enough", "production ai engineer: is 3 years realistic?"]
)
def test_years_weighed_enough_are_set_against_the_years_the_role_asks(kb, text):
    """'is 3 years enough / realistic?': the years the role asks for lead (not its market, nor the
    junior rung an unsure model reads)."""
    reply = handlers.ask(text, kb)
    assert reply.topic == "requirements"
    assert "3+ years of experience in AI/ML development and deployment" in reply.text[:200]


def test_an_ask_the_lead_leaves_out_is_answered_after_it(kb):
    """'Is 3 years realistic, and what certifications should I look for on resumes?': the certs lead,
    and the years the role asks follow; 'Do ML platform engineers get more equity than regular SWEs?
    And what's the base for platform roles in Seattle?': Seattle's figure, then the equity line."""
    certs = handlers.ask(
        "Recruiter at a staffing firm. Client wants a Production AI Engineer with 3 years of experience and"
        " 'relevant certs'. Is 3 years realistic, and what certifications should I look for on resumes?",
        kb,
    )
    screen = first_screen(certs)
    assert "Relevant certifications in AI, cloud platforms" in screen
    assert "3+ years of experience in AI/ML development and deployment" in screen
    equity = handlers.ask(
        "Comparing offers in Seattle. Do ML platform engineers get more equity than regular SWEs? And what's"
        " the base for platform roles in Seattle?",
        kb,
    )
    screen = first_screen(equity)
    assert "Seattle, WA:* $173,517 per year" in screen
    assert "Higher median annual equity offered to ML engineers" in screen


def test_a_title_said_as_the_owner_of_a_thing_is_no_job_asked_about(kb):
    """'take the data scientist's pickle file, wrap it in FastAPI ... What's the career path for that
    job?': "that job" is the work told, not the data scientist's (no "isn't one of the five")."""
    reply = handlers.ask(
        "I do the stuff where you take the data scientist's pickle file, wrap it in FastAPI, set up CI/CD,"
        " and page someone when accuracy drops. What's the career path for that job?",
        kb,
    )
    assert "data scientist" not in reply.uncovered and "isn't one of them" not in reply.text
    titled = handlers.ask("I keep seeing 'AI trainer' gigs on upwork. Is that a real career path?", kb)
    assert "AI trainer" in titled.uncovered


def test_a_tool_only_another_document_names_is_said_so_with_its_line(kb):
    """'Do AI/ML engineers need to know CUDA?': the AI/ML document never says CUDA; the note says the
    Platform document does, and quotes its line (CUDA is a word the documents name GPU programming by)."""
    reply = handlers.ask("Game dev here (C++, 7 years). Do AI/ML engineers need to know CUDA?", kb)
    assert (
        "_The AI/ML Engineer document doesn't mention “CUDA”; the AI/ML Platform Engineer document does:"
        " Knowledge of GPU programming concepts (e.g., CUDA)._" in reply.text[:300]
    )
    steps = handlers.ask("What are the career steps for an AI systems engineer, from junior to senior?", kb)
    assert "Assist in AI model development" in first_screen(steps)


def test_a_part_of_the_pay_package_no_document_covers_points_to_the_pay(kb):
    """'What 401k match is typically offered to AI/ML engineers?': not covered, and the closest topic
    offered first is the pay (not their career development)."""
    reply = handlers.ask(
        "What 401k match is typically offered to AI/ML engineers? I'm an accountant in Dallas considering"
        " a career change.",
        kb,
    )
    assert "401k" in reply.uncovered or reply.intent == "unknown"
    assert reply.topic == "salary" and "Career Development ·" not in reply.text
    assert "Closest topics: Salary" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "what non-coding skills do mlops engineers need",
        "beyond the tech skills, what makes a good mlops engineer?",
    ],
)
def test_skills_other_than_the_technical_are_the_soft_skills(kb, text):
    """'non-coding skills', 'beyond the tech skills': the soft skills, not the technical list."""
    reply = handlers.ask(text, kb)
    assert reply.topic == "soft-skills" and "Programming:" not in first_screen(reply)


def test_a_request_to_review_a_resume_is_said_to_be_beyond_rolebot(kb):
    """'can you review my resume for an ML platform role': a task, said plainly, with the role's
    requirements offered; 'what should I put on my resume for mlops' is still a question."""
    reply = handlers.ask("can you review my resume for an ML platform role", kb)
    assert reply.intent == "unknown" and reply.uncovered == ("review my resume",)
    assert "`/role platform requirements`" in reply.text
    asked = handlers.ask("what should I put on my resume for mlops", kb)
    assert asked.intent == "answer" and asked.roles == ("mlops-engineer",)
    grow = handlers.ask("how does someone grow from junior to director as an AI systems engineer", kb)
    assert "Assist in AI model development" in first_screen(grow)


def test_a_covered_alternative_to_what_is_not_covered_is_answered(kb):
    """'do mlops engineers do support or on-call?': on-call is named as not covered, and the support
    the document does say leads; 'the interview process, leetcode or system design?' asks the
    interview itself: still not covered."""
    reply = handlers.ask("do mlops engineers do support or on-call?", kb)
    assert reply.intent == "answer" and reply.uncovered == ("on call",)
    assert "Provide second-level support for AI products and systems" in first_screen(reply)
    interview = handlers.ask("whats the interview process for mlops roles, leetcode or system design?", kb)
    assert interview.intent == "unknown"


def test_the_money_after_some_years_is_the_pay_at_that_experience(kb):
    """'what's the money like for an ML engineer after 5 years': the 5-7 years figures, not the
    averages (after N years, asked of the pay, is experience, not a time ahead)."""
    reply = handlers.ask("what's the money like for an ML engineer after 5 years", kb)
    assert "Machine Learning Engineers: ~$189,477" in reply.text[:300]


def test_talking_to_people_who_dont_code_is_communication(kb):
    """'how do production AI engineers talk to the business ppl who dont code': the soft skills'
    communication line, not the duties that say "business"."""
    reply = handlers.ask("how do production AI engineers talk to the business ppl who dont code", kb)
    assert reply.topic == "soft-skills"
    assert "technical and non-technical stakeholders" in first_screen(reply)


def test_go_capitalised_past_a_sentences_start_is_the_language(kb):
    """'Would Go actually be useful for an AI/ML platform engineering job, or is it all Python?': Go,
    the language its documents list; 'Let's Go! mlops salary' is still the pay, no language."""
    reply = handlers.ask(
        "I'm a backend dev (Go, 5 yrs, Berlin). Would Go actually be useful for an AI/ML platform"
        " engineering job, or is it all Python?",
        kb,
    )
    assert "Proficiency in languages such as Python, Go" in first_screen(reply)
    pay = handlers.ask("Let's Go! mlops salary", kb)
    assert pay.topic == "salary" and "“Go”" not in pay.text


def test_what_is_set_aside_does_not_narrow_the_section_asked(kb):
    """'Besides the technical stuff, what soft skills ...?': the soft skills from their start, not the
    lines that say "technical" (what the question leaves out)."""
    reply = handlers.ask(
        "Besides the technical stuff, what soft skills do AI/ML engineers actually need?", kb
    )
    screen = first_screen(reply)
    assert reply.topic == "soft-skills"
    assert "Problem-Solving and Critical Thinking" in screen and "Collaboration and Teamwork" in screen


def test_a_company_size_is_no_level(kb):
    """'an offer from a mid-size company': the size of the company, not the mid-level pay."""
    reply = handlers.ask(
        "Got an offer from a mid-size company, 135k base. Is that fair for AI systems engineers?", kb
    )
    assert reply.topic == "salary"
    assert "mid level" not in first_screen(reply).lower()


def test_the_two_jobs_the_context_names_are_the_role_beside_the_title(kb):
    """'Data scientist ... I should rebrand as an ML engineer. What's the difference between the two
    jobs?': the AI/ML document's line setting the two side by side, not all five roles."""
    reply = handlers.ask(
        "Data scientist, 4 years at a regional bank. Everyone keeps telling me I should rebrand as an ML "
        "engineer. What's actually the difference between the two jobs?",
        kb,
    )
    assert reply.roles == ("ai-ml-engineer",)
    assert "AI/ML Engineer vs. Data Scientist" in first_screen(reply)


def test_which_company_pays_most_ranks_the_companies_the_document_lists(kb):
    """'which company pays ai systems engineers the most': the company figures, highest first."""
    screen = first_screen(handlers.ask("which company pays ai systems engineers the most", kb))
    assert "Company-Specific Averages" in screen
    assert screen.index("Tesla") < screen.index("Google") < screen.index("Microsoft")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("which role is more about building infrastructure for other ML teams", "ml-platform-engineer"),
        ("which of the roles is mostly about keeping models running in production", "mlops-engineer"),
        ("which job is about training and tuning models", "ai-ml-engineer"),
    ],
)
def test_one_role_asked_by_its_work_is_named(kb, text, role):
    """'which role is more about X?': the role whose work X is (the work model), not every role
    whose document says a word of X."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.roles == (role,)
    assert "5 of 5 roles" not in reply.text


def test_roles_asked_by_a_thing_they_mention_stay_across(kb):
    """'which roles need kubernetes?' asks every role that says it, not the one whose work it is."""
    assert len(handlers.ask("which roles need kubernetes?", kb).roles) > 1


def test_two_asks_of_one_section_are_both_answered(kb):
    """'how do ML engineers handle imbalanced classes? and what do they use to explain a model's
    decisions?': both points of the challenges, not the first alone."""
    reply = handlers.ask(
        "For ML engineers: how do you handle imbalanced classes? And what do they use to explain a "
        "model's decisions?",
        kb,
    )
    screen = first_screen(reply)
    assert "resampling, cost-sensitive learning" in screen and "SHAP, LIME" in screen


def test_what_a_role_name_stands_for_is_its_overview(kb):
    """'what does mlops stand for': the name explained (the overview's opening), not the duties."""
    reply = handlers.ask("so what does mlops even stand for", kb)
    assert reply.topic == "overview"
    assert "often referred to as an MLOps Engineer" in first_screen(reply)


@pytest.mark.parametrize(
    "text", ["is a 4 year vest normal for ml engineers?", "do ml engineers need a 4 year degree?"]
)
def test_the_length_of_a_thing_is_no_years_of_experience(engine, text):
    """'a 4 year vest', 'a 4 year degree': how long the thing lasts, not the person's experience."""
    assert engine.matcher.match(text).focus.years is None


def test_what_a_role_is_expected_to_do_is_its_duties(kb):
    """'what are production AI engineers expected to do on the ethics side?': the ethical AI duties,
    not the requirement to understand AI ethics."""
    reply = handlers.ask("what are production AI engineers expected to do on the ethics side?", kb)
    assert reply.topic == "responsibilities"
    assert "Conduct audits to identify and mitigate potential biases" in first_screen(reply)


def test_what_experience_is_expected_is_the_requirements(kb):
    """'... what experience do they actually expect?' after a description of the work: the experience
    the requirements ask for, not the duties the description's words match."""
    reply = handlers.ask(
        "say I want to be one of the people who ship and babysit models for a living, what experience do "
        "they actually expect?",
        kb,
    )
    assert reply.topic == "requirements"


def test_a_rungs_pay_asked_beside_the_ladder_comes_under_its_rung(kb):
    """'the ladder above senior, and what would a Director of MLOps make?': the director's pay, shown under
    the director rung (not under whichever rung comes before it)."""
    screen = first_screen(
        handlers.ask(
            "Senior MLOps engineer, 7 years. What's the ladder above senior, and what would a "
            "Director of MLOps make?",
            kb,
        )
    )
    assert "$198,125 - $237,500" in screen
    assert screen.index("Director of MLOps") < screen.index("$198,125")
    # ... also when the lead shows the director rung first and other rungs after it: its pay right
    # under it, not under the Senior rung that ends the lead
    lines = first_screen(
        handlers.ask(
            "currently a junior mlops eng at an insurance co (1.5 yrs). what does the ladder look like from"
            " here? and what does a director of mlops actually earn",
            kb,
        )
    ).splitlines()
    director = next(i for i, line in enumerate(lines) if "Director of MLOps:" in line)
    assert "$198,125 - $237,500" in lines[director + 1]


class TestStandInLevels:
    """'staff' and 'principal' are read as senior, the closest rung; no document says them."""

    @pytest.mark.parametrize(
        "text",
        ["staff mlops engineer salary", "what does it take to reach staff as an ml platform engineer?"],
    )
    def test_a_level_no_document_names_is_said_beside_the_senior_answer(self, kb, text):
        reply = handlers.ask(text, kb)
        assert "staff" in reply.uncovered and "says nothing about “staff”" in first_screen(reply)

    def test_staff_as_people_is_no_level(self, kb):
        reply = handlers.ask(
            "the call center staff hate our ai tool. as an ai systems engineer what can i do?", kb
        )
        assert "staff" not in reply.uncovered


@pytest.mark.parametrize(
    "text",
    [
        "Engineering manager planning a team: how do MLOps and platform engineer responsibilities differ?",
        "product manager hiring for an ml platform team, what do those engineers do?",
    ],
)
def test_a_title_opening_a_message_with_what_its_writer_does_is_no_subject(kb, text):
    """The writer's own title ("engineering manager planning a team") is not a job asked about."""
    reply = handlers.ask(text, kb)
    assert reply.intent in ("answer", "compare") and not reply.uncovered


@pytest.mark.parametrize("text", ["what's a risk management ai engineer?", "risk management ai engineer"])
def test_a_track_named_in_full_is_its_line_though_its_words_name_a_topic(kb, text):
    """'risk' of the title names no challenge: the platform document's Specialized Career Tracks line."""
    reply = handlers.ask(text, kb)
    assert reply.roles == ("ml-platform-engineer",) and reply.topic == "career"
    assert "Identify and plan for tech risks" in first_screen(reply)[:300]


@pytest.mark.parametrize("text", ["what is an ai ethicist?", "which roles mention ai ethicists?"])
def test_a_title_one_document_lists_is_shown_there_and_said_to_be_none_of_the_five(kb, text):
    """'AI ethicist' is no choice between the AI roles: the production document's emerging roles,
    with the note that it is none of the five."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.roles == ("production-ai-engineer",)
    assert "isn't one of the 5 roles" in first_screen(reply) and "AI Ethicists" in first_screen(reply)


def test_a_share_said_is_a_figure_to_find(kb):
    """'which roles cite 23% job growth?': the two documents that say 23%, not every role's market;
    'top 10%' stays a percentile and '100% accurate' no figure."""
    reply = handlers.ask("which roles cite a 23% job growth figure?", kb)
    assert set(reply.roles) == {"ai-systems-engineer", "production-ai-engineer"}
    assert "23% between 2022 and 2032" in first_screen(reply)
    assert handlers.ask("what do the top 10% of platform engineers make?", kb).focus == ("90th Percentile",)


def test_a_section_named_with_few_lines_on_an_everyday_word_goes_on_with_the_section(kb):
    """'implementing' finds two challenge lines; the section asked by name goes on in brief after
    them (its whole list is about factories), but a point asked ("which clouds?") stays the point."""
    reply = handlers.ask("what challenges come with implementing AI at a factory?", kb)
    assert (reply.roles, reply.topic) == (("production-ai-engineer",), "challenges")
    screen = first_screen(reply)
    assert screen.index("Implementing streaming analytics") < screen.index(
        "Difficulty finding experienced AI"
    )
    assert "Diverse and outdated technologies in manufacturing sites" in screen
    _, turn = handlers.converse("what are mlops engineer requirements?", kb, [])
    point, _ = handlers.converse("and which clouds", kb, [turn])
    assert "Familiarity with AWS, Azure, or GCP" in point.text
    assert point.text.count("•") <= 4


@pytest.mark.parametrize(
    "text", ["which trends are redefining the industry?", "what trends are reshaping the field?"]
)
def test_a_verb_in_ing_after_is_or_are_is_no_role_name(kb, text):
    """'... are redefining the industry': a verb the documents do not use, not "a role called
    'redefining'": which role's trends?"""
    reply = handlers.ask(text, kb)
    assert reply.intent == "clarify" and reply.topic == "trends"
    assert "role called" not in reply.text


def test_a_place_asked_in_passing_beside_a_pay_question_is_named_as_not_covered(kb):
    """'What do MLOps engineers earn? I live in Glasgow, curious how Scotland compares': the pay the
    documents give, and the two places named in the reply's `uncovered` and its text; a place only
    told ("at a bank in Cardiff here") is not."""
    reply = handlers.ask("What do MLOps engineers earn? I live in Glasgow, curious how Scotland compares", kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "salary")
    assert set(reply.uncovered) == {"Glasgow", "Scotland"}
    assert "says nothing about “Glasgow” or “Scotland”" in first_screen(reply)
    assert "Entry-level:* $110,000 - $120,000" in first_screen(reply)
    told = handlers.ask("backend dev at a bank in Cardiff here. what do mlops engineers earn?", kb)
    assert told.uncovered == () and told.topic == "salary"


def test_a_rung_offered_past_after_leads_not_the_rungs_after_the_first(kb):
    """'senior for 8 years now. what comes after senior - director of AI, or stay IC?': the rung
    offered past "after" (Director of AI) leads; 'whats the next step after senior?' is the rungs
    after senior, as before."""
    reply = handlers.ask(
        "ai systems engineer, senior for 8 years now. what comes after senior? director of AI, or stay IC?",
        kb,
    )
    assert reply.roles == ("ai-systems-engineer",) and reply.topic == "career"
    screen = first_screen(reply)
    assert screen.split("• ", 1)[1].startswith("Director of AI or similar executive positions")
    step = handlers.ask("senior ai systems engineer, whats the next step after senior?", kb)
    assert "Director of AI or similar executive positions" in first_screen(step)


@pytest.mark.parametrize(
    "text",
    [
        "what skills and education does an ai systems engineer need?",
        "ai systems engineer: education/skills needed?",
    ],
)
def test_a_point_asked_beside_the_whole_section_is_followed_by_the_section_in_brief(kb, text):
    """'skills and education': the education lines, then the technical lists; 'what education?' alone
    stays the education."""
    reply = handlers.ask(text, kb)
    screen = first_screen(reply)
    assert (reply.roles, reply.topic) == (("ai-systems-engineer",), "requirements")
    assert "Bachelor's degree in computer science, data science, IT, statistics" in screen
    assert "Proficiency in Python, R, Java, or C++" in screen
    alone = handlers.ask("what education does an ai systems engineer need?", kb)
    assert "Proficiency in Python, R, Java, or C++" not in alone.text


def test_it_after_a_role_told_in_the_context_is_that_role_set_beside_the_one_asked(kb):
    """'my friend just became a production AI engineer. is it different from what a normal ML engineer
    does?': those two, not all five."""
    for text in (
        "my friend just became a production AI engineer. is it different from what a normal MLE does?",
        "my sister was just hired as an MLOps engineer. is it different from what a platform engineer does?",
    ):
        reply = handlers.ask(text, kb)
        assert reply.intent == "compare" and len(reply.roles) == 2, text


def test_ai_said_of_the_thing_leaves_the_role_the_question_names(kb):
    """'we run the company's developer platform (kubernetes, argo) ... how is AI changing this kind of
    platform work?': the platform role's trends; the context's tools do not pick an AI engineer."""
    text = (
        "we run the company's internal developer platform (kubernetes, argo) and the execs want AI in "
        "everything. how is AI changing this kind of platform work?"
    )
    reply = handlers.ask(text, kb)
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "trends")


@pytest.mark.parametrize("text", ["which roles need erlang?", "do any jobs require elixir?"])
def test_which_roles_need_a_thing_no_document_names_says_none_does(kb, text):
    """Not "Sorry, I couldn't tell what you mean by “erlang”": none of the five asks for it."""
    reply = handlers.ask(text, kb)
    assert reply.text.startswith("None of the 5 role documents mention") and reply.uncovered


@pytest.mark.parametrize("text", ["platform ml engineer salary", "what do platform ai engineers do?"])
def test_the_platform_role_named_words_first_is_the_platform_role(kb, text):
    assert handlers.ask(text, kb).roles == ("ml-platform-engineer",)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("do mlops engineers get RSUs?", "Up to $36,420 on average (bonuses and benefits)"),
        ("is there a signing bonus for ai/ml engineers?", "Average additional cash compensation of $44,362"),
        ("does netflix pay ml engineers a sign-on bonus", "Average additional cash compensation of $44,362"),
        (
            "do production ai engineers get equity refreshers?",
            "Average of $36,420 (includes bonuses and stock",
        ),
    ],
)
def test_pay_on_top_of_base_no_document_names_gives_the_extra_pay_it_does(kb, text, line):
    """'do they get RSUs?': not a flat "I don't have anything on RSUs"; the document's pay on top of
    base answers, and the kind asked is named as not covered."""
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.topic == "salary" and reply.uncovered
    assert "says nothing about" in reply.text[:200] and line in first_screen(reply)


def test_how_stock_vests_is_not_covered(kb):
    """'what happens to my unvested stock if I leave?' asks the rules, which no document gives."""
    reply = handlers.ask(
        "if i leave a production ai engineer job after 18 months what happens to my unvested stock", kb
    )
    assert reply.intent == "unknown" and reply.uncovered


@pytest.mark.parametrize("opener", ["Out of curiosity,", "Long time lurker, first post."])
def test_an_opener_is_no_subject_of_an_across_roles_question(kb, opener):
    """'Out of curiosity, which roles list kubernetes?': not "Only Production AI Engineer mentions
    curiosity"; the roles that need kubernetes."""
    reply = handlers.ask(f"{opener} which roles need kubernetes?", kb)
    assert "“Kubernetes” in the role documents" in reply.text[:60], reply.text[:80]
    assert "curiosity" not in reply.text.lower() and "lurker" not in reply.text.lower()


def test_what_is_hard_about_the_work_day_to_day_is_its_challenges(kb):
    """'what's hard about mlops day to day?': the hard parts, however often; 'what's so hard about
    getting into it?' asks the way in."""
    reply = handlers.ask("what's hard about mlops day to day", kb)
    assert reply.topic == "challenges" and "Data discrepancies and lack of versioning" in first_screen(reply)
    assert handlers.ask("what's so hard about getting into mlops?", kb).topic == "career"


def test_a_question_beside_an_uncovered_one_is_answered_though_its_words_name_no_topic(kb):
    """'what does an mlops engineer do, also hows the wlb': the duties answered, work-life balance
    named as not covered (before: the duties answered and the WLB dropped, or nothing but WLB)."""
    reply = handlers.ask("what does mlops engineer do, also hows the wlb", kb)
    assert (reply.intent, reply.topic, reply.uncovered) == ("answer", "responsibilities", ("wlb",))
    assert "says nothing about “WLB”" in reply.text
    assert "Deploy and integrate ML models in production environments" in first_screen(reply)


def test_an_acronym_is_not_named_beside_its_words(kb):
    """'hows the wlb?': WLB named as not covered, but not beside "work life balance" said too."""
    assert handlers.ask("hows the wlb for mlops engineers?", kb).uncovered == ("wlb",)
    reply = handlers.ask(
        "WLB in mlops? Is work-life balance better than in SRE, and what's the job outlook?", kb
    )
    assert "work life balance" in reply.uncovered and "wlb" not in reply.uncovered


def test_the_pay_asked_after_a_plan_of_ones_own_is_the_pay(kb):
    """'... If I switch to a company that gives me the proper title, what should I expect to be paid in
    NYC?': the platform role's New York figure, not the market-demand lines on a salary premium."""
    reply = handlers.ask(
        "At my job I basically build the internal stuff our data scientists use to train and serve models: a"
        " feature store, a training platform on k8s, Kubeflow pipelines, KServe for serving. My manager says"
        " I'm 'platform' but my title is just SWE II. If I switch to a company that gives me the proper"
        " title, what should I expect to be paid in NYC?",
        kb,
    )
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "salary")
    assert "$184,982 - $205,044" in first_screen(reply)


def test_the_level_told_before_is_the_level_pointed_at(kb):
    """'Relocating ... as a senior AI Systems Engineer. What should I expect in SF at that level?': the
    senior range beside the San Francisco figure; "as the only non-senior ... at my level" tells none."""
    reply = handlers.ask(
        "Relocating from Chicago to San Francisco as a senior AI Systems Engineer. What kind of salary should"
        " I expect in SF at that level?",
        kb,
    )
    screen = first_screen(reply)
    assert "$150,000 - $207,479 or higher" in screen and "Up to $300,600" in screen
    reply = handlers.ask(
        "Joined an ML platform team last month as the only non-senior. what do they normally expect from"
        " someone at my level?",
        kb,
    )
    assert "for Senior Roles" not in first_screen(reply)


def test_how_many_years_in_short_gives_all_the_years_the_document_asks(kb):
    """'how many yrs exp for mlops': both lines of its Experience heading (3-6 years, 18 months in MLOps),
    not one of them beside lines that merely say "experience with"."""
    screen = first_screen(handlers.ask("how many yrs exp for mlops", kb))
    assert "Typically 3-6 years in managing ML projects" in screen
    assert "At least 18 months focused specifically on MLOps" in screen
    assert "Experience with Docker and Kubernetes" not in screen


@pytest.mark.parametrize(
    "text",
    [
        "how much years of experience mlops engineers need?",
        "we're hiring for an mlops role, what experience level should we look for?",
    ],
)
def test_years_asked_in_other_words_give_all_the_years(kb, text):
    """ "how much years" (a learner's grammar) and "what experience level" ask the years too: both
    lines of the Experience heading, not lines that merely say "experience with"."""
    screen = first_screen(handlers.ask(text, kb))
    assert "Typically 3-6 years in managing ML projects" in screen
    assert "At least 18 months focused specifically on MLOps" in screen


def test_reqs_in_short_names_the_requirements(kb):
    """'platform eng reqs pls': the requirements, not the overview the model guesses for "... pls"."""
    assert handlers.ask("platform eng reqs pls", kb).topic == "requirements"


def test_a_comparison_on_a_held_point_beside_an_uncovered_one_is_answered(kb):
    """'someone who likes monitoring and on-call style work: MLOps or AI systems engineer?': not a flat
    "I don't have anything on on call"; the monitoring lines of both, on-call named as not covered."""
    reply = handlers.ask(
        "Which is better for someone who likes monitoring and on-call style work: MLOps or AI systems"
        " engineer?",
        kb,
    )
    assert reply.intent == "compare" and reply.uncovered == ("on call",)
    assert "Establish alerts for anomalies and conduct root cause analysis" in first_screen(reply)


def test_roles_listed_after_which_of_are_all_compared(kb):
    """'Which of MLOps, platform and production AI engineer pays best at senior level?': all three, the
    platform role named by its everyday word too, not silently left out."""
    reply = handlers.ask("Which of MLOps, platform and production AI engineer pays best at senior level?", kb)
    assert reply.intent == "compare" and set(reply.roles) == {
        "mlops-engineer",
        "ml-platform-engineer",
        "production-ai-engineer",
    }


def test_a_thing_said_with_ai_is_asked_of_the_role_the_context_names(kb):
    """'... the industry trends for AI/ML platform engineering. Anything about serverless or generative
    AI?': "generative AI" is a thing, not the ambiguous AI engineer, so the platform role's trends
    answer, with both headings, not "“serverless” in the role documents"."""
    reply = handlers.ask(
        "Our company is debating whether to hire platform people to build internal ML infrastructure."
        " Before I pitch it, I want to understand what the industry trends are for AI/ML platform"
        " engineering. Anything about serverless or generative AI?",
        kb,
    )
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ml-platform-engineer",), "trends")
    screen = first_screen(reply)
    assert "Serverless Computing" in screen and "Generative AI and Code Assistance" in screen


def test_a_bare_ask_after_a_reported_question_asks_it(kb):
    """ "HR wants to know whether our next MLOps hire needs a master's degree. What's expected?": the
    question the first sentence reports is what the bare ask asks, so the degrees lead, not the overview."""
    reply = handlers.ask(
        "HR wants to know whether our next MLOps hire needs a master's degree. What's expected?", kb
    )
    assert reply.topic == "requirements"
    assert "Advanced degrees (Master's or Ph.D.) are beneficial" in first_screen(reply)


def test_a_full_question_after_a_reported_one_stands(kb):
    """A reported question in the context does not displace a question asked in full."""
    reply = handlers.ask(
        "A friend asked me whether it is worth it. Honestly, how much does a senior MLOps engineer make?", kb
    )
    assert reply.topic == "salary" and "$200,000 - $220,000" in first_screen(reply)


@pytest.mark.parametrize(
    "text",
    [
        "what budget should we plan for a senior mlops engineer?",
        "how much budget for a platform engineer hire",
    ],
)
def test_a_hiring_budget_is_the_pay(kb, text):
    """A hiring manager's budget for a level is that level's pay."""
    reply = handlers.ask(text, kb)
    assert reply.topic == "salary" and "$" in first_screen(reply)


def test_the_interview_process_asked_beside_what_it_tests_is_named(kb):
    """ "how does the mlops interview process work and what skills do they test?": the skills answered,
    the interview's course named as not covered (not dropped as the mere occasion)."""
    reply = handlers.ask("how does the mlops interview process work and what skills do they test?", kb)
    assert reply.intent == "answer" and reply.topic == "requirements"
    assert reply.uncovered == ("interview process",)
    assert "says nothing about “interview process”" in first_screen(reply)


def test_what_an_interview_tests_alone_names_nothing_uncovered(kb):
    """The interview as the occasion only: what it tests is the requirements, nothing named."""
    reply = handlers.ask("which ml topics will they test in an mlops interview?", kb)
    assert reply.topic == "requirements" and reply.uncovered == ()


def test_a_word_of_a_phrase_named_uncovered_is_not_named_again(kb):
    """ "how many interview rounds ... and what do they pay?": the rounds named once, in the phrase."""
    reply = handlers.ask("how many interview rounds for an mlops job and what do they pay?", kb)
    assert reply.topic == "salary" and len(reply.uncovered) == 1 and "round" in reply.uncovered[0]


def test_include_is_the_askers_verb_not_a_point(kb):
    """ "What duties should our ML engineer JD include?": the duties in brief, each heading, not only the
    lines that say "including"."""
    screen = first_screen(handlers.ask("What duties should our ML engineer job description include?", kb))
    assert "Design, develop, and refine machine learning models and algorithms" in screen
    assert "Deploy machine learning models to production environments" in screen


def test_what_separates_two_levels_shows_both_rungs(kb):
    """ "what separates a junior ai engineer from a senior one in production ai?": both rungs of the
    ladder, lowest first, not the senior rung alone."""
    screen = first_screen(
        handlers.ask("what separates a junior ai engineer from a senior one in production ai?", kb)
    )
    junior = screen.find("Clean and prepare data under senior guidance.")
    senior = screen.find("Lead AI projects and make strategic decisions.")
    assert 0 <= junior < senior


def test_a_terse_ask_for_the_tools_lists_them(kb):
    """ "platform eng toolset pls": the lines naming its tools, its own Tools and Technologies heading
    (Kubeflow, KServe, Argo) on the first screen, not the section from its introduction."""
    screen = first_screen(handlers.ask("platform eng toolset pls", kb))
    assert "Kubeflow, KServe, and Argo Workflows" in screen and "To excel as" not in screen


def test_a_long_story_of_factory_work_outweighs_a_people_who_description(kb):
    """A long message about a plant's defect-spotting vision and failure-predicting models, ending
    "the person who keeps these models running in production": the factory's AI engineer (whose
    challenges are the plant's), not MLOps from the description alone."""
    reply = handlers.ask(
        "Our stamping plant added cameras that flag cracked parts, plus a model that warns us before a "
        "press breaks down. I'm a maintenance tech who wants to be the person who keeps these models "
        "running in production on the shop floor long term. What are the hardest parts of that job?",
        kb,
    )
    assert reply.roles == ("production-ai-engineer",) and reply.topic == "challenges"


def test_which_is_easier_to_get_into_without_a_ranking_sets_the_entry_bars_side_by_side(kb):
    """ "ml engineer or ai systems engineer, which one's easier to break into?": neither document states
    years, so no ranking: each one's degree and entry rung side by side, and the ranking itself named
    as not covered (in the question's own word)."""
    reply = handlers.ask("ml engineer or ai systems engineer, which one is easier to break into?", kb)
    screen = first_screen(reply)
    assert reply.intent == "compare" and reply.uncovered == ("which is easier to get into",)
    assert "Bachelor's degree in a related field" in screen
    assert "Bachelor's degree in computer science, data science, IT, statistics, or related fields" in screen
    assert "*Entry-Level:* Junior AI/ML Engineer roles" in screen


def test_the_role_a_long_account_of_work_says_one_teaches_is_not_ones_own(kb):
    """A long account of platform work ending "I also coach ML engineers on our tooling": the ML
    engineers are taught, not the asker's role; the work told decides (the platform role's pay)."""
    reply = handlers.ask(
        "I run the shared GPU training cluster and the feature store our data scientists depend on, keep "
        "the KServe model serving stack up, and I also coach ML engineers on our internal tooling. "
        "Thinking of moving to Seattle. What's the going rate there for this kind of work?",
        kb,
    )
    assert reply.roles == ("ml-platform-engineer",) and reply.topic == "salary"


def test_a_short_list_under_a_line_is_shown_whole(kb):
    """ "in what industries do production ai engineers work?": "AI integration is expanding across various
    sectors, including:" with all four of its sub-items, not the first three."""
    screen = first_screen(handlers.ask("in what industries do production ai engineers work?", kb))
    at = screen.find("AI integration is expanding across various sectors, including:")
    assert at >= 0
    for sector in ("Healthcare", "Automotive", "Finance", "Information Technology"):
        assert f"    • {sector}" in screen[at:]


def test_which_is_in_more_demand_sets_the_stated_growth_side_by_side(kb):
    """ "mlops or ml engineer, which one has more demand?": the growth each document states, side by side,
    not each market section's first lines."""
    reply = handlers.ask("mlops or ml engineer, which one has more demand right now?", kb)
    screen = first_screen(reply)
    assert reply.intent == "compare" and screen.startswith("*Growth outlook*")
