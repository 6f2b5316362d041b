"""The look-up limits, counted in the shared store (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from ivr.domain.lookups import LookupLimits
from ivr.store.db import database_url, open_store
from ivr.store.lookups import allow_lookup

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
LIMITS = LookupLimits(per_call=3, per_caller=4, window=timedelta(hours=1))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'lookups.sqlite3'}"
    else:
        url = database_url(request.getfixturevalue("pg_url"), str(tmp_path))
    store = open_store(url)
    yield store
    store.dispose()


def caller() -> str:
    """A caller number no other test run uses (PostgreSQL keeps rows between runs)."""
    return "+1202" + str(uuid.uuid4().int)[:7]


def test_a_call_gets_its_limit_then_is_refused(store):
    number, sid = caller(), "CA" + uuid.uuid4().hex
    assert [allow_lookup(store, LIMITS, sid, number, NOW) for _ in range(4)] == [True, True, True, False]


def test_a_caller_is_limited_across_calls(store):
    number = caller()
    results = [allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW) for _ in range(5)]
    assert results == [True, True, True, True, False]


def test_the_window_slides(store):
    number = caller()
    for minutes in range(4):
        assert allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW + timedelta(minutes=minutes))
    assert not allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW + timedelta(minutes=30))
    assert allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW + timedelta(minutes=62))


@pytest.mark.parametrize("withheld", ["anonymous", "", "+266696687"])
def test_withheld_numbers_are_limited_per_call_only(store, withheld):
    sids = ["CA" + uuid.uuid4().hex for _ in range(6)]
    assert all(allow_lookup(store, LIMITS, sid, withheld, NOW) for sid in sids)


def test_calls_racing_for_a_callers_last_look_ups_never_pass_the_limit(store):
    """Eight calls from one number look up at the same moment: exactly the caller's limit get through."""
    number, start = caller(), threading.Barrier(8)

    def look_up(_):
        start.wait()
        return allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(look_up, range(8)))
    assert results.count(True) == LIMITS.per_caller
