"""`flask import-appointments` and `flask import-slots`, as an operator runs them: all or nothing,
every problem named by its line, local times at the ASC converted with its zone."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from ivr.domain.biometrics import Appointment, Slot
from ivr.imports.appointments import parse_appointments, parse_slots
from ivr.runtime import runtime
from ivr.store.appointments import count_appointments, count_slots, find_appointment, slot_places

APPOINTMENTS = "receipt_number,asc,starts_at,reschedule_count,status"
SLOTS = "asc,starts_at,capacity"
PHOENIX = "LIN2190000001,asc_phoenix,2027-01-12T09:30,0,scheduled"
CHICAGO = "LIN2190000002,asc_chicago,2027-01-13T14:00,1,missed"


def write(tmp_path, *lines, name="file.csv"):
    """A CSV file of the lines."""
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def parse(parser, *lines):
    """Parse the lines as one file."""
    return parser(io.StringIO("".join(line + "\n" for line in lines), newline=""))


def utc(*parts) -> datetime:
    """A UTC instant."""
    return datetime(*parts, tzinfo=UTC)


def test_appointment_times_are_the_ascs_local_time():
    parsed = parse(parse_appointments, APPOINTMENTS, PHOENIX, CHICAGO,
                   " lin-219-000-0003 , ASC_NEW_YORK , 2027-07-01 08:00 ,2, Completed ")
    assert parsed.problems == []
    assert parsed.rows == [
        Appointment("LIN2190000001", "asc_phoenix", utc(2027, 1, 12, 16, 30), 0, "scheduled"),  # MST, UTC-7
        Appointment("LIN2190000002", "asc_chicago", utc(2027, 1, 13, 20, 0), 1, "missed"),     # CST, UTC-6
        Appointment("LIN2190000003", "asc_new_york", utc(2027, 7, 1, 12, 0), 2, "completed"),  # EDT, UTC-4
    ]


def test_slot_times_are_the_ascs_local_time():
    parsed = parse(parse_slots, SLOTS, "asc_agana,2027-01-12T09:00,3", "asc_honolulu,2027-01-12T09:00,0")
    assert parsed.rows == [Slot("asc_agana", utc(2027, 1, 11, 23, 0), 3), Slot("asc_honolulu", utc(2027, 1, 12, 19), 0)]


@pytest.mark.parametrize(("row", "problem"), [
    ("LIN2190000009,asc_new_york,2027-03-14T02:30,0,scheduled",
     "starts_at '2027-03-14T02:30': no such local time at asc_new_york (America/New_York skips it"),
    ("LIN2190000009,asc_chicago,2026-11-01T01:30,0,scheduled",
     "starts_at '2026-11-01T01:30': this local time happens twice at asc_chicago"),
    ("LIN2190000009,asc_new_york,2027-01-12T09:30-05:00,0,scheduled", "starts_at '2027-01-12T09:30-05:00': not a"),
    ("LIN2190000009,asc_new_york,2027-01-12T09:30Z,0,scheduled", "with no offset"),
    ("LIN2190000009,asc_new_york,2027-01-12,0,scheduled", "not a local time written YYYY-MM-DDTHH:MM"),
    ("LIN2190000009,asc_new_york,2027-02-30T09:30,0,scheduled", "no such day or time in the calendar"),
    ("LIN2190000009,asc_new_york,2027-01-12T25:30,0,scheduled", "no such day or time in the calendar"),
    ("LIN2190000009,fo_phoenix,2027-01-12T09:30,0,scheduled", "asc 'fo_phoenix': not an Application Support Center"),
    ("LIN2190000009,nowhere,2027-01-12T09:30,0,scheduled", "`flask --app app locations` lists them, kind asc"),
    ("LIN2190000009,asc_phoenix,2027-01-12T09:30,-1,scheduled", "reschedule_count '-1': not a whole number"),
    ("LIN2190000009,asc_phoenix,2027-01-12T09:30,two,scheduled", "reschedule_count 'two': not a whole number"),
    ("LIN2190000009,asc_phoenix,2027-01-12T09:30,0,cancelled",
     "status 'cancelled': not one of scheduled, missed, completed"),
    ("XYZ2190000009,asc_phoenix,2027-01-12T09:30,0,scheduled", "receipt_number 'XYZ2190000009': unknown prefix"),
    ("LIN2190000009,asc_phoenix,,0,scheduled", "starts_at is empty"),
    ("LIN2190000001,asc_chicago,2027-01-14T09:30,0,scheduled", "receipt_number LIN2190000001 is already on line 2"),
    ("LIN2190000009,asc_phoenix,2027-01-12T09:30,0", "expected 5 fields, found 4"),
])
def test_a_bad_appointment_row_is_reported_on_its_line(row, problem):
    parsed = parse(parse_appointments, APPOINTMENTS, PHOENIX, row)
    assert [p.line for p in parsed.problems] == [3]
    assert problem in parsed.problems[0].message
    assert len(parsed.rows) == 1


@pytest.mark.parametrize(("row", "problem"), [
    ("asc_new_york,2027-03-14T02:00,1", "no such local time at asc_new_york"),
    ("asc_los_angeles,2026-11-01T01:00,1", "happens twice at asc_los_angeles"),
    ("asc_phoenix,2027-03-14T02:30,1", None),  # Arizona keeps standard time: that hour exists there
    ("asc_phoenix,2027-01-12T09:30,1000", "capacity '1000': not a whole number from 0 to 999"),
    ("asc_phoenix,2027-01-12T10:30,1", "the slot at asc_phoenix on 2027-01-12T10:30 is already on line 2"),
])
def test_slot_rows(row, problem):
    parsed = parse(parse_slots, SLOTS, "asc_phoenix,2027-01-12T10:30,2", row)
    if problem is None:
        assert parsed.problems == [] and len(parsed.rows) == 2
    else:
        assert [p.line for p in parsed.problems] == [3] and problem in parsed.problems[0].message


def test_a_header_with_a_missing_column_names_the_columns():
    parsed = parse(parse_slots, "asc,starts_at", "asc_phoenix,2027-01-12T10:30")
    assert [(p.line, p.message) for p in parsed.problems] == [
        (1, "missing column 'capacity': the columns are asc,starts_at,capacity")]


def stored(app):
    """(appointments, slots) the app's store holds."""
    with app.app_context():
        return count_appointments(runtime().store), count_slots(runtime().store)


