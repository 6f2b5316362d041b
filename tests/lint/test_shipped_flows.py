"""The shipped flows lint clean; a copy broken in typical ways trips the rules it should."""

from __future__ import annotations

import shutil

import pytest

from ivr.config import ROOT
from ivr.flows.loader import flow_files
from ivr.lint.linter import lint
from ivr.lint.project import project_names
from ivr.lint.reader import read_flows

SHIPPED = ROOT / "call_flows"

# (file, text, its replacement, the rule the break must trip)
BREAKS = [
    ("main.yaml", "goto: biometrics.intro", "goto: biometrics.intr", "IVR001"),
    ("common.yaml", "  goodbye:\n    type: hangup\n",
     "  goodbye:\n    type: hangup\n    prompt: goodbye\n  goodbye:\n    type: hangup\n", "IVR002"),
    ("main.yaml", "    next: notes\n", "    next: choose_language\n", "IVR003"),
    ("main.yaml", "    reprompt: main_menu_help\n", "    reprompt: main_menu_help\n    retries: 0\n", "IVR005"),
    ("main.yaml", "For English, press 1.", "For English, press 1. For French, press 3.", "IVR008"),
    ("case_status.yaml", '    es: "{receipt_spoken}."', '    es: "{receipt}."', "IVR010"),
    ("common.yaml", "es: Polly.Lupe-Neural", "es: Polly.Matthew-Neural", "IVR011"),
    ("common.yaml", '"0":\n      goto: common.agent', '"0":\n      goto: common.goodbye', "IVR013"),
    ("common.yaml", "    tier: tier3\n", "    tier: tier9\n", "IVR015"),
    ("common.yaml", "on: {open: tier3_transfer, closed: agents_closed}",
     "on: {open: tier3_transfer, shut: agents_closed}", "IVR016"),
    ("common.yaml", "\nnodes:\n", "\nnodes:\n  loop_a: {type: say, prompt: goodbye, next: loop_b}\n"
     "  loop_b: {type: say, prompt: goodbye, next: loop_a}\n", "IVR018"),
    ("callback.yaml", "  slot_taken:\n", "  slot_taken_:\n", "IVR019"),
    ("requests.yaml", "with: {kind: expedite}", "with: {kind: expedite, urgent: yes}", "IVR021"),
]
# The rules that need every file to read cleanly (IVR020, IVR022) are tried one break at a time.
ON_A_CLEAN_SET = [
    ("case_status.yaml", '"Form {form}. {status_text}', '"Form {form} {nickname}. {status_text}', "IVR020"),
    ("main.yaml", "goto: biometrics.intro", "goto: biometrics.find", "IVR022"),
]


def lint_directory(directory):
    """Every problem of a flow directory, with this checkout's names."""
    return lint(read_flows(flow_files(directory)), project_names())


def test_the_shipped_flows_lint_clean():
    assert lint_directory(SHIPPED) == []


def test_a_broken_copy_of_the_shipped_flows_trips_each_rule_in_the_right_file(tmp_path):
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    for file, old, new, _ in BREAKS:
        text = (tmp_path / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} is no longer in {file}: update this test's breaks"
        (tmp_path / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    tripped = {(p.rule, p.file.rsplit("/", 1)[-1]) for p in lint_directory(tmp_path)}
    assert {(rule, file) for file, _, _, rule in BREAKS} <= tripped
    # taking `notes` out of the opening also loses the TTY note
    assert ("IVR014", "common.yaml") in tripped


@pytest.mark.parametrize(("file", "old", "new", "rule"), ON_A_CLEAN_SET, ids=[b[3] for b in ON_A_CLEAN_SET])
def test_a_copy_broken_once_trips_the_rules_that_need_clean_files(tmp_path, file, old, new, rule):
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    text = (tmp_path / file).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {file}: update this test's breaks"
    (tmp_path / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert rule in {p.rule for p in lint_directory(tmp_path)}
