"""The linter's command line: `python -m ivr.lint [PATHS]`, also behind `flask lint-flows`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ivr.lint import output
from ivr.lint.linter import UnusableInput, choose_rules, flow_sets, lint_files
from ivr.lint.project import configured_flows_dir, project_names
from ivr.lint.rules import RULES, find_rule, summary

DESCRIPTION = """\
Check the call flows (call_flows/*.yaml) before callers hear them: every target exists, every
call can end, every key a prompt offers works, every prompt is in English and Spanish, 0
reaches an agent, the opening gives the TTY note, the flows keep the actions' contracts (events,
`with:` keys, the prompts the code speaks, every {placeholder} set on every path), and more
(--list-rules). Unlike the app, which refuses to start at the first broken file, the linter
reports every problem it finds, each at its YAML line.

A directory is linted as one line's flow set. A file is linted together with the other flow
files of its directory (its targets lead there), and only its own problems are shown.
"""
EPILOG = """\
exit status: 0 no problems, 1 problems (errors or warnings), 2 nothing to lint (a missing
path, no flow files, no file that sets 'line') or a bad option.

excuse one node from a rule in the YAML:  lint: {ignore: [IVR012]}
examples:  python -m ivr.lint call_flows/   python -m ivr.lint --explain IVR008
"""


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The command's options."""
    parser = argparse.ArgumentParser(prog=prog or "python -m ivr.lint", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="flow files or directories (default: IVR_FLOWS_DIR, else call_flows/)")
    parser.add_argument("--format", choices=sorted(output.FORMATS), default="human",
                        help="human: file:line: RULE message (name); json: a list of objects; "
                             "github: ::error annotations for GitHub Actions")
    parser.add_argument("--select", default="", metavar="RULES", help="only these rules, by id or name: IVR001,IVR003")
    parser.add_argument("--ignore", default="", metavar="RULES", help="all rules but these, by id or name")
    parser.add_argument("--list-rules", action="store_true", help="list every rule: id, name, severity, what it checks")
    parser.add_argument("--explain", metavar="RULE", help="print one rule's documentation, with examples")
    return parser


def run(argv: Sequence[str] | None = None, default_paths: Sequence[Path] | None = None, prog: str | None = None) -> int:
    """Lint the flows the arguments name and print the problems; return the exit status."""
    try:
        args = build_parser(prog).parse_args(argv)
    except SystemExit as stop:  # --help, or a bad option: argparse has already said why
        return int(stop.code or 0)
    if args.list_rules:
        sys.stdout.write("".join(f"{r.ID}  {r.NAME:24} {r.SEVERITY:8} {summary(r)}\n" for r in RULES))
        return 0
    if args.explain:
        return _explain(args.explain)
    try:
        rules = choose_rules(_names(args.select), _names(args.ignore))
        sets = flow_sets(args.paths or default_paths or [configured_flows_dir()])
        problems = [p for files in sets for p in lint_files(files, project_names(), rules)]
    except (ValueError, UnusableInput) as error:
        sys.stderr.write(f"ivr-lint: {error}\n")
        return 2
    sys.stdout.write(output.FORMATS[args.format](problems))
    if args.format == "human":
        sys.stderr.write(output.summary(problems, sum(len(files.files) for files in sets)))
    return 1 if problems else 0


def _names(text: str) -> list[str]:
    """Rule ids or names from a comma-separated option."""
    return [name.strip() for name in text.split(",") if name.strip()]


def _explain(name: str) -> int:
    """Print one rule's full documentation."""
    rule = find_rule(name)
    if rule is None:
        sys.stderr.write(f"ivr-lint: no rule '{name}' (see --list-rules)\n")
        return 2
    sys.stdout.write(f"{rule.ID} {rule.NAME} ({rule.SEVERITY})\n\n{rule.__doc__.strip()}\n")
    return 0
