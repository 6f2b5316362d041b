"""Every setting of the IVR, the environment variable that sets it, and its default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ivr.domain.contact_center import LANGUAGES, TIERS

ROOT = Path(__file__).resolve().parent.parent

# setting name -> (environment variable, default). Read when the app is created, never at import.
SETTINGS = {
    "TWILIO_ACCOUNT_SID": ("TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000000"),
    # Empty means: use (and create) a random development token in the instance folder.
    "TWILIO_AUTH_TOKEN": ("TWILIO_AUTH_TOKEN", ""),
    "TWILIO_API_BASE_URL": ("TWILIO_API_BASE_URL", "https://api.twilio.com"),
    "PUBLIC_BASE_URL": ("PUBLIC_BASE_URL", ""),
    "TRUST_PROXY": ("IVR_TRUST_PROXY", "0"),
    # Empty means: an SQLite file in the instance folder.
    "DATABASE_URL": ("DATABASE_URL", ""),
    "FAKE_NOW": ("IVR_FAKE_NOW", ""),
    "FLOWS_DIR": ("IVR_FLOWS_DIR", str(ROOT / "call_flows")),
    # "auto": load the demo cases into the embedded SQLite default only, never into a configured
    # database; "1" / "0" force it on or off.
    "DEMO_DATA": ("IVR_DEMO_DATA", "auto"),
    # Transfer targets: "queue:NAME", a phone number, or a "sip:" URI.
    "TRANSFER_TIER1": ("IVR_TRANSFER_TIER1", "queue:tier1"),
    "TRANSFER_TIER2": ("IVR_TRANSFER_TIER2", "queue:tier2"),
    "TRANSFER_TIER3": ("IVR_TRANSFER_TIER3", "queue:tier3"),
    "TRANSFER_HELPDESK": ("IVR_TRANSFER_HELPDESK", "queue:helpdesk"),
    "TRANSFER_TTY": ("IVR_TRANSFER_TTY", "queue:tty"),
    # The same per language, for agents who speak it (IVR_TRANSFER_TIER1_ES); empty: the tier's target.
    **{f"TRANSFER_{tier.upper()}_{lang.upper()}": (f"IVR_TRANSFER_{tier.upper()}_{lang.upper()}", "")
       for tier in TIERS for lang in LANGUAGES},
    "TTY_NUMBER": ("IVR_TTY_NUMBER", "+18007671833"),
    # Case look-ups allowed per call and per caller number within the window, against guessing.
    "LOOKUPS_PER_CALL": ("IVR_LOOKUPS_PER_CALL", "5"),
    "LOOKUPS_PER_CALLER": ("IVR_LOOKUPS_PER_CALLER", "10"),
    "LOOKUP_WINDOW_MINUTES": ("IVR_LOOKUP_WINDOW_MINUTES", "60"),
    # Look-ups every caller whose number is withheld may make, together, in the window.
    "LOOKUPS_WITHHELD": ("IVR_LOOKUPS_WITHHELD", "20"),
    # Callbacks: the local calling window in the filing location's zone, slot length and capacity.
    "CALLBACK_WINDOW": ("IVR_CALLBACK_WINDOW", "09:00-18:00"),
    "CALLBACK_SLOT_MINUTES": ("IVR_CALLBACK_SLOT_MINUTES", "30"),
    "CALLBACK_SLOT_CAPACITY": ("IVR_CALLBACK_SLOT_CAPACITY", "5"),
    "CALLBACK_RETRY_MINUTES": ("IVR_CALLBACK_RETRY_MINUTES", "60"),
    "CALLBACK_LEASE_SECONDS": ("IVR_CALLBACK_LEASE_SECONDS", "120"),
    # The number callbacks come from (shown as caller ID).
    "CALLER_ID": ("IVR_CALLER_ID", "+18003755283"),
    # The number (or messaging service SID, MG...) answers' web pages are texted from; empty: no texts
    # are offered, and callers hear the page's address instead.
    "TEXT_FROM": ("IVR_TEXT_FROM", ""),
    # "1": ask Twilio's Lookup (line type intelligence) whether a caller's number is a mobile phone.
    "LOOKUP_LINE_TYPE": ("IVR_LOOKUP_LINE_TYPE", "0"),
    # The operations page (/ops): the key that signs its sessions (empty: a random one kept in the
    # instance folder), how long a session lasts, the lock after failed sign-ins, cookies over HTTPS
    # only, and the header a single sign-on proxy sets to the signed-in operator's name (empty: none).
    "SECRET_KEY": ("IVR_SECRET_KEY", ""),
    "OPS_SESSION_MINUTES": ("IVR_OPS_SESSION_MINUTES", "30"),
    "OPS_LOCK_ATTEMPTS": ("IVR_OPS_LOCK_ATTEMPTS", "5"),
    "OPS_LOCK_MINUTES": ("IVR_OPS_LOCK_MINUTES", "15"),
    "OPS_SECURE_COOKIE": ("IVR_OPS_SECURE_COOKIE", "0"),
    "OPS_SSO_HEADER": ("IVR_OPS_SSO_HEADER", ""),
    # Days a call's record is kept; `flask calls purge` removes older ones.
    "CALL_RECORD_DAYS": ("IVR_CALL_RECORD_DAYS", "90"),
    # Hours a call's state is kept untouched (no call lasts this long), and days status callbacks
    # are kept (to count each once); `flask calls purge` removes older ones.
    "CALL_STATE_HOURS": ("IVR_CALL_STATE_HOURS", "24"),
    "STATUS_DAYS": ("IVR_STATUS_DAYS", "7"),
    # Seconds a webhook that uses the store may take before the caller hears the apology instead
    # (Twilio gives up at 15 s and plays "an application error" of its own).
    "WEBHOOK_BUDGET_SECONDS": ("IVR_WEBHOOK_BUDGET_SECONDS", "5"),
    # "json": log lines as JSON objects, for log shippers; "text" for people.
    "LOG_FORMAT": ("IVR_LOG_FORMAT", "text"),
    # What a queued caller hears between prompts: an audio URL, or silence when empty.
    "HOLD_MUSIC_URL": ("IVR_HOLD_MUSIC_URL", ""),
    # What kind of line this is; "production" (or "prod", "live") refuses test conditions.
    "ENV": ("IVR_ENV", "development"),
    # The secret the test harness signs a call's test conditions with; empty: none are honoured.
    "TEST_CONDITIONS_SECRET": ("IVR_TEST_CONDITIONS_SECRET", ""),
}


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings as the environment gives them, defaults filled in."""
    source = os.environ if environ is None else environ
    return {name: source.get(var, default) for name, (var, default) in SETTINGS.items()}


def is_true(value: object) -> bool:
    """Whether a setting's text means yes."""
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def transfer_settings() -> frozenset[str]:
    """The names of the settings that say where each tier's (and each tier and language's) calls go."""
    return frozenset(name for name in SETTINGS if name.startswith("TRANSFER_"))


def transfer_targets(config: Mapping[str, Any]) -> dict[str, str]:
    """Each tier's configured transfer target, and as `tier_lang` the targets set for one language."""
    targets = {tier: config[f"TRANSFER_{tier.upper()}"] for tier in TIERS}
    for tier in TIERS:
        for lang in LANGUAGES:
            if config.get(f"TRANSFER_{tier.upper()}_{lang.upper()}"):
                targets[f"{tier}_{lang}"] = config[f"TRANSFER_{tier.upper()}_{lang.upper()}"]
    return targets
