"""`report --team T`: one workspace's answers in multi-workspace mode; refused with one team."""

from __future__ import annotations

import json
from argparse import Namespace
from datetime import UTC, datetime
from io import StringIO

from slack_sdk.oauth.installation_store import Installation

from bot import report
from bot.store import Database, Feedback, upgrade
from bot.store.installs import Installations

CLIENT = {
    "SLACK_CLIENT_ID": "1111111111.2222222222",
    "SLACK_CLIENT_SECRET": "0123456789abcdef0123456789abcdef",
}


def run(env, **args):
    out, err = StringIO(), StringIO()
    code = report.run(Namespace(days=30, json=True, **{"team": None, **args}), env=env, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_report_of_one_team(database_url):
    """Two teams' answers; --team T1 reports T1's only, without --team both; no secret printed."""
    db = Database(database_url)
    upgrade(db)
    installs = Installations(db, CLIENT["SLACK_CLIENT_ID"])
    now = datetime.now(UTC)
    for n, team in enumerate(("T1", "T2", "T2")):
        installs.save(Installation(app_id="A", team_id=team, bot_token=f"xoxb-{team}", user_id="U"))
        row = {"id": f"a{n}", "created_at": now, "question": f"q {team}", "intent": "unknown", "roles": []}
        Feedback(db).record_answers([{**row, "topic": None, "covered": False, "team": team}])
    db.close()
    env = {**CLIENT, "DATABASE_URL": database_url}
    code, out, _ = run(env, team="T1")
    said = json.loads(out)
    assert code == 0 and said["team"] == "T1" and said["answers"] == 1
    assert [m["question"] for m in said["not_covered"]] == ["q t1"]
    assert json.loads(run(env)[1])["answers"] == 3
    assert CLIENT["SLACK_CLIENT_SECRET"] not in out and "xoxb-" not in out


def test_team_is_refused_with_one_team(tmp_path):
    """--team in single-workspace mode: exit 2, one line."""
    code, _, err = run(
        {"SLACK_BOT_TOKEN": "xoxb-1", "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}, team="T1"
    )
    assert code == 2 and "multi-workspace" in err and err.count("\n") == 1
