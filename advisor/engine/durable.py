"""The durable_rules adapter, the only module that imports it: compiled probes become durable_rules
rulesets (sharded past 2,000 probes), driven through the C module directly (no Host timer
threads), with long-lived sessions reused by consecutive assessments and every stock limit checked
before the engine can trip on it. How matched probes combine into rules is inference's `holds`."""

from __future__ import annotations

import itertools
import json
import re
import sys
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from advisor.engine.compiler import Clause, CompiledPack, Probe, Test
from advisor.errors import EngineError, Problem, RuleError

try:
    import durable_rules_engine as dre
except ImportError as err:  # a build for another Python, or none: say which Pythons work
    raise EngineError(
        Problem(
            f"the rule engine durable_rules cannot be imported on Python "
            f"{sys.version_info.major}.{sys.version_info.minor} ({err})",
            hint="the advisor needs CPython 3.11 or 3.12 and a durable_rules 2.0.28 build for it, "
            "which compiles C at install: reinstall it with one of those Pythons",
        )
    ) from None
from advisor.engine.inference import MatchSession
from advisor.model.facts import Fact

KIND = "_kind"
STATE_RULE = "_session_started"
# One ruleset holds at most 4,096 rules, and each activation scans every rule of its ruleset for
# pending actions: a pack of more probes is sharded over several rulesets of at most this many.
RULES_PER_SHARD = 2_000

# Stock durable_rules 2.0.28 limits: past them its C module hangs (create_ruleset never returns
# with more than 512 distinct tests under one network node), crashes or silently matches wrongly.
# check_limits and check_fact refuse such rules and facts before it sees them (tests/test_engine.py
# and the limit-* cases of tests/reliability/make_corpus.py).
MAX_RULES_PER_RULESET = 4_096
MAX_TESTS_UNDER_NODE = 512
MAX_SIBLING_MATCHES = 64
MAX_FACT_PROPERTIES = 252
MAX_STRING_BYTES = 65_535
# A session that produces more activations than this is a runaway, not an assessment.
MAX_ACTIONS = 200_000

