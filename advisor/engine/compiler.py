"""Compile validated rules into the engine-neutral form every matcher runs.

Each frame of a rule becomes a *probe*: a test of one fact (kind plus a conjunction of
disjunctions of field tests), shared by every rule that asks the same thing. A rule's boolean
structure (all / any / not) becomes a *formula* over its probes, in negation normal form, which
inference evaluates over the probes the engine matched. Rules that read derived facts are placed
in *strata* after the rules that derive them. Probes are the subset durable_rules matches
correctly: single-fact conditions only, no joins, no `$not`, no retraction (stock durable_rules
2.0.28 is wrong on joins, `$not` and retraction; tests/test_differential.py proves that every
shape emitted here matches the reference evaluator).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from advisor.errors import Problem, RuleError
from advisor.files.cache import cache_key, read_cached, write_cached
from advisor.model.facts import Scalar
from advisor.rulebook.conditions import AllOf, Condition, FieldTest, Frame, NotOf
from advisor.rulebook.pack import RulePack
from advisor.rulebook.rules import Rule, derived_reads, derived_writes

# A condition reading more distinct fact tests than this is a generated or runaway rule, not one
# an author can review (the shipped rules read at most a handful); refusing it keeps every
# formula small to evaluate and a rule's explanation readable. (It was also durable_rules' bound
# when formulas were matched there, as one fact of a property per probe.)
MAX_PROBES_PER_RULE = 200


@dataclass(frozen=True, order=True)
class Test:
    """An atomic test of one field: eq, ne, lt, le, gt, ge, exists, absent or contains."""

    __test__ = False  # not a pytest test class, despite the name

    field: str
    op: str
    value: Scalar

    def key(self) -> str:
        return json.dumps([self.field, self.op, self.value])


Clause = tuple[Test, ...]
"""A disjunction of tests (any one suffices)."""


@dataclass(frozen=True)
class Probe:
    """A condition on one fact: its kind, and every clause holds."""

    id: str
    kind: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Ref:
    probe: str
    positive: bool = True


@dataclass(frozen=True)
class And:
    items: tuple[Formula, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Formula, ...]


Formula = Ref | And | Or


@dataclass(frozen=True)
class CompiledRule:
    id: str
    index: int
    stratum: int
    probes: tuple[str, ...]
    formula: Formula
    fires_without_hits: bool

    # The probes the formula needs to hold (not negated), for explanations; set once here.
    positive_probes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        found: set[str] = set()
        pending: list[Formula] = [self.formula]
        while pending:
            node = pending.pop()
            if isinstance(node, Ref):
                if node.positive:
                    found.add(node.probe)
            else:
                pending.extend(node.items)
        object.__setattr__(self, "positive_probes", frozenset(found))

    @property
    def is_one_probe(self) -> bool:
        """The formula is one positive probe: the rule holds exactly when that probe matched."""
        return isinstance(self.formula, Ref) and self.formula.positive


@dataclass(frozen=True)
class CompiledPack:
    name: str
    content_hash: str
    probes: tuple[Probe, ...]
    rules: tuple[CompiledRule, ...]
    strata: int

    def rules_in(self, stratum: int) -> list[CompiledRule]:
        return list(self.strata_rules[stratum]) if stratum < self.strata else []

    # Indexes built once per pack (cached on first use), so an assessment's cost follows what
    # matched, not how many rules the pack has.
    @cached_property
    def strata_rules(self) -> tuple[tuple[CompiledRule, ...], ...]:
        return tuple(
            tuple(r for r in self.rules if r.stratum == stratum) for stratum in range(self.strata)
        )

    @cached_property
    def rules_without_hits(self) -> tuple[tuple[CompiledRule, ...], ...]:
        """Per stratum, the rules whose formula holds with every probe false."""
        return tuple(tuple(r for r in rules if r.fires_without_hits) for rules in self.strata_rules)

    @cached_property
    def rules_by_probe(self) -> dict[str, tuple[CompiledRule, ...]]:
        index: dict[str, list[CompiledRule]] = {}
        for rule in self.rules:
            for probe in rule.probes:
                index.setdefault(probe, []).append(rule)
        return {probe: tuple(rules) for probe, rules in index.items()}

    @cached_property
    def rule_by_id(self) -> dict[str, CompiledRule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def probe_by_id(self) -> dict[str, Probe]:
        return {p.id: p for p in self.probes}


def _clauses(test: FieldTest) -> list[Clause]:
    """One author-facing field test as clauses of atomic tests."""
    value = test.value
    values = value if isinstance(value, tuple) else (value,)
    field = test.field
    match test.op:
        case "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "contains":
            return [(Test(field, test.op, values[0]),)]
        case "exists":
            return [(Test(field, "exists" if value else "absent", True),)]
        case "in":
            return [tuple(sorted({Test(field, "eq", v) for v in values}, key=Test.key))]
        case "contains_any":
            return [tuple(sorted({Test(field, "contains", v) for v in values}, key=Test.key))]
        case "not_in":
            return [(Test(field, "ne", v),) for v in values]
        case "contains_all":
            return [(Test(field, "contains", v),) for v in values]
    raise ValueError(f"unknown operator {test.op}")


def _clause_order(clause: Clause) -> tuple[int, str]:
    # Equality first: the most selective test at the top of the chain keeps the number of
    # sibling tests a fact can match at once (durable_rules allows 64) small.
    single_eq = len(clause) == 1 and clause[0].op == "eq"
    return (0 if single_eq else 1, json.dumps([t.key() for t in clause]))


def probe_clauses(frame: Frame) -> tuple[Clause, ...]:
    clauses = {c for test in frame.tests for c in _clauses(test)}
    return tuple(sorted(clauses, key=_clause_order))


def _negate(formula: Formula) -> Formula:
    if isinstance(formula, Ref):
        return Ref(formula.probe, not formula.positive)
    if isinstance(formula, And):
        return Or(tuple(_negate(f) for f in formula.items))
    return And(tuple(_negate(f) for f in formula.items))


def _flatten(formula: Formula) -> Formula:
    if isinstance(formula, Ref):
        return formula
    items: list[Formula] = []
    for item in (_flatten(f) for f in formula.items):
        if type(item) is type(formula):
            items.extend(item.items)
        else:
            items.append(item)
    unique = tuple(dict.fromkeys(items))
    if len(unique) == 1:
        return unique[0]
    return And(unique) if isinstance(formula, And) else Or(unique)


def evaluate_formula(formula: Formula, truth: dict[str, bool]) -> bool:
    """The formula's value given each probe's truth (absent probes are false)."""
    if isinstance(formula, Ref):
        return truth.get(formula.probe, False) == formula.positive
    if isinstance(formula, And):
        return all(evaluate_formula(f, truth) for f in formula.items)
    return any(evaluate_formula(f, truth) for f in formula.items)


def formula_probes(formula: Formula) -> list[str]:
    if isinstance(formula, Ref):
        return [formula.probe]
    return list(dict.fromkeys(p for f in formula.items for p in formula_probes(f)))


class _ProbeTable:
    """Probes shared across rules: the same frame asked by two rules is matched once."""

    def __init__(self) -> None:
        self.by_key: dict[str, Probe] = {}

    def probe_for(self, frame: Frame) -> str:
        clauses = probe_clauses(frame)
        key = json.dumps([frame.kind, [[t.key() for t in c] for c in clauses]])
        if key not in self.by_key:
            self.by_key[key] = Probe(f"p{len(self.by_key)}", frame.kind, clauses)
        return self.by_key[key].id

    def formula(self, condition: Condition) -> Formula:
        if isinstance(condition, Frame):
            return Ref(self.probe_for(condition))
        if isinstance(condition, NotOf):
            return _negate(self.formula(condition.item))
        items = tuple(self.formula(c) for c in condition.items)
        return And(items) if isinstance(condition, AllOf) else Or(items)


def stratify(rules: Sequence[Rule], pack: RulePack | None = None) -> dict[str, int]:
    """Each rule's stratum: 0 without derived reads, else one past every rule it reads from.
    A cycle of derived facts cannot be stratified and is a load error naming the cycle."""
    writers: dict[str, list[str]] = {}
    for rule in rules:
        for name in derived_writes(rule):
            writers.setdefault(name, []).append(rule.id)
    by_id = {r.id: r for r in rules}
    strata: dict[str, int] = {}
    visiting: list[str] = []

    def visit(rule_id: str) -> int:
        if rule_id in strata:
            return strata[rule_id]
        if rule_id in visiting:
            cycle = [*visiting[visiting.index(rule_id) :], rule_id]
            where = pack.locations.get(rule_id) if pack else None
            raise RuleError(
                Problem(
                    "derived facts form a cycle: " + " -> ".join(cycle),
                    where.file if where else None,
                    where.line if where else None,
                    "when",
                    rule_id,
                    "a rule cannot depend, even indirectly, on what it derives",
                )
            )
        visiting.append(rule_id)
        level = 0
        for name in sorted(derived_reads(by_id[rule_id])):
            for writer in writers.get(name, []):
                level = max(level, visit(writer) + 1)
        visiting.pop()
        strata[rule_id] = level
        return level

    for rule in rules:
        visit(rule.id)
    return strata


def compile_rules(
    rules: Sequence[Rule], name: str = "pack", content_hash: str = "", pack: RulePack | None = None
) -> CompiledPack:
    """Rules -> probes, formulas and strata."""
    table = _ProbeTable()
    strata = stratify(rules, pack)
    compiled = []
    for index, rule in enumerate(rules):
        formula = _flatten(table.formula(rule.when))
        probes = tuple(formula_probes(formula))
        if len(probes) > MAX_PROBES_PER_RULE:
            where = pack.locations.get(rule.id) if pack else None
            raise RuleError(
                Problem(
                    f"condition has {len(probes)} distinct fact tests; the limit is "
                    f"{MAX_PROBES_PER_RULE}",
                    where.file if where else None,
                    where.line if where else None,
                    "when",
                    rule.id,
                    "split the rule or derive an intermediate fact",
                )
            )
        compiled.append(
            CompiledRule(
                rule.id,
                index,
                strata[rule.id],
                probes,
                formula,
                evaluate_formula(formula, {}),
            )
        )
    return CompiledPack(
        name,
        content_hash,
        tuple(table.by_key.values()),
        tuple(compiled),
        max(strata.values(), default=-1) + 1,
    )


def compile_pack(pack: RulePack) -> CompiledPack:
    """The pack compiled, from the cache on disk when this advisor compiled the same rules
    before (checked against the pack's rules, never trusted), else compiled and cached."""
    key = cache_key(COMPILED, pack.manifest.name, pack.content_hash, _rules_fingerprint(pack))
    cached = from_jsonable(read_cached(COMPILED, key), pack)
    if cached is not None:
        return cached
    compiled = compile_rules(pack.rules, pack.manifest.name, pack.content_hash, pack)
    write_cached(COMPILED, key, to_jsonable(compiled))
    return compiled


COMPILED = "compiled-pack"


def _rules_fingerprint(pack: RulePack) -> str:
    """What the compiled form follows from: every rule's id, condition and effects as written
    (a RulePack built in code may carry any content hash, so the hash alone is not the key)."""
    text = json.dumps(
        [[r.id, r.meta.when, r.meta.then] for r in pack.rules], sort_keys=True, default=repr
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def to_jsonable(compiled: CompiledPack) -> dict[str, object]:
    """The compiled form as plain data, for golden files and `advisor rules show`."""

    def formula(f: Formula) -> object:
        if isinstance(f, Ref):
            return f.probe if f.positive else {"not": f.probe}
        return {"all" if isinstance(f, And) else "any": [formula(i) for i in f.items]}

    return {
        "name": compiled.name,
        "strata": compiled.strata,
        "probes": {
            p.id: {
                "kind": p.kind,
                "all": [[[t.field, t.op, t.value] for t in c] for c in p.clauses],
            }
            for p in compiled.probes
        },
        "rules": {
            r.id: {
                "stratum": r.stratum,
                "formula": formula(r.formula),
                "fires_without_hits": r.fires_without_hits,
            }
            for r in compiled.rules
        },
    }


_OPS = frozenset({"eq", "ne", "lt", "le", "gt", "ge", "exists", "absent", "contains"})


def _scalar(value: object) -> bool:
    return isinstance(value, str | int | float | bool)


def _test_from(item: object) -> Test:
    if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
            and item[1] in _OPS and _scalar(item[2])):
        raise ValueError("not a test")
    return Test(item[0], item[1], item[2])


def _formula_from(item: object, probes: dict[str, Probe], depth: int = 0) -> Formula:
    if depth > 200:
        raise ValueError("formula too deep")
    if isinstance(item, str) and item in probes:
        return Ref(item)
    if isinstance(item, dict) and len(item) == 1:
        ((key, value),) = item.items()
        if key == "not" and isinstance(value, str) and value in probes:
            return Ref(value, False)
        if key in ("all", "any") and isinstance(value, list) and len(value) > 1:
            items = tuple(_formula_from(v, probes, depth + 1) for v in value)
            return And(items) if key == "all" else Or(items)
    raise ValueError("not a formula")


def from_jsonable(data: object, pack: RulePack) -> CompiledPack | None:
    """The compiled form `to_jsonable` wrote, rebuilt and checked against `pack` (its rules, in
    order; every probe a formula names; strata in range): None when anything is off."""
    try:
        if not (isinstance(data, dict) and data.get("name") == pack.manifest.name
                and isinstance(data.get("probes"), dict) and isinstance(data.get("rules"), dict)):
            raise ValueError("not a compiled pack")
        strata = data.get("strata")
        if type(strata) is not int or list(data["rules"]) != [r.id for r in pack.rules]:
            raise ValueError("another pack")
        probes: dict[str, Probe] = {}
        for probe_id, body in data["probes"].items():
            if not (isinstance(body, dict) and isinstance(body.get("kind"), str)
                    and isinstance(body.get("all"), list)):
                raise ValueError("not a probe")
            clauses = tuple(tuple(_test_from(t) for t in c) for c in body["all"])
            if not all(isinstance(c, tuple) and c for c in clauses):
                raise ValueError("empty clause")
            probes[probe_id] = Probe(probe_id, body["kind"], clauses)
        rules = []
        for index, (rule_id, body) in enumerate(data["rules"].items()):
            stratum = body.get("stratum") if isinstance(body, dict) else None
            if type(stratum) is not int or not 0 <= stratum < strata:
                raise ValueError("not a stratum")
            formula = _formula_from(body.get("formula"), probes)
            fires = evaluate_formula(formula, {})
            if body.get("fires_without_hits") is not fires:
                raise ValueError("inconsistent rule")
            probe_ids = tuple(formula_probes(formula))
            rules.append(CompiledRule(rule_id, index, stratum, probe_ids, formula, fires))
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
    return CompiledPack(
        pack.manifest.name, pack.content_hash, tuple(probes.values()), tuple(rules), strata
    )
