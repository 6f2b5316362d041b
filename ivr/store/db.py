"""Connecting to the shared store: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import PoolProxiedConnection

from ivr.store.checkpoints import BACKSTOP_PAGES, Checkpointer
from ivr.store.durability import relax_commits
from ivr.store.liveness import replace_closed_connections
from ivr.store.migrate import upgrade
from ivr.store.writers import WriterQueue, is_write


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
    cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")  # the store's thread checkpoints
    cursor.close()


# PostgreSQL must fail fast, never hang a webhook (Twilio gives up at 15 s): connecting, a statement,
# a lock and a wait for a pooled connection each have a limit, and a peer that stops acknowledging
# (a partition) is dropped by TCP. Keep these well under the webhook budget.
PG_CONNECT_ARGS = {
    "connect_timeout": 2,
    "options": "-c statement_timeout=4000 -c lock_timeout=3000 -c idle_in_transaction_session_timeout=10000",
    "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2,
    "tcp_user_timeout": 4000,
}
POOL_TIMEOUT = 2  # seconds a webhook waits for a pooled connection when all are in use


def make_engine(url: str) -> Engine:
    """An engine for the URL, tuned for its backend."""
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    engine = create_engine(url, pool_timeout=POOL_TIMEOUT, connect_args=PG_CONNECT_ARGS)
    replace_closed_connections(engine)
    relax_commits(engine)
    return engine


class Raced(RuntimeError):
    """Another unit committed, while this one worked, what changes this one's answer: run it again."""


class Unit:
    """One unit of work's transaction: a pooled connection that begins it on first use, a SQLAlchemy
    Connection on it when Core code asks, and a Session on that when ORM code asks.

    The busiest statements (a call's state, its record, look-up counts) go to the driver's own
    connection inside the same transaction: SQLAlchemy's work per statement, per Connection and
    per Session costs more than SQLite's or PostgreSQL's own, so a webhook that needs nothing else
    never makes them.
    """

    __slots__ = ("store", "_pooled", "_connection", "_session", "queued", "_last")

    def __init__(self, store: Store):
        self.store = store
        self._pooled: PoolProxiedConnection | None = None  # the driver's connection, from the pool
        self._connection: Connection | None = None  # once made, it owns the pooled connection
        self._session: Session | None = None
        self.queued = False  # it holds its turn among the SQLite writers
        self._last: list[Callable[[], None]] = []  # work left to the end of the unit, just before its commit

    def at_the_end(self, work: Callable[[], None]) -> None:
        """Do `work` just before the unit commits, after everything else in it (it may raise Raced)."""
        self._last.append(work)

    @property
    def pooled(self) -> PoolProxiedConnection:
        """The unit's pooled connection (the driver begins the transaction with its first statement)."""
        if self._pooled is None:
            self._pooled = self.store.checkout()
        return self._pooled

    @property
    def connection(self) -> Connection:
        """The unit's SQLAlchemy connection, on the same pooled connection, its transaction begun."""
        if self._connection is None:
            connection = Connection(self.store.engine, connection=self.pooled)
            self._connection = connection  # it gives the pooled connection back when closed
            connection.begin()
        return self._connection

    @property
    def session(self) -> Session:
        """A Session joined to the unit's transaction: its commits are the unit's to make."""
        if self._session is None:
            self._session = Session(bind=self.connection, expire_on_commit=False,
                                    join_transaction_mode="rollback_only")
        return self._session

    def run(self, sql: str, parameters: Mapping[str, Any], writes: bool = False) -> Any:
        """Run a statement written for this database's driver (its own parameter style) on the unit's
        connection, after taking the unit's turn among the writers when it writes; the driver's cursor."""
        driver = self.pooled.driver_connection
        if writes:
            self.store.before_write(self)
        return driver.execute(sql, parameters)  # type: ignore[union-attr]  # sqlite3's and psycopg's have it

    def finish(self, ok: bool, abandon: bool = False) -> None:
        """Commit (flushing the Session's changes first), or roll back; then give the connection back.

        An abandoned unit (its work interrupted, wherever it was) closes its connection instead: a
        rollback on a connection stopped mid-statement could wait on the server for ever.
        """
        if abandon and self._pooled is not None:
            self._pooled.invalidate()
        ended = False  # the transaction ended as asked: only then may the connection be kept for the next unit
        try:
            while ok and self._last:
                self._last.pop(0)()
            if self._session is not None:
                try:
                    if ok:
                        self._session.flush()
                finally:
                    self._session.close()
            if not abandon:
                self._end_transaction(ok)
                ended = True
        finally:
            try:
                if self._connection is not None:
                    self.store.forget(self._pooled)
                    self._connection.close()  # it gives the pooled connection back
                elif self._pooled is not None:
                    self.store.checkin(self._pooled, keep=ended)
            finally:
                if self.queued:
                    self.store.writer_done()  # committed or rolled back: the next writer may go

    def _end_transaction(self, ok: bool) -> None:
        """Commit or roll back, through the SQLAlchemy connection when there is one (its events run)."""
        if self._connection is not None:
            if ok:
                self._connection.commit()
            else:
                self._connection.rollback()
        elif self._pooled is not None:
            if ok:
                self._pooled.commit()
            else:
                self._pooled.rollback()


# Stores of this process whose main thread keeps a connection (see Store.checkout), for a forked child to forget.
_KEEPING: weakref.WeakSet[Store] = weakref.WeakSet()
# A forked child's copies of its parent's kept connections: held, so that collecting one never hands it to the
# child's pool (SQLite's connections must not be used across a fork), and never closed.
_INHERITED: list[PoolProxiedConnection] = []


