"""A small pure-Python evaluator of the compiled form. It has two jobs only: the oracle of the
differential test that proves the advisor's matching right on every shape the compiler emits
(durable_rules matching probes, inference combining them), and the "why not" explanation of
rules that did not fire. It never decides a ranking."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from advisor.engine.compiler import CompiledPack, Probe, Test, evaluate_formula
from advisor.engine.inference import MatchSession
from advisor.model.facts import Fact, FactValue, Scalar, derived_fact
from advisor.rulebook.effects import DeriveEffect
from advisor.rulebook.rules import Rule


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

    def match_facts(self, facts: Sequence[Fact]) -> list[tuple[str, str]]:
        return [
            (probe.id, fact.id)
            for fact in facts
            for probe in self.compiled.probes
            if probe_holds(probe, fact)
        ]


def reference_fired(
    compiled: CompiledPack, rules: Mapping[str, Rule], facts: Sequence[Fact]
) -> tuple[list[str], list[Fact]]:
    """The rules that fire, in pack order, and every fact (the given ones, then the derived),
    computed the plain way: stratum by stratum, every rule of the stratum evaluated over every
    probe's truth on every fact so far. Shares nothing with inference's candidate selection or
    its `holds`, so the differential test compares two independent combinations."""
    facts = list(facts)
    fired: list[str] = []
    derived: dict[tuple[str, Scalar], Fact] = {}
    for stratum in range(compiled.strata):
        truth = {p.id: any(probe_holds(p, f) for f in facts) for p in compiled.probes}
        for rule in compiled.rules_in(stratum):
            if not evaluate_formula(rule.formula, truth):
                continue
            fired.append(rule.id)
            for effect in rules[rule.id].then:
                key = (effect.name, effect.value) if isinstance(effect, DeriveEffect) else None
                if key is not None and key not in derived:
                    derived[key] = derived_fact(len(derived), key[0], key[1], rule.id)
                    facts.append(derived[key])
    return fired, facts


class ReferenceMatcher:
    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled

    @contextmanager
    def session(self) -> Iterator[MatchSession]:
        yield ReferenceSession(self.compiled)
