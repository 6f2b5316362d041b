"""Statements the busiest webhooks hand to the database driver itself, values converted as SQLAlchemy would.

A webhook's few statements (a call's state, its record, look-up counts, a case) cost far more in
SQLAlchemy's per-statement work (building, cache keys, result objects) than in SQLite or
PostgreSQL. These are written once, with `:name` parameters, in SQL both databases take (or one
text per database), and run on the unit of work's own connection, inside its transaction; the
columns' own types convert what goes in and comes out, so rows read the same either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column
from sqlalchemy.engine import Dialect

from ivr.store.db import Unit
from ivr.store.writers import is_write

PARAMETER = re.compile(r"(?<![:\w]):([a-z_]+)")  # `:name`, never a PostgreSQL cast (`::json`)
Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _bind(column: Column, dialect: Dialect) -> Convert:
    """How the column's type writes a value for this database."""
    return column.type.dialect_impl(dialect).bind_processor(dialect) or _identity


def _result(column: Column, dialect: Dialect) -> Convert:
    """How the column's type reads a value from this database."""
    return column.type.dialect_impl(dialect).result_processor(dialect, None) or _identity


class DriverStatement:
    """One statement, as each database's driver takes it, with its parameters' and results' columns."""

    def __init__(self, sql: str | Mapping[str, str], binds: Mapping[str, Column] | None = None,
                 results: Sequence[Column] = ()):
        self._sql = sql if isinstance(sql, Mapping) else {"sqlite": sql, "postgresql": sql}
        self._binds = dict(binds or {})
        self._results = tuple(results)
        self._writes = is_write(next(iter(self._sql.values())))
        self._prepared: dict[str, tuple[str, dict[str, Convert], tuple[Convert, ...]]] = {}  # by database

    def _for(self, dialect: Dialect) -> tuple[str, dict[str, Convert], tuple[Convert, ...]]:
        """The text, the parameters' and the results' conversions for this database (made once each)."""
        prepared = self._prepared.get(dialect.name)
        if prepared is None:
            sql = self._sql[dialect.name]
            if dialect.name != "sqlite":  # psycopg's parameter style
                sql = PARAMETER.sub(r"%(\1)s", sql.replace("%", "%%"))
            prepared = (sql, {name: _bind(column, dialect) for name, column in self._binds.items()},
                        tuple(_result(column, dialect) for column in self._results))
            self._prepared[dialect.name] = prepared
        return prepared

    def run(self, unit: Unit, **values: Any) -> Any:
        """Run it in the unit's transaction; the driver's cursor."""
        sql, binds, _ = self._for(unit.store.engine.dialect)
        for name, convert in binds.items():
            values[name] = convert(values[name])
        return unit.run(sql, values, writes=self._writes)

    def first(self, unit: Unit, **values: Any) -> tuple | None:
        """The first row it reads, its values converted by their columns' types; None when none."""
        row = self.run(unit, **values).fetchone()
        if row is None:
            return None
        _, _, results = self._for(unit.store.engine.dialect)
        return tuple(convert(value) for convert, value in zip(results, row, strict=True)) if results else tuple(row)

    def rows(self, unit: Unit, **values: Any) -> list[tuple]:
        """Every row it reads, their values converted by their columns' types."""
        fetched = self.run(unit, **values).fetchall()
        _, _, results = self._for(unit.store.engine.dialect)
        if not results:
            return [tuple(row) for row in fetched]
        return [tuple(convert(value) for convert, value in zip(results, row, strict=True)) for row in fetched]
