"""Conditions: the `when` of a rule, parsed into frames (one fact kind and its field tests)
combined with all/any/not, checked against the fact schema and the channel catalogue."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from advisor.model.facts import CHANNEL_FIELDS, FACT_SCHEMA, FieldSpec, Scalar
from advisor.model.suggest import did_you_mean
from advisor.rulebook.language import OPS, LocatedProblem, Problems, YamlPath


@dataclass(frozen=True)
class FieldTest:
    """One test of one field of one fact, e.g. `segment eq physicians`."""

    field: str
    op: str
    value: Scalar | tuple[Scalar, ...]


@dataclass(frozen=True)
class Frame:
    """There is a fact of `kind` on which every test holds."""

    kind: str
    tests: tuple[FieldTest, ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class NotOf:
    item: Condition


Condition = Frame | AllOf | AnyOf | NotOf


def frames_of(condition: Condition) -> Iterator[tuple[Frame, bool]]:
    """Every frame of a condition with whether it is read positively (not under an odd `not`)."""

    def walk(node: Condition, positive: bool) -> Iterator[tuple[Frame, bool]]:
        if isinstance(node, Frame):
            yield node, positive
        elif isinstance(node, NotOf):
            yield from walk(node.item, not positive)
        else:
            for item in node.items:
                yield from walk(item, positive)

    return walk(condition, True)


_LIST_OPS = {"contains", "contains_any", "contains_all", "exists"}
_ORDER_OPS = {"lt", "le", "gt", "ge"}


def _check_scalar(
    value: Any, spec: FieldSpec, path: YamlPath, channels: frozenset[str], is_channel: bool
) -> Scalar:
    """One value a field is compared with must have the field's type (durable_rules itself would
    happily find "10" equal to 10)."""
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise LocatedProblem(path, f"expected true or false, got {value!r}")
        return value
    if spec.type in ("int", "number"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise LocatedProblem(path, f"expected a number, got {value!r}")
        # NaN passes every comparison and cannot be serialized for the engine: refuse it too.
        if not abs(value) <= 1e12:
            raise LocatedProblem(path, f"number {value!r} is out of range (at most 1e12)")
        return value
    if spec.type == "text" and isinstance(value, bool | int | float):
        if isinstance(value, float) and not abs(value) <= 1e12:
            raise LocatedProblem(path, f"number {value!r} is out of range (at most 1e12)")
        return value
    if not isinstance(value, str):
        raise LocatedProblem(path, f"expected text, got {value!r}")
    if len(value.encode()) > 1000:
        raise LocatedProblem(path, "text values in conditions are limited to 1000 bytes")
    if spec.choices is not None and value not in spec.choices:
        raise LocatedProblem(
            path, f"unknown value '{value}'", did_you_mean(value, spec.choices)
        )
    if is_channel and value not in channels:
        raise LocatedProblem(path, f"unknown channel '{value}'", did_you_mean(value, channels))
    return value


def _parse_test(
    kind: str,
    name: str,
    op: str,
    value: Any,
    spec: FieldSpec,
    path: YamlPath,
    channels: frozenset[str],
) -> FieldTest:
    is_channel = (kind, name) in CHANNEL_FIELDS
    item_spec = FieldSpec("str", spec.choices) if spec.type == "list" else spec
    if op == "exists":
        if not isinstance(value, bool):
            raise LocatedProblem(path, "exists takes true or false")
        return FieldTest(name, op, value)
    if spec.type == "list" and op not in _LIST_OPS:
        raise LocatedProblem(
            path,
            f"'{op}' does not apply to the list field '{name}'",
            "use contains, contains_any, contains_all or a count field of the summary",
        )
    if spec.type != "list" and op in _LIST_OPS:
        raise LocatedProblem(path, f"'{op}' applies to list fields only; '{name}' is not a list")
    if op in _ORDER_OPS and spec.type not in ("int", "number"):
        raise LocatedProblem(path, f"'{op}' compares numbers; '{name}' is {spec.type}")
    if op in ("in", "not_in", "contains_any", "contains_all"):
        if not isinstance(value, list) or not value:
            raise LocatedProblem(path, f"'{op}' takes a non-empty list of values")
        if len(value) > 50:
            raise LocatedProblem(path, f"'{op}' takes at most 50 values")
        items = tuple(
            _check_scalar(v, item_spec, (*path, i), channels, is_channel)
            for i, v in enumerate(value)
        )
        return FieldTest(name, op, items)
    if isinstance(value, list | dict) or value is None:
        raise LocatedProblem(path, f"'{op}' takes one value, got {value!r}")
    return FieldTest(name, op, _check_scalar(value, item_spec, path, channels, is_channel))


def _parse_frame(
    kind: str, body: Any, path: YamlPath, channels: frozenset[str]
) -> Frame:
    if isinstance(body, str) and kind == "derived":
        body = {"name": body}
    if not isinstance(body, Mapping) or not body:
        raise LocatedProblem(path, f"'{kind}' takes a mapping of field: test")
    tests: list[FieldTest] = []
    problems = Problems()
    for name, raw in body.items():
        found = problems.attempt(_parse_field, kind, name, raw, (*path, name), channels)
        tests += found or []
    problems.raise_any()
    if kind == "derived" and not any(t.field == "name" and t.op == "eq" for t in tests):
        raise LocatedProblem(path, "a derived condition must name the derived fact (name: ...)")
    return Frame(kind, tuple(tests))


def _parse_field(
    kind: str, name: Any, raw: Any, field_path: YamlPath, channels: frozenset[str]
) -> list[FieldTest]:
    """The tests of one field of a frame: `{op: value, ...}` or a shorthand."""
    schema = FACT_SCHEMA[kind]
    if name not in schema:
        raise LocatedProblem(
            field_path, f"unknown field '{name}' of {kind}", did_you_mean(str(name), schema)
        )
    spec = schema[name]
    if isinstance(raw, Mapping):
        if not raw:
            raise LocatedProblem(field_path, "empty test")
        tests: list[FieldTest] = []
        problems = Problems()
        for op, value in raw.items():
            if op not in OPS:
                problems.found.append(
                    LocatedProblem(
                        (*field_path, op), f"unknown operator '{op}'", did_you_mean(str(op), OPS)
                    )
                )
                continue
            test = problems.attempt(
                _parse_test, kind, name, op, value, spec, (*field_path, op), channels
            )
            if test is not None:
                tests.append(test)
        problems.raise_any()
        return tests
    # Shorthands: a scalar is equality (membership for a list field); a list is "one of".
    if spec.type == "list":
        op = "contains_any" if isinstance(raw, list) else "contains"
    else:
        op = "in" if isinstance(raw, list) else "eq"
    return [_parse_test(kind, name, op, raw, spec, field_path, channels)]


def parse_condition(data: Any, path: YamlPath, channels: frozenset[str]) -> Condition:
    """Parse the `when` tree: all / any / not, or a frame `{fact kind: {field: test}}`."""
    if not isinstance(data, Mapping) or len(data) != 1:
        raise LocatedProblem(
            path, "a condition is one of all: [...], any: [...], not: {...} or {fact: {...}}"
        )
    ((key, body),) = data.items()
    here = (*path, key)
    if key in ("all", "any"):
        if not isinstance(body, list) or not body:
            raise LocatedProblem(here, f"'{key}' takes a non-empty list of conditions")
        problems = Problems()
        parsed = [
            problems.attempt(parse_condition, item, (*here, i), channels)
            for i, item in enumerate(body)
        ]
        problems.raise_any()
        items = tuple(item for item in parsed if item is not None)
        return AllOf(items) if key == "all" else AnyOf(items)
    if key == "not":
        return NotOf(parse_condition(body, here, channels))
    if key not in FACT_SCHEMA:
        raise LocatedProblem(
            here,
            f"unknown fact '{key}'",
            did_you_mean(str(key), [*FACT_SCHEMA, "all", "any", "not"]),
        )
    return _parse_frame(str(key), body, here, channels)

