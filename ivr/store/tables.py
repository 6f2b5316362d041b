"""The shared store's tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The declarative base of every table."""


class CallSession(Base):
    """A live call's flow state, so any app instance can answer its next webhook."""

    __tablename__ = "call_sessions"

    call_sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CallStatusEvent(Base):
    """One status callback from Twilio; (call, status) is recorded once however often it comes."""

    __tablename__ = "call_status_events"
    __table_args__ = (UniqueConstraint("call_sid", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sid: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Case(Base):
    """A case the IVR can speak the status of, by its receipt number."""

    __tablename__ = "cases"

    receipt_number: Mapped[str] = mapped_column(String(13), primary_key=True)
    form_type: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(48))
    status_date: Mapped[date] = mapped_column(Date)
    filing_location: Mapped[str] = mapped_column(String(32))
    protected: Mapped[bool] = mapped_column(Boolean, default=False)


class Lookup(Base):
    """One case look-up made by a call, kept to limit guessing of receipt numbers."""

    __tablename__ = "case_lookups"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sid: Mapped[str] = mapped_column(String(64), index=True)
    caller: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
