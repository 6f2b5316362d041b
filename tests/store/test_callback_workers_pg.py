"""Several callback workers on one PostgreSQL: nothing dialled twice, nothing lost, dead claims recovered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import delete, select

from ivr.config import ROOT
from ivr.domain.callbacks import Booking
from ivr.harness.rest_standin import RestStandin
from ivr.store.callbacks import book
from ivr.store.db import database_url, open_store
from ivr.store.tables import Callback, CallbackSlot

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ACCOUNT, TOKEN = "AC" + "2" * 32, "worker-test-token"


@pytest.fixture
def store(pg_url, tmp_path):
    """The PostgreSQL store, its callback tables emptied (the test database is the tests' own)."""
    store = open_store(database_url(pg_url, str(tmp_path)))
    with store.session() as session:
        session.execute(delete(Callback))
        session.execute(delete(CallbackSlot))
    yield store
    store.dispose()


def book_due(store, count: int) -> None:
    """Book `count` callbacks that fell due a minute ago."""
    due = NOW - timedelta(minutes=1)
    for i in range(count):
        booking = Booking(f"CApg{i:05d}", None, "America/New_York", "+13125550100", "en", "tier1", "agent", due)
        assert book(store, booking, capacity=count, now=due - timedelta(days=1)) is not None


@pytest.fixture
def worker(pg_url, tmp_path):
    """Start `flask callbacks work` processes; their output is kept in tmp_path for a failing test."""
    logs = []

    def start(api_url: str, name: str, now: datetime, *extra: str) -> subprocess.Popen:
        logs.append((tmp_path / f"{name}.log").open("ab"))
        return spawn(pg_url, api_url, name, now, logs[-1], *extra)

    yield start
    for log in logs:
        log.close()


def spawn(pg_url: str, api_url: str, name: str, now: datetime, log, *extra: str) -> subprocess.Popen:
    """A worker process."""
    env = {**os.environ, "DATABASE_URL": pg_url, "IVR_FAKE_NOW": now.isoformat(), "IVR_DEMO_DATA": "0",
           "PUBLIC_BASE_URL": "https://ivr.example.gov", "TWILIO_API_BASE_URL": api_url,
           "TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_AUTH_TOKEN": TOKEN}
    command = [sys.executable, "-m", "flask", "--app", "app", "callbacks", "work", "--worker-id", name, *extra]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


def dialled_ids(standin) -> list[int]:
    """The callback ids of every call the stand-in was asked to place."""
    return [int(parse_qs(urlsplit(call.url).query)["id"][0]) for call in standin.api.calls]


def test_four_workers_dispatch_1000_callbacks_each_exactly_once(store, worker):
    book_due(store, 1000)
    with RestStandin(ACCOUNT, TOKEN) as standin:
        workers = [worker(standin.url, f"w{i}", NOW, "--until-idle", "--batch", "10") for i in range(4)]
        for process in workers:
            assert process.wait(timeout=240) == 0
    ids = dialled_ids(standin)
    with store.session() as session:
        rows = session.execute(select(Callback.id, Callback.state, Callback.call_sid, Callback.lease_owner)).all()
    assert len(ids) == 1000 and len(set(ids)) == 1000  # zero duplicates
    assert {row.id for row in rows} == set(ids)  # zero lost
    assert all(row.state == "dialing" and row.call_sid for row in rows)
    assert len({row.lease_owner for row in rows}) > 1  # the work was shared


def test_a_killed_workers_claims_expire_and_another_worker_takes_them(store, worker):
    book_due(store, 5)
    with RestStandin(ACCOUNT, TOKEN, delay=3.0) as slow:
        doomed = worker(slow.url, "doomed", NOW, "--once", "--batch", "5")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and claimed_by(store, "doomed") < 5:
            time.sleep(0.05)
        assert claimed_by(store, "doomed") == 5
        doomed.send_signal(signal.SIGKILL)  # mid-dispatch: it has claimed all five, dialled none
        doomed.wait(timeout=10)
    later = NOW + timedelta(minutes=5)  # past the two-minute lease
    with RestStandin(ACCOUNT, TOKEN) as standin:
        assert worker(standin.url, "rescuer", later, "--until-idle").wait(timeout=60) == 0
    assert sorted(dialled_ids(standin)) == sorted(all_ids(store))
    assert claimed_by(store, "rescuer") == 5


def claimed_by(store, name: str) -> int:
    """How many callbacks a worker holds."""
    with store.session() as session:
        return len(session.scalars(select(Callback.id).where(Callback.lease_owner == name)).all())


def all_ids(store) -> list[int]:
    """Every callback id."""
    with store.session() as session:
        return list(session.scalars(select(Callback.id)))


def test_a_worker_killed_after_twilio_accepted_its_call_leads_to_exactly_one_dial(store, worker):
    book_due(store, 1)
    with RestStandin(ACCOUNT, TOKEN) as standin:
        standin.api.delay_after = 30.0  # Twilio placed the call; its answer has not reached the worker yet
        doomed = worker(standin.url, "doomed", NOW, "--once")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not standin.api.calls:
            time.sleep(0.05)
        [placed] = standin.api.calls
        doomed.send_signal(signal.SIGKILL)  # between the REST call and the store write
        doomed.wait(timeout=10)
        standin.api.delay_after = 0.0
        with store.session() as session:
            assert session.scalar(select(Callback.call_sid)) is None  # the SID never reached the store
        later = NOW + timedelta(minutes=5)  # past the two-minute lease
        assert worker(standin.url, "rescuer", later, "--until-idle").wait(timeout=60) == 0
    assert standin.api.calls == [placed]  # one dial
    with store.session() as session:
        row = session.scalars(select(Callback)).one()
    assert (row.state, row.call_sid, row.lease_owner) == ("dialing", placed.sid, "rescuer")
