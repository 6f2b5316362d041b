"""The voice webhooks: Twilio asks, the engine decides, the writer answers in TwiML."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from ivr.domain.contact_center import AGENT_REACHED
from ivr.domain.phone_numbers import same_number
from ivr.flows.languages import BOTH
from ivr.flows.state import CallState, entry_vars
from ivr.flows.steps import CallInput, Step, TransferEnded
from ivr.flows.url_state import from_url_token, url_token
from ivr.runtime import runtime
from ivr.store.calls import load_state, record_first_turn, record_status, record_turn, save_state
from ivr.test_conditions import HEADER
from ivr.twiml import unpack_context
from ivr.web import params
from ivr.web.budget import within_budget
from ivr.web.conditions import (
    agent_outcome,
    call_runtime,
    conditions_in,
    conditions_of_new_call,
    end_test_call,
    start_test_call,
    use_runtime,
)
from ivr.web.faults import apologise, caller_language
from ivr.web.journey import action_nodes, turn_entries
from ivr.web.replays import keep_reply, next_turn, replay
from ivr.web.reply import twiml_reply
from ivr.web.signature import require_twilio_signature
from ivr.web.unit import one_unit_of_work

bp = Blueprint("voice", __name__, url_prefix="/voice")
bp.register_error_handler(Exception, apologise)

LEFT_QUEUE = "leave"  # QueueResult when the caller pressed 1 on hold to ask for a callback
LEAVE_KEY = "1"  # the one key the hold prompt offers for leaving the line


@bp.before_request
def check_signature():
    """Every webhook must be Twilio's."""
    require_twilio_signature(runtime().auth_token)


def _reply(state: CallState, step: Step, given: CallInput | None = None, agent: str | None = None,
           first: bool = False):
    """Keep the call's state (in its URLs while it holds nothing private, else in the store) and its turn
    in the call's record, in the webhook's one transaction; answer with the step's TwiML.

    A call's `first` webhook whose state travels in its URLs makes the call's record, and that one
    statement is how a repeated delivery of it is known: the record is there already.
    """
    rt = call_runtime()
    now = rt.clock()
    turn = turn_entries(now, state, step, given, agent, request.form.get("QueueTime", ""))
    token = url_token(state)
    if token is None:  # a state the store keeps: its answer is kept with it, for a repeated delivery
        next_turn(state)
    twiml = rt.writer.render_text(step, token, request.script_root)  # before writing: writers wait on each other
    if token is None:
        keep_reply(state, twiml)
        save_state(rt.store, request.form["CallSid"], state, now, turn)
    elif not first:
        record_turn(rt.store, state, turn, now)
    elif not record_first_turn(rt.store, state, turn, now):  # delivered again: the call's record has its turn
        return replay(load_state(rt.store, request.form["CallSid"]), first_webhook=True) or twiml_reply(twiml)
    return twiml_reply(twiml)


def _saved_state() -> CallState | None:
    """The call's state as the store keeps it; none is looked for while it travels in the URL."""
    if request.args.get("state") is not None:
        return None
    return load_state(runtime().store, request.form["CallSid"])


def _waiting_state(saved: CallState | None) -> CallState:
    """The call's state: from its URL, else from the store (`saved`), else rebuilt from the URL (an expired call)."""
    form = request.form
    token = request.args.get("state")
    if token is not None:
        return from_url_token(token, call_sid=form["CallSid"], caller=form.get("From", ""),
                              called=form.get("To", ""), node=request.args["node"])
    state = saved
    if state is None:
        lang = caller_language()
        state = CallState(call_sid=form["CallSid"], caller=form.get("From", ""), called=form.get("To", ""),
                          lang="en" if lang == BOTH else lang, lang_chosen=lang != BOTH)
    state.node = request.args["node"]  # the Gather being answered is the one in the URL
    return state


