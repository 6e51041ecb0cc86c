"""Finding changes: the smallest profile edits that make a compiled rule condition hold (or fail),
reaching through derived facts and summaries, for `advisor explain`'s fixes and lifts."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from advisor.advice.assessor import Assessor
from advisor.engine.compiler import And, Formula, Or, Probe, Ref, Test
from advisor.engine.inference import Inference
from advisor.engine.reference import probe_holds, test_holds
from advisor.model.facts import FACT_LISTS, FACT_SCHEMA, SUMMARY_SOURCES, Fact, FactValue
from advisor.model.paths import get_at, parse_path
from advisor.model.profile import Profile
from advisor.rulebook.effects import DeriveEffect
from advisor.workflows.whatif import Change, profile_data

# Enough alternatives to find a small fix without exploring every combination of a big rule.
MAX_OPTIONS = 16
MAX_VERIFY = 10
MAX_DEPTH = 3
_PLACEHOLDER_GOAL = "to be written with the client"
# What makes an objective measurable is the client's to decide: a fix fills these in as
# placeholders (valid values, so it can be applied and verified; the deadline a stand-in date)
# and lists their paths, and renderers say they are to be agreed with the client.
PLACEHOLDERS = {
    "metric": "metric to agree with the client",
    "target": "target to agree with the client",
    "deadline": "2099-12-31",
}


# Summary items a new list entry cannot carry alone: an age band needs an audience's segment.
_NOT_ADDABLE = frozenset({"audience_ages"})


# ---------------------------------------------------------------- finding changes


Option = tuple[Change, ...]


def _merge(parts: Sequence[Option]) -> Option | None:
    """Changes of several sub-fixes together; None when two set one path differently."""
    seen: dict[str, Any] = {}
    for change in (c for part in parts for c in part):
        if change.path in seen and seen[change.path] != change.value:
            return None
        seen[change.path] = change.value
    return tuple(Change(path=p, value=v) for p, v in seen.items())


def _one_of(children: list[list[Option]]) -> list[Option]:
    """Options for a formula that needs any one of its parts: any part's option will do."""
    return _best([o for child in children for o in child])


def _all_of(children: list[list[Option]]) -> list[Option]:
    """Options for a formula that needs all of its parts: one option of each, merged."""
    combos = []
    for parts in itertools.product(*children):
        merged = _merge(parts)
        if merged is not None:
            combos.append(merged)
        if len(combos) > MAX_OPTIONS * 4:
            break
    return _best(combos)


def _best(options: list[Option]) -> list[Option]:
    unique = {tuple((c.path, repr(c.value)) for c in o): o for o in options}
    # Stable: among equally small fixes the first found wins (adding an item before editing one).
    return sorted(unique.values(), key=len)[:MAX_OPTIONS]


