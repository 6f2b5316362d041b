"""A run as one HTML file a team can open without a server: coverage pictures, every call's transcript, failures."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ivr.flows.model import FlowSet
from ivr.harness.audio import espeak, render_call
from ivr.harness.coverage_picture import coverage_svgs
from ivr.harness.reports import summary_line
from ivr.harness.runner import TWIML_SHOWN, Outcome
from ivr.harness.suite import RunResult
from ivr.harness.transcripts import file_stems, transcript_lines

LANGUAGE_NAMES = (("en", "English"), ("es", "Spanish"))
WHO = {"ivr": ("ivr", "IVR"), "transfer": ("transfer", "→"), "caller pressed": ("caller", "Caller pressed"),
       "caller said": ("caller", "Caller said"), "caller": ("caller", "Caller")}
TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def _failure(outcome: Outcome) -> dict | None:
    """The failing step, the problem, what was heard and the last TwiML."""
    if outcome.status != "failed":
        return None
    step, call = outcome.step, outcome.call
    problem = next((line.strip().removeprefix("problem: ") for line in outcome.message.splitlines()
                    if line.strip().startswith("problem:")), outcome.message)
    twiml = outcome.exchanges[-1].body[:TWIML_SHOWN] if outcome.exchanges else ""
    return {"index": step.index if step else 0, "line": step.line if step else 0,
            "text": step.text if step else "the call starts", "problem": problem,
            "heard": call.last_heard if call else "", "twiml": twiml}


def _steps(outcome: Outcome) -> list[dict]:
    """Each step played, with its time; the failing one marked."""
    failing = outcome.step.index if outcome.status == "failed" and outcome.step else None
    return [{"index": step.index, "line": step.line, "text": step.text, "seconds": f"{seconds:.3f}",
             "failing": step.index == failing}
            for step, seconds in zip(outcome.scenario.steps, outcome.step_seconds, strict=False)]


def _audio(outcome: Outcome, program: str | None, wanted: bool) -> str:
    """The call as WAV, base64, when espeak-ng is installed and the call is wanted (every call, or a failed one)."""
    if program is None or outcome.call is None or not (wanted or outcome.status == "failed"):
        return ""
    with tempfile.TemporaryDirectory() as directory:
        path = render_call(program, outcome.call, outcome.scenario.language, Path(directory) / "call.wav")
        return base64.b64encode(path.read_bytes()).decode("ascii")


def call_view(outcome: Outcome, stem: str, audio: str) -> dict:
    """What the report shows of one scenario's call."""
    transcript = []
    if outcome.call is not None:
        for who, what, language in transcript_lines(outcome.call):
            kind, label = WHO.get(who, ("caller", who))
            transcript.append((kind, label, what, language or ""))
    scenario = outcome.scenario
    return {"stem": stem, "name": scenario.name, "path": scenario.path, "language": scenario.language,
            "status": outcome.status, "seconds": outcome.seconds, "message": outcome.message,
            "failure": _failure(outcome), "steps": _steps(outcome), "transcript": transcript, "audio": audio}


def html_report(result: RunResult, flowset: FlowSet | None, mode: str, all_audio: bool = False,
                load_html: str = "", summary: str | None = None, ok: bool | None = None) -> str:
    """The whole run as one self-contained HTML page (SVG and audio inline)."""
    program = espeak()
    calls = [call_view(o, stem, _audio(o, program, all_audio))
             for o, stem in zip(result.outcomes, file_stems(result.outcomes), strict=True)]
    coverage = result.coverage
    pictures = coverage_svgs(flowset, coverage) if coverage is not None and flowset is not None else {}
    return TEMPLATES.get_template("report.html").render(
        summary=summary or summary_line(result), ok=result.ok if ok is None else ok, mode=mode, coverage=coverage,
        pictures=pictures, flows=list(flowset.flows) if flowset else [], languages=LANGUAGE_NAMES, calls=calls,
        load=load_html)
