"""A webhook's turn as entries of the call's record: what the caller did, the nodes entered, how it ended."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ivr.domain.call_records import caller_did
from ivr.flows.model import FlowSet
from ivr.flows.state import CallState
from ivr.flows.steps import CallInput, Hangup, Step, Transfer


def turn_entries(now: datetime, state: CallState, step: Step, given: CallInput | None = None,
                 agent: str | None = None, waited: str = "") -> list[dict[str, Any]]:
    """The entries one turn adds: the caller's input or the agent leg's result (and the seconds queued,
    Twilio's QueueTime), the nodes entered, then how the turn ended."""
    at = now.isoformat()
    entries: list[dict[str, Any]] = []
    if given is not None:
        entries.append({"at": at, "did": caller_did(given.digits, given.speech)})
    if agent is not None:
        entries.append({"at": at, "agent": agent or "unknown", **({"waited": int(waited)} if waited.isdigit() else {})})
    for node, event in state.entered:
        entries.append({"at": at, "node": node, **({"event": event} if event else {})})
    if isinstance(step.end, Transfer):
        entries.append({"at": at, "transfer": step.end.tier})
    elif isinstance(step.end, Hangup):
        entries.append({"at": at, "hangup": True})
    return entries


def action_nodes(flowset: FlowSet) -> dict[str, str]:
    """Each action node's action name, by qualified node."""
    return {node.qualified: node.action for node in flowset.nodes() if node.action}
