"""Problems written for people, for programs (JSON) and for GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ivr.lint.problem import ERROR, WARNING, Problem


def human(problems: Sequence[Problem]) -> str:
    """`file:line: IVR001 message (name)`, one problem a line."""
    return "".join(f"{p.file}:{p.line}: {p.rule} {p.text} ({p.name})\n" for p in problems)


def as_json(problems: Sequence[Problem]) -> str:
    """A JSON list of {file, line, node, rule, name, severity, message}."""
    fields = ("file", "line", "node", "rule", "name", "severity", "message")
    return json.dumps([{f: getattr(p, f) for f in fields} for p in problems], indent=2, ensure_ascii=False) + "\n"


def github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: `::error file=...,line=...,title=...::message`."""
    lines = []
    for p in problems:
        title = _escape_property(f"{p.rule} {p.name}")
        level = "error" if p.severity == ERROR else "warning"
        lines.append(f"::{level} file={_escape_property(p.file)},line={p.line},title={title}::{_escape(p.text)}\n")
    return "".join(lines)


FORMATS = {"human": human, "json": as_json, "github": github}


def summary(problems: Sequence[Problem], files: int) -> str:
    """One line a person reads at the end: how many files, errors and warnings."""
    errors = sum(p.severity == ERROR for p in problems)
    warnings = sum(p.severity == WARNING for p in problems)
    checked = f"{files} flow file{'s' * (files != 1)} checked"
    if not problems:
        return f"{checked}: no problems\n"
    return f"{checked}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}\n"


def _escape(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped as GitHub asks."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: also , and : escaped."""
    return _escape(text).replace(":", "%3A").replace(",", "%2C")
