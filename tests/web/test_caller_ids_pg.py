"""Caller IDs Twilio may send that are no phone number, through whole calls on PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from ivr.imports.cases import parse_cases
from ivr.runtime import runtime
from ivr.store.cases import upsert_cases
from ivr.store.demo import DEMO_CASES, read_demo_file
from tests.conftest import simulated_call

STATUS = "We received your case"


@pytest.mark.parametrize("caller", [
    "sip:" + "a-very-long-trunk-user-name." * 4 + "@sip.example.com",
    "client:" + "operator-console-" * 5,
])
def test_a_long_sip_or_client_caller_id_looks_cases_up_on_postgresql(make_app, pg_url, caller):
    app = make_app(DATABASE_URL=pg_url, DEMO_DATA="0")
    with app.app_context():
        upsert_cases(runtime().store, read_demo_file(DEMO_CASES, parse_cases))  # beside other tests' cases
    caller = caller + uuid.uuid4().hex  # its own count: PostgreSQL keeps the rows of earlier runs
    try:
        c = simulated_call(app, caller=caller).start().press("1").press("1").press("3222190012345#").press("1")
        assert STATUS in c.last_heard and "sorry" not in c.all_heard.lower()
        c.hangup()
    finally:
        app.extensions["ivr"].store.dispose()
