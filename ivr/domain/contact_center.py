"""The contact center's own facts, each defined once: its languages, zone, agent tiers, transfer outcomes."""

from __future__ import annotations

LANGUAGES = ("en", "es")
CENTER_ZONE = "America/New_York"  # the contact center keeps Eastern time: its hours, and callbacks with no case
TIERS = ("tier1", "tier2", "tier3", "helpdesk", "tty")
OFFICERS = "tier2"  # the Immigration Services Officers who decide expedite and emergency-travel requests
# DialCallStatus / QueueResult values that mean an agent took the call.
AGENT_REACHED = frozenset({"completed", "answered", "bridged", "hangup"})
