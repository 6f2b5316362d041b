"""What a random caller does at a prompt: offered keys, wrong keys, silence, speech in either language."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from ivr.flows.model import LANGUAGES, FlowSet, Node

# How often a caller does each kind of thing at a prompt (relative weights).
WEIGHTS = {
    "offered": 40, "unoffered": 9, "star": 7, "zero": 5, "hash": 4, "silence": 10,
    "short_speech": 8, "long_speech": 5, "low_confidence": 4, "hang_up": 2,
}
KEYPAD_PREFIXES = ("322", "922", "546", "772", "622", "672", "463", "972")  # EAC, WAC, LIN ... on the keypad
DEMO_RECEIPTS = ("3222190012345", "7722190022222")  # cases the demo data holds
NOISE_WORDS = {
    "en": ("um", "hello", "agent", "representative", "status", "my", "case", "please", "what", "yes", "no",
           "appointment", "help", "I", "need", "to", "talk", "about", "password", "travel", "the"),
    "es": ("eh", "hola", "agente", "estado", "mi", "caso", "por", "favor", "qué", "sí", "no", "cita",
           "ayuda", "necesito", "hablar", "con", "alguien", "contraseña", "viaje", "el"),
}


@dataclass(frozen=True)
class Choice:
    """One thing the caller does: press keys, say words (with a confidence), stay silent, or hang up."""

    kind: str  # press | say | silence | hangup
    keys: str = ""
    words: str = ""
    confidence: float = 0.92


def waiting_node(gather: ET.Element, flowset: FlowSet) -> Node | None:
    """The flow node a Gather belongs to, from the `node` of its action URL (None for hold music)."""
    values = parse_qs(urlsplit(gather.get("action", "")).query).get("node")
    try:
        return flowset.node(values[0]) if values else None
    except KeyError:
        return None


def offered_keys(node: Node | None, flowset: FlowSet) -> list[str]:
    """The keys a menu offers, and the global ones (0, *)."""
    keys = [option.key for option in node.options] if node is not None else []
    return keys + [key for key in flowset.global_keys if key not in keys]


def plausible_entry(rng: random.Random, max_digits: int) -> str:
    """Keys for an input node that a caller with a real number might press: a receipt, a phone, a ZIP."""
    entries = [
        rng.choice(DEMO_RECEIPTS),
        rng.choice(KEYPAD_PREFIXES) + "".join(rng.choices("0123456789", k=10)),
        "202555" + "".join(rng.choices("0123456789", k=4)),
        "".join(rng.choices("0123456789", k=5)),
    ]
    return rng.choice(entries)[:max_digits] + "#"


def choose(rng: random.Random, gather: ET.Element, flowset: FlowSet) -> Choice:
    """A random thing to do at this Gather, of any kind the caller might do."""
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    node = waiting_node(gather, flowset)
    speech = "speech" in gather.get("input", "dtmf").split()
    if kind in ("short_speech", "long_speech", "low_confidence") and not speech:
        return Choice("silence")  # words at a keypad-only prompt reach Twilio as nothing at all
    if kind == "hang_up":
        return Choice("hangup")
    if kind == "silence":
        return Choice("silence")
    if kind in ("star", "zero", "hash"):
        return Choice("press", {"star": "*", "zero": "0", "hash": "#"}[kind])
    if kind == "offered":
        return _offered(rng, node, flowset, speech)
    if kind == "unoffered":
        taken = set(offered_keys(node, flowset))
        return Choice("press", rng.choice([k for k in "123456789" if k not in taken] or ["9"]))
    words = _words(rng, node, long=kind == "long_speech")
    confidence = rng.uniform(0.05, 0.35) if kind == "low_confidence" else rng.uniform(0.5, 0.99)
    return Choice("say", words=words, confidence=round(confidence, 2))


def _offered(rng: random.Random, node: Node | None, flowset: FlowSet, speech: bool) -> Choice:
    """An answer the prompt asks for: a menu key (or its words), or a plausible entry."""
    if node is not None and node.type == "input":
        return Choice("press", plausible_entry(rng, node.max_digits))
    if node is not None and node.options and speech and rng.random() < 0.25:
        option = rng.choice(node.options)
        words = [w for lang in LANGUAGES for w in option.words.get(lang, ())]
        if words:
            return Choice("say", words=rng.choice(words), confidence=round(rng.uniform(0.6, 0.99), 2))
    return Choice("press", rng.choice(offered_keys(node, flowset) or ["1"]))


def _words(rng: random.Random, node: Node | None, long: bool) -> str:
    """Half words or long rambling in either language, now and then with the menu's own words."""
    lang = rng.choice(LANGUAGES)
    vocabulary = list(NOISE_WORDS[lang])
    if node is not None:
        vocabulary += [w for option in node.options for w in option.words.get(lang, ())]
    count = rng.randint(8, 30) if long else rng.randint(1, 2)
    return " ".join(rng.choices(vocabulary, k=count))
