"""`flask import-cases`, `flask statuses`, `flask locations` and the demo cases, as an operator runs them."""

from __future__ import annotations

import json
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from ivr.domain.cases import Case
from ivr.domain.locations import LOCATIONS, location_by_id
from ivr.domain.receipts import PREFIXES
from ivr.domain.statuses import STATUSES
from ivr.imports.cases import parse_cases
from ivr.runtime import runtime
from ivr.store.cases import count_cases, find_case, upsert_cases
from ivr.store.db import open_store
from ivr.store.demo import DEMO_CASES, seed_demo_cases

HEADER = "receipt_number,form_type,status,status_date,filing_location,protected"
FIRST = "LIN2190000001,I-485,case_received,2026-11-03,nsc,"
SECOND = "SRC2190000002,N-400,interview_scheduled,2026-11-18,fo_new_orleans,"


def write(tmp_path, *lines, name="cases.csv"):
    """A CSV file of the lines."""
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def case(app, receipt):
    """The case as the app's store holds it."""
    with app.app_context():
        return find_case(runtime().store, receipt)


def cases_in(app):
    """How many cases the app's store holds."""
    with app.app_context():
        return count_cases(runtime().store)


def test_importing_a_good_file_adds_its_cases(app, runner, tmp_path):
    result = runner.invoke(args=["import-cases", str(write(tmp_path, HEADER, FIRST, SECOND))])
    assert result.exit_code == 0, result.output
    assert result.stdout == "imported 2 cases (2 new, 0 updated)\n"
    assert case(app, "LIN2190000001") == Case("LIN2190000001", "I-485", "case_received", date(2026, 11, 3), "nsc")
    assert case(app, "SRC2190000002").filing_location == "fo_new_orleans"


def test_a_reimport_updates_the_cases(app, runner, tmp_path):
    runner.invoke(args=["import-cases", str(write(tmp_path, HEADER, FIRST, SECOND))])
    changed = FIRST.replace("case_received,2026-11-03", "approved,2026-11-25")
    result = runner.invoke(args=["import-cases", str(write(tmp_path, HEADER, changed, SECOND, name="again.csv"))])
    assert result.stdout == "imported 2 cases (0 new, 2 updated)\n"
    updated = case(app, "LIN2190000001")
    assert (updated.status, updated.status_date) == ("approved", date(2026, 11, 25))


def test_one_bad_row_among_good_ones_changes_nothing_and_names_its_line(app, runner, tmp_path):
    before = cases_in(app)
    path = write(tmp_path, HEADER, FIRST, "EAC2190000003,I-485,pending,2026-11-03,vsc,", SECOND)
    result = runner.invoke(args=["import-cases", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:3: status 'pending': unknown status code (`flask --app app statuses` lists them)",
        f"no cases were changed (1 problem in {path})",
    ]
    assert result.stdout == ""
    assert cases_in(app) == before
    assert case(app, "LIN2190000001") is None


def test_every_problem_is_printed_with_file_and_line(runner, tmp_path):
    path = write(tmp_path, HEADER, FIRST, FIRST, "XYZ2190000004,I-485,case_received,2026-11-03,vsc,")
    result = runner.invoke(args=["import-cases", str(path)])
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.stderr.splitlines()[:-1]] == [f"{path}:3", f"{path}:4"]
    assert "is already on line 2" in result.stderr and "unknown prefix" in result.stderr


