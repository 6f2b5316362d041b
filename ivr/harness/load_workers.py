"""In-process load on every core: worker processes, each with apps of its own on the one database, play the calls.

One process runs Python on one core at a time, so `harness load` without --url shares its calls
in progress (--concurrency) among as many worker processes as it has cores, at most one per call
in progress. Each worker builds its apps on the load's database (as the instances of a served line
share one), then all start together; each takes the next planned call when one of its own is over,
plays its first call on its main thread (the others on threads), and hands back how each call
went; the report counts them as if one process had played them all.

The workers come from a fork server, not from this process: a fork copies a lock another thread
holds at that moment (SQLite's own, taken by a store's checkpoint thread) already locked, for ever.
"""

from __future__ import annotations

import copy
import gc
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ivr.harness.load import LoadReport, run_load
from ivr.harness.load_plan import start_times
from ivr.harness.runner import Backend, Outcome, run_scenario
from ivr.harness.scenario import Scenario

Played = tuple[int, float, Outcome | None]  # a call's place in the plan, when it started, how it went (None: not)


class WorkerBackend(Backend, Protocol):
    """An in-process backend that builds its apps ahead of the calls, and says how a worker builds its own."""

    def warm(self, scenarios: list[Scenario]) -> None: ...

    def in_worker(self) -> Callable[[], WorkerBackend]: ...


def cores() -> int:
    """The cores this process may run on."""
    affinity: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def worker_count(concurrency: int) -> int:
    """Worker processes for a load: one per core, at most one per call in progress; 1 without a fork server."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(concurrency, cores()))


def shares(concurrency: int, workers: int) -> list[int]:
    """The calls in progress each worker may have: the concurrency, shared out as evenly as it goes."""
    return [concurrency // workers + (1 if i < concurrency % workers else 0) for i in range(workers)]


START_SECONDS = 300.0  # how long a worker waits for the others to have built their apps


@dataclass
class _Job:
    """What each worker is started with: how to build its backend, the plan, and what the workers share."""

    build: Callable[[], WorkerBackend]
    calls: list[Scenario]
    planned: list[float]
    max_seconds: float
    log_level: int  # the apps' logger's, in the process that started the load
    next_call: Any  # a multiprocessing.Value: the next planned call to take
    ready: Any  # a multiprocessing.Barrier: every worker has built its apps


@dataclass
class _Worker:
    """One worker's backend and its share of the clock: when the load began, when no call may start."""

    backend: WorkerBackend
    job: _Job
    began: float = 0.0
    deadline: float = 0.0


_WORKER: _Worker | None = None


def _start(job: _Job) -> None:
    """In a new worker: build its backend and its apps."""
    global _WORKER
    logging.getLogger("ivr").setLevel(job.log_level)
    backend = job.build()
    backend.warm(job.calls)
    gc.freeze()  # the apps, flows and plan live as long as the worker: its collections need not walk them
    _WORKER = _Worker(backend, job)


def portable(outcome: Outcome) -> Outcome:
    """The outcome as a worker hands it back: a failed call keeps its transcript, not its connection to an app."""
    if outcome.call is None or outcome.status != "failed":
        return replace(outcome, call=None)
    call = copy.copy(outcome.call)
    call.transport, call._gather, call._rest = None, None, []  # type: ignore[assignment]
    return replace(outcome, call=call)


def _take(job: _Job) -> int:
    """The index of the next planned call (past the end when none is left)."""
    with job.next_call.get_lock():
        index = job.next_call.value
        job.next_call.value += 1
    return index


def _player(worker: _Worker, played: list[Played]) -> None:
    """Play planned calls one after another, each when its start time comes, until none is left."""
    job = worker.job
    while (index := _take(job)) < len(job.calls):
        time.sleep(max(0.0, worker.began + job.planned[index] - time.monotonic()))
        if time.monotonic() >= worker.deadline:
            played.append((index, 0.0, None))
            continue
        started = time.monotonic() - worker.began
        played.append((index, started, portable(run_scenario(job.calls[index], worker.backend))))


def _work(share: int) -> tuple[float, list[Played]]:
    """In a worker: once every worker is ready, play calls with `share` of them in progress at most; when this
    worker began, and how each of its calls went."""
    worker = _WORKER
    assert worker is not None, "a load worker is started by run_load_on_cores"
    worker.job.ready.wait(START_SECONDS)
    worker.began = time.monotonic()
    worker.deadline = worker.began + worker.job.max_seconds
    played: list[Played] = []
    threads = [threading.Thread(target=_player, args=(worker, played), name="harness-load") for _ in range(share - 1)]
    for thread in threads:
        thread.start()
    _player(worker, played)  # on the main thread: its webhooks' budgets are kept by the interval timer
    for thread in threads:
        thread.join()
    return worker.began, played


def run_load_on_cores(backend: WorkerBackend, calls: list[Scenario], concurrency: int, max_seconds: float,
                      report: LoadReport | None = None) -> LoadReport:
    """Play the planned calls as `run_load` does, shared among worker processes (see worker_count)."""
    report = report or LoadReport(len(calls))
    workers = worker_count(concurrency)
    if workers == 1:
        backend.warm(calls)  # before any call: each thread would build the ones it needs
        return run_load(backend, calls, concurrency, max_seconds, report)
    backend.warm([])  # the database, with its demo data, before the workers open it
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ivr.harness.load_workers", "ivr.harness.local_line", "ivr.factory"])
    planned = start_times(len(calls), report.rate, report.ramp)
    job = _Job(backend.in_worker(), calls, planned, max_seconds, logging.getLogger("ivr").level,
               context.Value("i", 0), context.Barrier(workers))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                             initargs=(job,)) as pool:
        results = [future.result() for future in [pool.submit(_work, s) for s in shares(concurrency, workers)]]
    report.planned, report.began = len(calls), min(began for began, _ in results)
    for index, started, outcome in sorted((p for _, result in results for p in result), key=lambda p: p[0]):
        if outcome is not None:
            report.starts.append((planned[index], started))
        report.add(outcome)
    report.seconds = time.monotonic() - report.began
    report.workers, report.concurrency = workers, concurrency
    return report
