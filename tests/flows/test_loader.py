"""Loading flows: the shipped ones load; broken ones are refused with file, line, node and reason."""

from __future__ import annotations

import shutil

import pytest

from ivr.actions.registry import CONTRACTS, KNOWN
from ivr.flows.flowset import load_flowset
from ivr.flows.loader import FlowError
from tests.flows.shipped import SHIPPED, broken_copy


def load(directory):
    """Load flows with the project's action names, tiers and hints."""
    return load_flowset(directory, KNOWN)


def test_the_shipped_flows_load_with_every_prompt_in_both_languages():
    flowset = load(SHIPPED)
    assert flowset.entry == "main.opening"
    for prompt in flowset.prompts.values():
        assert prompt.text["en"].strip() and prompt.text["es"].strip()


def test_every_action_a_shipped_flow_names_exists_in_the_code():
    names = {node.action for node in load(SHIPPED).nodes() if node.action}
    assert names <= set(CONTRACTS)


CASES = [
    ("main.yaml", "goto: case_status.ask", "goto: nowhere", "main_menu", "leads to unknown node 'main.nowhere'"),
    ("biometrics.yaml", "prompt: biometrics_intro", "prompt: no_such_prompt", "intro",
     "prompt 'no_such_prompt' is not defined"),
    ("common.yaml", "action: agents_open\n    with: {tier: tier1}\n    on: {open: tier1_transfer",
     "action: open_sesame\n    on: {open: tier1_transfer", "agent", "action 'open_sesame' does not exist"),
    ("common.yaml", "tier: tier2\n    prompt: connecting_tier2", "tier: tier9\n    prompt: connecting_tier2",
     "tier2_transfer", "tier 'tier9' does not exist"),
    ("main.yaml", '- {key: "2", goto: welcome, set: {lang: es}', '- {key: "1", goto: welcome, set: {lang: es}',
     "opening", "key 1 is used twice"),
    ("main.yaml", "    type: menu\n    prompt: main_menu\n", "    type: menu\n    prompt: main_menu\n    colour: red\n",
     "main_menu", "Additional properties are not allowed ('colour' was unexpected)"),
    ("requests.yaml", "type: say\n    prompt: expedite_intro", "type: shout\n    prompt: expedite_intro",
     "expedite", "'shout' is not one of"),
]


@pytest.mark.parametrize(("file", "old", "new", "node", "reason"), CASES, ids=[c[4][:30] for c in CASES])
def test_a_broken_flow_is_refused_naming_file_node_and_reason(tmp_path, file, old, new, node, reason):
    with pytest.raises(FlowError) as refused:
        load(broken_copy(tmp_path, file, old, new))
    assert refused.value.path.endswith(file)
    assert refused.value.node == node
    assert reason in str(refused.value)
    assert refused.value.line > 0


def test_a_prompt_missing_spanish_is_refused_at_its_line(tmp_path):
    spanish = '    es: "Centro de Contacto de beneficios de inmigración. Para español, oprima 2."\n'
    flows = broken_copy(tmp_path, "main.yaml", spanish, "")
    with pytest.raises(FlowError) as refused:
        load(flows)
    text = (flows / "main.yaml").read_text().splitlines()
    assert "'es' is a required property" in str(refused.value)
    assert text[refused.value.line - 1].strip() == "choose_language:"


def test_yaml_syntax_errors_give_the_line_not_a_traceback(tmp_path):
    flows = broken_copy(tmp_path, "main.yaml", "  main_menu:\n", "  main_menu: [\n")
    with pytest.raises(FlowError) as refused:
        load(flows)
    assert "YAML syntax" in str(refused.value) and refused.value.line > 1


def test_a_key_defined_twice_is_refused(tmp_path):
    duplicate = "  account_help:\n    type: say\n  requests_menu:\n"
    flows = broken_copy(tmp_path, "main.yaml", "  requests_menu:\n", duplicate)
    with pytest.raises(FlowError, match="duplicate key 'account_help'"):
        load(flows)


def test_yes_no_and_on_stay_words_not_booleans(tmp_path):
    flows = broken_copy(tmp_path, "main.yaml", "es: [alguien, hablar con alguien, otras preguntas, otra pregunta,",
                        "es: [alguien, no, si, otras preguntas, otra pregunta,")
    option = next(o for o in load(flows).node("main.main_menu").options if o.key == "5")
    assert option.words["es"][:3] == ("alguien", "no", "si")


def test_an_empty_directory_is_refused(tmp_path):
    with pytest.raises(FlowError, match="no \\*.yaml call flows"):
        load(tmp_path)


def test_a_file_changed_between_two_loads_is_read_again(tmp_path):
    shutil.copytree(SHIPPED, tmp_path, dirs_exist_ok=True)
    main = tmp_path / "main.yaml"
    menu = load(tmp_path).prompts["main_menu"].text["en"]
    main.write_text(main.read_text().replace(menu, menu.upper()))  # the same size: only the bytes differ
    assert load(tmp_path).prompts["main_menu"].text["en"] == menu.upper()
    main.write_text(main.read_text().replace("goto: case_status.ask", "goto: nowhere"))
    with pytest.raises(FlowError, match="main.nowhere"):
        load(tmp_path)
