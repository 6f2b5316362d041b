"""Flow diagrams: DOT and Mermaid text, SVG/PNG through Graphviz when it is there, the command."""

from __future__ import annotations

import stat

import pytest

from ivr.config import ROOT
from ivr.flows.loader import flow_files
from ivr.lint.diagram import GraphvizError, node_label, render, to_dot, to_mermaid
from ivr.lint.reader import read_flows


@pytest.fixture(scope="module")
def shipped():
    """The shipped flows as the linter reads them."""
    return read_flows(flow_files(ROOT / "call_flows"))


def test_dot_draws_each_flow_with_shapes_and_labelled_arrows(shipped):
    dot = to_dot(shipped)
    assert dot.startswith("digraph flows {") and dot.rstrip().endswith("}")
    assert 'subgraph "cluster_main"' in dot and 'subgraph "cluster_case_status"' in dot
    assert '"main.main_menu" [label="main_menu\\n“For the status of a case, …”", shape=diamond' in dot
    assert '"common.goodbye" [label="goodbye\\n“Thank you for calling. Goodbye.”", shape=octagon' in dot
    assert '"main.main_menu" -> "biometrics.intro" [label="2 · appointment"];' in dot
    assert '"common.agent" -> "common.tier1_transfer" [label="open"];' in dot
    assert '"common.after_agents" -> "common.goodbye" [label="give up", style=dashed];' in dot
    assert '"(call)" -> "main.opening";' in dot


def test_mermaid_draws_menus_as_diamonds_and_one_flow_with_stubs(shipped):
    text = to_mermaid(shipped, flow="main")
    lines = text.splitlines()
    assert lines[0] == "flowchart TD" and "  subgraph flow_main [main]" in lines
    menu = next(line.split("{")[0].strip() for line in lines if "main_menu<br/>" in line)
    assert f'    {menu}{{"main_menu<br/>“For the status of a case, …”"}}' in lines
    assert any(line.startswith("  x") and '["case_status.ask"]:::outside' in line for line in lines)
    assert any(f'{menu} -->|"1 · case status"| x' in line for line in lines)
    assert "common.tier1_transfer" not in text  # only the main flow's nodes and its stubs


def test_labels_say_what_a_node_does(shipped):
    assert node_label(shipped, shipped.nodes["common.agent"]) == "agent\naction: agents_open"
    assert node_label(shipped, shipped.nodes["common.tier1_transfer"]).startswith("tier1_transfer\ntier: tier1\n")


def test_render_needs_graphviz_and_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizError, match="not installed"):
        render("digraph {}", "svg")


def fake_dot(tmp_path, monkeypatch):
    """A stand-in `dot` on the PATH that answers any graph with a tiny SVG."""
    program = tmp_path / "dot"
    program.write_text("#!/bin/sh\ncat > /dev/null\necho '<svg/>'\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(tmp_path))


def test_flow_diagram_command_writes_dot_mermaid_or_svg(runner, tmp_path, monkeypatch):
    result = runner.invoke(args=["flow-diagram"])
    assert result.exit_code == 0 and result.stdout.startswith("digraph flows {")
    result = runner.invoke(args=["flow-diagram", "--format", "mermaid", "--flow", "case_status",
                                 "-o", str(tmp_path / "flows.md")])
    assert result.exit_code == 0 and (tmp_path / "flows.md").read_text().startswith("flowchart TD")
    fake_dot(tmp_path, monkeypatch)
    result = runner.invoke(args=["flow-diagram", "--format", "svg", "-o", str(tmp_path / "flows.svg")])
    assert result.exit_code == 0 and (tmp_path / "flows.svg").read_text() == "<svg/>\n"


def test_flow_diagram_command_exits_2_without_graphviz_or_for_an_unknown_flow(runner, tmp_path, monkeypatch):
    result = runner.invoke(args=["flow-diagram", "--flow", "nope"])
    assert result.exit_code == 2 and "no flow 'nope' (flows: " in result.stderr
    monkeypatch.setenv("PATH", str(tmp_path))
    result = runner.invoke(args=["flow-diagram", "--format", "png"])
    assert result.exit_code == 2 and "Graphviz's `dot` program is not installed" in result.stderr
