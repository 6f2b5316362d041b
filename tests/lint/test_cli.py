"""The linter's command line: formats, exit statuses, rule choice, inline markers, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from textwrap import dedent

import pytest

from ivr.config import ROOT
from ivr.lint.main import run
from ivr.lint.project import configured_flows_dir
from ivr.lint.rules import RULES
from tests.lint.flows import BASE, DEMO, line_of, write_flows

ORPHAN = DEMO.replace("prompts:", "  orphan: {type: say, prompt: hello, next: base.goodbye}\nprompts:")


@pytest.fixture
def orphaned(tmp_path):
    """A flow set with one problem: an unreachable node (IVR003, a warning)."""
    return write_flows(tmp_path, ORPHAN)


def lint_output(capsys, *argv: str, **kwargs) -> tuple[int, str, str]:
    """Run the linter; return its exit status, stdout and stderr."""
    status = run([str(arg) for arg in argv], **kwargs)
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_flows_exit_0_and_say_so(capsys, tmp_path):
    status, out, err = lint_output(capsys, write_flows(tmp_path))
    assert (status, out, err) == (0, "", "2 flow files checked: no problems\n")


def test_human_format_is_file_line_rule_message_name(capsys, orphaned):
    status, out, err = lint_output(capsys, orphaned)
    assert status == 1
    assert out == (f"{orphaned / 'demo.yaml'}:{line_of(ORPHAN, 'orphan:')}: IVR003 node 'orphan': no call reaches "
                   "this node from the line's entries (unreachable-node)\n")
    assert err == "2 flow files checked: 0 errors, 1 warning\n"


def test_json_format_lists_every_field(capsys, orphaned):
    status, out, _ = lint_output(capsys, orphaned, "--format", "json")
    [problem] = json.loads(out)
    assert status == 1
    assert problem == {"file": str(orphaned / "demo.yaml"), "line": line_of(ORPHAN, "orphan:"), "node": "orphan",
                       "rule": "IVR003", "name": "unreachable-node", "severity": "warning",
                       "message": "no call reaches this node from the line's entries"}


def test_github_format_writes_annotations(capsys, orphaned):
    status, out, _ = lint_output(capsys, orphaned, "--format", "github")
    assert status == 1
    assert re.fullmatch(r"::warning file=[^,]*demo\.yaml,line=\d+,title=IVR003 unreachable-node::node 'orphan': .*\n",
                        out)


@pytest.mark.parametrize(("options", "status"), [
    (["--select", "IVR001,IVR002"], 0),
    (["--select", "unreachable-node"], 1),
    (["--ignore", "IVR003"], 0),
    (["--ignore", "unreachable-node,IVR001"], 0),
])
def test_select_and_ignore_choose_the_rules(capsys, orphaned, options, status):
    assert lint_output(capsys, orphaned, *options)[0] == status


@pytest.mark.parametrize(("options", "message"), [
    (["--select", "IVR999"], "no rule 'IVR999'"),
    (["--ignore", "IVR000"], "IVR000 (invalid-file) cannot be ignored"),
    (["--format", "xml"], "invalid choice"),
])
def test_bad_options_exit_2_saying_why(capsys, orphaned, options, message):
    status, _, err = lint_output(capsys, orphaned, *options)
    assert status == 2 and message in err


def test_an_inline_marker_excuses_one_node(capsys, tmp_path):
    flow = ORPHAN.replace("next: base.goodbye}\nprompts", "next: base.goodbye, lint: {ignore: [IVR003]}}\nprompts")
    assert lint_output(capsys, write_flows(tmp_path, flow))[0] == 0


def test_a_yaml_syntax_error_is_a_problem_at_its_line_not_a_traceback(capsys, tmp_path):
    flow = DEMO.replace("nodes:\n", "nodes:\n  broken: [\n")
    status, out, _ = lint_output(capsys, write_flows(tmp_path, flow))
    assert status == 1
    demo = re.escape(str(tmp_path / "demo.yaml"))
    assert re.fullmatch(rf"{demo}:\d+: IVR000 YAML syntax: .* \(invalid-file\)\n", out)


def test_unusable_input_exits_2(capsys, tmp_path):
    nowhere = tmp_path / "nowhere"
    assert lint_output(capsys, nowhere)[::2] == (2, f"ivr-lint: {nowhere}: no such file or directory\n")
    assert lint_output(capsys, tmp_path)[::2] == (2, f"ivr-lint: {tmp_path}: no *.yaml flow files\n")
    (tmp_path / "demo.yaml").write_text(dedent(DEMO))
    status, _, err = lint_output(capsys, tmp_path)
    assert status == 2 and "no file sets 'line'" in err


def test_a_file_is_linted_with_its_siblings_and_only_its_own_problems_shown(capsys, tmp_path):
    write_flows(tmp_path, ORPHAN, BASE.replace("es: Polly.Lupe-Neural", "es: Polly.Nobody"))
    _, everything, _ = lint_output(capsys, tmp_path)
    status, only_demo, _ = lint_output(capsys, tmp_path / "demo.yaml")
    assert "IVR011" in everything and "IVR003" in everything
    assert status == 1 and "IVR003" in only_demo and "IVR011" not in only_demo


def test_default_paths_are_used_when_none_are_given(capsys, orphaned):
    assert lint_output(capsys, default_paths=[orphaned])[0] == 1
    assert configured_flows_dir({}) == ROOT / "call_flows"
    assert str(configured_flows_dir({"IVR_FLOWS_DIR": "/srv/flows"})) == "/srv/flows"


def test_list_rules_explain_and_help_tell_a_newcomer_what_it_does(capsys):
    status, out, _ = lint_output(capsys, "--list-rules")
    assert status == 0 and len(out.splitlines()) == len(RULES)
    assert out.splitlines()[7].startswith("IVR007  duplicate-key            error    A menu uses a key twice")
    status, out, _ = lint_output(capsys, "--explain", "IVR007")
    assert status == 0 and out.startswith("IVR007 duplicate-key (error)\n")
    assert "Passing::" in out and "Failing::" in out
    assert lint_output(capsys, "--explain", "IVR999")[0] == 2
    status, out, _ = lint_output(capsys, "--help")
    assert status == 0 and "Check the call flows" in out and "exit status" in out and "lint: {ignore" in out


def test_python_dash_m_runs_without_the_app(tmp_path):
    flows = write_flows(tmp_path, DEMO.replace("nodes:\n", "nodes:\n  broken: [\n"))
    done = subprocess.run([sys.executable, "-m", "ivr.lint", str(flows), "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert json.loads(done.stdout)[0]["rule"] == "IVR000"


def test_flask_lint_flows_checks_the_configured_flows(runner, orphaned):
    result = runner.invoke(args=["lint-flows"])
    assert (result.exit_code, result.stdout) == (0, "")
    result = runner.invoke(args=["lint-flows", str(orphaned), "--format", "json"])
    assert result.exit_code == 1 and json.loads(result.stdout)[0]["rule"] == "IVR003"
    result = runner.invoke(args=["lint-flows", "--help"])
    assert result.exit_code == 0 and "usage: flask lint-flows" in result.stdout
