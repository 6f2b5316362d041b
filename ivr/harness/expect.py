"""The checks of a scenario's expect_* steps: pure functions from what happened to a problem or None."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Heard:
    """What the caller heard since their last action (turn) and in the whole call."""

    turn: str
    call: str


@dataclass(frozen=True)
class SeenTransfer:
    """A transfer the IVR made: the tier it reached (when known), and Twilio's kind and target."""

    tier: str | None
    kind: str
    target: str

    def __str__(self) -> str:
        return f"{self.tier or '?'} ({self.kind}:{self.target})"


def handover_problem(expected: dict[str, str], kind: str, context: dict[str, str], whisper: str,
                     spoken: str) -> str | None:
    """None when the last transfer handed the agent exactly the expected context: a queue's <Task>
    attributes or a SIP address's X- headers as they are, or, for a phone number, the whisper the
    agent heard (`spoken`: the expected context as the line words its whisper)."""
    if kind == "number":
        if whisper == spoken:
            return None
        return f"expected the agent to hear {spoken!r} first, heard {whisper or '(no whisper)'!r}"
    if context == expected:
        return None
    return f"expected the agent to be handed {expected} ({kind}), got {context}"


def plain(text: str) -> str:
    """Case-, accent- and spacing-insensitive text: 'Menú  Principal' -> 'menu principal'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def text_matches(spec: dict, heard: str) -> bool:
    """Whether heard text holds the expected substring, or matches the regex (as heard, or accent-free)."""
    if "regex" in spec:
        pattern = re.compile(spec["regex"], re.IGNORECASE)
        return bool(pattern.search(heard) or pattern.search(plain(heard)))
    return plain(spec["text"]) in plain(heard)


def _describe(spec: dict) -> str:
    """The expectation in words."""
    where = "in the whole call" if spec["in"] == "call" else "since the caller's last action"
    what = f"regex /{spec['regex']}/" if "regex" in spec else repr(spec["text"])
    return f"{what} {where}"


def heard_problem(spec: dict, heard: Heard, wanted: bool = True) -> str | None:
    """None when the caller heard (or, wanted=False, did not hear) the text; else what went wrong."""
    text = heard.call if spec["in"] == "call" else heard.turn
    if text_matches(spec, text) == wanted:
        return None
    return f"expected to hear {_describe(spec)}" if wanted else f"did not expect to hear {_describe(spec)}"


def transfer_problem(spec: tuple[str, str], transfers: list[SeenTransfer]) -> str | None:
    """None when a transfer since the caller's last action matches (`tier: none`: when there was none)."""
    field, value = spec
    if field == "tier" and value == "none":
        return None if not transfers else f"expected no transfer, got {', '.join(map(str, transfers))}"
    for transfer in transfers:
        if field == "tier" and transfer.tier == value:
            return None
        if field != "tier" and transfer.kind == field and transfer.target == value:
            return None
    got = ", ".join(map(str, transfers)) or "no transfer"
    return f"expected a transfer to {field} {value} since the caller's last action, got {got}"


def callback_problem(local_time: str, heard: Heard) -> str | None:
    """None when the caller heard the callback's local time spoken (the hook for the callbacks feature)."""
    if plain(local_time) in plain(heard.turn):
        return None
    return f"expected a callback at {local_time!r}: that time was not spoken since the caller's last action"


def hangup_problem(ended: bool, caller_hung_up: bool) -> str | None:
    """None when the IVR ended the call."""
    if caller_hung_up:
        return "expected the IVR to hang up, but the caller did"
    return None if ended else "expected the IVR to hang up, but the call is still going on"


def in_language(body: str, lang: str, messages: Mapping[str, str]) -> bool:
    """Whether a text's body is the line's message in that language (its words around the link)."""
    template = messages.get(lang)
    if not template:
        return True  # flows without a links file: only the link can be checked
    before, _, after = template.partition("{link}")
    return body.startswith(before) and body.endswith(after)


def text_problem(spec: dict, bodies: list[str], messages: Mapping[str, str]) -> str | None:
    """None when one of the texts sent since the call began carries the link, in the language expected."""
    if any(spec["link"] in body and in_language(body, spec["lang"], messages) for body in bodies):
        return None
    got = "; ".join(repr(body) for body in bodies) or "no text"
    return f"expected a text to {spec['to']} in '{spec['lang']}' with {spec['link']!r} since the call began, got {got}"


def no_text_problem(to: str, bodies: list[str]) -> str | None:
    """None when no text was sent to the number since the call began."""
    if not bodies:
        return None
    return f"expected no text to {to} since the call began, got {'; '.join(repr(body) for body in bodies)}"
