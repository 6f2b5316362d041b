"""How the simulator reaches the IVR: a Flask test client in-process, or real HTTP."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from io import BytesIO
from typing import Protocol
from urllib.parse import unquote, urlencode, urlsplit

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


class WsgiTransport:
    """Posts webhooks straight into a WSGI app (the environ a server would give it): no sockets, and none of a
    test client's cookie jar, redirects or response wrapping, which cost more than a webhook's own work."""

    def __init__(self, app):
        self.app = app

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """POST form parameters to an absolute URL of the app."""
        parts = urlsplit(url)
        body = urlencode(params).encode()
        environ = {
            "REQUEST_METHOD": "POST", "SCRIPT_NAME": "", "QUERY_STRING": parts.query,
            "PATH_INFO": unquote(parts.path).encode().decode("latin-1"),
            "SERVER_NAME": parts.hostname or "localhost",
            "SERVER_PORT": str(parts.port or (443 if parts.scheme == "https" else 80)),
            "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": parts.netloc, "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0), "wsgi.url_scheme": parts.scheme or "http", "wsgi.input": BytesIO(body),
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False,
            **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()},
        }
        answer: list = []
        started = time.perf_counter()
        chunks = self.app(environ, lambda status, response_headers, exc_info=None: answer.extend(
            (status, response_headers)))
        try:
            data = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status, response_headers = answer
        content_type = next((v for k, v in response_headers if k.lower() == "content-type"), "")
        return Reply(int(status.split(" ", 1)[0]), data.decode(), content_type, time.perf_counter() - started)


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