def _forget_kept_connections() -> None:
    """In a forked child: set aside every connection the parent kept; the child's units check out their own."""
    for store in list(_KEEPING):
        if store._kept is not None:
            _INHERITED.append(store._kept)
            store._kept = None


os.register_at_fork(after_in_child=_forget_kept_connections)


class Store:
    """The shared store: an engine and units of work.

    Inside `unit()` every `session()` and `unit()` is that unit's: whatever the code below reads
    or writes (call state, look-ups, bookings, records) is one transaction, committed once at the
    end, or rolled back as a whole.

    The schema is brought up to date the first time the database answers, not necessarily at
    start-up: an instance that starts during an outage still boots, and migrates on first use.
    """

    def __init__(self, engine: Engine, on_ready: Callable[[Store], None] | None = None):
        self.engine = engine
        self.dialect = engine.dialect.name
        # Per thread (and per greenlet or task): concurrent webhooks never share a unit.
        self._unit: ContextVar[Unit | None] = ContextVar(f"unit_of_work_{id(self)}", default=None)
        self._on_ready = on_ready  # run once after migrating (the demo data), before other use
        self._ready = False
        self._preparing = threading.Lock()
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        self._writers = WriterQueue(database) if database and database != ":memory:" else None
        self._checkpoints = Checkpointer(database, self) if self._writers is not None and database else None
        if self._writers is not None:
            event.listen(engine, "before_cursor_execute", self._queue_writer)
        # The main thread's connection, kept from one unit of work to the next (SQLite files only): a sync
        # worker answers every webhook there, and checking a connection out of the pool and in again cost a
        # twentieth of a greeting. Other threads use the pool, which still bounds what threads hold.
        self._keeps = self._writers is not None
        self._kept: PoolProxiedConnection | None = None
        if self._keeps:
            _KEEPING.add(self)

    def checkout(self) -> PoolProxiedConnection:
        """A pooled connection for a unit of work: on SQLite, the one the main thread keeps."""
        if not self._keeps or threading.current_thread() is not threading.main_thread():
            return self.engine.raw_connection()
        if self._kept is None:
            self._kept = self.engine.raw_connection()
        return self._kept

    def checkin(self, connection: PoolProxiedConnection, keep: bool) -> None:
        """A unit of work is done with its connection: the main thread keeps its own for the next unit when
        `keep` (its transaction ended as asked); any other goes back to the pool."""
        if keep and connection is self._kept:
            return
        self.forget(connection)
        connection.close()

    def forget(self, connection: PoolProxiedConnection | None) -> None:
        """Keep the connection no longer (it is closed, or a SQLAlchemy Connection will give it back)."""
        if connection is not None and connection is self._kept:
            self._kept = None

    def keep_no_connection(self) -> None:
        """From now on every unit of work checks a connection out of the pool (where faults are injected)."""
        self._keeps = False
        self.close_connections()

    def close_connections(self) -> None:
        """Close every connection, the kept one too: the next units open new ones."""
        kept, self._kept = self._kept, None
        if kept is not None:
            kept.close()
        self.engine.dispose()

    def _queue_writer(self, _conn, _cursor, statement: str, *_args) -> None:
        """Before a unit of work's first write on SQLite, wait for its turn among the writers."""
        unit = self._unit.get()
        if unit is not None and not unit.queued and is_write(statement):
            self.before_write(unit)

    def before_write(self, unit: Unit) -> None:
        """On SQLite, wait for the unit's turn among the writers (once per unit)."""
        if self._writers is not None and not unit.queued:
            self._writers.acquire()
            unit.queued = True

    def writer_done(self) -> None:
        """The unit that held the writers' turn has ended."""
        if self._writers is not None:
            self._writers.release()

    def migrate(self) -> None:
        """Bring the schema to the latest migration (safe when several instances start together)."""
        if self._ready:
            return
        with self._preparing:
            if self._ready:
                return
            upgrade(self.engine)
            self._ready = True  # set first: the hook's own sessions must not migrate again
            try:
                if self._on_ready:
                    self._on_ready(self)
            except BaseException:
                self._ready = False
                raise

    @contextmanager
    def unit(self) -> Iterator[Unit]:
        """One transaction for everything inside; a unit already open is joined, not nested.

        The unit reaches the database only when first used: a unit that asks nothing of the
        store costs no transaction at all.
        """
        open_unit = self._unit.get()
        if open_unit is not None:
            yield open_unit
            return
        self.migrate()
        if self._checkpoints is not None:
            self._checkpoints.keep_running()
        unit = Unit(self)
        token = self._unit.set(unit)
        try:
            yield unit
        except BaseException as error:
            self._unit.reset(token)
            unit.finish(ok=False, abandon=not isinstance(error, Exception))  # an interrupt, a timer
            raise
        self._unit.reset(token)
        unit.finish(ok=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A unit of work (the open one, else a new one), as its Session."""
        with self.unit() as unit:
            yield unit.session

    def session(self):
        """The open unit of work's session, or a session of its own that commits on success."""
        return self.unit_of_work()

    def dispose(self) -> None:
        """Close every pooled connection (and stop checkpointing from this process)."""
        if self._checkpoints is not None:
            self._checkpoints.stop()
        self.close_connections()


def open_store(url: str, on_ready: Callable[[Store], None] | None = None) -> Store:
    """A Store for the URL, its schema migrated to the latest revision."""
    store = Store(make_engine(url), on_ready)
    store.migrate()
    return store
