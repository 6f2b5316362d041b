"""A run as people and CI systems read it: text lines, JUnit XML, and the coverage report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from ivr.harness.coverage import Coverage
from ivr.harness.runner import Outcome
from ivr.harness.suite import RunResult

LABELS = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}


def outcome_line(outcome: Outcome) -> str:
    """One line per scenario, then the failure report or skip reason, indented."""
    scenario = outcome.scenario
    line = f"{LABELS[outcome.status]}  {scenario.path}  {scenario.name} ({scenario.language})"
    if outcome.status == "passed":
        return f"{line}  {outcome.seconds:.2f}s"
    detail = outcome.message if outcome.status == "failed" else f"skipped: {outcome.message}"
    return line + "\n" + "\n".join("      " + part for part in detail.splitlines())


def summary_line(result: RunResult) -> str:
    """'3 passed, 1 failed, 2 skipped in 0.41s'."""
    counts = [f"{result.count(s)} {s}" for s in ("passed", "failed", "skipped") if result.count(s) or s != "skipped"]
    return f"{', '.join(counts)} in {result.seconds:.2f}s"


def text_report(result: RunResult) -> str:
    """The whole run as text: a line per scenario, the coverage, the summary."""
    parts = [outcome_line(o) for o in result.outcomes]
    if result.coverage is not None:
        parts += ["", coverage_text(result.coverage)]
    return "\n".join([*parts, "", summary_line(result)]) + "\n"


def junit_report(result: RunResult) -> str:
    """JUnit XML: a testcase per scenario, failures and skips with their reports, coverage as properties."""
    suite = ET.Element("testsuite", name="ivr-scenarios", tests=str(len(result.outcomes)),
                       failures=str(result.count("failed")), skipped=str(result.count("skipped")),
                       errors="0", time=f"{result.seconds:.3f}")
    if result.coverage is not None:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="node_coverage", value=f"{result.coverage.node_percent:.1f}")
        missed = ", ".join(result.coverage.missed_nodes())
        ET.SubElement(properties, "property", name="nodes_never_visited", value=missed)
    for outcome in result.outcomes:
        scenario = outcome.scenario
        case = ET.SubElement(suite, "testcase", classname=f"scenarios.{scenario.language}", name=scenario.name,
                             file=scenario.path, time=f"{outcome.seconds:.3f}")
        _step_times(case, outcome)
        if outcome.status == "failed":
            first = outcome.message.splitlines()[1].strip() if "\n" in outcome.message else outcome.message
            ET.SubElement(case, "failure", message=first).text = outcome.message
        elif outcome.status == "skipped":
            ET.SubElement(case, "skipped", message=outcome.message)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def step_times(outcome: Outcome) -> list[dict]:
    """Each step played: its number, line, text as written and seconds."""
    return [{"index": step.index, "line": step.line, "text": step.text, "seconds": round(seconds, 4)}
            for step, seconds in zip(outcome.scenario.steps, outcome.step_seconds, strict=False)]


def _step_times(case: ET.Element, outcome: Outcome) -> None:
    """A testcase's steps with their times, as properties and as lines of its output."""
    steps = step_times(outcome)
    if not steps:
        return
    properties = ET.SubElement(case, "properties")
    for step in steps:
        ET.SubElement(properties, "property", name=f"step {step['index']} (line {step['line']}): {step['text']}",
                      value=f"{step['seconds']:.4f}")
    ET.SubElement(case, "system-out").text = "\n".join(
        f"step {s['index']} (line {s['line']}) {s['seconds']:.3f}s  {s['text']}" for s in steps)


def json_report(result: RunResult) -> str:
    """The run as JSON for scripts: counts, each scenario with its steps' times, and the coverage."""
    coverage = result.coverage
    data = {
        "ok": result.ok, "seconds": round(result.seconds, 3),
        **{status: result.count(status) for status in LABELS},
        "scenarios": [{"name": o.scenario.name, "path": o.scenario.path, "language": o.scenario.language,
                       "status": o.status, "seconds": round(o.seconds, 4), "message": o.message,
                       "failed_step": o.step.index if o.status == "failed" and o.step else None,
                       "steps": step_times(o)} for o in result.outcomes],
        "coverage": None if coverage is None else {
            "note": coverage.note, "node_percent": round(coverage.node_percent, 2),
            "flows": [{"flow": f, "language": la, "nodes": [sn, n], "transitions": [st, t]}
                      for f, la, sn, n, st, t in coverage.rows()],
            "nodes_never_visited": coverage.missed_nodes()},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _percent(seen: int, total: int) -> str:
    """'17/17 100.0%', or '-' when there is nothing to count."""
    return f"{seen}/{total} {100.0 * seen / total:5.1f}%" if total else "-"


def coverage_text(coverage: Coverage) -> str:
    """Per flow and language, nodes and transitions visited; then what was never visited."""
    lines = [f"Path coverage ({coverage.note})", f"  {'flow':<14}{'lang':<6}{'nodes':<18}transitions"]
    for flow, lang, seen_n, all_n, seen_t, all_t in coverage.rows():
        lines.append(f"  {flow:<14}{lang:<6}{_percent(seen_n, all_n):<18}{_percent(seen_t, all_t)}")
    seen_t = len(coverage.transitions & coverage.seen_transitions)
    total = _percent(len(coverage.nodes & coverage.seen_nodes), len(coverage.nodes))
    lines.append(f"  {'all':<20}{total:<18}{_percent(seen_t, len(coverage.transitions))}")
    missed = coverage.missed_nodes()
    lines.append("Nodes never visited:" + ("" if missed else " none"))
    lines += [f"  {node} ({', '.join(langs)})" for node, langs in missed.items()]
    transitions = coverage.missed_transitions()
    if coverage.transitions:
        lines.append("Transitions never taken:" + ("" if transitions else " none"))
        lines += [f"  {node} [{lang}]: {'; '.join(map(str, ts))}" for (node, lang), ts in transitions.items()]
    return "\n".join(lines)
