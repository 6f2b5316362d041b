"""Connecting to the shared store: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ivr.store.migrate import upgrade


def database_url(configured: str, instance_path: str) -> str:
    """The SQLAlchemy URL: the configured one (with psycopg 3 for PostgreSQL) or a local SQLite file."""
    if not configured:
        return f"sqlite:///{Path(instance_path) / 'ivr.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if configured.startswith(prefix):
            return "postgresql+psycopg://" + configured[len(prefix):]
    return configured


def _tune_sqlite(dbapi_connection, _record) -> None:
    """Let several processes share one SQLite file: WAL, and wait for locks instead of failing.

    In WAL mode `synchronous=NORMAL` loses no commit when a process dies, only at a power cut
    (the last commits then roll back as a whole), and a commit no longer waits for the disk.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL, tuned for its backend."""
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    """The shared store: an engine, the sessions made from it, and units of work.

    Inside `unit_of_work()` every `session()` is that unit's one session: whatever the code
    below reads or writes (call state, look-ups, bookings, records) is one transaction,
    committed once at the end, or rolled back as a whole.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Per thread (and per greenlet or task): concurrent webhooks never share a unit.
        self._unit: ContextVar[Session | None] = ContextVar(f"unit_of_work_{id(self)}", default=None)

    def migrate(self) -> None:
        """Bring the schema to the latest migration (safe when several instances start together)."""
        upgrade(self.engine)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for everything inside; a unit already open is joined, not nested.

        The session reaches the database only when first used: a unit that asks nothing of
        the store costs no transaction at all.
        """
        open_unit = self._unit.get()
        if open_unit is not None:
            yield open_unit
            return
        with self._sessions() as session, session.begin():
            token = self._unit.set(session)
            try:
                yield session
            finally:
                self._unit.reset(token)

    @contextmanager
    def session(self):
        """The open unit of work's session, or a session of its own that commits on success."""
        with self.unit_of_work() as session:
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_store(url: str) -> Store:
    """A Store for the URL, its schema migrated to the latest revision."""
    store = Store(make_engine(url))
    store.migrate()
    return store

