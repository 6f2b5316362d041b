"""The harness over real HTTP, against the IVR served by gunicorn (one or two instances)."""

from __future__ import annotations

import subprocess

import pytest

from ivr.harness.served import serve as serve_ivr
from ivr.harness.simulator import CallFailed, SimulatedCall
from ivr.harness.transport import HttpTransport

TOKEN = "served-auth-token"


def serve(database_url: str, log, extra_env: dict | None = None, workers: int = 2) -> tuple[subprocess.Popen, str]:
    """gunicorn serving the IVR on this database, with the tests' token, in live hours; its process and base URL."""
    env = {"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": database_url, "IVR_FAKE_NOW": "2026-11-30T15:00:00Z",
           **(extra_env or {})}
    return serve_ivr(env, log, workers)


@pytest.fixture
def served(tmp_path):
    """Start served instances (one gunicorn worker each: the instances are what is shared) on demand; stop them."""
    processes, logs = [], []

    def start(database_url: str, **env) -> str:
        logs.append((tmp_path / f"gunicorn-{len(logs)}.log").open("ab"))
        process, base = serve(database_url, logs[-1], env, workers=1)
        processes.append(process)
        return base

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
    for log in logs:
        log.close()


@pytest.fixture(scope="module")
def served_ivr(tmp_path_factory):
    """One IVR served by gunicorn (one worker) for the tests that only place calls into it; its base URL."""
    directory = tmp_path_factory.mktemp("served")
    with (directory / "gunicorn.log").open("ab") as log:
        process, base = serve(f"sqlite:///{directory / 'served.sqlite3'}", log, workers=1)
        yield base
        process.terminate()
        process.wait(timeout=10)


def test_a_whole_call_over_http_with_real_signatures(served_ivr):
    c = SimulatedCall(HttpTransport(served_ivr), served_ivr, TOKEN).start()
    c.press("2").say("contraseña").press("1")
    assert "Olvidé mi contraseña" in c.all_heard
    assert [t.target for t in c.transfers] == ["helpdesk"]


def test_a_served_ivr_refuses_a_caller_with_the_wrong_token(served_ivr):
    with pytest.raises(CallFailed, match="HTTP 403"):
        SimulatedCall(HttpTransport(served_ivr), served_ivr, "not-the-token").start()


def alternate(bases: list[str]) -> None:
    """One call whose webhooks go to each instance in turn."""
    c = SimulatedCall(HttpTransport(bases[0]), bases[0], TOKEN).start()
    for index, key in enumerate(["2", "4", "1"], start=1):
        c.transport = HttpTransport(bases[index % 2])
        c.press(key)
    assert "oficial de servicios de inmigración" in c.all_heard
    assert [t.target for t in c.transfers] == ["tier2"]


def test_two_served_instances_on_one_sqlite_file_share_a_call(served, tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    alternate([served(url), served(url)])


def test_two_served_instances_on_postgresql_share_a_call(served, pg_url):
    alternate([served(pg_url), served(pg_url)])
