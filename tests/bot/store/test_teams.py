"""Each team's rows are its own; deleting a team's bot (uninstall) deletes them, and only them."""

from __future__ import annotations

from datetime import date, timedelta

from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import func, select

from bot.store import ContextKey, Conversations, Feedback, Team, TipStore
from bot.store.installs import Installations, OAuthStates
from bot.store.records import Subscription
from bot.store.schema import answers, conversation_turns, tip_flags, tip_log, tip_subscriptions, votes
from tests.fake_clock import utc

NOW = utc(2026, 11, 23, 9)
CLIENT_ID = "1111111111.2222222222"
TABLES = (conversation_turns, answers, votes, tip_subscriptions, tip_flags, tip_log)


def fill(db, team: Team) -> None:
    """A subscription, a flag, a posted tip, a conversation, an answer and a vote for a team."""
    store = TipStore(db, team)
    store.save_subscription(Subscription("C1"), NOW)
    store.set_flag("C1", "not_in_channel", NOW)
    store.claim("C1", date(2026, 11, 23), "k", "me", NOW, timedelta(minutes=5))
    Conversations(db).add_turn(ContextKey(team.team, "C1", "1.1", team.enterprise), {"intent": "x"}, NOW)
    row = {
        "id": f"A-{team.team}",
        "created_at": NOW,
        "question": "q",
        "intent": "answer",
        "roles": [],
        "topic": None,
    }
    Feedback(db).record_answers([{**row, "covered": True, **team._asdict()}])
    assert Feedback(db).record_vote(f"A-{team.team}", "U1", "up", NOW, team) == "recorded"


def counts(db, team: str) -> dict[str, int]:
    with db.begin(read=True) as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t).where(t.c.team == team)).scalar()
            for t in TABLES
        }


def install(installs: Installations, team: Team, org_wide: bool = False) -> None:
    installs.save(
        Installation(
            app_id="A0APP",
            enterprise_id=team.enterprise or None,
            team_id=None if org_wide else team.team,
            bot_token=f"xoxb-{team.team or team.enterprise}",
            bot_id="B0",
            bot_user_id="U0B",
            user_id="U1",
            is_enterprise_install=org_wide,
        )
    )


ANSWER = {"created_at": NOW, "question": "q", "intent": "answer", "roles": [], "topic": None, "covered": True}


class TestTeamRows:
    def test_a_channel_id_is_one_per_team(self, db):
        """Channel C1 of two teams: two subscriptions, two flags, two tip log rows."""
        one, two = TipStore(db, Team("", "T1")), TipStore(db, Team("", "T2"))
        one.save_subscription(Subscription("C1", time="07:00"), NOW)
        two.save_subscription(Subscription("C1", time="10:00"), NOW)
        assert [s.time for s in one.subscriptions()] == ["07:00"]
        assert two.subscription("C1").time == "10:00"
        assert one.claim("C1", NOW.date(), "k", "a", NOW, timedelta(minutes=5)).status == "new"
        assert two.claim("C1", NOW.date(), "k", "b", NOW, timedelta(minutes=5)).status == "new"
        one.mark_sent("C1", NOW.date(), "1.1", NOW)
        assert two.posted("C1", NOW.date()) is None and one.posted("C1", NOW.date()) == "1.1"
        assert TipStore(db).subscriptions() == []  # single-workspace mode's team

    def test_report_takes_one_team(self, db):
        """Feedback.report(team=T) counts only T's answers."""
        for team in (Team("", "T1"), Team("", "T2")):
            install(Installations(db, CLIENT_ID), team)
            fill(db, team)
        assert Feedback(db).report(NOW - timedelta(days=1), "T1").answers == 1
        assert Feedback(db).report(NOW - timedelta(days=1)).answers == 2


