"""What named actions may use: the store, the clock and the contact center's rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from ivr.clock import Clock
from ivr.hours import LiveHours
from ivr.store.db import Store
from ivr.store.lookups import LookupLimits


@dataclass(frozen=True)
class Services:
    """The outside world of the actions, injected so tests can set each part."""

    store: Store
    clock: Clock
    hours: LiveHours = field(default_factory=LiveHours)
    limits: LookupLimits = field(default_factory=LookupLimits)
