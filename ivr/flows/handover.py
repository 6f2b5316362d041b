"""What an agent is handed with a transferred call, so they never ask again what the call knows."""

from __future__ import annotations

from ivr.domain.privacy import PROTECTED_TIER
from ivr.flows.state import CallState

REASON_STEPS = 5  # the choices an agent is told: a caller who wandered the menus is summed up by where they ended


def menu_label(words: tuple[str, ...], key: str) -> str:
    """How a menu choice reads in an agent's notes: its first English words, else its key."""
    return words[0] if words else f"key {key}"


def last_steps(path: str) -> str:
    """The last REASON_STEPS choices of a menu path ("... > case status > agent"): a SIP header, a TaskRouter
    attribute and a whisper stay short however long the call went round."""
    steps = path.split(" > ") if path else []
    return " > ".join(["...", *steps[-REASON_STEPS:]] if len(steps) > REASON_STEPS else steps)


def handover(state: CallState, tier: str) -> dict[str, str]:
    """The call's context for the agent of `tier`: language, tier, reason, confirmed receipt, callback.

    A protected matter (a VAWA, U or T case, or the caller's choice of one) reaches only the senior
    officers; any other agent learns the language and the tier alone, not even that it is protected.
    """
    booked = state.vars.get("callback_booked", "")  # on the call back to a caller: what they booked it for
    receipt = state.vars.get("receipt_confirmed") or (state.vars.get("receipt", "") if booked else "")
    details = {"reason": last_steps(state.vars.get("menu_path", "")), "receipt": receipt, "callback": booked}
    protected = bool(state.vars.get("protected")) or bool(booked) and state.vars.get("callback_tier") == PROTECTED_TIER
    context = {"language": state.lang if state.lang_chosen else "not chosen", "tier": tier}
    if protected and tier != PROTECTED_TIER:
        return context
    context |= {name: value for name, value in details.items() if value}
    return context | ({"protected": "yes"} if protected else {})
