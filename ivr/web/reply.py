"""TwiML responses as Flask responses."""

from __future__ import annotations

from flask import Response

from ivr.twiml import TwimlDocument


def twiml_reply(response: TwimlDocument | str) -> Response:
    """A 200 response carrying the TwiML document (or its text)."""
    return Response(str(response), status=200, mimetype="application/xml")
