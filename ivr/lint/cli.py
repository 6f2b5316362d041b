"""The linter's Flask commands: `flask lint-flows` and `flask flow-diagram`, on the app's FLOWS_DIR."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from ivr.flows.loader import flow_files
from ivr.lint import diagram
from ivr.lint.main import run
from ivr.lint.reader import read_flows


# The options are the linter's own (argparse, shared with `python -m ivr.lint`): pass them through.
@click.command("lint-flows", add_help_option=False, context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@with_appcontext
def lint_flows_command(args: tuple[str, ...]) -> None:
    """Check the call flows for problems, each at its YAML line (--help for more)."""
    flows_dir = Path(current_app.config["FLOWS_DIR"])
    sys.exit(run(list(args), default_paths=[flows_dir], prog="flask lint-flows"))


@click.command("flow-diagram")
@click.option("--format", "fmt", type=click.Choice(["dot", "mermaid", *diagram.RENDERED]), default="dot",
              show_default=True, help="dot and mermaid are text; svg and png need Graphviz's `dot` program")
@click.option("--flow", help="draw only this flow; its arrows to other flows end at dashed stubs")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write here, not to stdout")
@with_appcontext
def flow_diagram_command(fmt: str, flow: str | None, output: Path | None) -> None:
    """Draw the call flows: Graphviz DOT, Mermaid for Markdown, or an SVG or PNG picture."""
    files = flow_files(Path(current_app.config["FLOWS_DIR"]))
    if not files:
        _fail(f"{current_app.config['FLOWS_DIR']}: no *.yaml flow files")
    model = read_flows(files)
    if flow and flow not in model.flows:
        _fail(f"no flow '{flow}' (flows: {', '.join(model.flows) or 'none'})")
    text = diagram.to_mermaid(model, flow) if fmt == "mermaid" else diagram.to_dot(model, flow)
    try:
        picture = diagram.render(text, fmt) if fmt in diagram.RENDERED else text.encode()
    except diagram.GraphvizError as error:
        _fail(str(error))
    if output:
        output.write_bytes(picture)
    else:
        click.echo(picture, nl=False)  # bytes: written as they are, PNG included


def _fail(message: str) -> None:
    """Stop with a reason and exit status 2: nothing could be drawn."""
    click.echo(f"flow-diagram: {message}", err=True)
    sys.exit(2)


def init_app(app: Flask) -> None:
    """Register the linter's commands."""
    app.cli.add_command(lint_flows_command)
    app.cli.add_command(flow_diagram_command)
