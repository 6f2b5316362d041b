"""The harness over real HTTP, against the IVR served by gunicorn (one or two instances)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from ivr.config import ROOT
from ivr.harness.simulator import CallFailed, SimulatedCall
from ivr.harness.transport import HttpTransport

TOKEN = "served-auth-token"


LISTENING = re.compile(rb"Listening at: http://127\.0\.0\.1:(\d+) \((\d+)\)")


def listening_port(log_path: Path, pid: int) -> int | None:
    """The port this gunicorn says it bound, from its log; None until it has."""
    for port, master in LISTENING.findall(log_path.read_bytes()):
        if int(master) == pid:
            return int(port)
    return None


def serve(database_url: str, log, extra_env: dict | None = None, workers: int = 2) -> tuple[subprocess.Popen, str]:
    """Start gunicorn serving app:app on a port the kernel picks; its process and base URL once it answers.

    Binding port 0 and reading the port back from gunicorn's log cannot race another program
    for a port chosen in advance.
    """
    env = {**os.environ, "TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": database_url,
           "IVR_FAKE_NOW": "2026-11-30T15:00:00Z", **(extra_env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--no-control-socket",
         "--bind", "127.0.0.1:0", "app:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {Path(log.name).read_text()[-2000:]}")
        port = listening_port(Path(log.name), process.pid)
        try:
            if port:
                requests.get(f"http://127.0.0.1:{port}/voice", timeout=5)  # 405: up (webhooks are POST)
                return process, f"http://127.0.0.1:{port}"
        except requests.RequestException:
            pass
        time.sleep(0.1)
    process.kill()
    process.wait()
    raise RuntimeError("gunicorn did not answer within 30 s")


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
