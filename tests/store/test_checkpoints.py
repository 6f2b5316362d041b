"""SQLite's write-ahead log reaches the database file by the store's own thread, not by a webhook's commit."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime

from ivr.flows.state import CallState
from ivr.store.calls import record_turn
from ivr.store.checkpoints import BACKSTOP_PAGES
from ivr.store.db import database_url, open_store

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def write_records(store, calls: int) -> None:
    """Each call's record with one turn, one unit of work each."""
    for n in range(calls):
        state = CallState(call_sid=f"CA{n:032d}", caller="+12025550143", lang="en")
        with store.unit():
            record_turn(store, state, [{"at": NOW.isoformat(), "node": "main.language"}], NOW)


def records_in_the_file_alone(path) -> int:
    """Call records a reader sees in the database file, ignoring the write-ahead log (a copy of the file)."""
    copy = path.with_name("file-only.sqlite3")
    copy.write_bytes(path.read_bytes())
    with closing(sqlite3.connect(copy)) as connection:
        try:
            return connection.execute("SELECT count(*) FROM call_records").fetchone()[0]
        except sqlite3.OperationalError:  # not even the schema has reached the file yet
            return 0


def test_commits_leave_the_log_to_the_stores_thread_which_moves_it_into_the_file(tmp_path):
    path = tmp_path / "line.sqlite3"
    store = open_store(database_url(f"sqlite:///{path}", str(tmp_path)))
    try:
        with store.unit() as unit:
            autocheckpoint = unit.pooled.driver_connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        assert autocheckpoint == BACKSTOP_PAGES  # a webhook's commit no longer checkpoints at 1,000 pages
        write_records(store, 200)
        deadline = time.monotonic() + 10
        while records_in_the_file_alone(path) < 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert records_in_the_file_alone(path) == 200
    finally:
        store.dispose()


def test_a_disposed_store_stops_checkpointing_and_a_removed_file_is_never_made_again(tmp_path):
    path = tmp_path / "gone.sqlite3"
    store = open_store(database_url(f"sqlite:///{path}", str(tmp_path)))
    write_records(store, 5)
    store.dispose()
    for leftover in tmp_path.glob("gone.sqlite3*"):
        leftover.unlink()
    time.sleep(1.2)  # more than two of the thread's rounds
    assert not path.exists()
