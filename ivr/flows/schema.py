"""The JSON Schema every call-flow file must satisfy (version 1)."""

from __future__ import annotations

from ivr.flows.model import LANGUAGES, NODE_TYPES

ID = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
TARGET = {"type": "string", "pattern": "^([a-z][a-z0-9_]*\\.)?[a-z][a-z0-9_]*$"}
KEY = {"type": "string", "pattern": "^[0-9*#]$"}
WORDS = {
    "type": "object",
    "propertyNames": {"enum": list(LANGUAGES)},
    "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
}

OPTION = {
    "type": "object",
    "required": ["key", "goto"],
    "additionalProperties": False,
    "properties": {
        "key": KEY,
        "goto": TARGET,
        "words": WORDS,
        "topics": WORDS,
        "asks": WORDS,
        "means": ID,
        "set": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}

COMMON = {"type": {}, "prompt": ID, "bilingual": {"type": "boolean"}, "lint": {}}
GATHER = {
    "reprompt": ID,
    "retries": {"type": "integer", "minimum": 0, "maximum": 3},
    "give_up": TARGET,
    "back": TARGET,
    "speech": {"type": "boolean"},
    "hints": ID,
}
EVENTS = {"type": "object", "propertyNames": ID, "additionalProperties": TARGET}


def _node(kind: str, required: list[str], **fields: object) -> dict[str, object]:
    """The schema of one node type: its own fields and nothing else."""
    return {
        "if": {"properties": {"type": {"const": kind}}},
        "then": {
            "required": ["type", *required],
            "additionalProperties": False,
            "properties": {**COMMON, **fields},
        },
    }


NODE = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"enum": list(NODE_TYPES)}},
    "allOf": [
        _node("say", ["prompt", "next"], next=TARGET),
        _node("menu", ["prompt", "options"], options={"type": "array", "minItems": 1, "items": OPTION}, **GATHER),
        _node("input", ["prompt", "action", "on"], action=ID, on=EVENTS,
              max_digits={"type": "integer", "minimum": 1, "maximum": 32}, **GATHER),
        _node("action", ["action", "on"], action=ID, on=EVENTS,
              **{"with": {"type": "object", "propertyNames": ID, "additionalProperties": {"type": "string"}}}),
        _node("transfer", ["tier", "on"], tier=ID, on=EVENTS),
        _node("hangup", ["prompt"]),
    ],
}

PROMPT = {
    "type": "object",
    "required": list(LANGUAGES),
    "additionalProperties": False,
    "properties": {
        "en": {"type": "string", "minLength": 1},
        "es": {"type": "string", "minLength": 1},
        "rate": {"enum": ["x-slow", "slow", "medium"]},
    },
}

LINE = {
    "type": "object",
    "required": ["entry", "voices", "give_up", "keys"],
    "additionalProperties": False,
    "properties": {
        "entry": TARGET,
        "entries": {"type": "object", "propertyNames": ID, "additionalProperties": TARGET},
        "give_up": TARGET,
        "meanings": {"type": "object", "propertyNames": ID, "additionalProperties": WORDS},
        "voices": {
            "type": "object",
            "required": list(LANGUAGES),
            "additionalProperties": False,
            "properties": {"en": {"type": "string"}, "es": {"type": "string"}},
        },
        "keys": {
            "type": "object",
            "propertyNames": {"enum": ["0", "*", "9"]},
            "additionalProperties": {
                "type": "object",
                "required": ["words"],
                "additionalProperties": False,
                "properties": {"goto": TARGET, "words": WORDS},
            },
        },
    },
}

FILE = {
    "type": "object",
    "required": ["version"],
    "additionalProperties": False,
    "dependentRequired": {"flow": ["start", "nodes"], "nodes": ["flow"]},
    "properties": {
        "version": {"const": 1},
        "flow": ID,
        "start": ID,
        "line": LINE,
        "nodes": {"type": "object", "propertyNames": ID, "additionalProperties": NODE},
        "prompts": {"type": "object", "propertyNames": ID, "additionalProperties": PROMPT},
    },
}
