"""Webhooks of the calls the IVR places itself: a callback answered, and its final status."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from ivr.flows.state import CallState, entry_vars
from ivr.runtime import runtime
from ivr.store.callbacks import get_callback
from ivr.store.calls import record_status, save_state
from ivr.web.budget import within_budget
from ivr.web.conditions import conditions_of_new_call, start_test_call
from ivr.web.faults import apologise
from ivr.web.journey import action_nodes, turn_entries
from ivr.web.params import plain_int
from ivr.web.reply import twiml_reply
from ivr.web.signature import require_twilio_signature
from ivr.web.unit import one_unit_of_work
from ivr.worker.callbacks import settle

bp = Blueprint("outbound", __name__, url_prefix="/voice")
bp.register_error_handler(Exception, apologise)


@bp.before_request
def check_signature():
    """Every webhook must be Twilio's."""
    require_twilio_signature(runtime().auth_token)


@bp.post("/callback")
@within_budget
@one_unit_of_work
def callback_answered():
    """The person we call back answered: greet them in their language and connect the right tier."""
    form, conditions = request.form, conditions_of_new_call()
    rt = start_test_call(conditions)
    callback_id = plain_int(request.args.get("id"))
    callback = get_callback(rt.store, callback_id) if callback_id is not None else None
    if callback is None:  # only a URL this line did not write, or a callback since removed
        current_app.logger.warning("callback %r answered on call %s: no such callback", request.args.get("id"),
                                   form["CallSid"])
        return twiml_reply(rt.writer.hangup())
    if form.get("AnsweredBy", "").startswith(("machine", "fax")):  # Twilio's answering-machine detection
        current_app.logger.info("callback %s reached a machine on call %s: hung up, no message", callback.id,
                                form["CallSid"])
        return twiml_reply(rt.writer.hangup())
    state = CallState(call_sid=form["CallSid"], caller=callback.phone, called=form.get("From", ""),
                      lang=callback.lang, vars=entry_vars("callback", {"callback_tier": callback.tier,
                                                                       "callback_purpose": callback.purpose,
                                                                       "callback_booked": callback.purpose,
                                                                       "receipt": callback.receipt_number or ""}),
                      conditions=conditions.to_json() if conditions else {})
    state, step = rt.engine.start(state, "callback")
    now = rt.clock()
    save_state(rt.store, form["CallSid"], state, now, turn_entries(now, state, step))
    current_app.logger.info("callback %s answered on call %s", callback.id, form["CallSid"])
    return twiml_reply(rt.writer.render(step))


@bp.post("/callback-status")
@within_budget
@one_unit_of_work
def callback_status():
    """The outbound call's status, for the call the worker dialled for this callback and no other.

    A status for another CallSid (an earlier attempt's late `no-answer`, a forged or unknown call)
    changes nothing; each (CallSid, status) is applied once, however often it comes, and a status
    after the callback was settled finds it no longer dialling that call.
    """
    rt, form = runtime(), request.form
    status, call_sid = form.get("CallStatus", ""), form["CallSid"]
    callback_id = plain_int(request.args.get("id"))
    callback = get_callback(rt.store, callback_id) if callback_id is not None else None
    if callback is None or callback.call_sid != call_sid:
        current_app.logger.info("callback %r: status %s of call %s, not its current call: ignored",
                                request.args.get("id"), status, call_sid)
    elif record_status(rt.store, call_sid, status, rt.clock(), action_nodes(rt.flowset)):
        state = settle(rt.store, rt.services, callback.id, status)
        current_app.logger.info("callback %s: call %s %s -> %s", callback.id, call_sid, status, state)
    return twiml_reply(rt.writer.empty())
