"""Each gunicorn worker's resident memory as webhooks go by: the IVR's against the bare app's."""

from __future__ import annotations

from pathlib import Path

from webhook_bench.cases import forget_replays
from webhook_bench.plans import Plan
from webhook_bench.serving import Served, worker_pids
from webhook_bench.wrk import parsed, wrk

CHECKPOINT = 10_000


def rss_mib(pid: int) -> float:
    """A process's resident memory in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def mixed_requests(plans: dict[str, Plan], work: Path) -> Path:
    """One file with every row's requests, interleaved."""
    rows = [plan.requests_file.read_text().splitlines() for plan in plans.values()]
    lines = [line for group in zip(*rows, strict=False) for line in group]
    path = work / "mixed.requests"
    path.write_text("\n".join(lines) + "\n")
    return path


def played_memory(server: Served, requests_file: Path, webhooks: int, connections: int,
                  url: str = "") -> list[list[float]]:
    """Each worker's RSS (MiB) after every CHECKPOINT webhooks, up to `webhooks`.

    Before each wrk run the calls' records and look-up counts are emptied (`url`: the IVR's store),
    as the speed runs do: a call replayed for ever would grow a record no real call has.
    """
    played, samples = 0, []
    while played < webhooks:
        if url:
            forget_replays(url)
        played += parsed(wrk(server.base, requests_file, 2, connections))[2]
        while (len(samples) + 1) * CHECKPOINT <= min(played, webhooks):
            samples.append([rss_mib(pid) for pid in worker_pids(server.pid)])
    return samples


def memory_run(servers: dict[str, Served], plans: dict[str, Plan], webhooks: int, connections: int,
               work: Path, url: str) -> None:
    """Play the mixed webhooks to both apps and print the workers' memory at each checkpoint."""
    requests_file = mixed_requests(plans, work)
    ivr = played_memory(servers["ivr"], requests_file, webhooks, connections, url)
    bare = played_memory(servers["bare"], requests_file, webhooks, connections)
    answers = (work / "answers.json").stat().st_size / 2**20
    print(f"\nresident memory per gunicorn worker, MiB (the bare app holds {answers:.1f} MiB of recorded answers)")
    print("| webhooks | IVR workers | bare workers |\n| --- | --- | --- |")
    for n, (mine, theirs) in enumerate(zip(ivr, bare, strict=True), 1):
        print(f"| {n * CHECKPOINT:,} | {' / '.join(f'{m:.1f}' for m in mine)} | "
              f"{' / '.join(f'{t:.1f}' for t in theirs)} |")
    growth = [last - first for first, last in zip(ivr[0], ivr[-1], strict=True)]
    print(f"IVR workers' growth from {CHECKPOINT:,} to {len(ivr) * CHECKPOINT:,} webhooks: "
          f"{' / '.join(f'{g:+.1f}' for g in growth)} MiB")
