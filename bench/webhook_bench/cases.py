"""The bench's cases: generated once, imported once into a cached SQLite file, or copied into PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path

from sqlalchemy import create_engine, delete, insert, text
from sqlalchemy.engine import make_url

from ivr.domain.locations import LOCATIONS
from ivr.domain.receipts import PREFIXES
from ivr.domain.statuses import STATUSES
from ivr.store.db import database_url, open_store
from ivr.store.tables import Base, CaseRecord

FIRST_NUMBER = 9_900_000_000  # ten digits, far from the demo cases
FORMS = ("I-485", "I-130", "I-765", "I-131", "N-400")  # none protected: the look-up speaks the status
COLUMNS = ("receipt_number", "form_type", "status", "status_date", "filing_location", "protected", "filing_zip")
# ZIP codes on the filings, in several zones: the callback is offered at the filer's local time.
ZIPS = ("10001", "60601", "80202", "94103", "70112", "85004", "33101", "98101")
CACHE_VERSION = 2  # bump when the generated cases change, so the cached file is made again
REPLAYED = ("call_records", "case_lookups")  # tables that grow with each replay of a call
CALLED_CASES = 2_000  # receipt numbers the calls use, spread over the whole table


def receipt(n: int) -> str:
    """The bench's n-th receipt number."""
    return f"{PREFIXES[n % len(PREFIXES)]}{FIRST_NUMBER + n}"


def case_rows(count: int) -> Iterator[tuple]:
    """`count` valid, unprotected cases, the same every time."""
    for n in range(count):
        yield (receipt(n), FORMS[n % len(FORMS)], STATUSES[n % len(STATUSES)].code,
               date(2026, 1 + n % 12, 1 + n % 28), LOCATIONS[n % len(LOCATIONS)].id, False, ZIPS[n % len(ZIPS)])


def batched(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    """The rows in lists of at most `size`."""
    while chunk := list(islice(rows, size)):
        yield chunk


def called_receipts(count: int) -> list[str]:
    """Receipt numbers spread evenly over the cases, for the calls to look up."""
    step = max(1, count // CALLED_CASES)
    return [receipt(n) for n in range(0, count, step)][:CALLED_CASES]


def cached_sqlite(count: int) -> Path:
    """An SQLite file holding `count` cases, made once and kept in ~/.cache/ivr-bench."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ivr-bench"
    path = cache / f"cases-{count}-v{CACHE_VERSION}.sqlite3"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"importing {count:,} cases into {path} (once)...", flush=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        store = open_store(f"sqlite:///{partial}")
        with store.engine.begin() as connection:
            for chunk in batched(case_rows(count), 50_000):
                connection.execute(insert(CaseRecord), [dict(zip(COLUMNS, row, strict=True)) for row in chunk])
        with store.engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.dispose()
        partial.rename(path)
    return path


def copy_into_postgresql(url: str, count: int) -> None:
    """Migrate the new database and COPY the cases in."""
    store = open_store(url)
    with store.engine.begin() as connection:
        # The line's statement timeout (a webhook must never wait long) is not for a bulk copy.
        connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY cases ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in case_rows(count):
                copy.write_row(row)
    store.dispose()


@contextmanager
def prepare_store(configured: str, count: int, work: Path) -> Iterator[tuple[str, list[str]]]:
    """(database URL, receipts to call about): a copy of the cached SQLite file, or a PostgreSQL
    database of the bench's own, dropped at the end."""
    if not configured:
        shutil.copyfile(cached_sqlite(count), work / "ivr.sqlite3")
        yield f"sqlite:///{work / 'ivr.sqlite3'}", called_receipts(count)
        return
    server = make_url(database_url(configured, str(work)))
    name = f"ivr_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        print(f"copying {count:,} cases into PostgreSQL database {name}...", flush=True)
        copy_into_postgresql(url, count)
        yield url, called_receipts(count)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def forget_replays(url: str) -> None:
    """Empty the call records and look-up counts the replayed calls have grown (the tables there are)."""
    engine = create_engine(database_url(url, "."))
    with engine.begin() as connection:
        for name in REPLAYED:
            if name in Base.metadata.tables:
                connection.execute(delete(Base.metadata.tables[name]))
    engine.dispose()
