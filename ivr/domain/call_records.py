"""What a call's record says: its journey, masked, and how the call ended (its outcome).

A journey is a list of plain entries, oldest first, each a dict with `at` (ISO-8601 UTC) and one of:
`node` (entered, with `event` when an action node returned one), `did` (what the caller did,
masked), `transfer` (the tier the call was handed to), `agent` (how the agent leg ended),
`fault` (the kind of error that made the line apologise).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

# How a call ended. Contained calls (no agent) are self-served, left the queue, abandoned or a
# callback booked; Amazon Connect counts callbacks as contained, not abandoned, and so do we.
SELF_SERVED, TRANSFERRED, CALLBACK = "self_served", "transferred", "callback"
LEFT_QUEUE, ABANDONED_MENU, ABANDONED_QUEUE, FAULT = "left_queue", "abandoned_menu", "abandoned_queue", "fault"
OUTCOMES = (SELF_SERVED, TRANSFERRED, CALLBACK, LEFT_QUEUE, ABANDONED_MENU, ABANDONED_QUEUE, FAULT)

# Action events that give the caller what they called for: after one, hanging up is being served.
SELF_SERVICE = frozenset({
    ("look_up_case", "found"), ("move_appointment", "moved"), ("record_biometrics_expedite", "recorded"),
    ("record_service_request", "recorded"), ("follow_up_request", "escalated"), ("follow_up_request", "due"),
    ("follow_up_request", "answered"), ("follow_up_request", "exhausted"),
})
# DialCallStatus / QueueResult values: an agent took the call; the caller left the queue; hung up in it.
AGENT_TOOK = frozenset({"completed", "answered", "bridged"})
LEFT, HUNG_UP_IN_QUEUE = "leave", "hangup"

NUMBER_WORDS = frozenset((
    "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "double", "triple",
    "cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "doble",
))
DIGITS = re.compile(r"\d")
MAX_DIGITS = 15  # the most digits an E.164 number has
KEPT_KEYS = 2  # a menu choice (1, 0, *) is kept whole; longer key runs show their last two keys


def mask_keys(keys: str) -> str:
    """Keys pressed, with all but the last two of a longer run hidden (receipt and phone numbers)."""
    if len(keys) <= KEPT_KEYS:
        return keys
    return "*" * (len(keys) - KEPT_KEYS) + keys[-KEPT_KEYS:]


def mask_words(words: str) -> str:
    """Words said, every digit and number word hidden, so no spoken number survives in any form."""
    masked = [("*" if word.lower().strip(".,") in NUMBER_WORDS else DIGITS.sub("*", word)) for word in words.split()]
    return " ".join(masked)


def caller_did(digits: str | None, speech: str | None) -> str:
    """What the caller did at a prompt, masked: 'pressed 1', 'said case status', or 'silence'."""
    if digits:
        return f"pressed {mask_keys(digits)}"
    if speech and speech.strip():
        return f"said {mask_words(speech)}"
    return "silence"


def mask_number(number: str) -> str:
    """A phone number as records show it: its last two digits."""
    digits = "".join(DIGITS.findall(number))
    # No number has more than 15 digits (E.164); a SIP or client caller ID may hold any number of them.
    hidden = min(max(len(digits) - KEPT_KEYS, 0), MAX_DIGITS - KEPT_KEYS)
    return "*" * hidden + digits[-KEPT_KEYS:] if digits else number[:16]


def mask_receipt(receipt: str | None) -> str:
    """A receipt number as pages show it: its letters and last two digits (EAC********45)."""
    if not receipt:
        return "-"
    return receipt[:3] + "*" * (len(receipt) - 5) + receipt[-2:] if len(receipt) > 5 else "*" * len(receipt)


def _action_events(journey: Iterable[Mapping[str, Any]], actions: Mapping[str, str]) -> set[tuple[str, str]]:
    """(action, event) of every action node the journey passed."""
    return {(actions.get(e["node"], ""), e["event"]) for e in journey if e.get("event")}


Journey = Sequence[Mapping[str, Any]]


def classify(journey: Journey, callback_booked: bool, actions: Mapping[str, str]) -> tuple[str, str]:
    """(outcome, tier) of a finished call; `actions` maps a node to its action's name."""
    if any("fault" in e for e in journey):
        return FAULT, ""
    if callback_booked:
        return CALLBACK, ""
    legs = [e for e in journey if "transfer" in e or "agent" in e]
    tier = next((e["transfer"] for e in reversed(legs) if "transfer" in e), "")
    results = [e["agent"] for e in legs if "agent" in e]
    if any(result in AGENT_TOOK for result in results):
        return TRANSFERRED, tier
    if LEFT in results:
        return LEFT_QUEUE, tier
    if legs and ("transfer" in legs[-1] or results[-1] == HUNG_UP_IN_QUEUE):
        return ABANDONED_QUEUE, tier
    if _action_events(journey, actions) & SELF_SERVICE or _ended_by_line(journey):
        return SELF_SERVED, ""
    return ABANDONED_MENU, ""


def seconds_to_agent(journey: Sequence[Mapping[str, Any]], started_at: datetime) -> int | None:
    """From the call's start until an agent took it: to the transfer, plus the time queued; None without one."""
    handed = None
    for entry in journey:
        if "transfer" in entry:
            handed = datetime.fromisoformat(entry["at"])
        elif entry.get("agent") in AGENT_TOOK and handed is not None:
            return max(0, int((handed - started_at).total_seconds() + float(entry.get("waited", 0))))
    return None


def first_fault(journey: Sequence[Mapping[str, Any]]) -> str | None:
    """The kind of the call's first fault, or None."""
    return next((str(entry["fault"]) for entry in journey if "fault" in entry), None)


def refused_lookups(journey: Sequence[Mapping[str, Any]]) -> int:
    """How many of the call's look-ups the limits refused."""
    return sum(1 for entry in journey if entry.get("event") == "limited")


def _ended_by_line(journey: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the line itself said goodbye (the call's last entry is the `hangup` mark)."""
    return bool(journey) and journey[-1].get("hangup") is True
