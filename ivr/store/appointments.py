"""Biometrics appointments and ASC slots in the shared store: imports, look-ups and moves.

A slot's `booked` is the number of scheduled appointments at its time. Imports recount it; a
move takes a place in the new slot with one conditional UPDATE (the database decides who gets
the last place, as for callback slots) and gives back the place of the old one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, func, select, update

from ivr.domain.biometrics import CHANGED, MOVED, SCHEDULED, TAKEN, Appointment, Slot
from ivr.store.bulk import upsert_rows
from ivr.store.db import Store
from ivr.store.tables import AppointmentRecord, AscSlot

APPOINTMENT_FIELDS = ("receipt_number", "asc", "starts_at", "reschedule_count", "status")
SLOT_FIELDS = ("asc", "starts_at", "capacity")


def save_appointments(store: Store, rows: Iterable[Appointment]) -> int:
    """Insert or update appointments by receipt number, all or nothing; return how many rows."""
    with store.session() as session:
        connection = session.connection()
        written = upsert_rows(connection, AppointmentRecord, rows, ("receipt_number",), APPOINTMENT_FIELDS)
        _recount_places(connection)
        return written


def save_slots(store: Store, rows: Iterable[Slot]) -> int:
    """Insert slots, or change the capacity of those already there, all or nothing; return how many rows."""
    with store.session() as session:
        connection = session.connection()
        written = upsert_rows(connection, AscSlot, rows, ("asc", "starts_at"), SLOT_FIELDS)
        _recount_places(connection)
        return written


def _recount_places(connection) -> None:
    """Set each slot's taken places to the scheduled appointments at its time and ASC."""
    scheduled = (select(func.count()).select_from(AppointmentRecord)
                 .where(AppointmentRecord.asc == AscSlot.asc, AppointmentRecord.starts_at == AscSlot.starts_at,
                        AppointmentRecord.status == SCHEDULED).scalar_subquery())
    connection.execute(update(AscSlot).values(booked=scheduled))


def find_appointment(store: Store, receipt_number: str) -> Appointment | None:
    """The appointment of a receipt number, or None."""
    with store.session() as session:
        record = session.get(AppointmentRecord, receipt_number)
        return None if record is None else _appointment(record)


def _appointment(record: AppointmentRecord) -> Appointment:
    """A stored appointment as a plain value."""
    return Appointment(record.receipt_number, record.asc, record.starts_at, record.reschedule_count, record.status)


def open_slot_starts(store: Store, asc: str, earliest: datetime, excluding: datetime, limit: int = 3) -> list[datetime]:
    """The first `limit` times at an ASC, from `earliest` on, with a place left (not `excluding`)."""
    query = (select(AscSlot.starts_at)
             .where(AscSlot.asc == asc, AscSlot.starts_at >= earliest, AscSlot.starts_at != excluding,
                    AscSlot.booked < AscSlot.capacity)
             .order_by(AscSlot.starts_at).limit(limit))
    with store.session() as session:
        return list(session.scalars(query))


def move_appointment(store: Store, confirmed: Appointment, new_start: datetime) -> str:
    """Move the appointment the caller confirmed to `new_start`: MOVED, TAKEN (no place left), or
    CHANGED (someone changed the appointment meanwhile); nothing is written unless MOVED.

    Undoing is done by hand, not by rolling back: the webhook's one transaction holds more
    than this move (the call's state), and keeps the new slot's row locked until it commits.
    """
    with store.session() as session:
        if not _take_place(session, confirmed.asc, new_start):
            return TAKEN
        if not _move(session, confirmed, new_start):
            _give_back_place(session, confirmed.asc, new_start)
            return CHANGED
        _give_back_place(session, confirmed.asc, confirmed.starts_at)
    return MOVED


def _take_place(session, asc: str, start: datetime) -> bool:
    """Take one place in a slot, atomically: False when it is full (or no longer offered)."""
    taken = session.execute(
        update(AscSlot).where(AscSlot.asc == asc, AscSlot.starts_at == start, AscSlot.booked < AscSlot.capacity)
        .values(booked=AscSlot.booked + 1)
    )
    return taken.rowcount == 1


def _move(session, confirmed: Appointment, new_start: datetime) -> bool:
    """Move the appointment only if it is still what the caller confirmed, counting the change."""
    record = AppointmentRecord
    moved = session.execute(
        update(record).where(and_(record.receipt_number == confirmed.receipt_number,
                                  record.starts_at == confirmed.starts_at, record.status == SCHEDULED,
                                  record.reschedule_count == confirmed.reschedule_count))
        .values(starts_at=new_start, reschedule_count=record.reschedule_count + 1)
    )
    return moved.rowcount == 1


def _give_back_place(session, asc: str, start: datetime) -> None:
    """Free the place the appointment held in its old slot (there may be no slot row for it)."""
    session.execute(update(AscSlot).where(AscSlot.asc == asc, AscSlot.starts_at == start, AscSlot.booked > 0)
                    .values(booked=AscSlot.booked - 1))


def count_appointments(store: Store) -> int:
    """How many appointments the store holds."""
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(AppointmentRecord))


def count_slots(store: Store) -> int:
    """How many ASC slots the store holds."""
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(AscSlot))


def slot_places(store: Store, asc: str, start: datetime) -> tuple[int, int] | None:
    """(capacity, booked) of one slot, or None when there is no such slot."""
    with store.session() as session:
        row = session.execute(select(AscSlot.capacity, AscSlot.booked)
                              .where(AscSlot.asc == asc, AscSlot.starts_at == start)).first()
        return None if row is None else (row.capacity, row.booked)


def list_appointments(store: Store, asc: str | None = None) -> list[Appointment]:
    """Appointments, soonest first, optionally at one ASC."""
    query = select(AppointmentRecord).order_by(AppointmentRecord.starts_at, AppointmentRecord.receipt_number)
    if asc:
        query = query.where(AppointmentRecord.asc == asc)
    with store.session() as session:
        return [_appointment(record) for record in session.scalars(query)]
