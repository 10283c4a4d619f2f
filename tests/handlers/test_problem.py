"""A problem the person has, and how to handle it: the lines that name the problem lead."""

from __future__ import annotations

import pytest

import handlers
from handlers import understand
from handlers.problem import asks_fix, problem_lines


@pytest.mark.parametrize(
    "text,topic,first",
    [
        (
            "our tooling is awful and the budget is small. how do mlops engineers cope?",
            "challenges",
            "*Challenge:* Inefficient tools and budget constraints\n• *Solution:* Utilize virtual hardware",
        ),
        (
            "we have 20 models and no audit trail, any tips for an mlops lead?",
            "best-practices",
            "Maintain clear audit trails of model development and deployment",
        ),
        (
            "too many stakeholders and projects at once as an ml engineer, how do people handle this",
            "soft-skills",
            "Balance multiple projects and stakeholder requirements",
        ),
        (
            "im an MLE juggling 4 projects and drowning. what does the doc say about managing that",
            "responsibilities",
            "Manage multiple projects concurrently",
        ),
        (  # "shortage" names the section of demand too; here it is the problem dealt with
            "2 reqs open for months. how do ai systems teams deal with the talent shortage?",
            "challenges",
            "Addressing the shortage of skilled AI talent",
        ),
        (  # panic told, then what to do: a fix
            "our CISO is panicking about adversarial attacks on the models."
            " ml platform engineers, what do you do about that",
            "challenges",
            "Implementing robust security measures and adversarial testing",
        ),
        (  # the rare word decides, not the everyday "runs" ("Automate pipeline runs")
            "our plant runs on ancient PLCs and proprietary junk. how do prod ai engineers deal w that",
            "challenges",
            "Dealing with proprietary systems that don't communicate effectively",
        ),
    ],
)
def test_the_lines_that_name_the_problem_lead(kb, text, topic, first):
    reply = handlers.ask(text, kb)
    assert reply.intent == "answer" and reply.topic == topic
    assert first in reply.text[:400]
    assert reply.text.count("Utilize virtual hardware") <= 1  # a solution is shown once


def test_a_problem_no_line_names_gets_no_lines_of_its_own(engine):
    """How to cope with what no line names ("my manager is grumpy"): the stage gives nothing, and the
    question is answered as any other; a named problem gets its lines."""
    grumpy = understand.plan("my manager is grumpy lately, how do mlops engineers cope?", engine).match
    assert asks_fix(engine, grumpy) and problem_lines(engine, grumpy, "mlops-engineer") == []
    budget = understand.plan("budget small, tooling awful: how do mlops engineers cope?", engine).match
    lines = [h.line.text for h in problem_lines(engine, budget, "mlops-engineer")]
    assert lines[:1] == ["Inefficient tools and budget constraints"]


def test_how_it_is_asked(engine):
    asked = [engine.matcher.match(q) for q in ("how do ppl handle this", "any tips?", "what does mlops pay?")]
    assert [asks_fix(engine, m) for m in asked] == [True, True, False]


@pytest.mark.parametrize(
    "text,first",
    [
        (
            "model accuracy keeps dropping in prod. what would an mlops engineer do",
            "*Challenge:* Maintaining model accuracy in production\n• *Solution:* Continuous monitoring",
        ),
        (
            "our model api falls over when traffic spikes, mlops tips pls",
            "*Challenge:* Ensuring models can handle increased load",
        ),
        (  # the documents say stress, people say pressure and burnout
            "burning out as the only ml platform engineer for six teams. how do people handle the pressure?",
            "Capacity to handle stress and challenges in complex projects",
        ),
        (
            "the data scientists and the ops folks keep blaming each other, what can we do? we do mlops",
            "*Challenge:* Misaligned incentives and skill sets across teams",
        ),
        (  # "where do I even start" after trouble: with the trouble, not the way into the job
            "Only ML engineer at a healthtech. The data is a mess and the classes are imbalanced."
            " Where do I even start?",
            "Addressing class imbalance in datasets",
        ),
        (  # whether the trouble is normal: the challenge that names it
            "ai systems engineer at a hospital. half our data lives in a 90s system, the rest in"
            " spreadsheets. is integration hell like this normal for the job or is it just healthcare?",
            "Integrating AI with legacy systems",
        ),
    ],
)
def test_trouble_described_then_what_to_do_is_a_fix(kb, text, first):
    """Trouble told in the person's words and then what to do about it: the challenge that names
    it, with its solution; "what would an mlops engineer do" alone is still the duties, and
    "where do i start" alone the way in."""
    reply = handlers.ask(text, kb)
    assert first in reply.text[:400]
    assert handlers.ask("what would an mlops engineer do", kb).topic == "responsibilities"
    assert handlers.ask("where do i even start with mlops", kb).topic == "career"


