"""This checkout's names and flow directory, read from the actions' contracts and the settings table."""

from __future__ import annotations

import os
from pathlib import Path

from ivr.actions.registry import CONTRACTS, HINTS
from ivr.config import SETTINGS
from ivr.domain.contact_center import TIERS
from ivr.lint.names import KnownNames


def project_names() -> KnownNames:
    """The actions, events, tiers and hints this checkout's code and configuration define."""
    return KnownNames(
        action_events={name: frozenset(c.events) for name, c in CONTRACTS.items()},
        counting_actions=frozenset(name for name, c in CONTRACTS.items() if c.counted),
        tiers=frozenset(TIERS),
        hints=frozenset(HINTS),
    )


def configured_flows_dir(environ: dict | None = None) -> Path:
    """The flow directory the app would load: IVR_FLOWS_DIR, or the checkout's call_flows/."""
    variable, default = SETTINGS["FLOWS_DIR"]
    return Path((os.environ if environ is None else environ).get(variable, default))
