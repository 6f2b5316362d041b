"""The store as the actions see it: the look-ups and changes they make, in domain values only."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from ivr.domain.biometrics import Appointment
from ivr.domain.callbacks import BookedCallback, Booking
from ivr.domain.cases import Case
from ivr.domain.lookups import LookupLimits
from ivr.domain.service_requests import NewRequest, ServiceRequest


class Records(Protocol):
    """What the actions ask of the shared store; ivr.store.records is the real one."""

    def find_case(self, receipt_number: str) -> Case | None:
        """The case with this canonical receipt number, or None."""

    def allow_lookup(self, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
        """Count a look-up against the call's and the caller's limits; False once they are passed."""

    def booked_counts(self, starts: Iterable[datetime]) -> dict[datetime, int]:
        """How many callbacks each of these slot starts already holds."""

    def book_callback(self, booking: Booking, capacity: int, now: datetime) -> str | None:
        """Book a callback in its slot: its reference number, or None when the slot filled up meanwhile."""

    def find_callback(self, reference: str | None, receipt_number: str | None) -> BookedCallback | None:
        """The scheduled callback with this reference, or the soonest one for this receipt number."""

    def cancel_callback(self, callback_id: int, now: datetime, by: str) -> bool:
        """Cancel a scheduled callback, freeing its place; False when it is no longer scheduled."""

    def find_appointment(self, receipt_number: str) -> Appointment | None:
        """The biometrics appointment of a receipt number, or None."""

    def open_slot_starts(self, asc: str, earliest: datetime, excluding: datetime, limit: int) -> list[datetime]:
        """The first `limit` times at an ASC, from `earliest` on, with a place left."""

    def move_appointment(self, confirmed: Appointment, new_start: datetime) -> str:
        """Move the confirmed appointment: MOVED, TAKEN or CHANGED (ivr.domain.biometrics)."""

    def create_request(self, new: NewRequest, now: datetime) -> ServiceRequest:
        """Record a service request and return it with its reference number."""

    def request_chain(self, reference: str | None, receipt_number: str | None) -> list[ServiceRequest]:
        """The chain of requests a reference (or a receipt number's latest request) belongs to."""

    def is_opted_out(self, number: str) -> bool:
        """Whether the number (E.164) asked for no more text messages."""

    def record_opt_out(self, number: str, now: datetime, reason: str) -> None:
        """Keep the number among those never texted again."""


class TextSender(Protocol):
    """Sends the line's text messages and asks what kind of line a number is; ivr.telephony's is Twilio's."""

    def send(self, to: str, body: str) -> str:
        """Send a text message; its SID. Raises TextNotSent when Twilio does not take it."""

    def line_type(self, number: str) -> str | None:
        """What Twilio's Lookup says the number is (mobile, landline, ...), or None when it cannot tell."""