def test_the_recommended_fix_of_a_problem_is_its_solution(kb):
    """'my models keep drifting. what's the recommended fix?': the drift challenge with its solution."""
    reply = handlers.ask("im an mlops engineer and my models keep drifting. what's the recommended fix?", kb)
    assert "Automate monitoring processes and implement periodic model retraining" in reply.text[:600]


def test_a_challenge_shown_comes_with_its_solution(kb):
    """Whatever found a "Challenge:" line, the document's "Solution:" beside it follows it."""
    reply = handlers.ask("mlops: gpu bill is crazy and no more budget. how reduce the infra cost?", kb)
    challenge = reply.text.find("*Challenge:* Inefficient tools and budget constraints")
    solution = reply.text.find("*Solution:* Utilize virtual hardware subscriptions")
    assert 0 <= challenge < solution < 400


def test_what_to_focus_on_after_a_background_is_no_problem_to_fix(kb):
    """'Backend dev here (Go and Python) ... What should I focus on learning first?': what to learn,
    not the lines that name the person's background; after trouble ("my models keep drifting")
    the same words ask for the fix."""
    reply = handlers.ask(
        "Backend dev here (Go and Python, four years), a few Kaggle competitions for fun. I'd like to move"
        " into an ML engineer job. What should I focus on learning first?",
        kb,
    )
    assert reply.topic == "requirements" and "Proficiency in ML frameworks" in reply.text[:400]
    reply = handlers.ask("our mlops models keep drifting. what should we focus on?", kb)
    assert "Manual monitoring and model drift" in reply.text[:400]


def test_trouble_told_with_no_role_is_answered_by_the_role_that_names_it(kb):
    """No role named, only the trouble ('fraud model silently degrading ... how are people supposed to
    catch this earlier?'): the lines of the role that names it (drift), not "I couldn't tell"."""
    reply = handlers.ask(
        "Our fraud model keeps silently degrading and we only find out when the business complains."
        " How are people supposed to catch this earlier?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("mlops-engineer",)
    assert "drift" in reply.text[:300]


def test_across_the_roles_each_challenge_comes_with_its_solution_and_each_solution_with_its_challenge(kb):
    """'what is model drift ... how do organizations detect it?': across the roles too, a
    challenge is shown with its solution, and a solution found on its own words comes after
    the challenge it answers."""
    reply = handlers.ask(
        "What is model drift and why does it occur? How can organizations detect and monitor model drift?", kb
    )
    text = reply.text
    assert (
        "*Challenge:* Manual monitoring and model drift\n• *Solution:* Automate monitoring processes" in text
    )
    assert (
        "*Challenge:* Maintaining model accuracy in production\n• *Solution:* Continuous monitoring" in text
    )


def test_a_challenge_naming_the_problem_leads_before_a_duty_that_names_a_rarer_word(kb):
    """'how do mlops teams handle the complex integration with existing systems when deploying
    models': the challenge with its solution, not the duty "Deploy and integrate ML models" that holds
    the rarer word "deploying"."""
    reply = handlers.ask(
        "how do mlops teams handle the complex integration with existing systems when deploying models", kb
    )
    assert reply.topic == "challenges"
    assert "*Challenge:* Complex integration with existing systems" in reply.text[:300]
    assert "Use API-driven integrations, modular architecture" in reply.text[:400]


def test_how_they_manage_a_problem_told_is_asking_the_fix(kb):
    """'cloud bills are scaring the owner. How do production AI engineers manage cost?': "how ... manage"
    asks how the problem is handled: the cost lines, not the career section."""
    reply = handlers.ask(
        "Small manufacturer, AI budget is tiny | Only production AI person at a 200-employee parts shop, "
        "cloud bills are scaring the owner. How do production AI engineers manage cost?",
        kb,
    )
    assert reply.topic in ("challenges", "best-practices")
    assert "Managing expenses of AI implementation, especially for smaller manufacturers" in reply.text[:400]


def test_a_story_then_only_fix_asks_the_fix_and_its_words_are_no_subject_refused(kb):
    """'every team has its own dev env and onboarding takes weeks. fix?': what to do about the story
    told; "onboarding", which no document covers, is the story's word, not what is asked."""
    reply = handlers.ask(
        "ml platform: every team has its own snowflake dev env and onboarding takes weeks. fix?", kb
    )
    assert (reply.intent, reply.uncovered) == ("answer", ())
    assert "Create standardized development environments" in reply.text[:300]
    asked = handlers.ask("how do ml platform engineers fix slow onboarding?", kb)
    assert asked.intent == "unknown" and "“onboarding”" in asked.text


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "How do you safely roll out new model versions on an ML platform? We push straight to prod.",
            "Automate model deployment with shadow deployment capabilities",
        ),
        (
            "new model versions keep breaking prod. what's the safer way to roll out in mlops?",
            "gradual rollouts",
        ),
    ],
)
def test_rolling_out_safely_is_the_documents_rollouts_and_shadow_deployment(kb, text, line):
    """'roll out new models safely': the rollouts, shadow deployment and rollbacks the documents
    advise, not lines on versioning that "versions" happens to match."""
    assert line in handlers.ask(text, kb).text[:600]


