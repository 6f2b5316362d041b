"""A caller hears or cancels the callback they booked, found by its reference or their receipt number."""

from __future__ import annotations

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.actions.shared import count_failure, within_lookup_limits
from ivr.domain.callback_references import ReceiptError, RequestNumberError, decode_callback_keys
from ivr.domain.phone_numbers import spoken_number_groups
from ivr.domain.privacy import is_protected
from ivr.domain.references import spoken_reference
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.contracts import same_vars
from ivr.flows.steps import ActionContext, ActionResult, Say

FOUND_PRIVATE = ("callback_id", "callback_reference_spoken", "callback_when")
FOUND = (*FOUND_PRIVATE, "callback_phone_spoken")
ATTEMPTS = ("manage_attempts",)


@action("find_my_callback",
        events={"found": FOUND, "found_private": FOUND_PRIVATE, "limited": (),
                **same_vars(ATTEMPTS, "none", "invalid", "too_many")},
        reads=ATTEMPTS, says=["callback_not_found", "callback_number_invalid"], counted=True)
def find_my_callback(services: Services, ctx: ActionContext) -> ActionResult:
    """The scheduled callback of the keyed reference or receipt number ('found', spoken), or why not.
    Each look-up counts against the limits, so references and receipt numbers cannot be tried in bulk.

    A VAWA, U or T matter is kept from whoever else holds the receipt number: its case's receipt
    number finds no callback (the same words as none), and a senior officers' callback, found by
    its reference, is read without the number it will call ('found_private')."""
    try:
        reference, receipt = decode_callback_keys(ctx.given.digits or "")
    except (RequestNumberError, ReceiptError):
        return count_failure(ctx, "invalid", (Say("callback_number_invalid"),), counter="manage_attempts")
    if not within_lookup_limits(services, ctx):
        return ActionResult("limited")
    booked = services.records.find_callback(reference, receipt)
    if booked is None or receipt and _protected_case(services, receipt):
        return count_failure(ctx, "none", (Say("callback_not_found"),), counter="manage_attempts")
    found = {
        "callback_id": str(booked.id),
        "callback_reference_spoken": spoken_reference(booked.reference),
        "callback_when": spoken_moment(booked.scheduled_for, booked.time_zone, ctx.lang),
    }
    if booked.protected:
        return ActionResult("found_private", vars=found)
    return ActionResult("found", vars={**found, "callback_phone_spoken": ", ".join(spoken_number_groups(booked.phone))})


def _protected_case(services: Services, receipt: str) -> bool:
    """Whether a receipt number is a VAWA, U or T case's."""
    case = services.records.find_case(receipt)
    return case is not None and is_protected(case.form_type, case.protected)


@action("cancel_my_callback", events={"cancelled": (), "gone": ()}, requires=["callback_id"], says=["manage_gone"])
def cancel_my_callback(services: Services, ctx: ActionContext) -> ActionResult:
    """Cancel the callback the caller heard ('cancelled'), or 'gone' when it is already being dialled or done."""
    cancelled = services.records.cancel_callback(int(ctx.var("callback_id")), services.clock(),
                                                 by=f"caller {ctx.call_sid}")
    if not cancelled:
        return ActionResult("gone", says=(Say("manage_gone"),))
    return ActionResult("cancelled")


ACTIONS = (find_my_callback, cancel_my_callback)
