"""The case-status actions: read a receipt number, confirm it, look the case up, speak it."""

from __future__ import annotations

from ivr.actions.services import Services
from ivr.domain.privacy import is_protected
from ivr.domain.receipts import ReceiptError, decode_keypad, decode_speech, spoken_groups
from ivr.domain.spoken_dates import spoken_date
from ivr.domain.statuses import status_by_code
from ivr.flows.engine import ActionContext, ActionResult, Say
from ivr.store.cases import find_case
from ivr.store.lookups import allow_lookup

MAX_ATTEMPTS = 3  # wrong, rejected or unknown receipt numbers before an agent takes over


def count_failure(ctx: ActionContext, event: str, says: tuple[Say, ...],
                  counter: str = "receipt_attempts") -> ActionResult:
    """Count a failed attempt; the third raises `too_many` instead of `event`."""
    attempts = int(ctx.state["vars"].get(counter, 0)) + 1
    if attempts >= MAX_ATTEMPTS:
        event = "too_many"
    return ActionResult(event, vars={counter: attempts}, says=says)


def read_receipt(ctx: ActionContext) -> ActionResult:
    """Decode keys (E.161 letters, then digits) or a transcript into a receipt number."""
    given = ctx.input
    try:
        receipt = decode_keypad(given.digits) if given.digits else decode_speech(given.speech or "", ctx.lang)
    except ReceiptError as error:
        # A transcript we cannot decode gets a keypad-only follow-up: recognisers garble spelling.
        event = "invalid" if given.digits else "unclear"
        return count_failure(ctx, event, (Say(f"receipt_{error.reason}"),))
    return ActionResult("ok", vars={"receipt": receipt, "receipt_spoken": ", ".join(spoken_groups(receipt))})


def reject_read_back(ctx: ActionContext) -> ActionResult:
    """The caller says the number read back is wrong: enter it again, unless that was the last try."""
    return count_failure(ctx, "again", ())


def within_lookup_limits(services: Services, ctx: ActionContext) -> bool:
    """Count a look-up against the call's and the caller's limits; False once they are passed."""
    state = ctx.state
    return allow_lookup(services.store, services.limits, state["call_sid"], state["caller"], services.clock())


def look_up_case(services: Services):
    """An action that finds the confirmed case and prepares its status in the caller's language."""

    def action(ctx: ActionContext) -> ActionResult:
        if not within_lookup_limits(services, ctx):
            return ActionResult("limited")
        case = find_case(services.store, ctx.state["vars"]["receipt"])
        if case is None:
            # One answer for every unknown number, so nothing tells which prefixes hold cases.
            return count_failure(ctx, "not_found", (Say("case_not_found"),))
        if is_protected(case.form_type, case.protected):
            return ActionResult("protected")
        status = status_by_code(case.status)
        return ActionResult("found", vars={
            "form": case.form_type,
            "status_text": getattr(status, ctx.lang),
            "status_date": spoken_date(case.status_date, ctx.lang),
        })

    return action


def route_receipt(ctx: ActionContext) -> ActionResult:
    """After the read-back is confirmed: on to what the caller gave the number for (`receipt_for`)."""
    return ActionResult(ctx.state["vars"].get("receipt_for", "case_status"))
