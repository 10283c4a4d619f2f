"""Command line: `ask`, `serve`, `tips`, `report`, `db` (contract: ../shared/CONTRACTS.md).

Each command's module is imported only when that command runs, so the offline
`ask` path never imports Slack.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

__all__ = ["main", "parser"]


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size() finds it ($COLUMNS, the tty, else 80)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help, sized as it sizes it, without importing shutil (and the compression
    modules shutil imports) on every start: argparse makes a formatter for each argument."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width=None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose parsers and subparsers all use _Formatter."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    top = _Parser(prog="rolebot", description="Career answers about AI/ML roles.")
    sub = top.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question offline")
    ask.add_argument("text", nargs="+", help="the question, or - to read one per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per reply")
    ask.add_argument("--full", action="store_true", help="the whole section(s) behind the answer")
    ask.set_defaults(module="bot.ask")

    serve = sub.add_parser("serve", help="run the Slack app (HTTP, or Socket Mode)")
    serve.add_argument("--port", type=int, default=None, help="HTTP port (default $PORT or 3000)")
    serve.set_defaults(module="bot.slack.serve")

    tips = sub.add_parser("tips", help="daily career tips")
    tsub = tips.add_subparsers(dest="tips_command", required=True)
    preview = tsub.add_parser("preview", help="show the tips a channel would get")
    preview.add_argument("--channel", required=True)
    preview.add_argument("--days", type=int, default=7)
    preview.add_argument("--start", default=None, help="YYYY-MM-DD (default today)")
    preview.add_argument("--json", action="store_true")
    post = tsub.add_parser("post", help="post one day's tip to a channel now")
    post.add_argument("--channel", required=True)
    post.add_argument("--date", default=None, help="YYYY-MM-DD (default today)")
    post.add_argument("--team", default=None, help="the channel's team id (multi-workspace mode)")
    tsub.add_parser("run", help="the scheduler: post every due tip")
    tips.set_defaults(module="bot.tips.cli")

    report = sub.add_parser("report", help="questions rolebot could not answer, feedback, counts")
    report.add_argument("--days", type=int, default=30, help="how far back (default 30)")
    report.add_argument("--json", action="store_true", help="one JSON object")
    report.add_argument("--team", default=None, help="one team's answers only (multi-workspace mode)")
    report.set_defaults(module="bot.report")

    db = sub.add_parser("db", help="the database at DATABASE_URL")
    dsub = db.add_subparsers(dest="db_command", required=True)
    dsub.add_parser("upgrade", help="apply the schema migrations (serve and tips run do it too)")
    db.set_defaults(module="bot.store.cli")
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit status."""
    args = parser().parse_args(argv)
    from bot.slack import green  # imports nothing else: gevent must patch before anything runs

    if green.wanted(args.command):
        green.patch()
    module = importlib.import_module(args.module)
    try:
        return module.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
