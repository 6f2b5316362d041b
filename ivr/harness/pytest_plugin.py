"""pytest plugin: each scenario file is a test item, run in-process against this checkout.

Collected: `*.yaml` / `*.yml` files in a directory named `scenarios`, and `*.scenario.yaml` anywhere.
Enable it with `pytest_plugins = ["ivr.harness.pytest_plugin"]` in a conftest.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from ivr import create_app
from ivr.harness.coverage import Coverage
from ivr.harness.local import LocalBackend
from ivr.harness.runner import Outcome, run_scenario
from ivr.harness.scenario import ScenarioError, load_scenario
from ivr.harness.visits import measure

BACKEND = pytest.StashKey[LocalBackend]()
OUTCOMES = pytest.StashKey[list]()
VISITS = pytest.StashKey[tuple]()  # on a pytest-xdist controller: (nodes, visited nodes) of all workers
WORKER_VISITS = "ivr_scenario_visits"


def is_scenario_file(path: Path) -> bool:
    """Whether pytest should run a file as a scenario."""
    if path.name.endswith((".scenario.yaml", ".scenario.yml")):
        return True
    return path.suffix in (".yaml", ".yml") and path.parent.name == "scenarios"


def pytest_collect_file(file_path: Path, parent):
    """A scenario file becomes a ScenarioFile holding one ScenarioItem."""
    if is_scenario_file(file_path):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


def backend(config: pytest.Config) -> LocalBackend:
    """The session's in-process backend: apps built once per condition set, on one temporary database."""
    if BACKEND not in config.stash:
        workdir = tempfile.TemporaryDirectory(prefix="ivr-scenarios-")
        config.stash[BACKEND] = LocalBackend(create_app, Path(workdir.name))
        config.stash[OUTCOMES] = []
        config.add_cleanup(workdir.cleanup)
        config.add_cleanup(config.stash[BACKEND].close)
    return config.stash[BACKEND]


class ScenarioFailed(AssertionError):
    """A scenario whose call did not go as written; the message is the full report."""


class ScenarioFile(pytest.File):
    """One scenario file."""

    def collect(self):
        """The file's one scenario, named after the file."""
        yield ScenarioItem.from_parent(self, name=self.path.stem)


class ScenarioItem(pytest.Item):
    """Plays the scenario's call; fails with the step, what was heard and the TwiML."""

    def runtest(self) -> None:
        """Load, run, and turn the outcome into pass, skip or fail."""
        try:
            scenario = load_scenario(self.path)
        except ScenarioError as error:
            raise ScenarioFailed(f"invalid scenario file: {error}") from None
        outcome: Outcome = run_scenario(scenario, backend(self.config))
        self.config.stash[OUTCOMES].append(outcome)
        if outcome.status == "skipped":
            pytest.skip(outcome.message)
        if outcome.status == "failed":
            raise ScenarioFailed(outcome.message)

    def repr_failure(self, excinfo, style=None):
        """The scenario's own report, without a Python traceback."""
        if isinstance(excinfo.value, ScenarioFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        """Where the scenario is, for pytest's report."""
        return self.path, 0, f"scenario: {self.name}"


def _visits(config: pytest.Config) -> tuple[list, list] | None:
    """(every (node, language) of the flows, those this process's scenarios visited), or None."""
    if BACKEND not in config.stash or not config.stash[OUTCOMES]:
        return None
    exchanges = [e for o in config.stash[OUTCOMES] for e in o.exchanges]
    coverage = measure(config.stash[BACKEND].flowset, exchanges, in_process=True)
    return sorted(coverage.nodes), sorted(coverage.seen_nodes)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On a pytest-xdist worker: hand the visits to the controller, which prints the coverage line."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput[WORKER_VISITS] = _visits(session.config)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """On the pytest-xdist controller: add up what each worker's scenarios visited."""
    visits = node.workeroutput.get(WORKER_VISITS)
    if visits:
        nodes, seen = node.config.stash.setdefault(VISITS, (set(), set()))
        nodes.update(map(tuple, visits[0]))
        seen.update(map(tuple, visits[1]))


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """One line of path coverage when scenarios ran (in this process, or in pytest-xdist workers)."""
    visits = config.stash.get(VISITS, None) or _visits(config)
    if not visits:
        return
    coverage = Coverage(set(map(tuple, visits[0])), set(), set(map(tuple, visits[1])))
    missed = len(coverage.missed_nodes())
    terminalreporter.write_line(f"IVR scenarios: node coverage {coverage.node_percent:.1f}% "
                                f"({missed} nodes never visited; `flask --app app harness run` lists them)")
