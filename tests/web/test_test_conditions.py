"""Per-call test conditions: honoured, for that call alone, only by a line started with their secret."""

from __future__ import annotations

import logging

import pytest

from ivr.factory import ConfigurationRefused
from ivr.runtime import EXTENSION
from ivr.store.cases import find_case
from ivr.test_conditions import HEADER, TestConditions, sign
from tests.conftest import simulated_call

SECRET = "conditions-secret"
AFTER_HOURS = "2026-11-30T21:00:00-05:00"


def conditioned_call(app, conditions: TestConditions, secret: str = SECRET, **kwargs):
    """A call whose first webhook carries the conditions, signed with `secret`."""
    c = simulated_call(app, **kwargs)
    c.start_headers = sign(conditions, c.call_sid, secret)
    return c


@pytest.fixture
def test_line(make_app):
    """A line in live hours started with the test-conditions secret."""
    return make_app(TEST_CONDITIONS_SECRET=SECRET)


@pytest.mark.parametrize("env", ["production", "Prod", "live"])
def test_a_production_line_refuses_to_start_with_the_secret(make_app, env):
    with pytest.raises(ConfigurationRefused) as refused:
        make_app(TEST_CONDITIONS_SECRET=SECRET, ENV=env)
    assert f"IVR_TEST_CONDITIONS_SECRET is set while IVR_ENV={env}" in str(refused.value)


def test_a_staging_line_starts_with_the_secret(make_app):
    assert make_app(TEST_CONDITIONS_SECRET=SECRET, ENV="staging").config["TEST_CONDITIONS_SECRET"] == SECRET


def test_the_clock_holds_for_that_call_alone(test_line):
    late = conditioned_call(test_line, TestConditions(now=AFTER_HOURS)).start().press("1").press("0")
    assert "not available until" in late.last_heard and not late.transfers
    usual = simulated_call(test_line).start().press("1").press("0")
    assert [t.target for t in usual.transfers] == ["tier1"]


def test_the_agents_answer_is_the_conditions_whatever_twilio_reports(test_line):
    c = conditioned_call(test_line, TestConditions(agent="busy"), agent_outcome="answered")
    c.start().press("1").press("0")
    assert [t.target for t in c.transfers] == ["tier1"]
    assert not c.ended and "for a callback" in c.last_heard.lower()


def test_a_fault_holds_for_that_call_alone(test_line):
    down = conditioned_call(test_line, TestConditions(now=AFTER_HOURS, faults=("database_down",))).start()
    assert "something went wrong on our side" in down.all_heard and down.ended
    assert "For English, press 1" in simulated_call(test_line).start().all_heard


def test_a_setting_holds_for_that_call_alone(test_line):
    def offered(call):
        return call.start().press("1").press("0").press("1").press("3222190012345#").last_heard

    full = offered(conditioned_call(test_line, TestConditions(now=AFTER_HOURS,
                                                              settings=(("CALLBACK_SLOT_CAPACITY", "0"),))))
    usual = offered(conditioned_call(test_line, TestConditions(now=AFTER_HOURS)))
    assert "there are no callback times open" in full
    assert "there are no callback times open" not in usual and "press 1" in usual


def test_a_transfer_target_holds_for_that_call_alone(test_line):
    sip = TestConditions(settings=(("TRANSFER_TIER1", "sip:agents@pbx.example.gov"),))
    c = conditioned_call(test_line, sip).start().press("2").press("0")
    assert [(t.kind, t.target, t.context) for t in c.transfers] == [
        ("sip", "sip:agents@pbx.example.gov", {"language": "es", "tier": "tier1", "reason": "agent"})]
    usual = simulated_call(test_line).start().press("2").press("0")
    assert [(t.kind, t.target) for t in usual.transfers] == [("queue", "tier1")]


def test_a_line_without_the_secret_ignores_and_logs_conditions(make_app, caplog):
    line = make_app()
    with caplog.at_level(logging.WARNING):
        c = conditioned_call(line, TestConditions(now=AFTER_HOURS, faults=("database_down",))).start()
    c.press("1").press("0")
    assert [t.target for t in c.transfers] == ["tier1"]  # live hours, the store up: the line's own conditions
    assert "test conditions ignored: this line has no IVR_TEST_CONDITIONS_SECRET" in caplog.text


@pytest.mark.parametrize("forgery", ["another secret", "another call", "tampered"])
def test_conditions_not_signed_for_this_call_with_this_secret_are_ignored(test_line, caplog, forgery):
    c = simulated_call(test_line)
    secret, call_sid = ("other", c.call_sid) if forgery == "another secret" else (SECRET, c.call_sid)
    if forgery == "another call":
        call_sid = "CA" + "1" * 32
    c.start_headers = sign(TestConditions(now=AFTER_HOURS), call_sid, secret)
    if forgery == "tampered":
        forged = sign(TestConditions(now=AFTER_HOURS, agent="busy"), c.call_sid, SECRET)
        c.start_headers[HEADER] = forged[HEADER]
    with caplog.at_level(logging.WARNING):
        c.start().press("1").press("0")
    assert [t.target for t in c.transfers] == ["tier1"]
    assert "test conditions ignored" in caplog.text


CASE = {"receipt_number": "WAC2190070011", "form_type": "N-400", "status": "approved", "status_date": "2026-11-05",
        "filing_location": "csc"}


def status_heard(call) -> str:
    """Ask for the status of WAC2190070011 by keypad and confirm it; what was heard."""
    return call.start().press("1").press("1").press("9222190070011#").press("1").last_heard


def test_a_calls_records_come_with_it_and_go_when_it_ends(test_line):
    c = conditioned_call(test_line, TestConditions(data={"cases": [CASE]}))
    assert "Form N-400" in status_heard(c)
    assert find_case(test_line.extensions[EXTENSION].store, "WAC2190070011") is not None
    c.hangup()
    assert find_case(test_line.extensions[EXTENSION].store, "WAC2190070011") is None
    assert "Form N-400" not in status_heard(simulated_call(test_line))


def test_a_line_without_the_secret_adds_no_records(make_app):
    line = make_app()
    c = conditioned_call(line, TestConditions(data={"cases": [CASE]}))
    assert "Form N-400" not in status_heard(c)
    assert find_case(line.extensions[EXTENSION].store, "WAC2190070011") is None


def test_the_callback_a_call_answers_can_come_with_it(test_line):
    callback = {"id": 2_000_000_123, "phone": "+12025550100", "lang": "es", "tier": "tier3",
                "scheduled_for": "2026-11-30T15:00:00Z"}
    c = conditioned_call(test_line, TestConditions(data={"callbacks": [callback]}))
    c.entry_path = "/voice/callback?id=2000000123&lang=es"
    c.start()
    assert "Centro de Contacto" not in c.all_heard and not c.transfers  # tier 3: nothing named before a key
    c.press("1")
    assert "como usted pidió" in c.all_heard and [t.target for t in c.transfers] == ["tier3"]