def test_a_cloud_bill_is_the_cost_lines(kb):
    """'cloud bill for our prod ai pipelines is exploding, any tips?': the bill is the documents' costs."""
    reply = handlers.ask(
        "cloud bill for our prod ai pipelines is exploding, any tips for production ai engineers?", kb
    )
    assert "Optimize resource utilization and manage costs effectively" in reply.text[:400]
    gpu = handlers.ask("GPU bill is insane and finance is on my back. any mlops tips?", kb)  # no "cost" in
    assert "Inefficient tools and budget constraints" in gpu.text[:300]  # the MLOps document: its budget


@pytest.mark.parametrize(
    ("question", "topic", "line"),
    [
        # infosec is the security team, an attack surface the vulnerabilities the documents name
        (
            "ML platform eng: infosec says our AI integration opens a new attack surface. how to handle it",
            "challenges",
            "Mitigating vulnerabilities introduced by AI integration",
        ),
        # "ideas" asks for suggestions (no "Openness to new ideas"): the environments told lead
        (
            "every data science team uses its own env on our ML platform and nothing is reproducible. ideas?",
            "best-practices",
            "Create standardized development environments",
        ),
        # a rerun that gives another result is the documents' idempotency and repeatability
        (
            "my ML pipeline reruns give different results and fail randomly at night. what do ml engineers "
            "do about this?",
            "best-practices",
            "Ensure idempotency and repeatability in pipelines",
        ),
        # a phrase the synonyms know is read whole, its stopwords and all
        (
            "the data scientists throw models over the wall at us. how do mlops people fix this?",
            "challenges",
            "Misaligned incentives and skill sets across teams",
        ),
        # a fix asked of trouble told: "numbers" there is no pay, and "never match" are discrepancies
        (
            "each team keeps its data in its own bucket and the numbers never match. mlops eng, how do we "
            "fix this?",
            "challenges",
            "Data discrepancies and lack of versioning",
        ),
        # hopes no system meets, in everyday words: the documents' expectations lines
        (
            "leadership thinks our new AI system is pure magic. how do ai systems engineers handle that?",
            "best-practices",
            "Set realistic expectations about AI capabilities",
        ),
        (
            "the execs think AI will fix everything by Q3. how do production ai engineers handle it?",
            "challenges",
            "Managing stakeholder expectations",
        ),
        # people who will not use it: the documents' mistrust and resistance
        (
            "the nurses refuse to use our triage model. ai systems engineer here, how do people handle that?",
            "challenges",
            "Addressing public mistrust and resistance to AI adoption",
        ),
        # AI asked for where a simple rule would do: whether AI is the right solution at all
        (
            "our execs want an LLM for something a simple rule would do. as the ai systems engineer, how do "
            "i handle it?",
            "best-practices",
            "Ensure AI is the appropriate solution for the identified problem",
        ),
        # inputs made to fool a model are the adversarial testing; "what's recommended?" asks the fix
        (
            "our ml platform could be attacked with crafted inputs to fool the models. what's recommended?",
            "challenges",
            "Implementing robust security measures and adversarial testing",
        ),
        # a class far rarer than the other is the class imbalance
        (
            "my fraud classifier has a tiny minority class and ignores it. ml engineer, how to fix that?",
            "challenges",
            "Addressing class imbalance in datasets",
        ),
        # data spread across teams: the documents' silos
        (
            "our data is spread across five teams with no shared ids. ai systems engineer here, how to fix?",
            "challenges",
            "Data integration issues due to silos and lack of standardization",
        ),
    ],
)
def test_a_problem_told_in_its_own_words_finds_the_lines_that_name_it(kb, question, topic, line):
    """The problem in the person's words (infosec, an attack surface, ideas asked, reruns that differ):
    the section and the line of the documents that name it lead."""
    reply = handlers.ask(question, kb)
    assert reply.topic == topic
    assert line in reply.text[:300]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (  # the question's own words ("roll back") before the story's
            "production AI engineer at a packaging plant. we pushed a new vision model last month, it looked"
            " fine offline and then quietly missed defects for two weeks before anyone noticed. what do"
            " experienced teams do to catch this, and how do you roll back safely?",
            "Enable shadow deployment and automatic rollbacks",
        ),
        (  # of a long story, its rare words ("PLCs", "proprietary protocol") before its everyday ones
            "I'm a production AI engineer at a glass plant. Half our line runs on PLCs from the 90s and the"
            " rest on a vendor system with a proprietary protocol. How do people in this role deal with it?",
            "Dealing with proprietary systems that don't communicate effectively",
        ),
    ],
)
def test_a_long_story_then_how_to_handle_it_leads_with_the_lines_on_what_is_asked(kb, text, line):
    assert line in handlers.ask(text, kb).text[:200]


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("do mlops engineers own model ethics, or does legal handle that?", False),  # whose job it is
        ("does the data team handle it, or the ml platform engineers?", False),
        ("drift keeps biting us. how do mlops engineers handle that?", True),
        ("our pipelines break weekly, how do we handle this?", True),
    ],
)
def test_someone_else_handling_it_asks_whose_job_not_a_fix(engine, text, fix):
    assert asks_fix(engine, engine.matcher.match(text)) is fix


