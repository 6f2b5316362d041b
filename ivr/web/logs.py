"""Logging that never writes a whole receipt number or phone number, nor a line a caller could forge."""

from __future__ import annotations

import json
import logging
import re
import traceback
from datetime import UTC, datetime

from flask.logging import default_handler

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


def one_line(text: str) -> str:
    """The text with its line breaks escaped: what a caller sends (From, SpeechResult) cannot start a log line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask a record's message and arguments (on one line) and its traceback, in place; once is enough."""
    if getattr(record, "masked", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # a bad format string is logging's to report, when the record is emitted
        return record
    record.msg, record.args = one_line(mask(message)), ()
    if record.exc_info and not record.exc_text:
        # Every line after the first is indented: a line break inside an exception's message
        # cannot make what follows look like a log line of its own.
        lines = "".join(traceback.format_exception(*record.exc_info)).rstrip().splitlines()
        record.exc_text = mask("\n    ".join(lines))
    if record.stack_info:
        record.stack_info = mask(record.stack_info)
    record.masked = True
    return record


class MaskingFilter(logging.Filter):
    """Masks the message, its arguments and any traceback of every record a handler is given."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        mask_record(record)
        return True


def install_masking_factory() -> None:
    """Mask every record the process makes, from any logger (the worker's, a library's), as it is made.

    A filter on a logger sees only that logger's own records, not its children's; making the
    records masked covers every logger and every handler, the test runner's included.
    """
    previous = logging.getLogRecordFactory()
    if getattr(previous, "masks", False):
        return

    def make_masked_record(*args, **kwargs) -> logging.LogRecord:
        return mask_record(previous(*args, **kwargs))

    make_masked_record.masks = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make_masked_record)


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers: time, level, logger, message, and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a line of JSON (line breaks inside are escaped by JSON itself)."""
        entry = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def handlers_in_use(app) -> list[logging.Handler]:
    """The handlers the app's, the worker's and the libraries' records reach: the app's and the root's."""
    return [*app.logger.handlers, *logging.getLogger().handlers]


def use_json_lines(app) -> None:
    """The app's own handler (the worker's records reach it too) writes JSON lines."""
    for handler in app.logger.handlers:
        if handler is default_handler:
            handler.setFormatter(JsonFormatter())


def init_app(app) -> None:
    """Mask every record at creation and again at each handler; JSON lines when LOG_FORMAT says so."""
    install_masking_factory()
    masking = MaskingFilter()
    for handler in handlers_in_use(app):
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):  # one is enough, however many apps
            handler.addFilter(masking)
    if str(app.config.get("LOG_FORMAT", "text")).strip().lower() == "json":
        use_json_lines(app)
    if app.logger.level == logging.NOTSET:
        app.logger.setLevel(logging.INFO)
