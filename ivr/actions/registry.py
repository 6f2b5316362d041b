"""The named actions flows may call, bound to the app's clock, hours and store."""

from __future__ import annotations

from collections.abc import Callable

from ivr.actions import biometrics, callbacks, case_status
from ivr.actions import service_requests as requests_actions
from ivr.actions.services import Services
from ivr.domain.hours import is_open, next_open
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.engine import ActionContext, ActionResult


def agents_open(services: Services) -> Callable[[ActionContext], ActionResult]:
    """'open' in live hours; otherwise 'closed', with when agents next answer, spoken.

    The node's `with: {tier: ..., purpose: ...}` is kept, so a callback offered later knows
    which agents the caller was trying to reach.
    """

    def action(ctx: ActionContext) -> ActionResult:
        now = services.clock()
        wanted = {"callback_tier": ctx.node.params.get("tier", "tier1"),
                  "callback_purpose": ctx.node.params.get("purpose", "agent")}
        if is_open(services.hours, now):
            return ActionResult("open", vars=wanted)
        when = spoken_moment(next_open(services.hours, now), services.hours.zone, ctx.lang)
        return ActionResult("closed", vars={**wanted, "next_open": when})

    return action


def build_actions(services: Services) -> dict[str, Callable[[ActionContext], ActionResult]]:
    """Every action by the name flows use for it."""
    return {
        "agents_open": agents_open(services),
        "read_receipt": case_status.read_receipt,
        "reject_read_back": case_status.reject_read_back,
        "look_up_case": case_status.look_up_case(services),
        "callback_zone": callbacks.callback_zone(services),
        "center_zone": callbacks.center_zone,
        "offer_callback_slots": callbacks.offer_slots(services),
        "check_caller_id": callbacks.check_caller_id,
        "read_callback_number": callbacks.read_callback_number,
        "reject_callback_number": callbacks.reject_number,
        "book_callback": callbacks.book_callback(services),
        "route_callback": callbacks.route_callback,
        "route_receipt": case_status.route_receipt,
        "find_appointment": biometrics.find_appointment(services),
        "offer_appointment_slots": biometrics.offer_appointment_slots(services),
        "pick_appointment_slot": biometrics.pick_appointment_slot,
        "move_appointment": biometrics.move_chosen_appointment(services),
        "record_biometrics_expedite": biometrics.record_biometrics_expedite(services),
        "record_service_request": requests_actions.record_service_request(services),
        "read_request_number": requests_actions.read_request_number,
        "follow_up_request": requests_actions.follow_up_request(services),
    }