def test_a_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(args=["import-cases", str(tmp_path / "nowhere.csv")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_file_that_is_not_utf8_says_so(runner, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\nLIN2190000001,I-485,case_received,2026-11-03,nsc,sí\n").encode("latin-1"))
    result = runner.invoke(args=["import-cases", str(path)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.stderr


def test_import_help_names_the_columns(runner):
    result = runner.invoke(args=["import-cases", "--help"])
    assert "receipt_number,form_type,status,status_date,filing_location[,protected][,filing_zip]" in \
        "".join(result.stdout.split())


def test_cases_with_their_filing_zip_import_and_a_foreign_one_is_refused_with_its_line(app, runner, tmp_path):
    header = HEADER + ",filing_zip"
    good = write(tmp_path, header, FIRST + ",96813", SECOND + ",")
    assert runner.invoke(args=["import-cases", str(good)]).exit_code == 0
    assert (case(app, "LIN2190000001").filing_zip, case(app, "SRC2190000002").filing_zip) == ("96813", None)
    bad = write(tmp_path, header, FIRST + ",85004", "EAC2190000003,I-485,case_received,2026-11-03,vsc,,H3Z 2Y7",
                name="bad.csv")
    result = runner.invoke(args=["import-cases", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == \
        f"{bad}:3: filing_zip 'H3Z 2Y7': not a ZIP code: 5 digits, or ZIP+4 like 96813-2413"
    assert case(app, "LIN2190000001").filing_zip == "96813"  # nothing changed


def test_statuses_table_has_every_code_in_both_languages(runner):
    lines = runner.invoke(args=["statuses"]).stdout.splitlines()
    assert lines[0].split() == ["code", "English", "Spanish"]
    assert [line.split()[0] for line in lines[1:]] == [status.code for status in STATUSES]
    assert "We mailed your new card." in lines[1 + [s.code for s in STATUSES].index("card_mailed")]


def test_statuses_json(runner):
    records = json.loads(runner.invoke(args=["statuses", "--json"]).stdout)
    assert records == [{"code": s.code, "en": s.en, "es": s.es} for s in STATUSES]


def test_locations_table_has_every_id_and_zone(runner):
    lines = runner.invoke(args=["locations"]).stdout.splitlines()
    assert lines[0].split() == ["id", "kind", "name", "time_zone"]
    assert [(line.split()[0], line.split()[-1]) for line in lines[1:]] == [(loc.id, loc.time_zone) for loc in LOCATIONS]


def test_locations_json(runner):
    records = json.loads(runner.invoke(args=["locations", "--json"]).stdout)
    assert [set(record) for record in records] == [{"id", "kind", "name", "time_zone", "address"}] * len(LOCATIONS)
    assert records[[loc.id for loc in LOCATIONS].index("asc_agana")]["address"].endswith("GU 96910")


@pytest.mark.fresh_database
@pytest.mark.parametrize(
    "receipt, form, status, day, location",
    [
        ("EAC2190012345", "I-485", "case_received", date(2026, 11, 3), "vsc"),
        ("IOE0912345678", "I-765", "card_mailed", None, None),
        ("WAC2190054321", "I-130", "rfe_sent", None, None),
    ],
)
def test_a_fresh_app_has_the_demo_cases(make_app, receipt, form, status, day, location):
    found = case(make_app(DEMO_DATA="1"), receipt)
    assert (found.form_type, found.status) == (form, status)
    assert day is None or (found.status_date, found.filing_location) == (day, location)


@pytest.mark.fresh_database
def test_demo_cases_load_once_and_not_when_turned_off(make_app, tmp_path):
    loaded = cases_in(make_app(DEMO_DATA="1"))
    assert cases_in(make_app(DEMO_DATA="1")) == loaded == len(demo_rows())
    assert cases_in(make_app(DEMO_DATA="0", DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")) == 0


def test_demo_cases_are_not_loaded_over_real_ones(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'real.sqlite3'}")
    upsert_cases(store, [Case("LIN2190000001", "I-485", "case_received", date(2026, 11, 3), "nsc")])
    assert seed_demo_cases(store) == 0
    assert find_case(store, "EAC2190012345") is None
    store.dispose()


def demo_rows():
    """The demo file's cases."""
    with DEMO_CASES.open(encoding="utf-8", newline="") as stream:
        parsed = parse_cases(stream)
    assert parsed.problems == []
    return parsed.rows


def test_demo_cases_cover_every_prefix_and_far_time_zones():
    rows = demo_rows()
    assert {row.receipt_number[:3] for row in rows} == set(PREFIXES)
    zones = {location_by_id(row.filing_location).time_zone for row in rows}
    for office in ("fo_new_orleans", "fo_phoenix", "fo_honolulu", "fo_san_juan", "fo_agana"):
        assert location_by_id(office).time_zone in zones
        assert office in {row.filing_location for row in rows}
    assert all(ZoneInfo(zone) for zone in zones)


def test_demo_cases_include_protected_and_unprotected_petitions():
    by_form = {}
    for row in demo_rows():
        by_form.setdefault(row.form_type, set()).add(row.protected)
    assert by_form["I-918"] == {True}
    assert by_form["I-360"] == {True, False}


def test_a_broken_demo_file_stops_start_up_naming_its_line(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    with pytest.raises(ValueError, match=r"broken\.csv:2: status 'pending'"):
        seed_demo_cases(store, write(tmp_path, HEADER, FIRST.replace("case_received", "pending"), name="broken.csv"))
    store.dispose()
