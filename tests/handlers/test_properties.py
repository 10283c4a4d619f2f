"""Properties over arbitrary text: the bot never fails, and never pings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import handlers
from handlers.reply import INTENTS
from tests.handlers.test_replies import assert_within_limits

WORDS = [
    "mlops",
    "platform",
    "salary",
    "senior",
    "vs",
    "compare",
    "<!channel>",
    "<@U123>",
    "&",
    "ai",
    "engineer",
    "seattle",
    "/role",
    "help",
    "list",
    "ml",
    "?",
    "<!here|here>",
    "google",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=10).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_gets_a_valid_reply(kb, text):
    """Never raises; one of six intents; blocks within limits; no '<!' or '<@' from the input."""
    reply = handlers.ask(text, kb)
    assert reply.intent in INTENTS
    assert reply.text.strip()
    assert_within_limits(reply.blocks)
    out = reply.text + json.dumps(reply.blocks)
    assert "<!" not in out and "<@" not in out
    json.dumps(reply.to_json())


def test_huge_text_is_answered(kb):
    """100 KB of text gets a clear reply within limits: "blah" is colour, the salary is answered."""
    reply = handlers.ask("/role mlops salary " + "blah " * 20000, kb)
    assert reply.intent == "answer" and reply.roles == ("mlops-engineer",) and reply.topic == "salary"
    assert_within_limits(reply.blocks)


def test_huge_question_still_finds_its_answer(kb):
    """A 4,000-character question whose subject is real still leads with the answering line."""
    reply = handlers.ask("which roles need kubernetes? " + "honestly " * 500, kb)
    assert reply.intent in ("answer", "compare") and "Kubernetes" in reply.text[:600]
    assert_within_limits(reply.blocks)


def test_replies_do_not_depend_on_the_hash_seed():
    """The same questions get the same replies whatever order Python's sets take (PYTHONHASHSEED):
    written questions, each run under two seeds."""
    cases = Path(__file__).resolve().parents[2] / "bench" / "cases"
    questions = [
        " ".join(c["q"].split())
        for name in ("answers-tune24.yaml", "answers-tune41.yaml", "forum-tune42.yaml", "forum-tune38.yaml")
        for c in yaml.safe_load((cases / name).read_text(encoding="utf-8"))
    ]
    stdin = "\n".join(questions) + "\n"

    def replies(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json", "-"],
            input=stdin, capture_output=True, text=True, env=env, timeout=120, check=True,
        )  # fmt: skip
        return done.stdout

    first, second = replies("0"), replies("9")  # two seeds that once gave two replies
    assert first.count("\n") == len(questions)
    assert first == second
