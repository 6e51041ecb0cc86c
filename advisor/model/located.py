"""The one converter from a Pydantic ValidationError to problems located in the user's data.

Pydantic's error locations mix the path through the data with labels of its own: the union
branch it tried ('float', 'str', 'constrained-float', 'function-after[...]', a model's name),
'[key]' for a mapping key. A label can have any name a user's key can have (`date:`, `str:`),
so labels are not recognised by name: the location is walked through the data that was
validated and the model it was validated against, and a part is kept only when it is a key
or an index of that data or a field of that model. Messages that echo the user's text quote it
escaped and bounded (errors.shown); a number that is not finite gets the project's wording."""

from __future__ import annotations

import math
import re
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from advisor.errors import shown
from advisor.model.annotations import is_model, union_members
from advisor.model.suggest import did_you_mean, nearest

DataPath = tuple[str | int, ...]

_QUOTED = re.compile(r"'([^']*)'")
_ABSENT = object()
_KINDS = {
    "Profile": "profile",
    "Catalogue": "channel catalogue",
    "Manifest": "rule pack manifest",
    "RuleMeta": "rule",
}


@dataclass(frozen=True)
class Located:
    """One problem at a path of the validated data."""

    path: DataPath
    message: str
    hint: str | None
    kind: str  # Pydantic's error type: extra_forbidden, missing, literal_error, ...


def _members(annotation: Any) -> tuple[Any, ...]:
    return union_members(annotation) if annotation is not None else (Any,)


def _field(annotation: Any, name: str) -> tuple[bool, Any]:
    """Whether `annotation` (a model, a mapping, a union of them) has a field or key `name`,
    and the annotation of its value."""
    for member in _members(annotation):
        if member is Any:
            return True, Any
        if is_model(member) and name in member.model_fields:
            return True, member.model_fields[name].annotation
        origin = typing.get_origin(member)
        if origin in (dict, Mapping) or member is dict:
            args = typing.get_args(member)
            return True, args[1] if len(args) == 2 else Any
    return False, None


def _item(annotation: Any) -> tuple[bool, Any]:
    for member in _members(annotation):
        if member is Any:
            return True, Any
        origin = typing.get_origin(member)
        if origin in (list, tuple, Sequence) or member in (list, tuple):
            args = typing.get_args(member)
            return True, args[0] if args else Any
    return False, None


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [m for m in _members(annotation) if is_model(m)]


def data_path(
    loc: Sequence[Any], model: type[BaseModel], data: Any
) -> tuple[DataPath, list[type[BaseModel]]]:
    """The path through the data that a Pydantic location names, and the models that could
    hold its last part (for a did-you-mean)."""
    path: list[str | int] = []
    annotation: Any = model
    current: Any = data
    parents: list[type[BaseModel]] = [model]
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            if isinstance(current, list) and 0 <= part < len(current):
                ok, inner = _item(annotation)
                if ok:
                    path.append(part)
                    current, annotation = current[part], inner
            continue
        if not isinstance(part, str):
            continue
        ok, inner = _field(annotation, part)
        in_data = isinstance(current, Mapping) and part in current
        if in_data and (ok or _models(annotation)):
            # A key of the data where a model or a mapping stands: a field, or an unknown key.
            parents = _models(annotation)
            path.append(part)
            current, annotation = current[part], inner if ok else Any
        elif ok and (current is _ABSENT or isinstance(current, Mapping)):
            # A field of the model the data lacks (a missing field).
            parents = _models(annotation)
            path.append(part)
            current, annotation = _ABSENT, inner
        # Anything else is a label of Pydantic's (a union branch, '[key]'): not in the data.
    return tuple(path), parents


def _not_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def located_problems(
    err: ValidationError, model: type[BaseModel], data: Any
) -> list[Located]:
    """Every error of `err` located in `data`, one per path (a union reports one per branch:
    the first is kept), with the project's wording where the user's text is echoed. A field
    reported missing because its key was misspelt (`tipe:` for `type:`) is left out: the unknown
    key, with its did-you-mean, is that problem."""
    if isinstance(data, Mapping) and data and not any(
        isinstance(key, str) and key in model.model_fields for key in data
    ):
        # Not this kind of file at all (say /etc/shadow named as a pack file): one problem and
        # a short excerpt, never every key of it echoed back.
        what = _KINDS.get(model.__name__, model.__name__.lower())
        first = shown(next(iter(data)))
        return [Located((), f"not a {what}: none of its keys is a known field (the first is "
                        f"{first})", None, "not_this_kind")]
    out: list[Located] = []
    seen: set[DataPath] = set()
    meant: set[DataPath] = set()  # the paths that misspelt keys probably meant
    for item in err.errors():
        path, parents = data_path(item["loc"], model, data)
        kind = item["type"]
        value = item.get("input")
        hint = None
        if kind == "extra_forbidden" and path:
            name = str(path[-1])
            message = f"unknown field {shown(name)}"
            fields = [f for m in parents for f in m.model_fields]
            hint = did_you_mean(name, fields) if len(name) <= 200 else None
            meant.update((*path[:-1], f) for f in nearest(name, fields))
        elif kind == "literal_error":
            choices = _QUOTED.findall(str(item.get("ctx", {}).get("expected", "")))
            message = f"unknown value {shown(value)}"
            guess = did_you_mean(str(value), choices) if isinstance(value, str) else None
            hint = guess or (f"expected one of: {', '.join(choices)}" if choices else None)
        elif kind == "missing":
            message = "required field is missing"
        elif kind.startswith(("date_", "datetime_")):
            message = f"bad value: {shown(value)} is not a date (write YYYY-MM-DD)"
        elif _not_finite(value):
            message = f"a number must be finite, got {shown(value)}"
        else:
            message = item["msg"]
        if path in seen:
            continue
        seen.add(path)
        out.append(Located(path, message, hint, kind))
    return [p for p in out if not (p.kind == "missing" and p.path in meant)]
