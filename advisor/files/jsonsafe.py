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
    breaks = [i for i, char in enumerate(text) if char == "\n"]

    def line_at(pos: int) -> int:
        return bisect.bisect_right(breaks, pos - 1) + 1

    def fail(pos: int, message: str) -> InputError:
        return InputError(Problem(f"not valid JSON: {message}", source, line_at(pos)))

    lines: LineMap = {}
    stack: list[_Container] = []
    nodes = 0
    pos = _skip(text, 0)
    if pos == len(text):
        raise InputError(Problem("file is empty", source, 1))
    root: Any = None
    done = False
    expect_value = True  # after '[' , ':' or ',' (or at the start)

    while True:
        pos = _skip(text, pos)
        if done:
            if pos != len(text):
                raise fail(pos, "text after the end of the document")
            return root, lines
        if pos == len(text):
            raise fail(pos, "the text ends inside an object or array")
        char = text[pos]
        top = stack[-1] if stack else None

        if not expect_value:
            # After a value inside a container: ',' or the container's end.
            assert top is not None
            closing = "}" if isinstance(top.value, dict) else "]"
            if char == closing:
                stack.pop()
                pos += 1
                if not stack:
                    done = True
                continue
            if char != ",":
                raise fail(pos, f"expected ',' or '{closing}', found {shown(char)}")
            pos = _skip(text, pos + 1)
            if isinstance(top.value, dict):
                pos = _key(text, pos, top, lines, fail, line_at)
            expect_value = True
            continue

        # A value is expected here.
        if top is not None and isinstance(top.value, list):
            path: Path = (*top.path, len(top.value))
        elif top is not None:
            assert top.key is not None
            path = (*top.path, top.key)
        else:
            path = ()
        nodes += 1
        if nodes > max_nodes:
            raise InputError(
                Problem(f"document has more than {max_nodes} values", source, line_at(pos))
            )
        lines.setdefault(path, line_at(pos))
        if char in "{[":
            if len(stack) > max_depth:
                raise InputError(
                    Problem(
                        f"document is nested deeper than {max_depth} levels",
                        source,
                        line_at(pos),
                    )
                )
            container = _Container({} if char == "{" else [], path)
            _attach(top, root, container.value)
            if top is None:
                root = container.value
            stack.append(container)
            pos = _skip(text, pos + 1)
            end = "}" if char == "{" else "]"
            if pos < len(text) and text[pos] == end:
                stack.pop()
                pos += 1
                expect_value = False
                if not stack:
                    done = True
                continue
            if char == "{":
                pos = _key(text, pos, container, lines, fail, line_at)
            continue
        value, pos = _scalar(text, pos, fail)
        _attach(top, root, value)
        if top is None:
            root = value
            done = True
        expect_value = False


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
