"""Callback reference numbers in the shared store: given at booking, found again, cancelled once."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from ivr.domain.callbacks import Booking
from ivr.store.callbacks import book, cancel_callback, find_scheduled, reference_of
from ivr.store.db import open_store

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
SLOT = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'callbacks.sqlite3'}")
    yield store
    store.dispose()


def booking(call_sid: str, receipt: str | None = None, tier: str = "tier1") -> Booking:
    return Booking(call_sid, receipt, "Pacific/Honolulu", "+18085550100", "en", tier, "agent", SLOT)


def test_each_booking_gets_its_own_reference_and_a_retried_webhook_keeps_it(store):
    first, second = book(store, booking("CA1"), 5, NOW), book(store, booking("CA2"), 5, NOW)
    references = {reference_of(store, first), reference_of(store, second)}
    assert len(references) == 2 and all(re.fullmatch(r"CB\d{8}", r) for r in references)
    assert book(store, booking("CA1"), 5, NOW) == first


def test_a_scheduled_callback_is_found_by_reference_or_receipt_and_not_after_it_is_cancelled(store):
    callback_id = book(store, booking("CA1", "EAC2190012345"), 5, NOW)
    reference = reference_of(store, callback_id)
    found = find_scheduled(store, reference, None)
    assert found is not None and (found.id, found.scheduled_for, found.time_zone) == (callback_id, SLOT,
                                                                                      "Pacific/Honolulu")
    assert find_scheduled(store, None, "EAC2190012345") == found
    assert find_scheduled(store, "CB00000000", None) is None and find_scheduled(store, None, None) is None
    assert cancel_callback(store, callback_id, NOW, "caller CA9") is not None
    assert find_scheduled(store, reference, None) is None
    assert cancel_callback(store, callback_id, NOW, "caller CA9") is None  # once


def test_a_senior_officers_callback_is_found_by_its_reference_only_and_says_it_is_protected(store):
    private = book(store, booking("CA1", "EAC2190012345", tier="tier3"), 5, NOW)
    found = find_scheduled(store, reference_of(store, private), None)
    assert found is not None and found.id == private and found.protected
    assert find_scheduled(store, None, "EAC2190012345") is None
    other = book(store, booking("CA2", "EAC2190012345"), 5, NOW)
    found = find_scheduled(store, None, "EAC2190012345")
    assert found is not None and found.id == other and not found.protected


def test_a_reference_already_held_is_never_given_again(store, monkeypatch):
    drawn = iter(["CB00000007", "CB00000007", "CB00000008"])  # the second draws the first one's, then another
    monkeypatch.setattr("ivr.store.callbacks.new_callback_reference", lambda: next(drawn))
    first, second = book(store, booking("CA1"), 5, NOW), book(store, booking("CA2"), 5, NOW)
    assert (reference_of(store, first), reference_of(store, second)) == ("CB00000007", "CB00000008")
