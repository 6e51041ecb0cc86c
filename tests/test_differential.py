"""Differential test: the advisor's matching agrees with the reference evaluator on every shape
the compiler emits (random rules through the real rule parser and compiler; random facts).

Matching is two steps: durable_rules matches each probe (a single-fact condition) and inference
combines the matched probes into the rules that hold (`holds`, plain Python). Stock
durable_rules 2.0.28 is wrong on joins, `$not` and retraction; the compiler only emits
single-fact conditions, formulas over them and strata. The reference matches every probe on
every fact and evaluates every rule's formula, sharing no code with either step, so this test
is what keeps a new shape from slipping in unproven: if the compiler ever emits something
durable_rules or the combining gets wrong, random cases here find it.
"""

from __future__ import annotations

import os
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.engine import durable as engine
from advisor.engine.compiler import compile_rules, evaluate_formula
from advisor.engine.durable import DurableMatcher
from advisor.engine.inference import candidate_rules, holds, infer
from advisor.engine.reference import ReferenceMatcher, reference_fired
from advisor.model.facts import Fact
from advisor.rulebook.conditions import parse_condition
from advisor.rulebook.effects import parse_effect
from advisor.rulebook.rules import Rule, RuleMeta

# Whole-suite only: `pytest -m 'not slow'` is the contributors' fast loop.
pytestmark = pytest.mark.slow

CHANNELS = frozenset({"linkedin", "youtube", "x_twitter"})
SEGMENTS = ["physicians", "nurses", "students"]
SKILLS = ["writing", "video", "audio"]
PAINS = ["misinformation", "fundraising", "online_reviews"]
DERIVED = ["d0", "d1", "d2"]

# field -> (type, value strategy) per fact kind; small domains so tests hit often.
FIELDS: dict[str, dict[str, tuple[str, st.SearchStrategy[Any]]]] = {
    "audience": {
        "segment": ("str", st.sampled_from(SEGMENTS)),
        "platforms": ("list", st.sampled_from(sorted(CHANNELS))),
        "size": ("int", st.integers(0, 6)),
        "need_to_connect": ("bool", st.booleans()),
    },
    "resources": {
        "staff_hours_per_week": ("number", st.sampled_from([0, 2.5, 4, 5, 7.5, 10])),
        "skills": ("list", st.sampled_from(SKILLS)),
        "executive_sponsor": ("bool", st.booleans()),
    },
    "summary": {
        "objective_count": ("int", st.integers(0, 4)),
        "pain_points": ("list", st.sampled_from(PAINS)),
    },
    "pain_point": {"name": ("str", st.sampled_from(PAINS))},
}


@st.composite
def field_test(draw: st.DrawFn, kind: str) -> tuple[str, Any]:
    name = draw(st.sampled_from(sorted(FIELDS[kind])))
    ftype, values = FIELDS[kind][name]
    if ftype == "list":
        op = draw(st.sampled_from(["contains", "contains_any", "contains_all", "exists"]))
    elif ftype in ("int", "number"):
        op = draw(st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "exists"]))
    elif ftype == "bool":
        op = draw(st.sampled_from(["eq", "ne", "exists"]))
    else:
        op = draw(st.sampled_from(["eq", "ne", "in", "not_in", "exists"]))
    if op == "exists":
        return name, {"exists": draw(st.booleans())}
    if op in ("in", "not_in", "contains_any", "contains_all"):
        return name, {op: draw(st.lists(values, min_size=1, max_size=3, unique=True))}
    return name, {op: draw(values)}


