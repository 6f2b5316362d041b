"""In-process load on every core: worker processes, forked once the apps are built, play the calls.

One process runs Python on one core at a time, so `harness load` without --url shares its calls
in progress (--concurrency) among as many worker processes as it has cores, at most one per call
in progress. Each worker takes the next planned call when one of its own is over, plays it where
its first call plays on the worker's main thread (the others on threads), and hands back how each
call went; the report counts them as if one process had played them all. The apps share one
database, as the instances of a served line do.
"""

from __future__ import annotations

import copy
import gc
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


class ForkableBackend(Backend, Protocol):
    """An in-process backend that can build its apps before a fork, and let go of the parent's after it."""

    def warm(self, scenarios: list[Scenario]) -> None: ...

    def after_fork(self) -> None: ...


def cores() -> int:
    """The cores this process may run on."""
    affinity: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def worker_count(concurrency: int) -> int:
    """Worker processes for a load: one per core, at most one per call in progress; 1 where fork is missing."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(concurrency, cores()))


def shares(concurrency: int, workers: int) -> list[int]:
    """The calls in progress each worker may have: the concurrency, shared out as evenly as it goes."""
    return [concurrency // workers + (1 if i < concurrency % workers else 0) for i in range(workers)]


@dataclass
class _Job:
    """What every worker inherits through the fork: the backend, the plan, and the next call to take."""

    backend: Any
    calls: list[Scenario]
    planned: list[float]
    began: float
    deadline: float
    next_call: Any  # a multiprocessing.Value, shared by the workers


_JOB: _Job | None = None
_forked_in = 0  # the process the backend last let go of the parent's connections in


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


def _player(job: _Job, played: list[Played]) -> None:
    """Play planned calls one after another, each when its start time comes, until none is left."""
    while (index := _take(job)) < len(job.calls):
        time.sleep(max(0.0, job.began + job.planned[index] - time.monotonic()))
        if time.monotonic() >= job.deadline:
            played.append((index, 0.0, None))
            continue
        started = time.monotonic() - job.began
        played.append((index, started, portable(run_scenario(job.calls[index], job.backend))))


def _work(share: int) -> list[Played]:
    """In a worker process: play calls with `share` of them in progress at most; how each went."""
    global _forked_in
    job = _JOB
    assert job is not None, "a load worker starts only by fork, from run_load_on_cores"
    if _forked_in != os.getpid():
        job.backend.after_fork()
        _forked_in = os.getpid()
    played: list[Played] = []
    threads = [threading.Thread(target=_player, args=(job, played), name="harness-load") for _ in range(share - 1)]
    for thread in threads:
        thread.start()
    _player(job, played)  # on the main thread: its webhooks' budgets are kept by the interval timer
    for thread in threads:
        thread.join()
    return played


def run_load_on_cores(backend: ForkableBackend, calls: list[Scenario], concurrency: int, max_seconds: float,
                      report: LoadReport | None = None) -> LoadReport:
    """Play the planned calls as `run_load` does, shared among worker processes (see worker_count)."""
    global _JOB
    report = report or LoadReport(len(calls))
    workers = worker_count(concurrency)
    backend.warm(calls)  # built once, before the fork (each worker would build its own) and before any thread
    if workers == 1:
        return run_load(backend, calls, concurrency, max_seconds, report)
    context = multiprocessing.get_context("fork")
    report.planned, report.began = len(calls), time.monotonic()
    planned = start_times(len(calls), report.rate, report.ramp)
    _JOB = _Job(backend, calls, planned, report.began, report.began + max_seconds, context.Value("i", 0))
    gc.freeze()  # what the workers inherit: their collections need not walk it (nor copy its pages to)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = [future.result() for future in [pool.submit(_work, s) for s in shares(concurrency, workers)]]
    finally:
        gc.unfreeze()
        _JOB = None
    for index, started, outcome in sorted((p for result in results for p in result), key=lambda p: p[0]):
        if outcome is not None:
            report.starts.append((planned[index], started))
        report.add(outcome)
    report.seconds = time.monotonic() - report.began
    return report
