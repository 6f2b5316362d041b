"""The messaging webhooks: replies to the line's number (STOP, START) and the status of each text it sent."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from ivr.domain.call_records import mask_number
from ivr.domain.texting import OPTED_OUT, UNSUBSCRIBED, keyword_change, number_key
from ivr.runtime import runtime
from ivr.store.opt_outs import opt_in, opt_out
from ivr.twiml import empty_messaging_reply
from ivr.web.budget import run_within_budget
from ivr.web.reply import twiml_reply
from ivr.web.signature import require_twilio_signature

bp = Blueprint("sms", __name__, url_prefix="/sms")


@bp.before_request
def check_signature():
    """Every webhook must be Twilio's: a forged STOP or START changes nothing."""
    require_twilio_signature(runtime().auth_token)


def empty_reply() -> Response:
    """An empty messaging answer: Twilio itself confirms STOP, START and HELP to the sender."""
    return twiml_reply(empty_messaging_reply())


@bp.post("/inbound")
def inbound():
    """A message to the line's number: STOP (and Twilio's other opt-out words) or START, UNSTOP, YES are kept."""
    rt, form = runtime(), request.form
    number = number_key(form.get("From", ""))
    change = keyword_change(form.get("Body", ""), form.get("OptOutType", ""))
    if change is None or not number:
        return empty_reply()
    try:  # within the budget: a store that hangs must not hold Twilio's request (past it, logged below)
        if change == OPTED_OUT:
            keyword = form.get("Body", "").strip().upper()[:32] or "STOP"
            run_within_budget(opt_out, rt.store, number, rt.clock(), keyword)
        else:
            run_within_budget(opt_in, rt.store, number)
    except Exception:  # Twilio blocks texts after a STOP by itself; a send it refuses (21610) is kept then
        current_app.logger.exception("the opt-%s of %s could not be kept", change, mask_number(number))
        return empty_reply()
    current_app.logger.info("%s opted %s of text messages", mask_number(number), change)
    return empty_reply()


@bp.post("/status")
def status():
    """A sent text's status; Twilio's 21610 (the number replied STOP) keeps the number among the opt-outs."""
    rt, form = runtime(), request.form
    if form.get("ErrorCode", "") != UNSUBSCRIBED:
        return Response(status=204)
    number = number_key(form.get("To", ""))
    try:
        run_within_budget(opt_out, rt.store, number, rt.clock(), f"error {UNSUBSCRIBED}")
    except Exception:  # the next send is refused by Twilio again, and kept then
        current_app.logger.exception("the opt-out of %s (error 21610) could not be kept", mask_number(number))
        return Response(status=204)
    current_app.logger.info("%s is unsubscribed (error 21610): no more texts", mask_number(number))
    return Response(status=204)
