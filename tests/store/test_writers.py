"""Units of work that write one SQLite file take turns, and a failed one lets the next go."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select

from ivr.store.db import open_store
from ivr.store.tables import Lookup

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture
def two_instances(tmp_path):
    """Two stores on one SQLite file, as two app instances would have."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    stores = [open_store(url), open_store(url)]
    yield stores
    for store in stores:
        store.dispose()


def write_lookup(store, call_sid: str) -> None:
    """One unit of work that writes a row."""
    with store.unit_of_work() as session:
        session.execute(insert(Lookup).values(call_sid=call_sid, caller="+12025550143", at=NOW))


def test_a_writer_waits_for_the_one_before_it_to_commit(two_instances):
    first, second = two_instances
    order, written = [], threading.Event()

    def later_writer():
        written.wait()
        write_lookup(second, "CAsecond")
        order.append("second wrote")

    thread = threading.Thread(target=later_writer)
    thread.start()
    with first.unit_of_work() as session:
        session.execute(insert(Lookup).values(call_sid="CAfirst", caller="+12025550143", at=NOW))
        written.set()
        order.append("first committing")
    thread.join()
    assert order == ["first committing", "second wrote"]


def test_a_unit_that_fails_after_writing_lets_the_next_writer_go(two_instances):
    first, second = two_instances
    with pytest.raises(RuntimeError), first.unit_of_work() as session:
        session.execute(insert(Lookup).values(call_sid="CAfailed", caller="+12025550143", at=NOW))
        raise RuntimeError("a fault after the write")
    write_lookup(first, "CAsame")
    write_lookup(second, "CAother")
    with second.session() as session:
        assert sorted(session.scalars(select(Lookup.call_sid))) == ["CAother", "CAsame"]


def test_many_threads_of_two_instances_all_write(two_instances):
    threads = [threading.Thread(target=lambda n=n: [write_lookup(two_instances[n % 2], f"CA{n}-{i}")
                                                    for i in range(20)]) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with two_instances[0].session() as session:
        assert session.scalar(select(func.count()).select_from(Lookup)) == 120
