"""Cases in the shared store: bulk insert-or-update and look-up, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import delete

from ivr.domain.cases import Case
from ivr.store.cases import CHUNK, count_cases, find_case, upsert_cases
from ivr.store.db import database_url, open_store
from ivr.store.tables import CaseRecord


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """An empty-enough store: SQLite in the test's folder, or the PostgreSQL test database."""
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(database_url(url, str(tmp_path)))
    yield store
    store.dispose()


@pytest.fixture
def cases(store):
    """Make n cases with receipt numbers no other run uses; delete them afterwards (PostgreSQL keeps rows)."""
    made: list[str] = []

    def make(n: int, status: str = "case_received") -> list[Case]:
        first = random.randrange(10**9, 9 * 10**9)
        rows = [Case(f"LIN{first + i}", "I-485", status, date(2026, 11, 3), "nsc") for i in range(n)]
        made.extend(row.receipt_number for row in rows)
        return rows

    yield make
    with store.session() as session:
        for start in range(0, len(made), 1_000):
            session.execute(delete(CaseRecord).where(CaseRecord.receipt_number.in_(made[start:start + 1_000])))


def test_new_cases_are_inserted_and_found(store, cases):
    before = count_cases(store)
    rows = cases(3)
    assert upsert_cases(store, rows) == 3
    assert count_cases(store) == before + 3
    assert [find_case(store, row.receipt_number) for row in rows] == rows


def test_a_reimport_updates_every_field_but_adds_no_case(store, cases):
    rows = cases(2)
    upsert_cases(store, rows)
    before = count_cases(store)
    changed = [replace(row, form_type="I-130", status="approved", status_date=date(2026, 11, 20),
                       filing_location="fo_honolulu", protected=True) for row in rows]
    assert upsert_cases(store, changed) == 2
    assert count_cases(store) == before
    assert [find_case(store, row.receipt_number) for row in rows] == changed


def test_an_unknown_receipt_number_finds_nothing(store):
    assert find_case(store, "YSC0000000000") is None


def test_many_rows_go_in_several_statements(store, cases):
    rows = cases(2 * CHUNK + 1)
    before = count_cases(store)
    assert upsert_cases(store, rows) == len(rows)
    assert count_cases(store) == before + len(rows)
    assert find_case(store, rows[-1].receipt_number) == rows[-1]


def test_a_failure_part_way_leaves_every_case_as_it_was(store, cases):
    rows = cases(CHUNK + 5)
    before = count_cases(store)

    def rows_then_failure():
        yield from rows  # the first CHUNK rows are already written when the failure comes
        raise OSError("the file went away")

    with pytest.raises(OSError):
        upsert_cases(store, rows_then_failure())
    assert count_cases(store) == before
    assert find_case(store, rows[0].receipt_number) is None


def test_nothing_to_import_is_zero(store):
    assert upsert_cases(store, []) == 0
