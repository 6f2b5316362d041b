"""Run the rules: find the flow sets a command names, read them, check them, honour lint markers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ivr.flows.loader import flow_files
from ivr.lint.model import LintModel
from ivr.lint.names import KnownNames
from ivr.lint.problem import Problem
from ivr.lint.reader import read_flows
from ivr.lint.rules import ALWAYS_ON, RULES, find_rule


class UnusableInput(Exception):
    """Nothing to lint: a missing path, no flow files, or no file that sets the line."""


@dataclass
class FlowFiles:
    """The flow files of one line (one directory), and which of them to report on (None: all)."""

    directory: Path
    files: list[Path]
    reported: set[Path] | None


def choose_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list:
    """The rules a run asks for; ValueError naming an unknown rule."""
    chosen = [_rule(name) for name in select] or list(RULES)
    ignored = {_rule(name) for name in ignore}
    if ALWAYS_ON in ignored:
        raise ValueError(f"{ALWAYS_ON.ID} ({ALWAYS_ON.NAME}) cannot be ignored: an unreadable file is not linted")
    return [rule for rule in RULES if (rule in chosen or rule is ALWAYS_ON) and rule not in ignored]


def _rule(name: str):
    """One rule by id or name; ValueError if there is none."""
    rule = find_rule(name)
    if rule is None:
        raise ValueError(f"no rule '{name}' (see --list-rules)")
    return rule


def flow_sets(paths: Sequence[Path]) -> list[FlowFiles]:
    """The flow sets the paths name: a directory's *.yaml files, a file together with its siblings."""
    sets: dict[Path, FlowFiles] = {}
    for path in map(Path, paths):
        if not path.exists():
            raise UnusableInput(f"{path}: no such file or directory")
        directory = path if path.is_dir() else path.parent
        found = sets.setdefault(directory.resolve(), FlowFiles(directory, flow_files(directory), set()))
        if path.is_dir():
            found.reported = None
        else:
            if path.resolve() not in {f.resolve() for f in found.files}:
                found.files.append(path)  # named explicitly, whatever it ends with
            if found.reported is not None:
                found.reported.add(path.resolve())
    for found in sets.values():
        if not found.files:
            raise UnusableInput(f"{found.directory}: no *.yaml flow files")
    return list(sets.values())


def lint_files(files: FlowFiles, known: KnownNames, rules: Sequence) -> list[Problem]:
    """Every problem of the files a flow set reports on."""
    model = read_flows(files.files)
    if model.line is None and not model.unreadable:
        raise UnusableInput(f"{files.directory}: no file sets 'line' (entry, voices, keys, give_up)")
    problems = lint(model, known, rules)
    if files.reported is None:
        return problems
    return [p for p in problems if Path(p.file).resolve() in files.reported]


def lint(model: LintModel, known: KnownNames, rules: Sequence = RULES) -> list[Problem]:
    """Run the rules over a model; each problem once, in file and line order, markers honoured."""
    problems = {replace(p, rule=rule.ID, name=rule.NAME, severity=rule.SEVERITY)
                for rule in rules for p in rule.check(model, known)}
    excused, marker_problems = _markers(model)
    problems |= {replace(p, rule=ALWAYS_ON.ID, name=ALWAYS_ON.NAME, severity=ALWAYS_ON.SEVERITY)
                 for p in marker_problems}
    kept = [p for p in problems if p.rule == ALWAYS_ON.ID or p.rule not in excused.get((p.file, p.node), ())]
    return sorted(kept, key=Problem.sort_key)


def _markers(model: LintModel) -> tuple[dict[tuple[str, str], set[str]], list[Problem]]:
    """The rules each node excuses (`lint: {ignore: [IVR012]}`), and markers that make no sense."""
    excused, problems = {}, []
    for node in model.nodes.values():
        if "lint" not in node.raw:
            continue
        marker, line = node.raw["lint"], node.line_of("lint")
        names = marker.get("ignore") if isinstance(marker, dict) and set(marker) == {"ignore"} else None
        if not isinstance(names, list):
            problems.append(Problem(node.file, line, node.id, "lint: must be {ignore: [rule ids or names]}"))
            continue
        rules = [find_rule(name) if isinstance(name, str) else None for name in names]
        for name, rule in zip(names, rules, strict=True):
            if rule is None:
                problems.append(Problem(node.file, line, node.id, f"lint: ignore names no rule '{name}'"))
        excused[(node.file, node.id)] = {rule.ID for rule in rules if rule}
    return excused, problems
