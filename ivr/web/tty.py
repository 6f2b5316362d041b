"""The TTY line's text as audio: the Baudot tones of a text the line wrote, for Twilio to <Play>."""

from __future__ import annotations

import hmac
from functools import lru_cache

from flask import Blueprint, Response, abort, request

from ivr.domain.baudot import baudot_wav
from ivr.runtime import runtime
from ivr.twiml import tty_signature

bp = Blueprint("tty", __name__, url_prefix="/voice")

MAX_TEXT = 2000  # characters: about six minutes of TTY text, far more than any prompt
CACHE_SECONDS = 86400  # the URL names its text, so the same URL is always the same audio


@lru_cache(maxsize=256)
def _tones(text: str) -> bytes:
    """The WAV of a text's tones, kept for the prompts heard most often."""
    return baudot_wav(text)


@bp.get("/tty-audio.wav")
def audio():
    """The Baudot tones of the signed text; 404 for a text the line did not sign."""
    text, signature = request.args.get("text", ""), request.args.get("sig", "")
    if len(text) > MAX_TEXT or not hmac.compare_digest(signature, tty_signature(runtime().auth_token, text)):
        abort(404)
    response = Response(_tones(text), mimetype="audio/wav",
                        headers={"Cache-Control": f"public, max-age={CACHE_SECONDS}"})
    response.add_etag()
    return response.make_conditional(request)
