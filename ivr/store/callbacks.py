"""The durable callback queue: booking against slot capacity, claiming with leases, outcomes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.domain.callback_references import new_callback_reference
from ivr.domain.callbacks import BookedCallback, Booking
from ivr.domain.privacy import PROTECTED_TIER
from ivr.store.audit import note_change
from ivr.store.db import Store
from ivr.store.driver_sql import DriverStatement
from ivr.store.tables import Callback, CallbackSlot, table_of

STATES = ("scheduled", "dialing", "completed", "no-answer", "failed", "cancelled")


SLOTS = table_of(CallbackSlot)
# The slot offer asks for a batch of starts, earliest first: one statement of the same text for any
# batch (the span between its first and last start), the starts outside the batch left out after.
BOOKED_BETWEEN = DriverStatement("SELECT starts_at, booked FROM callback_slots "
                                 "WHERE starts_at >= :first AND starts_at <= :last",
                                 binds={"first": SLOTS.c.starts_at, "last": SLOTS.c.starts_at},
                                 results=[SLOTS.c.starts_at, SLOTS.c.booked])


def booked_counts(store: Store, starts: Iterable[datetime]) -> dict[datetime, int]:
    """How many callbacks each of these slot starts already holds."""
    wanted = set(starts)
    if not wanted:
        return {}
    with store.unit() as unit:
        rows = BOOKED_BETWEEN.rows(unit, first=min(wanted), last=max(wanted))
    return {start: booked for start, booked in rows if start in wanted}


def _take_place(session, start: datetime, capacity: int) -> bool:
    """Take one place in a slot, atomically: False when the slot is already full."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(CallbackSlot).values(starts_at=start, booked=0).on_conflict_do_nothing())
    taken = session.execute(
        update(CallbackSlot).where(CallbackSlot.starts_at == start, CallbackSlot.booked < capacity)
        .values(booked=CallbackSlot.booked + 1)
    )
    return taken.rowcount == 1


def book(store: Store, booking: Booking, capacity: int, now: datetime) -> int | None:
    """Book the callback in its slot; its id, or None when the slot filled up meanwhile."""
    with store.session() as session:
        existing = session.scalar(select(Callback.id).where(Callback.booked_by_call == booking.booked_by_call))
        if existing is not None:
            return existing  # Twilio retried the webhook: the caller booked once
        if not _take_place(session, booking.scheduled_for, capacity):
            return None
        row = Callback(**booking.__dict__, reference=_unused_reference(session), state="scheduled", attempts=0,
                       updated_at=now)
        session.add(row)
        session.flush()
        return row.id


def _unused_reference(session) -> str:
    """A random reference no callback holds: among 10^8, a kept callback's is met once in a while."""
    while True:
        reference = new_callback_reference()
        if session.scalar(select(Callback.id).where(Callback.reference == reference)) is None:
            return reference


def _claimable(now: datetime):
    """Due callbacks, and dialing ones whose worker died before placing the call."""
    return or_(
        and_(Callback.state == "scheduled", Callback.scheduled_for <= now),
        and_(Callback.state == "dialing", Callback.call_sid.is_(None), Callback.lease_expires < now),
    )


@dataclass(frozen=True)
class Claim:
    """A callback this worker now holds; `earlier_claim` is when a dead worker's claim of it began, if it
    had one: that worker may have placed the call before it could store its SID."""

    callback: Callback
    earlier_claim: datetime | None


def claim_due(store: Store, worker: str, now: datetime, lease: timedelta, limit: int) -> list[Claim]:
    """Claim up to `limit` due callbacks for this worker; no two workers get the same one."""
    with store.session() as session:
        if session.bind.dialect.name == "postgresql":
            return _claim_in_one_statement(session, worker, now, lease, limit)
        candidates = (select(Callback.id, Callback.state, Callback.updated_at).where(_claimable(now))
                      .order_by(Callback.scheduled_for).limit(limit))
        earlier = {row.id: _earlier_claim(row.state, row.updated_at) for row in session.execute(candidates)}
        claimed = [callback_id for callback_id in earlier
                   # The guarded UPDATE makes the claim safe where SKIP LOCKED does not exist (SQLite).
                   if session.execute(update(Callback).where(Callback.id == callback_id, _claimable(now))
                                      .values(**_claim_values(worker, now, lease))).rowcount == 1]
        rows = session.scalars(select(Callback).where(Callback.id.in_(claimed)).order_by(Callback.id))
        return [Claim(row, earlier[row.id]) for row in rows]


def _claim_in_one_statement(session, worker: str, now: datetime, lease: timedelta, limit: int) -> list[Claim]:
    """PostgreSQL: pick with SKIP LOCKED and claim in one UPDATE, returning each row as it was before."""
    picked = (select(Callback.id, Callback.state, Callback.updated_at).where(_claimable(now))
              .order_by(Callback.scheduled_for).limit(limit).with_for_update(skip_locked=True).cte("picked"))
    claim = (update(Callback).where(Callback.id == picked.c.id).values(**_claim_values(worker, now, lease))
             .returning(Callback, picked.c.state, picked.c.updated_at))
    rows = session.execute(claim, execution_options={"synchronize_session": False}).all()
    return sorted((Claim(row, _earlier_claim(state, updated_at)) for row, state, updated_at in rows),
                  key=lambda c: c.callback.id)


