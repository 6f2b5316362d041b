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
from ivr.harness.runner import Backend, Outcome, run_scenario
from ivr.harness.scenario import Scenario, ScenarioError, load_scenario
from ivr.harness.scenario_schema import MIX
from ivr.harness.stats import latency_json, latency_rows, latency_table

FAILURES_KEPT = 5  # failure reports a load report shows in full


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
    """What a load run did: calls completed, errors by kind, latencies per webhook path."""

    planned: int
    seconds: float = 0.0
    completed: int = 0
    not_started: int = 0
    errors: Counter = field(default_factory=Counter)
    samples: list[tuple[str, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome | None) -> None:
        """Count one call (None: the time limit came before it started)."""
        if outcome is None:
            self.not_started += 1
            return
        self.samples += [(e.path, e.elapsed) for e in outcome.exchanges]
        if outcome.status == "passed":
            self.completed += 1
            return
        self.errors[error_kind(outcome)] += 1
        if len(self.failures) < FAILURES_KEPT:
            self.failures.append(outcome.message)

    def as_json(self) -> dict:
        """The report as plain data."""
        return {"calls": self.planned, "completed": self.completed, "errors": dict(self.errors),
                "error_count": sum(self.errors.values()), "not_started": self.not_started,
                "seconds": round(self.seconds, 3), "webhooks": len(self.samples),
                "calls_per_second": round(self.completed / self.seconds, 1) if self.seconds else 0.0,
                "latency_ms": latency_json(latency_rows(self.samples)), "failures": self.failures}

    def text(self) -> str:
        """The report as a person reads it."""
        errors = ", ".join(f"{kind}: {n}" for kind, n in sorted(self.errors.items())) or "none"
        lines = [f"calls: {self.planned} planned, {self.completed} completed, {sum(self.errors.values())} errors "
                 f"({errors}), {self.not_started} not started (time limit)",
                 f"time: {self.seconds:.2f}s, {len(self.samples)} webhooks, "
                 f"{self.completed / self.seconds if self.seconds else 0:.1f} whole calls/s", "",
                 latency_table(latency_rows(self.samples))]
        for failure in self.failures:
            lines += ["", failure]
        return "\n".join(lines) + "\n"


def run_load(backend: Backend, calls: list[Scenario], concurrency: int, max_seconds: float) -> LoadReport:
    """Play every planned call on `concurrency` threads; calls not started by `max_seconds` are not played."""
    report, started = LoadReport(len(calls)), time.monotonic()
    deadline = started + max_seconds

    def play(scenario: Scenario) -> Outcome | None:
        return run_scenario(scenario, backend) if time.monotonic() < deadline else None

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="harness-load") as pool:
        for outcome in pool.map(play, calls):
            report.add(outcome)
    report.seconds = time.monotonic() - started
    return report
