"""`flask harness load`: load as a test of a served IVR: a rate and a ramp, a mix, thresholds that pass or fail."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from ivr.config import ROOT
from ivr.harness.backends import ACCOUNT_SID, CONDITIONS_SECRET, TWILIO_API, backend_for, flows_of
from ivr.harness.html_report import html_report
from ivr.harness.load import LoadReport, load_mix, plan, run_load
from ivr.harness.load_html import load_section
from ivr.harness.load_plan import Thresholds, parse_limits
from ivr.harness.load_workers import cores, run_load_on_cores
from ivr.harness.local import LocalBackend
from ivr.harness.local_line import LineBackend
from ivr.harness.remote import is_local_url
from ivr.harness.scenario import load_scenario
from ivr.harness.suite import RunResult, scenario_files
from ivr.harness.visits import measure

SHIPPED = ROOT / "tests" / "scenarios"
SERVED_CONCURRENCY = 10  # calls in progress against a served line, unless told


@click.command("load")
@with_appcontext
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--url", help="A served IVR's base URL (this machine only, see --allow-remote); without it, calls go "
                            "in-process to this checkout.")
@click.option("--auth-token", help="The served IVR's TWILIO_AUTH_TOKEN (default: this checkout's).")
@CONDITIONS_SECRET
@TWILIO_API
@ACCOUNT_SID
@click.option("--calls", type=click.IntRange(1, 100_000), default=100, show_default=True)
@click.option("--concurrency", type=click.IntRange(1, 200),
              help=f"Calls in progress at most [default: {SERVED_CONCURRENCY} against a served IVR; in-process, one "
                   "per core: calls there never wait on the network, so more only wait on each other].")
@click.option("--rate", type=click.FloatRange(min=0, min_open=True), help="Calls to start per second (target).")
@click.option("--ramp", type=click.FloatRange(min=0), default=0.0, show_default=True,
              help="Seconds to reach --rate, from none, in a straight line.")
@click.option("--mix", type=click.Path(exists=True, dir_okay=False), help="A YAML mix of scenario files with weights.")
@click.option("--max-seconds", type=float, default=60.0, show_default=True, help="Start no call after this.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the weighted draw of scenarios.")
@click.option("--max-p95", multiple=True, help="Fail when a webhook's p95 is over this many ms (PATH=MS: one webhook).")
@click.option("--max-p99", multiple=True, help="Fail when a webhook's p99 is over this many ms (PATH=MS: one webhook).")
@click.option("--max-error-rate", type=click.FloatRange(0, 100), default=0.0, show_default=True,
              help="Fail when more than this percent of calls met an error.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the report as JSON here.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Also write the HTML report here: latency plots over time, coverage, the failed calls.")
@click.option("--allow-remote", is_flag=True, help="Allow a host other than localhost, 127.0.0.0/8 or ::1.")
def load_command(paths, url, auth_token, conditions_secret, twilio_api, account_sid, calls, concurrency, rate, ramp,
                 mix, max_seconds, seed, max_p95, max_p99, max_error_rate, json_path, html_path, allow_remote):
    """Play many whole calls against a served IVR (or in-process); exit 1 when a threshold is not met."""
    if url and not (allow_remote or is_local_url(url)):
        raise click.UsageError(f"{url} is not this machine: load only targets localhost unless --allow-remote")
    try:
        thresholds = Thresholds(parse_limits(max_p95, "--max-p95"), parse_limits(max_p99, "--max-p99"), max_error_rate)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    entries = load_mix(Path(mix)) if mix else [(s, 1.0) for s in _scenarios(paths or [SHIPPED])]
    with backend_for(url, auth_token, None, None, conditions_secret, twilio_api, account_sid) as served_or_local:
        backend = LineBackend(served_or_local) if isinstance(served_or_local, LocalBackend) else served_or_local
        runnable = [(s, w) for s, w in entries if not backend.skip_reason(s)]
        for scenario, _ in entries:
            if backend.skip_reason(scenario):
                click.echo(f"left out of the mix: {scenario.path}: {backend.skip_reason(scenario)}", err=True)
        if not runnable:
            raise click.UsageError("no scenario of the mix can run against a served IVR")
        planned, report = plan(runnable, calls, seed), LoadReport(calls, rate=rate, ramp=ramp, thresholds=thresholds)
        if isinstance(backend, LineBackend):  # in-process: on every core
            run_load_on_cores(backend, planned, concurrency or cores(), max_seconds, report)
        else:
            run_load(backend, planned, concurrency or SERVED_CONCURRENCY, max_seconds, report)
        if html_path:
            write_html(report, served_or_local, Path(html_path))
    click.echo(report.text(), nl=False)
    if json_path:
        Path(json_path).write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
    if report.breaches:
        raise SystemExit(1)


def write_html(report: LoadReport, backend, path: Path) -> None:
    """The load in the run's HTML report: its section with the plots, the coverage it reached, its failed calls."""
    flowset = flows_of(backend, None)
    coverage = measure(flowset, report.exchanges, in_process=backend.mode == "in-process")
    result = RunResult(report.failed, report.seconds, coverage)
    verdict = "passed" if not report.breaches else "failed"
    summary = f"load {verdict}: {report.completed} of {report.planned} calls completed in {report.seconds:.1f}s"
    path.write_text(html_report(result, flowset, backend.mode, load_html=load_section(report), summary=summary,
                                ok=not report.breaches), encoding="utf-8")


def _scenarios(paths) -> list:
    """The scenarios of the files and directories named (a bad file stops the load before it starts)."""
    return [load_scenario(path) for path in scenario_files(paths)]
