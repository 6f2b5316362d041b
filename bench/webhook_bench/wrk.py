"""Running wrk against a served app, and reading its throughput, latency and errors."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).with_name("webhooks.lua")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def milliseconds(text: str) -> float:
    """wrk's '1.23ms' / '850.00us' / '1.02s' in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(base: str, requests_file: Path, seconds: int, connections: int) -> str:
    """wrk's report of one run posting the file's requests."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(SCRIPT), base,
               "--", str(requests_file)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def parsed(report: str) -> tuple[float, float, int]:
    """(requests/s, p99 ms, requests) from a wrk report; a non-2xx answer stops the bench, since it is no speed."""
    if failed := re.search(r"Non-2xx or 3xx responses: (\d+)", report):
        raise SystemExit(f"{failed[1]} answers were not 200:\n{report}")
    if socket := re.search(r"Socket errors: .*", report):
        print(f"  wrk: {socket[0]}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", report)[1])
    p99 = milliseconds(re.search(r"\s99%\s+(\S+)", report)[1])
    return rate, p99, int(re.search(r"(\d+) requests in", report)[1])


def run_wrk(base: str, requests_file: Path, seconds: int, connections: int) -> tuple[float, float]:
    """(requests/s, p99 ms) of one run."""
    rate, p99, _ = parsed(wrk(base, requests_file, seconds, connections))
    return rate, p99
