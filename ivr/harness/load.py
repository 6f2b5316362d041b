"""Load: many whole scenario calls at once against a served IVR, bounded in count and time."""

from __future__ import annotations

import random
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from ivr.flows.loader import FlowError, read_yaml
from ivr.harness.load_plan import Thresholds, breaches, start_times
from ivr.harness.recording import Exchange
from ivr.harness.runner import Backend, Outcome, run_scenario
from ivr.harness.scenario import Scenario, ScenarioError, load_scenario
from ivr.harness.scenario_schema import MIX
from ivr.harness.stats import LatencyRow, latency_json, latency_rows, latency_table

FAILURES_KEPT = 5  # failed calls a load report shows in full


def load_mix(path: Path) -> list[tuple[Scenario, float]]:
    """A mix file's (scenario, weight) pairs; scenario paths are relative to the mix file."""
    try:
        data = read_yaml(Path(path))
    except FlowError as error:
        raise ScenarioError(f"{path}:{error.line}: {error.message}") from None
    problem = best_match(Draft202012Validator(MIX).iter_errors(data))
    if problem is not None:
        raise ScenarioError(f"{path}: {'/'.join(map(str, problem.absolute_path))}: {problem.message}")
    base = Path(path).parent
    return [(load_scenario(base / item["file"]), float(item.get("weight", 1))) for item in data["scenarios"]]


def plan(mix: list[tuple[Scenario, float]], calls: int, seed: int = 0) -> list[Scenario]:
    """Which scenario each call plays: drawn by weight, the same draw for the same seed."""
    scenarios, weights = zip(*mix, strict=True)
    return random.Random(seed).choices(scenarios, weights=weights, k=calls)


def error_kind(outcome: Outcome) -> str:
    """What kind of error a failed call met, the worst first: 5xx, other non-200, TwiML, network, expectation."""
    statuses = [e.status for e in outcome.exchanges]
    if any(s >= 500 for s in statuses):
        return "http 5xx"
    if any(s != 200 for s in statuses):
        return "http non-200"
    if outcome.error == "TwimlRejected":
        return "invalid TwiML"
    if outcome.error in ("ConnectionError", "Timeout", "ReadTimeout", "ConnectTimeout"):
        return "network"
    return "expectation"


@dataclass
class LoadReport:
    """What a load run did: calls completed, errors by kind, latencies per webhook path over time, its verdict."""

    planned: int
    seconds: float = 0.0
    completed: int = 0
    not_started: int = 0
    errors: Counter = field(default_factory=Counter)
    samples: list[tuple[str, float, float]] = field(default_factory=list)  # path, seconds taken, seconds in
    starts: list[tuple[float, float]] = field(default_factory=list)  # each call's planned and actual start
    failed: list[Outcome] = field(default_factory=list)  # the first failed calls, in full
    exchanges: list[Exchange] = field(default_factory=list)  # every webhook, for coverage
    rate: float | None = None
    ramp: float = 0.0
    thresholds: Thresholds = field(default_factory=Thresholds)
    began: float = 0.0  # time.monotonic() when the load started
    workers: int = 1  # the processes that played the calls (in-process, one per core at most)
    concurrency: int = 0  # calls in progress at most

    def add(self, outcome: Outcome | None) -> None:
        """Count one call (None: the time limit came before it started)."""
        if outcome is None:
            self.not_started += 1
            return
        self.samples += [(e.path, e.elapsed, e.at - self.began) for e in outcome.exchanges]
        self.exchanges += outcome.exchanges
        if outcome.status == "passed":
            self.completed += 1
            return
        self.errors[error_kind(outcome)] += 1
        if len(self.failed) < FAILURES_KEPT:
            self.failed.append(outcome)

    @property
    def rows(self) -> list[LatencyRow]:
        """Latency per webhook path."""
        return latency_rows((path, taken) for path, taken, _ in self.samples)

    @property
    def breaches(self) -> list[str]:
        """The thresholds not met; none: the load passed."""
        return breaches(self.thresholds, self.rows, self.planned - self.not_started, sum(self.errors.values()))

    def as_json(self) -> dict:
        """The report as plain data."""
        return {"calls": self.planned, "completed": self.completed, "errors": dict(self.errors),
                "error_count": sum(self.errors.values()), "not_started": self.not_started,
                "seconds": round(self.seconds, 3), "webhooks": len(self.samples),
                "calls_per_second": round(self.completed / self.seconds, 1) if self.seconds else 0.0,
                "worker_processes": self.workers, "concurrency": self.concurrency,
                "target_calls_per_second": self.rate, "ramp_seconds": self.ramp,
                "latency_ms": latency_json(self.rows), "passed": not self.breaches, "breaches": self.breaches,
                "failures": [o.message for o in self.failed]}

    def text(self) -> str:
        """The report as a person reads it."""
        errors = ", ".join(f"{kind}: {n}" for kind, n in sorted(self.errors.items())) or "none"
        target = f", target {self.rate:g} calls/s after a {self.ramp:g}s ramp" if self.rate else ""
        target += f", {self.concurrency} calls in progress at most" if self.concurrency else ""
        target += f", {self.workers} worker processes" if self.workers > 1 else ""
        achieved = self.completed / self.seconds if self.seconds else 0.0
        lines = [f"calls: {self.planned} planned, {self.completed} completed, {sum(self.errors.values())} errors "
                 f"({errors}), {self.not_started} not started (time limit)",
                 f"time: {self.seconds:.2f}s, {len(self.samples)} webhooks, {achieved:.1f} whole calls/s{target}", "",
                 latency_table(self.rows), "",
                 "PASSED: every threshold met" if not self.breaches else "FAILED: " + "; ".join(self.breaches)]
        for outcome in self.failed:
            lines += ["", outcome.message]
        return "\n".join(lines) + "\n"


def run_load(backend: Backend, calls: list[Scenario], concurrency: int, max_seconds: float,
             report: LoadReport | None = None) -> LoadReport:
    """Play every planned call on at most `concurrency` threads, each when its start time (report.rate and ramp)
    comes; calls not started by `max_seconds` are not played."""
    report = report or LoadReport(len(calls))
    report.planned, report.began, report.concurrency = len(calls), time.monotonic(), concurrency
    deadline = report.began + max_seconds
    planned = start_times(len(calls), report.rate, report.ramp)

    def play(scenario: Scenario, at: float) -> Outcome | None:
        if time.monotonic() >= deadline:
            return None
        report.starts.append((at, time.monotonic() - report.began))
        return run_scenario(scenario, backend)

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="harness-load") as pool:
        futures = []
        for scenario, at in zip(calls, planned, strict=True):
            time.sleep(max(0.0, report.began + at - time.monotonic()))
            futures.append(pool.submit(play, scenario, at))
        for future in futures:
            report.add(future.result())
    report.seconds = time.monotonic() - report.began
    return report
