"""Bulk insert-or-update of checked rows: one compiled statement, run chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sqlalchemy import Connection, Insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.store.tables import Base

# Rows per execute: one compiled INSERT ... ON CONFLICT run by the driver's executemany. A
# multi-row VALUES list would be one statement too, but SQLAlchemy builds and compiles it
# anew for every chunk, which costs some 20 times the time of the database's own work.
CHUNK = 2_000


def upsert_rows(connection: Connection, model: type[Base], rows: Iterable[object], keys: tuple[str, ...],
                fields: tuple[str, ...]) -> int:
    """Insert each row (an object with `fields` as attributes) into the table, or update it by its keys."""
    statement = upsert_statement(connection.dialect.name, model, keys, fields)
    written = 0
    for chunk in _chunks(rows, CHUNK):
        connection.execute(statement, [{name: getattr(row, name) for name in fields} for row in chunk])
        written += len(chunk)
    return written


def upsert_statement(dialect: str, model: type[Base], keys: tuple[str, ...], fields: tuple[str, ...]) -> Insert:
    """INSERT a row, or UPDATE its other fields when a row with the same keys is already there."""
    index = [model.__table__.c[key] for key in keys]
    updated = [name for name in fields if name not in keys]
    # The two dialects' INSERTs have the same ON CONFLICT methods, but no common type that has them.
    if dialect == "postgresql":
        pg = pg_insert(model)
        return pg.on_conflict_do_update(index_elements=index, set_={name: pg.excluded[name] for name in updated})
    if dialect == "sqlite":
        lite = sqlite_insert(model)
        return lite.on_conflict_do_update(index_elements=index, set_={name: lite.excluded[name] for name in updated})
    raise NotImplementedError(f"no bulk upsert for the {dialect} database")


def _chunks(rows: Iterable[object], size: int) -> Iterator[list[object]]:
    """The rows in lists of at most size."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk
