"""Queries are routed to one of six intents, honestly."""

from __future__ import annotations

import pytest

import handlers
from handlers.kinds import journey

ALL = (
    "production-ai-engineer",
    "ai-ml-engineer",
    "ai-systems-engineer",
    "mlops-engineer",
    "ml-platform-engineer",
)


class TestIntents:
    """Query -> (intent, roles, topic)."""

    @pytest.mark.parametrize(
        ("query", "intent", "roles", "topic"),
        [
            ("/role mlops salary", "answer", ("mlops-engineer",), "salary"),
            (
                "which jobs can you tell me about?",
                "list",
                ALL,
                None,
            ),
            (
                "which roles can you answer questions on?",
                "list",
                ALL,
                None,
            ),
            ("mlops salary", "answer", ("mlops-engineer",), "salary"),
            ("<@U0BOT123> platform trends", "answer", ("ml-platform-engineer",), "trends"),
            ("<@U0BOT123|rolebot>: platform trends", "answer", ("ml-platform-engineer",), "trends"),
            ("/role mlops", "answer", ("mlops-engineer",), "overview"),
            ("/role mlops senior", "answer", ("mlops-engineer",), "salary"),
            (
                "/role compare mlops platform salary",
                "compare",
                ("mlops-engineer", "ml-platform-engineer"),
                "salary",
            ),
            ("mlops vs platform", "compare", ("mlops-engineer", "ml-platform-engineer"), "overview"),
            (
                "how does an mlops engineer differ from a platform engineer",
                "compare",
                ("mlops-engineer", "ml-platform-engineer"),
                "overview",
            ),
            ("which role pays the most?", "compare", ALL, "salary"),
            ("compare all roles by salary", "compare", ALL, "salary"),
            ("which job is most in demand", "compare", ALL, "demand"),
            (
                "what pays better than mlops",
                "compare",
                ("mlops-engineer",) + tuple(r for r in ALL if r != "mlops-engineer"),
                "salary",
            ),
            ("ML vs MLOps", "compare", ("ai-ml-engineer", "mlops-engineer"), "overview"),
            ("/role ai systems pay at tesla vs google", "answer", ("ai-systems-engineer",), "salary"),
            ("/role salary", "clarify", ALL, "salary"),
            (
                "/role ai engineer",
                "clarify",
                ("production-ai-engineer", "ai-ml-engineer", "ai-systems-engineer"),
                None,
            ),
            ("/role list", "list", ALL, None),
            ("what roles do you know?", "list", ALL, None),
            ("/role", "help", (), None),
            ("/role help", "help", (), None),
            ("", "help", (), None),
            ("hello", "help", (), None),
            ("/role astronaut", "unknown", (), None),
            ("/role dentist salary", "unknown", (), "salary"),
            ("what time is it", "unknown", (), None),
            ("/role <!everyone> salary", "clarify", ALL, "salary"),
        ],
    )
    def test_intent(self, kb, query, intent, roles, topic):
        """The reply's intent, roles and topic (all five in any order: a pay ranking puts the
        answer first)."""
        reply = handlers.ask(query, kb)
        got = (
            tuple(sorted(reply.roles, key=roles.index))
            if set(roles) == set(ALL) == set(reply.roles)
            else reply.roles
        )
        assert (reply.intent, got, reply.topic) == (intent, roles, topic)

    def test_a_weak_match_is_never_silently_guessed(self, kb):
        """An unknown role with a topic says so rather than answering another role."""
        reply = handlers.ask("/role astronaut salary", kb)
        assert reply.intent == "unknown" and "astronaut" in reply.text and reply.roles == ()

    def test_a_role_rolebot_does_not_cover_is_named_plainly(self, kb):
        """'MLOps vs DevOps': DevOps is no role rolebot knows; the MLOps lines on DevOps lead."""
        reply = handlers.ask("What's the difference between MLOps and DevOps?", kb)
        assert (reply.intent, reply.roles) == ("answer", ("mlops-engineer",))
        assert "“devops” isn't one of the 5 roles I know" in reply.text[:200]
        assert "DevOps" in reply.text[:600]

    def test_a_role_and_an_unknown_title_the_documents_never_mention(self, kb):
        """'MLOps vs actuary': the actuary is named as not covered."""
        reply = handlers.ask("what is the difference between mlops engineer and actuary?", kb)
        assert reply.roles == ("mlops-engineer",) and "actuary" in reply.uncovered

    def test_superlative_with_a_level_compares_that_level(self, kb):
        """'highest entry level salary' compares all roles on entry-level figures only."""
        reply = handlers.ask("which role has the highest entry level salary", kb)
        assert (reply.intent, reply.topic, reply.focus) == ("compare", "salary", ("entry",))
        assert (
            "— entry*" in reply.text and "— senior*" not in reply.text and "*Senior level*" not in reply.text
        )

    def test_unknown_suggests_close_names(self, kb):
        """A near name that is too far to auto-correct is offered as 'did you mean'."""
        reply = handlers.ask("/role machinelearnin", kb)
        assert reply.intent == "unknown" and "Did you mean" in reply.text
        assert "AI/ML Engineer" in reply.text
        # a word of one role's names only is that role ("operations": MLOps)
        assert handlers.ask("/role operations", kb).roles == ("mlops-engineer",)


