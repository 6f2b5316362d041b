"""Serving the IVR and the reference apps with gunicorn, each on a loopback port the kernel picks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "bench-auth-token"
PUBLIC = "https://ivr.bench.example"  # the URL Twilio signs (PUBLIC_BASE_URL), whatever the port
OUT_OF_HOURS = "2026-11-28T23:00:00+00:00"  # a Saturday evening: "0" leads to the callback offer


@dataclass(frozen=True)
class Served:
    """A served app: its base URL and its gunicorn master's process id."""

    base: str
    pid: int


def ivr_environment(url: str) -> dict[str, str]:
    """The IVR's settings for the bench: its store, token, clock, and look-up limits out of the way."""
    return {**os.environ, "DATABASE_URL": url, "TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": PUBLIC,
            "IVR_FAKE_NOW": OUT_OF_HOURS, "IVR_DEMO_DATA": "0", "IVR_LOOKUPS_PER_CALL": "100000000",
            "IVR_LOOKUPS_PER_CALLER": "100000000"}


def app_spec(kind: str, work: Path) -> str:
    """gunicorn's app argument for the IVR or a reference app."""
    if kind == "ivr":
        return "app:app"
    files = {"bare": "answers.json", "minimal": "greeting.json"}
    return f'webhook_bench.references:{kind}_app("{work / files[kind]}")'


def wait_until_up(base: str, process: subprocess.Popen, log: Path) -> None:
    """Wait until the app answers (any HTTP status), or fail with its log."""
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{log.read_text()[-3000:]}")
        try:
            requests.get(base + "/voice", timeout=5)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn did not answer within 60 s:\n{log.read_text()[-3000:]}")


@contextmanager
def served(kind: str, work: Path, workers: int, url: str = "") -> Iterator[Served]:
    """Serve one app with gunicorn (sync workers) on a socket bound here."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    log = work / f"gunicorn-{kind}.log"
    command = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--worker-class", "sync",
               "--bind", f"fd://{listener.fileno()}", "--pythonpath", str(ROOT / "bench"),
               "--backlog", "1024", app_spec(kind, work)]
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=ivr_environment(url) if kind == "ivr" else None,
                                   pass_fds=[listener.fileno()], stdout=output, stderr=output)
    try:
        wait_until_up(base, process, log)
        yield Served(base, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
        listener.close()


def worker_pids(base_pid: int) -> list[int]:
    """The gunicorn master's worker processes."""
    children = Path(f"/proc/{base_pid}/task/{base_pid}/children").read_text().split()
    return sorted(int(pid) for pid in children)
