"""The Records port in plain dicts and lists, answering as the shared store does (ivr.store.records)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ivr.domain.biometrics import CHANGED, MOVED, SCHEDULED, TAKEN, Appointment
from ivr.domain.callbacks import BookedCallback, Booking
from ivr.domain.cases import Case
from ivr.domain.clock import Clock
from ivr.domain.lookups import WITHHELD_CALLER, LookupLimits, caller_key
from ivr.domain.service_requests import NewRequest, ServiceRequest


def fixed_clock(now: datetime) -> Clock:
    """A clock that always says `now` (an aware instant)."""
    if now.utcoffset() is None:
        raise ValueError("a fixed clock needs an aware instant")
    return lambda: now


@dataclass
class Places:
    """One ASC slot: how many people it takes and how many it holds."""

    capacity: int
    booked: int = 0


@dataclass
class FakeRecords:
    """Every Records method on in-memory data; tests arrange the data and read what changed."""

    cases: dict[str, Case] = field(default_factory=dict)
    lookups: list[tuple[str, str, datetime]] = field(default_factory=list)  # (call, caller, when)
    callback_places: dict[datetime, int] = field(default_factory=dict)  # slot start -> callbacks booked
    bookings: list[Booking] = field(default_factory=list)  # a booking's id is its place here, from 1
    cancelled: dict[int, str] = field(default_factory=dict)  # booking id -> who cancelled it
    appointments: dict[str, Appointment] = field(default_factory=dict)
    slots: dict[tuple[str, datetime], Places] = field(default_factory=dict)
    requests: list[ServiceRequest] = field(default_factory=list)  # a request's id is its place here, from 1
    made_by: dict[int, str | None] = field(default_factory=dict)  # request id -> the call that made it
    opted_out: dict[str, str] = field(default_factory=dict)  # number -> why it takes no more texts

    # Arranging the data.

    def add_case(self, receipt: str, form: str = "I-130", status: str = "actively_reviewed",
                 status_date: date = date(2026, 11, 2), filing: str = "vsc", protected: bool = False,
                 filing_zip: str | None = None) -> Case:
        """Keep a case, as an operator's import would."""
        self.cases[receipt] = Case(receipt, form, status, status_date, filing, protected, filing_zip)
        return self.cases[receipt]

    def add_appointment(self, appointment: Appointment) -> None:
        """Keep an appointment; it holds a place in its slot, if the slot is known."""
        self.appointments[appointment.receipt_number] = appointment
        if appointment.status == SCHEDULED and (appointment.asc, appointment.starts_at) in self.slots:
            self.slots[appointment.asc, appointment.starts_at].booked += 1

    def add_slot(self, asc: str, start: datetime, capacity: int = 1, booked: int = 0) -> Places:
        """Keep an ASC slot with `capacity` places, `booked` of them taken."""
        self.slots[asc, start] = Places(capacity, booked)
        return self.slots[asc, start]

    def add_request(self, kind: str, receipt: str, routed_to: str, created_at: datetime,
                    parent: ServiceRequest | None = None, answered_at: datetime | None = None) -> ServiceRequest:
        """Keep a request made on an earlier call; a follow-up names its parent and takes the next level."""
        level = "primary" if parent is None else {"primary": "secondary", "secondary": "tertiary"}[parent.level]
        new = NewRequest(kind, receipt, routed_to, "en", None, level, parent.id if parent else None)
        made = replace(self.create_request(new, created_at), answered_at=answered_at)
        self.requests[made.id - 1] = made
        return made

    # The Records port.

    def find_case(self, receipt_number: str) -> Case | None:
        """The case with this canonical receipt number, or None."""
        return self.cases.get(receipt_number)

    def allow_lookup(self, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
        """Record the look-up, then count the window's look-ups of the call and of the caller."""
        counted_as = caller_key(caller)
        self.lookups.append((call_sid, counted_as, now))
        recent = [(call, number) for call, number, when in self.lookups if when > now - limits.window]
        if sum(call == call_sid for call, _ in recent) > limits.per_call:
            return False
        allowed = limits.withheld if counted_as == WITHHELD_CALLER else limits.per_caller
        return sum(number == counted_as for _, number in recent) <= allowed

    def booked_counts(self, starts: Iterable[datetime]) -> dict[datetime, int]:
        """How many callbacks each of these slot starts already holds (slots never booked are left out)."""
        return {start: self.callback_places[start] for start in starts if start in self.callback_places}

    def book_callback(self, booking: Booking, capacity: int, now: datetime) -> str | None:
        """Book once per call: its reference number (CB and its place here, from 1); None when the slot is full."""
        for number, booked in enumerate(self.bookings, 1):
            if booked.booked_by_call == booking.booked_by_call:
                return f"CB{number:08d}"  # a retried webhook: the caller booked once
        if self.callback_places.get(booking.scheduled_for, 0) >= capacity:
            return None
        self.callback_places[booking.scheduled_for] = self.callback_places.get(booking.scheduled_for, 0) + 1
        self.bookings.append(booking)
        return f"CB{len(self.bookings):08d}"

    def find_callback(self, reference: str | None, receipt_number: str | None) -> BookedCallback | None:
        """The scheduled booking with this reference, or the soonest one for this receipt number (never a
        senior officers' callback: those are found by their reference only)."""
        found = [BookedCallback(n, f"CB{n:08d}", b.scheduled_for, b.time_zone, b.phone, protected=b.tier == "tier3")
                 for n, b in enumerate(self.bookings, 1) if n not in self.cancelled
                 and (f"CB{n:08d}" == reference if reference
                      else b.receipt_number == receipt_number and b.tier != "tier3")]
        return min(found, key=lambda c: c.scheduled_for) if found and (reference or receipt_number) else None

    def cancel_callback(self, callback_id: int, now: datetime, by: str) -> bool:
        """Cancel a booking once, freeing its place."""
        if callback_id in self.cancelled or not 0 < callback_id <= len(self.bookings):
            return False
        self.cancelled[callback_id] = by
        self.callback_places[self.bookings[callback_id - 1].scheduled_for] -= 1
        return True

    def find_appointment(self, receipt_number: str) -> Appointment | None:
        """The biometrics appointment of a receipt number, or None."""
        return self.appointments.get(receipt_number)

    def open_slot_starts(self, asc: str, earliest: datetime, excluding: datetime, limit: int) -> list[datetime]:
        """The first `limit` times at an ASC, from `earliest` on, with a place left (not `excluding`)."""
        starts = sorted(start for (where, start), places in self.slots.items()
                        if where == asc and start >= earliest and start != excluding
                        and places.booked < places.capacity)
        return starts[:limit]

    def move_appointment(self, confirmed: Appointment, new_start: datetime) -> str:
        """TAKEN when the new slot has no place, CHANGED when the appointment is no longer as confirmed."""
        new_places = self.slots.get((confirmed.asc, new_start))
        if new_places is None or new_places.booked >= new_places.capacity:
            return TAKEN
        current = self.appointments.get(confirmed.receipt_number)
        if current is None or (current.starts_at, current.status, current.reschedule_count) != \
                (confirmed.starts_at, SCHEDULED, confirmed.reschedule_count):
            return CHANGED
        new_places.booked += 1
        old_places = self.slots.get((confirmed.asc, confirmed.starts_at))
        if old_places is not None and old_places.booked > 0:
            old_places.booked -= 1
        self.appointments[confirmed.receipt_number] = replace(
            current, starts_at=new_start, reschedule_count=current.reschedule_count + 1)
        return MOVED

    def create_request(self, new: NewRequest, now: datetime) -> ServiceRequest:
        """Record a request under the next reference; a repeat of the same request gets the one recorded."""
        existing = self._already_recorded(new)
        if existing is not None:
            return existing
        number = len(self.requests) + 1
        made = ServiceRequest(number, new.reference or f"SR{48150000 + number}", new.kind, new.receipt_number,
                              new.level, new.parent_id, now, None, new.routed_to)
        self.requests.append(made)
        self.made_by[number] = new.call_sid
        return made

    def _already_recorded(self, new: NewRequest) -> ServiceRequest | None:
        """The follow-up of the same parent, or this call's own request of the same kind and receipt."""
        for made in self.requests:
            if new.parent_id is not None and made.parent_id == new.parent_id:
                return made
            if new.parent_id is None and new.call_sid is not None and made.parent_id is None and \
                    (self.made_by[made.id], made.kind, made.receipt_number) == \
                    (new.call_sid, new.kind, new.receipt_number):
                return made
        return None

    def request_chain(self, reference: str | None, receipt_number: str | None) -> list[ServiceRequest]:
        """The chain a reference (or a receipt number's latest request) belongs to, primary first."""
        if reference:
            start = next((made for made in self.requests if made.reference == reference), None)
        else:
            theirs = [made for made in self.requests if made.receipt_number == receipt_number]
            start = max(theirs, key=lambda made: (made.created_at, made.id), default=None)
        if start is None:
            return []
        chain = [start]
        while chain[0].parent_id is not None:
            chain.insert(0, self.requests[chain[0].parent_id - 1])
        while (child := next((made for made in self.requests if made.parent_id == chain[-1].id), None)):
            chain.append(child)
        return chain

    def is_opted_out(self, number: str) -> bool:
        """Whether the number asked for no more text messages."""
        return number in self.opted_out

    def record_opt_out(self, number: str, now: datetime, reason: str) -> None:
        """Keep the number among those never texted again (the first reason stays)."""
        self.opted_out.setdefault(number, reason)
