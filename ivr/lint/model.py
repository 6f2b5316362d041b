"""The linter's tolerant view of a flow set: nodes, prompts and the line, straight from raw YAML.

Unlike ivr.flows.model, nothing here assumes a file passed the schema: a field of the wrong
type reads as missing, so every rule can still look at everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ivr.domain.contact_center import LANGUAGES
from ivr.flows.contract_check import Places
from ivr.flows.loader import LineDict
from ivr.flows.model import INPUT_TYPES, TERMINAL_TYPES, FlowSet, Node, qualify
from ivr.lint.problem import Problem


@dataclass(frozen=True)
class Edge:
    """One way out of a node: what takes it, where it leads, and the YAML line that says so."""

    label: str  # "next", "key 1", "back", "give_up", or the event's name
    target: str  # as `flow.node`
    line: int
    chosen: bool = False  # the caller picks it (a menu key or word, the * key)


def text_of(value) -> str | None:
    """The value when it is text, else None (a wrong type reads as missing)."""
    return value if isinstance(value, str) else None


@dataclass
class LintNode:
    """One node as written: its raw mapping, file and the line of its id."""

    id: str
    flow: str
    raw: LineDict
    file: str
    line: int

    @property
    def qualified(self) -> str:
        """The node's name across flows: `flow.node`."""
        return f"{self.flow}.{self.id}"

    @property
    def type(self) -> str | None:
        """say, menu, input, action, transfer or hangup (None when missing or not text)."""
        return text_of(self.raw.get("type"))

    @property
    def gathers(self) -> bool:
        """Whether the node waits for the caller (a menu or an input)."""
        return self.type in INPUT_TYPES

    @property
    def ends_call(self) -> bool:
        """Whether the node ends the IVR's part of the call (a transfer or a hangup)."""
        return self.type in TERMINAL_TYPES

    @property
    def retries(self):
        """How many times the node re-prompts; the engine's default when unset."""
        return self.raw.get("retries", Node.retries)

    def language_groups(self) -> list[tuple[str, ...]]:
        """The languages a caller hears together here: both at a bilingual node, else one at a time."""
        return [LANGUAGES] if self.raw.get("bilingual") is True else [(lang,) for lang in LANGUAGES]

    def field(self, name: str) -> str | None:
        """A text field of the node, or None."""
        return text_of(self.raw.get(name))

    def line_of(self, name: str) -> int:
        """The line of one of the node's keys, or of the node itself."""
        return self.raw.key_lines.get(name, self.line)

    def options(self) -> list[LineDict]:
        """The menu's options that are mappings."""
        options = self.raw.get("options")
        return [o for o in options if isinstance(o, LineDict)] if isinstance(options, list) else []

    def events(self) -> dict[str, tuple[str, int]]:
        """The `on:` wiring: event -> (target as `flow.node`, line)."""
        on = self.raw.get("on")
        if not isinstance(on, LineDict):
            return {}
        return {str(e): (qualify(t, self.flow), on.key_lines[e]) for e, t in on.items() if isinstance(t, str)}

    def edges(self) -> list[Edge]:
        """Every way out the node itself names (the line's give_up and global keys aside)."""
        edges = [Edge(name, qualify(target, self.flow), self.line_of(name), name == "back")
                 for name in ("next", "back", "give_up") if (target := self.field(name))]
        edges += [Edge(f"key {o.get('key')}", qualify(o["goto"], self.flow), o.line, True)
                  for o in self.options() if text_of(o.get("goto"))]
        edges += [Edge(event, target, line) for event, (target, line) in self.events().items()]
        return edges


@dataclass
class LintPrompt:
    """One prompt as written: its text per language (text only), rate, file and line."""

    id: str
    texts: dict[str, str]
    rate: str | None
    file: str
    line: int


@dataclass
class LintLine:
    """The `line` section: entry, give_up, voices and global keys, with the file that sets it."""

    raw: LineDict
    file: str
    at: int = 0  # the line of the `line:` key itself

    def target(self, name: str) -> str | None:
        """`entry` or `give_up` as written: line targets must already name `flow.node`."""
        return text_of(self.raw.get(name))

    def line_of(self, name: str) -> int:
        """The line of one of the section's keys."""
        return self.raw.key_lines.get(name, self.raw.line)

    def keys(self) -> dict[str, tuple[str | None, int]]:
        """The global keys: key -> (where it leads, as written, or None; line)."""
        keys = self.raw.get("keys")
        if not isinstance(keys, LineDict):
            return {}
        found = {}
        for key, spec in keys.items():
            goto = text_of(spec.get("goto")) if isinstance(spec, LineDict) else None
            found[str(key)] = (goto, keys.key_lines[key])
        return found

    def entries(self) -> dict[str, tuple[str, int]]:
        """The `entry` and the other named ways in (`entries:`): name -> (target as written, line)."""
        entry = self.target("entry")
        found = {"entry": (entry, self.line_of("entry"))} if entry else {}
        entries = self.raw.get("entries")
        if isinstance(entries, LineDict):
            found |= {f"entry {name}": (t, entries.key_lines[name]) for name, t in entries.items() if text_of(t)}
        return found

    def voices(self) -> dict[str, str]:
        """The voice per language, when given as text."""
        voices = self.raw.get("voices")
        return {k: v for k, v in voices.items() if isinstance(v, str)} if isinstance(voices, LineDict) else {}


@dataclass(frozen=True)
class FlowInfo:
    """A flow's name, file and start node."""

    name: str
    file: str
    start: str | None
    start_line: int


@dataclass
class LintModel:
    """Everything the rules look at, and what reading the files already found wrong."""

    files: list[str] = field(default_factory=list)
    nodes: dict[str, LintNode] = field(default_factory=dict)  # by `flow.node`, in file order
    prompts: dict[str, LintPrompt] = field(default_factory=dict)
    flows: dict[str, FlowInfo] = field(default_factory=dict)
    line: LintLine | None = None
    unreadable: list[str] = field(default_factory=list)
    invalid: list[Problem] = field(default_factory=list)  # YAML syntax and schema violations
    duplicates: list[Problem] = field(default_factory=list)  # keys, flows, prompts or lines twice
    # The loader's own FlowSet, when every file reads cleanly, for the rules that need its analysis.
    flowset: FlowSet | None = None
    places: Places | None = None
    analysis: tuple | None = field(default=None, repr=False)  # (names, problems) of the last analysis

    def node(self, target: str | None) -> LintNode | None:
        """The node a `flow.node` target names, if it exists."""
        return self.nodes.get(target) if target else None

    def spoken(self, node: LintNode, languages, fields=("prompt", "reprompt")) -> list[str]:
        """The texts of a node's defined prompts in these languages."""
        prompts = [self.prompts.get(node.field(name) or "") for name in fields]
        return [p.texts[lang] for p in prompts if p for lang in languages if lang in p.texts]

    def gathers(self) -> list[LintNode]:
        """The menus and inputs: where the caller is asked for something."""
        return [node for node in self.nodes.values() if node.gathers]
