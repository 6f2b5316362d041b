"""Load every flow file of a directory into one checked FlowSet, or refuse with a reason."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ivr.flows.contract_check import Known, Places, contract_problems
from ivr.flows.loader import FlowError, LineDict, build_flow, check_schema, flow_files, read_yaml
from ivr.flows.model import LANGUAGES, Flow, FlowSet, Node, Prompt, qualify

__all__ = ["Known", "assemble_flowset", "load_flowset"]  # Known is defined with the contract it checks


def load_flowset(directory: Path, known: Known) -> FlowSet:
    """Read, check and assemble the flows; raise FlowError naming file, node and problem."""
    files = flow_files(directory)
    if not files:
        raise FlowError(directory, 0, None, "no *.yaml call flows in this directory")
    flowset, places = assemble_flowset(((path, _read_checked(path)) for path in files), directory)
    _check(flowset, known, places)
    problems = contract_problems(flowset, known, places)
    if problems:
        raise problems[0]
    return flowset


def _read_checked(path: Path) -> LineDict:
    """One flow file, parsed and held to the schema (the parsed files are never modified)."""
    return _parsed_and_checked(path, hashlib.sha256(path.read_bytes()).digest())


# Parsing and schema-checking are most of a load: an app built again in one process (the tests
# build hundreds) reuses the result for a file whose bytes are unchanged. Each load still reads
# every file, and every check across files runs again.
@lru_cache(maxsize=64)
def _parsed_and_checked(path: Path, _content_digest: bytes) -> LineDict:
    """A file parsed and checked; raises FlowError, which is not cached."""
    data = read_yaml(path)
    check_schema(path, data)
    return data


def assemble_flowset(files: Iterable[tuple[Path, LineDict]], directory: Path) -> tuple[FlowSet, Places]:
    """The FlowSet of parsed, schema-checked files, and where its line and prompts are written.

    Refuses a flow, prompt or `line` defined twice, and a set with no `line`; the names the
    flows use are not checked here (see `load_flowset`).
    """
    flows: dict[str, Flow] = {}
    prompts: dict[str, Prompt] = {}
    prompt_ids: dict[str, tuple[str, int]] = {}
    node_keys: dict[str, LineDict] = {}
    line: tuple[Path, LineDict] | None = None
    for path, data in files:
        if "line" in data:
            if line:
                raise FlowError(path, data.key_lines["line"], None, f"'line' is already set in {line[0]}")
            line = (path, data)
        _add_prompts(path, data.get("prompts", {}), prompts, prompt_ids)
        if "flow" in data:
            if data["flow"] in flows:
                raise FlowError(path, data.key_lines["flow"], None, f"flow '{data['flow']}' is defined twice")
            flows[data["flow"]] = build_flow(path, data)
            node_keys.update({f"{data['flow']}.{node_id}": raw for node_id, raw in data["nodes"].items()})
    if line is None:
        raise FlowError(directory, 0, None, "no file sets 'line' (entry, voices, keys, give_up)")
    places = Places(str(line[0]), line[1].key_lines["line"], prompt_ids, node_keys)
    return _assemble(line[1]["line"], flows, prompts), places


def _add_prompts(path: Path, raw: LineDict, prompts: dict[str, Prompt], ids: dict[str, tuple[str, int]]) -> None:
    """Add a file's prompts to the shared catalogue, and where each id is; a prompt id is defined once."""
    for prompt_id, texts in raw.items():
        if prompt_id in prompts:
            raise FlowError(path, raw.key_lines[prompt_id], None, f"prompt '{prompt_id}' is defined twice")
        text = {lang: texts[lang] for lang in LANGUAGES}
        prompts[prompt_id] = Prompt(prompt_id, text, rate=texts.get("rate"), line=texts.line)
        ids[prompt_id] = (str(path), raw.key_lines[prompt_id])


