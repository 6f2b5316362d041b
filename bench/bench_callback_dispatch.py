"""How fast callback workers dispatch due callbacks through the real REST client.

    python bench/bench_callback_dispatch.py --callbacks 1000 --workers 4 \
        --database-url postgresql://postgres@127.0.0.1:5432/test

Books N due callbacks (after emptying the callback tables of that database), starts W worker
processes (`flask callbacks work --until-idle`) against a loopback stand-in of Twilio's Calls
API, and reports the dispatch rate and whether any callback was dialled twice or not at all.
Two rates: callbacks dispatched per second from the first call placed to the last (the workers
at work), and the whole run's, worker start-up included.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete  # noqa: E402

from ivr.domain.callbacks import Booking  # noqa: E402
from ivr.domain.contact_center import CENTER_ZONE  # noqa: E402
from ivr.harness.rest_standin import RestStandin  # noqa: E402
from ivr.store.callbacks import book  # noqa: E402
from ivr.store.db import database_url, open_store  # noqa: E402
from ivr.store.tables import Callback, CallbackSlot  # noqa: E402

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ACCOUNT, TOKEN = "AC" + "3" * 32, "bench-token"


def prepare(url: str, count: int) -> None:
    """Empty the callback tables and book `count` callbacks due now."""
    store = open_store(database_url(url, tempfile.gettempdir()))
    with store.session() as session:
        session.execute(delete(Callback))
        session.execute(delete(CallbackSlot))
    due = NOW - timedelta(minutes=1)
    for i in range(count):
        book(store, Booking(f"CAbench{i:06d}", None, CENTER_ZONE, "+13125550100", "en", "tier1",
                            "agent", due), capacity=count, now=due)
    store.dispose()


def run_workers(url: str, api: str, workers: int, batch: int) -> float:
    """Start the workers, wait for them all; the seconds it took."""
    env = {**os.environ, "DATABASE_URL": url, "IVR_FAKE_NOW": NOW.isoformat(), "IVR_DEMO_DATA": "0",
           "PUBLIC_BASE_URL": "https://ivr.example.gov", "TWILIO_API_BASE_URL": api,
           "TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_AUTH_TOKEN": TOKEN}
    command = [sys.executable, "-m", "flask", "--app", "app", "callbacks", "work", "--until-idle",
               "--batch", str(batch)]
    started = time.perf_counter()
    processes = [subprocess.Popen([*command, "--worker-id", f"bench{i}"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL) for i in range(workers)]
    for process in processes:
        process.wait()
    return time.perf_counter() - started


def main() -> None:
    """Parse arguments, run, report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--callbacks", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--batch", type=int, default=20, help="callbacks a worker claims at a time (its default)")
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    prepare(args.database_url, args.callbacks)
    with RestStandin(ACCOUNT, TOKEN) as standin:
        seconds = run_workers(args.database_url, standin.url, args.workers, args.batch)
    dialled = Counter(int(parse_qs(urlsplit(c.url).query)["id"][0]) for c in standin.api.calls)
    twice = sum(1 for n in dialled.values() if n > 1)
    placed = sorted(call.created for call in standin.api.calls)
    dispatching = (placed[-1] - placed[0]).total_seconds() if len(placed) > 1 else seconds
    print(f"{args.callbacks} callbacks, {args.workers} workers, batch {args.batch}: "
          f"{len(placed) / dispatching:.0f} callbacks/s dispatched ({dispatching:.2f} s from the first call placed "
          f"to the last); {args.callbacks / seconds:.0f} callbacks/s in all ({seconds:.2f} s, worker start-up "
          f"included); dialled {len(dialled)}, twice {twice}, missed {args.callbacks - len(dialled)}")


if __name__ == "__main__":
    main()
