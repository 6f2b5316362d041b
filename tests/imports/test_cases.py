"""The case file parser: what it accepts, and each problem it reports, on the right line."""

from __future__ import annotations

import io
from datetime import date

import pytest

from ivr.domain.cases import Case
from ivr.imports.cases import RowProblem, parse_cases

HEADER = "receipt_number,form_type,status,status_date,filing_location,protected"
GOOD = "EAC2190012345,I-485,case_received,2026-11-03,vsc,false"
GOOD_ROW = Case("EAC2190012345", "I-485", "case_received", date(2026, 11, 3), "vsc", False)


def parse(*lines: str):
    """Parse the lines as one file."""
    return parse_cases(io.StringIO("".join(line + "\n" for line in lines), newline=""))


def test_a_good_file_gives_every_row_in_canonical_form():
    parsed = parse(
        HEADER,
        GOOD,
        " wac-219-005-4321 , i-130 ,RFE_SENT, 2026-10-15 ,CSC,",
        "IOE0912345678,I-765,card_mailed,2026-10-28,nbc,TRUE",
    )
    assert parsed.ok and parsed.problems == []
    assert parsed.rows == [
        GOOD_ROW,
        Case("WAC2190054321", "I-130", "rfe_sent", date(2026, 10, 15), "csc", False),
        Case("IOE0912345678", "I-765", "card_mailed", date(2026, 10, 28), "nbc", True),
    ]


@pytest.mark.parametrize(
    "row, problem",
    [
        ("XYZ2190012345,I-485,case_received,2026-11-03,vsc,", "receipt_number 'XYZ2190012345': unknown prefix"),
        ("EAC219001234,I-485,case_received,2026-11-03,vsc,", "receipt_number 'EAC219001234': wrong length"),
        ("EAC21900123A5,I-485,case_received,2026-11-03,vsc,", "receipt_number 'EAC21900123A5': letters among"),
        ("hello,I-485,case_received,2026-11-03,vsc,", "receipt_number 'hello': not a receipt number"),
        (",I-485,case_received,2026-11-03,vsc,", "receipt_number is empty"),
        ("EAC2190012346,I485,case_received,2026-11-03,vsc,", "form_type 'I485': not a form number"),
        ("EAC2190012346,I-48555,case_received,2026-11-03,vsc,", "form_type 'I-48555': not a form number"),
        ("EAC2190012346,,case_received,2026-11-03,vsc,", "form_type is empty"),
        ("EAC2190012346,I-485,pending,2026-11-03,vsc,", "status 'pending': unknown status code"),
        ("EAC2190012346,I-485,pending,2026-11-03,vsc,", "`flask --app app statuses`"),
        ("EAC2190012346,I-485,case_received,11/03/2026,vsc,", "status_date '11/03/2026': not a date written"),
        ("EAC2190012346,I-485,case_received,20261103,vsc,", "status_date '20261103': not a date written YYYY-MM-DD"),
        ("EAC2190012346,I-485,case_received,2026-02-30,vsc,", "status_date '2026-02-30': no such day"),
        ("EAC2190012346,I-485,case_received,2026-11-03,vermont,", "filing_location 'vermont': unknown location id"),
        ("EAC2190012346,I-485,case_received,2026-11-03,vermont,", "`flask --app app locations`"),
        ("EAC2190012346,I-485,case_received,2026-11-03,vsc,maybe", "protected 'maybe': expected true or false"),
        ("EAC2190012346,I-485,case_received,2026-11-03,vsc", "expected 6 fields, found 5"),
        ("EAC2190012346,I-485,case_received,2026-11-03,vsc,false,extra", "expected 6 fields, found 7"),
        ("EAC2190012345,I-130,approved,2026-11-04,csc,", "receipt_number EAC2190012345 is already on line 2"),
        ("eac-219-001-2345,I-130,approved,2026-11-04,csc,", "receipt_number EAC2190012345 is already on line 2"),
    ],
)
def test_a_bad_row_is_reported_on_its_line_and_left_out(row, problem):
    parsed = parse(HEADER, GOOD, row)
    assert not parsed.ok
    assert [p.line for p in parsed.problems] == [3]
    assert problem in parsed.problems[0].message
    assert parsed.rows == [GOOD_ROW]


def test_a_long_bad_value_is_cut_short_in_the_message():
    parsed = parse(HEADER, f"EAC2190012345,I-485,{'x' * 500},2026-11-03,vsc,")
    assert parsed.problems == [RowProblem(2, f"status '{'x' * 40}...': unknown status code "
                                             "(`flask --app app statuses` lists them)")]


def test_every_wrong_field_of_a_row_is_reported():
    parsed = parse(HEADER, "EAC21900,I485,pending,tomorrow,nowhere,perhaps")
    fields = [p.message.split()[0] for p in parsed.problems]
    assert fields == ["receipt_number", "form_type", "status", "status_date", "filing_location", "protected"]
    assert {p.line for p in parsed.problems} == {2}


