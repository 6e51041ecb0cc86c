"""The workshop's form, read off the profile model: one field description per model field (enums
become choices, lists of models grow and shrink, optional values may stay "not given"), and the
way back from the browser's flat field map to profile data the profile model then validates."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from advisor.errors import AdvisorError, Problem, shown
from advisor.model.annotations import is_model, union_members
from advisor.model.paths import PathError, PathPart, parse_path, show_path
from advisor.model.profile import ChannelId, Profile

Kind = Literal["section", "items", "choice", "multi", "bool", "integer", "number",
               "number_or_text", "date", "text", "longtext"]

# The browser sends every control of the form; these bound what one post may hold.
MAX_FORM_FIELDS = 3000
MAX_TEXT_CHARS = 4000
MAX_CHOSEN = 100
_LONG_TEXT = 500  # a text field allowed more characters than this is a paragraph


class FormError(AdvisorError):
    """A post that no form of this page could have sent: an unknown field, a value of the wrong
    shape. Nothing is changed by it."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    description: str = ""  # shown when the pointer rests on the choice


@dataclass(frozen=True)
class FormField:
    """One control (or group of controls) of the form, for one field of the profile model."""

    name: str
    label: str
    kind: Kind
    optional: bool = False  # None is allowed: the field may be "not given"
    required: bool = False  # the model has no default for it
    default: Any = None
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None  # the most items of a list, or characters of a text
    help: str | None = None
    fields: tuple[FormField, ...] = ()  # a section's fields, or one item's of a list

    def child(self, name: str) -> FormField | None:
        return next((f for f in self.fields if f.name == name), None)


def _constraints(info: FieldInfo) -> list[Any]:
    """Every annotated_types constraint on a field, also those inside `Annotated[...] | None`."""
    found = list(info.metadata)

    def walk(annotation: Any) -> None:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            for item in extra:
                found.extend(getattr(item, "metadata", [item]))
            walk(base)
        elif origin in (typing.Union, types.UnionType):
            for arg in typing.get_args(annotation):
                walk(arg)

    walk(info.annotation)
    return found


