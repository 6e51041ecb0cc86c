"""What a user could run instead of durable_rules, on the same compiled pack and the same facts:
each plugs into advisor.engine.inference.infer as its matcher, so the strata, derived facts, the
combining of matched probes into rules and rule order are the same for all, and only how
conditions (probes) are matched against facts differs.

- `PythonLoopMatcher`: a plain Python loop over the compiled conditions (every probe against
  every fact), the reference evaluator's code.
- `RuleEngineMatcher`: the rule-engine library (zeroSteiner/rule-engine): each probe parsed once
  into a `rule_engine.Rule`, matched against facts grouped by kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from advisor.engine.compiler import CompiledPack, Test
from advisor.engine.inference import MatchSession
from advisor.engine.reference import ReferenceMatcher
from advisor.model.facts import Fact

PythonLoopMatcher = ReferenceMatcher


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def _test_expression(test: Test) -> str:
    f = test.field
    present = f"{f} != null"
    match test.op:
        case "absent":
            return f"{f} == null"
        case "exists":
            return present
        case "contains":
            return f"({present} and {_literal(test.value)} in {f})"
        case "eq":
            return f"{f} == {_literal(test.value)}"
        case "ne":
            return f"({present} and {f} != {_literal(test.value)})"
    op = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}[test.op]
    return f"({present} and {f} {op} {_literal(test.value)})"


class RuleEngineMatcher:
    """The compiled pack as rule-engine rules, parsed once."""

    def __init__(self, compiled: CompiledPack) -> None:
        import rule_engine

        context = rule_engine.Context(default_value=None)
        self.probes: dict[str, list[tuple[str, object]]] = {}
        for probe in compiled.probes:
            text = " and ".join(
                "(" + " or ".join(_test_expression(t) for t in clause) + ")"
                for clause in probe.clauses
            ) or "true"
            self.probes.setdefault(probe.kind, []).append(
                (probe.id, rule_engine.Rule(text, context=context))
            )

    @contextmanager
    def session(self) -> Iterator[MatchSession]:
        yield _RuleEngineSession(self)


class _RuleEngineSession:
    def __init__(self, matcher: RuleEngineMatcher) -> None:
        self.matcher = matcher

    def match_facts(self, facts: Sequence[Fact]) -> list[tuple[str, str]]:
        return [
            (probe_id, fact.id)
            for fact in facts
            for probe_id, rule in self.matcher.probes.get(fact.kind, ())
            if rule.matches(fact.fields)  # type: ignore[attr-defined]
        ]
