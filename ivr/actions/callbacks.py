"""The callback actions: find the case's zone, offer slots there, take a number, book it."""

from __future__ import annotations

from datetime import datetime
from itertools import islice

from ivr.actions.case_status import count_failure
from ivr.actions.services import Services
from ivr.domain.callback_slots import candidate_slots
from ivr.domain.locations import location_by_id
from ivr.domain.phone_numbers import CallbackNumberError, parse_callback_number, spoken_number_groups
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.engine import ActionContext, ActionResult, Say
from ivr.store.callbacks import Booking, book, booked_counts
from ivr.store.cases import find_case

CENTER_ZONE = "America/New_York"  # a callback with no case is made in the contact center's own zone
OFFERED = 3
SEARCH_DAYS = 21


def callback_zone(services: Services):
    """An action: the time zone of the case's filing location ('case'), or 'no_case' without one."""

    def action(ctx: ActionContext) -> ActionResult:
        receipt = ctx.state["vars"].get("receipt")
        if not receipt:
            return ActionResult("no_case")
        case = find_case(services.store, receipt)
        location = location_by_id(case.filing_location) if case else None
        if location is None:
            return count_failure(ctx, "not_found", (Say("case_not_found"),))
        return ActionResult("case", vars={"time_zone": location.time_zone})

    return action


def center_zone(ctx: ActionContext) -> ActionResult:
    """No case to go by: the call is made in the contact center's zone, and the caller is told so."""
    return ActionResult("ok", vars={"time_zone": CENTER_ZONE, "receipt": ""})


def offer_slots(services: Services):
    """An action: the three earliest open slots in the zone, spoken in it ('offered'), or 'none'."""

    def action(ctx: ActionContext) -> ActionResult:
        policy, now = services.callbacks, services.clock()
        zone = ctx.state["vars"]["time_zone"]
        candidates = list(islice(candidate_slots(now, zone, services.hours, policy.window, SEARCH_DAYS), 200))
        booked = booked_counts(services.store, candidates)
        slots = [s for s in candidates if booked.get(s, 0) < policy.capacity][:OFFERED]
        if len(slots) < OFFERED:
            return ActionResult("none")
        spoken = {f"slot_{i}": spoken_moment(s, zone, ctx.lang) for i, s in enumerate(slots, 1)}
        at = {f"slot_{i}_at": s.isoformat() for i, s in enumerate(slots, 1)}
        return ActionResult("offered", vars={**spoken, **at})

    return action


def check_caller_id(ctx: ActionContext) -> ActionResult:
    """'usable' when the caller ID is a number we may call back, read back in groups."""
    try:
        phone = parse_callback_number(ctx.state["caller"])
    except CallbackNumberError:
        return ActionResult("unusable")
    return ActionResult("usable", vars={"phone": phone, "phone_spoken": ", ".join(spoken_number_groups(phone))})


def read_callback_number(ctx: ActionContext) -> ActionResult:
    """A callback number keyed by the caller: 'ok', or the reason it cannot be used."""
    try:
        phone = parse_callback_number(ctx.input.digits or ctx.input.speech or "")
    except CallbackNumberError as error:
        return count_failure(ctx, "invalid", (Say(f"phone_{error.reason}"),), counter="phone_attempts")
    return ActionResult("ok", vars={"phone": phone, "phone_spoken": ", ".join(spoken_number_groups(phone))})


def reject_number(ctx: ActionContext) -> ActionResult:
    """The caller says the number read back is wrong."""
    return count_failure(ctx, "again", (), counter="phone_attempts")


def book_callback(services: Services):
    """An action: book the chosen slot ('booked'), or 'full' when it filled up meanwhile."""

    def action(ctx: ActionContext) -> ActionResult:
        state, values = ctx.state, ctx.state["vars"]
        chosen = values.get("slot", "1")
        booking = Booking(
            booked_by_call=state["call_sid"], receipt_number=values.get("receipt") or None,
            time_zone=values["time_zone"], phone=values["phone"], lang=ctx.lang,
            tier=values.get("callback_tier", "tier1"), purpose=values.get("callback_purpose", "agent"),
            scheduled_for=datetime.fromisoformat(values[f"slot_{chosen}_at"]),
        )
        if book(services.store, booking, services.callbacks.capacity, services.clock()) is None:
            return ActionResult("full", says=(Say("slot_taken"),))
        return ActionResult("booked", vars={"chosen_slot": values[f"slot_{chosen}"]})

    return action


def route_callback(ctx: ActionContext) -> ActionResult:
    """On a callback call: the tier the caller asked for is the event."""
    return ActionResult(ctx.state["vars"].get("callback_tier", "tier1"))

