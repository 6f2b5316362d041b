"""The texts actions: offer an answer's web page by text message, and send it once the caller pressed the key."""

from __future__ import annotations

import logging

from ivr.actions.declaration import action
from ivr.actions.ports import TextSender
from ivr.actions.services import Services
from ivr.domain.texting import UNSUBSCRIBED, Page, TextNotSent, textable_number
from ivr.flows.steps import ActionContext, ActionResult

log = logging.getLogger(__name__)

ADDRESS = ("page_address",)  # the page's address as the caller hears it, in their language, when they get no text
MOBILE = "mobile"


def _page(services: Services, ctx: ActionContext) -> Page | None:
    """The web page of the answer the caller heard, in their language."""
    return services.texts.links.page(ctx.var("answer"), ctx.lang)


def _opted_out(services: Services, number: str) -> bool | None:
    """Whether the number asked for no more texts; None when the store cannot tell (then it is not texted)."""
    try:
        return services.records.is_opted_out(number)
    except Exception:  # any store fault: no text, and the caller hears the address instead
        log.exception("the opt-outs could not be read: no text")
        return None


def _line_type(sender: TextSender, ctx: ActionContext, number: str) -> str:
    """What Lookup says the caller's number is, asked once a call; 'unknown' when it cannot tell."""
    known = ctx.get("line_type")
    if known:
        return known
    try:
        return sender.line_type(number) or "unknown"
    except Exception:  # Lookup down or refused: the caller confirms the number is a mobile phone instead
        log.exception("Lookup failed: the caller is asked whether the number is a mobile phone")
        return "unknown"


@action("offer_text", events={"offer": (), "address": (), "no_page": ()}, requires=["answer"],
        reads=["text_sent", "line_type"], may_set=["line_type"])
def offer_text(services: Services, ctx: ActionContext) -> ActionResult:
    """'offer' the page by text to a number that may get one; else 'address' (the page spoken), or 'no_page'.

    Not offered: texts are off, one was sent on this call, a withheld or non-mobile number, a number
    that replied STOP, or one Lookup (where configured) says is not a mobile phone.
    """
    if _page(services, ctx) is None:
        return ActionResult("no_page")
    number, sender = textable_number(ctx.caller), services.texts.sender
    if sender is None or ctx.get("text_sent") or number is None or _opted_out(services, number) is not False:
        return ActionResult("address")
    if not services.texts.lookup_line_type:
        return ActionResult("offer")
    line_type = _line_type(sender, ctx, number)
    # A number Lookup cannot place is still offered: the prompt asks for the key only from a mobile phone.
    event = "offer" if line_type in (MOBILE, "unknown") else "address"
    return ActionResult(event, vars={"line_type": line_type})


@action("page_address", events={"found": ADDRESS, "no_page": ()}, requires=["answer"])
def page_address(services: Services, ctx: ActionContext) -> ActionResult:
    """The address of the answer's page in the caller's language (as they are now), to be spoken."""
    page = _page(services, ctx)
    return ActionResult("no_page") if page is None else ActionResult("found", vars={"page_address": page.address})


@action("send_text", events={"sent": ("text_sent",), "failed": ADDRESS, "refused": ADDRESS, "no_page": ()},
        requires=["answer"])
def send_text(services: Services, ctx: ActionContext) -> ActionResult:
    """Text the page to the caller, who pressed the key: 'sent'; else 'refused' (the number opted out) or
    'failed', with the page's address to speak instead."""
    page, number, sender = _page(services, ctx), textable_number(ctx.caller), services.texts.sender
    if page is None:
        return ActionResult("no_page")
    address = {"page_address": page.address}
    if number is None or sender is None:
        return ActionResult("failed", vars=address)
    opted_out = _opted_out(services, number)
    if opted_out is None:  # a store that cannot tell: no text, and the caller hears it did not go
        return ActionResult("failed", vars=address)
    if opted_out:
        return ActionResult("refused", vars=address)
    try:
        sid = sender.send(number, services.texts.links.message(ctx.lang, page.url))
    except TextNotSent as refused:
        if not refused.unsubscribed:
            log.warning("call %s: the text was not sent: %s", ctx.call_sid, refused)
            return ActionResult("failed", vars=address)
        _keep_opt_out(services, number)
        return ActionResult("refused", vars=address)
    except Exception:  # whatever went wrong, the caller hears that the text did not go, and the address
        log.exception("call %s: the text was not sent", ctx.call_sid)
        return ActionResult("failed", vars=address)
    log.info("call %s: text %s sent with the %s page", ctx.call_sid, sid, ctx.var("answer"))
    return ActionResult("sent", vars={"text_sent": "1"})


def _keep_opt_out(services: Services, number: str) -> None:
    """Twilio refused the number as unsubscribed: keep it, so it is not offered texts again."""
    try:
        services.records.record_opt_out(number, services.clock(), f"error {UNSUBSCRIBED}")
    except Exception:  # the refusal stands either way; Twilio will refuse the next send too
        log.exception("the opt-out Twilio reported could not be kept")


ACTIONS = (offer_text, page_address, send_text)
