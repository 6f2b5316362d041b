"""Any fault inside a webhook becomes an apology in the caller's language, never an HTTP 500."""

from __future__ import annotations

from flask import current_app, request
from werkzeug.exceptions import HTTPException

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.hours import is_open
from ivr.runtime import runtime
from ivr.web.reply import twiml_reply


def caller_language() -> str:
    """The caller's language as the URL carries it (the store may be what failed)."""
    lang = request.args.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def apologise(error: Exception):
    """Log the fault with its CallSid and answer with an apology and a way forward."""
    if isinstance(error, HTTPException):
        return error
    call_sid = request.form.get("CallSid", "?")
    current_app.logger.exception("fault in %s for call %s", request.path, call_sid)
    rt = runtime()
    try:
        agents = is_open(rt.hours, rt.clock())
    except Exception:  # the clock itself failing must not cost the caller the apology
        agents = False
    return twiml_reply(rt.writer.apology(caller_language(), agents))
