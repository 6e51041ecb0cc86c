"""Profile paths: the one grammar that names a place in a profile, and the helpers that read,
write and show one.

    path   := name part*
    part   := "." name | "[" digits "]" | "." digits
    name   := [A-Za-z_][A-Za-z0-9_]*

`objectives[0].metric` is the written form (what every message shows); `objectives.0.metric`
is read the same way (the step library has always accepted it). A path starts with a field
name, has no empty parts, and nothing else: `a..b`, `a.`, `[0].x`, `a b` are refused with
one wording, wherever the path was written (`advisor whatif --set`, a feature's step, the
interview's answers).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from advisor.errors import AdvisorError, Problem, shown
from advisor.model.annotations import is_model, nested_model

PathPart = str | int
ProfilePath = tuple[PathPart, ...]

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\.(\d+)(?=[.\[]|$)|(\.)")
_HINT = "write paths like resources.staff_hours_per_week or objectives[0].metric"


class PathError(AdvisorError):
    """A profile path that cannot be read, or does not lead anywhere in the data."""


def parse_path(text: str) -> ProfilePath:
    """`objectives[0].metric` -> ("objectives", 0, "metric"); an error names what is wrong."""
    parts: list[PathPart] = []
    pos = 0
    expect_name = True
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise PathError(
                Problem(f"cannot read path '{text}' at character {pos + 1}", field=text,
                        hint=_HINT)
            )
        name, index, dotted_index, dot = m.groups()
        if dot:
            if expect_name:
                raise PathError(Problem(f"empty part in path '{text}'", field=text))
            expect_name = True
        elif name is not None:
            if not expect_name:
                raise PathError(Problem(f"missing '.' before '{name}' in '{text}'", field=text))
            parts.append(name)
            expect_name = False
        else:
            # `[0]` follows a part; `.0` is the same index written with a dot.
            if (expect_name and parts) or (dotted_index is not None and not parts):
                raise PathError(Problem(f"empty part in path '{text}'", field=text))
            parts.append(int(index if index is not None else dotted_index))
            expect_name = False
        pos = m.end()
    if not parts or expect_name or isinstance(parts[0], int):
        raise PathError(Problem(f"'{text}' is not a profile path", field=text,
                                hint="e.g. resources.staff_hours_per_week"))
    return tuple(parts)


def show_path(path: Sequence[PathPart]) -> str:
    """`objectives[0].metric`; keys escaped and bounded like any text echoed back."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = shown(part, quote=False)
            out += f".{text}" if out else text
    return out


def model_at(model: type[BaseModel], path: Sequence[PathPart]) -> type[BaseModel] | None:
    """The model at a path of field names (list indexes skipped), if there is one."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not is_model(current):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = nested_model(info.annotation)
    return current if is_model(current) else None


def get_at(data: Any, path: Sequence[PathPart]) -> Any:
    """The value at a path in profile data (plain mappings and lists), or None when absent."""
    node = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    return node


def set_at(
    data: dict[str, Any],
    path: Sequence[PathPart],
    value: Any,
    *,
    remove: bool = False,
    grow: bool = False,
) -> None:
    """Put a value at a path in profile data, making the mappings (and, with `grow`, the list
    entries up to an index) on the way; an index one past a list's end appends. With `remove`,
    take the value at the path out instead."""
    node: Any = data
    for i, part in enumerate(path[:-1]):
        empty: Any = [] if isinstance(path[i + 1], int) else {}
        if isinstance(part, int):
            while grow and part >= len(node):
                node.append(copy.deepcopy(empty))
            if part >= len(node):
                raise PathError(Problem(
                    f"'{show_path(path[: i + 1])}' does not exist: the list has {len(node)} "
                    "entries (they are numbered from 0)", field=show_path(path)))
            node = node[part]
        else:
            if node.get(part) is None:
                node[part] = empty
            node = node[part]
    last = path[-1]
    if isinstance(last, int):
        if last > len(node):
            raise PathError(Problem(f"'{show_path(path)}': the list has {len(node)} entries",
                                    field=show_path(path)))
        if remove:
            if last < len(node):
                node.pop(last)
        elif last == len(node):
            node.append(value)
        else:
            node[last] = value
    elif remove:
        node.pop(last, None)
    else:
        node[last] = value


def show_value(value: object) -> str:
    """A profile value as messages show it: `true`, `20`, `[a, b]`, `(absent)` for none."""
    if value is None:
        return "(absent)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(show_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
