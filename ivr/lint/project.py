"""This checkout's names and flow directory, read from the actions' contracts and the settings table."""

from __future__ import annotations

import os
from pathlib import Path

from ivr.actions.registry import CONTRACTS, HINTS
from ivr.config import SETTINGS
from ivr.domain.contact_center import TIERS
from ivr.flows.spoken import CODE_PROMPTS
from ivr.flows.state import ENTRY_VARS
from ivr.lint.names import KnownNames


def project_names() -> KnownNames:
    """The contracts, tiers, hints, code-spoken prompts and entry variables this checkout defines."""
    return KnownNames(contracts=CONTRACTS, tiers=frozenset(TIERS), hints=frozenset(HINTS),
                      code_prompts=CODE_PROMPTS, entry_vars=ENTRY_VARS)


def configured_flows_dir(environ: dict | None = None) -> Path:
    """The flow directory the app would load: IVR_FLOWS_DIR, or the checkout's call_flows/."""
    variable, default = SETTINGS["FLOWS_DIR"]
    return Path((os.environ if environ is None else environ).get(variable, default))
