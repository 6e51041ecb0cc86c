"""Reasons and evidence: render a fired rule's template with the facts its frames matched, and
say which profile paths and values made each test hold; order a channel's reasons."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import cast

from advisor.engine.compiler import CompiledRule, Probe, Test
from advisor.engine.inference import Inference
from advisor.engine.reference import test_holds
from advisor.model.facts import CHANNEL_FIELDS, Fact, FactValue
from advisor.model.post import POST_ORDER
from advisor.model.report import Block, ChannelAdvice, Evidence, Reason, ScoreTerm, Tier
from advisor.rulebook.rules import Rule, template_fields

_OP_WORDS = {
    "eq": "is",
    "ne": "is not",
    "lt": "<",
    "le": "<=",
    "gt": ">",
    "ge": ">=",
    "contains": "contains",
    "exists": "is set",
    "absent": "is not set",
}


@lru_cache(maxsize=4096)
def describe_test(test: Test) -> str:
    if test.op in ("exists", "absent"):
        return f"{test.field} {_OP_WORDS[test.op]}"
    return f"{test.field} {_OP_WORDS[test.op]} {_show(test.value)}"


@lru_cache(maxsize=4096)
def describe_probe(probe: Probe) -> str:
    parts = [" or ".join(describe_test(t) for t in clause) for clause in probe.clauses]
    return f"{probe.kind} where " + " and ".join(parts)


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def _evidence_value(value: FactValue | None) -> str | int | float | bool | list[str] | None:
    return list(value) if isinstance(value, list) else value


def evidence_for(
    compiled_rule: CompiledRule, probes: dict[str, Probe], inference: Inference
) -> list[Evidence]:
    """For each positive probe: the matched facts' fields that satisfied it; for each negated
    probe: a statement that no fact matched."""
    unique: dict[tuple[str, str], Evidence] = {}
    positive = compiled_rule.positive_probes
    for probe_id in compiled_rule.probes:
        fact_ids = inference.hits.get(probe_id, [])
        if probe_id in positive and fact_ids:
            for item in _probe_evidence(probes[probe_id], fact_ids, inference):
                unique.setdefault((item.path, item.test), item)
        elif not fact_ids:
            probe = probes[probe_id]
            item = Evidence(path=probe.kind, value=None, test=f"no {describe_probe(probe)}")
            unique.setdefault((item.path, item.test), item)
    return list(unique.values())


def _probe_evidence(probe: Probe, fact_ids: list[str], inference: Inference) -> list[Evidence]:
    """Each matched fact's first satisfied test per clause. Rules sharing a probe share this
    list, built once per assessment (Evidence is immutable)."""
    key = (probe.id, *fact_ids)
    cached = inference.memo.get(key)
    if cached is not None:
        return cast(list[Evidence], cached)
    out: list[Evidence] = []
    for fact_id in fact_ids:
        fact = inference.fact(fact_id)
        for clause in probe.clauses:
            for test in clause:
                if test_holds(test, fact.fields):
                    out.append(
                        Evidence(
                            path=fact.path_of(test.field),
                            value=_evidence_value(fact.fields.get(test.field)),
                            test=describe_test(test),
                        )
                    )
                    break
    inference.memo[key] = out
    return out


def matched_facts(
    compiled_rule: CompiledRule, probes: dict[str, Probe], inference: Inference
) -> dict[str, list[Fact]]:
    """The facts each kind matched positively in a fired rule, in assertion order."""
    by_kind: dict[str, list[Fact]] = {}
    positive = compiled_rule.positive_probes
    for probe_id in compiled_rule.probes:
        if probe_id not in positive:
            continue
        for fact_id in inference.hits.get(probe_id, []):
            fact = inference.fact(fact_id)
            facts = by_kind.setdefault(probes[probe_id].kind, [])
            if fact not in facts:
                facts.append(fact)
    return by_kind


def _join(values: Sequence[str]) -> str:
    values = list(dict.fromkeys(values))
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def render_template(
    template: str, facts: dict[str, list[Fact]], channel_names: Mapping[str, str] | None = None
) -> str:
    """Fill `{kind.field}` placeholders; several matched facts give "a, b and c", and list
    fields are merged item by item so a value shared by two facts is named once.
    `{derived.<name>}` is the value of the matched derived fact of that name. Fields that hold
    channel ids are shown by the channel's name when `channel_names` gives it."""
    values: dict[str, str] = {}
    for name in template_fields(template):
        kind, _, field = name.partition(".")
        shown: list[str] = []
        matched = facts.get(kind, [])
        if kind == "derived" and field not in ("name", "value"):
            # {derived.capacity}: the value of the derived fact named capacity.
            matched = [f for f in matched if f.fields.get("name") == field]
            field = "value"
        names = channel_names if (kind, field) in CHANNEL_FIELDS and channel_names else {}
        for fact in matched:
            value = fact.fields.get(field)
            items = value if isinstance(value, list) else [] if value is None else [value]
            shown += [names.get(str(item)) or _show(item).replace("_", " ") for item in items]
        values[name] = _join(shown) or "(not given)"
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out


def reason_for(
    rule: Rule,
    compiled_rule: CompiledRule,
    probes: dict[str, Probe],
    inference: Inference,
    facts: dict[str, list[Fact]] | None = None,
    channel_names: Mapping[str, str] | None = None,
) -> Reason:
    """The reason a fired rule gives; `facts` are its matched facts when already known."""
    if facts is None:
        facts = matched_facts(compiled_rule, probes, inference)
    return Reason(
        rule_id=rule.id,
        post=rule.meta.post,
        text=render_template(rule.meta.because, facts, channel_names),
        evidence=evidence_for(compiled_rule, probes, inference),
        evidence_grade=rule.meta.evidence,
        source="; ".join(rule.meta.source),
        sources=list(rule.meta.source),
        status=rule.meta.status,
    )


def reason_strength(advice: ChannelAdvice) -> dict[str, float]:
    """What each rule did to the channel: the sum of its points, or minus infinity for a
    rule that blocks it (the strongest thing a rule can do against a channel)."""
    return _strength(advice.terms, advice.blocks)


def _strength(terms: Sequence[ScoreTerm], blocks: Sequence[Block]) -> dict[str, float]:
    strength: dict[str, float] = {}
    for term in terms:
        strength[term.rule_id] = round(strength.get(term.rule_id, 0.0) + term.points, 4)
    for block in blocks:
        strength[block.rule_id] = -math.inf
    return strength


_POST_RANK = {post: i for i, post in enumerate(POST_ORDER)}


def order_reasons(
    reasons: Sequence[Reason], terms: Sequence[ScoreTerm], blocks: Sequence[Block], tier: Tier
) -> list[Reason]:
    """A channel's reasons, strongest first, one per rule. For a recommended channel the
    support comes first (largest points first), then what speaks against it; for a channel
    that is not recommended, what blocks or lowers it comes first. Ties go by POST order, then
    rule id, so the first reason (the main one) is the strongest and the order deterministic."""
    strength = _strength(terms, blocks)
    recommended = tier in ("recommended", "worth_considering")
    last = len(POST_ORDER)

    def key(reason: Reason) -> tuple[int, float, int, str]:
        points = strength.get(reason.rule_id, 0.0)
        if points > 0:
            group = 0 if recommended else 1
        elif points < 0:
            group = 1 if recommended else 0
        else:
            group = 2
        return (group, -abs(points), _POST_RANK.get(reason.post, last), reason.rule_id)

    unique = {r.rule_id: r for r in reversed(reasons)}
    return sorted(unique.values(), key=key)
