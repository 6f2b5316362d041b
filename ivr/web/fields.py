"""A webhook's form and query, read the way Twilio sends them: a small urlencoded form whose optional
fields most calls leave out."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import ClientDisconnected

FORM = "application/x-www-form-urlencoded"
SMALL_FORM = 64 * 1024  # bytes: a Twilio webhook's form is a few hundred; larger ones get werkzeug's limits


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

    def _load_form_data(self) -> None:
        """Read a small urlencoded form straight from the body, as werkzeug's parser would read it; any
        other body goes through werkzeug. Its parser's set-up (a parser object, the content type's
        parameters, a stream limited to the body) cost as much as parsing Twilio's thirty fields."""
        length = self.environ.get("CONTENT_LENGTH", "")
        size = int(length) if length.isdigit() else SMALL_FORM + 1  # an unknown length goes to werkzeug
        # A charset parameter changes nothing: werkzeug too reads every urlencoded body as UTF-8.
        media_type = self.environ.get("CONTENT_TYPE", "").partition(";")[0].strip().lower()
        if ("form" in self.__dict__ or media_type != FORM or size > SMALL_FORM or self.shallow
                or getattr(self, "_cached_data", None) is not None):
            super()._load_form_data()
            return
        body = self.environ["wsgi.input"].read(size)
        if len(body) < size:
            raise ClientDisconnected()
        fields = parse_qsl(body.decode(), keep_blank_values=True, errors="werkzeug.url_quote")
        self.__dict__.update(stream=BytesIO(), form=Fields(fields), files=Fields())
