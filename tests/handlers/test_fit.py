"""Role fit: the roles ranked by the person's skills, what they lack first, follow-ups in a thread."""

from __future__ import annotations

import pytest

import handlers
from handlers.followup import Turn
from handlers.understand import plan
from tests.handlers.test_replies import assert_within_limits, block_text

FIRST_SCREEN = 600


def first_screen(reply) -> str:
    return reply.text[:FIRST_SCREEN]


class TestWhatToPickUp:
    def test_what_to_pick_up_for_a_named_role_is_its_gaps(self, kb):
        reply = handlers.ask(
            "Staff backend engineer here (distributed systems, Go, k8s). "
            "What would I have to pick up to move into ML platform engineering?",
            kb,
        )
        assert reply.roles == ("ml-platform-engineer",) and "your gaps" in reply.text[:200]
        assert "machine learning frameworks" in first_screen(reply)

    @pytest.mark.parametrize(
        "text",
        [
            # "the ML side" is no role beside the one set out for
            "I'm a DevOps engineer (k8s, terraform, GitLab CI). I'd like to move into ML platform"
            " engineering. What am I missing on the ML side?",
            # being rejected, with the person's skills, asks what they lack
            "I keep getting rejected for ML platform roles, what am I doing wrong? I have five years of"
            " backend Go and some Terraform.",
            # "what would I need": the gaps, asked in other words
            "DevOps at a fintech, 6 years of Terraform, K8s and ArgoCD. I want onto our new ML platform"
            " team. What ML knowledge would I need?",
            # "what to learn", with the person's own work said after it
            "what to learn to become ml platform engineer, im a python dev",
        ],
    )
    def test_the_gaps_for_the_role_set_out_for(self, kb, text):
        reply = handlers.ask(text, kb)
        assert reply.roles == ("ml-platform-engineer",) and "your gaps" in reply.text[:200]
        assert "machine learning frameworks" in first_screen(reply)


@pytest.mark.parametrize(
    "text,topic,line",
    [  # each looks like a fit cue ("next step", "need to know", "what else") but asks about the role
        (
            "i know python and docker. what's the next step up for a senior mlops engineer?",
            "career",
            "MLOps Team Lead",
        ),
        (
            "Our plant is all-in on Azure. Which cloud platforms do production AI engineers need to know?",
            "requirements",
            "Proficiency in cloud platforms (AWS, Azure, GCP)",
        ),
        (
            "we handle the tickets. what else does an mlops engineer do in a normal week?",
            "responsibilities",
            "Deploy",
        ),
        (  # "what else is their job": what the role does, not what the person lacks
            "the people who run our feature store - what else is their job? I'm a DS. A team owns the feature"
            " store, the training cluster and model serving, called 'ML Platform'.",
            "responsibilities",
            "Design and implement feature platforms",
        ),
    ],
)
def test_what_the_role_asks_or_does_is_no_fit(kb, text, topic, line):
    """The rung above, what the role needs to know, what else it does: its own lines, not "your gaps"
    or "your role fit"."""
    reply = handlers.ask(text, kb)
    assert reply.topic == topic and line in reply.text[:300]
    assert "your gaps" not in reply.text and "role fit" not in reply.text


@pytest.mark.parametrize(
    "text,heading",
    [
        ("i know python and docker. what's a good next step for me?", "*Your role fit*"),
        ("i know python and docker. what do i need to learn for mlops?", "*MLOps Engineer: your gaps*"),
        ("i know docker and python. what else do i need for mlops?", "*MLOps Engineer: your gaps*"),
        (
            "i know python and docker. what's the gap between my skills and mlops?",
            "*MLOps Engineer: your gaps*",
        ),
    ],
)
def test_the_same_cues_said_of_the_person_ask_fit(kb, text, heading):
    assert heading in handlers.ask(text, kb).text


def test_what_i_would_need_to_show_is_no_gap(kb):
    """'what would I need to show to get hired': what to show (projects, experience), not the gaps."""
    reply = handlers.ask(
        "Math teacher, 8 yrs, did Andrew Ng's course."
        " What would I need to show to get hired as an ML engineer?",
        kb,
    )
    assert "your gaps" not in reply.text[:200]


def test_a_fit_cue_in_the_context_does_not_override_a_question_on_a_subject(kb):
    """'Which logging and monitoring tools do MLOps postings name? ... wondering if I'm missing something':
    the tools asked about, not the person's gaps."""
    reply = handlers.ask(
        "Which logging and monitoring tools do MLOps job requirements usually name? Our team is on Datadog"
        " and I'm wondering if I'm missing something everyone else lists.",
        kb,
    )
    assert "your gaps" not in reply.text and "Prometheus and ELK Stack" in first_screen(reply)


def test_is_a_role_a_natural_next_step_for_me_weighs_the_persons_skills(kb):
    reply = handlers.ask(
        "im a data engineer with kafka and spark experience. is mlops a natural next step for me?", kb
    )
    assert reply.roles == ("mlops-engineer",) and "your gaps" in reply.text and "Apache Kafka" in reply.text


