"""`flask harness run`, `load` and `explore`: scenario files against this checkout or a served IVR."""

from __future__ import annotations

import contextlib
import threading
from functools import partial
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from ivr.config import ROOT
from ivr.harness.audio import espeak, render_call
from ivr.harness.backends import ACCOUNT_SID, CONDITIONS_SECRET, TWILIO_API, backend_for, flows_of
from ivr.harness.explore_cli import explore_command
from ivr.harness.html_report import html_report
from ivr.harness.load_cli import load_command
from ivr.harness.local import LocalBackend
from ivr.harness.reports import json_report, junit_report, text_report
from ivr.harness.rest_standin import RestStandin
from ivr.harness.suite import RunResult, run_files, scenario_files
from ivr.harness.transcripts import file_stems, write_transcripts
from ivr.runtime import runtime
from ivr.store.call_records import keep_calls

SHIPPED = ROOT / "tests" / "scenarios"
REPORTS = {"text": text_report, "junit": junit_report, "json": json_report}  # and "html", which needs the flows

harness = AppGroup("harness", help="Scripted calls: run scenario files, measure path coverage, play load, explore.")
harness.add_command(explore_command)
harness.add_command(load_command)


def write_calls(result: RunResult, transcripts: str, audio: bool) -> None:
    """Transcripts (and WAVs, where espeak-ng is installed) of every call placed."""
    directory = Path(transcripts)
    write_transcripts(result.outcomes, directory)
    if not audio:
        return
    program = espeak()
    if program is None:
        click.echo("--audio: espeak-ng is not installed (apt-get install espeak-ng): no audio written", err=True)
        return
    for outcome, stem in zip(result.outcomes, file_stems(result.outcomes), strict=True):
        if outcome.call is not None:
            render_call(program, outcome.call, outcome.scenario.language, directory / f"{stem}.wav")


def emit(text: str, output: str | None) -> None:
    """Write a report to a file, or print it."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@harness.command("run")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--url", help="A served IVR's base URL; without it, calls go in-process to this checkout.")
@click.option("--auth-token", help="The served IVR's TWILIO_AUTH_TOKEN (default: this checkout's).")
@click.option("--server-now", help="The instant the served IVR's IVR_FAKE_NOW fixes: scenarios at it run.")
@CONDITIONS_SECRET
@TWILIO_API
@ACCOUNT_SID
@click.option("--flows", type=click.Path(exists=True, file_okay=False), help="A call-flow directory to use.")
@click.option("--format", "fmt", type=click.Choice([*REPORTS, "html"]), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write the report here instead of printing it.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Also write the HTML report (one file: coverage pictures, transcripts, failures) here.")
@click.option("--min-coverage", type=float, help="Fail when fewer than this percent of nodes were visited.")
@click.option("--transcripts", type=click.Path(file_okay=False), help="Write a transcript per call here.")
@click.option("--audio", is_flag=True, help="With --transcripts: a WAV per call too (needs espeak-ng).")
@click.option("--fail-on-skip", is_flag=True, help="Exit 1 when a scenario is skipped: every one must run.")
def run_command(paths, url, auth_token, server_now, conditions_secret, twilio_api, account_sid, flows, fmt, output,
                html_path, min_coverage, transcripts, audio, fail_on_skip):
    """Run scenario files (default: the shipped tests/scenarios); exit 1 when one fails."""
    files = scenario_files(paths or [SHIPPED])
    with backend_for(url, auth_token, server_now, flows, conditions_secret, twilio_api, account_sid) as backend:
        flowset = flows_of(backend, flows)
        result = run_files(files, backend, flowset)
        if isinstance(backend, LocalBackend):  # the line's records show the calls, as a served line's would
            keep_calls(runtime().store, backend.call_records())
    html = partial(html_report, result, flowset, backend.mode, audio)
    emit(html() if fmt == "html" else REPORTS[fmt](result), output)
    if html_path:
        Path(html_path).write_text(html(), encoding="utf-8")
    if transcripts:
        write_calls(result, transcripts, audio)
    ok, coverage = result.ok, result.coverage
    if min_coverage is not None and coverage is not None and coverage.node_percent < min_coverage:
        click.echo(f"node coverage {coverage.node_percent:.1f}% is below --min-coverage {min_coverage:g}", err=True)
        ok = False
    if fail_on_skip and result.count("skipped"):
        click.echo(f"{result.count('skipped')} scenarios skipped, and --fail-on-skip is given", err=True)
        ok = False
    if not ok:
        raise SystemExit(1)


@harness.command("rest-standin")
@click.option("--port", type=int, default=0, show_default=True, help="The port to serve on (0: one the kernel picks).")
@click.option("--account-sid", envvar="TWILIO_ACCOUNT_SID", show_envvar=True,
              help="The account the line's REST client acts for (default: this checkout's).")
@click.option("--auth-token", help="The line's TWILIO_AUTH_TOKEN (default: this checkout's).")
def rest_standin_command(port, account_sid, auth_token):
    """Serve a stand-in of Twilio's REST API (calls, texts, Lookup) on this machine until interrupted.

    Start a line with TWILIO_API_BASE_URL set to the URL it prints (and IVR_TEXT_FROM), then run its
    scenarios with `harness run --url ... --twilio-api URL`, which checks the texts the line sent.
    """
    account = account_sid or current_app.config["TWILIO_ACCOUNT_SID"]
    with RestStandin(account, auth_token or runtime().auth_token, port=port) as standin:
        click.echo(f"Twilio REST stand-in at {standin.url} for account {account} (Ctrl-C stops it)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


def init_app(app: Flask) -> None:
    """Register the `harness` command group."""
    app.cli.add_command(harness)
