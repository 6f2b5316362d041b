"""The callback actions: offer slots in the caller's zone, take a number, book it."""

from __future__ import annotations

from datetime import datetime
from itertools import islice

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.actions.shared import count_failure
from ivr.domain import phone_numbers
from ivr.domain.callback_slots import candidate_slots
from ivr.domain.callbacks import Booking
from ivr.domain.contact_center import TIERS
from ivr.domain.phone_numbers import CallbackNumberError, parse_callback_number, spoken_number_groups
from ivr.domain.references import spoken_reference
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.contracts import same_vars
from ivr.flows.steps import ActionContext, ActionResult, Say

OFFERED = 3
SEARCH_DAYS = 21
SEARCH_BATCH = 24  # slot starts looked up at once
SLOTS = tuple(f"slot_{i}{suffix}" for i in range(1, OFFERED + 1) for suffix in ("", "_at"))
PHONE = ("phone", "phone_spoken")
PHONE_ATTEMPTS = ("phone_attempts",)


@action("offer_callback_slots", events={"offered": SLOTS, "none": ()}, requires=["time_zone"])
def offer_callback_slots(services: Services, ctx: ActionContext) -> ActionResult:
    """The three earliest open slots in the zone, spoken in it ('offered'), or 'none'."""
    policy, now, zone = services.callbacks, services.clock(), ctx.var("time_zone")
    candidates = islice(candidate_slots(now, zone, services.hours, policy.window, SEARCH_DAYS), 200)
    slots: list[datetime] = []
    # A batch at a time, earliest first: the three are nearly always in the first, so the rest of
    # the weeks are neither worked out nor looked up.
    while len(slots) < OFFERED and (batch := list(islice(candidates, SEARCH_BATCH))):
        booked = services.records.booked_counts(batch)
        slots += [s for s in batch if booked.get(s, 0) < policy.capacity]
    slots = slots[:OFFERED]
    if len(slots) < OFFERED:
        return ActionResult("none")
    spoken = {f"slot_{i}": spoken_moment(s, zone, ctx.lang) for i, s in enumerate(slots, 1)}
    at = {f"slot_{i}_at": s.isoformat() for i, s in enumerate(slots, 1)}
    return ActionResult("offered", vars={**spoken, **at})


def phone_vars(phone: str) -> dict[str, str]:
    """The call's variables for a callback number: as dialled, and grouped for the read-back."""
    return {"phone": phone, "phone_spoken": ", ".join(spoken_number_groups(phone))}


@action("check_caller_id", events={"usable": PHONE, "unusable": ()})
def check_caller_id(_services: Services, ctx: ActionContext) -> ActionResult:
    """'usable' when the caller ID is a number we may call back, read back in groups."""
    try:
        phone = parse_callback_number(ctx.caller)
    except CallbackNumberError:
        return ActionResult("unusable")
    return ActionResult("usable", vars=phone_vars(phone))


@action("read_callback_number", events={"ok": PHONE, **same_vars(PHONE_ATTEMPTS, "invalid", "too_many")},
        reads=PHONE_ATTEMPTS, says=[f"phone_{reason}" for reason in phone_numbers.REASONS], counted=True)
def read_callback_number(_services: Services, ctx: ActionContext) -> ActionResult:
    """A callback number keyed by the caller: 'ok', or the reason it cannot be used."""
    try:
        phone = parse_callback_number(ctx.given.digits or ctx.given.speech or "")
    except CallbackNumberError as error:
        return count_failure(ctx, "invalid", (Say(f"phone_{error.reason}"),), counter="phone_attempts")
    return ActionResult("ok", vars=phone_vars(phone))


@action("reject_callback_number", events=same_vars(PHONE_ATTEMPTS, "again", "too_many"), reads=PHONE_ATTEMPTS,
        counted=True)
def reject_callback_number(_services: Services, ctx: ActionContext) -> ActionResult:
    """The caller says the number read back is wrong."""
    return count_failure(ctx, "again", (), counter="phone_attempts")


@action("book_callback", events={"booked": ["chosen_slot", "callback_reference_spoken"], "full": ()},
        requires=["time_zone", "phone", *SLOTS], reads=["slot", "receipt", "callback_tier", "callback_purpose"],
        says=["slot_taken"])
def book_callback(services: Services, ctx: ActionContext) -> ActionResult:
    """Book the chosen slot ('booked'), or 'full' when it filled up meanwhile."""
    chosen = ctx.get("slot", "1")
    booking = Booking(
        booked_by_call=ctx.call_sid, receipt_number=ctx.get("receipt") or None,
        time_zone=ctx.var("time_zone"), phone=ctx.var("phone"), lang=ctx.lang,
        tier=ctx.get("callback_tier", "tier1"), purpose=ctx.get("callback_purpose", "agent"),
        scheduled_for=datetime.fromisoformat(ctx.var(f"slot_{chosen}_at")),
    )
    reference = services.records.book_callback(booking, services.callbacks.capacity, services.clock())
    if reference is None:
        return ActionResult("full", says=(Say("slot_taken"),))
    return ActionResult("booked", vars={"chosen_slot": ctx.var(f"slot_{chosen}"),
                                        "callback_reference_spoken": spoken_reference(reference)})


@action("route_callback", events=TIERS, reads=["callback_tier"])
def route_callback(_services: Services, ctx: ActionContext) -> ActionResult:
    """On a callback call: the tier the caller asked for is the event."""
    return ActionResult(ctx.get("callback_tier", "tier1"))


ACTIONS = (offer_callback_slots, check_caller_id, read_callback_number,
           reject_callback_number, book_callback, route_callback)
