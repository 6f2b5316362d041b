"""The linter reads this checkout's names from pure modules, and never imports the app's machinery."""

from __future__ import annotations

import ast

from ivr.actions import catalog as action_catalog
from ivr.actions.registry import build_actions
from ivr.actions.services import Services
from ivr.config import ROOT, TIERS
from ivr.lint.project import project_names

# What the pure linter must not import: the web framework, Twilio, the store, the running app.
FORBIDDEN = ("flask", "twilio", "sqlalchemy", "ivr.store", "ivr.actions.registry", "ivr.runtime", "ivr.web", "ivr.actions.services")


def test_project_names_are_the_actions_tiers_and_hints_the_app_runs():
    names = project_names()
    assert set(names.action_events) == set(build_actions(Services(store=None, clock=None)))
    assert names.tiers == set(TIERS) and names.hints == set(action_catalog.HINTS)
    assert names.counting_actions <= set(names.action_events)


def imported_modules(path) -> set[str]:
    """The modules a Python file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_linter_imports_no_flask_twilio_store_or_app_except_its_flask_commands():
    pure = [p for p in (ROOT / "ivr" / "lint").rglob("*.py") if p.name != "cli.py"]
    pure.append(ROOT / "ivr" / "actions" / "catalog.py")
    for path in pure:
        bad = {m for m in imported_modules(path) if m.startswith(FORBIDDEN)}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
