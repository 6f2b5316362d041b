"""The IVR served by gunicorn on a port the kernel picks, for tests and CI runs against a real server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import requests

from ivr.config import ROOT

LISTENING = re.compile(rb"Listening at: http://127\.0\.0\.1:(\d+) \((\d+)\)")


def listening_port(log_path: Path, pid: int) -> int | None:
    """The port this gunicorn says it bound, from its log; None until it has."""
    for port, master in LISTENING.findall(log_path.read_bytes()):
        if int(master) == pid:
            return int(port)
    return None


def serve(env: dict[str, str], log, workers: int = 2, timeout: float = 30) -> tuple[subprocess.Popen, str]:
    """Start gunicorn serving app:app with these environment variables; its process and base URL once it answers.

    Binding port 0 and reading the port back from gunicorn's log cannot race another program
    for a port chosen in advance. `log` is a file opened for writing: gunicorn's and the app's log.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--no-control-socket",
         "--bind", "127.0.0.1:0", "app:app"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=log,
    )
    deadline = time.monotonic() + timeout
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
    raise RuntimeError(f"gunicorn did not answer within {timeout:g} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a served IVR and wait for it."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
