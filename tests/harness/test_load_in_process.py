"""`flask harness load` without --url: many whole calls at once, in-process, on threads."""

from __future__ import annotations

from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def test_load_in_process_plays_every_call_without_errors(runner):
    scenarios = [str(SCENARIOS / name) for name in ("agents_closed_goodbye_en.yaml", "case_status_keypad_en.yaml")]
    result = runner.invoke(args=["harness", "load", *scenarios, "--calls", "12", "--concurrency", "4"])
    assert result.exit_code == 0, result.output
    assert "12 planned, 12 completed, 0 errors" in result.output
    assert "whole calls/s" in result.output


def test_scenarios_with_records_played_at_once_each_get_a_store_of_their_own(runner):
    """Scenarios with records of their own, played at once, each get a store of their own."""
    with_data = [path for path in sorted(SCENARIOS.glob("*.yaml")) if "\ndata:" in path.read_text()][:2]
    assert len(with_data) == 2
    result = runner.invoke(args=["harness", "load", *map(str, with_data), "--calls", "8", "--concurrency", "4"])
    assert result.exit_code == 0, result.output
    assert "8 planned, 8 completed, 0 errors" in result.output
