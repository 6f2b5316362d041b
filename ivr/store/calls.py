"""Per-call state in the shared store, keyed by CallSid."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.flows.state import CallState
from ivr.store.call_records import finish_call, note_first_turn, note_turn
from ivr.store.db import Store
from ivr.store.driver_sql import DriverStatement
from ivr.store.tables import CallSession, CallStatusEvent, table_of

FINAL_STATUSES = ("completed", "busy", "failed", "no-answer", "canceled")
SESSIONS = table_of(CallSession)


def _insert(store: Store):
    """The dialect's INSERT, which has ON CONFLICT."""
    return pg_insert if store.engine.dialect.name == "postgresql" else sqlite_insert


LOAD = DriverStatement("SELECT state FROM call_sessions WHERE call_sid = :call_sid", results=[SESSIONS.c.state])
SAVE = DriverStatement("INSERT INTO call_sessions (call_sid, state, updated_at) "
                       "VALUES (:call_sid, :state, :updated_at) ON CONFLICT (call_sid) "
                       "DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                       binds={"state": SESSIONS.c.state, "updated_at": SESSIONS.c.updated_at})


def load_state(store: Store, call_sid: str) -> CallState | None:
    """The call's saved state, or None for a call this line has not seen."""
    with store.unit() as unit:
        row = LOAD.first(unit, call_sid=call_sid)
    return CallState.from_json(row[0]) if row is not None and row[0] is not None else None


def save_state(store: Store, call_sid: str, state: CallState, now: datetime,
               journey: list[dict[str, Any]] | None = None) -> None:
    """Save the call's state (insert or replace, in one statement) and, in the same transaction, its turn in
    the record."""
    with store.unit() as unit:
        SAVE.run(unit, call_sid=call_sid, state=state.to_json(), updated_at=now)
        if journey is not None:
            note_turn(unit, state, journey, now)


def record_first_turn(store: Store, state: CallState, journey: list[dict[str, Any]], now: datetime) -> bool:
    """Make the record of a call whose state travels in its URLs, with its first turn; False when the call
    has a record already (its first webhook delivered again): then nothing is written."""
    with store.unit() as unit:
        return note_first_turn(unit, state, journey, now)


def record_turn(store: Store, state: CallState, journey: list[dict[str, Any]], now: datetime) -> None:
    """Add a turn to the call's record, for a call whose state travels in its URLs instead."""
    with store.unit() as unit:
        note_turn(unit, state, journey, now)


def record_status(store: Store, call_sid: str, status: str, now: datetime,
                  actions: Mapping[str, str] | None = None) -> bool:
    """Record a status callback once; True when it is new. A final status forgets the call and
    settles its record's outcome (`actions`: each action node's action, for the outcome)."""
    values = {"call_sid": call_sid, "status": status, "received_at": now}
    insert = _insert(store)
    with store.session() as session:
        result = session.execute(insert(CallStatusEvent).values(**values).on_conflict_do_nothing())
        if status in FINAL_STATUSES:
            session.execute(delete(CallSession).where(CallSession.call_sid == call_sid))
            finish_call(session, call_sid, now, actions or {})
        return result.rowcount == 1


def statuses_of(store: Store, call_sid: str) -> list[str]:
    """The statuses recorded for a call, oldest first."""
    with store.session() as session:
        query = select(CallStatusEvent.status).where(CallStatusEvent.call_sid == call_sid)
        return list(session.scalars(query.order_by(CallStatusEvent.id)))


def purge_call_states(store: Store, before: datetime) -> int:
    """Forget the state of calls untouched since `before` (a Gather that came after the call ended
    saves a state no final status will remove); how many went."""
    with store.session() as session:
        return session.execute(delete(CallSession).where(CallSession.updated_at < before)).rowcount


def purge_statuses(store: Store, before: datetime) -> int:
    """Remove status callbacks received before `before` (of every call, known or not); how many went."""
    with store.session() as session:
        return session.execute(delete(CallStatusEvent).where(CallStatusEvent.received_at < before)).rowcount
