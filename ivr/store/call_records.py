"""Call records in the shared store: each webhook adds to its call's journey, in its own transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ivr.domain.call_records import classify, first_fault, mask_number, refused_lookups, seconds_to_agent
from ivr.domain.ops_summary import CallFacts
from ivr.flows.state import CallState
from ivr.store.db import Store, Unit
from ivr.store.driver_sql import DriverStatement
from ivr.store.tables import Callback, CallRecordRow, table_of


@dataclass(frozen=True)
class CallRecord:
    """One call as operators see it; numbers masked."""

    call_sid: str
    line: str
    caller: str
    lang: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    tier: str | None
    journey: list[dict[str, Any]]

    @property
    def seconds(self) -> int | None:
        """How long the call lasted, once it ended."""
        return None if self.ended_at is None else int((self.ended_at - self.started_at).total_seconds())


def line_of(state: CallState) -> str:
    """Which line a call is on: the TTY line (keypad only), a callback the line placed, or the main line."""
    if state.vars.get("keypad_only"):
        return "tty"
    return "callback" if "callback_tier" in state.vars else "main"


RECORDS = table_of(CallRecordRow)
# A turn's entries are added to the journey where it is kept: its JSON text loses its closing bracket
# and gains the entries' text without their opening one. One statement makes the record on the first turn.
_APPEND = ("INSERT INTO call_records (call_sid, line, caller, lang, started_at, journey, limited) "
           "VALUES (:call_sid, :line, :caller, :lang, :started_at, :journey, 0) "
           "ON CONFLICT (call_sid) DO UPDATE SET lang = excluded.lang, journey = ")
NOTE_TURN = DriverStatement(
    {"sqlite": _APPEND + "CASE WHEN excluded.journey = '[]' THEN call_records.journey "
                         "WHEN call_records.journey = '[]' THEN excluded.journey "
                         "ELSE substr(call_records.journey, 1, length(call_records.journey) - 1) || ', ' "
                         "|| substr(excluded.journey, 2) END",
     "postgresql": _APPEND + "CASE WHEN excluded.journey::text = '[]' THEN call_records.journey "
                             "WHEN call_records.journey::text = '[]' THEN excluded.journey "
                             "ELSE (left(call_records.journey::text, -1) || ', ' "
                             "|| substr(excluded.journey::text, 2))::json END"},
    binds={"journey": RECORDS.c.journey, "started_at": RECORDS.c.started_at})


FIRST_TURN = DriverStatement("INSERT INTO call_records (call_sid, line, caller, lang, started_at, journey, limited) "
                             "VALUES (:call_sid, :line, :caller, :lang, :started_at, :journey, 0) "
                             "ON CONFLICT (call_sid) DO NOTHING",
                             binds={"journey": RECORDS.c.journey, "started_at": RECORDS.c.started_at})


def note_first_turn(unit: Unit, state: CallState, entries: list[dict[str, Any]], now: datetime) -> bool:
    """Make the call's record with its first turn; False (and nothing written) when it already has one."""
    made = FIRST_TURN.run(unit, call_sid=state.call_sid, line=line_of(state), caller=mask_number(state.caller),
                          lang=state.lang, started_at=now, journey=entries)
    return made.rowcount == 1


def note_turn(unit: Unit, state: CallState, entries: list[dict[str, Any]], now: datetime) -> None:
    """Add a turn's entries to the call's journey (the record is made on the call's first turn).

    One statement, and the journey kept so far is neither read nor written again by the app:
    every webhook runs this, and a long call's journey grows with each turn.
    """
    NOTE_TURN.run(unit, call_sid=state.call_sid, line=line_of(state), caller=mask_number(state.caller),
                  lang=state.lang, started_at=now, journey=entries)


def note_fault(store: Store, state: CallState, kind: str, now: datetime) -> None:
    """Mark in the call's record that it heard an apology, after a fault of this kind."""
    with store.unit() as unit:
        note_turn(unit, state, [{"at": now.isoformat(), "fault": kind}], now)


def finish_call(session: Session, call_sid: str, now: datetime, actions: Mapping[str, str]) -> None:
    """The call ended: settle its outcome and end time, once."""
    row = session.get(CallRecordRow, call_sid)
    if row is None or row.outcome is not None:
        return
    booked = session.scalar(select(Callback.id).where(Callback.booked_by_call == call_sid)) is not None
    row.outcome, tier = classify(row.journey, booked, actions)
    row.tier, row.ended_at = tier or None, now
    row.agent_seconds = seconds_to_agent(row.journey, row.started_at)
    row.fault, row.limited = first_fault(row.journey), refused_lookups(row.journey)


def list_calls(store: Store, since: datetime | None = None, outcome: str | None = None,
               limit: int | None = None) -> list[CallRecord]:
    """Calls, newest first, optionally since an instant or of one outcome."""
    query = select(CallRecordRow).order_by(CallRecordRow.started_at.desc(), CallRecordRow.call_sid)
    if since is not None:
        query = query.where(CallRecordRow.started_at >= since)
    if outcome:
        query = query.where(CallRecordRow.outcome == outcome)
    with store.session() as session:
        return [_record(row) for row in session.scalars(query.limit(limit))]


def find_call(store: Store, call_sid: str) -> CallRecord | None:
    """One call's record, or None."""
    with store.session() as session:
        row = session.get(CallRecordRow, call_sid)
        return None if row is None else _record(row)


def purge_calls(store: Store, now: datetime, days: int) -> int:
    """Remove the records of calls that started more than `days` ago; how many went."""
    with store.session() as session:
        result = session.execute(delete(CallRecordRow).where(CallRecordRow.started_at < now - timedelta(days=days)))
        return result.rowcount


def keep_calls(store: Store, records: list[CallRecord]) -> None:
    """Write records made elsewhere (the test harness's own database) into this store, replacing any."""
    with store.session() as session:
        for record in records:
            session.merge(CallRecordRow(
                call_sid=record.call_sid, line=record.line, caller=record.caller, lang=record.lang,
                started_at=record.started_at, ended_at=record.ended_at, outcome=record.outcome, tier=record.tier,
                journey=record.journey, agent_seconds=seconds_to_agent(record.journey, record.started_at),
                fault=first_fault(record.journey), limited=refused_lookups(record.journey)))


def _record(row: CallRecordRow) -> CallRecord:
    """A stored record as a plain value."""
    return CallRecord(row.call_sid, row.line, row.caller, row.lang, row.started_at, row.ended_at, row.outcome,
                      row.tier, list(row.journey))


def calls_of(store: Store, start: datetime, end: datetime) -> list[CallFacts]:
    """What the day's summary needs of each call that started in [start, end)."""
    r = CallRecordRow
    query = select(r.started_at, r.lang, r.outcome, r.agent_seconds).where(r.started_at >= start, r.started_at < end)
    with store.session() as session:
        return [CallFacts(*row) for row in session.execute(query)]


def latest_call_start(store: Store) -> datetime | None:
    """When the latest recorded call started, or None."""
    with store.session() as session:
        return session.scalar(select(func.max(CallRecordRow.started_at)))
