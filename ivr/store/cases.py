"""Cases in the shared store: bulk insert-or-update by receipt number, and look-up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.case_import import CaseRow
from ivr.store.db import Store
from ivr.store.tables import Case

# Rows per execute: one compiled INSERT ... ON CONFLICT run by the driver's executemany. A
# multi-row VALUES list would be one statement too, but SQLAlchemy builds and compiles it
# anew for every chunk, which costs some 20 times the time of the database's own work.
CHUNK = 2_000
INSERTS = {"sqlite": sqlite_insert, "postgresql": pg_insert}
FIELDS = ("receipt_number", "form_type", "status", "status_date", "filing_location", "protected")


def upsert_cases(store: Store, rows: Iterable[CaseRow]) -> int:
    """Insert or update every row by receipt number, all or nothing; return how many rows."""
    statement = _upsert_statement(store.engine.dialect.name)
    written = 0
    with store.session() as session:
        connection = session.connection()
        for chunk in _chunks(rows, CHUNK):
            connection.execute(statement, [{name: getattr(row, name) for name in FIELDS} for row in chunk])
            written += len(chunk)
    return written


def _upsert_statement(dialect: str):
    """INSERT a case, or UPDATE every other column when its receipt number is already there."""
    insert = INSERTS.get(dialect)
    if insert is None:
        raise NotImplementedError(f"no bulk upsert for the {dialect} database")
    table = Case.__table__
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.receipt_number],
        set_={name: statement.excluded[name] for name in FIELDS[1:]},
    )


def find_case(store: Store, receipt_number: str) -> CaseRow | None:
    """The case with this canonical receipt number, or None; a plain value, usable anywhere."""
    with store.session() as session:
        case = session.get(Case, receipt_number)
        if case is None:
            return None
        return CaseRow(
            receipt_number=case.receipt_number,
            form_type=case.form_type,
            status=case.status,
            status_date=case.status_date,
            filing_location=case.filing_location,
            protected=bool(case.protected),
        )


def count_cases(store: Store) -> int:
    """How many cases the store holds."""
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Case))


def _chunks(rows: Iterable[CaseRow], size: int) -> Iterator[list[CaseRow]]:
    """The rows in lists of at most size."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk
