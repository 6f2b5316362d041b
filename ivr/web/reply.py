"""TwiML responses as Flask responses."""

from __future__ import annotations

from flask import Response

from ivr.twiml import TwimlDocument, document_text


def twiml_reply(response: TwimlDocument | str) -> Response:
    """A 200 response carrying the TwiML document (or its text)."""
    text = response if isinstance(response, str) else document_text(response)
    return Response(text, status=200, mimetype="application/xml")
