"""Readable transcripts of scenario calls: what the caller heard, in order, and what they did."""

from __future__ import annotations

import re
from pathlib import Path

from ivr.harness.runner import Outcome
from ivr.harness.simulator import SimulatedCall

WHO = {"caller pressed": "CALLER pressed", "caller said": "CALLER said", "caller": "CALLER"}


def transcript_lines(call: SimulatedCall) -> list[tuple[str, str, str | None]]:
    """(who, what, language) for each moment of the call; the language of what the IVR said."""
    heard = iter(call.heard)
    lines = []
    for who, what in call.transcript:
        language = next(heard).language if who == "ivr" else None
        lines.append((who, what, language))
    return lines


def transcript_text(outcome: Outcome, call: SimulatedCall) -> str:
    """One scenario's call as text a person can read."""
    scenario, conditions = outcome.scenario, outcome.scenario.conditions
    faults = f", faults {', '.join(conditions.faults)}" if conditions.faults else ""
    lines = [
        f"# {scenario.name} ({scenario.language}) - {scenario.path}",
        f"# conditions: now {conditions.now or 'default'}, agent {conditions.agent}{faults}",
        f"# result: {outcome.status}",
        "",
    ]
    for who, what, language in transcript_lines(call):
        if who == "ivr":
            lines.append(f"IVR [{language or '?'}]: {what}")
        elif who == "transfer":
            lines.append(f"-> transferred to {what}")
        else:
            lines.append(f"{WHO.get(who, who)}: {what}")
    lines.append("(call ended)" if call.ended else "(call still going)")
    if outcome.status == "failed":
        lines += ["", *("# " + line for line in outcome.message.splitlines())]
    return "\n".join(lines) + "\n"


def file_stems(outcomes: list[Outcome]) -> list[str]:
    """A distinct, file-safe name per call (scenario file stems, numbered when two are alike)."""
    seen: dict[str, int] = {}
    stems = []
    for outcome in outcomes:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(outcome.scenario.path).stem) or "call"
        seen[stem] = seen.get(stem, 0) + 1
        stems.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return stems


def write_transcripts(outcomes: list[Outcome], directory: Path) -> list[Path]:
    """Write DIR/<scenario>.txt for every call that was placed; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for outcome, stem in zip(outcomes, file_stems(outcomes), strict=True):
        if outcome.call is not None:
            path = directory / f"{stem}.txt"
            path.write_text(transcript_text(outcome, outcome.call), encoding="utf-8")
            written.append(path)
    return written
