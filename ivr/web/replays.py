"""A webhook Twilio delivers twice gets the same answer, and nothing is booked, recorded or counted twice."""

from __future__ import annotations

from flask import Response, g, request

from ivr.flows.state import CallState
from ivr.web.params import plain_int
from ivr.web.reply import twiml_reply

TURN = "turn"  # the query parameter of an answer URL: the turn of the prompt it answers


def replay(saved: CallState | None, first_webhook: bool = False) -> Response | None:
    """The answer already given, when this request is one Twilio delivered before; else None.

    The first webhook of a call is a repeat whenever the call already has a state. An answer to a
    prompt is one when the call has moved past the turn its URL carries.
    """
    if saved is None or not saved.reply:
        return None
    turn = plain_int(request.args.get(TURN))
    if first_webhook or (turn is not None and turn < saved.turn):
        return twiml_reply(saved.reply)
    return None


def next_turn(state: CallState) -> None:
    """Count the answer about to be given; the URLs it writes carry its turn."""
    state.turn += 1
    g.turn = state.turn


def keep_reply(state: CallState, document: str) -> None:
    """Remember the answer given, to give it again to a repeated delivery."""
    state.reply = document
