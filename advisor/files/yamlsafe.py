"""Parse YAML or JSON text into plain data plus the line of every key and item, safely:
no aliases (so no alias bombs), no duplicate keys, bounded depth and size, no Python tags."""

from __future__ import annotations

import re
from typing import Any, Literal

import yaml

from advisor.errors import InputError, Problem, shown
from advisor.files.jsonsafe import parse_json
from advisor.model.paths import show_path

MAX_DEPTH = 40
MAX_NODES = 200_000

_Y = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(f"{_Y}{name}" for name in ("str", "int", "float", "bool", "null"))

# Collections may carry only their own implicit tags: `!!python/object:x {...}` or `!!set` on a
# mapping would otherwise be read as a plain mapping, silently, instead of being refused.
_COLLECTION_TAGS = frozenset(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))

Path = tuple[str | int, ...]
LineMap = dict[Path, int]


def _too_deep() -> str:
    return f"document is nested deeper than {MAX_DEPTH} levels"


class _Converter:
    def __init__(self, source: str, loader: Any) -> None:
        self.source = source
        self.loader = loader
        self.lines: LineMap = {}
        self.nodes = 0

    def fail(self, node: yaml.Node, message: str) -> InputError:
        return InputError(Problem(message, self.source, node.start_mark.line + 1))

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(node, f"document has more than {MAX_NODES} values")
        if depth > MAX_DEPTH:
            raise self.fail(node, _too_deep())
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.CollectionNode) and node.tag not in _COLLECTION_TAGS:
            raise self.fail(node, f"YAML tag {node.tag} is not allowed: data files hold plain data")
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.fail(key_node, "mapping keys must be plain text")
                if key_node.tag == "tag:yaml.org,2002:merge" or (
                    key_node.value == "<<" and not key_node.style
                ):
                    raise self.fail(key_node, "YAML merge keys (<<) are not allowed")
                key = key_node.value
                if key in out:
                    raise self.fail(key_node, f"duplicate key '{key}'")
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = self.convert(value_node, (*path, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.lines[(*path, i)] = item.start_mark.line + 1
                items.append(self.convert(item, (*path, i), depth + 1))
            return items
        if node.tag not in _PLAIN_TAGS:
            raise self.fail(node, f"YAML tag {node.tag} is not allowed: data files hold plain data")
        if _SURROGATE.search(node.value):
            raise self.fail(
                node, "bad value: a lone surrogate escape (\\ud800-\\udfff) is not a character"
            )
        try:
            return _core_scalar(node.tag, node.value)
        except ValueError as err:
            raise self.fail(node, f"bad value: {err}") from None


class _CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema, as `advisor schema profile` tells editors: only true/false (True,
    TRUE, False, FALSE) are booleans (`country: NO` is Norway, `yes`, `on`, `off` are text), no
    timestamps (dates stay text until the model reads them), no sexagesimal or `1_000`
    numbers; `017` is seventeen, `0o17` and `0x1F` are octal and hexadecimal."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _CoreResolver.add_implicit_resolver(_Y + _tag, re.compile(_pattern), list(_first))


_SURROGATE = re.compile("[\ud800-\udfff]")
_NAN = float("nan")  # one object: data holding NaN compares equal to itself


def _core_scalar(tag: str, value: str) -> Any:
    """A scalar of the core schema's tags (implicit or written `!!int` etc.); ValueError when
    the text is not one."""
    if tag == _Y + "str":
        return value
    if tag == _Y + "null":
        if value in ("", "~", "null", "Null", "NULL"):
            return None
    elif tag == _Y + "bool":
        if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return value.lower() == "true"
    elif tag == _Y + "int":
        if len(value) > 4000:  # Python's own limit is 4300 digits
            raise ValueError(f"{shown(value)} has too many digits")
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        if re.fullmatch(r"[-+]?[0-9]+", value):
            return int(value, 10)
    elif tag == _Y + "float":
        lowered = value.lower()
        if lowered in (".inf", "+.inf", "-.inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered == ".nan":
            return _NAN
        if re.fullmatch(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?", value):
            return float(value)
    raise ValueError(f"{shown(value)} is not a {tag.removeprefix(_Y)}")


# PyYAML ships no type information for these classes' parser half: typed as Any here.
_Composer: Any = yaml.composer.Composer
_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)


class _NoAliasComposer(_Composer):  # type: ignore[misc]
    """PyYAML's composer, refusing anchors' use (shared nodes are how alias bombs grow) and
    counting depth as it composes: a document nested too deeply is refused in the project's
    words before either parser (libyaml stops at its own limit, worded its own way) or Python's
    recursion limit is reached."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed", event.start_mark
            )
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, _too_deep(), self.peek_event().start_mark
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self) -> Any:
        """PyYAML's, worded by the project when a second document follows the first."""
        self.get_event()  # the stream's start
        document = None
        if not self.check_event(yaml.StreamEndEvent):
            document = self.compose_document()
        if not self.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                None, None, "a file holds one document: another document starts here",
                self.peek_event().start_mark,
            )
        self.get_event()
        return document


class _PurePythonLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _NoAliasComposer,
    yaml.constructor.SafeConstructor,
    _CoreResolver,
):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _CoreResolver.__init__(self)


_Loader: Any = _PurePythonLoader
# libyaml's C parser reads a rule pack about 5x faster than PyYAML's pure-Python scanner (most of
# `advisor assess`'s start-up went there); the composer above it stays PyYAML's, so aliases,
# tags and duplicate keys are refused the same way. PyYAML built without libyaml falls back.
if _CParser is not None:

    class _LibyamlLoader(
        _NoAliasComposer,
        _CParser,  # type: ignore[misc]
        yaml.constructor.SafeConstructor,
        _CoreResolver,
    ):
        def __init__(self, text: str) -> None:
            yaml.reader.Reader(text)  # refuses control characters as the pure-Python loader does
            _CParser.__init__(self, text)
            _Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _CoreResolver.__init__(self)

    _Loader = _LibyamlLoader


Syntax = Literal["yaml", "json", "auto"]


def syntax_of(name: str) -> Syntax:
    """How a file is read, by its name: `.json` as JSON (RFC 8259), anything else as YAML."""
    return "json" if name.lower().endswith(".json") else "yaml"


def parse_document(text: str, source: str, syntax: Syntax = "yaml") -> tuple[Any, LineMap]:
    """The data of one YAML or JSON document and a map from each path to its line (1-based).
    `auto` (standard input) reads the text as JSON when it is JSON, else as YAML."""
    if syntax == "json":
        return parse_json(text, source, MAX_DEPTH, MAX_NODES)
    if syntax == "auto" and text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        try:
            return parse_json(text, source, MAX_DEPTH, MAX_NODES)
        except InputError:
            pass  # a YAML flow collection, or broken: YAML's verdict
    try:
        return _parse_with(_Loader, text, source)
    except _SyntaxError as err:
        if _Loader is _PurePythonLoader:
            raise err.error from None
        # libyaml words its refusals its own way (and differently from version to version, e.g.
        # its own nesting limit): the pure-Python parser, under the same composer, words the
        # error when it refuses the text too; libyaml's verdict stands when it does not.
        try:
            # What libyaml alone refuses (a lone surrogate escape, say) is read as PyYAML reads
            # it, and any value the project refuses is refused in the project's words.
            return _parse_with(_PurePythonLoader, text, source)
        except _SyntaxError as slow:
            raise slow.error from None


class _SyntaxError(Exception):
    """A text the parser refused (not a value the converter refused), as its InputError."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


def _parse_with(loader_class: Any, text: str, source: str) -> tuple[Any, LineMap]:
    try:
        # The reader refuses control characters as soon as it is built: inside the try.
        loader = loader_class(text)
    except yaml.reader.ReaderError as err:
        message = f"not valid YAML/JSON: character #x{err.character:04x} is not allowed in YAML"
        at = text[: err.position].count("\n") + 1
        raise InputError(Problem(message, source, at)) from None
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + 1 if mark is not None else None
            if line is not None:
                # At the end of the text libyaml points past the last line: name the last one.
                line = min(line, max(1, len(text.splitlines())))
            what = err.problem or err.context or "not valid YAML"
            if what != _too_deep():
                what = f"not valid YAML/JSON: {what}"
            raise _SyntaxError(InputError(Problem(what, source, line))) from None
        except yaml.YAMLError as err:
            raise _SyntaxError(InputError(Problem(f"not valid YAML/JSON: {err}", source))) from None
        except RecursionError:
            raise _SyntaxError(InputError(Problem(_too_deep(), source))) from None
        if node is None:
            raise InputError(Problem("file is empty", source, 1))
        converter = _Converter(source, loader)
        data = converter.convert(node, (), 0)
        return data, converter.lines
    finally:
        loader.dispose()


def line_of(lines: LineMap, path: Path) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]


def format_path(path: Path) -> str:
    """`objectives[0].metric`; keys escaped and bounded like any text echoed back."""
    return show_path(path)
