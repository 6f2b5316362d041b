"""The phone number's Fallback URL: Twilio's retry after a webhook failed, answered without the store."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from flask import Blueprint, current_app, request
from werkzeug.exceptions import HTTPException

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.hours import is_open
from ivr.flows.languages import BOTH
from ivr.runtime import runtime
from ivr.web.reply import twiml_reply
from ivr.web.signature import require_twilio_signature

bp = Blueprint("fallback", __name__, url_prefix="/voice")


@bp.before_request
def check_signature():
    """Only Twilio's retries are answered."""
    require_twilio_signature(runtime().auth_token)


def failed_language(error_url: str) -> str:
    """The caller's language as the URL that failed carried it; BOTH when it carried none (the first webhook)."""
    lang = parse_qs(urlsplit(error_url).query).get("lang", [BOTH])[0]
    return lang if lang in LANGUAGES else BOTH


def agents_open() -> bool:
    """Whether agents answer now; a clock that fails counts as closed (the goodbye is still a way forward)."""
    rt = runtime()
    try:
        return is_open(rt.hours, rt.clock())
    except Exception:
        return False


@bp.post("/fallback")
def fallback():
    """The apology in the caller's language and a way forward: an agent in live hours, else a polite goodbye.

    Twilio comes here when the Voice URL failed (an error, a timeout): the store may be what
    failed, so nothing here reads or writes it.
    """
    form = request.form
    current_app.logger.warning("fallback for call %s: %s failed (error %s)", form.get("CallSid", "?"),
                               urlsplit(form.get("ErrorUrl", "")).path or "?", form.get("ErrorCode", "?"))
    return twiml_reply(runtime().writer.apology(failed_language(form.get("ErrorUrl", "")), agents_open()))


@bp.errorhandler(Exception)
def last_resort(error: Exception):
    """Even here a fault is an apology in both languages and a goodbye, never Twilio's application error."""
    if isinstance(error, HTTPException):
        return error
    current_app.logger.exception("fault in the fallback for call %s", request.form.get("CallSid", "?"))
    return twiml_reply(runtime().writer.apology(BOTH, False))
