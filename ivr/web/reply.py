"""TwiML responses as Flask responses."""

from __future__ import annotations

from flask import Response
from twilio.twiml.voice_response import VoiceResponse


def twiml_reply(response: VoiceResponse) -> Response:
    """A 200 response carrying the TwiML document."""
    return Response(str(response), status=200, mimetype="application/xml")