def test_fewer_years_than_asked_and_none_in_it_are_gaps(kb):
    """'2 years of ML experience but none in MLOps': the 18 months of MLOps lead the gaps; neither
    "3-6 years" nor "18 months ... on MLOps" is read as had."""
    reply = handlers.ask(
        "I have 2 years of ML experience but none in MLOps specifically. Am I qualified for MLOps jobs?", kb
    )
    gaps, _, have = reply.text.partition("What you already have")
    assert "At least 18 months focused specifically on MLOps" in gaps[:600]
    assert "3-6 years" not in have and "18 months" not in have


def test_skills_asked_about_are_not_the_persons(kb):
    """'what devops stuff do i need to learn ...?': DevOps is asked about, not a skill they have."""
    reply = handlers.ask("what devops stuff do i need to learn to become an ml platform engineer", kb)
    assert "your gaps" not in reply.text and "— you: DevOps" not in reply.text
    reply = handlers.ask("what else do i need to learn for mlops? i know python and docker", kb)
    assert "your gaps" in reply.text  # a claim after the question: their skills


def test_a_skill_the_person_feels_behind_on_is_a_gap_not_had(kb):
    """'mostly sklearn models + some flask APIs. feel like im falling behind with all the LLM stuff':
    LLMs are what the person lacks, not a skill they have."""
    reply = handlers.ask(
        "What should I learn next as a junior MLE? 1 yoe, mostly sklearn models + some flask APIs. feel like"
        " im falling behind with all the LLM stuff",
        kb,
    )
    had = reply.text.split("\n\n")[1]
    assert "scikit-learn" in had and "LLM" not in had


def test_which_track_fits_me_within_a_role_is_its_tracks(kb):
    """'which specialized track fits me as an ml platform engineer?': the role's tracks, not "which role
    fits you? tell me your skills"; with no role named it is a role-fit question."""
    reply = handlers.ask(
        "i like long-term planning. which specialized track fits me as an ml platform engineer?", kb
    )
    assert reply.roles == ("ml-platform-engineer",) and "Strategic AI Engineer" in first_screen(reply)
    assert handlers.ask("which role fits me best?", kb).intent == "help"


class TestTheRoleAskedAbout:
    def test_a_role_named_as_the_target_is_no_skill_of_the_person(self, kb):
        """'how do i know if mlops is right for me': MLOps is what they ask about, not a skill they
        have; with no skill said, rolebot asks what they know."""
        reply = handlers.ask("how do i know if mlops is right for me", kb)
        assert "names 1 of your 1 skill" not in reply.text and "Tell me what you know" in reply.text


