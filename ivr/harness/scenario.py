"""Scenario files: a scripted call (who calls, under which conditions, what they do and expect)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from ivr.domain.clock import parse_instant
from ivr.flows.loader import FlowError, read_yaml
from ivr.harness.scenario_schema import BARE_STEPS, SCENARIO, STEP_ARGUMENTS
from ivr.imports.test_data import TestDataError, parse_test_data

# Named instants for `now:`; a preset is only a shorthand for the instant it names.
PRESETS = {
    "business-hours": "2026-11-30T10:00:00-05:00",  # Monday 10 a.m. Eastern
    "after-hours": "2026-11-30T21:00:00-05:00",  # Monday 9 p.m.
    "weekend": "2026-11-28T18:00:00-05:00",  # Saturday evening
    "federal-holiday": "2026-11-26T10:00:00-05:00",  # Thanksgiving, 10 a.m.
    "christmas-eve-9pm": "2026-12-24T21:00:00-05:00",
    "dst-spring-forward": "2027-03-14T03:30:00-04:00",  # the Sunday clocks skip 2 a.m.
    "dst-fall-back": "2026-11-01T01:30:00-05:00",  # the second 1:30 a.m. of that Sunday
}
DEFAULT_NOW = PRESETS["business-hours"]  # in-process runs without `now:` are in live hours, day or night


class ScenarioError(ValueError):
    """A scenario file that cannot be run, with where and why."""


@dataclass(frozen=True)
class Conditions:
    """What a scenario runs under: the clock, the agents' answer and injected faults."""

    now: str | None = None  # an ISO instant with offset; None means the line's own clock
    agent: str = "answered"
    faults: tuple[str, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()  # app settings overridden in-process, sorted by name


@dataclass(frozen=True)
class Step:
    """One thing the caller does or expects, as written (text) and where (index from 1, line)."""

    kind: str
    arg: Any  # what `kind` takes, as its schema in STEP_ARGUMENTS checked it
    index: int
    line: int
    text: str


@dataclass(frozen=True)
class Scenario:
    """A whole scripted call."""

    name: str
    path: str
    language: str
    steps: tuple[Step, ...]
    conditions: Conditions = field(default_factory=Conditions)
    caller: str | None = None
    called: str | None = None
    answers_callback: str | None = None  # the tier of a booked callback this call answers
    queue_wait: int | None = None  # the average wait Twilio reports to the hold line, in seconds
    data: dict[str, Any] = field(default_factory=dict)  # records the call needs, by kind (`data:`)


def load_scenario(path: Path) -> Scenario:
    """Read and check one scenario file; raise ScenarioError naming file, line and problem."""
    try:
        data = read_yaml(Path(path))
    except FlowError as error:
        raise ScenarioError(f"{path}:{error.line}: {error.message}") from None
    return parse_scenario(data, str(path))


def parse_scenario(data: dict, path: str) -> Scenario:
    """A Scenario from parsed YAML (a LineDict keeps line numbers for messages)."""
    now = data.get("now")
    if isinstance(now, datetime):  # YAML reads an unquoted instant as a datetime: back to ISO text
        now = now.isoformat()
    _check(path, {**data, "now": now} if "now" in data else data, data)
    steps = tuple(_step(path, raw, index) for index, raw in enumerate(data["steps"], start=1))
    conditions = Conditions(now=_now(path, now), agent=data.get("agent", "answered"),
                            faults=tuple(data.get("faults", ())),
                            settings=tuple(sorted((k, str(v)) for k, v in data.get("settings", {}).items())))
    return Scenario(name=data.get("name") or Path(path).stem, path=path, language=data["language"], steps=steps,
                    conditions=conditions, caller=data.get("caller"), called=data.get("called"),
                    answers_callback=data.get("answers_callback"), queue_wait=data.get("queue_wait"),
                    data=_records(path, data))


def _records(path: str, data: dict) -> dict[str, Any]:
    """The scenario's `data:`, as plain lists of records, checked as the line will check them."""
    records = {kind: [{k: v.isoformat() if isinstance(v, date) else v for k, v in item.items()} for item in items]
               for kind, items in (data.get("data") or {}).items()}
    try:
        parse_test_data(records)
    except TestDataError as error:
        line = getattr(data, "key_lines", {}).get("data", getattr(data, "line", 1))
        raise ScenarioError(f"{path}:{line}: {error}") from None
    return records


def _check(path: str, data: dict, lines) -> None:
    """Raise the most relevant violation of the scenario schema, at the line of its key."""
    error = best_match(Draft202012Validator(SCENARIO).iter_errors(data))
    if error is not None:
        parts = list(error.absolute_path)
        line = getattr(lines, "line", 1)
        if parts:
            line = getattr(lines, "key_lines", {}).get(parts[0], line)
        at = "/".join(map(str, parts))
        raise ScenarioError(f"{path}:{line}: {at + ': ' if at else ''}{error.message}")


def _step(path: str, raw, index: int) -> Step:
    """One checked step; a typo in a step's name lists the steps that exist."""
    line = getattr(raw, "line", 0)
    where = f"{path}:{line}" if line else path
    if isinstance(raw, str) and raw in BARE_STEPS:
        return Step(raw, 1 if raw == "silence" else None, index, line, raw)
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ScenarioError(f"{where}: step {index}: write one step per list item, e.g. `- press: \"1\"`")
    kind, arg = next(iter(raw.items()))
    if kind not in STEP_ARGUMENTS:
        known = ", ".join([*STEP_ARGUMENTS, *BARE_STEPS[1:]])
        raise ScenarioError(f"{where}: step {index}: unknown step '{kind}' (known: {known})")
    error = best_match(Draft202012Validator(STEP_ARGUMENTS[kind]).iter_errors(arg))
    if error is not None:
        hint = ' (quote keys: press: "0123")' if kind == "press" else ""
        raise ScenarioError(f"{where}: step {index}: {kind}: {error.message}{hint}")
    return Step(kind, _argument(kind, arg), index, line, f"{kind}: {json.dumps(arg, ensure_ascii=False)}")


def _argument(kind: str, arg):
    """A step's argument in one shape per kind."""
    if kind == "press":
        return str(arg)
    if kind == "say":
        return (arg, 0.92) if isinstance(arg, str) else (arg["words"], arg.get("confidence", 0.92))
    if kind in ("expect_heard", "expect_not_heard"):
        spec = {"text": arg} if isinstance(arg, str) else dict(arg)
        return {"in": "turn", **spec}
    if kind == "expect_transfer":
        return ("tier", arg) if isinstance(arg, str) else next(iter(arg.items()))
    if kind == "expect_callback":
        return arg["local_time"]
    if kind == "expect_text":
        return dict(arg)  # `lang` and `to` default to the scenario's language and caller when played
    return arg


def _now(path: str, value: str | None) -> str | None:
    """The instant `now:` names (a preset or ISO-8601 with an offset)."""
    if value is None:
        return None
    text = PRESETS.get(value, value)
    try:
        parse_instant(text)
    except ValueError as error:
        presets = ", ".join(PRESETS)
        raise ScenarioError(f"{path}: now: {error} (or one of: {presets})") from None
    return text