def _assemble(line: LineDict, flows: dict[str, Flow], prompts: dict[str, Prompt]) -> FlowSet:
    """The FlowSet from the line settings and the parsed flows."""
    keys = {key: spec.get("goto", "") for key, spec in line["keys"].items()}
    key_words = {
        (key, lang): tuple(words) for key, spec in line["keys"].items() for lang, words in spec["words"].items()
    }
    meanings = {name: {lang: tuple(w) for lang, w in by_lang.items()}
                for name, by_lang in line.get("meanings", {}).items()}
    return FlowSet(
        flows={name: _with_meanings(flow, meanings) for name, flow in flows.items()},
        prompts=prompts,
        voices=dict(line["voices"]),
        entry=line["entry"],
        entries=dict(line.get("entries", {})),
        global_keys=keys,
        give_up=line["give_up"],
        key_words=key_words,
        meanings=meanings,
    )


def _with_meanings(flow: Flow, meanings: dict[str, dict[str, tuple[str, ...]]]) -> Flow:
    """The flow with each option's `means:` words added to its own; an unknown meaning is refused."""
    nodes = {}
    for node_id, node in flow.nodes.items():
        options = []
        for option in node.options:
            if option.means and option.means not in meanings:
                raise FlowError(flow.path, option.line, node_id, f"means: '{option.means}' is not one of the "
                                f"line's meanings ({', '.join(sorted(meanings)) or 'none'})")
            extra = meanings.get(option.means or "", {})
            words = {lang: (*option.words.get(lang, ()), *extra.get(lang, ())) for lang in LANGUAGES}
            options.append(replace(option, words={la: w for la, w in words.items() if w}))
        nodes[node_id] = replace(node, options=tuple(options))
    return replace(flow, nodes=nodes)


def _targets(node: Node) -> Iterator[tuple[str, str]]:
    """Every (what, target) a node can lead to."""
    for name in ("next", "back", "give_up"):
        if getattr(node, name):
            yield name, getattr(node, name)
    for option in node.options:
        yield f"key {option.key}", option.goto
    for event, target in node.on.items():
        yield f"on {event}", target


def _check(flowset: FlowSet, known: Known, places: Places) -> None:
    """Refuse a FlowSet whose references would break a call."""
    for what, target in [("entry", flowset.entry), ("give_up", flowset.give_up)] + [
        (f"key {k}", t) for k, t in flowset.global_keys.items() if t
    ] + [(f"entry {name}", t) for name, t in flowset.entries.items()]:
        if not _exists(flowset, target):
            raise FlowError(places.line_file, places.line_line, None, f"line {what} leads to unknown node '{target}'")
    for flow in flowset.flows.values():
        if flow.start not in flow.nodes:
            raise FlowError(flow.path, 0, None, f"start node '{flow.start}' does not exist")
        for node in flow.nodes.values():
            _check_node(flowset, flow, node, known)


def _check_node(flowset: FlowSet, flow: Flow, node: Node, known: Known) -> None:
    """Refuse a node that names something that does not exist."""

    def fail(message: str) -> None:
        raise FlowError(flow.path, node.line, node.id, message)

    for what, target in _targets(node):
        if not _exists(flowset, target):
            fail(f"{what} leads to unknown node '{target}'")
    for prompt in (node.prompt, node.reprompt):
        if prompt and prompt not in flowset.prompts:
            fail(f"prompt '{prompt}' is not defined")
    for kind, name, names in (("action", node.action, known.actions), ("tier", node.tier, known.tiers),
                              ("hints", node.hints, known.hints)):
        if name and name not in names:
            fail(f"{kind} '{name}' does not exist (known: {', '.join(sorted(names)) or 'none'})")
    keys = [option.key for option in node.options]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        fail(f"key {duplicates[0]} is used twice")


def _exists(flowset: FlowSet, target: str) -> bool:
    """Whether `flow.node` names a node of the set."""
    flow, _, node = qualify(target, "").partition(".")
    return flow in flowset.flows and node in flowset.flows[flow].nodes
