"""Appointments and ASC slots in the shared store: the last place goes to exactly one caller
(SQLite and PostgreSQL, callers racing on threads), and a move is all or nothing."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete

from ivr.domain.biometrics import Appointment, Slot
from ivr.store.appointments import (
    CHANGED,
    MOVED,
    TAKEN,
    find_appointment,
    move_appointment,
    open_slot_starts,
    save_appointments,
    save_slots,
    slot_places,
)
from ivr.store.db import database_url, open_store
from ivr.store.tables import AppointmentRecord, AscSlot

MONDAY = datetime(2031, 1, 6, 16, 0, tzinfo=UTC)  # far from the demo data's dates
CALLERS = 8


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A store, SQLite in the test's folder or the PostgreSQL test database."""
    url = f"sqlite:///{tmp_path / 'slots.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(database_url(url, str(tmp_path)))
    yield store
    store.dispose()


@pytest.fixture
def asc(store):
    """An ASC id of this test alone; its rows are deleted afterwards (PostgreSQL keeps rows)."""
    name = "asc_test_" + uuid.uuid4().hex[:12]
    yield name
    with store.session() as session:
        session.execute(delete(AppointmentRecord).where(AppointmentRecord.asc == name))
        session.execute(delete(AscSlot).where(AscSlot.asc == name))


def receipt() -> str:
    """A receipt number no other run uses."""
    return f"LIN{uuid.uuid4().int % 10**10:010d}"


def at(days: int, hours: int = 0) -> datetime:
    """An instant `days` and `hours` after MONDAY."""
    return MONDAY + timedelta(days=days, hours=hours)


def booked(store, asc, start) -> int:
    """The places taken in a slot."""
    return slot_places(store, asc, start)[1]


def test_imports_count_the_places_appointments_hold(store, asc):
    save_slots(store, [Slot(asc, at(0), 2), Slot(asc, at(1), 1)])
    save_appointments(store, [Appointment(receipt(), asc, at(0)), Appointment(receipt(), asc, at(0), status="missed")])
    assert booked(store, asc, at(0)) == 1  # a missed appointment holds no place
    assert open_slot_starts(store, asc, at(-1), excluding=at(5)) == [at(0), at(1)]


def test_full_slots_the_current_time_and_times_too_soon_are_not_offered(store, asc):
    save_slots(store, [Slot(asc, at(day), 1) for day in range(5)])
    save_appointments(store, [Appointment(receipt(), asc, at(1)), Appointment(receipt(), asc, at(3))])
    assert open_slot_starts(store, asc, at(0, 1), excluding=at(2)) == [at(4)]


def test_a_move_takes_the_new_place_and_gives_back_the_old_one(store, asc):
    mine = Appointment(receipt(), asc, at(0))
    save_slots(store, [Slot(asc, at(0), 1), Slot(asc, at(2), 1)])
    save_appointments(store, [mine])
    assert move_appointment(store, mine, at(2)) == MOVED
    assert find_appointment(store, mine.receipt_number) == Appointment(mine.receipt_number, asc, at(2), 1)
    assert (booked(store, asc, at(0)), booked(store, asc, at(2))) == (0, 1)


def test_a_move_to_a_full_slot_changes_nothing(store, asc):
    mine, theirs = Appointment(receipt(), asc, at(0)), Appointment(receipt(), asc, at(2))
    save_slots(store, [Slot(asc, at(0), 1), Slot(asc, at(2), 1)])
    save_appointments(store, [mine, theirs])
    assert move_appointment(store, mine, at(2)) == TAKEN
    assert find_appointment(store, mine.receipt_number) == mine
    assert (booked(store, asc, at(0)), booked(store, asc, at(2))) == (1, 1)


def test_a_move_of_an_appointment_changed_meanwhile_is_undone(store, asc):
    heard = Appointment(receipt(), asc, at(0))
    save_slots(store, [Slot(asc, at(0), 1), Slot(asc, at(2), 1)])
    save_appointments(store, [Appointment(heard.receipt_number, asc, at(0), 2)])  # an agent moved it twice
    assert move_appointment(store, heard, at(2)) == CHANGED
    assert booked(store, asc, at(2)) == 0  # the place taken before the check was given back


def race(moves) -> list[str]:
    """Run the moves on threads released at the same moment; their outcomes, in order."""
    start, outcomes = threading.Barrier(len(moves)), [None] * len(moves)

    def run(index, move):
        start.wait()
        outcomes[index] = move()

    threads = [threading.Thread(target=run, args=(i, move)) for i, move in enumerate(moves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_callers_racing_for_the_last_place_one_gets_it(store, asc):
    callers = [Appointment(receipt(), asc, at(0)) for _ in range(CALLERS)]
    save_slots(store, [Slot(asc, at(0), CALLERS), Slot(asc, at(2), 1)])
    save_appointments(store, callers)
    outcomes = race([lambda mine=mine: move_appointment(store, mine, at(2)) for mine in callers])
    assert sorted(outcomes) == [MOVED] + [TAKEN] * (CALLERS - 1)
    winner = callers[outcomes.index(MOVED)]
    assert find_appointment(store, winner.receipt_number).starts_at == at(2)
    assert (booked(store, asc, at(0)), booked(store, asc, at(2))) == (CALLERS - 1, 1)


def test_two_calls_moving_one_appointment_at_once_move_it_once(store, asc):
    mine = Appointment(receipt(), asc, at(0))
    save_slots(store, [Slot(asc, at(0), 1), Slot(asc, at(2), 1), Slot(asc, at(3), 1)])
    save_appointments(store, [mine])
    outcomes = race([lambda: move_appointment(store, mine, at(2)), lambda: move_appointment(store, mine, at(3))])
    assert sorted(outcomes) == [CHANGED, MOVED]
    moved_to = at(2) if outcomes[0] == MOVED else at(3)
    assert find_appointment(store, mine.receipt_number) == Appointment(mine.receipt_number, asc, moved_to, 1)
    assert [booked(store, asc, at(day)) for day in (0, 2, 3)] == [0, int(moved_to == at(2)), int(moved_to == at(3))]
