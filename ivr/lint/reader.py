"""Read flow files into the tolerant lint model, keeping what the app's loader would refuse.

The app stops at the first broken file; the linter notes the problem (YAML syntax, duplicate
keys, schema violations, a flow or prompt defined twice) and reads on. When every file reads
cleanly it also assembles the loader's own FlowSet, so the contract analysis runs on it.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import yaml

from ivr.flows.flowset import assemble_flowset
from ivr.flows.loader import FlowError, LineDict, read_yaml, schema_errors
from ivr.lint.model import FlowInfo, LintLine, LintModel, LintNode, LintPrompt, text_of
from ivr.lint.problem import Problem


def read_flows(files: list[Path]) -> LintModel:
    """The lint model of a set of flow files (one line's worth), problems of reading included."""
    model = LintModel(files=[str(path) for path in files])
    parsed = []
    for path in files:
        data = _read_file(path, model)
        if data is not None:
            _add_file(str(path), data, model)
            parsed.append((path, data))
    if parsed and not (model.invalid or model.unreadable or model.duplicates):
        with suppress(FlowError):  # no `line`: the linter says so itself
            model.flowset, model.places = assemble_flowset(parsed, parsed[0][0].parent)
    return model


def _as_problem(error: FlowError) -> Problem:
    """A loader refusal as a lint problem at the same line."""
    return Problem(error.path, error.line, error.node, error.message)


def _read_file(path: Path, model: LintModel) -> LineDict | None:
    """Parse and schema-check one file; None when it cannot be read at all."""
    duplicates: list[FlowError] = []
    try:
        data = read_yaml(path, duplicates)
    except FlowError as error:
        model.invalid.append(_as_problem(error))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError) as error:  # TypeError: a list as a key
        reason = " ".join(str(error).split())  # one line, whatever the parser wrote
        model.invalid.append(Problem(str(path), 1, None, f"cannot read this file: {reason}"))
    else:
        model.duplicates.extend(_as_problem(error) for error in duplicates)
        model.invalid.extend(_schema_problems(path, data))
        return data
    model.duplicates.extend(_as_problem(error) for error in duplicates)
    model.unreadable.append(str(path))
    return None


def _schema_problems(path: Path, data: LineDict) -> list[Problem]:
    """Every schema violation of a file, one problem each, at the loader's lines."""
    try:
        return [_as_problem(error) for error in schema_errors(path, data)]
    except TypeError:  # violations cannot be ordered when a mapping mixes number and text keys
        return [Problem(str(path), data.line, None, "keys must be text: quote numbers used as keys")]


def _add_file(file: str, data: LineDict, model: LintModel) -> None:
    """Add one parsed file's line section, prompts and flow to the model."""
    if isinstance(data.get("line"), LineDict):
        _set_line(file, data, model)
    if isinstance(data.get("prompts"), LineDict):
        _add_prompts(file, data["prompts"], model)
    if text_of(data.get("flow")):
        _add_flow(file, data, model)


def _set_line(file: str, data: LineDict, model: LintModel) -> None:
    """Take the file's `line` section, unless another file set it first."""
    if model.line:
        message = f"'line' is already set in {model.line.file}"
        model.duplicates.append(Problem(file, data.key_lines["line"], None, message))
    else:
        model.line = LintLine(data["line"], file, data.key_lines["line"])


def _add_prompts(file: str, prompts: LineDict, model: LintModel) -> None:
    """Add a file's prompts; a prompt id is defined once across all files."""
    for prompt_id, texts in prompts.items():
        line = prompts.key_lines[prompt_id]
        if prompt_id in model.prompts:
            first = model.prompts[prompt_id]
            message = f"prompt '{prompt_id}' is already defined at {first.file}:{first.line}"
            model.duplicates.append(Problem(file, line, None, message))
            continue
        raw = texts if isinstance(texts, LineDict) else LineDict()
        strings = {lang: text for lang, text in raw.items() if isinstance(text, str)}
        model.prompts[str(prompt_id)] = LintPrompt(str(prompt_id), strings, text_of(raw.get("rate")), file, line)


def _add_flow(file: str, data: LineDict, model: LintModel) -> None:
    """Add a file's flow and its nodes; a flow name is defined once across all files."""
    name = data["flow"]
    if name in model.flows:
        message = f"flow '{name}' is already defined in {model.flows[name].file}"
        model.duplicates.append(Problem(file, data.key_lines["flow"], None, message))
        return
    start = text_of(data.get("start"))
    model.flows[name] = FlowInfo(name, file, start, data.key_lines.get("start", data.key_lines["flow"]))
    nodes = data.get("nodes")
    if not isinstance(nodes, LineDict):
        return
    for node_id, raw in nodes.items():
        if isinstance(node_id, str) and isinstance(raw, LineDict):
            node = LintNode(node_id, name, raw, file, nodes.key_lines[node_id])
            model.nodes[node.qualified] = node
