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


def alone_in_time() -> datetime:
    """An instant no other test run looks up at: withheld callers all share one count."""
    return NOW + timedelta(days=uuid.uuid4().int % 100_000)


def test_withheld_numbers_share_one_budget_across_calls(store):
    limits, at = LookupLimits(per_call=3, per_caller=4, window=timedelta(hours=1), withheld=3), alone_in_time()
    withheld = ["anonymous", "", "+266696687", "Restricted", " unknown "]
    results = [allow_lookup(store, limits, "CA" + uuid.uuid4().hex, number, at) for number in withheld]
    assert results == [True, True, True, False, False]


def test_one_number_however_written_is_one_caller(store):
    digits = str(uuid.uuid4().int)[:4]
    spellings = [f"+1202555{digits}", f"(202) 555-{digits}", f"202.555.{digits}", f"1 202 555 {digits}",
                 f"+1 202-555-{digits}"]
    results = [allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW)
               for number in spellings]
    assert results == [True, True, True, True, False]


def test_a_sip_or_client_caller_id_of_any_length_is_counted(store):
    long_id = "sip:" + "caller-" * 20 + uuid.uuid4().hex + "@trunk.example.com"
    results = [allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, caller_id, NOW)
               for caller_id in [long_id] * 4 + [long_id.upper(), "client:" + "x" * 200]]
    assert results == [True, True, True, True, False, True]


def test_calls_racing_for_a_callers_last_look_ups_never_pass_the_limit(store):
    """Eight calls from one number look up at the same moment: exactly the caller's limit get through."""
    number, start = caller(), threading.Barrier(8)

    def look_up(_):
        start.wait()
        return allow_lookup(store, LIMITS, "CA" + uuid.uuid4().hex, number, NOW)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(look_up, range(8)))
    assert results.count(True) == LIMITS.per_caller
