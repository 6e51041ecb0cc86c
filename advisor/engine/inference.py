"""Forward chaining over strata, independent of the matcher: assert the profile's facts, have the
matcher match every probe (each a test of one fact), combine the matched probes into the rules
that hold (`holds`, the one place rule formulas are evaluated), fire rules stratum by stratum,
and assert what fired rules derive so the next stratum can read it."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from advisor.engine.compiler import And, CompiledPack, CompiledRule, Formula, Ref
from advisor.errors import EngineError
from advisor.model.facts import Fact, Scalar, derived_fact
from advisor.rulebook.effects import DeriveEffect
from advisor.rulebook.rules import Rule

# A forward chain that keeps deriving is a rule-base bug; stop it instead of spinning forever.
MAX_DERIVED_FACTS = 1_000


class MatchSession(Protocol):
    """One assessment's isolated matching state: facts only accumulate within it."""

    def match_facts(self, facts: Sequence[Fact]) -> list[tuple[str, str]]:
        """Assert facts; return the new (probe id, fact id) matches."""


class Matcher(Protocol):
    def session(self) -> AbstractContextManager[MatchSession]: ...


@dataclass
class Inference:
    """What fired, on which facts, and what was derived on the way."""

    facts: list[Fact]
    hits: dict[str, list[str]] = field(default_factory=dict)
    fired: list[str] = field(default_factory=list)
    derived_by: dict[str, list[str]] = field(default_factory=dict)
    # What explanations compute from these hits, kept so rules sharing a probe share the work.
    memo: dict[tuple[str, ...], object] = field(default_factory=dict, repr=False, compare=False)

    def fact(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]

    def __post_init__(self) -> None:
        self._by_id = {f.id: f for f in self.facts}

    def add_facts(self, facts: Sequence[Fact]) -> None:
        self.facts.extend(facts)
        self._by_id.update((f.id, f) for f in facts)


def candidate_rules(
    compiled: CompiledPack, stratum: int, hits: Mapping[str, list[str]]
) -> list[CompiledRule]:
    """The rules of a stratum that could hold, in pack order: those reading a probe that matched,
    and those whose formula is true with every probe false (e.g. `not: ...`), known at compile
    time. Any other rule is false here, so it needs no input."""
    candidates = {r.index: r for r in compiled.rules_without_hits[stratum]}
    for probe in hits:
        for rule in compiled.rules_by_probe.get(probe, ()):
            if rule.stratum == stratum:
                candidates[rule.index] = rule
    return [candidates[i] for i in sorted(candidates)]


def holds(formula: Formula, matched: Container[str]) -> bool:
    """Whether a rule's formula holds when exactly the probes in `matched` matched a fact.
    Every probe is matched by the matcher (durable_rules); a formula is only and/or/not over
    those matches, so it is combined here, in Python, rather than asserted as a second fact
    per rule into a second network (which cost ~65 us per candidate rule and a ruleset of
    every rule held in memory). tests/test_differential.py proves it against the reference."""
    if isinstance(formula, Ref):
        return (formula.probe in matched) is formula.positive
    if isinstance(formula, And):
        return all(holds(item, matched) for item in formula.items)
    return any(holds(item, matched) for item in formula.items)


def infer(
    compiled: CompiledPack,
    rules: Mapping[str, Rule],
    facts: Sequence[Fact],
    matcher: Matcher,
) -> Inference:
    result = Inference(list(facts))
    with matcher.session() as session:
        _record(result, session.match_facts(facts))
        derived_values: dict[tuple[str, Scalar], Fact] = {}
        for stratum in range(compiled.strata):
            new_facts: list[Fact] = []
            # `hits` holds a probe only once it matched a fact: its keys are the matched probes.
            for rule in candidate_rules(compiled, stratum, result.hits):  # in pack order
                if not holds(rule.formula, result.hits):
                    continue
                result.fired.append(rule.id)
                for effect in rules[rule.id].then:
                    if not isinstance(effect, DeriveEffect):
                        continue
                    key = (effect.name, effect.value)
                    if key not in derived_values:
                        if len(derived_values) >= MAX_DERIVED_FACTS:
                            raise EngineError(
                                f"more than {MAX_DERIVED_FACTS} derived facts in one assessment: "
                                "the rule base keeps deriving"
                            )
                        fact = derived_fact(len(derived_values), effect.name, effect.value, rule.id)
                        derived_values[key] = fact
                        new_facts.append(fact)
                    result.derived_by.setdefault(derived_values[key].id, []).append(rule.id)
            if new_facts:
                result.add_facts(new_facts)
                _record(result, session.match_facts(new_facts))
    return result


def _record(result: Inference, matches: list[tuple[str, str]]) -> None:
    for probe, fact_id in matches:
        result.hits.setdefault(probe, []).append(fact_id)
    # Facts were asserted in a fixed order; keep each probe's facts in that order.
    order = {f.id: i for i, f in enumerate(result.facts)}
    for fact_ids in result.hits.values():
        fact_ids.sort(key=order.__getitem__)