class TestWhichFits:
    """ "I know X, Y and Z: which role fits me?"."""

    def test_the_role_that_names_most_of_your_skills_comes_first(self, kb):
        """Terraform, Ansible, Jenkins and Prometheus are MLOps Requirements: MLOps first, with its count."""
        reply = handlers.ask(
            "devops person: terraform, ansible, jenkins, prometheus. which role suits me best?", kb
        )
        assert reply.intent in ("answer", "compare")
        assert reply.roles[0] == "mlops-engineer" and len(reply.roles) == 5
        assert "*MLOps Engineer fits you best*: its documents name 5 of your 5 skills" in reply.text
        # what they lack, from the document, on the first screen; what they have after it
        assert "Knowledge of TensorFlow, PyTorch, Keras, and Scikit-Learn" in first_screen(reply)
        assert reply.text.index("Docker and Kubernetes") < reply.text.index(
            "Jenkins, Ansible, Terraform, and Git"
        )
        assert "_Requirements_" in first_screen(reply)

    @pytest.mark.parametrize(
        "ask", ["which ai role is the smoothest move?", "which of these roles is the most realistic switch?"]
    )
    def test_any_superlative_move_asks_which_fits(self, kb, ask):
        """'the smoothest move' asks what 'the easiest move' does: the ranking, not "I couldn't tell"."""
        reply = handlers.ask(f"devops person: terraform, ansible, jenkins, prometheus. {ask}", kb)
        assert reply.roles[0] == "mlops-engineer" and "*Your role fit*" in reply.text

    def test_all_five_are_ranked_with_their_counts(self, kb):
        reply = handlers.ask(
            "I write golang, run things on gke with kubeflow and tune cuda kernels. which job fits me?", kb
        )
        assert reply.roles[0] == "ml-platform-engineer"
        ranking = reply.text[reply.text.index("*All five") :]
        for rid in kb.roles:
            assert kb.roles[rid].title in ranking

    def test_ties_are_said_and_both_shown(self, kb):
        """Python, Docker, Kubernetes: three roles name all three; the reply says so and shows two."""
        reply = handlers.ask("i know python, docker and k8s, which of these roles fits me?", kb)
        tied = {"production-ai-engineer", "mlops-engineer", "ml-platform-engineer"}
        assert set(reply.roles[:3]) == tied
        screen = first_screen(reply)
        assert "tie*: each names 3 of your 3 skills" in screen
        assert f"*{kb.roles[reply.roles[0]].title}: still to learn*" in screen
        assert f"*{kb.roles[reply.roles[1]].title}: still to learn*" in reply.text

    def test_years_only_break_ties(self, kb):
        """With 6 years, a tie goes to a role whose stated minimum they meet; the counts still decide."""
        reply = handlers.ask("6 years of python, docker and k8s. which role is the best fit for me?", kb)
        assert reply.roles[0] in ("production-ai-engineer", "mlops-engineer", "ml-platform-engineer")
        assert "only break ties" in reply.text

    def test_skills_outside_the_documents_are_said_to_be(self, kb):
        reply = handlers.ask("i write swift and kotlin apps and some python; which role fits me?", kb)
        assert "Swift and Kotlin: none of the five role documents lists them" in first_screen(reply)

    def test_the_work_a_role_does_counts_as_a_skill_it_names(self, kb):
        """Feature engineering and hyperparameter tuning are in the AI/ML Engineer's Responsibilities:
        they count for it, and no note says no document lists them."""
        reply = handlers.ask(
            "Strong in stats, pytorch, tuning hyperparameters and feature engineering, not really into "
            "infra. Which of the roles suits me?",
            kb,
        )
        screen = first_screen(reply)
        assert reply.roles[0] == "ai-ml-engineer" and "*AI/ML Engineer fits you best*" in screen
        assert "none of the five role documents" not in reply.text
        assert "Handle large datasets, including data ingestion, preprocessing, and feature engineering" in (
            reply.text
        )

    def test_a_skill_outside_the_documents_is_named_as_the_person_wrote_it(self, kb):
        """dbt and Redshift are read as one kind of skill no document lists; each is named as typed."""
        reply = handlers.ask("I use dbt, Redshift and airflow daily. what am i missing for mlops?", kb)
        note = next(ln for ln in reply.text.split("\n") if "none of the five role documents" in ln)
        assert "dbt" in note and "Redshift" in note and "Snowflake" not in reply.text

    def test_one_thing_every_role_names_is_no_ranking(self, kb):
        """'in which of these roles would I get to mentor other engineers?': all five name
        mentoring, so no "all five tie" ranking: the lines where each says it."""
        reply = handlers.ask("In which of these roles would I get to mentor other engineers?", kb)
        assert "role fit" not in reply.text and "5 of 5 roles" in reply.text[:200]
        assert "Guide and mentor other ML Engineers" in reply.text

    def test_the_path_to_a_role_named_is_its_career_not_a_five_way_tie(self, kb):
        """'what path should i follow to be a prod ai eng?': the role's career path, not "all five
        tie on your 2 skills"."""
        reply = handlers.ask("2nd yr cs undergrad. what path should i follow to be a prod ai eng?", kb)
        assert reply.roles == ("production-ai-engineer",) and reply.topic in ("career", "requirements")
        # nor the sections' closing words, which "follow" finds ("By following these best practices")
        assert "role fit" not in reply.text and "By following" not in reply.text

    def test_where_to_start_on_trouble_is_no_role_fit(self, kb):
        """'nobody looks at our models till a customer complains ... where do I start?': the trouble,
        not "which role fits you"."""
        reply = handlers.ask(
            "We deploy models and nobody looks at them until a customer complains. What should a proper"
            " mlops setup do? where do I start",
            kb,
        )
        assert reply.roles == ("mlops-engineer",) and "role fit" not in reply.text

    def test_an_ambiguous_name_is_asked_about(self, kb):
        reply = handlers.ask("i use tf and python, which role fits me?", kb)
        assert "“tf” could be TensorFlow or Terraform" in reply.text

    def test_within_block_kit_limits_and_text_says_it_all(self, kb):
        reply = handlers.ask("backend dev, java + aws, no ML: closest role, and what do I need?", kb)
        assert_within_limits(reply.blocks)
        for line in block_text(reply.blocks).split("\n"):
            assert line in reply.text


class TestMissingForRole:
    """ "What am I missing for ROLE?": that role only, what they lack first."""

    def test_that_role_only_lacks_first(self, kb):
        reply = handlers.ask("what am I missing for MLOps if I already do terraform and jenkins?", kb)
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "requirements")
        assert "name 2 of your 2 skills (Terraform and Jenkins)" in reply.text
        assert "Experience with Docker and Kubernetes" in first_screen(reply)
        assert reply.text.index("Experience with Docker and Kubernetes") < reply.text.index(
            "*What you already have*"
        )

    def test_years_said_are_no_skill_to_count(self, kb):
        """'6 years of terraform and jenkins, what am I missing for mlops?': two skills named, not three
        ("years of experience" is no skill); the years still meet the role's "3-6 years" below."""
        reply = handlers.ask("6 years of terraform and jenkins, what am I missing for MLOps?", kb)
        assert "name 2 of your 2 skills (Terraform and Jenkins)" in reply.text, reply.text
        assert "3-6 years" in reply.text.split("*What you already have*")[1]

    def test_what_they_say_they_lack_comes_first(self, kb):
        """ "no degree": the degree line leads."""
        reply = handlers.ask(
            "self-taught, no degree, i ship python and pytorch. what am i missing for ai systems engineer?",
            kb,
        )
        assert reply.roles == ("ai-systems-engineer",)
        lacking = reply.text.split("*What you already have*")[0]
        first = [ln for ln in lacking.split("\n") if ln.startswith("• ")][0]
        assert "Bachelor's degree in computer science" in first

    def test_questions_about_skills_are_not_the_persons(self, kb):
        """ "python or the math?" asks; it claims nothing: not a fit question."""
        assert (
            plan(
                "what should i learn first to become a production ai engineer, python or the math?",
                handlers.engine_for(kb),
            ).mode
            != "fit"
        )

    def test_not_fit_questions_stay_as_they_were(self, kb):
        engine = handlers.engine_for(kb)
        for q in ("what skills does an mlops engineer need?", "which role pays best for a python dev like me?",  # noqa: E501
                  "which roles need kubernetes?",
                  "junior ai systems engineer. what do i need to move to the next level?",
                  "what job title would i start with in mlops?"):  # fmt: skip
            assert plan(q, engine).mode != "fit", q