def _claim_values(worker: str, now: datetime, lease: timedelta) -> dict:
    """A claim: this worker dials it, until the lease expires."""
    return {"state": "dialing", "lease_owner": worker, "lease_expires": now + lease,
            "attempts": Callback.attempts + 1, "updated_at": now}


def _earlier_claim(state: str, updated_at: datetime) -> datetime | None:
    """When a dead worker's claim began: a dialing row without a CallSid was last written when it was claimed."""
    return updated_at if state == "dialing" else None


def unsettled(store: Store, before: datetime, limit: int = 50) -> list[tuple[int, str]]:
    """(id, call SID) of callbacks dialled before `before` whose outcome never arrived (a lost status callback)."""
    query = (select(Callback.id, Callback.call_sid)
             .where(Callback.state == "dialing", Callback.call_sid.is_not(None), Callback.updated_at < before)
             .order_by(Callback.updated_at).limit(limit))
    with store.session() as session:
        return [(callback_id, call_sid) for callback_id, call_sid in session.execute(query) if call_sid is not None]


def mark_dialed(store: Store, callback_id: int, call_sid: str, now: datetime) -> None:
    """Remember the outbound call placed for a callback."""
    with store.session() as session:
        session.execute(update(Callback).where(Callback.id == callback_id)
                        .values(call_sid=call_sid, updated_at=now))


def known_call_sids(store: Store, call_sids: list[str]) -> set[str]:
    """Which of these outbound calls some callback already holds."""
    if not call_sids:
        return set()
    with store.session() as session:
        return set(session.scalars(select(Callback.call_sid).where(Callback.call_sid.in_(call_sids))))


def release(store: Store, callback_id: int, state: str, now: datetime) -> None:
    """Finish a dialing callback in `state`."""
    values = {"state": state, "lease_owner": None, "lease_expires": None, "updated_at": now}
    with store.session() as session:
        session.execute(update(Callback).where(Callback.id == callback_id).values(**values))


def get_callback(store: Store, callback_id: int) -> Callback | None:
    """One callback by id."""
    with store.session() as session:
        return session.get(Callback, callback_id)


def list_callbacks(store: Store, state: str | None = None) -> list[Callback]:
    """Callbacks, soonest first, optionally of one state."""
    query = select(Callback).order_by(Callback.scheduled_for, Callback.id)
    if state:
        query = query.where(Callback.state == state)
    with store.session() as session:
        return list(session.scalars(query))


def rebook(store: Store, callback_id: int, starts: list[datetime], capacity: int, now: datetime) -> datetime | None:
    """Move a dialing callback to the first of `starts` with room; None when none has."""
    with store.session() as session:
        for start in starts:
            if _take_place(session, start, capacity):
                session.execute(update(Callback).where(Callback.id == callback_id).values(
                    state="scheduled", scheduled_for=start, call_sid=None, lease_owner=None,
                    lease_expires=None, updated_at=now))
                return start
    return None


CANCELLABLE = ("scheduled",)  # a callback being dialled, or done, is past cancelling


def cancel_callback(store: Store, callback_id: int, now: datetime, by: str) -> Callback | None:
    """Cancel a scheduled callback and free its place in the slot; `by` (an operator, or the caller)
    is recorded with the time. None when no scheduled callback has this id."""
    with store.session() as session:
        row = session.get(Callback, callback_id, with_for_update=True)
        if row is None or row.state not in CANCELLABLE:
            return None
        row.state, row.updated_at = "cancelled", now
        session.execute(update(CallbackSlot).where(CallbackSlot.starts_at == row.scheduled_for, CallbackSlot.booked > 0)
                        .values(booked=CallbackSlot.booked - 1))
        note_change(session, by, "cancel_callback", str(callback_id), now)
        return row


def reference_of(store: Store, callback_id: int) -> str:
    """A booked callback's reference number."""
    with store.session() as session:
        return session.scalar(select(Callback.reference).where(Callback.id == callback_id)) or ""


def find_scheduled(store: Store, reference: str | None, receipt_number: str | None) -> BookedCallback | None:
    """The scheduled callback with this reference, or the soonest one booked for this receipt number.

    A callback for senior officers (a VAWA, U or T matter) is found by its reference only: a receipt
    number is on papers others may see (an abuser may have filed the case), and must not lead to
    when, or at which safe number, the caller will be called.
    """
    query = select(Callback).where(Callback.state.in_(CANCELLABLE)).order_by(Callback.scheduled_for).limit(1)
    if reference:
        query = query.where(Callback.reference == reference)
    elif receipt_number:
        query = query.where(Callback.receipt_number == receipt_number, Callback.tier != PROTECTED_TIER)
    else:
        return None
    with store.session() as session:
        row = session.scalar(query)
        if row is None or row.reference is None:
            return None
        return BookedCallback(row.id, row.reference, row.scheduled_for, row.time_zone, row.phone,
                              protected=row.tier == PROTECTED_TIER)
