"""The /ops blueprint, and what every page of it shares: security headers and masked numbers."""

from __future__ import annotations

from pathlib import Path

import plotly
from flask import Blueprint, Response, send_from_directory

from ivr.domain.call_records import mask_number, mask_receipt

PLOTLY_JS = Path(plotly.__file__).parent / "package_data"  # plotly.js, shipped inside the pinned plotly package

# Only this app's own scripts run; Plotly sets inline styles on the charts it draws.
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "frame-ancestors 'none'; form-action 'self'")


def secure_headers(response: Response) -> Response:
    """No framing, no outside scripts, nothing cached."""
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def plotly_js() -> Response:
    """The charting library, served by the app itself: the page needs no outside network."""
    response = send_from_directory(PLOTLY_JS, "plotly.min.js", mimetype="text/javascript", max_age=86400)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def receipt_filter(receipt: str | None) -> str:
    """A receipt number, masked."""
    return mask_receipt(receipt)


def phone_filter(number: str | None) -> str:
    """A phone number, masked."""
    return mask_number(number or "")


def make_blueprint() -> Blueprint:
    """A new /ops blueprint (one per app) with its headers, the charting library and the masking filters."""
    bp = Blueprint("ops", __name__, url_prefix="/ops", template_folder="templates", static_folder="static")
    bp.after_request(secure_headers)
    bp.add_url_rule("/vendor/plotly.min.js", "plotly_js", plotly_js)
    bp.add_app_template_filter(receipt_filter, "receipt")
    bp.add_app_template_filter(phone_filter, "phone")
    return bp