class TestFollowups:
    """In a thread: "and for platform?", "what should i learn first of those?"."""

    def test_a_thread(self, kb):
        turns: list[Turn] = []
        reply, turn = handlers.converse(
            "i know python, docker and k8s, which of these roles fits me?", kb, turns
        )
        turns.append(Turn.from_json(turn.to_json()))  # as the store keeps it
        assert turns[0].said
        reply, turn = handlers.converse("and for platform?", kb, turns)
        turns.append(turn)
        assert reply.roles == ("ml-platform-engineer",)
        assert (
            "*AI/ML Platform Engineer: your gaps*" in reply.text and "*Still to learn for it*" in reply.text
        )
        assert "name 3 of your 3 skills (Python, Docker and Kubernetes)" in reply.text
        reply, _ = handlers.converse("what should i learn first of those?", kb, turns)
        assert reply.roles == ("ml-platform-engineer",)
        assert "Start at the top" in first_screen(reply)

    def test_an_unrelated_follow_up_is_not_a_fit(self, kb):
        _, turn = handlers.converse("i know python, docker and k8s, which of these roles fits me?", kb, [])
        reply, _ = handlers.converse("how much do mlops engineers make?", kb, [turn])
        assert reply.topic == "salary"


def test_no_skill_named_asks_for_them_then_answers(kb):
    """ "which role fits me?" alone: asked what they know; the next message answers it."""
    reply, turn = handlers.converse("which role is right for me?", kb, [])
    assert reply.intent == "help" and "Tell me what you know" in reply.text
    reply, _ = handlers.converse("terraform, ansible and jenkins", kb, [turn])
    assert reply.roles[0] == "mlops-engineer"
    assert "*MLOps Engineer fits you best*" in reply.text


def test_a_question_of_the_roles_after_the_ask_for_skills_is_answered(kb):
    """ "which role is right for me?" ... "do they need a PhD?": the degrees the five ask for, not
    "tell me what you know" again; then "do publications matter?": the one role that names them."""
    _, turn = handlers.converse("which role is right for me?", kb, [])
    reply, turn2 = handlers.converse("do they need a PhD?", kb, [turn])
    assert reply.intent == "compare" and len(reply.roles) == 5
    assert "Master's degree or Ph.D." in reply.text[:600] and "Tell me what you know" not in reply.text
    reply, _ = handlers.converse("do publications matter?", kb, [turn, turn2])
    assert reply.roles == ("production-ai-engineer",)
    assert "research publications (preferred)" in reply.text[:600]


@pytest.mark.parametrize(
    "text,role,topic",
    [
        (
            "most of my week is cleaning sensor data and retraining the models that catch defects on our "
            "assembly line. what does the career ladder look like for me?",
            "production-ai-engineer",
            "career",
        ),
        (
            "i run the kubeflow pipelines and the gpu cluster our researchers train on. which of these "
            "roles is that, and what trends should i keep an eye on?",
            "ml-platform-engineer",
            "trends",
        ),
    ],
)
def test_work_told_then_a_description_or_second_question_is_no_fit(kb, text, role, topic):
    """ "what does the career ladder look like for me", "which of these roles is that, and what trends
    should i ...": the ladder, the trends of the role the work names, not a ranking of skills."""
    reply = handlers.ask(text, kb)
    assert "Your role fit" not in reply.text and "your gaps" not in reply.text
    assert (reply.roles[:1], reply.topic) == ((role,), topic)


def test_which_role_with_the_work_told_is_that_role(kb):
    """'what role would suit me? I enjoy building the shared infrastructure other teams build on.': the
    work told names AI/ML Platform Engineer, not "tell me what you know"; with no work told, it is
    still asked."""
    reply = handlers.ask(
        "what role would suit me? I enjoy building the shared infrastructure other teams build on.", kb
    )
    assert reply.roles == ("ml-platform-engineer",) and "Tell me what you know" not in reply.text
    assert "Tell me what you know" in handlers.ask("which role is right for me?", kb).text


