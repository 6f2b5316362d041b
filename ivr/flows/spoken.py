"""The prompts Python code speaks outside the flows' nodes, each with the placeholders the code fills.

Every flow set must define each of them in both languages; the loader and the linter check it.
Prompts an action speaks are declared in its contract instead.
"""

from __future__ import annotations

from collections.abc import Mapping

# The engine, at any input node: a re-prompt after silence or nonsense, and the offer of more time.
SORRY_NO_INPUT, SORRY_NO_MATCH, MORE_TIME = "sorry_no_input", "sorry_no_match", "more_time"
# The web shell: the apology after a fault, and what a caller on hold hears.
APOLOGY, APOLOGY_CALL_LATER, CONNECTING_AFTER_FAULT = "apology", "apology_call_later", "connecting_tier1"
HOLD, HOLD_WAIT, HOLD_WAIT_ONE, HOLD_LEAVE = "hold", "hold_wait", "hold_wait_one", "hold_leave"
# The engine, when what a caller said fits two choices of a menu: a short question between them.
CLARIFY, CLARIFY_BY_KEY = "clarify", "clarify_by_key"
# The engine, at every menu once a language is chosen: the other language's offer ("Para español, oprima 9").
SWITCH_LANGUAGE = "switch_language"

CODE_PROMPTS: Mapping[str, frozenset[str]] = {
    SORRY_NO_INPUT: frozenset(), SORRY_NO_MATCH: frozenset(), MORE_TIME: frozenset(),
    APOLOGY: frozenset(), APOLOGY_CALL_LATER: frozenset(), CONNECTING_AFTER_FAULT: frozenset(),
    HOLD: frozenset({"position"}), HOLD_WAIT: frozenset({"minutes"}), HOLD_WAIT_ONE: frozenset(),
    HOLD_LEAVE: frozenset(),
    CLARIFY: frozenset({"choice_1", "choice_2"}),
    CLARIFY_BY_KEY: frozenset({"choice_1", "choice_2", "key_1", "key_2"}),
    SWITCH_LANGUAGE: frozenset(),
}


def sorry(kind: str) -> str:
    """The engine's re-prompt opener for a failure kind ('no_input' or 'no_match')."""
    return {"no_input": SORRY_NO_INPUT, "no_match": SORRY_NO_MATCH}[kind]
