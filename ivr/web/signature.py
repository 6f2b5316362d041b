"""Refuse any webhook whose X-Twilio-Signature does not match the URL Twilio signed."""

from __future__ import annotations

from flask import abort, current_app, request
from twilio.request_validator import RequestValidator


def signed_url() -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL + path when behind a proxy, else the request URL."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    if base:
        return base + request.full_path.rstrip("?")
    return request.url


def require_twilio_signature(auth_token: str) -> None:
    """Abort with 403 unless the request carries Twilio's signature of its URL and form."""
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not RequestValidator(auth_token).validate(signed_url(), request.form, signature):
        current_app.logger.warning("refused %s: missing or wrong Twilio signature", request.path)
        abort(403)
