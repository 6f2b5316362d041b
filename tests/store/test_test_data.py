"""A test call's records: added all at once, then removed with what the call made, leaving the store as found."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ivr.domain.biometrics import MOVED
from ivr.domain.callbacks import Booking
from ivr.domain.lookups import LookupLimits
from ivr.domain.service_requests import NewRequest
from ivr.imports.test_data import parse_test_data
from ivr.store.appointments import find_appointment, move_appointment, slot_places
from ivr.store.callbacks import book
from ivr.store.cases import find_case
from ivr.store.lookups import allow_lookup
from ivr.store.service_requests import create_request, find_request
from ivr.store.tables import Callback, CallbackSlot, Lookup, ServiceRequestRecord
from ivr.store.test_data import add_test_data, remove_test_data

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
FIRST, SECOND = datetime(2031, 2, 3, 16, 0, tzinfo=UTC), datetime(2031, 2, 4, 16, 0, tzinfo=UTC)


def records(n: str) -> dict:
    """A case, its appointment, two slots' places, a request with its follow-up, and a callback: unique by n."""
    receipt = f"EAC{n}"
    return {
        "cases": [{"receipt_number": receipt, "form_type": "I-485", "status": "case_received",
                   "status_date": "2026-11-03", "filing_location": "vsc"}],
        "appointments": [{"receipt_number": receipt, "asc": "asc_phoenix", "starts_at": "2031-02-03T09:00",
                          "reschedule_count": 0, "status": "scheduled"}],
        "slots": [{"asc": "asc_phoenix", "starts_at": "2031-02-03T09:00", "capacity": 1},
                  {"asc": "asc_phoenix", "starts_at": "2031-02-04T09:00", "capacity": 2}],
        "service_requests": [
            {"reference": f"SR{n[:8]}", "kind": "expedite", "receipt_number": receipt,
             "created_at": "2026-08-31T15:00:00Z", "routed_to": "vsc"},
            {"reference": f"SR{n[-8:]}", "kind": "follow_up", "receipt_number": receipt, "level": "secondary",
             "parent": f"SR{n[:8]}", "created_at": "2026-10-01T15:00:00Z", "routed_to": "vsc"}],
        "callbacks": [{"id": 2_000_000_000 + int(n[-6:]), "phone": "+12025550100", "tier": "tier2",
                       "scheduled_for": "2026-11-30T15:00:00Z"}],
    }


def count(store, model, *where) -> int:
    """Rows of a table matching the conditions."""
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def test_records_are_there_for_the_call_and_gone_with_what_it_made(store):
    n = f"{uuid.uuid4().int % 10**10:010d}"
    data, call = parse_test_data(records(n)), "CA" + uuid.uuid4().hex
    add_test_data(store, data, NOW)
    receipt, second = data.cases[0].receipt_number, data.requests[1]
    assert find_case(store, receipt) is not None and find_request(store, second.reference).level == "secondary"
    assert slot_places(store, "asc_phoenix", FIRST) == (1, 1) and slot_places(store, "asc_phoenix", SECOND) == (2, 0)
    # What the call does: moves the appointment, follows up, books a callback, looks a case up.
    assert move_appointment(store, find_appointment(store, receipt), SECOND) == MOVED
    parent = find_request(store, second.reference).id
    follow_up = NewRequest("follow_up", receipt, "vsc", "en", call, "tertiary", parent)
    create_request(store, follow_up, NOW)
    book(store, Booking(call, receipt, "America/New_York", "+12025550100", "en", "tier1", "agent", FIRST), 5, NOW)
    allow_lookup(store, LookupLimits(), call, "+12025550100", NOW)

    remove_test_data(store, data, call)
    assert find_case(store, receipt) is None and find_appointment(store, receipt) is None
    assert slot_places(store, "asc_phoenix", FIRST) is None and slot_places(store, "asc_phoenix", SECOND) is None
    assert count(store, ServiceRequestRecord, ServiceRequestRecord.receipt_number == receipt) == 0
    assert count(store, Callback, Callback.receipt_number == receipt) == 0
    assert count(store, Callback, Callback.id == data.callbacks[0].id) == 0
    assert count(store, CallbackSlot, CallbackSlot.starts_at == FIRST, CallbackSlot.booked > 0) == 0
    assert count(store, Lookup, Lookup.call_sid == call) == 0


def test_places_added_to_a_slot_already_there_are_taken_away_again(store):
    data = parse_test_data({"slots": [{"asc": "asc_chicago", "starts_at": "2031-03-03T09:00", "capacity": 2}]})
    start = data.slots[0].starts_at
    add_test_data(store, parse_test_data({"slots": [{"asc": "asc_chicago", "starts_at": "2031-03-03T09:00",
                                                     "capacity": 1}]}), NOW)
    add_test_data(store, data, NOW)
    assert slot_places(store, "asc_chicago", start) == (3, 0)
    remove_test_data(store, data, "CAnone")
    assert slot_places(store, "asc_chicago", start) == (1, 0)  # the slot that was there stays as it was


def test_a_record_whose_key_is_taken_is_never_overwritten(store):
    n = f"{uuid.uuid4().int % 10**10:010d}"
    first = {"cases": records(n)["cases"]}
    add_test_data(store, parse_test_data(first), NOW)
    changed = {"cases": [{**first["cases"][0], "status": "approved"}]}
    with pytest.raises(IntegrityError):
        add_test_data(store, parse_test_data(changed), NOW)
    assert find_case(store, f"EAC{n}").status == "case_received"
