"""A webhook's form and query, read the way its optional fields are: most calls leave most of them out."""

from __future__ import annotations

from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict


class Fields(ImmutableMultiDict):
    """Form or query fields whose `get` of an absent field returns the default without raising a KeyError
    first (werkzeug raises and catches one, an HTTP error built each time): a webhook asks for several
    fields Twilio did not send (Confidence, SpeechResult, QueueTime, its own state and turn)."""

    def get(self, key: Any, default: Any = None, type: Any = None) -> Any:  # type: ignore[override]  # noqa: A002
        """The field's first value (converted by `type`), or the default when the field is absent."""
        if key not in self:
            return default
        return super().get(key, default, type)


class WebhookRequest(Request):
    """Flask's request, its form and query read as Fields."""

    parameter_storage_class = Fields