class Planner:
    """Finds candidate changes that make a rule's formula true on one profile's facts."""

    def __init__(
        self,
        advisor: Assessor,
        profile: Profile,
        inference: Inference,
    ) -> None:
        self.advisor = advisor
        self.data = profile_data(profile)
        self.inference = inference
        self.probes = {p.id: p for p in advisor.compiled.probes}
        self.compiled = {r.id: r for r in advisor.compiled.rules}
        self.rules = {r.id: r for r in advisor.pack.rules}

    def truth(self, probe_id: str) -> bool:
        return bool(self.inference.hits.get(probe_id))

    def facts_of(self, kind: str) -> list[Fact]:
        return [f for f in self.inference.facts if f.kind == kind]

    def options(self, formula: Formula, depth: int = 0) -> list[Option]:
        if isinstance(formula, Ref):
            if self.truth(formula.probe) == formula.positive:
                return [()]
            probe = self.probes[formula.probe]
            if formula.positive:
                return self.make_true(probe, depth)
            return self.make_false(probe, depth)
        children = [self.options(item, depth) for item in formula.items]
        return _one_of(children) if isinstance(formula, Or) else _all_of(children)

    # -- making a probe hold

    def make_true(self, probe: Probe, depth: int) -> list[Option]:
        if probe.kind == "derived":
            return self._derive(probe, depth)
        out: list[Option] = []
        new_item = self._new_item(probe)
        if new_item is not None:
            out.append(new_item)
        for fact in self.facts_of(probe.kind):
            per_clause = []
            for clause in probe.clauses:
                if any(test_holds(t, fact.fields) for t in clause):
                    continue
                choices = [c for t in clause for c in self._satisfy(t, fact)]
                per_clause.append(choices)
            for parts in itertools.product(*per_clause):
                merged = _merge(parts)
                if merged is not None:
                    out.append(merged)
        return _best(out)

    def _satisfy(self, test: Test, fact: Fact) -> list[Option]:
        """Changes to one fact's profile data that make one atomic test hold."""
        if fact.kind == "summary":
            return self._satisfy_summary(test)
        path = fact.path_of(test.field)
        current = fact.fields.get(test.field)
        spec = FACT_SCHEMA[fact.kind].get(test.field)
        if path != f"{fact.path}.{test.field}" and not path.startswith("pain_points["):
            return self._satisfy_derived_field(test, path)
        value: Any
        match test.op:
            case "eq":
                value = test.value
            case "ne":
                if spec is None or spec.choices is None:
                    return []
                others = [c for c in spec.choices if c != test.value]
                return [(Change(path=path, value=v),) for v in others[:3]]
            case "lt" | "le" | "gt" | "ge":
                value = _boundary(test)
            case "contains":
                items = list(current) if isinstance(current, list) else []
                value = [*items, test.value]
            case "absent":
                value = None
            case _:
                return []
        return [(Change(path=path, value=value),)]

    def _satisfy_derived_field(self, test: Test, path: str) -> list[Option]:
        # has_metric / has_target / has_deadline and the like: set or clear the source field.
        if test.op == "eq" and test.value is False:
            return [(Change(path=path, value=None),)]
        if test.op == "eq" and test.value is True and path.endswith(".metric"):
            return [(Change(path=path, value=PLACEHOLDERS["metric"]),)]
        return []

    def _satisfy_summary(self, test: Test) -> list[Option]:
        """A summary field is a set across the profile: add the item where it comes from."""
        if test.field == "measurable_objective_count":
            return self._fewer_measurable(test)
        if test.op != "contains":
            return []
        x = test.value
        n_obj = len(self.data.get("objectives", []))
        if test.field == "focuses":
            # A focus belongs to an objective the client has: set it on one of them.
            return [(Change(path=f"objectives[{i}].focus", value=x),) for i in range(n_obj)]
        source = SUMMARY_SOURCES.get(test.field)
        if source is None or test.field in _NOT_ADDABLE:
            return []
        where = source.list_path
        entries = get_at(self.data, parse_path(where))
        index = len(entries) if isinstance(entries, list) else 0
        value: Any = x if source.item_field is None else {source.item_field: x}
        if where == FACT_LISTS["objective"]:
            value["goal"] = _PLACEHOLDER_GOAL
        return [(Change(path=f"{where}[{index}]", value=value),)]

    def _fewer_measurable(self, test: Test) -> list[Option]:
        """Fewer measurable objectives: drop the metric of as many as the test needs (adding
        measures is left to the consultant, who must agree them with the client)."""
        measurable = [
            i for i, o in enumerate(self.data.get("objectives", []))
            if all(o.get(k) is not None for k in ("metric", "target", "deadline"))
        ]
        limit = test.value
        if not isinstance(limit, int | float) or isinstance(limit, bool):
            return []
        allowed = {"eq": limit, "le": limit, "lt": limit - 1}.get(test.op)
        if allowed is None or allowed < 0 or len(measurable) <= allowed:
            return []
        drop = measurable[: len(measurable) - int(allowed)]
        return [tuple(Change(path=f"objectives[{i}].metric", value=None) for i in drop)]

    def _new_item(self, probe: Probe) -> Option | None:
        """A new list item (audience, objective, current channel, pain point) the probe holds on."""
        lists = FACT_LISTS
        if probe.kind not in lists:
            return None
        item: dict[str, FactValue] = {}
        for clause in probe.clauses:
            test = next((t for t in clause if t.op in ("eq", "contains")), None)
            if test is None or test.field.startswith("has_") or test.field == "measurable":
                return None
            item[test.field] = [str(test.value)] if test.op == "contains" else test.value
        if probe.kind == "pain_point":
            if "name" not in item:
                return None
            value: Any = item["name"]
        else:
            value = dict(item)
            if probe.kind == "objective":
                value.setdefault("goal", _PLACEHOLDER_GOAL)
        where = lists[probe.kind]
        container = get_at(self.data, parse_path(where))
        index = len(container) if isinstance(container, list) else 0
        return (Change(path=f"{where}[{index}]", value=value),)

    def _derive(self, probe: Probe, depth: int) -> list[Option]:
        """A derived fact appears when a rule deriving it fires: plan for that rule instead."""
        if depth >= MAX_DEPTH:
            return []
        out: list[Option] = []
        for rule in self.rules.values():
            for effect in rule.then:
                if isinstance(effect, DeriveEffect) and probe_holds(
                    probe, Fact("x", "derived", {"name": effect.name, "value": effect.value}, "")
                ):
                    out += self.options(self.compiled[rule.id].formula, depth + 1)
        return _best(out)

    def _unsummarize(self, probe: Probe) -> list[Option]:
        """The summary fact must stop matching: break one of its clauses at the source."""
        summary = next(iter(self.facts_of("summary")), None)
        if summary is None:
            return []
        out: list[Option] = []
        for clause in probe.clauses:
            holding = [t for t in clause if test_holds(t, summary.fields)]
            breaks = [self._unsummarize_test(t) for t in holding]
            if holding and all(breaks):
                merged = _merge([b[0] for b in breaks if b])
                if merged is not None:
                    out.append(merged)
        return _best(out)

    def _unsummarize_test(self, test: Test) -> list[Option]:
        if test.field == "measurable_objective_count":
            return self._more_measurable(test)
        if test.op != "contains":
            return []
        # Only a list of plain items can lose one (an audience or objective is more than that).
        source = SUMMARY_SOURCES.get(test.field)
        if source is None or source.item_field is not None:
            return []
        where = source.list_path
        container = get_at(self.data, parse_path(where))
        if not isinstance(container, list):
            return []
        return [(Change(path=where, value=[v for v in container if v != test.value]),)]

    def _more_measurable(self, test: Test) -> list[Option]:
        """More measurable objectives: complete an objective's metric, target and deadline with
        placeholders the consultant agrees with the client."""
        limit = test.value
        if not isinstance(limit, int | float) or isinstance(limit, bool):
            return []
        needed = {"eq": limit + 1, "le": limit + 1, "lt": limit}.get(test.op)
        objectives = self.data.get("objectives", [])
        open_ones = [
            i for i, o in enumerate(objectives)
            if any(o.get(k) is None for k in PLACEHOLDERS)
        ]
        have = len(objectives) - len(open_ones)
        if needed is None or needed - have > len(open_ones) or needed <= have:
            return []
        changes = [
            Change(path=f"objectives[{i}].{key}", value=placeholder)
            for i in open_ones[: int(needed - have)]
            for key, placeholder in PLACEHOLDERS.items()
            if objectives[i].get(key) is None
        ]
        return [tuple(changes)]

    def options_false(self, formula: Formula, depth: int = 0) -> list[Option]:
        """Candidate changes that make a (holding) formula fail."""
        if isinstance(formula, Ref):
            if self.truth(formula.probe) != formula.positive:
                return [()]
            probe = self.probes[formula.probe]
            if formula.positive:
                return self.make_false(probe, depth)
            return self.make_true(probe, depth)
        children = [self.options_false(item, depth) for item in formula.items]
        # De Morgan: one part of an `all` failing is enough; every part of an `any` must fail.
        return _one_of(children) if isinstance(formula, And) else _all_of(children)

    def _underive(self, probe: Probe, depth: int) -> list[Option]:
        """A derived fact goes away when every rule that derived it stops firing: plan for those
        rules instead (low capacity is lifted by the staff hours its rule tests)."""
        if depth >= MAX_DEPTH:
            return []
        derivers = sorted({
            rule_id
            for fact_id in self.inference.hits.get(probe.id, [])
            for rule_id in self.inference.derived_by.get(fact_id, [])
        })
        if not derivers:
            return []
        return _all_of([self.options_false(self.compiled[r].formula, depth + 1) for r in derivers])

    # -- making a probe fail

    def make_false(self, probe: Probe, depth: int = 0) -> list[Option]:
        """Every fact the probe matches must stop matching: break one clause of each."""
        if probe.kind == "summary":
            return self._unsummarize(probe)
        if probe.kind == "derived":
            return self._underive(probe, depth)
        per_fact = []
        for fact_id in self.inference.hits.get(probe.id, []):
            fact = self.inference.fact(fact_id)
            choices: list[Option] = []
            for clause in probe.clauses:
                breaks = [_falsify(t, fact) for t in clause if test_holds(t, fact.fields)]
                if breaks and all(b is not None for b in breaks):
                    merged = _merge([b for b in breaks if b is not None])
                    if merged is not None:
                        choices.append(merged)
            if not choices:
                return []
            per_fact.append(choices)
        out = []
        for parts in itertools.product(*per_fact):
            merged = _merge(parts)
            if merged is not None:
                out.append(merged)
        return _best(out)


def _boundary(test: Test) -> float | int:
    value = test.value
    assert isinstance(value, int | float) and not isinstance(value, bool)
    step = 1
    if test.op == "lt":
        return value - step
    if test.op == "gt":
        return value + step
    return value


def _falsify(test: Test, fact: Fact) -> Option | None:
    """A change to one fact that makes one holding test fail, when there is an obvious one."""
    path = fact.path_of(test.field)
    current = fact.fields.get(test.field)
    if path != f"{fact.path}.{test.field}":
        # has_metric and the like: true because the source field is set, so clear it.
        if test.field.startswith("has_") and test.op == "eq" and test.value is True:
            return (Change(path=path, value=None),)
        return None
    match test.op:
        case "eq" if isinstance(test.value, bool):
            return (Change(path=path, value=not test.value),)
        case "lt" | "le" | "gt" | "ge":
            value = test.value
            assert isinstance(value, int | float)
            opposite = {"lt": value, "le": value + 1, "gt": value, "ge": value - 1}[test.op]
            return (Change(path=path, value=max(opposite, 0)),)
        case "contains" if isinstance(current, list):
            return (Change(path=path, value=[v for v in current if v != test.value]),)
        case "exists":
            return (Change(path=path, value=None),)
    return None
