"""The case-status actions: read a receipt number, confirm it, look the case up, speak it."""

from __future__ import annotations

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.actions.shared import RECEIPT, confirmed_case, count_failure, receipt_vars
from ivr.domain import receipts
from ivr.domain.receipts import ReceiptError, decode_keypad, decode_speech
from ivr.domain.spoken_dates import spoken_date
from ivr.domain.statuses import status_by_code
from ivr.flows.contracts import same_vars
from ivr.flows.steps import ActionContext, ActionResult, Say

ATTEMPTS = ("receipt_attempts",)


@action("read_receipt", events={"ok": RECEIPT, **same_vars(ATTEMPTS, "invalid", "unclear", "too_many")},
        reads=ATTEMPTS, says=[f"receipt_{reason}" for reason in receipts.REASONS], counted=True)
def read_receipt(_services: Services, ctx: ActionContext) -> ActionResult:
    """Decode keys (E.161 letters, then digits) or a transcript into a receipt number."""
    given = ctx.given
    try:
        receipt = decode_keypad(given.digits) if given.digits else decode_speech(given.speech or "", ctx.lang)
    except ReceiptError as error:
        # A transcript we cannot decode gets a keypad-only follow-up: recognisers garble spelling.
        event = "invalid" if given.digits else "unclear"
        return count_failure(ctx, event, (Say(f"receipt_{error.reason}"),))
    return ActionResult("ok", vars=receipt_vars(receipt))


@action("reject_read_back", events=same_vars(ATTEMPTS, "again", "too_many"), reads=ATTEMPTS, counted=True)
def reject_read_back(_services: Services, ctx: ActionContext) -> ActionResult:
    """The caller says the number read back is wrong: enter it again, unless that was the last try."""
    return count_failure(ctx, "again", ())


@action("look_up_case", events={"found": ("form", "status_text", "status_date"), "protected": ("protected",),
                                "limited": (), **same_vars(ATTEMPTS, "not_found", "too_many")},
        requires=["receipt"], reads=ATTEMPTS, says=["case_not_found"], counted=True)
def look_up_case(services: Services, ctx: ActionContext) -> ActionResult:
    """Find the confirmed case and prepare its status in the caller's language."""
    case = confirmed_case(services, ctx)
    if isinstance(case, ActionResult):
        return case
    status = status_by_code(case.status)
    return ActionResult("found", vars={
        "form": case.form_type,
        "status_text": getattr(status, ctx.lang),
        "status_date": spoken_date(case.status_date, ctx.lang),
    })


RECEIPT_PURPOSES = ("case_status", "biometrics", "expedite", "emergency_travel")


@action("route_receipt", events=same_vars(["receipt_confirmed"], *RECEIPT_PURPOSES), requires=["receipt"],
        reads=["receipt_for"])
def route_receipt(_services: Services, ctx: ActionContext) -> ActionResult:
    """After the read-back is confirmed: on to what the caller gave the number for (`receipt_for`).

    The confirmed number is kept apart, so an agent is handed it and not one keyed but never confirmed.
    """
    return ActionResult(ctx.get("receipt_for", "case_status"), vars={"receipt_confirmed": ctx.var("receipt")})


ACTIONS = (read_receipt, reject_read_back, look_up_case, route_receipt)
