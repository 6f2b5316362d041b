"""A test call from the page: the same in-process simulator as `flask call`, on a scratch line unless a
supervisor chooses the line's own data. Each answer carries the call's signed state, so any worker
or instance can take the next key."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, jsonify, render_template, request
from itsdangerous import BadSignature, URLSafeSerializer

from ivr.harness.scenario import PRESETS
from ivr.harness.simulator import CallFailed, SimulatedCall
from ivr.harness.transport import FlaskTransport
from ivr.ops.scratch import TOKEN, new_scratch_line, scratch_app
from ivr.runtime import runtime

AGENT_OUTCOMES = ("answered", "busy", "no-answer", "failed", "queue-full", "leave", "hangup")
BASE = "http://localhost"


def _signer() -> URLSafeSerializer:
    """Signs the call's state the page carries, so it cannot be changed (say, to the line's data)."""
    return URLSafeSerializer(str(current_app.secret_key), salt="ivr-test-call")


def _call_for(state: dict) -> SimulatedCall:
    """The simulated call the state describes, on its scratch line or the line itself."""
    if state["live"]:
        if not g.operator.supervises:
            abort(403, "Only a supervisor may place test calls on the line's own data.")
        target, token = current_app, runtime().auth_token
    else:
        target, token = scratch_app(current_app, state["line"], state["now"]), TOKEN
    transport = FlaskTransport(target.test_client(), BASE)
    if "call" not in state:
        return SimulatedCall(transport, BASE, token, caller="+12025550143", agent_outcome=state["agent"])
    return SimulatedCall.resumed(transport, BASE, token, state["call"])


def _answer(state: dict, call: SimulatedCall, done: int = 0, heard: int = 0):
    """What the page shows after a turn: the new transcript lines, what to speak, and the new state."""
    state = {**state, "call": call.snapshot()}
    return jsonify(state=_signer().dumps(state), ended=call.ended, waiting=call.waiting,
                   transcript=[{"who": who, "what": what} for who, what in call.transcript[done:]],
                   speak=[{"text": h.text, "lang": h.language or "en-US"} for h in call.heard[heard:]])


def page():
    """The test call page: conditions, keypad, words box and transcript."""
    return render_template("ops/testcall.html", presets=PRESETS, outcomes=AGENT_OUTCOMES)


def start():
    """Place a new test call under the chosen conditions."""
    form = request.get_json(force=True)
    live = bool(form.get("live"))
    if live and not g.operator.supervises:
        abort(403, "Only a supervisor may place test calls on the line's own data.")
    now = PRESETS.get(form.get("hour", ""), PRESETS["business-hours"])
    agent = form.get("agent") if form.get("agent") in AGENT_OUTCOMES else "answered"
    line = None if live else new_scratch_line(current_app.instance_path)
    state = {"live": live, "now": now, "agent": agent, "line": line}
    call = _call_for(state)
    call.start()
    current_app.logger.info("ops: %s placed a test call (%s)", g.operator.name, "line data" if live else "scratch")
    return _answer(state, call)


def act():
    """Press keys, say words, stay silent or hang up on the test call."""
    form = request.get_json(force=True)
    try:
        state = _signer().loads(form.get("state", ""))
    except BadSignature:
        abort(400, "That test call's state was changed.")
    call = _call_for(state)
    value = str(form.get("value", ""))
    actions = {"press": lambda: call.press(value), "say": lambda: call.say(value), "silence": call.silence,
               "hangup": call.hangup}
    if form.get("action") not in actions:
        abort(400, "Unknown action.")
    try:
        actions[form["action"]]()
    except CallFailed as problem:  # input the IVR is not waiting for: say so, keep the call
        return jsonify(error=str(problem)), 409
    return _answer(state, call)


def register(bp: Blueprint) -> None:
    """Add the test call's page and its two actions."""
    bp.add_url_rule("/test-call", "test_call", page)
    bp.add_url_rule("/test-call/start", "test_call_start", start, methods=["POST"])
    bp.add_url_rule("/test-call/act", "test_call_act", act, methods=["POST"])
