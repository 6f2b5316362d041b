"""The contact-center IVR: Flask webhooks that answer Twilio with TwiML."""

from __future__ import annotations


def create_app(test_config: dict | None = None):
    """Build the app from the environment, overridden by `test_config`."""
    # Imported here so that `import ivr.<pure module>` (the linter, receipts, hours) needs no Flask.
    from ivr.factory import build_app

    return build_app(test_config)
