"""The main thread keeps its SQLite connection from one unit of work to the next, and nothing else does."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import text

from ivr.store.db import open_store


@pytest.fixture()
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'kept.sqlite3'}")
    yield store
    store.dispose()


def driver_of_a_unit(store, work=None):
    """The driver connection one unit of work ran on."""
    with store.unit() as unit:
        unit.run("SELECT 1", {})
        if work:
            work(unit)
        return unit.pooled.driver_connection


def test_units_on_the_main_thread_share_one_connection_and_other_threads_use_the_pool(store):
    first = driver_of_a_unit(store)
    assert driver_of_a_unit(store) is first
    on_thread = []
    thread = threading.Thread(target=lambda: on_thread.append(driver_of_a_unit(store)))
    thread.start()
    thread.join()
    assert on_thread[0] is not first
    assert store.engine.pool.checkedout() == 1  # the main thread's; the thread gave its own back


def test_a_unit_that_failed_or_was_interrupted_leaves_no_transaction_to_the_next(store):
    def write_then_fail(unit):
        unit.run("INSERT INTO call_status_events (call_sid, status, received_at) "
                 "VALUES ('CA1', 'ringing', '2026-12-07 10:00:00')", {}, writes=True)
        raise RuntimeError("the webhook failed")

    with pytest.raises(RuntimeError):
        driver_of_a_unit(store, write_then_fail)
    with store.unit() as unit:
        assert unit.connection.execute(text("SELECT count(*) FROM call_status_events")).scalar() == 0
    assert not driver_of_a_unit(store).in_transaction


def test_a_forked_child_never_uses_its_parents_connection(store):
    parents = driver_of_a_unit(store)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit status
        code = 0 if driver_of_a_unit(store) is not parents else 1
        os._exit(code)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_disposing_of_the_store_gives_its_kept_connection_back(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'disposed.sqlite3'}")
    driver_of_a_unit(store)
    pool = store.engine.pool
    assert pool.checkedout() == 1
    store.dispose()
    assert pool.checkedout() == 0