@st.composite
def frame(draw: st.DrawFn, readable: list[str]) -> dict[str, Any]:
    kinds = sorted(FIELDS) + (["derived"] if readable else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "derived":
        return {"derived": {"name": draw(st.sampled_from(readable))}}
    tests = dict(draw(st.lists(field_test(kind), min_size=1, max_size=3)))
    return {kind: tests}


def condition(readable: list[str], depth: int = 2) -> st.SearchStrategy[dict[str, Any]]:
    leaf = frame(readable)
    if depth == 0:
        return leaf
    inner = condition(readable, depth - 1)
    return st.one_of(
        leaf,
        st.lists(inner, min_size=1, max_size=3).map(lambda items: {"all": items}),
        st.lists(inner, min_size=1, max_size=3).map(lambda items: {"any": items}),
        inner.map(lambda item: {"not": item}),
    )


@st.composite
def rules(draw: st.DrawFn) -> list[Rule]:
    out = []
    count = draw(st.integers(1, 10))
    for i in range(count):
        # A rule may derive d<k> and read only d<j> for j < k: no cycles, up to 3 strata.
        level = draw(st.integers(0, len(DERIVED)))
        readable = [d for d in DERIVED[:level] if any(r.then and _writes(r, d) for r in out)]
        when = draw(condition(readable))
        then = [{"score": {"channel": "linkedin", "weight": 1}}]
        if level < len(DERIVED) and draw(st.booleans()):
            then.append({"derive": {"name": DERIVED[level], "value": True}})
        meta = RuleMeta.model_validate(
            {
                "id": f"people.random.r{i}",
                "title": "random rule",
                "post": "people",
                "because": "a random reason text",
                "source": "generated",
                "when": when,
                "then": then,
            }
        )
        parsed_when = parse_condition(when, ("when",), CHANNELS)
        effects = tuple(parse_effect(e, ("then", j), CHANNELS) for j, e in enumerate(then))
        out.append(Rule(meta, parsed_when, effects))
    return out


def _writes(rule: Rule, name: str) -> bool:
    return any(getattr(e, "name", None) == name for e in rule.then)


@st.composite
def fact_lists(draw: st.DrawFn) -> list[Fact]:
    facts: list[Fact] = []
    kinds = [
        "resources",
        "summary",
        *draw(st.lists(st.sampled_from(["audience", "pain_point"]), max_size=5)),
    ]
    for kind in kinds:
        fields: dict[str, Any] = {}
        for name, (ftype, values) in FIELDS[kind].items():
            if draw(st.integers(0, 4)) == 0:
                continue  # absent field
            if ftype == "list":
                fields[name] = sorted(set(draw(st.lists(values, max_size=3))))
            else:
                fields[name] = draw(values)
        facts.append(Fact(f"f{len(facts)}", kind, fields, f"{kind}[{len(facts)}]"))
    return facts


@settings(
    max_examples=int(os.environ.get("ADVISOR_DIFFERENTIAL_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(rules(), st.lists(fact_lists(), min_size=1, max_size=3))
def test_durable_rules_agrees_with_the_reference_evaluator(
    rule_list: list[Rule], fact_sets: list[list[Fact]]
) -> None:
    compiled = compile_rules(rule_list)
    by_id = {r.id: r for r in rule_list}
    matcher = DurableMatcher(compiled)
    reference = ReferenceMatcher(compiled)
    try:
        # Several assessments through one matcher: each must match as if it were alone.
        for facts in fact_sets:
            engine_result = infer(compiled, by_id, facts, matcher)
            expected = infer(compiled, by_id, facts, reference)
            fired, all_facts = reference_fired(compiled, by_id, facts)
            assert engine_result.hits == expected.hits
            assert engine_result.fired == fired
            assert [f.fields for f in engine_result.facts] == [f.fields for f in all_facts]
    finally:
        matcher.close()


@settings(
    max_examples=int(os.environ.get("ADVISOR_DIFFERENTIAL_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(rules(), st.data())
def test_combining_matched_probes_agrees_with_the_reference_formula(
    rule_list: list[Rule], data: st.DataObject
) -> None:
    """The combining step alone, on any set of matched probes (not only those facts produce):
    the rules inference keeps are exactly those whose formula the reference finds true."""
    compiled = compile_rules(rule_list)
    ids = [p.id for p in compiled.probes]
    matched = data.draw(st.sets(st.sampled_from(ids)) if ids else st.just(set()))
    hits = {p: ["f0"] for p in ids if p in matched}
    truth = {p: p in matched for p in ids}
    for stratum in range(compiled.strata):
        kept = [r.id for r in candidate_rules(compiled, stratum, hits) if holds(r.formula, hits)]
        expected = [r.id for r in compiled.rules_in(stratum) if evaluate_formula(r.formula, truth)]
        assert kept == expected


def _random_condition(rng: random.Random, depth: int = 2) -> dict[str, Any]:
    """A random condition over a few fields, for packs too large to draw with hypothesis."""
    if depth == 0 or rng.random() < 0.5:
        kind = rng.choice(["audience", "resources", "pain_point"])
        if kind == "audience":
            return {
                "audience": {
                    "segment": rng.choice(SEGMENTS),
                    "size": {rng.choice(["lt", "ge"]): rng.randint(0, 6)},
                }
            }
        if kind == "resources":
            return {"resources": {"skills": {"contains": rng.choice(SKILLS)}}}
        return {"pain_point": {"name": rng.choice(PAINS)}}
    op = rng.choice(["all", "any", "not"])
    if op == "not":
        return {"not": _random_condition(rng, depth - 1)}
    return {op: [_random_condition(rng, depth - 1) for _ in range(rng.randint(1, 3))]}


@pytest.mark.parametrize("rules_per_shard", [2_000, 20, 8])
def test_a_large_pack_sharded_or_not_agrees_with_the_reference(
    rules_per_shard: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past RULES_PER_SHARD probes the pack is spread over several rulesets; 700 random rules
    (and their combining, most of them more than one probe) are proven here whole and over
    shards made small on purpose."""
    monkeypatch.setattr(engine, "RULES_PER_SHARD", rules_per_shard)
    rng = random.Random(2026)
    rule_list = []
    for i in range(700):
        when = _random_condition(rng)
        meta = RuleMeta.model_validate(
            {
                "id": f"people.big.r{i}",
                "title": "random rule",
                "post": "people",
                "because": "a random reason text",
                "source": "generated",
                "when": when,
                "then": [{"score": {"channel": "linkedin", "weight": 1}}],
            }
        )
        effects = (
            parse_effect({"score": {"channel": "linkedin", "weight": 1}}, ("then", 0), CHANNELS),
        )
        rule_list.append(Rule(meta, parse_condition(when, ("when",), CHANNELS), effects))
    compiled = compile_rules(rule_list)
    by_id = {r.id: r for r in rule_list}
    matcher = DurableMatcher(compiled)
    assert len(matcher.lanes) == -(-len(compiled.probes) // rules_per_shard)
    assert (len(matcher.lanes) > 1) == (rules_per_shard < len(compiled.probes))
    try:
        for _ in range(25):
            facts = [
                Fact(
                    "f0",
                    "resources",
                    {"skills": sorted(rng.sample(SKILLS, rng.randint(0, 3)))},
                    "r",
                ),
                *(
                    Fact(
                        f"f{j + 1}",
                        "audience",
                        {"segment": rng.choice(SEGMENTS), "size": rng.randint(0, 6)},
                        "a",
                    )
                    for j in range(rng.randint(0, 3))
                ),
                *(
                    Fact(f"p{j}", "pain_point", {"name": name}, "p")
                    for j, name in enumerate(rng.sample(PAINS, rng.randint(0, 2)))
                ),
            ]
            engine_result = infer(compiled, by_id, facts, matcher)
            expected = infer(compiled, by_id, facts, ReferenceMatcher(compiled))
            assert engine_result.fired == reference_fired(compiled, by_id, facts)[0]
            assert engine_result.hits == expected.hits
    finally:
        matcher.close()
