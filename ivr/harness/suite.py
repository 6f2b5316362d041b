"""A run of many scenario files through one backend, and its coverage of the flows."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ivr.flows.model import FlowSet
from ivr.harness.coverage import Coverage
from ivr.harness.runner import Backend, Outcome, run_scenario
from ivr.harness.scenario import Scenario, ScenarioError, load_scenario
from ivr.harness.visits import measure

SUFFIXES = (".yaml", ".yml")


def scenario_files(paths: Iterable[str | Path]) -> list[Path]:
    """The scenario files named, and those under the directories named, in a stable order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no scenario file or directory {path}")
    return files


def load_or_fail(path: Path) -> Scenario | Outcome:
    """The scenario of a file, or a failed Outcome saying why the file cannot be run."""
    try:
        return load_scenario(path)
    except (ScenarioError, OSError) as error:
        placeholder = Scenario(name=path.stem, path=str(path), language="en", steps=())
        return Outcome(placeholder, "failed", f"invalid scenario file: {error}")


@dataclass
class RunResult:
    """Every outcome of a run, how long it took, and the coverage it reached."""

    outcomes: list[Outcome]
    seconds: float
    coverage: Coverage | None = None

    def count(self, status: str) -> int:
        """How many scenarios ended with that status."""
        return sum(o.status == status for o in self.outcomes)

    @property
    def ok(self) -> bool:
        """No scenario failed."""
        return self.count("failed") == 0


def run_files(files: list[Path], backend: Backend, flowset: FlowSet | None = None,
              on_outcome=None) -> RunResult:
    """Run each file's scenario; with a flowset, measure the run's path coverage of it."""
    started, outcomes = time.perf_counter(), []
    for path in files:
        loaded = load_or_fail(path)
        outcome = loaded if isinstance(loaded, Outcome) else run_scenario(loaded, backend)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    result = RunResult(outcomes, time.perf_counter() - started)
    if flowset is not None:
        exchanges = [e for o in outcomes for e in o.exchanges]
        result.coverage = measure(flowset, exchanges, backend.mode == "in-process")
    return result
