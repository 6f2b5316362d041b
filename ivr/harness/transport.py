"""How the simulator reaches the IVR: a Flask test client in-process, or real HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import requests


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, body and content type."""

    status: int
    body: str
    content_type: str


class FlaskTransport:
    """Posts webhooks through a Flask test client: fast, no sockets."""

    def __init__(self, client, base_url: str = "http://localhost"):
        self.client, self.base_url = client, base_url.rstrip("/")

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """POST form parameters to an absolute URL of the app."""
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = self.client.post(
            path, data=params, headers=headers, base_url=f"{parts.scheme}://{parts.netloc}"
        )
        return Reply(response.status_code, response.get_data(as_text=True), response.content_type or "")


class HttpTransport:
    """Posts webhooks over real HTTP to a served IVR."""

    def __init__(self, base_url: str, timeout: float = 15.0, session: requests.Session | None = None):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout
        self.session = session or requests.Session()

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """POST form parameters to an absolute URL."""
        response = self.session.post(url, data=params, headers=headers, timeout=self.timeout)
        return Reply(response.status_code, response.text, response.headers.get("Content-Type", ""))
