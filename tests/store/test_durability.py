"""On PostgreSQL, only what a server crash may lose commits without waiting for the disk."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from ivr.domain.callbacks import Booking
from ivr.flows.state import CallState
from ivr.store.callbacks import book
from ivr.store.calls import record_turn, save_state
from ivr.store.db import database_url, open_store

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture
def store(pg_url, tmp_path):
    """A PostgreSQL store whose commits report whether they wait for the disk."""
    store = open_store(database_url(pg_url, str(tmp_path)))
    store.commits = []

    def note(conn) -> None:
        cursor = conn.connection.driver_connection.execute("SHOW synchronous_commit")
        store.commits.append(cursor.fetchone()[0])

    event.listen(store.engine, "commit", note)
    yield store
    store.dispose()


def test_a_webhook_that_keeps_only_call_state_and_its_record_does_not_wait_for_the_disk(store):
    state = CallState(call_sid="CAdurability1", caller="+12025550143", lang="en", node="case_status.confirm",
                      vars={"receipt": "EAC2190012345"})
    with store.unit_of_work():
        save_state(store, state.call_sid, state, NOW, [{"at": NOW.isoformat(), "node": "case_status.confirm"}])
        record_turn(store, state, [{"at": NOW.isoformat(), "did": "pressed 1"}], NOW)
    assert store.commits == ["off"]


def test_a_booked_callback_waits_for_the_disk_with_everything_in_its_transaction(store):
    state = CallState(call_sid="CAdurability2", caller="+12025550143", lang="en", node="callback.book")
    booking = Booking("CAdurability2", None, "America/New_York", "+12025550143", "en", "tier1", "agent", NOW)
    with store.unit_of_work():
        book(store, booking, capacity=5, now=NOW)
        save_state(store, state.call_sid, state, NOW, [{"at": NOW.isoformat(), "node": "callback.book"}])
    assert store.commits == ["on"]
