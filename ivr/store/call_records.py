"""Call records in the shared store: each webhook adds to its call's journey, in its own transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from ivr.domain.call_records import classify, first_fault, mask_number, refused_lookups, seconds_to_agent
from ivr.domain.ops_summary import CallFacts
from ivr.flows.state import CallState
from ivr.store.db import Store
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


def note_turn(session: Session, state: CallState, entries: list[dict[str, Any]], now: datetime) -> None:
    """Add a turn's entries to the call's journey (the record is made on the call's first turn).

    Core statements on the table, not the ORM: every webhook runs this, and the ORM's loading and
    flushing cost more than the database's own work.
    """
    records = table_of(CallRecordRow)
    journey = session.execute(select(records.c.journey).where(records.c.call_sid == state.call_sid)).scalar()
    if journey is None:
        session.execute(insert(records).values(call_sid=state.call_sid, line=line_of(state), lang=state.lang,
                                               caller=mask_number(state.caller), started_at=now, journey=entries))
    else:
        session.execute(update(records).where(records.c.call_sid == state.call_sid)
                        .values(lang=state.lang, journey=[*journey, *entries]))


def note_fault(store: Store, state: CallState, kind: str, now: datetime) -> None:
    """Mark in the call's record that it heard an apology, after a fault of this kind."""
    with store.session() as session:
        note_turn(session, state, [{"at": now.isoformat(), "fault": kind}], now)


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
