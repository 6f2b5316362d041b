"""The JSON Schema of a scenario file: what a quality engineer may write, checked before a run."""

from __future__ import annotations

from collections.abc import Mapping

from ivr.domain.contact_center import LANGUAGES, TIERS
from ivr.imports.test_data import KINDS as DATA_KINDS

AGENT_OUTCOMES = ("answered", "busy", "no-answer", "failed", "queue-full", "leave")
FAULTS = ("database_down", "slow_store", "twilio_down")

_TEXT_CHECK = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "regex": {"type": "string", "minLength": 1},
                "in": {"enum": ["turn", "call"]},
            },
            "oneOf": [{"required": ["text"]}, {"required": ["regex"]}],
            "additionalProperties": False,
        },
    ]
}
_KEYS = {
    "oneOf": [
        {"type": "string", "pattern": "^[0-9*#]+$"},
        # Only single digits unquoted: YAML reads 0123 as the octal number 83.
        {"type": "integer", "minimum": 0, "maximum": 9},
    ]
}
_WORDS = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {"words": {"type": "string"}, "confidence": {"type": "number", "minimum": 0, "maximum": 1}},
            "required": ["words"],
            "additionalProperties": False,
        },
    ]
}
_TRANSFER = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {k: {"type": "string", "minLength": 1} for k in ("tier", "queue", "number", "sip")},
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": False,
        },
    ]
}
_CALLBACK = {
    "type": "object",
    "properties": {"local_time": {"type": "string", "minLength": 1}},
    "required": ["local_time"],
    "additionalProperties": False,
}
_TEXT = {
    "type": "object",
    "properties": {"link": {"type": "string", "minLength": 1}, "lang": {"enum": list(LANGUAGES)},
                   "to": {"type": "string", "pattern": r"^\+[1-9][0-9]{6,14}$"}},
    "required": ["link"],
    "additionalProperties": False,
}
# Who calls: a number in E.164, or a caller ID that is none (withheld, a SIP or client address).
CALLER = {"type": "string", "pattern": r"^(\+[1-9][0-9]{6,14}|anonymous|restricted|unknown|private|sip:.+|client:.+)$"}
STEP_ARGUMENTS: dict[str, Mapping[str, object]] = {
    "press": _KEYS,
    "say": _WORDS,
    "silence": {"type": "integer", "minimum": 1, "maximum": 10},
    "expect_heard": _TEXT_CHECK,
    "expect_not_heard": _TEXT_CHECK,
    "expect_transfer": _TRANSFER,
    "expect_callback": _CALLBACK,
    # What the agent of the call's last transfer was handed: language, tier, reason, receipt, callback...
    "expect_handover": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1},
    "expect_text": _TEXT,
    "text_line": {"type": "string", "minLength": 1},
}
# Steps written without an argument.
BARE_STEPS = ("silence", "hangup", "expect_hangup", "expect_no_speech", "expect_no_text")

SCENARIO = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "language": {"enum": list(LANGUAGES)},
        "caller": CALLER,
        "called": {"type": "string", "pattern": r"^\+[1-9][0-9]{6,14}$"},
        "now": {"type": "string", "minLength": 1},
        "agent": {"enum": list(AGENT_OUTCOMES)},
        # The average wait, in seconds, Twilio reports to a queue's hold line (AvgQueueTime): 300 unless said.
        "queue_wait": {"type": "integer", "minimum": 0},
        "faults": {"type": "array", "items": {"enum": list(FAULTS)}, "uniqueItems": True},
        # App settings (ivr/config.py names) for in-process runs, e.g. {CALLBACK_SLOT_CAPACITY: "0"}.
        "settings": {"type": "object", "additionalProperties": {"type": ["string", "number"]}},
        # The call is the IVR's own callback to the caller, booked for this tier.
        "answers_callback": {"enum": list(TIERS)},
        # Records the call needs (ivr/imports/test_data.py checks each kind's fields).
        "data": {
            "type": "object",
            "propertyNames": {"enum": list(DATA_KINDS)},
            "additionalProperties": {"type": "array", "items": {"type": "object"}},
        },
        # Each step is checked on its own against STEP_ARGUMENTS, for messages that name the step.
        "steps": {"type": "array", "minItems": 1},
    },
    "required": ["language", "steps"],
    "additionalProperties": False,
}

MIX = {
    "type": "object",
    "properties": {
        "scenarios": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {"file": {"type": "string"}, "weight": {"type": "number", "exclusiveMinimum": 0}},
                "required": ["file"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["scenarios"],
    "additionalProperties": False,
}
