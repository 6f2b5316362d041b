"""The line's Flask app class: webhook requests, and its own functions known once to be synchronous."""

from __future__ import annotations

import weakref
from types import FunctionType
from typing import Any

from flask import Flask

from ivr.web.fields import WebhookRequest


class LineApp(Flask):
    """The line's Flask app: webhook requests, and its functions known once to be synchronous."""

    request_class = WebhookRequest

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._synchronous: weakref.WeakSet[FunctionType] = weakref.WeakSet()

    def ensure_sync(self, func: Any) -> Any:
        """Flask's, remembered for the app's own functions (views, hooks, error handlers): Flask asks it of
        every one on every request, and each answer took an inspection of the function's code."""
        if func in self._synchronous:
            return func
        synced = super().ensure_sync(func)
        if synced is func and type(func) is FunctionType:
            self._synchronous.add(func)  # weakly: a function made for one request (after_this_request) goes with it
        return synced