def test_line_numbers_are_the_file_lines_across_blank_lines_and_quoted_line_breaks():
    parsed = parse(
        HEADER,
        "",
        GOOD,
        'EAC2190012346,I-485,"case',
        'received",2026-11-03,vsc,',  # the row above, its status broken over two lines
        ",,,,,",
        "EAC2190012347,I-485,case_received,2026-11-03,nowhere,",
    )
    assert [(p.line, p.message.split()[0]) for p in parsed.problems] == [(4, "status"), (7, "filing_location")]
    assert parsed.rows == [GOOD_ROW]


@pytest.mark.parametrize(
    "header, problems",
    [
        ("receipt_number,form_type,status,status_date", ["missing column 'filing_location'"]),
        ("receipt_number,form_type,status,status_date,filing_location,office",
         ["unknown column 'office'"]),
        ("receipt_number,form_type,status,status_date,filing_location,", ["unknown column ''"]),
        ("receipt_number,form_type,status,status,status_date,filing_location",
         ["column 'status' appears 2 times"]),
        ("receipt,form_type,status,status_date,filing_location",
         ["unknown column 'receipt'", "missing column 'receipt_number'"]),
        ("", ["no header"]),
    ],
)
def test_a_header_problem_is_on_line_1_and_names_the_column(header, problems):
    parsed = parse(header, GOOD)
    assert [p.line for p in parsed.problems] == [1] * len(problems)
    for found, expected in zip(parsed.problems, problems, strict=True):
        assert found.message.startswith(expected)
    assert parsed.rows == []


def test_an_empty_file_has_no_header():
    parsed = parse_cases(io.StringIO(""))
    assert [p.line for p in parsed.problems] == [1]
    assert "receipt_number,form_type,status,status_date,filing_location" in parsed.problems[0].message


def test_columns_come_in_any_order_and_case_and_protected_is_optional():
    parsed = parse("\ufeffFiling_Location, Status_Date,STATUS,form_type,receipt_number",
                   "vsc,2026-11-03,case_received,I-485,EAC2190012345")
    assert parsed.problems == []
    assert parsed.rows == [GOOD_ROW]


def test_a_header_alone_is_a_file_with_no_cases():
    parsed = parse(HEADER)
    assert parsed.ok and parsed.rows == []


@pytest.mark.parametrize(
    "written, protected",
    [("true", True), ("TRUE", True), ("Yes", True), ("1", True), (" true ", True),
     ("false", False), ("False", False), ("no", False), ("NO", False), ("0", False), ("", False)],
)
def test_protected_words(written, protected):
    parsed = parse(HEADER, f"EAC2190077777,I-360,case_received,2026-11-03,vsc,{written}")
    assert parsed.problems == []
    assert parsed.rows[0].protected is protected


@pytest.mark.parametrize("form", ["I-914", "I-914A", "I-918", "I-918A", "I-929"])
def test_t_and_u_visa_cases_are_protected_whatever_the_file_says(form):
    parsed = parse(HEADER, f"EAC2190066666,{form},case_received,2026-11-03,vsc,false")
    assert parsed.rows[0].protected is True


def test_a_field_too_big_for_csv_stops_the_file_with_its_line():
    parsed = parse(HEADER, GOOD, "EAC2190012346,I-485," + "x" * 200_000 + ",2026-11-03,vsc,")
    assert [p.line for p in parsed.problems] == [3]
    assert "not readable as CSV" in parsed.problems[0].message


ZIP_HEADER = HEADER + ",filing_zip"


def test_the_filing_zip_column_is_optional_and_checked():
    parsed = parse(
        ZIP_HEADER,
        GOOD + ",96813",
        "WAC2190202020,I-485,rfe_sent,2026-10-21,csc,,85004-1234",
        "EAC2190303030,I-765,case_received,2026-11-09,vsc,false,00907",
        "WAC2190404040,I-131,actively_reviewed,2026-10-27,csc,false,96910",
        "LIN2190011111,I-360,case_received,2026-09-30,nsc,false,",
    )
    assert parsed.ok, parsed.problems
    assert [row.filing_zip for row in parsed.rows] == ["96813", "85004", "00907", "96910", None]


@pytest.mark.parametrize(("zip_code", "problem"), [
    ("99999", "filing_zip '99999': not a US ZIP code"),
    ("00000", "filing_zip '00000': not a US ZIP code"),
    ("K1A 0B1", "filing_zip 'K1A 0B1': not a ZIP code"),
    ("9681", "filing_zip '9681': not a ZIP code"),
    ("SW1A 1AA", "filing_zip 'SW1A 1AA': not a ZIP code"),
])
def test_a_filing_zip_that_is_not_a_us_one_is_refused_with_its_line(zip_code, problem):
    parsed = parse(ZIP_HEADER, GOOD + ",96813", f"EAC2190012346,I-485,case_received,2026-11-03,vsc,,{zip_code}")
    assert [(p.line, p.message) for p in parsed.problems if problem in p.message] == [(3, parsed.problems[0].message)]
    assert not parsed.ok


def test_a_file_without_the_filing_zip_column_still_imports():
    parsed = parse("receipt_number,form_type,status,status_date,filing_location", GOOD.rsplit(",", 1)[0])
    assert parsed.ok and parsed.rows[0].filing_zip is None
