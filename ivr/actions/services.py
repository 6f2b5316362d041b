"""What named actions may use: the store's records, the clock and the contact center's rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from ivr.actions.ports import Records, TextSender
from ivr.domain.callback_slots import CallbackWindow
from ivr.domain.clock import Clock
from ivr.domain.hours import LiveHours
from ivr.domain.lookups import LookupLimits
from ivr.domain.texting import TextLinks


@dataclass(frozen=True)
class CallbackPolicy:
    """When callbacks may be booked and how the workers treat them."""

    window: CallbackWindow = field(default_factory=CallbackWindow)
    capacity: int = 5
    retry_after: timedelta = timedelta(hours=1)
    lease: timedelta = timedelta(minutes=2)
    max_attempts: int = 2  # dialled at most twice in all: the first try and one retry
    # A dialled callback with no outcome after this long is asked about through the REST API.
    reconcile_after: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class Texting:
    """Answers' web pages by text message: the pages, the sender (None: texts are off) and Lookup's use."""

    links: TextLinks = field(default_factory=TextLinks)
    sender: TextSender | None = None
    lookup_line_type: bool = False  # ask Twilio's Lookup whether the number is a mobile phone


@dataclass(frozen=True)
class Services:
    """The outside world of the actions, injected so tests can set each part."""

    records: Records
    clock: Clock
    hours: LiveHours = field(default_factory=LiveHours)
    limits: LookupLimits = field(default_factory=LookupLimits)
    callbacks: CallbackPolicy = field(default_factory=CallbackPolicy)
    texts: Texting = field(default_factory=Texting)
