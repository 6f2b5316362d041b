"""The names code and configuration define, which flows may use: actions and events, tiers, hints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownNames:
    """What a flow may name; given to the rules so they never import the app to learn it."""

    action_events: Mapping[str, frozenset[str]] = field(default_factory=dict)
    counting_actions: frozenset[str] = frozenset()
    tiers: frozenset[str] = frozenset()
    hints: frozenset[str] = frozenset()
