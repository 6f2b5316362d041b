"""Refuse any webhook whose X-Twilio-Signature does not match the URL Twilio signed."""

from __future__ import annotations

import hmac

from flask import abort, current_app, request
from twilio.request_validator import RequestValidator


def signed_url() -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL + path when behind a proxy, else the request URL."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    if base:
        return base + request.full_path.rstrip("?")
    return request.url


class SignedFields(dict):
    """The form's fields as RequestValidator reads them first (`getall`); werkzeug's form has only
    `getlist`, which the library reaches after an AttributeError for every field."""

    def getall(self, name: str) -> list[str]:
        """Every value of the field."""
        return self[name]


def is_signed(validator: RequestValidator, url: str, signature: str) -> bool:
    """Whether the signature is Twilio's for this URL and the request's form.

    Twilio signs the URL as it fetched it, so the signature of the URL as written is tried first;
    only when that fails is the library's full check made, which also tries the URL with and
    without its port (twice the work, for every webhook otherwise).
    """
    fields = SignedFields(request.form.lists())
    if hmac.compare_digest(validator.compute_signature(url, fields).encode(), signature.encode()):
        return True
    return validator.validate(url, fields, signature)


def require_twilio_signature(auth_token: str) -> None:
    """Abort with 403 unless the request carries Twilio's signature of its URL and form."""
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not is_signed(RequestValidator(auth_token), signed_url(), signature):
        current_app.logger.warning("refused %s: missing or wrong Twilio signature", request.path)
        abort(403)