def test_the_role_may_come_first(kb):
    """ "MLOps: what am I missing?": the role named before the question; "no ML" names no role."""
    assert handlers.ask("MLOps: what am I missing? I know python and docker", kb).roles == ("mlops-engineer",)
    reply = handlers.ask("backend dev, java + aws, no ML: closest role, and what do I need?", kb)
    assert reply.intent == "compare" and len(reply.roles) == 5


def test_skills_asked_about_are_no_claim(kb):
    """'which neural net architectures does a production ai engineer need to know? cnn?': a question
    about the role's requirements, not "your gaps" as if the person had those skills."""
    reply = handlers.ask("which neural net architectures does a production ai engineer need? cnn?", kb)
    assert "your gaps" not in reply.text
    assert "Familiarity with neural network architectures" in reply.text[:300]


def test_two_roles_set_side_by_side_are_compared(kb):
    """'ML platform vs MLOps, how different are the tool stacks? I already know Docker. what else does
    each lean on?': the two stacks compared, not the person's gaps for one of them."""
    reply = handlers.ask(
        "For ML platform vs MLOps, how different are the tool stacks? I already know Docker. "
        "what else does each lean on?",
        kb,
    )
    assert reply.intent == "compare" and "your gaps" not in reply.text
    assert (
        reply.roles == ("ml-platform-engineer", "mlops-engineer")
        and "Tools and Technologies" in reply.text[:600]
    )


def test_an_industry_loved_is_no_skill_to_fit(kb):
    """'I love factories and manufacturing. which of these roles fits best?': the roles whose documents
    speak of manufacturing, Production AI first; not a skills gap list."""
    reply = handlers.ask("I love factories and manufacturing. which of these roles fits best?", kb)
    assert reply.roles[0] == "production-ai-engineer" and "still to learn" not in reply.text


def test_a_topic_asked_over_and_over_is_no_fit_question(kb):
    """'[D] ML Engineer Routine: What Am I Missing? ... what do you actually do? What does a typical day
    look like?': the day's work; the "[D]" tag is no subject either (not "Ph.D")."""
    reply = handlers.ask(
        "[D] ML Engineer Routine: What Am I Missing? I am a backend engineer. So, what do you guys actually"
        " do? What does a typical day look like for you?",
        kb,
    )
    assert reply.topic == "responsibilities" and "your gaps" not in reply.text


def test_years_alone_are_no_skills_to_weigh_gaps_by(kb):
    """'I'm a junior ML engineer with 2 years under my belt. What should I learn next to grow?': no skill
    is said, so no "your gaps" ranking of 0 of 1 skill; the advice on what to learn answers."""
    reply = handlers.ask(
        "I'm a junior ML engineer with 2 years under my belt. What should I learn next to grow?", kb
    )
    assert "your gaps" not in reply.text and "of your 1 skill" not in reply.text
    assert reply.roles == ("ai-ml-engineer",) and reply.topic in ("requirements", "career")


def test_a_role_told_as_ones_own_is_no_fit_question_without_skills(kb):
    """'I'm a senior MLOps engineer ... run the whole function as director. What does that role own and
    what should I build toward?': the way up the role told, not "tell me what you know" to rank roles."""
    reply = handlers.ask(
        "I'm a senior MLOps engineer and long term I want to run the whole function as director. What does "
        "that role own and what should I build toward?",
        kb,
    )
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "career")
    assert "Director of MLOps:* Leads overall MLOps strategy" in reply.text[:300]
    assert handlers.ask("which role fits me?", kb).intent == "help"  # nothing told: ask what they know


def test_a_gap_between_teams_is_no_gap_of_the_person(kb):
    """'this gap between DS and engineering': a problem between teams, not what the person lacks (and
    "R" and "Python" said on the way are no skills to weigh)."""
    reply = handlers.ask(
        "our data scientists hand us notebooks and we rewrite them in R and Python. is this gap between DS"
        " and engineering a common problem for production AI engineers?",
        kb,
    )
    assert "your gaps" not in reply.text
    assert "Bridging the gap between data scientists and ML engineers" in reply.text[:400]


def test_which_one_has_the_best_property_compares_the_roles_not_the_person(kb):
    """'which one has the best job security?' compares a property of the roles; 'which role is best
    for me' asks the fit."""
    reply = handlers.ask(
        "Of all these AI roles, which one has the best job security? Been laid off twice.", kb
    )
    assert "Your role fit" not in reply.text and reply.topic == "demand"
    assert "job security" in reply.text[:400]
    assert handlers.ask("i know python and sql, which role is best for me?", kb).text.startswith(
        "*Your role fit*"
    )


def test_roles_offered_as_a_choice_are_no_skills_of_the_person(kb):
    """'ml engineer or mlops, which fits me better?': the two roles are what is chosen between, not
    skills the person has, and the ranking says it ranks the two."""
    reply = handlers.ask(
        "I write xgboost models and SQL all day. ml engineer or mlops, which fits me better?", kb
    )
    assert reply.text.startswith("*Your role fit*")
    assert "you: MLOps" not in reply.text and "of your 2 skills" in reply.text
    assert "*The two, by how many of your skills" in reply.text and "All five" not in reply.text