def test_so_i_know_is_why_it_is_asked(kb):
    """'Where is the MLOps role heading so I know what to learn next?': where it is heading (the
    trends); what the person will do with it is context."""
    reply = handlers.ask("Where is the MLOps role actually heading so I know what to learn next?", kb)
    assert reply.topic == "trends"


def test_the_way_in_is_read_in_the_order_said(engine):
    """'coming from ML platform engineering (infra side)': the words after "from", as said, so that the
    role named among them is read the same on every run (a set's order once changed the reply with
    PYTHONHASHSEED)."""
    words = tuple("how do i become an ai team lead coming from ml platform engineering infra side ?".split())
    assert journey(words, engine.matcher.word_lists) == ("ml", "platform", "engineering", "infra", "side")
    assert engine.matcher.match(" ".join(journey(words, engine.matcher.word_lists))).roles == (
        "ml-platform-engineer",
    )


def test_production_said_of_the_live_model_is_no_role(kb):
    """'production performance has started to move. How do you detect data drift ...?': how the live
    model does, not the Production AI Engineer (it answered that role's trends)."""
    reply = handlers.ask(
        "You've shipped a model that looked stable in offline testing, but production performance has"
        " started to move. How do you detect data drift and concept drift in production?",
        kb,
    )
    assert "production-ai-engineer" not in reply.roles
    assert "Monitor for data drift and concept drift" in reply.text[:600]


def test_ai_ml_experience_is_the_fields_not_the_ml_engineers(kb):
    """'no AI/ML experience — how can I transition into ML Infra?': the platform engineer's way in
    (it compared the ML engineer too, "AI/ML" read as that role)."""
    reply = handlers.ask(
        "I have a strong SDE background but no AI/ML experience — how can I transition into ML Infra in the"
        " shortest time possible?",
        kb,
    )
    assert reply.intent == "answer" and reply.roles == ("ml-platform-engineer",)


def test_asking_for_suggestions_claims_no_mention_of_them(kb):
    """'any suggestions?', '... if anyone has any suggestions, please enlighten me': asking for advice,
    not a subject ("Only AI/ML Platform Engineer mentions suggestions", from its Copilot line)."""
    for question in (
        "any suggestions?",
        "if anyone has any suggestions on what comes after deep learning, please enlighten me",
    ):
        reply = handlers.ask(question, kb)
        assert "mentions suggestions" not in reply.text and "“suggestions”" not in reply.text, question


def test_a_machine_learning_infrastructure_engineer_is_the_platform_engineer(kb):
    """'What is a Machine Learning Infrastructure Engineer?': the ML platform engineer, as "ML
    infrastructure engineer" already was (it answered the ML engineer, on "machine learning")."""
    reply = handlers.ask("What is a Machine Learning Infrastructure Engineer?", kb)
    assert reply.roles == ("ml-platform-engineer",) and reply.topic == "overview"


def test_the_other_asks_lines_never_repeat_a_line_of_the_lead(engine):
    """The lines added for the other ask of two (second.both_points) leave out those the lead shows;
    a line of the lead past its first lines may come again, once."""
    from handlers.second import both_points
    from handlers.understand import plan
    from knowledge.index import Hit

    question = "what do mlops engineers do day to day? and what are their technical requirements?"
    lead = plan("mlops-engineer what do mlops engineers do day to day?", engine)
    role, hits = lead.groups[0]
    other = plan("mlops-engineer what are their technical requirements?", engine)
    # the other ask's plan holds, after a line of its own, the lead's first line (scored anew)
    own, *rest = other.groups[0][1]
    again = Hit(hits[0].line, hits[0].score + 1.0, frozenset({"other"}))
    echoed = other.model_copy(update={"groups": ((role, (own, again, *rest)),)})
    both = both_points(engine, lead, question, lambda q: echoed if "requirements" in q else plan(q, engine))
    texts = [h.line.text for h in both.groups[0][1]]
    assert len(texts) == len(set(texts)) and len(texts) > 3
