"""`flask calls purge` also forgets stale call states and old status callbacks, known calls or not."""

from __future__ import annotations

from sqlalchemy import func, select

from ivr.runtime import runtime
from ivr.store.tables import CallSession, CallStatusEvent
from tests.conftest import simulated_call

NOW = "2026-11-30T15:00:00+00:00"
TWO_DAYS_LATER = "2026-12-02T15:00:00+00:00"
TEN_DAYS_LATER = "2026-12-10T15:00:00+00:00"


def rows(app, table, call_sid: str) -> int:
    """How many rows of a table the store keeps for a call."""
    with app.app_context(), runtime().store.session() as session:
        return session.scalar(select(func.count()).select_from(table).where(table.call_sid == call_sid))


def purge(app) -> str:
    """Run the purge; its output."""
    result = app.test_cli_runner().invoke(args=["calls", "purge"])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_state_no_final_status_removed_goes_once_stale(make_app):
    app = make_app(FAKE_NOW=NOW)
    call = simulated_call(app).start().press("1").press("1").press("3222190012345#")  # the state is in the store
    assert rows(app, CallSession, call.call_sid) == 1  # and the call's final status never comes
    assert "removed 0 call states untouched for 24 hours" in purge(app)
    assert "removed 1 call state untouched for 24 hours" in purge(make_app(FAKE_NOW=TWO_DAYS_LATER))
    assert rows(app, CallSession, call.call_sid) == 0


def test_status_callbacks_of_unknown_calls_go_after_the_retention(make_app):
    app = make_app(FAKE_NOW=NOW)
    stranger = simulated_call(app)  # a call this line never answered
    stranger.post(stranger.base_url + "/voice/status", {"CallStatus": "completed"})
    assert rows(app, CallStatusEvent, stranger.call_sid) == 1
    purge(make_app(FAKE_NOW=TWO_DAYS_LATER))
    assert rows(app, CallStatusEvent, stranger.call_sid) == 1  # kept 7 days: a late repeat still counts once
    assert "removed 1 status callback older than 7 days" in purge(make_app(FAKE_NOW=TEN_DAYS_LATER))
    assert rows(app, CallStatusEvent, stranger.call_sid) == 0