def test_compare_that_with_another_role_after_the_gaps_ranks_the_two(kb):
    """'compare that with mlops' after one role's gaps: the fit of both roles for the skills told."""
    _, turn = handlers.converse("I do xgboost and SQL. What am I missing for ML engineering?", kb, [])
    reply, turn2 = handlers.converse("hmm ok, compare that with mlops", kb, [turn])
    assert reply.intent == "compare" and set(reply.roles) == {"ai-ml-engineer", "mlops-engineer"}
    assert reply.text.startswith("*Your role fit*") and "*The two, by how many" in reply.text
    reply, _ = handlers.converse("and vs platform?", kb, [turn, turn2])
    assert len(reply.roles) == 3 and "*The three, by how many" in reply.text


def test_where_to_start_on_a_duty_of_the_role_named_is_no_fit_question(kb):
    """'Is cost management part of an ML platform engineer's responsibilities, and where should I
    start?': where to start on the duty asked, the role given (it ranked all five roles for fit);
    'I know python and SQL, where should I start?' still asks which role fits."""
    reply = handlers.ask(
        "Our GPU bill tripled and now cost is on my OKRs. Is cost management actually part of an ML platform"
        " engineer's responsibilities, and where should I start?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("ml-platform-engineer",)
    assert "Implement solutions for operational excellence and cost management" in reply.text[:300]
    fit = handlers.ask("I know python and SQL and some docker. where should I start?", kb)
    assert fit.text.startswith("*Your role fit*")


def test_a_second_ask_beside_the_gaps_names_what_no_document_covers(kb):
    """'Which tools should I learn first, and will companies sponsor an H-1B for this role?': the gaps
    for MLOps, and the visa named as not covered (it was left unsaid); a skill list holding a word
    like "culture" names nothing."""
    reply = handlers.ask(
        "Sysadmin switching to MLOps. Which tools should I learn first, and will companies actually sponsor"
        " an H-1B for this role?",
        kb,
    )
    assert reply.text.startswith("*MLOps Engineer: your gaps*") and "h 1b" in reply.uncovered
    assert "says nothing about “H-1B”" in reply.text[:200]
    listed = handlers.ask("docker, k8s, devops culture, system design. which ai role fits me?", kb)
    assert listed.text.startswith("*Your role fit*") and not listed.uncovered


def test_a_skill_the_person_never_had_leads_the_gaps_where_the_role_says_it_in_other_words(kb):
    """'never deployed anything ... production AI engineer': the role's lines on deploying AI models
    ("Build and deploy AI models", "from development to deployment") are model deployment too, so
    they lead the gaps (before: only "deploying" or "model deployment" counted, and none led)."""
    reply = handlers.ask(
        "I'm a data scientist - strong on stats and modelling but I have never deployed anything. "
        "If I want a production AI engineer job, what am I missing?",
        kb,
    )
    gaps = reply.text.split("Still to learn for it", 1)[1]
    assert "deploy" in gaps.split("\n• ", 2)[1].lower()


def test_which_role_would_use_my_skills_is_a_fit_question(kb):
    """'Six years of Go, Kubernetes and Terraform ... Which of these AI roles would use my skills the
    most?': the roles measured against the person's skills, not all five roles' requirements."""
    reply = handlers.ask(
        "Six years as a backend engineer in Go, lots of Kubernetes and Terraform. Which of these AI roles "
        "would use my skills the most?",
        kb,
    )
    assert reply.text.startswith("*Your role fit*")
    assert "ml-platform-engineer" in reply.roles[:2]


def test_skills_offered_as_a_choice_before_the_question_are_not_had(kb):
    """'aws azure or gcp - which cloud should i learn': three clouds to choose from, not three the
    person has; the requirement that names them answers, not "your gaps"."""
    reply = handlers.ask("aws azure or gcp - which cloud should i learn for production ai", kb)
    assert "your gaps" not in reply.text and "your skills" not in reply.text
    assert "Proficiency in cloud platforms (AWS, Azure, GCP) for AI deployment" in reply.text[:300]
    # a claim before the question is still the person's own
    reply = handlers.ask("i know python and sql. what else do i need for mlops?", kb)
    assert "name 2 of your 2 skills (Python and SQL)" in reply.text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "our ml models keep breaking after deploys and nobody notices for days. which role should"
            " we hire?",
            "mlops-engineer",
        ),
        ("which role should i hire to build our feature store", "ml-platform-engineer"),
    ],
)
def test_which_role_to_hire_is_the_role_for_the_work_told(kb, text, role):
    """A manager asking which role to hire for work they describe: that role, not 'tell me what you
    know' (the asker is not the one to fit) nor the lines that say 'breaking'."""
    reply = handlers.ask(text, kb)
    assert reply.roles == (role,) and "Tell me what you know" not in reply.text


def test_which_role_would_hire_me_ranks_the_roles(kb):
    """'i know python, sql and docker. which role would hire me?': the person's fit, not 'Only AI/ML
    Engineer mentions hire'."""
    reply = handlers.ask("i know python, sql and docker. which role would hire me?", kb)
    assert reply.text.startswith("*Your role fit*") and "mentions hire" not in reply.text


