"""Test conditions for one call (clock, agents' answer, faults, settings, records), signed with a secret.

A line started with IVR_TEST_CONDITIONS_SECRET honours them; the harness signs them with the same
secret and sends them on the call's first webhook. The signature covers the CallSid, so conditions
made for one call cannot be replayed onto another.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

HEADER = "X-IVR-Test-Conditions"
SIGNATURE_HEADER = "X-IVR-Test-Conditions-Signature"
PRODUCTION_ENVS = ("production", "prod", "live")  # IVR_ENV values where the secret is refused


class ConditionsRefused(ValueError):
    """Conditions that must not be honoured: unsigned, wrongly signed, for another call, malformed."""


@dataclass(frozen=True)
class TestConditions:
    """What one call runs under; empty values mean the line's own."""

    __test__ = False  # not a pytest test class, whatever its name

    now: str | None = None
    agent: str | None = None
    faults: tuple[str, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """As kept in the call's state."""
        return {"now": self.now, "agent": self.agent, "faults": list(self.faults),
                "settings": dict(self.settings), "data": dict(self.data)}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> TestConditions:
        """From what `to_json` gave (or a signed payload); ConditionsRefused when it is not that shape."""
        try:
            return cls(now=raw.get("now") or None, agent=raw.get("agent") or None,
                       faults=tuple(str(f) for f in raw.get("faults") or ()),
                       settings=tuple(sorted((str(k), str(v)) for k, v in dict(raw.get("settings") or {}).items())),
                       data=dict(raw.get("data") or {}))
        except (AttributeError, TypeError, ValueError) as error:
            raise ConditionsRefused(f"malformed test conditions: {error}") from None

    @property
    def line_key(self) -> tuple:
        """What changes the line's parts (clock, faults, settings): calls with the same key share them."""
        return self.now, self.faults, self.settings


def is_production(env: str) -> bool:
    """Whether IVR_ENV names a production line."""
    return env.strip().lower() in PRODUCTION_ENVS


def _mac(secret: str, payload: str) -> str:
    """HMAC-SHA256 of the payload, hex."""
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def sign(conditions: TestConditions, call_sid: str, secret: str) -> dict[str, str]:
    """The two headers that carry conditions for this call, signed with the line's secret."""
    body = json.dumps({"call": call_sid, **conditions.to_json()}, sort_keys=True, separators=(",", ":"))
    payload = base64.urlsafe_b64encode(body.encode()).decode()
    return {HEADER: payload, SIGNATURE_HEADER: _mac(secret, payload)}


def verify(payload: str, signature: str, call_sid: str, secret: str) -> TestConditions:
    """The conditions a signed payload carries for this call; ConditionsRefused when they must be ignored."""
    if not hmac.compare_digest(_mac(secret, payload), signature or ""):
        raise ConditionsRefused("the test conditions' signature is wrong")
    try:
        raw = json.loads(base64.urlsafe_b64decode(payload.encode()))
    except (binascii.Error, ValueError) as error:
        raise ConditionsRefused(f"unreadable test conditions: {error}") from None
    if not isinstance(raw, dict) or raw.get("call") != call_sid:
        raise ConditionsRefused("the test conditions were signed for another call")
    return TestConditions.from_json(raw)
