"""A call's state carried in the URLs the line writes, while it holds nothing private.

Twilio signs the whole URL it fetches, so a state the line writes into its own action URLs comes
back unaltered, and a forged one fails the signature check. Receipt and phone numbers never go
there (URLs land in access logs): a state with any non-empty variable not named below is kept in
the shared store instead. The caller's and the line's numbers come from Twilio's own parameters.
"""

from __future__ import annotations

import base64
import json
from functools import lru_cache

from ivr.flows.state import CallState

# Variables that name a choice the caller made or a counter, never who they are or what they own.
URL_SAFE_VARS = frozenset({
    "lang", "keypad_only", "receipt_for", "callback_tier", "callback_purpose", "time_zone", "slot", "new_time",
    "receipt_attempts", "phone_attempts",
})


TOKENS_KEPT = 4096  # tokens made and read, kept per process: a line's calls share a few hundred states


def url_token(state: CallState) -> str | None:
    """The state's retries, more-time flag and variables as a short token; None when it holds anything private
    (or runs under test conditions, which only test calls have: those keep their state in the store)."""
    if state.conditions or any(value and name not in URL_SAFE_VARS for name, value in state.vars.items()):
        return None
    return _packed(state.lang, state.lang_chosen, state.tries, state.more_time, tuple(state.vars.items()))


@lru_cache(maxsize=TOKENS_KEPT)
def _packed(lang: str, lang_chosen: bool, tries: int, more_time: bool, variables: tuple[tuple[str, str], ...]) -> str:
    """The token of a state's parts (most calls at a prompt share theirs: each is encoded once)."""
    packed: dict[str, object] = {"l": lang}
    if variables:
        packed["v"] = dict(variables)
    if not lang_chosen:
        packed["c"] = 0
    if tries:
        packed["t"] = tries
    if more_time:
        packed["m"] = 1
    text = json.dumps(packed, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def from_url_token(token: str, *, call_sid: str, caller: str, called: str, node: str) -> CallState:
    """The state a token carried, at the node its URL names."""
    lang, lang_chosen, tries, more_time, variables = _unpacked(token)
    return CallState(call_sid=call_sid, caller=caller, called=called, node=node, lang=lang, lang_chosen=lang_chosen,
                     tries=tries, more_time=more_time, vars=dict(variables))


@lru_cache(maxsize=TOKENS_KEPT)
def _unpacked(token: str) -> tuple[str, bool, int, bool, tuple[tuple[str, str], ...]]:
    """A token's parts, decoded once per token (a state's variables are copied for each call)."""
    data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    return (str(data.get("l", "en")), bool(data.get("c", 1)), int(data.get("t", 0)), bool(data.get("m")),
            tuple((str(name), str(value)) for name, value in dict(data.get("v", {})).items()))