def _admits_none(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _admits_none(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(arg is type(None) or _admits_none(arg) for arg in typing.get_args(annotation))
    return annotation is type(None)


def _is_channel(annotation: Any, constraints: Sequence[Any], channel_pattern: str) -> bool:
    """A channel id is text with the catalogue's id pattern: its choices are the catalogue."""
    return annotation is str and any(
        getattr(c, "pattern", None) == channel_pattern for c in constraints
    )


def _help(name: str, text: str | None) -> str | None:
    """A field's question, unless it only repeats the label."""
    if text is None or text.lower().rstrip("?") in (name.replace("_", " "), "organization name"):
        return None
    return text


_ACRONYMS = {"sme": "SME", "hipaa": "HIPAA", "cme": "CME", "it": "IT", "cms": "CMS",
             "phi": "PHI", "fda": "FDA", "accme": "ACCME", "us": "US"}


def _words(value: str) -> str:
    """An id as words: `hipaa_phi` -> `HIPAA PHI`."""
    return " ".join(_ACRONYMS.get(word, word) for word in value.split("_"))


def _label(name: str) -> str:
    words = _words(name)
    return words[:1].upper() + words[1:]


def _kind(members: tuple[Any, ...], is_channel: bool,
          constraints: Sequence[Any]) -> tuple[Kind, tuple[str, ...]]:
    """The control a field's value types call for, and its choices."""
    if typing.get_origin(members[0]) is Literal:
        return "choice", tuple(str(a) for a in typing.get_args(members[0]))
    if is_channel:
        return "choice", ()
    kinds = set(members)
    if kinds == {bool}:
        return "bool", ()
    if kinds == {int}:
        return "integer", ()
    if kinds == {float}:
        return "number", ()
    if kinds == {float, str}:
        return "number_or_text", ()
    if kinds == {dt.date}:
        return "date", ()
    longest = max((getattr(c, "max_length", 0) or 0 for c in constraints), default=0)
    return ("longtext" if longest > _LONG_TEXT else "text"), ()


def _field(name: str, info: FieldInfo, channels: tuple[Choice, ...],
           channel_pattern: str, helps: Mapping[str, str], prefix: str) -> FormField:
    constraints = _constraints(info)
    members = union_members(info.annotation)
    path = f"{prefix}{name}"
    common: dict[str, Any] = {
        "name": name,
        "label": _label(name),
        "optional": _admits_none(info.annotation),
        "required": info.is_required(),
        "default": None if info.is_required() else info.get_default(call_default_factory=True),
        "help": _help(name, info.description or helps.get(path)),
        "max_length": next((c.max_length for c in constraints
                           if getattr(c, "max_length", None) is not None), None),
    }
    if len(members) == 1 and is_model(members[0]):
        return FormField(kind="section", fields=_fields(members[0], channels, channel_pattern,
                                                        helps, f"{path}."), **common)
    if len(members) == 1 and typing.get_origin(members[0]) is list:
        item = typing.get_args(members[0])[0]
        item_members = union_members(item)
        if is_model(item_members[0]):
            return FormField(kind="items", fields=_fields(item_members[0], channels,
                                                          channel_pattern, helps, f"{path}[]."),
                             **common)
        item_constraints = list(getattr(typing.get_args(item)[1], "metadata", [])) if (
            typing.get_origin(item) is typing.Annotated) else []
        channel = _is_channel(item_members[0], item_constraints, channel_pattern)
        _, values = _kind(item_members, channel, item_constraints)
        choices = channels if channel else tuple(Choice(v, _words(v)) for v in values)
        return FormField(kind="multi", choices=choices, **common)
    channel = _is_channel(members[0], constraints, channel_pattern)
    kind, values = _kind(members, channel, constraints)
    choices = channels if channel else tuple(Choice(v, _words(v)) for v in values)
    minimum = next((float(c.ge) for c in constraints if hasattr(c, "ge")), None)
    maximum = next((float(c.le) for c in constraints if hasattr(c, "le")), None)
    return FormField(kind=kind, choices=choices, minimum=minimum, maximum=maximum, **common)


def _fields(model: type[BaseModel], channels: tuple[Choice, ...], channel_pattern: str,
            helps: Mapping[str, str], prefix: str) -> tuple[FormField, ...]:
    return tuple(_field(name, info, channels, channel_pattern, helps, prefix)
                 for name, info in model.model_fields.items())


def profile_form(channels: Sequence[Choice], helps: Mapping[str, str]) -> FormField:
    """The whole form: a section per part of the profile. `channels` are the catalogue's
    channels as choices; `helps` gives a field (by `section.field`, `list[].field`) its
    question."""
    channel_pattern = next(c.pattern for c in typing.get_args(ChannelId)[1].metadata
                           if getattr(c, "pattern", None))
    choices = tuple(sorted(channels, key=lambda c: c.value))
    return FormField(name="", label="Profile", kind="section",
                     fields=_fields(Profile, choices, channel_pattern, helps, ""))


# ---------------------------------------------------------------- from the browser back to data


def field_at(form: FormField, path: Sequence[PathPart]) -> FormField | None:
    """The form field a path names (list indexes step into a list's item), or None."""
    current: FormField | None = form
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            if current.kind != "items":
                return None
            continue
        current = current.child(part) if current.kind in ("section", "items") else None
    return current


def _number(text: str, whole: bool) -> Any:
    """A number typed in the form; text that is no number goes on as typed, for the profile
    model to say what is wrong with it in its own words."""
    try:
        number = float(text)
    except ValueError:
        return text
    if not math.isfinite(number):
        return text
    return int(number) if whole and number.is_integer() else number


def _value(field: FormField, raw: Any, key: str) -> Any:
    """The profile value of one control's raw value (None: not given)."""
    if field.kind == "bool":
        if not isinstance(raw, bool):
            raise FormError(Problem(f"expected true or false, got {shown(raw)}", "form", None,
                                    key))
        return raw
    if field.kind == "multi":
        if not isinstance(raw, list) or len(raw) > MAX_CHOSEN or not all(
                isinstance(v, str) and len(v) <= _LONG_TEXT for v in raw):
            raise FormError(Problem("expected a list of choices", "form", None, key))
        return list(dict.fromkeys(raw))
    if not isinstance(raw, str) or len(raw) > MAX_TEXT_CHARS:
        raise FormError(Problem(f"expected text of at most {MAX_TEXT_CHARS} characters",
                                "form", None, key))
    if raw.strip() == "":
        return None
    if field.kind in ("integer", "number"):
        return _number(raw.strip(), field.kind == "integer")
    if field.kind == "number_or_text":
        return _number(raw.strip(), False)
    return raw


def put_value(data: dict[str, Any], path: Sequence[PathPart], value: Any) -> None:
    """Set a value, making the mappings and the list items (up to the index) on the way."""
    node: Any = data
    for part, nxt in itertools.pairwise(path):
        empty: Any = [] if isinstance(nxt, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append({})
            node = node[part]
        else:
            if not isinstance(node.get(part), type(empty)):
                node[part] = empty
            node = node[part]
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append({})
    elif value is not None:
        node[last] = value


def form_data(form: FormField, posted: Any) -> dict[str, Any]:
    """Profile data from the browser's map of control name (a profile path) to raw value.
    An item marker (`audiences[2]` with any value) keeps an item whose controls are all empty.
    A name no control has, or a value of the wrong shape, is a FormError."""
    if not isinstance(posted, Mapping) or len(posted) > MAX_FORM_FIELDS:
        raise FormError(Problem(f"expected a map of at most {MAX_FORM_FIELDS} form fields",
                                "form"))
    parsed: list[tuple[tuple[PathPart, ...], Any]] = []
    for key, raw in posted.items():
        if not isinstance(key, str) or len(key) > 200:
            raise FormError(Problem("a form field's name is too long or not text", "form"))
        try:
            path = parse_path(key)
        except PathError:
            raise FormError(Problem(f"no form field is named {shown(key)}", "form")) from None
        field = field_at(form, path)
        is_marker = isinstance(path[-1], int) and field is not None and field.kind == "items"
        if field is None or (field.kind in ("section", "items") and not is_marker):
            raise FormError(Problem(f"no form field is named {shown(key)}", "form"))
        for depth, part in enumerate(path):
            holder = field_at(form, path[:depth])
            if isinstance(part, int) and holder and holder.max_length is not None and (
                    part >= holder.max_length):
                raise FormError(Problem(f"at most {holder.max_length} items", "form", None,
                                        show_path(path[:depth])))
        parsed.append((path, None if is_marker else _value(field, raw, key)))
    data: dict[str, Any] = {}
    # Items are padded up to an index as it comes, so the controls' order does not matter.
    for path, value in parsed:
        put_value(data, path, value)
    # A required section stays even with every control empty, so each of its required fields
    # is reported beside its own control rather than the section as one.
    for section in form.fields:
        if section.kind == "section" and section.required:
            data.setdefault(section.name, {})
    return data


def item_path(form: FormField, text: Any) -> tuple[PathPart, ...]:
    """The path of an item of one of the form's lists (`audiences[2]`), or a FormError."""
    path = None
    if isinstance(text, str) and len(text) <= 200:
        try:
            path = parse_path(text)
        except PathError:
            path = None
    holder = field_at(form, path) if path else None
    if path is None or not isinstance(path[-1], int) or holder is None or holder.kind != "items":
        raise FormError(Problem(f"no list item is named {shown(text)}", "form"))
    if holder.max_length is not None and path[-1] >= holder.max_length:
        raise FormError(Problem(f"at most {holder.max_length} items", "form", None, text))
    return path


def _leaves(data: Any, path: tuple[PathPart, ...] = ()) -> dict[str, Any]:
    """Every value of profile data by its path (a list of plain values is one value)."""
    if isinstance(data, dict):
        parts: list[tuple[PathPart, Any]] = list(data.items())
    elif isinstance(data, list) and any(isinstance(item, dict) for item in data):
        parts = list(enumerate(data))
    else:
        return {show_path(path): data} if path else {}
    return {k: v for part, inner in parts for k, v in _leaves(inner, (*path, part)).items()}


def changed_fields(before: Any, after: Any) -> list[str]:
    """The paths whose values differ between two drafts, in the order of the form."""
    old, new = _leaves(before), _leaves(after)
    return [path for path in dict.fromkeys([*new, *old]) if old.get(path) != new.get(path)]
