"""A small pure-Python evaluator of the compiled form. It has two jobs only: the oracle of the
differential test that proves durable_rules right on every shape the compiler emits, and the
"why not" explanation of rules that did not fire. It never decides a ranking."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from advisor.engine.compiler import CompiledPack, Probe, Test, evaluate_formula
from advisor.engine.inference import MatchSession, RuleInput
from advisor.model.facts import Fact, FactValue


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def test_holds(test: Test, fields: Mapping[str, FactValue]) -> bool:
    """Whether one atomic test holds on a fact's fields; a missing field fails every test but
    `absent`, as in durable_rules."""
    if test.op == "absent":
        return test.field not in fields
    if test.field not in fields:
        return False
    value = fields[test.field]
    if test.op == "exists":
        return True
    if test.op == "contains":
        return isinstance(value, list) and test.value in value
    if isinstance(value, list):
        return False
    if test.op == "eq":
        return _same(value, test.value)
    if test.op == "ne":
        return not _same(value, test.value)
    if not (_number(value) and _number(test.value)):
        return False
    a, b = float(value), float(test.value)
    return {"lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[test.op]


test_holds.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def _same(a: Any, b: Any) -> bool:
    # Validation keeps the types apart; a bool is never equal to a number here.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return bool(a == b)


def probe_holds(probe: Probe, fact: Fact) -> bool:
    return fact.kind == probe.kind and all(
        any(test_holds(t, fact.fields) for t in clause) for clause in probe.clauses
    )


class ReferenceSession:
    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled
        self.by_id = {r.id: r for r in compiled.rules}

    def match_facts(self, facts: Sequence[Fact]) -> list[tuple[str, str]]:
        return [
            (probe.id, fact.id)
            for fact in facts
            for probe in self.compiled.probes
            if probe_holds(probe, fact)
        ]

    def match_rules(self, inputs: Sequence[RuleInput]) -> list[str]:
        return [
            item.rule
            for item in inputs
            if evaluate_formula(
                self.by_id[item.rule].formula, {p: bool(v) for p, v in item.truth.items()}
            )
        ]


class ReferenceMatcher:
    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled

    @contextmanager
    def session(self) -> Iterator[MatchSession]:
        yield ReferenceSession(self.compiled)
