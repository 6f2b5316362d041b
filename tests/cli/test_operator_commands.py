"""Operators' commands: requests list / answer / import, appointments list, callbacks list / cancel, the audit."""

from __future__ import annotations

import json

import pytest

from ivr.runtime import runtime
from ivr.store.callbacks import list_callbacks
from tests.conftest import CLOSED_HOURS, simulated_call

HEADER = "reference,receipt_number,kind,created_at,answered\n"


def run_json(runner, *args) -> list[dict]:
    """A command's --json output."""
    result = runner.invoke(args=[*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_requests_are_listed_open_and_by_office(runner):
    everything = run_json(runner, "requests", "list")
    open_ones = run_json(runner, "requests", "list", "--open")
    assert {r["reference"] for r in open_ones} < {r["reference"] for r in everything}
    assert all(r["answered_at"] is None for r in open_ones)
    vermont = run_json(runner, "requests", "list", "--office", "vsc")
    assert vermont and {r["office"] for r in vermont} == {"vsc"}
    first = next(r for r in everything if r["reference"] == "SR20260001")
    assert (first["created_at"][:10], first["follow_up_from"]) == ("2026-10-26", "2026-11-25")


def test_answering_a_request_is_recorded_with_who_and_when(runner):
    result = runner.invoke(args=["requests", "answer", "sr20260001", "--operator", "maria"])
    assert result.exit_code == 0, result.output
    assert "SR20260001" not in {r["reference"] for r in run_json(runner, "requests", "list", "--open")}
    [change] = run_json(runner, "changes")
    assert (change["operator"], change["action"], change["subject"]) == ("maria", "answer_request", "SR20260001")
    assert change["at"].startswith("2026-11-30T15:00")
    again = runner.invoke(args=["requests", "answer", "SR20260001"])
    assert again.exit_code == 1 and "was answered on 2026-11-30" in again.output
    assert runner.invoke(args=["requests", "answer", "SR99999999"]).exit_code == 1


def test_a_file_with_a_bad_line_changes_nothing_and_names_the_line(runner, tmp_path):
    before = run_json(runner, "requests", "list")
    bad = tmp_path / "online.csv"
    bad.write_text(HEADER + "SR31000001,EAC2190012345,expedite,2026-10-01,\n"
                   "SR31000002,EAC2190012345,expedite,2026-10-01,\n"
                   "SR31000003,EAC2190012345,walk-in,2026-10-01,\n"
                   "SR31000004,EAC9999999999,expedite,2026-10-01,\n"
                   "SR31000001,EAC2190012345,expedite,2026-10-02,\n")
    result = runner.invoke(args=["requests", "import", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:4: kind 'walk-in': not one of expedite, emergency_travel, expedite_biometrics" in result.output
    assert f"{bad}:5: receipt_number EAC9999999999: no such case on the line" in result.output
    assert f"{bad}:6: reference SR31000001 is already on line 2" in result.output
    assert f"{bad}:2" not in result.output and f"{bad}:3" not in result.output
    assert run_json(runner, "requests", "list") == before
    assert run_json(runner, "changes") == []


@pytest.mark.parametrize(("lang", "created"), [("en", "sent a secondary request"),
                                               ("es", "enviamos una solicitud secundaria")])
def test_an_imported_request_is_followed_up_after_30_days(app, runner, tmp_path, lang, created):
    good = tmp_path / "online.csv"
    good.write_text(HEADER + "SR31000001,WAC2190054321,expedite,2026-10-01,\n"
                    "SR31000002,EAC2190012345,emergency_travel,2026-11-10T09:00-05:00,no\n"
                    "SR31000003,EAC2190012345,expedite,2026-09-01,2026-09-20\n")
    result = runner.invoke(args=["requests", "import", str(good), "--operator", "ops-bot"])
    assert result.exit_code == 0 and "imported 3 requests (3 new, 0 updated)" in result.output
    c = simulated_call(app).start().press("1" if lang == "en" else "2").press("4").press("3").press("31000001#")
    assert created in c.last_heard
    refs = {r["reference"]: r for r in run_json(runner, "requests", "list")}
    assert refs["SR31000001"]["office"] == "csc" and refs["SR31000002"]["office"] == "tier2"
    assert refs["SR31000003"]["answered_at"].startswith("2026-09-20")
    due = simulated_call(app).start().press("1").press("4").press("3").press("31000002#")
    assert "An answer is due by December 10, 2026" in due.last_heard
    assert run_json(runner, "changes")[0]["subject"] == "online.csv"


def test_appointments_are_listed_at_the_ascs_local_time(runner):
    rows = run_json(runner, "appointments", "list")
    starts = [r["starts_at_utc"] for r in rows]
    assert starts == sorted(starts) and len(rows) > 3
    one_asc = run_json(runner, "appointments", "list", "--asc", rows[0]["asc"])
    assert {r["asc"] for r in one_asc} == {rows[0]["asc"]}
    assert "T" in rows[0]["starts_at"] and "+" not in rows[0]["starts_at"]


@pytest.fixture
def booked(make_app):
    """An app out of hours with one callback booked by a Spanish caller."""
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    simulated_call(app).start().press("2").press("0").press("1").press("*").press("*").press("1") \
        .press("1").press("1")
    return app


def test_callbacks_list_shows_tier_language_and_purpose(booked):
    runner = booked.test_cli_runner()
    [row] = run_json(runner, "callbacks", "list")
    assert (row["tier"], row["lang"], row["purpose"], row["state"]) == ("tier1", "es", "agent", "scheduled")
    text = runner.invoke(args=["callbacks", "list"]).output
    assert "tier1" in text and " es " in text and "agent" in text


def test_an_operator_cancels_a_callback_and_frees_its_place(booked):
    runner = booked.test_cli_runner()
    [row] = run_json(runner, "callbacks", "list")
    result = runner.invoke(args=["callbacks", "cancel", str(row["id"]), "--operator", "sam"])
    assert result.exit_code == 0 and "cancelled by sam" in result.output
    with booked.app_context():
        [callback] = list_callbacks(runtime().store)
    assert callback.state == "cancelled"
    [change] = run_json(runner, "changes")
    assert (change["operator"], change["action"], change["subject"]) == ("sam", "cancel_callback", str(row["id"]))
    again = runner.invoke(args=["callbacks", "cancel", str(row["id"])])
    assert again.exit_code == 1 and "no scheduled callback" in again.output
