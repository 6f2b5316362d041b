"""Cases in the shared store: bulk insert-or-update by receipt number, and look-up."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from ivr.domain.cases import Case
from ivr.store.bulk import CHUNK as CHUNK  # re-exported: the rows written per statement
from ivr.store.bulk import upsert_rows
from ivr.store.db import Store
from ivr.store.driver_sql import DriverStatement
from ivr.store.tables import CaseRecord, table_of

FIELDS = ("receipt_number", "form_type", "status", "status_date", "filing_location", "protected", "filing_zip")


def upsert_cases(store: Store, rows: Iterable[Case]) -> int:
    """Insert or update every row by receipt number, all or nothing; return how many rows."""
    with store.session() as session:
        return upsert_rows(session.connection(), CaseRecord, rows, ("receipt_number",), FIELDS)


FIND = DriverStatement(f"SELECT {', '.join(FIELDS)} FROM cases WHERE receipt_number = :receipt_number",
                       results=[table_of(CaseRecord).c[name] for name in FIELDS])


def find_case(store: Store, receipt_number: str) -> Case | None:
    """The case with this canonical receipt number, or None; a plain value, usable anywhere."""
    with store.unit() as unit:
        row = FIND.first(unit, receipt_number=receipt_number)
    if row is None:
        return None
    fields = dict(zip(FIELDS, row, strict=True))
    return Case(**{**fields, "protected": bool(fields["protected"])})


def count_cases(store: Store) -> int:
    """How many cases the store holds."""
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(CaseRecord))

