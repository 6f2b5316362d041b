"""Connecting to the shared store: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from ivr.store.tables import Base

SCHEMA_LOCK = 7_446_590_001  # the PostgreSQL advisory lock held while creating tables
CREATE_ATTEMPTS = 20  # more than the tables: each lost race leaves one table fewer to create


def database_url(configured: str, instance_path: str) -> str:
    """The SQLAlchemy URL: the configured one (with psycopg 3 for PostgreSQL) or a local SQLite file."""
    if not configured:
        return f"sqlite:///{Path(instance_path) / 'ivr.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if configured.startswith(prefix):
            return "postgresql+psycopg://" + configured[len(prefix):]
    return configured


def _tune_sqlite(dbapi_connection, _record) -> None:
    """Let several processes share one SQLite file: WAL, and wait for locks instead of failing."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
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
    """The shared store: an engine and the sessions made from it."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def create_tables(self) -> None:
        """Create any missing table (a no-op on an up-to-date database), safe to race."""
        for attempt in range(CREATE_ATTEMPTS):
            try:
                self._create_tables()
                return
            except OperationalError as error:
                # SQLite processes starting together: a loser sees a winner's table (once per
                # table it lost, at worst), and goes on with the tables still missing.
                if "already exists" not in str(error) or attempt == CREATE_ATTEMPTS - 1:
                    raise

    def _create_tables(self) -> None:
        """Create missing tables; on PostgreSQL one starting instance at a time."""
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            Base.metadata.create_all(connection)

    @contextmanager
    def session(self):
        """A session that commits on success and rolls back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_store(url: str) -> Store:
    """A Store for the URL, with its tables created."""
    store = Store(make_engine(url))
    store.create_tables()
    return store

