"""Any fault inside a webhook becomes an apology in the caller's language, never an HTTP 500."""

from __future__ import annotations

from flask import current_app, request
from werkzeug.exceptions import HTTPException

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.hours import is_open
from ivr.flows.languages import BOTH
from ivr.flows.state import CallState
from ivr.store.call_records import note_fault
from ivr.web.budget import BudgetSpent, run_within
from ivr.web.conditions import call_runtime
from ivr.web.reply import twiml_reply

WAIT_URLS = ("voice.hold", "voice.leave_queue")  # played to a caller waiting in a queue
NOTE_SECONDS = 1.0  # how long the apology may wait for the call's record to note the fault


def caller_language() -> str:
    """The caller's language as the URL carries it (the store may be what failed); BOTH before the choice."""
    lang = request.args.get("lang", BOTH)  # the first webhook of a call carries none: no language chosen yet
    return lang if lang in LANGUAGES or lang == BOTH else BOTH


def apologise(error: Exception):
    """Log the fault with its CallSid and answer with an apology and a way forward."""
    if isinstance(error, HTTPException):
        return error
    call_sid = request.form.get("CallSid", "?")
    current_app.logger.exception("fault in %s for call %s", request.path, call_sid)
    rt = call_runtime()
    if request.endpoint in WAIT_URLS:  # Twilio refuses <Enqueue> in a waitUrl: the caller just stays in line
        return twiml_reply(rt.writer.hold(caller_language(), "", "", spoken=False))
    try:
        agents = is_open(rt.hours, rt.clock())
    except Exception:  # the clock itself failing must not cost the caller the apology
        agents = False
    if call_sid != "?" and not isinstance(error, BudgetSpent):  # a store that hangs is not asked again
        _note_fault(call_sid, type(error).__name__)
    return twiml_reply(rt.writer.apology(caller_language(), agents))


def _note_fault(call_sid: str, kind: str) -> None:
    """Keep the fault in the call's record when the store answers; the apology never waits on it."""
    rt = call_runtime()
    state = CallState(call_sid=call_sid, caller=request.form.get("From", ""), lang=caller_language())
    try:
        run_within(NOTE_SECONDS, note_fault, rt.store, state, kind, rt.clock())
    except Exception:  # the store may be what failed: the log line above already tells the fault
        current_app.logger.warning("call %s: its record could not note the fault", call_sid)
