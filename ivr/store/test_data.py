"""A test call's records in the shared store: added when it starts, removed with what it made when it ends.

Nothing here overwrites a record: a test record whose key is taken fails the insert. Slots are
places added at a time (to any already there) and taken away again, so tests running at once
each have their own, and the line is left as it was found.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.domain.biometrics import SCHEDULED
from ivr.imports.test_data import TestData
from ivr.store.db import Store
from ivr.store.tables import (
    AppointmentRecord,
    AscSlot,
    Callback,
    CallbackSlot,
    CaseRecord,
    Lookup,
    ServiceRequestRecord,
)


def add_test_data(store: Store, data: TestData, now: datetime) -> None:
    """Add a test call's records, all or nothing."""
    with store.session() as session:
        for slot in data.slots:
            _add_places(session, slot.asc, slot.starts_at, slot.capacity)
        if data.cases:
            session.execute(insert(CaseRecord), [asdict(case) for case in data.cases])
        for appointment in data.appointments:
            session.execute(insert(AppointmentRecord).values(**asdict(appointment)))
            if appointment.status == SCHEDULED:
                _shift_booked(session, appointment.asc, appointment.starts_at, +1)
        ids: dict[str, int] = {}
        for request in data.requests:
            row = ServiceRequestRecord(reference=request.reference, kind=request.kind,
                                       receipt_number=request.receipt_number, level=request.level,
                                       parent_id=ids.get(request.parent or ""), created_at=request.created_at,
                                       answered_at=request.answered_at, routed_to=request.routed_to, lang=request.lang)
            session.add(row)
            session.flush()
            ids[request.reference] = row.id
        for callback in data.callbacks:
            session.add(Callback(**asdict(callback), booked_by_call=f"test-data-{callback.id}", state="scheduled",
                                 attempts=0, updated_at=now))


def remove_test_data(store: Store, data: TestData, call_sid: str) -> None:
    """Remove a test call's records and those it made: its callbacks, look-ups and service requests."""
    with store.session() as session:
        _remove_bookings(session, call_sid)
        session.execute(delete(Lookup).where(Lookup.call_sid == call_sid))
        session.execute(delete(ServiceRequestRecord).where(ServiceRequestRecord.created_by_call == call_sid))
        for request in reversed(data.requests):  # follow-ups before the requests they follow
            session.execute(delete(ServiceRequestRecord).where(ServiceRequestRecord.reference == request.reference))
        session.execute(delete(Callback).where(Callback.id.in_([c.id for c in data.callbacks])))
        for appointment in data.appointments:
            _remove_appointment(session, appointment.receipt_number)
        session.execute(delete(CaseRecord).where(CaseRecord.receipt_number.in_([c.receipt_number
                                                                                  for c in data.cases])))
        for slot in data.slots:
            _add_places(session, slot.asc, slot.starts_at, -slot.capacity)


def _add_places(session, asc: str, start: datetime, places: int) -> None:
    """Add (or take away) places at a time; a slot left with no place and none booked goes."""
    insert_for = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    add = insert_for(AscSlot).values(asc=asc, starts_at=start, capacity=max(places, 0), booked=0)
    session.execute(add.on_conflict_do_update(index_elements=[AscSlot.asc, AscSlot.starts_at],
                                              set_={"capacity": AscSlot.capacity + places}))
    session.execute(delete(AscSlot).where(AscSlot.asc == asc, AscSlot.starts_at == start,
                                          AscSlot.capacity <= 0, AscSlot.booked <= 0))


def _shift_booked(session, asc: str, start: datetime, change: int) -> None:
    """Count an appointment in (or out of) its slot's taken places."""
    session.execute(update(AscSlot).where(AscSlot.asc == asc, AscSlot.starts_at == start)
                    .values(booked=AscSlot.booked + change))


def _remove_appointment(session, receipt_number: str) -> None:
    """Remove an appointment where the call left it, giving back its place."""
    record = session.get(AppointmentRecord, receipt_number)
    if record is None:
        return
    if record.status == SCHEDULED:
        _shift_booked(session, record.asc, record.starts_at, -1)
    session.delete(record)


def _remove_bookings(session, call_sid: str) -> None:
    """Cancel the callbacks the call booked, giving back their places."""
    booked = session.scalars(select(Callback).where(Callback.booked_by_call == call_sid)).all()
    for callback in booked:
        session.execute(update(CallbackSlot).where(CallbackSlot.starts_at == callback.scheduled_for,
                                                   CallbackSlot.booked > 0).values(booked=CallbackSlot.booked - 1))
        session.delete(callback)
