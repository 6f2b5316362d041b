"""How the simulator reaches the IVR: a Flask test client in-process, or real HTTP."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

import requests


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, body, content type, and how long it took in seconds."""

    status: int
    body: str
    content_type: str
    elapsed: float = 0.0


class Transport(Protocol):
    """What the simulator posts its webhooks through."""

    def post(self, url: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        """POST form parameters to an absolute URL of the IVR."""
        ...


class FlaskTransport:
    """Posts webhooks through a Flask test client: fast, no sockets."""

    def __init__(self, client, base_url: str = "http://localhost"):
        self.client, self.base_url = client, base_url.rstrip("/")

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """POST form parameters to an absolute URL of the app."""
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        started = time.perf_counter()
        response = self.client.post(
            path, data=params, headers=headers, base_url=f"{parts.scheme}://{parts.netloc}"
        )
        body = response.get_data(as_text=True)
        return Reply(response.status_code, body, response.content_type or "", time.perf_counter() - started)


class HttpTransport:
    """Posts webhooks over real HTTP to a served IVR."""

    def __init__(self, base_url: str, timeout: float = 15.0, session: requests.Session | None = None):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout
        self.session = session or requests.Session()

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """POST form parameters to an absolute URL."""
        started = time.perf_counter()
        response = self.session.post(url, data=params, headers=headers, timeout=self.timeout)
        body = response.text  # read in full before the clock stops: latency includes the body
        return Reply(response.status_code, body, response.headers.get("Content-Type", ""),
                     time.perf_counter() - started)
