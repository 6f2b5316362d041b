"""Where a callback's caller is: the case's filing geography, or the ZIP code or zone they give."""

from __future__ import annotations

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.actions.shared import count_failure, within_lookup_limits
from ivr.domain.filer_zone import filer_zone
from ivr.domain.spoken_dates import spoken_zone
from ivr.domain.zip_codes import NO_ZONE, NOT_US, WRONG_LENGTH, ZipCodeError, check_zip, spoken_zip, zip_zone
from ivr.flows.contracts import same_vars
from ivr.flows.steps import ActionContext, ActionResult, Say

ZIP_ATTEMPTS = ("zip_attempts",)
ZIP_VARS = ("zip_spoken", "time_zone", "zone_name")


@action("callback_zone", events={"case": ["time_zone"], "no_case": (), "ask": ()},
        reads=["receipt"], counted=True)
def callback_zone(services: Services, ctx: ActionContext) -> ActionResult:
    """The zone of the filing's geography ('case'); 'no_case' without a receipt number; 'ask' when only the
    caller can tell: an unknown receipt, a case with no ZIP at a service center, or past the look-up limits.
    The last three sound the same, so asking for a callback never tells whether a receipt number exists."""
    receipt = ctx.get("receipt")
    if not receipt:
        return ActionResult("no_case")
    if not within_lookup_limits(services, ctx):
        return ActionResult("ask")
    case = services.records.find_case(receipt)
    zone = filer_zone(case) if case else None
    if zone is None:
        return ActionResult("ask")
    return ActionResult("case", vars={"time_zone": zone})


@action("read_zip", events={"ok": ZIP_VARS, "no_zone": (), **same_vars(ZIP_ATTEMPTS, "invalid", "too_many")},
        reads=ZIP_ATTEMPTS, says=[WRONG_LENGTH, NOT_US, NO_ZONE], counted=True)
def read_zip(services: Services, ctx: ActionContext) -> ActionResult:
    """The ZIP code of the filing address, keyed: 'ok' with its zone, 'no_zone' (a military code), or refused."""
    try:
        code = check_zip(ctx.given.digits or "")
    except ZipCodeError as error:
        return count_failure(ctx, "invalid", (Say(error.reason),), counter="zip_attempts")
    zone = zip_zone(code)
    if zone is None:
        return ActionResult("no_zone", says=(Say(NO_ZONE),))
    name = spoken_zone(zone, services.clock(), ctx.lang)
    return ActionResult("ok", vars={"zip_spoken": spoken_zip(code), "time_zone": zone, "zone_name": name})


@action("reject_zip", events=same_vars(ZIP_ATTEMPTS, "again", "too_many"), reads=ZIP_ATTEMPTS, counted=True)
def reject_zip(_services: Services, ctx: ActionContext) -> ActionResult:
    """The caller says the ZIP code read back is wrong."""
    return count_failure(ctx, "again", (), counter="zip_attempts")


ACTIONS = (callback_zone, read_zip, reject_zip)