def test_specializations_from_ones_own_role_are_no_role_fit(kb):
    """'I've been an ML engineer ... What specializations could I move into?': the tracks within the
    role told, not a ranking of the five roles by the skills named."""
    reply = handlers.ask(
        "I've been an ML engineer for 3 years with python and pytorch, bored of tuning models. What"
        " specializations could I move into?",
        kb,
    )
    assert "Your role fit" not in reply.text
    assert "Advanced roles may include NLP Scientist, Research Engineer" in first_screen(reply)


def test_what_another_question_asks_about_is_no_skill_of_the_person(kb):
    """'how do mlops ppl handle security? my company is super strict (banking). what do i need to
    know': security is asked about and banking is the employer's industry; no skill gaps to weigh,
    the MLOps security lines answer."""
    reply = handlers.ask(
        "how do mlops ppl handle security? my company is super strict (banking). what do i need to know", kb
    )
    assert "your gaps" not in reply.text
    assert "Security Concepts:* Understanding of firewalls, encryption, and VPNs" in reply.text[:400]


def test_schooling_alone_ranks_no_role(kb):
    """'Final year CS undergrad ... the stuff that makes models serve fast, low latency and high
    throughput at scale. Which role is that?': a CS degree, which every role asks alike, ranks none
    (no five-way tie); the work told answers: the platform document's low-latency line."""
    reply = handlers.ask(
        "Final year CS undergrad in India. I want to work on the stuff that makes models serve fast, low"
        " latency and high throughput at scale. Which role is that, and what should I study?",
        kb,
    )
    assert "Your role fit" not in reply.text and reply.roles[0] == "ml-platform-engineer"
    assert "Optimize systems for low latency and high throughput" in reply.text[:400]


def test_which_languages_to_pick_up_is_the_languages_asked(kb):
    """'... I only know Python and SQL. Which programming languages should I pick up for ML platform
    engineering?': the languages line leads, not every gap with it filed as "what you already have"."""
    reply = handlers.ask(
        "Data engineer, 4 years at a retailer in Atlanta. I only know Python and SQL. Which programming"
        " languages should I pick up for ML platform engineering?",
        kb,
    )
    assert "your gaps" not in reply.text
    assert "Proficiency in languages such as Python, Go, C++, Java, or R" in reply.text[:300]


def test_a_persons_own_title_names_the_closest_role_before_asking_their_skills(kb):
    """'I'm a data scientist, which role fits me?' and 'I'm a data scientist thinking about switching
    roles' (no skill named): the role closest to their title and the line that sets the two apart,
    then what they know is asked; the skills told next are ranked (not read as a mention question)."""
    for asked in (
        "I'm a data scientist, which role fits me?",
        "I'm a data scientist thinking about switching roles",
    ):
        reply = handlers.ask(asked, kb)
        assert reply.text.startswith(
            "As a data scientist, the closest of the five roles is *AI/ML Engineer*."
        ), asked
        assert "AI/ML Engineer vs. Data Scientist" in reply.text and "Tell me what you know" in reply.text
    turns = handlers.converse("I'm a data scientist thinking about switching roles", kb, [])[1:]
    reply, _ = handlers.converse("I know python, sql, spark and a bit of docker", kb, list(turns))
    assert reply.text.startswith("*Your role fit*") and "4 of your 4 skills" in reply.text[:200]
    assert handlers.ask("which role fits me?", kb).text.startswith("Tell me what you know")  # no title told


def test_gaps_with_no_skill_told_never_count_zero_of_zero(kb):
    """'I can build models in notebooks but I've never deployed anything. What's the skill gap to
    become an ML engineer?': no skill read as the person's; the reply says so plainly (never 'name 0
    of your 0 skills') and leads with what they said they lack."""
    reply = handlers.ask(
        "Data scientist here. I can build models in notebooks but I've never deployed anything. What's the"
        " skill gap to become an ML engineer?",
        kb,
    )
    assert "0 of your 0" not in reply.text
    assert "You named no skill of your own that I could match" in reply.text[:300]


def test_a_move_into_one_role_named_is_the_way_there_not_which_role_fits(kb):
    """'What should I work on to move into a senior MLOps role?': the way up that role (its senior
    rung), not "tell me what you know"; "which role should I move into, mlops or platform?" is still
    a fit question."""
    reply = handlers.ask("What should I work on to move into a senior MLOps role?", kb)
    assert (reply.intent, reply.roles, reply.topic) == ("answer", ("mlops-engineer",), "career")
    assert "Senior MLOps Engineer:* Takes on leadership roles" in reply.text[:300]
    chosen = handlers.ask("what role should i move into, mlops or platform? i know docker", kb)
    assert chosen.text.startswith("*Your role fit*")


