"""Connecting to the shared store: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

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

    def migrate(self) -> None:
        """Bring the schema to the latest migration (safe when several instances start together)."""
        upgrade(self.engine)

    @contextmanager
    def session(self):
        """A session that commits on success and rolls back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_store(url: str) -> Store:
    """A Store for the URL, its schema migrated to the latest revision."""
    store = Store(make_engine(url))
    store.migrate()
    return store

