"""A test call's records are checked as the operators' files are: every kind, each problem named."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ivr.imports.test_data import TestDataError, parse_test_data

CASE = {"receipt_number": "EAC2190070003", "form_type": "I-485", "status": "case_received",
        "status_date": "2026-11-03", "filing_location": "vsc"}


def test_every_kind_is_read_into_checked_rows():
    data = parse_test_data({
        "cases": [CASE],
        "appointments": [{"receipt_number": "EAC2190070003", "asc": "asc_phoenix", "starts_at": "2026-12-03T09:00",
                          "reschedule_count": 0, "status": "scheduled"}],
        "slots": [{"asc": "asc_phoenix", "starts_at": "2026-12-08T09:00", "capacity": 2}],
        "service_requests": [{"reference": "SR20261004", "kind": "expedite", "receipt_number": "EAC2190070003",
                              "created_at": "2026-08-31T15:00:00Z", "routed_to": "vsc"}],
        "callbacks": [{"id": 7, "phone": "+12025550100", "tier": "tier2", "scheduled_for": "2026-11-30T15:00:00Z"}],
    })
    assert data.cases[0].form_type == "I-485" and not data.cases[0].protected
    assert data.appointments[0].starts_at == datetime(2026, 12, 3, 16, 0, tzinfo=UTC)  # Phoenix is UTC-7
    assert data.slots[0].capacity == 2
    assert (data.requests[0].level, data.requests[0].lang) == ("primary", "en")
    assert (data.callbacks[0].tier, data.callbacks[0].time_zone) == ("tier2", "America/New_York")


@pytest.mark.parametrize(("data", "problem"), [
    ({"cases": [CASE, {**CASE, "receipt_number": "EAC219007"}]}, "data: cases[1]:"),
    ({"cases": [{**CASE, "status": "lost_in_the_mail"}]}, "unknown status code"),
    ({"slots": [{"asc": "vsc", "starts_at": "2026-12-08T09:00", "capacity": 1}]}, "not an Application Support Center"),
    ({"service_requests": [{"reference": "SR1", "kind": "expedite", "created_at": "2026-08-31",
                            "routed_to": "vsc"}]}, "data: service_requests[0]: reference must be SR and 8 digits"),
    ({"callbacks": [{"id": 1, "phone": "+12025550100", "tier": "tier9", "scheduled_for": "2026-11-30"}]},
     "tier must be one of"),
    ({"callbacks": [{"phone": "+12025550100", "scheduled_for": "2026-11-30"}]}, "missing 'id'"),
    ({"payments": []}, "unknown kind 'payments'"),
])
def test_a_bad_record_is_refused_naming_its_kind_item_and_reason(data, problem):
    with pytest.raises(TestDataError) as refused:
        parse_test_data(data)
    assert problem in str(refused.value)
