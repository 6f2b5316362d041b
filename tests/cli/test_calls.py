"""`flask calls list`, `show` and `purge`, and the harness's calls in the line's records."""

from __future__ import annotations

import json

from ivr.config import ROOT
from tests.conftest import simulated_call

CASE_KEYS = "3222190012345#"


def listed(runner, *args) -> list[dict]:
    """`calls list --json` with more options."""
    result = runner.invoke(args=["calls", "list", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_calls_are_listed_with_their_outcomes_and_filtered(app, runner):
    served = simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1").hangup()
    left = simulated_call(app).start().press("2").hangup()
    rows = listed(runner)
    assert {(r["call_sid"], r["outcome"], r["lang"]) for r in rows} == {
        (served.call_sid, "self_served", "en"), (left.call_sid, "abandoned_menu", "es")}
    assert [r["call_sid"] for r in listed(runner, "--outcome", "self_served")] == [served.call_sid]
    assert listed(runner, "--since", "2026-11-30T16:00:00+00:00") == []  # the calls were at 15:00 UTC
    assert len(listed(runner, "--since", "1h")) == 2
    text = runner.invoke(args=["calls", "list"]).output
    assert served.call_sid in text and "self_served" in text


def test_a_bad_since_is_refused_with_the_forms_it_takes(runner):
    result = runner.invoke(args=["calls", "list", "--since", "yesterday"])
    assert result.exit_code == 2 and "7d" in result.output


def test_show_prints_the_journey_and_draws_it_on_the_flow_diagram(app, runner, tmp_path):
    c = simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1").hangup()
    result = runner.invoke(args=["calls", "show", c.call_sid, "--diagram", str(tmp_path / "walk.dot")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "outcome: self_served" in lines[1]
    assert any(line.endswith("case_status.look_up -> found") for line in lines)
    assert any("caller pressed ***********45" in line for line in lines)
    dot = (tmp_path / "walk.dot").read_text()
    assert '"case_status.look_up" [label="look_up' in dot and "step " in dot
    walked = [line for line in dot.splitlines() if "#c62828" in line]
    assert any('"main.notes" -> "main.main_menu"' in line for line in walked)
    assert not any('"main.main_menu" -> "biometrics.intro"' in line for line in walked)


def test_show_of_an_unknown_call_says_so(runner):
    result = runner.invoke(args=["calls", "show", "CA0000"])
    assert result.exit_code == 1 and "no record of call CA0000" in result.output


def test_purge_removes_calls_older_than_the_days_kept(make_app):
    old_app = make_app(FAKE_NOW="2026-08-01T15:00:00+00:00")
    simulated_call(old_app).start().press("1").hangup()
    app = make_app(CALL_RECORD_DAYS="90")
    recent = simulated_call(app).start().press("1").hangup()
    runner = app.test_cli_runner()
    assert "removed 1 call record older than 90 days" in runner.invoke(args=["calls", "purge"]).output
    assert [r["call_sid"] for r in listed(runner)] == [recent.call_sid]


def test_after_a_harness_run_the_line_lists_each_scenarios_call(runner):
    scenarios = ROOT / "tests" / "scenarios"
    files = [str(scenarios / name) for name in ("case_status_keypad_en.yaml", "agents_closed_goodbye_es.yaml")]
    result = runner.invoke(args=["harness", "run", *files])
    assert result.exit_code == 0, result.output
    assert sorted((r["outcome"], r["lang"]) for r in listed(runner)) == [("self_served", "en"),
                                                                       ("self_served", "es")]
