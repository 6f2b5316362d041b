"""Bulk insert-or-update of checked rows: one compiled statement, run chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

# Rows per execute: one compiled INSERT ... ON CONFLICT run by the driver's executemany. A
# multi-row VALUES list would be one statement too, but SQLAlchemy builds and compiles it
# anew for every chunk, which costs some 20 times the time of the database's own work.
CHUNK = 2_000
INSERTS = {"sqlite": sqlite_insert, "postgresql": pg_insert}


def upsert_rows(connection, table: Table, rows: Iterable, keys: tuple[str, ...], fields: tuple[str, ...]) -> int:
    """Insert each row (an object with `fields` as attributes), or update it where its keys exist."""
    statement = upsert_statement(connection.dialect.name, table, keys, fields)
    written = 0
    for chunk in _chunks(rows, CHUNK):
        connection.execute(statement, [{name: getattr(row, name) for name in fields} for row in chunk])
        written += len(chunk)
    return written


def upsert_statement(dialect: str, table: Table, keys: tuple[str, ...], fields: tuple[str, ...]):
    """INSERT a row, or UPDATE its other fields when a row with the same keys is already there."""
    insert = INSERTS.get(dialect)
    if insert is None:
        raise NotImplementedError(f"no bulk upsert for the {dialect} database")
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c[key] for key in keys],
        set_={name: statement.excluded[name] for name in fields if name not in keys},
    )


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    """The rows in lists of at most size."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk
