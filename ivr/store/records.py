"""The actions' Records port on the shared store: each call is one of the store's queries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ivr.domain.biometrics import Appointment
from ivr.domain.callbacks import BookedCallback, Booking
from ivr.domain.cases import Case
from ivr.domain.lookups import LookupLimits
from ivr.domain.service_requests import NewRequest, ServiceRequest
from ivr.store import appointments, callbacks, cases, lookups, opt_outs, service_requests
from ivr.store.db import Store


class StoreRecords:
    """The Records the actions use, on one Store."""

    def __init__(self, store: Store):
        self.store = store

    def find_case(self, receipt_number: str) -> Case | None:
        """The case with this canonical receipt number, or None."""
        return cases.find_case(self.store, receipt_number)

    def allow_lookup(self, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
        """Count a look-up against the call's and the caller's limits."""
        return lookups.allow_lookup(self.store, limits, call_sid, caller, now)

    def booked_counts(self, starts: Iterable[datetime]) -> dict[datetime, int]:
        """How many callbacks each of these slot starts already holds."""
        return callbacks.booked_counts(self.store, starts)

    def book_callback(self, booking: Booking, capacity: int, now: datetime) -> str | None:
        """Book a callback in its slot: its reference number, or None when the slot filled up meanwhile."""
        callback_id = callbacks.book(self.store, booking, capacity, now)
        return None if callback_id is None else callbacks.reference_of(self.store, callback_id)

    def find_callback(self, reference: str | None, receipt_number: str | None) -> BookedCallback | None:
        """The scheduled callback with this reference, or the soonest one for this receipt number."""
        return callbacks.find_scheduled(self.store, reference, receipt_number)

    def cancel_callback(self, callback_id: int, now: datetime, by: str) -> bool:
        """Cancel a scheduled callback, freeing its place; False when it is no longer scheduled."""
        return callbacks.cancel_callback(self.store, callback_id, now, by) is not None

    def find_appointment(self, receipt_number: str) -> Appointment | None:
        """The biometrics appointment of a receipt number, or None."""
        return appointments.find_appointment(self.store, receipt_number)

    def open_slot_starts(self, asc: str, earliest: datetime, excluding: datetime, limit: int) -> list[datetime]:
        """The first `limit` open times at an ASC."""
        return appointments.open_slot_starts(self.store, asc, earliest, excluding, limit)

    def move_appointment(self, confirmed: Appointment, new_start: datetime) -> str:
        """Move the confirmed appointment, or say why not."""
        return appointments.move_appointment(self.store, confirmed, new_start)

    def create_request(self, new: NewRequest, now: datetime) -> ServiceRequest:
        """Record a service request."""
        return service_requests.create_request(self.store, new, now)

    def request_chain(self, reference: str | None, receipt_number: str | None) -> list[ServiceRequest]:
        """The chain of requests a reference or receipt number belongs to."""
        return service_requests.request_chain(self.store, reference=reference, receipt_number=receipt_number)

    def is_opted_out(self, number: str) -> bool:
        """Whether the number asked for no more text messages."""
        return opt_outs.is_opted_out(self.store, number)

    def record_opt_out(self, number: str, now: datetime, reason: str) -> None:
        """Keep the number among those never texted again."""
        opt_outs.opt_out(self.store, number, now, reason)
