"""Reasons and evidence: render a fired rule's template with the facts its frames matched, and
say which profile paths and values made each test hold."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.compiler import CompiledRule, Probe, Ref, Test, formula_probes
from advisor.facts import Fact, FactValue
from advisor.inference import Inference
from advisor.reference import test_holds
from advisor.report import Evidence, Reason
from advisor.rules import Rule, template_fields

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


def describe_test(test: Test) -> str:
    if test.op in ("exists", "absent"):
        return f"{test.field} {_OP_WORDS[test.op]}"
    return f"{test.field} {_OP_WORDS[test.op]} {_show(test.value)}"


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
    out: list[Evidence] = []
    positive = _positive_refs(compiled_rule)
    for probe_id in formula_probes(compiled_rule.formula):
        probe = probes[probe_id]
        fact_ids = inference.hits.get(probe_id, [])
        if probe_id in positive and fact_ids:
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
        elif not fact_ids:
            out.append(Evidence(path=probe.kind, value=None, test=f"no {describe_probe(probe)}"))
    unique: dict[tuple[str, str], Evidence] = {}
    for item in out:
        unique.setdefault((item.path, item.test), item)
    return list(unique.values())


def _positive_refs(rule: CompiledRule) -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, Ref):
            if node.positive:
                found.add(node.probe)
        else:
            for item in node.items:  # type: ignore[attr-defined]
                walk(item)

    walk(rule.formula)
    return found


def matched_facts(
    compiled_rule: CompiledRule, probes: dict[str, Probe], inference: Inference
) -> dict[str, list[Fact]]:
    """The facts each kind matched positively in a fired rule, in assertion order."""
    by_kind: dict[str, list[Fact]] = {}
    positive = _positive_refs(compiled_rule)
    for probe_id in formula_probes(compiled_rule.formula):
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


def render_template(template: str, facts: dict[str, list[Fact]]) -> str:
    """Fill `{kind.field}` placeholders; several matched facts give "a, b and c", and list
    fields are merged item by item so a value shared by two facts is named once."""
    values: dict[str, str] = {}
    for name in template_fields(template):
        kind, _, field = name.partition(".")
        shown: list[str] = []
        for fact in facts.get(kind, []):
            value = fact.fields.get(field)
            items = value if isinstance(value, list) else [] if value is None else [value]
            shown += [_show(item).replace("_", " ") for item in items]
        values[name] = _join(shown) or "(not given)"
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out


def reason_for(
    rule: Rule, compiled_rule: CompiledRule, probes: dict[str, Probe], inference: Inference
) -> Reason:
    return Reason(
        rule_id=rule.id,
        post=rule.meta.post,
        text=render_template(rule.meta.because, matched_facts(compiled_rule, probes, inference)),
        evidence=evidence_for(compiled_rule, probes, inference),
        evidence_grade=rule.meta.evidence,
        source=rule.meta.source,
        status=rule.meta.status,
    )
