"""A call's state carried in the URLs the line writes, while it holds nothing private.

Twilio signs the whole URL it fetches, so a state the line writes into its own action URLs comes
back unaltered, and a forged one fails the signature check. Receipt and phone numbers never go
there (URLs land in access logs): a state with any non-empty variable not named below is kept in
the shared store instead. The caller's and the line's numbers come from Twilio's own parameters.
"""

from __future__ import annotations

import base64
import json

from ivr.flows.state import CallState

# Variables that name a choice the caller made or a counter, never who they are or what they own.
URL_SAFE_VARS = frozenset({
    "lang", "keypad_only", "receipt_for", "callback_tier", "callback_purpose", "time_zone", "slot", "new_time",
    "receipt_attempts", "phone_attempts",
})


def url_token(state: CallState) -> str | None:
    """The state's retries, more-time flag and variables as a short token; None when it holds anything private
    (or runs under test conditions, which only test calls have: those keep their state in the store)."""
    if state.conditions or any(value and name not in URL_SAFE_VARS for name, value in state.vars.items()):
        return None
    packed: dict[str, object] = {"l": state.lang}
    if state.vars:
        packed["v"] = state.vars
    if not state.lang_chosen:
        packed["c"] = 0
    if state.tries:
        packed["t"] = state.tries
    if state.more_time:
        packed["m"] = 1
    text = json.dumps(packed, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def from_url_token(token: str, *, call_sid: str, caller: str, called: str, node: str) -> CallState:
    """The state a token carried, at the node its URL names."""
    data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    return CallState(call_sid=call_sid, caller=caller, called=called, node=node, lang=str(data.get("l", "en")),
                     lang_chosen=bool(data.get("c", 1)),
                     tries=int(data.get("t", 0)), more_time=bool(data.get("m")),
                     vars={str(name): str(value) for name, value in dict(data.get("v", {})).items()})
