"""What several actions share: counted attempts, the look-up limit, and reference numbers read back."""

from __future__ import annotations

from ivr.actions.services import Services
from ivr.domain.cases import Case
from ivr.domain.privacy import is_protected
from ivr.domain.receipts import spoken_groups
from ivr.domain.references import spoken_reference
from ivr.flows.steps import ActionContext, ActionResult, Say

MAX_ATTEMPTS = 3  # wrong, rejected or unknown numbers before an agent takes over
# A VAWA, U or T matter: the call's agents other than senior officers are handed none of its details.
PROTECTED = {"protected": "1"}


def count_failure(ctx: ActionContext, event: str, says: tuple[Say, ...],
                  counter: str = "receipt_attempts") -> ActionResult:
    """Count a failed attempt; the third returns `too_many` instead of `event`."""
    attempts = int(ctx.get(counter, "0")) + 1
    if attempts >= MAX_ATTEMPTS:
        event = "too_many"
    return ActionResult(event, vars={counter: str(attempts)}, says=says)


def within_lookup_limits(services: Services, ctx: ActionContext) -> bool:
    """Count a look-up against the call's and the caller's limits; False once they are passed."""
    return services.records.allow_lookup(services.limits, ctx.call_sid, ctx.caller, services.clock())


def confirmed_case(services: Services, ctx: ActionContext) -> Case | ActionResult:
    """The case of the confirmed receipt number, or the answer that ends the look-up: 'limited'
    past the look-up limits, 'not_found' (counted), or 'protected' for VAWA, U and T matters."""
    if not within_lookup_limits(services, ctx):
        return ActionResult("limited")
    case = services.records.find_case(ctx.var("receipt"))
    if case is None:
        # One answer for every unknown number, so nothing tells which prefixes hold cases.
        return count_failure(ctx, "not_found", (Say("case_not_found"),))
    if is_protected(case.form_type, case.protected):
        return ActionResult("protected", vars=PROTECTED)
    return case


RECEIPT = ("receipt", "receipt_spoken")


def receipt_vars(receipt: str) -> dict[str, str]:
    """The call's variables for a receipt number: as kept, and grouped for the read-back."""
    return {"receipt": receipt, "receipt_spoken": ", ".join(spoken_groups(receipt))}


def reference_vars(reference: str) -> dict[str, str]:
    """A request's reference number, as kept and as read back slowly."""
    return {"reference": reference, "reference_spoken": spoken_reference(reference)}


REFERENCE_VARS = ("reference", "reference_spoken")