def test_what_else_after_a_list_of_examples_asks_for_more_of_them(kb):
    """'... the industry trends for production AI engineers in manufacturing? Predictive maintenance,
    vision, what else?': more trends, not the asker's gaps; 'i know python and docker, what else do i
    need for mlops?' is still what they lack."""
    reply = handlers.ask(
        "Our CEO wants us to 'do AI' in our food packaging plant and I'm the IT manager, so it landed on me."
        " What are the industry trends for production AI engineers in manufacturing? Predictive maintenance,"
        " vision, what else?",
        kb,
    )
    assert reply.topic == "trends" and "your gaps" not in reply.text
    assert "predict equipment failures" in reply.text[:400]
    gaps = handlers.ask("i know python and docker, what else do i need for mlops?", kb)
    assert gaps.text.startswith("*MLOps Engineer: your gaps*")


def _thread(kb, *said):
    turns, reply = [], None
    for text in said:
        reply, turn = handlers.converse(text, kb, turns)
        turns.append(turn)
    return reply


FIT = "i write java and some docker, and i know postgres well. which of the ai roles fits me?"


@pytest.mark.parametrize(
    ("said", "place"),
    [
        (("what would i have to learn for the second one",), 1),
        (("and the third?",), 2),
        (("what am i missing for it", "ok and the other option you mentioned?"), 1),
    ],
)
def test_a_pick_from_the_ranking_is_that_roles_gaps(kb, said, place):
    ranked = _thread(kb, FIT).roles
    reply = _thread(kb, FIT, *said)
    assert reply.roles == (ranked[place],) and "your gaps" in reply.text.split("\n")[0]


def test_what_other_skills_is_no_pick_of_another_role(kb):
    first = _thread(kb, FIT).roles[0]
    reply = _thread(kb, FIT, "what am i missing for it", "what other skills should i learn")
    assert reply.roles == (first,)


def test_why_after_a_fit_shows_what_the_person_has_first(kb):
    first = _thread(kb, FIT).roles[0]
    reply = _thread(kb, FIT, "why?")
    head = reply.text.split("*Still to learn for it*")[0]
    assert reply.roles == (first,) and "Why" in head.split("\n")[0] and "— you: Docker" in head


def test_which_role_is_closer_to_what_i_do_ranks_the_roles_named(kb):
    """'sysadmin, linux and bash. mlops or platform, which is closer to what i do?': the fit of the two,
    not the pay of six years."""
    reply = handlers.ask(
        "sysadmin for 6 years, linux and bash. mlops or platform eng, which is closer to what i do?", kb
    )
    assert reply.text.startswith("*Your role fit*") and set(reply.roles) == {
        "mlops-engineer",
        "ml-platform-engineer",
    }
    assert "— you: Linux" in reply.text


def test_what_carries_over_is_what_the_person_has_then_what_is_new(kb):
    """'SRE at a bank: what carries over to platform engineering and what's new for me?': the gaps
    for that role, what the person already has first."""
    reply = handlers.ask(
        "i'm an SRE at a bank. what carries over to ml platform engineering and what's new for me?", kb
    )
    assert reply.roles == ("ml-platform-engineer",) and "your gaps" in reply.text.split("\n")[0]
    assert reply.text.index("*What you already have*") < reply.text.index("*Still to learn for it*")


@pytest.mark.parametrize("said", ["", "?", "   "])
def test_an_empty_message_after_a_fit_gets_a_reply(kb, said):
    """Nothing to pick from the ranking: the usage, not an error."""
    reply = _thread(kb, FIT, said)
    assert reply.intent == "help" and "Sorry" not in reply.text


def test_tools_asked_about_are_not_quoted_back_as_the_persons(kb):
    """'what do I need to learn for mlops? airflow? kubernetes? I already know python and sql': the two
    asked are no skills of theirs; Kubernetes leads what is still to learn."""
    reply = handlers.ask(
        "what do I need to learn for mlops? airflow? kubernetes? I already know python and sql", kb
    )
    assert reply.roles == ("mlops-engineer",)
    screen = reply.text[:600]
    assert "name 2 of your 2 skills (Python and SQL)" in screen
    lack = screen.split("*Still to learn for it*")[1]
    assert "Experience with Docker and Kubernetes" in lack.split("\n_", 2)[1]


def test_a_title_alone_that_every_role_names_alike_gets_the_closest_role_and_asks_what_they_know(kb):
    """'I work as a backend developer; which of the roles fits me?': no skill to rank by (every document
    names software engineering alike), so not the plain list of roles: the closest, then the ask."""
    reply = handlers.ask("I work as a backend developer; which of the roles fits me?", kb)
    assert reply.text.startswith("As a backend developer, the closest of the five roles is")
    assert "Tell me what you know or have done" in reply.text


def test_will_i_need_a_degree_asks_the_role_not_my_gaps(kb):
    """ "... I've done some Kaggle. Would I need a master's for MLOps?": whether the role asks for a
    master's (its degree lines), not a list of the person's gaps."""
    reply = handlers.ask(
        "Third-year stats undergrad, did a few Kaggle comps and like coding. Would I need a masters for "
        "MLOps work?",
        kb,
    )
    screen = first_screen(reply)
    assert "your gaps" not in screen and "Advanced degrees (Master's or Ph.D.) are beneficial" in screen
