"""What flows may name in the code: each action's events, the counting actions, speech hints.

Plain data with no store, Flask or Twilio behind it, so the flow linter can read it without
building the app; ivr.actions.registry binds the same names to the code that runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from ivr.domain import receipts, references
from ivr.domain.biometrics import REFUSALS

# The events each action can raise: a flow must wire every one (the linter checks), and the
# counted ones are where a bounded retry counter lets a caller out of a loop.
ACTION_EVENTS: dict[str, frozenset[str]] = {
    "agents_open": frozenset({"open", "closed"}),
    "read_receipt": frozenset({"ok", "invalid", "unclear", "too_many"}),
    "reject_read_back": frozenset({"again", "too_many"}),
    "look_up_case": frozenset({"found", "protected", "not_found", "too_many", "limited"}),
    "callback_zone": frozenset({"case", "no_case", "not_found", "too_many"}),
    "center_zone": frozenset({"ok"}),
    "offer_callback_slots": frozenset({"offered", "none"}),
    "check_caller_id": frozenset({"usable", "unusable"}),
    "read_callback_number": frozenset({"ok", "invalid", "too_many"}),
    "reject_callback_number": frozenset({"again", "too_many"}),
    "book_callback": frozenset({"booked", "full"}),
    "route_callback": frozenset({"tier1", "tier2", "tier3", "helpdesk", "tty"}),
    "route_receipt": frozenset({"case_status", "biometrics", "expedite", "emergency_travel"}),
    "find_appointment": frozenset({"reschedulable", "none", "protected", "limited", *REFUSALS}),
    "offer_appointment_slots": frozenset({"three", "two", "one", "none"}),
    "pick_appointment_slot": frozenset({"ok"}),
    "move_appointment": frozenset({"moved", "taken", "changed"}),
    "record_biometrics_expedite": frozenset({"recorded"}),
    "record_service_request": frozenset({"recorded", "not_found", "protected", "limited", "too_many"}),
    "read_request_number": frozenset({"ok", "invalid", "too_many"}),
    "follow_up_request": frozenset({"due", "escalated", "answered", "exhausted", "not_found", "limited",
                                    "too_many"}),
}
# Actions that count attempts and raise `too_many` at the limit: a loop through them ends.
COUNTING_ACTIONS = frozenset({"read_receipt", "reject_read_back", "look_up_case", "callback_zone",
                              "read_callback_number", "reject_callback_number", "record_service_request",
                              "read_request_number", "follow_up_request"})

# Speech hints an input node may name (`hints: receipt`): words the recogniser should expect.
HINTS: dict[str, Callable[[str], list[str]]] = {"receipt": receipts.speech_hints,
                                                 "service_request": references.speech_hints}