_OPS = {"ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}
_ruleset_names = itertools.count()


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


def _shards(items: Sequence[Any]) -> list[Sequence[Any]]:
    """Items split evenly, in order, into as few shards of at most RULES_PER_SHARD as will do."""
    if not items:
        return [items]
    count = -(-len(items) // RULES_PER_SHARD)
    size = -(-len(items) // count)
    return [items[start : start + size] for start in range(0, len(items), size)]


def ruleset_json(compiled: CompiledPack) -> list[dict[str, Any]]:
    """The probe rulesets (one unless the pack is large enough to shard), each with a rule on
    the session state fact so every session starts an action (stock workaround for the
    delete_state crash)."""
    state_rule = {"all": [{"m": {"$s": 1}}]}
    shards = []
    for probes in _shards(compiled.probes):
        ruleset: dict[str, Any] = {STATE_RULE: state_rule}
        for probe in probes:
            ruleset[probe.id] = {"all": [{"m": probe_json(probe)}]}
        shards.append(ruleset)
    return shards


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


def check_limits(shards: Sequence[dict[str, Any]]) -> None:
    """Refuse, before durable_rules sees it, any ruleset that would hang, crash or mislead it."""
    for ruleset in shards:
        _check_ruleset(ruleset)


def _check_ruleset(ruleset: dict[str, Any]) -> None:
    if len(ruleset) > MAX_RULES_PER_RULESET:
        raise RuleError(
            Problem(
                f"the pack compiles to {len(ruleset)} durable_rules fact tests in one ruleset; "
                f"one holds at most {MAX_RULES_PER_RULESET}",
                hint="split it into smaller packs",
            )
        )
    chains = [rule["all"][0]["m"]["$and"] for name, rule in ruleset.items() if name != STATE_RULE]
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


def _too_long(value: Any) -> bool:
    # A character is at most 4 bytes in UTF-8: encode only strings that might be too long.
    return isinstance(value, str) and len(value) * 4 > MAX_STRING_BYTES and (
        len(value.encode()) > MAX_STRING_BYTES
    )


def check_fact(data: dict[str, Any], text: str) -> None:
    # Facts are flat (a field holds a scalar or a list, which durable_rules counts as one
    # property), so the number of keys is the number of properties.
    if len(data) > MAX_FACT_PROPERTIES:
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

# Creating a durable_rules session costs a memset of 8 KiB and three mallocs per rule (its beta
# and action state): 0.05 ms at 150 rules, 3 ms at 1,000; and whether those pages come from the
# heap or from a fresh mmap depends on the process's allocation history, which made one pack 1x
# or 6x slower from one process to the next. So sessions are not made per assessment: each
# ruleset has one lane, a session reused by consecutive assessments and retired once it holds
# this many facts, or as many as the ruleset has rules if that is more (a stored fact costs about
# 7 KiB, so this bounds a lane's memory while keeping set-up to a small share of its life; 512
# measured fastest for the shipped pack). Reuse is sound because every compiled rule tests a
# single fact: facts left by earlier assessments never join with new ones.
LANE_FACT_BUDGET = 512
# ... and once the facts asserted into it add up to this many bytes of JSON, whatever their count:
# a stored fact keeps about 7 KiB plus its own size (measured: 7.4 KiB at 100 bytes, 68 KiB at
# 60 KB), so 512 facts of long text would hold 34 MB in one lane. Typical assessments assert
# about 150 bytes a fact (512 facts: 80 KB), so this bound binds only on large facts.
LANE_BYTE_BUDGET = 1 << 20
# A lane's facts get the ids "0", "1", ... FNV-1a gives the decimal strings below this bound
# distinct hashes (tests/test_engine.py proves it), so they never collide with each other; only
# the lane's own state fact, id "sid-<sid>", is checked against them.
LANE_ID_SPACE = 200_000
_lane_names = itertools.count()
_id_hashes: list[int] = []
_id_hashes_lock = threading.Lock()
# durable_rules 2.0.28 (pinned) reports an activation as {"<rule>":{"m":<the fact's JSON text as
# asserted>}}, and every fact asserted here starts with its id: reading those two with a pattern
# costs a fifth of parsing the whole fact. Anything else (the state fact) is parsed in full.
_ACTIVATION = re.compile(r'\{"([^"\\]*)":\{"m":\{"id":"(\d+)"')


def _activation(message: str) -> tuple[str, int]:
    """The rule an activation is for and the lane id of the fact it matched (-1 if none)."""
    found = _ACTIVATION.match(message)
    if found:
        return found[1], int(found[2])
    ((name, frames),) = json.loads(message).items()
    ident = frames.get("m", {}).get("id")
    return name, int(ident) if isinstance(ident, str) and ident.isdigit() else -1


def _hashes_of_ids(start: int, stop: int) -> list[int]:
    """FNV-1a of the ids str(start) .. str(stop - 1), memoized: every lane reuses the same ids.
    Advisors in different threads share the memo, so it grows under a lock."""
    if len(_id_hashes) < stop:
        with _id_hashes_lock:
            for n in range(len(_id_hashes), stop):
                _id_hashes.append(fnv1a_32(str(n)))
    return _id_hashes[start:stop]


class Lane:
    """A long-lived durable_rules session in one ruleset, shared by consecutive assessments."""

    def __init__(self, handle: int, rules: int) -> None:
        self.handle = handle
        self.budget = max(LANE_FACT_BUDGET, rules)
        self.sid = ""
        self.state_hash = 0
        self.stored = 0
        self.bytes = 0
        # delete_state on a session that never started an action frees an uninitialised pointer;
        # the state rule makes a lane's first assert start one, and retire() checks it did.
        self.started = False

    def reserve(self, count: int) -> int:
        """Room for `count` facts with fresh ids; returns the first. Starts a new session when
        there is none, this one is full, or one of the ids would share its state fact's hash."""
        if count > LANE_ID_SPACE:
            raise EngineError("too many facts to assert in one assessment")
        while (
            not self.sid
            or self.stored + count > max(self.budget, count)
            or self.state_hash in _hashes_of_ids(self.stored, self.stored + count)
        ):
            self.retire()
            self.sid = f"lane{next(_lane_names)}"
            self.state_hash = fnv1a_32(f"sid-{self.sid}")
        first = self.stored
        self.stored += count
        return first

    def has_room(self, size: int) -> bool:
        """Whether `size` more bytes of facts keep this session within LANE_BYTE_BUDGET; a
        session holding nothing yet takes any one assertion (check_fact bounds that)."""
        return self.bytes == 0 or self.bytes + size <= LANE_BYTE_BUDGET

    def run(self, text: str, budget: int) -> list[tuple[str, int]]:
        """Assert facts, then run every pending action in this thread; return what fired, as
        (rule, lane id of the fact)."""
        try:
            # Result 1 means "some fact matched nothing" and 2 "duplicate": neither is an error.
            self.bytes += len(text)  # ASCII JSON (_dumps): one byte a character
            _code, offset = dre.assert_facts(self.handle, text)
            fired: list[tuple[str, int]] = []
            started = dre.start_action_for_state(self.handle, offset)
            if started is None:
                return fired
            self.started = True
            message: str | None = started[1]
            while message is not None:
                if len(fired) >= budget:
                    raise EngineError(f"more than {MAX_ACTIONS} rule activations in one assessment")
                fired.append(_activation(message))
                message = dre.complete_and_start_action(self.handle, offset)
        except dre.error as err:
            raise EngineError(f"durable_rules failed: {err}") from None
        return fired

    def retire(self) -> None:
        """Delete the session (all its facts and pending actions); the next reserve starts one."""
        if self.started:
            try:
                dre.delete_state(self.handle, self.sid)
            except dre.error as err:  # pragma: no cover - stock engine failure
                raise EngineError(f"durable_rules could not delete a session: {err}") from None
        self.sid, self.stored, self.bytes, self.started = "", 0, 0, False


def _encode(sid: str, first: int, bodies: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """Facts as asserted into session `sid`, with lane ids from `first`, and their JSON text."""
    items = [{"id": str(n), "sid": sid, **body} for n, body in enumerate(bodies, first)]
    return items, _dumps(items)


class DurableSession:
    """One assessment, asserting into its matcher's lanes with ids no other assessment uses."""

    def __init__(self, matcher: DurableMatcher) -> None:
        self.matcher = matcher
        self.actions = 0

    def _assert(self, lane: Lane, bodies: list[dict[str, Any]]) -> list[tuple[str, int]]:
        """Assert facts with fresh ids; return (rule, index of the fact in `bodies`) for each
        activation other than the session state rule's."""
        if not bodies:
            return []
        first = lane.reserve(len(bodies))
        items, text = _encode(lane.sid, first, bodies)
        if not lane.has_room(len(text)):
            # The ids and the session id are in the text: encode again for a fresh session.
            lane.retire()
            first = lane.reserve(len(bodies))
            items, text = _encode(lane.sid, first, bodies)
        for item in items:
            check_fact(item, text)
        fired = lane.run(text, MAX_ACTIONS - self.actions)
        self.actions += len(fired)
        return [(name, n - first) for name, n in fired if name != STATE_RULE]

    def match_facts(self, facts: Sequence[Fact]) -> list[tuple[str, str]]:
        bodies = [{KIND: f.kind, **f.fields} for f in facts]
        # A disjunction whose branches both hold activates once per branch: keep each
        # (probe, fact) match once, in the order the engine reported it.
        matches: dict[tuple[str, str], None] = {}
        for lane in self.matcher.lanes:
            for probe, index in self._assert(lane, bodies):
                matches[(probe, facts[index].id)] = None
        return list(matches)


class DurableMatcher:
    """A compiled pack loaded into durable_rules. One lock per pack: the C module never releases
    the GIL, so assessments of one pack run one at a time; use processes for throughput."""

    def __init__(self, compiled: CompiledPack) -> None:
        shards = ruleset_json(compiled)
        check_limits(shards)
        self.compiled = compiled
        base = f"advisor_{compiled.content_hash[:12] or 'pack'}_{next(_ruleset_names)}"
        self.lock = threading.Lock()
        lanes: list[Lane] = []
        try:
            for index, ruleset in enumerate(shards):
                handle = dre.create_ruleset(f"{base}_probes{index}", _dumps(ruleset))
                lanes.append(Lane(handle, len(ruleset)))
        except dre.error:
            for lane in lanes:
                dre.delete_ruleset(lane.handle)
            raise
        self.lanes = lanes
        self.closed = False
        # An Advisor dropped without close() must not leak its C rulesets (a service building
        # one per request would grow without bound): free them when the matcher is collected.
        # Not at interpreter exit, when the C module may already be gone.
        self._free = weakref.finalize(self, _free_rulesets, lanes)
        self._free.atexit = False

    @contextmanager
    def session(self) -> Iterator[MatchSession]:
        with self.lock:
            if self.closed:
                raise EngineError("this advisor has been closed")
            try:
                yield DurableSession(self)
            except BaseException:
                # An assessment that failed half way may leave facts or pending actions behind:
                # start the next one on fresh sessions.
                for lane in self.lanes:
                    lane.retire()
                raise

    def detach(self) -> None:
        """Forget this matcher without freeing anything: for a forked child's copy of one."""
        self._free.detach()

    def close(self) -> None:
        """Free the rulesets; their sessions are deleted first (a live one would leak)."""
        with self.lock:
            if not self.closed:
                self.closed = True
                self._free()


def _free_rulesets(lanes: list[Lane]) -> None:
    for lane in lanes:
        lane.retire()
        dre.delete_ruleset(lane.handle)