def test_asking_what_makes_the_trouble_stop_asks_the_fix(kb):
    """'our models keep failing every holiday ... What should I be setting up so this stops?': the
    challenge with its solution (it answered the skills to learn); 'so it doesn't happen again' asks
    the same."""
    for question in (
        "our models keep failing every holiday and I retrain by hand. What should I be setting up as an MLOps"
        " engineer so this stops?",
        "our models keep failing every holiday and I retrain by hand. as an mlops engineer what should I set"
        " up so it doesn't happen again?",
    ):
        reply = handlers.ask(question, kb)
        assert reply.topic in ("challenges", "best-practices"), question
        assert "Solution:" in reply.text[:600], question


def test_a_word_people_ask_in_often_is_not_rare(engine, kb):
    """'prod': no document says it, but people ask about many lines in it (knowledge/asked), so it
    weighs as a common word, not as the rarest one ('lowdown', said nowhere, stays the rarest); and
    '200 models in prod and nobody knows which version is where' leads with versioning, not with
    every line on production."""
    ev = engine.evidence
    assert ev.term("prod").weight < ev.term("versioning").weight < ev.term("lowdown").weight
    reply = handlers.ask(
        "How do MLOps teams handle model versioning at scale? | We have 200 models in prod and nobody knows "
        "which version is where. Any best practices?",
        kb,
    )
    assert reply.text.split("\n")[2] == "_Reproducibility and Versioning_"


def test_accuracy_that_dropped_is_trouble_to_handle(kb):
    """'the model was great at launch but its accuracy slowly dropped. ... how do mlops folks catch
    it?': the trouble told (dropped) and a fix asked: the challenge with its solution."""
    reply = handlers.ask(
        "the model was great at launch but its accuracy slowly dropped. what's going on and how do mlops "
        "folks catch it?",
        kb,
    )
    assert reply.topic == "challenges"
    assert "Maintaining model accuracy in production" in reply.text[:300]


def test_explaining_why_the_model_decided_is_explainability(kb):
    """'our execs keep asking us to explain why the model flagged their account': the model's
    decisions explained (the documents' interpretability and explainability), not explaining a
    concept to a person."""
    reply = handlers.ask(
        "our execs keep asking us to explain why the model flagged their account. how do ai/ml engineers "
        "handle that?",
        kb,
    )
    assert "Explaining complex model decision-making processes" in reply.text[:300]


@pytest.mark.parametrize(
    "text",
    [
        "Data scientists keep throwing notebooks over the wall and expecting me to ship them to prod in a "
        "week. How do people bridge that gap without hating each other?",
        "data scientists keep handing me notebooks to put in production. any tips on bridging that gap?",
    ],
)
def test_a_question_pointing_at_the_situation_told_reads_it_and_the_colleagues_are_no_title_asked(kb, text):
    """'data scientists keep throwing notebooks ... how do people bridge that gap?': the gap the
    sentence before tells is asked, and the data scientists are colleagues, not a job asked about."""
    reply = handlers.ask(text, kb)
    assert reply.intent != "unknown" and "data scientist" not in reply.uncovered
    assert "isn't one of them" not in reply.text
    assert "Bridging the gap between data scientists and ML engineers" in reply.text[:600] or (
        "Misaligned incentives and skill sets across teams" in reply.text[:600]
    )
    asked = handlers.ask("data scientists make how much?", kb)  # the title itself asked: not covered
    assert asked.intent == "unknown" and "data scientist" in asked.uncovered
