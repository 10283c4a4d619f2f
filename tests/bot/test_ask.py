"""`python -m bot ask`: one answer as text or JSON, or a batch from stdin."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.ask import plain
from bot.cli import main


def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
    )


class TestAsk:
    """The offline `ask` command (contract in ../shared/CONTRACTS.md)."""

    def test_text_answer(self, capsys):
        """Plain text as a person reads it: no mrkdwn stars, entities unescaped."""
        assert main(["ask", "/role mlops salary"]) == 0
        out = capsys.readouterr().out
        assert "MLOps Engineer · Salary" in out and "145,000" in out and "*" not in out.split("\n")[0]

    def test_json_answer(self, capsys):
        """--json prints one object with the contract's fields."""
        assert main(["ask", "--json", "mlops", "salary"]) == 0
        reply = json.loads(capsys.readouterr().out)
        assert {"intent", "roles", "topic", "text", "blocks"} <= set(reply)
        assert (reply["intent"], reply["roles"], reply["topic"]) == ("answer", ["mlops-engineer"], "salary")

    def test_batch_keeps_order_and_survives_bad_lines(self):
        """One JSON line per input line, in order, bad lines answered too."""
        lines = ["/role mlops salary", "", "\x00\x01 garbage ]]]", "x" * 20000, "/role list"]
        done = run("ask", "--json", "-", stdin="\n".join(lines) + "\n")
        assert done.returncode == 0, done.stderr
        replies = [json.loads(line) for line in done.stdout.splitlines()]
        assert len(replies) == len(lines)
        assert replies[0]["intent"] == "answer" and replies[-1]["intent"] == "list"
        assert replies[1]["intent"] == "help"

    def test_a_failing_line_costs_one_line_not_the_batch(self, monkeypatch, capsys):
        """A bug while answering one line prints an apology for it and goes on with the next."""
        import io

        import handlers

        real = handlers.ask

        def flaky(text, kb):
            if "boom" in text:
                raise IndexError("tuple index out of range")
            return real(text, kb)

        monkeypatch.setattr(handlers, "ask", flaky)
        monkeypatch.setattr("sys.stdin", io.StringIO("/role mlops salary\nboom\n/role list\n"))
        assert main(["ask", "--json", "-"]) == 0
        out = capsys.readouterr()
        replies = [json.loads(line) for line in out.out.splitlines()]
        assert [r["intent"] for r in replies] == ["answer", "unknown", "list"]
        assert "Sorry" in replies[1]["text"] and "Traceback" not in out.err and out.err.count("\n") == 1

    @staticmethod
    def _modules_after_ask(question: str) -> set[str]:
        """The modules a fresh interpreter holds after one `ask` (a cold start)."""
        code = (
            "import sys, io, contextlib; from bot.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()): main(['ask', '--json', {question!r}])\n"
            "print(' '.join(sys.modules), file=sys.stderr)"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        return set(done.stderr.split())

    def test_offline_path_never_imports_slack(self):
        """`ask` does not import slack_bolt or slack_sdk (fast cold start)."""
        loaded = self._modules_after_ask("mlops salary")
        assert "bot.cli" in loaded and not any(m.startswith(("slack_bolt", "slack_sdk")) for m in loaded)

    def test_offline_path_never_imports_shutil(self):
        """argparse imports shutil (and bz2, lzma) to size its help; `ask` sizes it without them."""
        loaded = self._modules_after_ask("which roles need kubernetes?")
        assert "bot.cli" in loaded and not {"shutil", "bz2", "lzma"} & loaded

    @pytest.mark.parametrize("columns", ["", "0", "abc", "57", "200"])
    def test_help_is_as_wide_as_argparse_makes_it(self, columns, monkeypatch, capsys):
        import shutil

        from bot.cli import _columns

        monkeypatch.setenv("COLUMNS", columns)
        assert _columns() == shutil.get_terminal_size().columns
        with pytest.raises(SystemExit):
            main(["ask", "--help"])
        help_text = capsys.readouterr().out
        assert "the question, or - to read one per line from stdin" in " ".join(help_text.split())
        assert max(map(len, help_text.splitlines())) <= max(_columns() - 2, 40)

    def test_broken_knowledge_base_is_one_line_and_exit_2(self, capsys):
        """A knowledge base that fails to load stops with one line naming file and field."""
        import argparse

        from bot.ask import run as ask_run
        from knowledge.load import KnowledgeError

        def broken():
            raise KnowledgeError("knowledge/data/mlops-engineer.yaml: field sections.0.heading: bad")

        args = argparse.Namespace(text=["/role", "mlops"], json=False)
        assert ask_run(args, loader=broken) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "mlops-engineer.yaml: field sections.0.heading" in err

    def test_plain_unescapes_and_strips_markup(self):
        """mrkdwn bold/italic and entities become plain text."""
        assert plain("*Bold* _it_ &lt;x&gt; &amp;") == "Bold it <x> &"

    def test_batch_lines_with_one_thread_are_one_conversation(self):
        """JSON lines with a thread id carry context; other threads and plain lines do not."""
        lines = [
            {"text": "how much do ml platform engineers make?", "thread": "a"},
            {"text": "what skills does an mlops engineer need?", "thread": "b"},
            {"text": "and in seattle?", "thread": "a"},
            "and in seattle?",
            {"text": "what about platform engineers?", "thread": "b"},
            '{"text": broken json',
        ]
        stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
        done = run("ask", "--json", "-", stdin=stdin)
        assert done.returncode == 0, done.stderr
        replies = [json.loads(line) for line in done.stdout.splitlines()]
        assert len(replies) == len(lines)
        assert (replies[2]["roles"], replies[2]["topic"]) == (["ml-platform-engineer"], "salary")
        assert "$173,517" in replies[2]["text"]
        assert replies[3]["intent"] == "clarify"  # a plain line has no context: which role?
        assert (replies[4]["roles"], replies[4]["topic"]) == (["ml-platform-engineer"], "requirements")

    def test_full_prints_the_whole_section_behind_an_answer(self, capsys):
        """--full: the section a short answer leads into, every line of it."""
        assert main(["ask", "--full", "how many yrs of experience do mlops jobs ask for"]) == 0
        whole = capsys.readouterr().out
        assert main(["ask", "/role mlops-engineer requirements"]) == 0
        assert whole == capsys.readouterr().out
