"""A call's test conditions: read from its first webhook when the line has the secret, then kept in its state."""

from __future__ import annotations

from flask import current_app, g, request

from ivr.flows.state import CallState
from ivr.imports.test_data import parse_test_data
from ivr.runtime import Runtime, runtime
from ivr.store.calls import FINAL_STATUSES, load_state
from ivr.store.test_data import add_test_data, remove_test_data
from ivr.test_conditions import HEADER, SIGNATURE_HEADER, ConditionsRefused, TestConditions, verify


def conditions_of_new_call() -> TestConditions | None:
    """The signed conditions on a call's first webhook; None (and a log line) when they must be ignored."""
    payload = request.headers.get(HEADER)
    if not payload:
        return None
    secret = current_app.config["TEST_CONDITIONS_SECRET"]
    call_sid = request.form.get("CallSid", "")
    if not secret:
        current_app.logger.warning("call %s: test conditions ignored: this line has no IVR_TEST_CONDITIONS_SECRET",
                                   call_sid)
        return None
    try:
        conditions = verify(payload, request.headers.get(SIGNATURE_HEADER, ""), call_sid, secret)
    except ConditionsRefused as refused:
        current_app.logger.warning("call %s: test conditions ignored: %s", call_sid, refused)
        return None
    current_app.logger.info("call %s runs under test conditions (now %s, agent %s, faults %s, settings %s)",
                            call_sid, conditions.now or "-", conditions.agent or "-", list(conditions.faults),
                            dict(conditions.settings))
    return conditions


def conditions_in(state: CallState | None) -> TestConditions | None:
    """The conditions a call's state keeps; only a line with the secret ever kept any."""
    if state is None or not state.conditions or not current_app.config["TEST_CONDITIONS_SECRET"]:
        return None
    try:
        return TestConditions.from_json(state.conditions)
    except ConditionsRefused:
        return None


def start_test_call(conditions: TestConditions | None) -> Runtime:
    """The parts a new call runs on; the records its conditions bring are added first."""
    rt = use_runtime(conditions)
    if conditions is not None and conditions.data:
        add_test_data(rt.store, parse_test_data(conditions.data), rt.clock())
    return rt


def end_test_call(call_sid: str, status: str) -> None:
    """When a call under test conditions ends, remove its records and those it made."""
    if status not in FINAL_STATUSES or not current_app.config["TEST_CONDITIONS_SECRET"]:
        return
    store = runtime().store
    conditions = conditions_in(load_state(store, call_sid))
    if conditions is not None:
        remove_test_data(store, parse_test_data(conditions.data), call_sid)
        current_app.logger.info("call %s: its test records removed", call_sid)


def use_runtime(conditions: TestConditions | None) -> Runtime:
    """The parts this call runs on, kept for the rest of the request (a fault's apology uses its clock)."""
    g.call_runtime = runtime().under(conditions)
    return g.call_runtime


def call_runtime() -> Runtime:
    """The parts of the call this request serves (the line's own until its conditions are known)."""
    return g.get("call_runtime") or runtime()


def agent_outcome(conditions: TestConditions | None, reported: str) -> str:
    """What the agent leg did: the conditions' outcome when they set one, else what Twilio reported."""
    if conditions is None or not conditions.agent:
        return reported
    return "completed" if conditions.agent == "answered" else conditions.agent
