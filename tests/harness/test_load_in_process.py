"""`flask harness load` without --url: many whole calls at once, in-process, shared among worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ivr.harness.load_workers import cores, shares, worker_count

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
WRONG = """\
name: a prompt that changed
language: en
steps:
  - press: "1"
  - expect_heard: "For the weather, press 1"
"""


def test_load_in_process_plays_every_call_without_errors(runner):
    scenarios = [str(SCENARIOS / name) for name in ("agents_closed_goodbye_en.yaml", "case_status_keypad_en.yaml")]
    result = runner.invoke(args=["harness", "load", *scenarios, "--calls", "12", "--concurrency", "4"])
    assert result.exit_code == 0, result.output
    assert "12 planned, 12 completed, 0 errors" in result.output
    assert "whole calls/s" in result.output


def test_calls_never_hear_each_others_bookings_or_look_ups_whatever_the_lines_limits(runner, monkeypatch):
    """Every call books the first slot a fresh line offers, and looks up from the scenarios' caller number."""
    monkeypatch.setenv("IVR_CALLBACK_SLOT_CAPACITY", "1")
    monkeypatch.setenv("IVR_LOOKUPS_PER_CALLER", "1")
    scenarios = [str(SCENARIOS / name) for name in ("callback_phoenix_zip_en.yaml", "callback_phoenix_zip_es.yaml",
                                                    "case_status_keypad_en.yaml")]
    result = runner.invoke(args=["harness", "load", *scenarios, "--calls", "9", "--concurrency", "1"])
    assert result.exit_code == 0, result.output
    assert "9 planned, 9 completed, 0 errors" in result.output


def test_in_process_a_load_plays_one_call_per_core_unless_told(runner, tmp_path):
    report = tmp_path / "load.json"
    result = runner.invoke(args=["harness", "load", str(SCENARIOS / "agents_closed_goodbye_en.yaml"),
                                 "--calls", "6", "--json", str(report)])
    assert result.exit_code == 0, result.output
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["concurrency"] == cores() and figures["worker_processes"] == worker_count(cores())
    told = tmp_path / "told.json"
    result = runner.invoke(args=["harness", "load", str(SCENARIOS / "agents_closed_goodbye_en.yaml"),
                                 "--calls", "6", "--concurrency", "5", "--json", str(told)])
    assert result.exit_code == 0, result.output
    assert json.loads(told.read_text(encoding="utf-8"))["concurrency"] == 5


def test_scenarios_with_records_played_at_once_each_get_a_store_of_their_own(runner):
    """Scenarios with records of their own, played at once, each get a store of their own."""
    with_data = [path for path in sorted(SCENARIOS.glob("*.yaml")) if "\ndata:" in path.read_text()][:2]
    assert len(with_data) == 2
    result = runner.invoke(args=["harness", "load", *map(str, with_data), "--calls", "8", "--concurrency", "4"])
    assert result.exit_code == 0, result.output
    assert "8 planned, 8 completed, 0 errors" in result.output


def test_calls_that_go_wrong_in_any_worker_are_counted_and_shown(runner, tmp_path):
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(WRONG, encoding="utf-8")
    report = tmp_path / "load.json"
    result = runner.invoke(args=["harness", "load", str(wrong), str(SCENARIOS / "agents_closed_goodbye_en.yaml"),
                                 "--calls", "20", "--concurrency", "4", "--seed", "3", "--json", str(report)])
    assert result.exit_code == 1
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["calls"] == 20 and figures["completed"] + figures["error_count"] == 20
    assert figures["errors"] == {"expectation": figures["error_count"]} and figures["error_count"] > 0
    assert figures["worker_processes"] == worker_count(4)
    assert f"{figures['error_count']} of 20 calls failed" in result.output
    assert "scenario 'a prompt that changed'" in result.output and "For the weather, press 1" in result.output


def test_one_call_at_a_time_still_plays_every_call_and_checks_each(runner):
    scenarios = [str(SCENARIOS / name) for name in ("callback_protected_by_receipt_en.yaml", "database_down_es.yaml",
                                                    "texts_failed_en.yaml")]
    result = runner.invoke(args=["harness", "load", *scenarios, "--calls", "6", "--concurrency", "1"])
    assert result.exit_code == 0, result.output
    assert "6 planned, 6 completed, 0 errors" in result.output


@pytest.mark.parametrize(("concurrency", "workers", "each"), [(1, 1, [1]), (2, 2, [1, 1]), (5, 2, [3, 2]),
                                                               (10, 4, [3, 3, 2, 2])])
def test_the_calls_in_progress_are_shared_among_the_workers_never_more(concurrency, workers, each):
    assert shares(concurrency, workers) == each
    assert 1 <= worker_count(concurrency) <= concurrency
