"""Where each agent tier's calls go: a Twilio queue, a phone number or a SIP address."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers


@dataclass(frozen=True)
class Target:
    """One transfer target: kind is 'queue', 'number' or 'sip'."""

    kind: str
    value: str


def parse_target(text: str) -> Target:
    """A Target from configuration text ('queue:tier1', '+1 202 555 0101', 'sip:agent@example.org')."""
    text = text.strip()
    if text.startswith("queue:") and text[6:]:
        return Target("queue", text[6:])
    if text.startswith(("sip:", "sips:")):
        return Target("sip", text)
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a queue, phone number or SIP URI: {text!r} ({exc})") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"not a valid phone number: {text!r}")
    return Target("number", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def parse_targets(configured: dict[str, str]) -> dict[str, Target]:
    """Every tier's Target; a bad one stops start-up with the tier's name."""
    targets = {}
    for tier, text in configured.items():
        try:
            targets[tier] = parse_target(text)
        except ValueError as exc:
            raise ValueError(f"transfer target for {tier}: {exc}") from None
    return targets
