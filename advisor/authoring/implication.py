"""Reasoning over conditions for the checks: can a condition ever hold, and does one condition
imply another (sound, not complete)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from advisor.model.facts import FACT_SCHEMA, FieldSpec
from advisor.rulebook.conditions import AllOf, AnyOf, Condition, FieldTest, Frame, NotOf

# Kinds with exactly one fact per profile: two frames of one of these in an `all` test the same
# fact, so their tests must hold together.
SINGLETON_KINDS = frozenset({"organization", "strategy", "resources", "bottlenecks", "summary"})


# ---------------------------------------------------------------- can a condition ever hold?


def never_fires(condition: Condition) -> str | None:
    """Why a condition can never hold, or None when it may. Sound but not complete: it finds
    contradictory tests of one field (eq a and eq b, lt 3 and gt 5, a count below zero...)."""
    if isinstance(condition, Frame):
        return _frame_contradiction(condition.kind, condition.tests)
    if isinstance(condition, NotOf):
        return None
    reasons = [never_fires(item) for item in condition.items]
    if isinstance(condition, AnyOf):
        if all(reasons):
            return "every branch of 'any' can never fire (" + "; ".join(map(str, reasons)) + ")"
        return None
    for reason in reasons:
        if reason:
            return reason
    by_kind: dict[str, list[FieldTest]] = {}
    count: dict[str, int] = {}
    for item in condition.items:
        if isinstance(item, Frame) and item.kind in SINGLETON_KINDS:
            by_kind.setdefault(item.kind, []).extend(item.tests)
            count[item.kind] = count.get(item.kind, 0) + 1
    for kind, tests in by_kind.items():
        if count[kind] > 1:
            reason = _frame_contradiction(kind, tuple(tests))
            if reason:
                return reason
    return None


def _universe(spec: FieldSpec) -> set[Any] | None:
    if spec.type == "bool":
        return {True, False}
    if spec.choices is not None and spec.type == "str":
        return set(spec.choices)
    return None


def _frame_contradiction(kind: str, tests: Sequence[FieldTest]) -> str | None:
    by_field: dict[str, list[FieldTest]] = {}
    for test in tests:
        by_field.setdefault(test.field, []).append(test)
    for name, field_tests in by_field.items():
        spec = FACT_SCHEMA[kind].get(name)
        if spec is None:
            continue
        reason = _field_contradiction(spec, name, field_tests)
        if reason:
            return f"{kind}.{name}: {reason}"
    return None


def _show(test: FieldTest) -> str:
    value = test.value
    shown = "[" + ", ".join(map(str, value)) + "]" if isinstance(value, tuple) else str(value)
    return f"{test.op} {shown}"


def _field_contradiction(spec: FieldSpec, name: str, tests: list[FieldTest]) -> str | None:
    absent = [t for t in tests if t.op == "exists" and t.value is False]
    present = [t for t in tests if not (t.op == "exists" and t.value is False)]
    if absent and present:
        return f"'exists false' and '{_show(present[0])}' cannot both hold"
    if spec.type == "list":
        return None
    allowed = _universe(spec)
    lo: tuple[float, bool] | None = None  # (bound, inclusive)
    hi: tuple[float, bool] | None = None
    if spec.type in ("int", "number") and name.endswith("_count"):
        lo = (0.0, True)  # counts are never negative
    excluded: set[Any] = set()
    for test in tests:
        value = test.value
        if test.op == "eq":
            allowed = {value} if allowed is None else allowed & {value}
        elif test.op == "in":
            values = set(value) if isinstance(value, tuple) else {value}
            allowed = values if allowed is None else allowed & values
        elif test.op == "ne":
            excluded.add(value)
        elif test.op == "not_in":
            excluded |= set(value) if isinstance(value, tuple) else {value}
        elif test.op in ("gt", "ge") and isinstance(value, int | float):
            bound = (float(value), test.op == "ge")
            if lo is None or bound[0] > lo[0] or (bound[0] == lo[0] and not bound[1]):
                lo = bound
        elif test.op in ("lt", "le") and isinstance(value, int | float):
            bound = (float(value), test.op == "le")
            if hi is None or bound[0] < hi[0] or (bound[0] == hi[0] and not bound[1]):
                hi = bound
    shown = " and ".join(_show(t) for t in tests)
    empty = lo is not None and hi is not None and (
        lo[0] > hi[0] or (lo[0] == hi[0] and not (lo[1] and hi[1]))
    )
    if empty:
        return f"no value is {shown}"
    if allowed is not None:
        left = {v for v in allowed - excluded if _within(v, lo, hi)}
        if not left:
            return f"no value is {shown}"
    return None


def _within(value: Any, lo: tuple[float, bool] | None, hi: tuple[float, bool] | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return True
    if lo is not None and (value < lo[0] or (value == lo[0] and not lo[1])):
        return False
    return not (hi is not None and (value > hi[0] or (value == hi[0] and not hi[1])))



# ---------------------------------------------------------------- does one condition imply another?


def implies(a: Condition, b: Condition) -> bool:
    """Whether every profile on which `a` holds also satisfies `b`. Sound but not complete: it
    compares the frames of one fact kind test by test (`eq a` implies `in [a, b]`, `gt 5`
    implies `gt 3`, `contains x` implies `contains_any [x, y]`), an `all` implies each of its
    parts, an `any` implies what each of its branches implies, and `not x` implies `not y` when
    `y` implies `x`."""
    if isinstance(b, AllOf):
        return all(implies(a, item) for item in b.items)
    if isinstance(a, AnyOf):
        return all(implies(item, b) for item in a.items)
    if isinstance(b, AnyOf):
        if any(implies(a, item) for item in b.items):
            return True
        return isinstance(a, AllOf) and any(implies(item, b) for item in a.items)
    if isinstance(a, AllOf):
        return any(implies(item, b) for item in a.items) or _merged_implies(a, b)
    if isinstance(b, NotOf):
        return isinstance(a, NotOf) and implies(b.item, a.item)
    if isinstance(a, NotOf):
        return False
    return _frame_implies(a, b)


def _merged_implies(a: AllOf, b: Condition) -> bool:
    """Frames of a one-per-profile kind in an `all` test the same fact: together they may imply
    a frame that none implies alone (`resources: {skills: ...}` and `resources: {moderation: ...}`
    imply a frame testing both)."""
    if not isinstance(b, Frame) or b.kind not in SINGLETON_KINDS:
        return False
    tests = tuple(
        t for item in a.items if isinstance(item, Frame) and item.kind == b.kind for t in item.tests
    )
    return _frame_implies(Frame(b.kind, tests), b)


def _frame_implies(a: Frame, b: Frame) -> bool:
    if a.kind != b.kind:
        return False
    return all(
        _tests_imply([t for t in a.tests if t.field == test.field], test) for test in b.tests
    )


def _values(test: FieldTest) -> set[Any]:
    return set(test.value) if isinstance(test.value, tuple) else {test.value}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass
class _Known:
    """What the tests of one field, all holding on one fact, say about its value."""

    allowed: set[Any] | None = None
    excluded: set[Any] = field(default_factory=set)
    contains: set[Any] = field(default_factory=set)
    any_sets: list[set[Any]] = field(default_factory=list)
    lo: tuple[float, bool] | None = None  # (bound, inclusive)
    hi: tuple[float, bool] | None = None
    present: bool = False
    absent: bool = False

    def add(self, test: FieldTest) -> None:
        op, values = test.op, _values(test)
        if op == "exists":
            self.present = self.present or test.value is True
            self.absent = self.absent or test.value is False
            return
        if op not in ("ne", "not_in"):
            self.present = True  # a value compared equal, ordered or contained is there
        if op in ("eq", "in"):
            self.allowed = values if self.allowed is None else self.allowed & values
        elif op in ("ne", "not_in"):
            self.excluded |= values
        elif op in ("contains", "contains_all"):
            self.contains |= values
        elif op == "contains_any":
            self.any_sets.append(values)
        elif op in ("gt", "ge") and _number(test.value):
            bound = (float(test.value), op == "ge")  # type: ignore[arg-type]
            if self.lo is None or bound[0] > self.lo[0] or (
                bound[0] == self.lo[0] and not bound[1]
            ):
                self.lo = bound
        elif op in ("lt", "le") and _number(test.value):
            bound = (float(test.value), op == "le")  # type: ignore[arg-type]
            if self.hi is None or bound[0] < self.hi[0] or (
                bound[0] == self.hi[0] and not bound[1]
            ):
                self.hi = bound

    def settle(self) -> None:
        """Allowed values outside the bounds drop out; numbers left bound the range."""
        if self.allowed is not None:
            self.allowed = {v for v in self.allowed if _within(v, self.lo, self.hi)}
            if self.allowed and all(_number(v) for v in self.allowed):
                self.lo = (float(min(self.allowed)), True)
                self.hi = (float(max(self.allowed)), True)

    def implies(self, goal: FieldTest) -> bool:
        goal_values = _values(goal)
        limit = float(goal.value) if _number(goal.value) else 0.0  # type: ignore[arg-type]
        lo, hi, allowed = self.lo, self.hi, self.allowed
        match goal.op:
            case "exists":
                return self.present if goal.value is True else self.absent
            case "eq" | "in":
                return allowed is not None and bool(allowed) and allowed <= goal_values
            case "ne" | "not_in":
                return all(
                    _excludes(v, allowed, self.excluded, lo, hi, self.present)
                    for v in goal_values
                )
            case "gt":
                return lo is not None and (lo[0] > limit or (lo[0] == limit and not lo[1]))
            case "ge":
                return lo is not None and lo[0] >= limit
            case "lt":
                return hi is not None and (hi[0] < limit or (hi[0] == limit and not hi[1]))
            case "le":
                return hi is not None and hi[0] <= limit
            case "contains":
                return bool(goal_values & self.contains)
            case "contains_any":
                return bool(goal_values & self.contains) or any(
                    s <= goal_values for s in self.any_sets
                )
            case "contains_all":
                return goal_values <= self.contains
        return False


def _tests_imply(tests: list[FieldTest], goal: FieldTest) -> bool:
    """Whether the tests of one field, all holding on one fact, make `goal` hold on it."""
    if any(t.op == goal.op and _values(t) == _values(goal) for t in tests):
        return True
    known = _Known()
    for test in tests:
        known.add(test)
    known.settle()
    return known.implies(goal)


def _excludes(
    value: Any,
    allowed: set[Any] | None,
    excluded: set[Any],
    lo: tuple[float, bool] | None,
    hi: tuple[float, bool] | None,
    present: bool,
) -> bool:
    """Whether the tests make `ne value` hold."""
    if value in excluded or (allowed is not None and value not in allowed):
        return True
    return present and _number(value) and not _within(value, lo, hi)
