"""The shared store's tables."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import cast

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, String, Table, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator):
    """An instant stored in UTC and always read back aware (SQLite would drop the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        """Store UTC; a naive datetime is a bug, not a guess."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        """Read back an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """The declarative base of every table."""


def table_of(model: type[Base]) -> Table:
    """A model's table, for Core statements where the ORM's own work would cost more than the database's."""
    return cast(Table, model.__table__)


class CallSession(Base):
    """A live call's flow state, so any app instance can answer its next webhook."""

    __tablename__ = "call_sessions"

    call_sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CallStatusEvent(Base):
    """One status callback from Twilio; (call, status) is recorded once however often it comes."""

    __tablename__ = "call_status_events"
    __table_args__ = (UniqueConstraint("call_sid", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sid: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseRecord(Base):
    """A case the IVR can speak the status of, by its receipt number."""

    __tablename__ = "cases"

    receipt_number: Mapped[str] = mapped_column(String(13), primary_key=True)
    form_type: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(48))
    status_date: Mapped[date] = mapped_column(Date)
    filing_location: Mapped[str] = mapped_column(String(32))
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    filing_zip: Mapped[str | None] = mapped_column(String(5))  # where the filer is: their callback zone


class Lookup(Base):
    """One case look-up made by a call, kept to limit guessing of receipt numbers."""

    __tablename__ = "case_lookups"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sid: Mapped[str] = mapped_column(String(64), index=True)
    caller: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class CallbackSlot(Base):
    """How many callbacks are booked at one instant; the capacity check is one atomic UPDATE."""

    __tablename__ = "callback_slots"

    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    booked: Mapped[int] = mapped_column(default=0)


class Callback(Base):
    """A promised call back to a caller, dispatched by the workers."""

    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(primary_key=True)
    booked_by_call: Mapped[str] = mapped_column(String(64), unique=True)  # one booking per inbound call
    reference: Mapped[str | None] = mapped_column(String(10), unique=True)  # the caller's, to hear or cancel it
    receipt_number: Mapped[str | None] = mapped_column(String(13))
    time_zone: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(2))
    tier: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(32))
    scheduled_for: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_expires: Mapped[datetime | None] = mapped_column(UTCDateTime)
    call_sid: Mapped[str | None] = mapped_column(String(64), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AscSlot(Base):
    """An appointment time at an Application Support Center: its places, and how many are taken.

    `booked` counts the scheduled appointments at that time; a place is taken with one atomic
    conditional UPDATE, so two callers can never both get the last one.
    """

    __tablename__ = "asc_slots"

    asc: Mapped[str] = mapped_column(String(32), primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    capacity: Mapped[int] = mapped_column(default=1)
    booked: Mapped[int] = mapped_column(default=0)


class AppointmentRecord(Base):
    """A biometrics appointment at an ASC, one per receipt number."""

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointments_asc_starts_at", "asc", "starts_at"),)  # recounting a slot's places

    receipt_number: Mapped[str] = mapped_column(String(13), primary_key=True)
    asc: Mapped[str] = mapped_column(String(32))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reschedule_count: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(16))


class ServiceRequestRecord(Base):
    """A request sent to the office that decides it; a follow-up points to the request it follows."""

    __tablename__ = "service_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(10), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    receipt_number: Mapped[str | None] = mapped_column(String(13), index=True)
    level: Mapped[str] = mapped_column(String(10))
    # Unique: a request is followed up once, however many callers ask at the same moment.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("service_requests.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    routed_to: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str] = mapped_column(String(2), default="en")  # the language the office should answer in
    created_by_call: Mapped[str | None] = mapped_column(String(64), index=True)


class CallRecordRow(Base):
    """What happened on one call, masked: its journey, outcome and duration, kept IVR_CALL_RECORD_DAYS."""

    __tablename__ = "call_records"

    call_sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    line: Mapped[str] = mapped_column(String(16))  # main, tty, or callback (a call the line placed)
    caller: Mapped[str] = mapped_column(String(24))  # masked: its last two digits only
    lang: Mapped[str] = mapped_column(String(2))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(24), index=True)
    tier: Mapped[str | None] = mapped_column(String(16))
    journey: Mapped[list] = mapped_column(JSON)
    # Settled with the outcome, for metrics read at scrape time without reading every journey.
    agent_seconds: Mapped[int | None] = mapped_column()  # from the start until an agent took the call
    fault: Mapped[str | None] = mapped_column(String(64))  # the kind of the first fault, if any
    limited: Mapped[int] = mapped_column(default=0)  # look-ups the limits refused


class OperatorChange(Base):
    """One change an operator made (answered a request, cancelled a callback, imported a file): who and when."""

    __tablename__ = "operator_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    operator: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(128))  # what was changed: a reference, a callback id, a file
    detail: Mapped[str] = mapped_column(String(256), default="")


class OperatorAccount(Base):
    """Someone who may sign in to the operations page: a viewer, or a supervisor who may change things."""

    __tablename__ = "operators"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    failed_attempts: Mapped[int] = mapped_column(default=0)  # since the last good sign-in
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TextOptOut(Base):
    """A number that asked for no more text messages (STOP, or Twilio's 21610): never texted until START."""

    __tablename__ = "text_opt_outs"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)  # E.164
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(32))  # the keyword, or "error 21610"