def test_importing_good_files_adds_appointments_and_slots(app, runner, tmp_path):
    before = stored(app)
    slots = write(tmp_path, SLOTS, "asc_phoenix,2027-01-12T09:30,2", "asc_phoenix,2027-01-14T09:30,1", name="s.csv")
    result = runner.invoke(args=["import-slots", str(slots)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "imported 2 slots (2 new, 0 updated)\n"
    result = runner.invoke(args=["import-appointments", str(write(tmp_path, APPOINTMENTS, PHOENIX, CHICAGO))])
    assert result.stdout == "imported 2 appointments (2 new, 0 updated)\n"
    assert stored(app) == (before[0] + 2, before[1] + 2)
    with app.app_context():
        store = runtime().store
        assert find_appointment(store, "LIN2190000001").starts_at == utc(2027, 1, 12, 16, 30)
        assert slot_places(store, "asc_phoenix", utc(2027, 1, 12, 16, 30)) == (2, 1)  # the appointment holds one


def test_a_reimport_updates_by_receipt_number_and_recounts_places(app, runner, tmp_path):
    runner.invoke(args=["import-slots", str(write(tmp_path, SLOTS, "asc_phoenix,2027-01-12T09:30,2",
                                                  "asc_phoenix,2027-01-14T09:30,1", name="s.csv"))])
    runner.invoke(args=["import-appointments", str(write(tmp_path, APPOINTMENTS, PHOENIX))])
    moved = PHOENIX.replace("2027-01-12T09:30,0", "2027-01-14T09:30,1")
    result = runner.invoke(args=["import-appointments", str(write(tmp_path, APPOINTMENTS, moved, name="b.csv"))])
    assert result.stdout == "imported 1 appointment (0 new, 1 updated)\n"
    with app.app_context():
        store = runtime().store
        assert find_appointment(store, "LIN2190000001").reschedule_count == 1
        assert slot_places(store, "asc_phoenix", utc(2027, 1, 12, 16, 30)) == (2, 0)
        assert slot_places(store, "asc_phoenix", utc(2027, 1, 14, 16, 30)) == (1, 1)


@pytest.mark.parametrize(("command", "lines", "line", "message"), [
    ("import-appointments", [APPOINTMENTS, PHOENIX, "LIN2190000003,asc_new_york,2027-03-14T02:30,0,scheduled",
                             CHICAGO], 3, "starts_at '2027-03-14T02:30': no such local time at asc_new_york"),
    ("import-appointments", [APPOINTMENTS, PHOENIX, CHICAGO, "LIN2190000003,asc_miami,2027-01-12T09:30,0,late"],
     4, "status 'late': not one of scheduled, missed, completed"),
    ("import-slots", [SLOTS, "asc_phoenix,2027-01-12T09:30,2", "asc_new_york,2027-03-14T02:30,1"],
     3, "starts_at '2027-03-14T02:30': no such local time at asc_new_york"),
    ("import-slots", [SLOTS, "asc_houston,2026-11-01T01:30,1", "asc_phoenix,2027-01-12T09:30,2"],
     2, "starts_at '2026-11-01T01:30': this local time happens twice at asc_houston"),
])
def test_one_bad_row_changes_nothing_and_names_its_line(app, runner, tmp_path, command, lines, line, message):
    before = stored(app)
    path = write(tmp_path, *lines)
    result = runner.invoke(args=[command, str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    what = "appointments" if command == "import-appointments" else "slots"
    problems = result.stderr.splitlines()
    assert problems[0].startswith(f"{path}:{line}: {message}")
    assert problems[-1] == f"no {what} were changed (1 problem in {path})"
    assert stored(app) == before
    with app.app_context():
        assert find_appointment(runtime().store, "LIN2190000001") is None


@pytest.mark.parametrize(("command", "header"), [("import-appointments", APPOINTMENTS), ("import-slots", SLOTS)])
def test_import_help_names_the_columns(runner, command, header):
    text = " ".join(runner.invoke(args=[command, "--help"]).stdout.split())  # as wrapped for the terminal
    assert header in text and "local time, 2026-12-08T10:30, no offset" in text


def test_a_file_that_is_not_utf8_says_so(runner, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((SLOTS + "\nasc_san_juan,2027-01-12T09:30,2 café\n").encode("latin-1"))
    result = runner.invoke(args=["import-slots", str(path)])
    assert result.exit_code == 1 and "not UTF-8" in result.stderr