@bp.post("")
@within_budget
@one_unit_of_work
def incoming():
    """A new call: start at the line's entry, or the TTY entry for calls to the TTY number."""
    form = request.form
    # DEBUG: the call's record, made by this webhook, says as much; at INFO this line cost a tenth of the greeting.
    current_app.logger.debug("call %s from %s", form["CallSid"], form.get("From", "?"))
    # A test call's conditions add records: a repeated delivery of it is caught before anything is done.
    # Any other is caught when its record is made (see _reply), without a statement of its own.
    if request.headers.get(HEADER) and (again := replay(_saved_state(), first_webhook=True)) is not None:
        return again
    conditions = conditions_of_new_call()
    rt = start_test_call(conditions)
    tty = same_number(form.get("To", ""), current_app.config["TTY_NUMBER"])
    entry, values = ("tty", {"keypad_only": "1"}) if tty else (None, {})
    state = CallState(call_sid=form["CallSid"], caller=form.get("From", ""), called=form.get("To", ""),
                      lang_chosen=False, vars=entry_vars(entry, values),
                      conditions=conditions.to_json() if conditions else {})
    state, step = rt.engine.start(state, entry)
    return _reply(state, step, first=True)


@bp.post("/gather")
@within_budget
@one_unit_of_work
def gather():
    """The caller pressed keys, spoke, or stayed silent at an input node."""
    form = request.form
    confidence = form.get("Confidence")
    given = CallInput(
        digits=form.get("Digits") or None,
        speech=form.get("SpeechResult") or None,
        confidence=params.confidence(confidence),
    )
    saved = _saved_state()
    if (again := replay(saved)) is not None:
        return again
    state = _waiting_state(saved)
    state, step = use_runtime(conditions_in(state)).engine.resume(state, given)
    return _reply(state, step, given=given)


@bp.post("/transfer-result")
@within_budget
@one_unit_of_work
def transfer_result():
    """The agent leg ended (Dial or Enqueue action): done, or take the node's `failed` branch."""
    saved = _saved_state()
    if (again := replay(saved)) is not None:
        return again
    state = _waiting_state(saved)
    conditions = conditions_in(state)
    outcome = agent_outcome(conditions, request.form.get("DialCallStatus") or request.form.get("QueueResult") or "")
    current_app.logger.info("call %s transfer ended: %s", request.form["CallSid"], outcome)
    ended = TransferEnded(ok=outcome in AGENT_REACHED, left=outcome == LEFT_QUEUE)
    state, step = use_runtime(conditions).engine.resume(state, ended)
    return _reply(state, step, agent=outcome)


@bp.post("/fault-transfer-result")
def fault_transfer_result():
    """The agent leg of a transfer made after a fault ended; the store is not asked again."""
    outcome = request.form.get("DialCallStatus") or request.form.get("QueueResult") or ""
    return twiml_reply(runtime().writer.after_fault_transfer(caller_language(), outcome in AGENT_REACHED))


@bp.post("/hold")
def hold():
    """What a queued caller hears while waiting."""
    form = request.form
    music = current_app.config["HOLD_MUSIC_URL"]
    reply = runtime().writer.hold(caller_language(), params.queue_figure(form.get("QueuePosition")),
                                  params.queue_figure(form.get("AvgQueueTime")),
                                  music, spoken=request.args.get("silent") != "1")
    return twiml_reply(reply)


@bp.post("/leave-queue")
def leave_queue():
    """The queued caller pressed a key on hold: 1 leaves the line (the Enqueue action then offers a
    callback); any other key keeps their place (an empty answer: Twilio goes back to the wait music)."""
    if request.form.get("Digits") != LEAVE_KEY:
        return twiml_reply(runtime().writer.empty())
    return twiml_reply(runtime().writer.leave_queue())


@bp.post("/whisper")
def whisper():
    """What the agent hears on answering a phone transfer, before the caller is connected."""
    return twiml_reply(runtime().writer.whisper(unpack_context(request.args.get("context", ""))))


@bp.post("/status")
@within_budget
@one_unit_of_work
def status():
    """The call's status callback: recorded once per status; a final one forgets the call."""
    rt = runtime()
    end_test_call(request.form["CallSid"], request.form.get("CallStatus", ""))
    record_status(rt.store, request.form["CallSid"], request.form.get("CallStatus", ""), rt.clock(),
                  action_nodes(rt.flowset))
    return twiml_reply(rt.writer.empty())
