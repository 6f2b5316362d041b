"""Logging that never writes a whole receipt number or phone number."""

from __future__ import annotations

import logging
import re
import traceback

RECEIPT = re.compile(r"\b([A-Za-z]{3})(\d{8})(\d{2})\b")
# North American numbers however written, and any E.164 number; never inside a word, since a
# CallSid's hex (CA3782f2...96463185627885957da08b) is not a phone number.
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{8,15}|(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})(?!\w)"
)


def mask(text: str) -> str:
    """The text with receipt numbers and phone numbers reduced to their last two digits."""
    text = RECEIPT.sub(lambda m: f"{m[1]}{'*' * 8}{m[3]}", text)
    return PHONE.sub(lambda m: "*" * (len(m[0]) - 2) + m[0][-2:], text)


class MaskingFilter(logging.Filter):
    """Masks the message, its arguments and any traceback of every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        record.msg, record.args = mask(record.getMessage()), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = mask("".join(traceback.format_exception(*record.exc_info)).rstrip())
        return True


def init_app(app) -> None:
    """Mask the app's own records and whatever reaches the root handlers."""
    masking = MaskingFilter()
    app.logger.addFilter(masking)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):  # one is enough, however many apps
            handler.addFilter(masking)
    if app.logger.level == logging.NOTSET:
        app.logger.setLevel(logging.INFO)
