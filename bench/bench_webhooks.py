"""Webhooks against the framework's own limit, served by gunicorn and measured by wrk in one run.

    python bench/bench_webhooks.py [--cases 1000000] [--database-url URL] [--rounds 3] [--duration 8]
    python bench/bench_webhooks.py --memory [--webhooks 100000]

Three apps are served side by side (gunicorn, sync, 2 workers each, on loopback ports the kernel
picks): this IVR; "the limit", a bare Flask app answering each request with the very bytes the IVR
gave it; and a minimal Flask route that builds a greeting with VoiceResponse per request and
checks no signature (bench/webhook_bench/references.py). wrk posts signed Twilio-shaped bodies from a
file (bench/webhooks.lua): distinct calls, each walked beforehand to where it answers, for

    welcome   POST /voice, a new call
    menu      Digits=1 at the language menu
    lookup    the read-back of a receipt number confirmed: a case found among --cases
    slots     a receipt number keyed for a callback out of hours: three open slots offered

An answer URL whose call keeps its state in the store carries the call's turn, and a request
posted again with it would be answered from the kept reply, as a delivery Twilio repeats is:
the bench posts those URLs without the turn, so every look-up and slot offer is worked out anew.

Rounds interleave the apps, so a busy machine slows them alike; the table shows medians, the
IVR's throughput and p99 as ratios of the limit's. The cases are generated and imported once into
an SQLite file kept in ~/.cache/ivr-bench (each run works on a copy); with --database-url
(PostgreSQL) the bench makes a database of its own, copies the cases in, and drops it after.
The same calls are replayed: the look-up limits are raised for the bench, there are enough calls
(--calls) that each is replayed only a few times in one wrk run, and before each run the calls'
records and look-up counts are emptied, so no call's record grows past a real one's (with 400
calls a record gained some fifty turns in a run, and each turn's write grew with it).

--memory serves the IVR and the bare app, plays the four webhooks mixed, and prints each
worker's resident memory after 10,000 webhooks and every 10,000 after, up to --webhooks (the
calls' records and look-up counts emptied before each wrk run there too).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from webhook_bench.cases import forget_replays, prepare_store  # noqa: E402
from webhook_bench.memory import memory_run  # noqa: E402
from webhook_bench.plans import ROWS, prepare_plans  # noqa: E402
from webhook_bench.serving import served  # noqa: E402
from webhook_bench.wrk import run_wrk  # noqa: E402

TARGETS = {"welcome": (0.6, 2.0), "menu": (0.6, 2.0), "lookup": (0.5, 2.5), "slots": (None, None)}


def options() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in the store (default 1000000)")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run (default 8)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app (default 2)")
    parser.add_argument("--calls", type=int, default=2000, help="distinct calls per webhook (default 2000)")
    parser.add_argument("--memory", action="store_true", help="report worker memory instead of speed")
    parser.add_argument("--webhooks", type=int, default=100_000, help="webhooks played with --memory")
    return parser.parse_args()


def measure(args, url, plans, servers) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(row, app) -> [(requests/s, p99 ms)] over the rounds; the apps' order alternates per round."""
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for number in range(args.rounds):
        for row in ROWS:
            apps = ["ivr", "bare"] + (["minimal"] if row == "welcome" else [])
            for app in apps if number % 2 == 0 else reversed(apps):
                forget_replays(url)
                rate, p99 = run_wrk(servers[app].base, plans[row].requests_file, args.duration, args.connections)
                results.setdefault((row, app), []).append((rate, p99))
                print(f"  round {number + 1} {row:<8} {app:<8} {rate:>9,.0f} req/s  p99 {p99:7.2f} ms", flush=True)
    return results


def table(results) -> str:
    """The results as a Markdown table of medians and ratios."""
    def median(row: str, app: str) -> tuple[float, float]:
        samples = results[(row, app)]
        return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)

    lines = ["| webhook | this IVR req/s | the limit req/s | ratio | IVR p99 ms | limit p99 ms | p99 ratio | target |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in ROWS:
        (rate, p99), (limit, limit_p99) = median(row, "ivr"), median(row, "bare")
        least, most = TARGETS[row]
        target = f">= {least}, p99 <= {most}x" if least else "report"
        lines.append(f"| {row} | {rate:,.0f} | {limit:,.0f} | {rate / limit:.2f} | {p99:.2f} | {limit_p99:.2f} "
                     f"| {p99 / limit_p99:.1f} | {target} |")
    (rate, p99), (minimal, minimal_p99) = median("welcome", "ivr"), median("welcome", "minimal")
    lines.append(f"| welcome vs minimal VoiceResponse route | {rate:,.0f} | {minimal:,.0f} | {rate / minimal:.2f} "
                 f"| {p99:.2f} | {minimal_p99:.2f} | {p99 / minimal_p99:.1f} | >= 1.0 |")
    return "\n".join(lines)


def main() -> None:
    """Prepare the store and the calls, serve the apps, measure, print the table."""
    args = options()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: install it with `sudo apt-get install wrk` (Debian, Ubuntu) "
                         "or `brew install wrk`, then run the bench again")
    with tempfile.TemporaryDirectory(prefix="bench-webhooks-") as folder, \
            prepare_store(args.database_url, args.cases, Path(folder)) as (url, receipts):
        work = Path(folder)
        with served("ivr", work, args.workers, url=url) as ivr:
            plans = prepare_plans(ivr, receipts, args.calls, work)
            with served("bare", work, args.workers) as bare, served("minimal", work, args.workers) as minimal:
                servers = {"ivr": ivr, "bare": bare, "minimal": minimal}
                if args.memory:
                    memory_run(servers, plans, args.webhooks, args.connections, work, url)
                    return
                print(f"store: {url.split(':')[0]}, {args.cases:,} cases; wrk -t2 -c{args.connections} "
                      f"-d{args.duration}s; {args.rounds} rounds; gunicorn sync, {args.workers} workers each")
                results = measure(args, url, plans, servers)
    print()
    print(table(results))


if __name__ == "__main__":
    main()
