"""Service requests in the shared store: one per call and kind, one follow-up per request, chains."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete

from ivr.domain.service_requests import NewRequest
from ivr.store.db import database_url, open_store
from ivr.store.service_requests import create_request, find_request, request_chain
from ivr.store.tables import ServiceRequestRecord

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A store; requests for the tests' receipt numbers (LIN29...) are deleted afterwards."""
    url = f"sqlite:///{tmp_path / 'sr.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(database_url(url, str(tmp_path)))
    yield store
    with store.session() as session:
        session.execute(delete(ServiceRequestRecord).where(ServiceRequestRecord.parent_id.is_not(None),
                                                           ServiceRequestRecord.receipt_number.like("LIN29%")))
        session.execute(delete(ServiceRequestRecord).where(ServiceRequestRecord.receipt_number.like("LIN29%")))
    store.dispose()


def receipt() -> str:
    """A receipt number no other run uses."""
    return f"LIN29{uuid.uuid4().int % 10**8:08d}"


def call() -> str:
    """A call SID."""
    return "CA" + uuid.uuid4().hex


def expedite(number: str, call_sid: str) -> NewRequest:
    """An expedite request for the Vermont Service Center."""
    return NewRequest("expedite", number, "vsc", "es", call_sid)


def test_a_request_gets_a_reference_and_is_found_by_it(store):
    made = create_request(store, expedite(receipt(), call()), NOW)
    assert made.reference.startswith("SR") and len(made.reference) == 10
    assert find_request(store, made.reference) == made
    assert (made.level, made.parent_id, made.answered_at, made.created_at) == ("primary", None, None, NOW)


def test_a_retried_webhook_records_the_request_once(store):
    number, sid = receipt(), call()
    first = create_request(store, expedite(number, sid), NOW)
    assert create_request(store, expedite(number, sid), NOW + timedelta(seconds=5)) == first
    assert create_request(store, expedite(number, call()), NOW) != first  # another call: another request


def test_a_reference_number_already_used_is_drawn_again(store):
    taken = create_request(store, expedite(receipt(), call()), NOW).reference
    fresh = "SR" + str(uuid.uuid4().int % 10**8).zfill(8)
    draws = iter([taken, fresh])
    made = create_request(store, expedite(receipt(), call()), NOW, make_reference=lambda: next(draws))
    assert made.reference == fresh


def test_a_request_is_followed_up_once_however_many_calls_ask(store):
    number = receipt()
    primary = create_request(store, expedite(number, call()), NOW - timedelta(days=40))
    follow_ups = [create_request(store, NewRequest("follow_up", number, "vsc", "en", call(), "secondary", primary.id),
                                 NOW) for _ in range(3)]
    assert len({made.reference for made in follow_ups}) == 1


def test_the_chain_from_any_of_its_references_or_the_receipt_number(store):
    number = receipt()
    primary = create_request(store, expedite(number, call()), NOW - timedelta(days=70))
    secondary = create_request(store, NewRequest("follow_up", number, "vsc", "en", call(), "secondary", primary.id),
                               NOW - timedelta(days=35))
    tertiary = create_request(store, NewRequest("follow_up", number, "vsc", "en", call(), "tertiary", secondary.id),
                              NOW)
    chain = [primary, secondary, tertiary]
    assert request_chain(store, reference=primary.reference) == chain
    assert request_chain(store, reference=secondary.reference) == chain
    assert request_chain(store, receipt_number=number) == chain
    assert request_chain(store, reference="SR99999999") == []
    assert request_chain(store, receipt_number=receipt()) == []
