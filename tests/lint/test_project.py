"""The linter reads this checkout's names from the actions' contracts, the code's prompts and the settings."""

from __future__ import annotations

import subprocess
import sys

from ivr.actions.registry import CONTRACTS, HINTS
from ivr.config import ROOT
from ivr.domain.contact_center import TIERS
from ivr.flows.spoken import CODE_PROMPTS
from ivr.flows.state import ENTRY_VARS
from ivr.lint.project import project_names


def test_project_names_are_the_contracts_tiers_hints_prompts_and_entries_the_app_runs():
    names = project_names()
    assert names.contracts == CONTRACTS
    assert names.tiers == set(TIERS) and names.hints == set(HINTS)
    assert names.counting_actions == {name for name, c in CONTRACTS.items() if c.counted}
    assert "read_receipt" in names.counting_actions and "agents_open" not in names.counting_actions
    assert names.code_prompts == CODE_PROMPTS and names.entry_vars == ENTRY_VARS


def test_the_linter_imports_no_web_framework_telephony_or_database():
    probe = ("import sys, ivr.lint.main, ivr.lint.project; "
             "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('flask', 'twilio', 'sqlalchemy') "
             "or m.startswith(('ivr.store', 'ivr.web', 'ivr.runtime'))))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
