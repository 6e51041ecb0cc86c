"""The durable_rules adapter, the only module that imports it: compiled probes and formulas become
two durable_rules rulesets, driven through the C module directly (no Host timer threads), one
fresh session per assessment, with every stock limit checked before the engine can trip on it."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import durable_rules_engine as dre

from advisor.compiler import Clause, CompiledPack, Formula, Or, Probe, Ref, Test
from advisor.errors import EngineError, Problem, RuleError
from advisor.facts import Fact
from advisor.inference import MatchSession, RuleInput

KIND = "_kind"
RULE = "_rule"
RULE_INPUT = "rule_input"
STATE_RULE = "_session_started"
BUCKET = "_bucket"
# Rule inputs are told apart by rule id: past 512 ids under one node create_ruleset never returns,
# so a large pack first splits them into buckets of this many rules (small packs are unchanged).
RULES_PER_BUCKET = 256

# Stock durable_rules 2.0.28 limits (DURABLE_RULES.md); past them it hangs, crashes or lies.
MAX_RULES_PER_RULESET = 4_096
MAX_TESTS_UNDER_NODE = 512
MAX_SIBLING_MATCHES = 64
MAX_FACT_PROPERTIES = 252
MAX_STRING_BYTES = 65_535
# A session that produces more activations than this is a runaway, not an assessment.
MAX_ACTIONS = 200_000

_OPS = {"ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}
_ruleset_names = itertools.count()
_session_ids = itertools.count()


def _dumps(data: Any) -> str:
    # Rules and facts must be serialized the same way: matching runs on the JSON text.
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def fnv1a_32(text: str) -> int:
    """The hash durable_rules keys stored facts by; two ids with one hash silently collapse."""
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value


# ---------------------------------------------------------------- compiled form -> JSON


def test_json(test: Test) -> dict[str, Any]:
    if test.op == "eq":
        return {test.field: test.value}
    if test.op == "exists":
        return {"$ex": {test.field: 1}}
    if test.op == "absent":
        return {"$nex": {test.field: 1}}
    if test.op == "contains":
        return {"$iany": {test.field: {"$i": test.value}}}
    return {_OPS[test.op]: {test.field: test.value}}


def clause_json(clause: Clause) -> dict[str, Any]:
    if len(clause) == 1:
        return test_json(clause[0])
    return {"$or": [test_json(t) for t in clause]}


def probe_json(probe: Probe) -> dict[str, Any]:
    # The fact kind comes first: a discriminator at the top of every chain keeps the number of
    # distinct tests under one network node low (513 there make create_ruleset loop forever).
    return {"$and": [{KIND: probe.kind}, *(clause_json(c) for c in probe.clauses)]}


def formula_json(formula: Formula) -> dict[str, Any]:
    if isinstance(formula, Ref):
        return {formula.probe: 1 if formula.positive else 0}
    key = "$or" if isinstance(formula, Or) else "$and"
    return {key: [formula_json(f) for f in formula.items]}


def ruleset_json(compiled: CompiledPack) -> tuple[dict[str, Any], dict[str, Any]]:
    """The probe ruleset and the rule-input ruleset, each with a rule on the session state fact
    so every session starts an action (stock workaround for the delete_state crash)."""
    state_rule = {"all": [{"m": {"$s": 1}}]}
    probes: dict[str, Any] = {STATE_RULE: state_rule}
    for probe in compiled.probes:
        probes[probe.id] = {"all": [{"m": probe_json(probe)}]}
    combos: dict[str, Any] = {STATE_RULE: state_rule}
    buckets = rule_buckets(compiled)
    for index, rule in enumerate(compiled.rules):
        bucket = [] if buckets is None else [{BUCKET: buckets[rule.id]}]
        combos[f"r{index}"] = {
            "all": [
                {
                    "m": {
                        "$and": [
                            {KIND: RULE_INPUT},
                            *bucket,
                            {RULE: rule.id},
                            formula_json(rule.formula),
                        ]
                    }
                }
            ]
        }
    return probes, combos


def rule_buckets(compiled: CompiledPack) -> dict[str, int] | None:
    """Each rule's bucket when the pack is too large for one node of rule ids, else None."""
    if len(compiled.rules) <= RULES_PER_BUCKET:
        return None
    return {rule.id: i // RULES_PER_BUCKET for i, rule in enumerate(compiled.rules)}


# ---------------------------------------------------------------- limits


def _sibling_bound(chains: list[list[dict[str, Any]]]) -> tuple[int, int]:
    """Worst case over the network's nodes of (distinct child tests, child tests one fact can
    match at once). Equality tests on one field exclude each other; any other test may not."""
    children: dict[str, list[list[dict[str, Any]]]] = {}
    for chain in chains:
        if chain:
            children.setdefault(_dumps(chain[0]), []).append(chain[1:])
    by_field: dict[str, int] = {}
    others = 0
    for key in children:
        test = json.loads(key)
        (name, value), = test.items()
        if not name.startswith("$") and not isinstance(value, dict):
            by_field[name] = 1
        else:
            others += 1
    width, matches = len(children), others + sum(by_field.values())
    for rest in children.values():
        w, m = _sibling_bound(rest)
        width, matches = max(width, w), max(matches, m)
    return width, matches


def check_limits(probes: dict[str, Any], combos: dict[str, Any]) -> None:
    for label, ruleset in (("fact tests", probes), ("rules", combos)):
        if len(ruleset) > MAX_RULES_PER_RULESET:
            raise RuleError(
                Problem(
                    f"the pack compiles to {len(ruleset)} durable_rules {label}; one ruleset "
                    f"holds at most {MAX_RULES_PER_RULESET}",
                    hint="split it into smaller packs",
                )
            )
    chains = [rule["all"][0]["m"]["$and"] for name, rule in probes.items() if name != STATE_RULE]
    # The rule-input chains share one network too: check them, or a big pack hangs at load.
    chains += [rule["all"][0]["m"]["$and"] for name, rule in combos.items() if name != STATE_RULE]
    width, matches = _sibling_bound(chains)
    if width > MAX_TESTS_UNDER_NODE:
        raise RuleError(
            Problem(
                f"{width} distinct tests share one durable_rules network node (limit "
                f"{MAX_TESTS_UNDER_NODE}; past it create_ruleset never returns)",
                hint="test a more selective field first, or split the pack",
            )
        )
    if matches > MAX_SIBLING_MATCHES:
        raise RuleError(
            Problem(
                f"one fact could match {matches} sibling tests at once (durable_rules allows "
                f"{MAX_SIBLING_MATCHES})",
                hint="add an equality test to those rules, or split the pack",
            )
        )


def _properties(value: Any) -> int:
    """Properties as durable_rules counts them: nested keys count, an array counts one."""
    if isinstance(value, dict):
        return sum(1 + _properties(v) if isinstance(v, dict) else 1 for v in value.values())
    return 0


def _too_long(value: Any) -> bool:
    # A character is at most 4 bytes in UTF-8: encode only strings that might be too long.
    return isinstance(value, str) and len(value) * 4 > MAX_STRING_BYTES and (
        len(value.encode()) > MAX_STRING_BYTES
    )


def check_fact(data: dict[str, Any], text: str) -> None:
    if len(data) > MAX_FACT_PROPERTIES or _properties(data) > MAX_FACT_PROPERTIES:
        raise EngineError(
            f"a fact of kind {data.get(KIND)} has more than {MAX_FACT_PROPERTIES} properties"
        )
    if len(text) <= MAX_STRING_BYTES:
        return  # no single string in it can be longer than the whole text
    for value in data.values():
        if _too_long(value) or (isinstance(value, list) and any(map(_too_long, value))):
            raise EngineError("a text value is longer than durable_rules can match (64 KiB)")
    if len(text) > 10_000_000:
        raise EngineError("facts are too large to assert in one assessment")


# ---------------------------------------------------------------- driving the C module


def _check_ids(ids: Sequence[str], seen: set[int]) -> None:
    """Fact ids must be unique by the engine's 32-bit hash within a session, or one is dropped."""
    hashes = {fnv1a_32(i) for i in ids}
    if len(hashes) != len(ids) or hashes & seen:
        raise EngineError("two fact ids share a durable_rules hash; the engine would drop one")
    seen |= hashes


class DurableSession:
    """One assessment: one durable_rules session in each ruleset, deleted when it ends."""

    def __init__(self, matcher: DurableMatcher) -> None:
        self.matcher = matcher
        self.sid = f"s{next(_session_ids)}"
        # Ruleset handles whose session has started an action: only those may be deleted
        # (delete_state on a session that never started one frees an uninitialised pointer).
        self.open: dict[int, int] = {}
        self.ids: dict[int, set[int]] = {}
        self.actions = 0
        self.rule_inputs = 0

    def _assert(self, handle: int, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Assert facts, then run every pending action in this thread; return what fired."""
        if not items:
            return []
        _check_ids([item["id"] for item in items], self.ids.setdefault(handle, set()))
        text = _dumps(items)
        for item in items:
            check_fact(item, text)
        try:
            # Result 1 means "some fact matched nothing" and 2 "duplicate": neither is an error.
            _code, offset = dre.assert_facts(handle, text)
            fired: list[dict[str, Any]] = []
            started = dre.start_action_for_state(handle, offset)
            if started is None:
                return fired
            self.open[handle] = offset
            message: str | None = started[1]
            while message is not None:
                self.actions += 1
                if self.actions > MAX_ACTIONS:
                    raise EngineError(f"more than {MAX_ACTIONS} rule activations in one assessment")
                fired.append(json.loads(message))
                message = dre.complete_and_start_action(handle, offset)
        except dre.error as err:
            raise EngineError(f"durable_rules failed: {err}") from None
        return fired

    def match_facts(self, facts: Sequence[Fact]) -> list[tuple[str, str]]:
        items = [{"id": f.id, "sid": self.sid, KIND: f.kind, **f.fields} for f in facts]
        # A disjunction whose branches both hold activates once per branch: keep each
        # (probe, fact) match once, in the order the engine reported it.
        matches: dict[tuple[str, str], None] = {}
        for activation in self._assert(self.matcher.probe_handle, items):
            ((name, frames),) = activation.items()
            if name != STATE_RULE:
                matches[(name, frames["m"]["id"])] = None
        return list(matches)

    def match_rules(self, inputs: Sequence[RuleInput]) -> list[str]:
        items = []
        buckets = self.matcher.buckets
        for item in inputs:
            items.append(
                {
                    "id": f"r{self.rule_inputs}",
                    "sid": self.sid,
                    KIND: RULE_INPUT,
                    **({} if buckets is None else {BUCKET: buckets[item.rule]}),
                    RULE: item.rule,
                    **item.truth,
                }
            )
            self.rule_inputs += 1
        fired: dict[str, None] = {}
        for activation in self._assert(self.matcher.combo_handle, items):
            ((name, frames),) = activation.items()
            if name != STATE_RULE:
                fired[frames["m"][RULE]] = None
        return list(fired)

    def close(self) -> None:
        for handle in self.open:
            try:
                dre.delete_state(handle, self.sid)
            except dre.error as err:  # pragma: no cover - stock engine failure
                raise EngineError(f"durable_rules could not delete a session: {err}") from None
        self.open.clear()


class DurableMatcher:
    """A compiled pack loaded into durable_rules. One lock per pack: the C module never releases
    the GIL, so assessments of one pack run one at a time; use processes for throughput."""

    def __init__(self, compiled: CompiledPack) -> None:
        probes, combos = ruleset_json(compiled)
        check_limits(probes, combos)
        self.compiled = compiled
        self.buckets = rule_buckets(compiled)
        base = f"advisor_{compiled.content_hash[:12] or 'pack'}_{next(_ruleset_names)}"
        self.lock = threading.Lock()
        self.probe_handle: int = dre.create_ruleset(f"{base}_probes", _dumps(probes))
        try:
            self.combo_handle: int = dre.create_ruleset(f"{base}_rules", _dumps(combos))
        except dre.error:
            dre.delete_ruleset(self.probe_handle)
            raise
        self.closed = False

    @contextmanager
    def session(self) -> Iterator[MatchSession]:
        with self.lock:
            if self.closed:
                raise EngineError("this advisor has been closed")
            session = DurableSession(self)
            try:
                yield session
            finally:
                session.close()

    def close(self) -> None:
        """Free both rulesets; sessions are always deleted first (a live one would leak)."""
        with self.lock:
            if not self.closed:
                self.closed = True
                dre.delete_ruleset(self.probe_handle)
                dre.delete_ruleset(self.combo_handle)
