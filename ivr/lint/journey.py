"""A call's path drawn on the flow diagram (Graphviz), for the page and the `calls show` command alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ivr.flows.loader import flow_files
from ivr.lint import diagram
from ivr.lint.reader import read_flows


def journey_dot(flows_dir: str, journey: Sequence[Mapping[str, Any]]) -> str:
    """The flow diagram in DOT with the journey's nodes and arrows drawn over it."""
    model = read_flows(flow_files(Path(flows_dir)))
    return diagram.to_dot(model, path=[e["node"] for e in journey if "node" in e])


def journey_svg(flows_dir: str, journey: Sequence[Mapping[str, Any]]) -> bytes:
    """The same, drawn as SVG by Graphviz."""
    return diagram.render(journey_dot(flows_dir, journey), "svg")