class TestUninstall:
    def test_deleting_a_bot_deletes_that_team_only(self, db):
        """delete_bot (bolt's uninstall listeners) deletes T1's installation and rows; T2 keeps its own."""
        installs = Installations(db, CLIENT_ID)
        for team in (Team("", "T1"), Team("", "T2")):
            install(installs, team)
            fill(db, team)
        installs.delete_all(enterprise_id=None, team_id="T1")
        assert installs.installation_for(Team("", "T1")) is None
        assert installs.find_bot(enterprise_id=None, team_id="T1") is None
        assert set(counts(db, "T1").values()) == {0}
        assert set(counts(db, "T2").values()) == {1}
        assert installs.installation_for(Team("", "T2")).bot_token == "xoxb-T2"

    def test_an_org_wide_uninstall_deletes_every_team_of_the_org(self, db):
        """An Enterprise Grid org-wide install serves its workspaces; removing it deletes all of theirs."""
        installs = Installations(db, CLIENT_ID)
        install(installs, Team("E1", ""), org_wide=True)
        install(installs, Team("", "T9"))
        for team in (Team("E1", "T5"), Team("E1", "T6"), Team("", "T9")):
            fill(db, team)
        assert installs.installation_for(Team("E1", "T5")).bot_token == "xoxb-E1"
        installs.delete_all(enterprise_id="E1", team_id=None)
        assert installs.installation_for(Team("E1", "T5")) is None
        assert set(counts(db, "T5").values()) == set(counts(db, "T6").values()) == {0}
        assert set(counts(db, "T9").values()) == {1}

    def test_team_of_finds_the_org(self, db):
        """A workspace id is enough to find its installed team (and its org)."""
        installs = Installations(db, CLIENT_ID)
        install(installs, Team("E2", "T3"))
        assert installs.team_of("T3") == Team("E2", "T3") and installs.team_of("T4") is None


class TestOAuthStates:
    def test_a_state_is_consumed_once(self, db):
        """A state handed out is valid once; a made-up one never."""
        states = OAuthStates(db)
        state = states.issue()
        assert states.consume(state) and not states.consume(state) and not states.consume("made-up")


class TestLateAnswers:
    def test_an_answer_written_after_the_uninstall_is_dropped(self, db):
        """Answers that waited in a batch (or through an outage) are not written for a team gone
        since; an installed team's and single-workspace mode's are."""
        installs = Installations(db, CLIENT_ID)
        install(installs, Team("", "T1"))
        install(installs, Team("", "T2"))
        installs.delete_all(enterprise_id=None, team_id="T1")
        row = ANSWER
        Feedback(db).record_answers(
            [{**row, "id": "a1", "team": "T1"}, {**row, "id": "a2", "team": "T2"}, {**row, "id": "a3"}]
        )
        with db.begin(read=True) as conn:
            assert sorted(conn.execute(select(answers.c.id)).scalars()) == ["a2", "a3"]

    def test_an_org_wide_install_keeps_its_workspaces_answers(self, db):
        """A workspace served by its org's install records answers."""
        install(Installations(db, CLIENT_ID), Team("E1", ""), org_wide=True)
        row = ANSWER
        Feedback(db).record_answers([{**row, "id": "a1", "enterprise": "E1", "team": "T5"}])
        assert Feedback(db).report(NOW - timedelta(days=1), "T5").answers == 1


class TestMigration:
    def test_0004_keeps_old_rows_as_single_workspace_and_goes_down_again(self, database_url):
        """Rows from before 0004 become single-workspace mode's ('', ''); downgrading to 0002 keeps
        them and drops other teams' tip rows; upgrading again works."""
        from alembic import command

        from bot.store import Database, upgrade
        from bot.store.migrate import _config, current

        db = Database(database_url)
        with db.migrating() as conn:
            command.upgrade(_config(conn), "0002")
            conn.exec_driver_sql(
                "INSERT INTO tip_subscriptions"
                " (channel, time, timezone, weekdays, enabled, since, updated_at) "
                "VALUES ('C1', '07:45', 'UTC', 'mon', true, '2026-11-01T08:00:00.000000Z', "
                "'2026-11-01T08:00:00.000000Z')"
            )
        upgrade(db)
        assert TipStore(db).subscription("C1").time == "07:45"
        TipStore(db, Team("", "T1")).save_subscription(Subscription("C1", time="10:00"), NOW)
        db.close()
        with db.migrating() as conn:
            command.downgrade(_config(conn), "0002")
        assert current(db) == "0002"
        with db.begin(read=True) as conn:
            assert conn.exec_driver_sql("SELECT channel, time FROM tip_subscriptions").all() == [
                ("C1", "07:45")
            ]
        db.close()
        upgrade(db)
        assert [s.time for s in TipStore(db).subscriptions()] == ["07:45"]
        db.close()
