"""Parse JSON text (RFC 8259) into plain data plus the line of every key and item, with the
limits of advisor.yamlsafe: bounded depth (without recursion: no RecursionError at any depth)
and value count, no duplicate keys, no lone surrogates, no number Python cannot hold.

A `.json` file and JSON on standard input are read by this parser, not by the YAML parser:
YAML 1.1 is not a superset of JSON (it refuses a raw DEL or U+FFFF in a string, reads an
escaped surrogate pair as an error and a raw U+0085 as a line break), so valid JSON was refused
or changed. Errors are worded here, never by the json module."""

from __future__ import annotations

import bisect
import json.decoder
import re
from typing import Any

from advisor.errors import InputError, Problem, shown

Path = tuple[str | int, ...]
LineMap = dict[Path, int]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERALS = (("true", True), ("false", False), ("null", None))
_scanstring: Any = getattr(json.decoder, "scanstring")  # noqa: B009 (untyped in typeshed)


def _skip(text: str, pos: int) -> int:
    """The position of the next character that is not JSON whitespace."""
    match = _WS.match(text, pos)
    return match.end() if match is not None else pos


class _Container:
    __slots__ = ("key", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: Path) -> None:
        self.value = value
        self.path = path
        self.key: str | None = None  # the key whose value comes next (objects)


def parse_json(text: str, source: str, max_depth: int, max_nodes: int) -> tuple[Any, LineMap]:
    """The data of one JSON document and a map from each path to its line (1-based)."""
    return _Parser(text, source, max_depth, max_nodes).document()


class _Parser:
    """One pass over the text with an explicit stack of open containers (no recursion)."""

    def __init__(self, text: str, source: str, max_depth: int, max_nodes: int) -> None:
        self.text = text
        self.source = source
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.breaks = [i for i, char in enumerate(text) if char == "\n"]
        self.lines: LineMap = {}
        self.stack: list[_Container] = []
        self.nodes = 0
        self.pos = 0
        self.root: Any = None
        self.done = False
        self.expect_value = True  # after '[' , ':' or ',' (or at the start)

    def line_at(self, pos: int) -> int:
        return bisect.bisect_right(self.breaks, pos - 1) + 1

    def fail(self, pos: int, message: str) -> InputError:
        return InputError(Problem(f"not valid JSON: {message}", self.source, self.line_at(pos)))

    def document(self) -> tuple[Any, LineMap]:
        text = self.text
        self.pos = _skip(text, 0)
        if self.pos == len(text):
            raise InputError(Problem("file is empty", self.source, 1))
        while True:
            self.pos = _skip(text, self.pos)
            if self.done:
                if self.pos != len(text):
                    raise self.fail(self.pos, "text after the end of the document")
                return self.root, self.lines
            if self.pos == len(text):
                raise self.fail(self.pos, "the text ends inside an object or array")
            top = self.stack[-1] if self.stack else None
            if self.expect_value:
                self.value(top)
            else:
                assert top is not None
                self.after_value(top)

    def close(self) -> None:
        """The end of the innermost container: the document is done when it was the root."""
        self.stack.pop()
        self.pos += 1
        if not self.stack:
            self.done = True

    def after_value(self, top: _Container) -> None:
        """After a value inside a container: ',' or the container's end."""
        char = self.text[self.pos]
        closing = "}" if isinstance(top.value, dict) else "]"
        if char == closing:
            self.close()
            return
        if char != ",":
            raise self.fail(self.pos, f"expected ',' or '{closing}', found {shown(char)}")
        self.pos = _skip(self.text, self.pos + 1)
        if isinstance(top.value, dict):
            self.pos = _key(self.text, self.pos, top, self.lines, self.fail, self.line_at)
        self.expect_value = True

    def value(self, top: _Container | None) -> None:
        """A value where one is expected: a scalar, or the start of an object or array."""
        pos, char = self.pos, self.text[self.pos]
        if top is not None and isinstance(top.value, list):
            path: Path = (*top.path, len(top.value))
        elif top is not None:
            assert top.key is not None
            path = (*top.path, top.key)
        else:
            path = ()
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise InputError(
                Problem(
                    f"document has more than {self.max_nodes} values",
                    self.source,
                    self.line_at(pos),
                )
            )
        self.lines.setdefault(path, self.line_at(pos))
        if char in "{[":
            self.open(char, path, top)
            return
        value, self.pos = _scalar(self.text, pos, self.fail)
        _attach(top, self.root, value)
        if top is None:
            self.root = value
            self.done = True
        self.expect_value = False

    def open(self, char: str, path: Path, top: _Container | None) -> None:
        """'{' or '[': a new container, closed at once when it is empty."""
        if len(self.stack) > self.max_depth:
            raise InputError(
                Problem(
                    f"document is nested deeper than {self.max_depth} levels",
                    self.source,
                    self.line_at(self.pos),
                )
            )
        container = _Container({} if char == "{" else [], path)
        _attach(top, self.root, container.value)
        if top is None:
            self.root = container.value
        self.stack.append(container)
        self.pos = _skip(self.text, self.pos + 1)
        end = "}" if char == "{" else "]"
        if self.pos < len(self.text) and self.text[self.pos] == end:
            self.close()
            self.expect_value = False
            return
        if char == "{":
            self.pos = _key(self.text, self.pos, container, self.lines, self.fail, self.line_at)


def _attach(top: _Container | None, root: Any, value: Any) -> None:
    if top is None:
        return
    if isinstance(top.value, list):
        top.value.append(value)
    else:
        assert top.key is not None
        top.value[top.key] = value


def _key(text: str, pos: int, obj: _Container, lines: LineMap, fail: Any, line_at: Any) -> int:
    """Read `"key" :` of an object; return the position of its value."""
    if pos >= len(text) or text[pos] != '"':
        found = shown(text[pos]) if pos < len(text) else "the end of the text"
        raise fail(pos, f"expected a key in double quotes, found {found}")
    key, end = _string(text, pos, fail)
    assert isinstance(obj.value, dict)
    if key in obj.value:
        raise fail(pos, f"duplicate key {shown(key)}")
    lines[(*obj.path, key)] = line_at(pos)
    end = _skip(text, end)
    if end >= len(text) or text[end] != ":":
        raise fail(end, "expected ':' after a key")
    obj.key = key
    return _skip(text, end + 1)


def _string(text: str, pos: int, fail: Any) -> tuple[str, int]:
    try:
        value, end = _scanstring(text, pos + 1, True)
    except (ValueError, IndexError):
        raise fail(pos, "bad text string (an unescaped control character, a bad escape "
                   "or no closing quote)") from None
    if _SURROGATE.search(value):
        raise fail(pos, "a lone surrogate escape (\\ud800-\\udfff) is not a character")
    return str(value), int(end)


def _scalar(text: str, pos: int, fail: Any) -> tuple[Any, int]:
    char = text[pos]
    if char == '"':
        return _string(text, pos, fail)
    for word, value in _LITERALS:
        if text.startswith(word, pos):
            return value, pos + len(word)
    match = _NUMBER.match(text, pos)
    if match is None or match.end() == pos:
        raise fail(pos, f"expected a value, found {shown(text[pos:pos + 10])}")
    number = match.group()
    if match.group(1) or match.group(2):
        result = float(number)
        if result in (float("inf"), float("-inf")):
            raise fail(pos, f"number {shown(number, quote=False)} is out of range")
        return result, match.end()
    try:
        return int(number), match.end()
    except ValueError:
        raise fail(pos, f"number {shown(number, quote=False)} has too many digits") from None
