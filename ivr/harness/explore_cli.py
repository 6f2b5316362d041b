"""`flask harness explore`: thousands of random calls, and each failing one as a scenario file to replay."""

from __future__ import annotations

import time
from pathlib import Path

import click
import yaml
from flask import current_app
from flask.cli import with_appcontext

from ivr.flows.model import FlowSet
from ivr.flows.spoken import APOLOGY
from ivr.harness.backends import backend_for, flows_of
from ivr.harness.explore import ExploredCall, explore


def scenario_data(explored: ExploredCall, flowset: FlowSet) -> dict:
    """The call as a scenario file: its conditions and the caller's steps, replayable with `harness run`."""
    scenario, conditions = explored.scenario, explored.scenario.conditions
    data: dict = {"name": scenario.name, "language": scenario.language, "caller": scenario.caller}
    optional = {"now": conditions.now, "called": scenario.called, "answers_callback": scenario.answers_callback,
                "faults": list(conditions.faults), "settings": dict(conditions.settings)}
    data.update({key: value for key, value in optional.items() if value})
    if conditions.agent != "answered":
        data["agent"] = conditions.agent
    steps = list(explored.steps)
    if not conditions.faults:  # the replay fails where the explored call went wrong, on an apology
        steps += [{"expect_not_heard": {"text": text, "in": "call"}}
                  for text in flowset.prompts[APOLOGY].text.values()]
    data["steps"] = steps
    return data


def failure_text(explored: ExploredCall, flowset: FlowSet, saved: Path | None) -> str:
    """What went wrong in one call, its seed, and its steps as a scenario file."""
    lines = [f"call {explored.index} (seed {explored.seed}) failed:"]
    lines += [f"  - {problem}" for problem in explored.problems]
    if saved:
        lines.append(f"  replay: flask --app app harness run {saved}")
    else:
        lines.append("  replay (save as a .yaml file, then: flask --app app harness run FILE):")
        dumped = yaml.safe_dump(scenario_data(explored, flowset), sort_keys=False, allow_unicode=True, width=120)
        lines += ["    " + line for line in dumped.splitlines()]
    return "\n".join(lines) + "\n"


def summary_text(results: list[ExploredCall], seed: int, seconds: float) -> str:
    """One paragraph: calls, failures, webhooks, the slowest answer, faults injected."""
    failing = sum(1 for r in results if r.problems)
    webhooks = sum(r.webhooks for r in results)
    slowest = max((r.slowest for r in results), default=0.0)
    faulted = sum(1 for r in results if r.scenario.conditions.faults)
    return (f"explored {len(results)} calls with seed {seed}: {failing} failing; {webhooks} webhooks, "
            f"slowest answer {slowest:.2f} s; {faulted} calls with an injected fault; {seconds:.1f} s\n")


@click.command("explore")
@click.option("--calls", type=click.IntRange(1, 1_000_000), default=200, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="The run's seed: the same seed, the same calls.")
@click.option("--url", help="A served IVR's base URL; without it, calls go in-process to this checkout.")
@click.option("--auth-token", help="The served IVR's TWILIO_AUTH_TOKEN (default: this checkout's).")
@click.option("--flows", type=click.Path(exists=True, file_okay=False), help="A call-flow directory to use.")
@click.option("--save", type=click.Path(file_okay=False), help="Write each failing call here as a scenario file.")
@with_appcontext
def explore_command(calls, seed, url, auth_token, flows, save):
    """Random calls off the scripted path; exit 1 when any heard an apology, silence, a dead end or a loop."""
    started = time.perf_counter()
    with backend_for(url, auth_token, None, flows) as backend:
        flowset = flows_of(backend, flows)
        results = explore(backend, flowset, seed, calls, current_app.config["TTY_NUMBER"])
    for explored in (r for r in results if r.problems):
        saved = None
        if save:
            saved = Path(save) / f"explore-{explored.seed}.yaml"
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text(yaml.safe_dump(scenario_data(explored, flowset), sort_keys=False, allow_unicode=True),
                             encoding="utf-8")
        click.echo(failure_text(explored, flowset, saved), nl=False)
    click.echo(summary_text(results, seed, time.perf_counter() - started), nl=False)
    if any(r.problems for r in results):
        raise SystemExit(1)
