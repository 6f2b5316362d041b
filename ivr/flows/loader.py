"""Read call-flow YAML files, keep their line numbers, check them and build a FlowSet."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jsonschema import Draft202012Validator

from ivr.flows.model import Flow, Node, Option, qualify
from ivr.flows.schema import FILE


class FlowError(ValueError):
    """A flow file that cannot be used, with where and why."""

    def __init__(self, path: str | Path, line: int, node: str | None, message: str):
        self.path, self.line, self.node, self.message = str(path), line, node, message
        where = f"{self.path}:{line}" + (f": node '{node}'" if node else "")
        super().__init__(f"{where}: {message}")


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key."""

    line = 0
    key_lines: dict[str, int]


# libyaml's parser when PyYAML has it (about five times faster on large flows), else pure Python.
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """A safe YAML loader whose mappings are LineDicts and whose booleans are only true/false."""

    duplicates: list[FlowError] | None = None  # when a list, duplicate keys are collected, not raised


# YAML 1.1 reads on/off/yes/no as booleans: `on:` would vanish and the Spanish word "no" become
# False. Flow files follow YAML 1.2 here: only true and false are booleans.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    """Build a LineDict, refusing duplicate keys (YAML would silently keep the last)."""
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            duplicate = FlowError(loader.name, key_node.start_mark.line + 1, None, f"duplicate key '{key}'")
            if loader.duplicates is None:
                raise duplicate
            loader.duplicates.append(duplicate)  # the linter reports them all and keeps the first value
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, duplicates: list[FlowError] | None = None) -> LineDict:
    """Parse one YAML file, turning syntax errors into a FlowError with the line."""
    text = path.read_text(encoding="utf-8")
    loader = _LineLoader(text)
    loader.name = str(path)
    loader.duplicates = duplicates
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FlowError(path, mark.line + 1 if mark else 0, None, f"YAML syntax: {exc.problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, LineDict):
        raise FlowError(path, 1, None, "a flow file must be a mapping with 'version: 1'")
    return data


def _line_of(data: LineDict, path_parts: list[str | int]) -> int:
    """The line of the deepest key (or list item) along a schema error's path."""
    line, here = data.line, data
    for part in path_parts:
        if isinstance(here, LineDict) and isinstance(part, str) and part in here:
            line, here = here.key_lines.get(part, line), here[part]
        elif isinstance(here, list) and isinstance(part, int) and part < len(here):
            here = here[part]
            line = getattr(here, "line", line)
        else:
            break
    return line


def schema_errors(path: Path, data: LineDict) -> list[FlowError]:
    """Every schema violation, the deepest first, each naming its node and line."""
    errors = sorted(Draft202012Validator(FILE).iter_errors(data), key=lambda e: list(e.absolute_path))
    errors.sort(key=lambda e: -len(e.absolute_path))  # a stable sort: the first deepest stays first
    return [_schema_error(path, data, list(err.absolute_path), err.message) for err in errors]


def _schema_error(path: Path, data: LineDict, parts: list[str | int], message: str) -> FlowError:
    """One schema violation as a FlowError at the line of the deepest key along its path."""
    node = str(parts[1]) if len(parts) > 1 and parts[0] == "nodes" else None
    where = "/".join(map(str, parts[2:] if node else parts))
    return FlowError(path, _line_of(data, parts), node, f"{where}: {message}" if where else message)


def check_schema(path: Path, data: LineDict) -> None:
    """Raise a FlowError for the first schema violation, naming the node and line."""
    errors = schema_errors(path, data)
    if errors:
        raise errors[0]


def _build_node(flow: str, node_id: str, raw: LineDict) -> Node:
    """A Node from its checked YAML mapping, with targets qualified as `flow.node`."""
    fields = {k: v for k, v in raw.items() if k not in ("options", "on", "lint", "with")}
    for name in ("next", "back", "give_up"):
        if name in fields:
            fields[name] = qualify(fields[name], flow)
    options = tuple(
        Option(
            key=o["key"],
            goto=qualify(o["goto"], flow),
            words={lang: tuple(w) for lang, w in o.get("words", {}).items()},
            set=dict(o.get("set", {})),
            line=o.line,
            topics={lang: tuple(w) for lang, w in o.get("topics", {}).items()},
            means=o.get("means"),
            asks={lang: tuple(w) for lang, w in o.get("asks", {}).items()},
        )
        for o in raw.get("options", ())
    )
    on = {event: qualify(target, flow) for event, target in raw.get("on", {}).items()}
    params = dict(raw.get("with", {}))
    return Node(id=node_id, flow=flow, options=options, on=on, params=params, line=raw.line, **fields)


def build_flow(path: Path, data: LineDict) -> Flow:
    """A Flow from one checked file."""
    name = data["flow"]
    nodes = {node_id: _build_node(name, node_id, raw) for node_id, raw in data["nodes"].items()}
    return Flow(name=name, start=data["start"], nodes=nodes, path=str(path))


def flow_files(directory: Path) -> list[Path]:
    """The flow files of a directory, in a stable order."""
    return sorted(Path(directory).glob("*.yaml"))
