"""Operator accounts: a hashed password, a role, and a lock after repeated failed sign-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from werkzeug.security import check_password_hash, generate_password_hash

from ivr.store.audit import note_change
from ivr.store.db import Store
from ivr.store.tables import OperatorAccount

ROLES = ("viewer", "supervisor")


@dataclass(frozen=True)
class Operator:
    """A signed-in operator: their name and role."""

    name: str
    role: str

    @property
    def supervises(self) -> bool:
        """Whether they may change things: answer requests, cancel callbacks, test on the line's data."""
        return self.role == "supervisor"


@dataclass(frozen=True)
class SignInPolicy:
    """How many failed sign-ins lock an account, and for how long."""

    attempts: int = 5
    lock: timedelta = timedelta(minutes=15)


def save_operator(store: Store, name: str, role: str, password: str, now: datetime, by: str) -> bool:
    """Add an operator, or set an existing one's role and password (unlocked); True when new."""
    hashed = generate_password_hash(password)  # scrypt, salted, from werkzeug
    with store.session() as session:
        row = session.get(OperatorAccount, name)
        if row is None:
            session.add(OperatorAccount(name=name, role=role, password_hash=hashed, failed_attempts=0, created_at=now))
        else:
            row.role, row.password_hash, row.failed_attempts, row.locked_until = role, hashed, 0, None
        note_change(session, by, "save_operator", name, now, role)
        return row is None


def find_operator(store: Store, name: str) -> Operator | None:
    """The operator with this name, or None."""
    with store.session() as session:
        row = session.get(OperatorAccount, name)
        return None if row is None else Operator(row.name, row.role)


def sign_in(store: Store, name: str, password: str, now: datetime, policy: SignInPolicy) -> Operator | str:
    """The operator when the password is right and the account not locked; else why not ('locked' or 'wrong')."""
    with store.session() as session:
        row = session.get(OperatorAccount, name, with_for_update=True)
        if row is None:
            generate_password_hash(password)  # as slow as a real check: timing tells no names
            return "wrong"
        if row.locked_until is not None and row.locked_until > now:
            return "locked"
        if not check_password_hash(row.password_hash, password):
            row.failed_attempts += 1
            if row.failed_attempts >= policy.attempts:
                row.locked_until, row.failed_attempts = now + policy.lock, 0
                return "locked"
            return "wrong"
        row.failed_attempts, row.locked_until = 0, None
        return Operator(row.name, row.role)
