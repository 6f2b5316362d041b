"""The demo appointments, slots and service requests: loaded once, never over real data, and giving a
newcomer every biometrics and follow-up situation to try at the demo clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ivr.domain.biometrics import reschedule_refusal
from ivr.domain.service_requests import follow_up
from ivr.imports.appointments import parse_appointments, parse_slots
from ivr.imports.cases import parse_cases
from ivr.runtime import runtime
from ivr.store.appointments import count_appointments, count_slots
from ivr.store.db import open_store
from ivr.store.demo import DEMO_APPOINTMENTS, DEMO_CASES, DEMO_REQUESTS, DEMO_SLOTS, read_demo_file, seed_demo_data
from ivr.store.service_requests import count_requests, request_chain

DEMO_NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # IVR_FAKE_NOW=2026-11-30T15:00:00Z


def counts(store):
    """(appointments, slots, service requests) in the store."""
    return count_appointments(store), count_slots(store), count_requests(store)


@pytest.mark.fresh_database
def test_the_demo_data_loads_once(make_app):
    first = make_app(DEMO_DATA="1")
    with first.app_context():
        loaded = counts(runtime().store)
    assert loaded == (len(read_demo_file(DEMO_APPOINTMENTS, parse_appointments)),
                      len(read_demo_file(DEMO_SLOTS, parse_slots)), len(DEMO_REQUESTS))
    with make_app(DEMO_DATA="1").app_context():
        assert counts(runtime().store) == loaded


def test_no_demo_data_when_turned_off(make_app, tmp_path):
    with make_app(DEMO_DATA="0", DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}").app_context():
        assert counts(runtime().store) == (0, 0, 0)


def test_each_kind_of_demo_data_goes_only_into_its_own_empty_table(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'real.sqlite3'}")
    seed_demo_data(store)
    before = counts(store)
    seed_demo_data(store)
    assert counts(store) == before
    store.dispose()


def test_the_demo_appointments_give_every_situation_at_the_demo_clock():
    appointments = read_demo_file(DEMO_APPOINTMENTS, parse_appointments)
    reasons = {reschedule_refusal(appointment, DEMO_NOW) for appointment in appointments}
    assert reasons == {None, "too_soon", "rescheduled_twice", "missed", "passed", "completed"}
    with_appointment = {appointment.receipt_number for appointment in appointments}
    cases = {case.receipt_number for case in read_demo_file(DEMO_CASES, parse_cases)}
    assert with_appointment <= cases and cases - with_appointment  # and a case with none, to try that too


def test_every_demo_asc_with_a_movable_appointment_has_slots():
    slots = read_demo_file(DEMO_SLOTS, parse_slots)
    for appointment in read_demo_file(DEMO_APPOINTMENTS, parse_appointments):
        if reschedule_refusal(appointment, DEMO_NOW) is None:
            assert any(slot.asc == appointment.asc for slot in slots), appointment.asc


def test_the_demo_requests_give_every_follow_up_at_the_demo_clock(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    seed_demo_data(store)
    outcomes = {(decision.outcome, decision.level) for decision in (
        follow_up(request_chain(store, reference=request.reference), DEMO_NOW, "America/New_York")
        for request in DEMO_REQUESTS)}
    assert outcomes == {("due", None), ("escalate", "secondary"), ("escalate", "tertiary"), ("answered", None),
                        ("exhausted", None)}
    store.dispose()
