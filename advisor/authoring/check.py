"""The rule authoring kit's library: list, show, check (lint), scaffold and document rules.
No click here: `advisor rules ...` in cli.py calls these and prints what they return."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from advisor.engine.compiler import compile_pack, to_jsonable
from advisor.engine.durable import DurableMatcher
from advisor.errors import AdvisorError, Problem, RuleError
from advisor.files.loader import load_pack, load_pack_collecting, read_text
from advisor.model.facts import FACT_SCHEMA, FieldSpec
from advisor.model.post import POST_ORDER
from advisor.model.sources import citation_text, is_stale, resolved
from advisor.model.suggest import did_you_mean
from advisor.rulebook.conditions import AllOf, AnyOf, Condition, FieldTest, Frame, NotOf
from advisor.rulebook.effects import type_of
from advisor.rulebook.language import RULE_ID
from advisor.rulebook.pack import RulePack
from advisor.rulebook.rules import Rule

# Kinds with exactly one fact per profile: two frames of one of these in an `all` test the same
# fact, so their tests must hold together.
SINGLETON_KINDS = frozenset({"organization", "strategy", "resources", "bottlenecks", "summary"})
PLACEHOLDER = "TODO"


# ================================================================ list and show


@dataclass(frozen=True)
class RuleRow:
    id: str
    post: str
    status: str
    title: str
    file: str
    line: int | None


def list_rules(pack: RulePack) -> list[RuleRow]:
    """Every rule of a pack, in POST order then by id."""
    rows = []
    for rule in pack.rules:
        where = pack.locations.get(rule.id)
        rows.append(
            RuleRow(
                rule.id,
                rule.meta.post,
                rule.meta.status,
                rule.meta.title,
                where.file if where else "",
                where.line if where else None,
            )
        )
    return sorted(rows, key=lambda r: (POST_ORDER.index(r.post), r.id))


def find_features(paths: Iterable[str | Path]) -> list[Path]:
    """Feature files given as files or folders (searched recursively), in a stable order."""
    found: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.update(p for p in path.rglob("*.feature") if p.is_file())
        elif path.suffix == ".feature" and path.is_file():
            found.add(path)
    return sorted(found)


@dataclass(frozen=True)
class ScenarioRef:
    file: str
    line: int
    scenario: str


_SCENARIO = re.compile(r"^\s*(Scenario|Scenario Outline|Scenario Template|Example):\s*(.*)$")


def scenarios_mentioning(rule_id: str, features: Sequence[Path]) -> list[ScenarioRef]:
    """The scenarios whose steps name a rule id (in quotes, as the steps write it)."""
    quoted = f'"{rule_id}"'
    refs = []
    for path in features:
        current: tuple[int, str] | None = None
        for number, line in enumerate(read_text(path).splitlines(), start=1):
            match = _SCENARIO.match(line)
            if match:
                current = (number, match.group(2).strip())
            elif current is not None and (quoted in line or rule_id in _cells(line)):
                refs.append(ScenarioRef(str(path), current[0], current[1]))
                current = None  # one reference per scenario is enough
    return refs


def _cells(line: str) -> list[str]:
    """The cells of a Gherkin table row (an outline's Examples may list rule ids)."""
    text = line.strip()
    if not text.startswith("|"):
        return []
    return [cell.strip() for cell in text.strip("|").split("|")]


def rule_not_found(pack: RulePack, rule_id: str) -> RuleError:
    hint = did_you_mean(rule_id, [r.id for r in pack.rules]) or "see `advisor rules list`"
    return RuleError(Problem(f"no rule '{rule_id}' in pack {pack.manifest.name}", hint=hint))


def show_rule(pack: RulePack, rule_id: str, features: Sequence[Path]) -> dict[str, Any]:
    """One rule as written, where it is, its compiled form, and the scenarios that name it."""
    if rule_id not in {r.id for r in pack.rules}:
        raise rule_not_found(pack, rule_id)
    rule = pack.rule(rule_id)
    where = pack.locations.get(rule_id)
    compiled = to_jsonable(compile_pack(pack))
    entry: dict[str, Any] = compiled["rules"][rule_id]  # type: ignore[index]
    probes = compiled["probes"]
    used = sorted(set(_probe_ids(entry["formula"])))
    return {
        "id": rule_id,
        "file": where.file if where else None,
        "line": where.line if where else None,
        "inherited": rule_id in pack.inherited,
        "source_text": _source_text(pack, rule_id),
        "rule": rule.meta.model_dump(mode="json", exclude_none=True),
        "compiled": {"rule": entry, "probes": {p: probes[p] for p in used}},  # type: ignore[index]
        "scenarios": [
            {"file": s.file, "line": s.line, "scenario": s.scenario}
            for s in scenarios_mentioning(rule_id, features)
        ],
    }


# ---------------------------------------------------------------- show as text

_OP_WORDS = {
    "ne": "not",
    "in": "one of",
    "not_in": "none of",
    "lt": "<",
    "le": "<=",
    "gt": ">",
    "ge": ">=",
    "contains": "contains",
    "contains_any": "contains any of",
    "contains_all": "contains all of",
}


def _value_text(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(_value_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_text(test: FieldTest) -> str:
    """One field test in words: `nurses`, `one of supporting, talking`, `> 3`, `present`."""
    if test.op == "exists":
        return "present" if test.value else "absent"
    if test.op == "eq":
        return _value_text(test.value)
    return f"{_OP_WORDS[test.op]} {_value_text(test.value)}"


def _frame_fields(frame: Frame) -> list[tuple[str, str]]:
    """(field, its tests in words) in the order written; two tests of a field are joined."""
    by_field: dict[str, list[str]] = {}
    for test in frame.tests:
        by_field.setdefault(test.field, []).append(test_text(test))
    return [(name, " and ".join(texts)) for name, texts in by_field.items()]


def condition_inline(condition: Condition) -> str:
    """A condition on one line: `objective.kind one of supporting, energizing`."""
    if isinstance(condition, Frame):
        return " and ".join(
            f"{condition.kind}.{name}" + ("" if _is_phrase(text) else " =") + f" {text}"
            for name, text in _frame_fields(condition)
        )
    if isinstance(condition, NotOf):
        return f"not ({condition_inline(condition.item)})"
    joiner = " and " if isinstance(condition, AllOf) else " or "
    return "(" + joiner.join(condition_inline(item) for item in condition.items) + ")"


def _is_phrase(text: str) -> bool:
    return text.startswith(
        ("not ", "one of ", "none of ", "< ", "<= ", "> ", ">= ", "contains ")
    ) or text in ("present", "absent")


def condition_lines(condition: Condition, indent: int = 0) -> list[str]:
    """A condition as YAML-like lines: `all:`/`any:` with `- ` items, `not:`, and a frame as its
    fact kind with one `field: test` line per field."""
    pad = " " * indent
    if isinstance(condition, Frame):
        lines = [f"{pad}{condition.kind}:"]
        lines += [f"{pad}  {name}: {text}" for name, text in _frame_fields(condition)]
        return lines
    if isinstance(condition, NotOf):
        return [f"{pad}not:", *condition_lines(condition.item, indent + 2)]
    lines = [f"{pad}{'all' if isinstance(condition, AllOf) else 'any'}:"]
    for item in condition.items:
        sub = condition_lines(item, indent + 4)
        lines.append(f"{pad}  - {sub[0].lstrip()}")
        lines += sub[1:]
    return lines


def effect_sentence(effect: Any) -> str:
    """One effect as a sentence with its fields."""
    return type_of(effect).sentence(effect)


def _wrapped(text: str, indent: int = 2, width: int = 88, first: str | None = None) -> list[str]:
    """Text wrapped for a terminal, indented (the first line may start with `first`)."""
    import textwrap

    pad = " " * indent
    return textwrap.wrap(
        " ".join(text.split()),
        width,
        initial_indent=pad if first is None else first,
        subsequent_indent=pad,
    ) or [pad]


def _probe_text(probe: dict[str, Any]) -> str:
    """A compiled probe: its fact kind and its tests (conjunctions of alternatives)."""
    parts = []
    for alternatives in probe.get("all", []):
        shown = [" ".join(_value_text(x) for x in test) for test in alternatives]
        parts.append(" or ".join(shown) if len(shown) > 1 else shown[0])
    return f"{probe.get('kind')}: " + (", ".join(parts) if parts else "any fact")


def show_rule_text(pack: RulePack, rule_id: str, features: Sequence[Path]) -> str:
    """`advisor rules show` for a terminal: what the rule says, in words, then how it compiles
    and the scenarios that name it (`--format json` gives show_rule's data)."""
    data = show_rule(pack, rule_id, features)
    rule = pack.rule(rule_id)
    meta = rule.meta
    where = f"{data['file']}:{data['line']}" if data["file"] else "(no file)"
    if data["inherited"]:
        where += " (inherited from the pack this one extends)"
    out = [meta.title, ""]
    rows = [
        ("id", rule_id),
        ("file", where),
        ("post", meta.post),
        ("status", meta.status),
        ("evidence", meta.evidence),
    ]
    if meta.tags:
        rows.append(("tags", ", ".join(meta.tags)))
    out += [f"  {name:<9} {value}" for name, value in rows]
    out += ["", "when:", *condition_lines(rule.when, 2), "", "then:"]
    for effect in rule.then:
        out += _wrapped(effect_sentence(effect), 4, first="  - ")
    out += ["", "because:", *_wrapped(meta.because), "", "source:"]
    bibliography = pack.bibliography
    for citation in meta.source:
        entry = bibliography.get(citation)
        text = citation if entry is None else f"{citation}: {citation_text(entry)}"
        out += _wrapped(text, 4, first="  - ")
    if meta.rationale:
        out += ["", "rationale:", *_wrapped(meta.rationale)]
    compiled = data["compiled"]
    entry, probes = compiled["rule"], compiled["probes"]
    count = len(probes)
    out += ["", "compiled:"]
    out.append(
        f"  stratum {entry['stratum']}; {count} probe{'s' if count != 1 else ''}"
        + ("; holds when no probe matches" if entry.get("fires_without_hits") else "")
    )
    out += [f"  {pid}  {_probe_text(probe)}" for pid, probe in probes.items()]
    scenarios = data["scenarios"]
    out += ["", f"scenarios naming it: {len(scenarios)}"]
    out += [f"  {s['file']}:{s['line']}  {s['scenario']}" for s in scenarios]
    if not scenarios:
        out.append("  none found (give --features with the folders to search)")
    return "\n".join(out) + "\n"


def _source_text(pack: RulePack, rule_id: str) -> str | None:
    """The rule's lines as written in its file (up to the next rule of the same file), when the
    file can be read from here."""
    where = pack.locations.get(rule_id)
    if where is None or where.line is None or not Path(where.file).is_file():
        return None
    starts = sorted(
        loc.line
        for loc in pack.locations.values()
        if loc.file == where.file and loc.line is not None and loc.line > where.line
    )
    lines = read_text(where.file).splitlines()
    end = starts[0] - 1 if starts else len(lines)
    return "\n".join(lines[where.line - 1 : end]).rstrip() + "\n"


def _probe_ids(formula: Any) -> Iterable[str]:
    if isinstance(formula, str):
        yield formula
    elif isinstance(formula, dict):
        for value in formula.values():
            yield from _probe_ids(value)
    elif isinstance(formula, list):
        for item in formula:
            yield from _probe_ids(item)


# ================================================================ check


CheckLevel = Literal["error", "warning"]


@dataclass(frozen=True)
class CheckItem:
    level: CheckLevel
    code: str
    problem: Problem

    def to_jsonable(self) -> dict[str, Any]:
        p = self.problem
        return {
            "level": self.level,
            "code": self.code,
            "file": p.file,
            "line": p.line,
            "rule_id": p.rule_id,
            "field": p.field,
            "message": p.message,
            "hint": p.hint,
        }

    def __str__(self) -> str:
        return f"{self.level}: [{self.code}] {self.problem}"


@dataclass
class CheckResult:
    pack: str | None
    rules_checked: int
    items: list[CheckItem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for i in self.items if i.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.items if i.level == "warning")

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "pack": self.pack,
            "rules_checked": self.rules_checked,
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [i.to_jsonable() for i in self.items],
        }

    def summary(self) -> str:
        return (
            f"{self.rules_checked} rules checked: {self.errors} errors, {self.warnings} warnings"
        )


def _load_code(problem: Problem) -> str:
    if problem.message.startswith(("duplicate rule id", "duplicate source id")):
        return "duplicate-id"
    if problem.message.startswith("unknown source id") or "not a source id" in problem.message:
        return "unknown-source"
    if "derived fact" in problem.message:
        return "never-fires"
    if problem.message.startswith("unknown channel"):
        return "unknown-channel"
    if problem.message.startswith(("unknown field", "unknown fact")):
        return "unknown-field"
    return "schema"


def check_pack(folder: str | Path | None, today: datetime.date | None = None) -> CheckResult:
    """Lint a rule pack: every load problem (not just the first), rules that can never fire,
    rules that contradict each other, missing rationale, sources older than the manifest's
    `stale_after_years` (relative to `today`), and durable_rules' limits."""
    try:
        pack, problems = load_pack_collecting(folder)
    except AdvisorError as err:
        return CheckResult(None, 0, [CheckItem("error", "schema", p) for p in err.problems])
    items = [CheckItem("error", _load_code(p), p) for p in problems]
    own = pack.own_rules()
    for rule in own:
        items.extend(_rule_items(pack, rule, today))
    items.extend(_contradictions(pack, {r.id for r in own}))
    try:
        DurableMatcher(compile_pack(pack)).close()
    except AdvisorError as err:
        items.extend(CheckItem("error", "engine-limit", p) for p in err.problems)
    items.sort(key=lambda i: (i.problem.file or "", i.problem.line or 0, i.code))
    return CheckResult(pack.manifest.name, len(own), items)


def _at(
    pack: RulePack, rule: Rule, message: str, field_name: str | None, hint: str | None
) -> Problem:
    where = pack.locations.get(rule.id)
    return Problem(
        message,
        where.file if where else None,
        where.line if where else None,
        field_name,
        rule.id,
        hint,
    )


def _stale_items(pack: RulePack, rule: Rule, today: datetime.date) -> list[CheckItem]:
    """A warning per cited survey, study or vendor report older than the manifest's
    `stale_after_years`, unless the bibliography says why it is still cited."""
    after = pack.manifest.stale_after_years
    return [
        CheckItem(
            "warning",
            "stale-source",
            _at(
                pack,
                rule,
                f"cites {source.id} ({source.year}), a {source.kind} older than {after} years",
                "source",
                "cite a newer source, or say in sources.yaml (dated: ...) why this one stands",
            ),
        )
        for source in resolved(rule.meta.source, pack.bibliography)
        if is_stale(source, today.year, after)
    ]


def _rule_items(
    pack: RulePack, rule: Rule, today: datetime.date | None = None
) -> list[CheckItem]:
    today = today or datetime.date.today()
    items = []
    reason = never_fires(rule.when)
    if reason is not None:
        items.append(
            CheckItem(
                "error",
                "never-fires",
                _at(pack, rule, f"can never fire: {reason}", "when", "fix the condition"),
            )
        )
    if rule.meta.rationale is None:
        items.append(
            CheckItem(
                "warning",
                "missing-rationale",
                _at(
                    pack,
                    rule,
                    "no rationale",
                    "rationale",
                    "say why the conclusion follows from the facts",
                ),
            )
        )
    texts = {
        "title": rule.meta.title,
        "because": rule.meta.because,
        "source": "; ".join(rule.meta.source),
        "rationale": rule.meta.rationale or "",
    }
    for name, text in texts.items():
        if PLACEHOLDER in text:
            items.append(
                CheckItem(
                    "warning",
                    "placeholder",
                    _at(pack, rule, f"{name} still says {PLACEHOLDER}", name, "fill it in"),
                )
            )
    items.extend(_stale_items(pack, rule, today))
    if rule.meta.status == "deprecated":
        items.append(
            CheckItem(
                "warning",
                "deprecated",
                _at(pack, rule, "rule is deprecated", "status", "remove it or name its successor"),
            )
        )
    return items


# ---------------------------------------------------------------- can a condition ever hold?


def never_fires(condition: Condition) -> str | None:
    """Why a condition can never hold, or None when it may. Sound but not complete: it finds
    contradictory tests of one field (eq a and eq b, lt 3 and gt 5, a count below zero...)."""
    if isinstance(condition, Frame):
        return _frame_contradiction(condition.kind, condition.tests)
    if isinstance(condition, NotOf):
        return None
    reasons = [never_fires(item) for item in condition.items]
    if isinstance(condition, AnyOf):
        if all(reasons):
            return "every branch of 'any' can never fire (" + "; ".join(map(str, reasons)) + ")"
        return None
    for reason in reasons:
        if reason:
            return reason
    by_kind: dict[str, list[FieldTest]] = {}
    count: dict[str, int] = {}
    for item in condition.items:
        if isinstance(item, Frame) and item.kind in SINGLETON_KINDS:
            by_kind.setdefault(item.kind, []).extend(item.tests)
            count[item.kind] = count.get(item.kind, 0) + 1
    for kind, tests in by_kind.items():
        if count[kind] > 1:
            reason = _frame_contradiction(kind, tuple(tests))
            if reason:
                return reason
    return None


def _universe(spec: FieldSpec) -> set[Any] | None:
    if spec.type == "bool":
        return {True, False}
    if spec.choices is not None and spec.type == "str":
        return set(spec.choices)
    return None


def _frame_contradiction(kind: str, tests: Sequence[FieldTest]) -> str | None:
    by_field: dict[str, list[FieldTest]] = {}
    for test in tests:
        by_field.setdefault(test.field, []).append(test)
    for name, field_tests in by_field.items():
        spec = FACT_SCHEMA[kind].get(name)
        if spec is None:
            continue
        reason = _field_contradiction(spec, name, field_tests)
        if reason:
            return f"{kind}.{name}: {reason}"
    return None


def _show(test: FieldTest) -> str:
    value = test.value
    shown = "[" + ", ".join(map(str, value)) + "]" if isinstance(value, tuple) else str(value)
    return f"{test.op} {shown}"


def _field_contradiction(spec: FieldSpec, name: str, tests: list[FieldTest]) -> str | None:
    absent = [t for t in tests if t.op == "exists" and t.value is False]
    present = [t for t in tests if not (t.op == "exists" and t.value is False)]
    if absent and present:
        return f"'exists false' and '{_show(present[0])}' cannot both hold"
    if spec.type == "list":
        return None
    allowed = _universe(spec)
    lo: tuple[float, bool] | None = None  # (bound, inclusive)
    hi: tuple[float, bool] | None = None
    if spec.type in ("int", "number") and name.endswith("_count"):
        lo = (0.0, True)  # counts are never negative
    excluded: set[Any] = set()
    for test in tests:
        value = test.value
        if test.op == "eq":
            allowed = {value} if allowed is None else allowed & {value}
        elif test.op == "in":
            values = set(value) if isinstance(value, tuple) else {value}
            allowed = values if allowed is None else allowed & values
        elif test.op == "ne":
            excluded.add(value)
        elif test.op == "not_in":
            excluded |= set(value) if isinstance(value, tuple) else {value}
        elif test.op in ("gt", "ge") and isinstance(value, int | float):
            bound = (float(value), test.op == "ge")
            if lo is None or bound[0] > lo[0] or (bound[0] == lo[0] and not bound[1]):
                lo = bound
        elif test.op in ("lt", "le") and isinstance(value, int | float):
            bound = (float(value), test.op == "le")
            if hi is None or bound[0] < hi[0] or (bound[0] == hi[0] and not bound[1]):
                hi = bound
    shown = " and ".join(_show(t) for t in tests)
    empty = lo is not None and hi is not None and (
        lo[0] > hi[0] or (lo[0] == hi[0] and not (lo[1] and hi[1]))
    )
    if empty:
        return f"no value is {shown}"
    if allowed is not None:
        left = {v for v in allowed - excluded if _within(v, lo, hi)}
        if not left:
            return f"no value is {shown}"
    return None


def _within(value: Any, lo: tuple[float, bool] | None, hi: tuple[float, bool] | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return True
    if lo is not None and (value < lo[0] or (value == lo[0] and not lo[1])):
        return False
    return not (hi is not None and (value > hi[0] or (value == hi[0] and not hi[1])))


# ---------------------------------------------------------------- contradictions


def canonical(condition: Condition) -> Any:
    """A condition in a form where the order of `all`/`any` items and of tests does not matter."""
    if isinstance(condition, Frame):
        return ("frame", condition.kind, tuple(sorted(condition.tests, key=repr)))
    if isinstance(condition, NotOf):
        return ("not", canonical(condition.item))
    tag = "all" if isinstance(condition, AllOf) else "any"
    return (tag, tuple(sorted((canonical(i) for i in condition.items), key=repr)))


def _pushes(rule: Rule) -> list[tuple[str, int, str]]:
    """How a rule pushes channels: (channel, +1 or -1, what it does), in effect order."""
    pushes = (type_of(effect).pushes(effect) for effect in rule.then)
    return [(p.channel, p.sign, p.what) for p in pushes if p is not None]


def _contradictions(pack: RulePack, own: set[str]) -> list[CheckItem]:
    """Rules that push a channel opposite ways (one scores it up, the other scores it down or
    blocks it) when both hold: an error when their conditions are the same, a warning when one
    condition implies the other (whenever the narrower rule fires, the wider one fires too)."""
    ups: dict[str, list[tuple[Rule, str]]] = {}
    downs: dict[str, list[tuple[Rule, str]]] = {}
    for rule in pack.rules:
        for channel, sign, what in _pushes(rule):
            (ups if sign > 0 else downs).setdefault(channel, []).append((rule, what))
    keys = {rule.id: canonical(rule.when) for rule in pack.rules}
    items = []
    for channel in sorted(set(ups) & set(downs)):
        for down, what in downs[channel]:
            for up, _ in ups[channel]:
                if down.id not in own and up.id not in own:
                    continue
                if keys[up.id] == keys[down.id]:
                    if up.id == down.id and what == "blocks it":
                        continue  # a rule may score a channel and block it until a fix
                    items.append(_same_condition(pack, own, channel, up, down, what))
                elif up.id != down.id:
                    item = _overlap(pack, own, channel, up, down, what)
                    if item is not None:
                        items.append(item)
    return items


def _same_condition(
    pack: RulePack, own: set[str], channel: str, up: Rule, down: Rule, what: str
) -> CheckItem:
    subject = down if down.id in own else up
    other = up.id if subject.id == down.id else down.id
    message = (
        f"contradicts {other}: the same condition scores '{channel}' up in "
        f"{up.id} and {what} in {down.id}"
    )
    hint = "merge the rules, or make their conditions differ"
    return CheckItem("error", "contradiction", _at(pack, subject, message, "then", hint))


OVERLAP_HINT = (
    "make the narrower rule's exception explicit, e.g. add `not:` with its condition to the "
    "wider rule, or merge them"
)


def _overlap(
    pack: RulePack, own: set[str], channel: str, up: Rule, down: Rule, what: str
) -> CheckItem | None:
    """A warning when one rule's condition implies the other's: the narrower rule never fires
    alone, so the channel is pushed both ways whenever it fires."""
    if implies(down.when, up.when):
        narrow, wide = down, up
    elif implies(up.when, down.when):
        narrow, wide = up, down
    else:
        return None
    subject = narrow if narrow.id in own else wide
    other = wide.id if subject is narrow else narrow.id
    message = (
        f"overlaps {other} on '{channel}': whenever {narrow.id} holds, {wide.id} holds too "
        f"({condition_inline(narrow.when)} implies {condition_inline(wide.when)}), and "
        f"{up.id} scores '{channel}' up while {down.id} {what}"
    )
    return CheckItem("warning", "contradiction", _at(pack, subject, message, "when", OVERLAP_HINT))


# ---------------------------------------------------------------- does one condition imply another?


def implies(a: Condition, b: Condition) -> bool:
    """Whether every profile on which `a` holds also satisfies `b`. Sound but not complete: it
    compares the frames of one fact kind test by test (`eq a` implies `in [a, b]`, `gt 5`
    implies `gt 3`, `contains x` implies `contains_any [x, y]`), an `all` implies each of its
    parts, an `any` implies what each of its branches implies, and `not x` implies `not y` when
    `y` implies `x`."""
    if isinstance(b, AllOf):
        return all(implies(a, item) for item in b.items)
    if isinstance(a, AnyOf):
        return all(implies(item, b) for item in a.items)
    if isinstance(b, AnyOf):
        if any(implies(a, item) for item in b.items):
            return True
        return isinstance(a, AllOf) and any(implies(item, b) for item in a.items)
    if isinstance(a, AllOf):
        return any(implies(item, b) for item in a.items) or _merged_implies(a, b)
    if isinstance(b, NotOf):
        return isinstance(a, NotOf) and implies(b.item, a.item)
    if isinstance(a, NotOf):
        return False
    return _frame_implies(a, b)


def _merged_implies(a: AllOf, b: Condition) -> bool:
    """Frames of a one-per-profile kind in an `all` test the same fact: together they may imply
    a frame that none implies alone (`resources: {skills: ...}` and `resources: {moderation: ...}`
    imply a frame testing both)."""
    if not isinstance(b, Frame) or b.kind not in SINGLETON_KINDS:
        return False
    tests = tuple(
        t for item in a.items if isinstance(item, Frame) and item.kind == b.kind for t in item.tests
    )
    return _frame_implies(Frame(b.kind, tests), b)


def _frame_implies(a: Frame, b: Frame) -> bool:
    if a.kind != b.kind:
        return False
    return all(
        _tests_imply([t for t in a.tests if t.field == test.field], test) for test in b.tests
    )


def _values(test: FieldTest) -> set[Any]:
    return set(test.value) if isinstance(test.value, tuple) else {test.value}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _tests_imply(tests: list[FieldTest], goal: FieldTest) -> bool:
    """Whether the tests of one field, all holding on one fact, make `goal` hold on it."""
    if any(t.op == goal.op and _values(t) == _values(goal) for t in tests):
        return True
    allowed: set[Any] | None = None
    excluded: set[Any] = set()
    contains: set[Any] = set()
    any_sets: list[set[Any]] = []
    lo: tuple[float, bool] | None = None  # (bound, inclusive)
    hi: tuple[float, bool] | None = None
    present = absent = False
    for test in tests:
        op, values = test.op, _values(test)
        if op == "exists":
            present, absent = present or test.value is True, absent or test.value is False
            continue
        if op not in ("ne", "not_in"):
            present = True  # a value compared equal, ordered or contained is there
        if op in ("eq", "in"):
            allowed = values if allowed is None else allowed & values
        elif op in ("ne", "not_in"):
            excluded |= values
        elif op in ("contains", "contains_all"):
            contains |= values
        elif op == "contains_any":
            any_sets.append(values)
        elif op in ("gt", "ge") and _number(test.value):
            bound = (float(test.value), op == "ge")  # type: ignore[arg-type]
            if lo is None or bound[0] > lo[0] or (bound[0] == lo[0] and not bound[1]):
                lo = bound
        elif op in ("lt", "le") and _number(test.value):
            bound = (float(test.value), op == "le")  # type: ignore[arg-type]
            if hi is None or bound[0] < hi[0] or (bound[0] == hi[0] and not bound[1]):
                hi = bound
    if allowed is not None:
        allowed = {v for v in allowed if _within(v, lo, hi)}
        if allowed and all(_number(v) for v in allowed):
            lo, hi = (float(min(allowed)), True), (float(max(allowed)), True)
    goal_values = _values(goal)
    limit = float(goal.value) if _number(goal.value) else 0.0  # type: ignore[arg-type]
    match goal.op:
        case "exists":
            return present if goal.value is True else absent
        case "eq" | "in":
            return allowed is not None and bool(allowed) and allowed <= goal_values
        case "ne" | "not_in":
            return all(_excludes(v, allowed, excluded, lo, hi, present) for v in goal_values)
        case "gt":
            return lo is not None and (lo[0] > limit or (lo[0] == limit and not lo[1]))
        case "ge":
            return lo is not None and lo[0] >= limit
        case "lt":
            return hi is not None and (hi[0] < limit or (hi[0] == limit and not hi[1]))
        case "le":
            return hi is not None and hi[0] <= limit
        case "contains":
            return bool(goal_values & contains)
        case "contains_any":
            return bool(goal_values & contains) or any(s <= goal_values for s in any_sets)
        case "contains_all":
            return goal_values <= contains
    return False


def _excludes(
    value: Any,
    allowed: set[Any] | None,
    excluded: set[Any],
    lo: tuple[float, bool] | None,
    hi: tuple[float, bool] | None,
    present: bool,
) -> bool:
    """Whether the tests make `ne value` hold."""
    if value in excluded or (allowed is not None and value not in allowed):
        return True
    return present and _number(value) and not _within(value, lo, hi)


# ================================================================ scaffolding


@dataclass(frozen=True)
class Scaffold:
    rule_path: Path
    rule_text: str
    feature_path: Path
    feature_text: str


# The pytest configuration a rule pack project needs: the advisor's plugin is opt-in.
PYTEST_OPT_IN = """\
# Written by `advisor rules new`: run .feature files with the advisor's shipped steps.
[pytest]
advisor_collect_features = true
"""
_PYTEST_CONFIGS = ("pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg")


def pytest_config_to_write(project: Path) -> Path | None:
    """Where to write the plugin's opt-in, or None when the project already configures pytest
    (its author adds `advisor_collect_features = true` there, as the tutorial says)."""
    if any((project / name).is_file() for name in _PYTEST_CONFIGS):
        return None
    return project / "pytest.ini"


def scaffold(
    rule_id: str,
    rules_dir: Path,
    features_dir: Path,
    post: str | None = None,
    pack: RulePack | None = None,
    default_pack: bool = False,
) -> Scaffold:
    """A rule file that loads but cannot fire yet, and a feature that fails until the rule is
    written: the author's work is to make the feature pass."""
    if not RULE_ID.match(rule_id):
        raise RuleError(
            Problem(
                f"'{rule_id}' is not a rule id",
                field="id",
                hint="namespaced kebab-case, e.g. people.physicians.professional-networks",
            )
        )
    if pack is not None and rule_id in {r.id for r in pack.rules}:
        where = pack.locations.get(rule_id)
        at = f" ({where.file}:{where.line})" if where else ""
        raise RuleError(Problem(f"rule '{rule_id}' already exists{at}", field="id"))
    post = post or rule_id.split(".")[0]
    if post not in POST_ORDER:
        raise RuleError(
            Problem(
                f"cannot tell the POST dimension from '{rule_id}'",
                field="post",
                hint=f"start the id with one of {', '.join(POST_ORDER)}, or give --post",
            )
        )
    last = rule_id.rsplit(".", 1)[-1]
    code = last if re.match(r"^[a-z][a-z0-9-]{1,60}$", last) else f"rule-{last}"[:60]
    rule_path = rules_dir / f"{rule_id}.yaml"
    feature_path = features_dir / f"{rule_id}.feature"
    for path in (rule_path, feature_path):
        if path.exists():
            raise RuleError(Problem("already exists: not overwritten", str(path)))
    rule_text = f"""\
# Scaffolded by `advisor rules new`. Fill in every {PLACEHOLDER}: {feature_path.as_posix()}
# fails until this rule fires for the profile its first scenario describes.
id: {rule_id}
title: "{PLACEHOLDER}: what this rule concludes, in one line"
post: {post}
status: experimental
evidence: inference
when:
  # {PLACEHOLDER}: the condition. This placeholder can never hold (a count is never negative).
  summary: {{audience_count: {{lt: 0}}}}
then:
  - finding: {{level: info, code: {code}}}
because: "{PLACEHOLDER}: the reason a reader sees when this rule fires"
source: "{PLACEHOLDER}: the ids of the sources.yaml entries this rule rests on"
rationale: "{PLACEHOLDER}: why the conclusion follows from the facts"
"""
    if default_pack:
        pack_step = "Given the default rule pack"
    else:
        pack_step = f'Given the rule pack "{_relative(rules_dir, features_dir)}"'
    feature_text = f"""\
Feature: {rule_id}
  # Scaffolded by `advisor rules new`. The first scenario fails until the rule fires for the
  # profile it describes; the second proves the rule stays silent for another profile.
  # Every step: docs/steps.md

  Scenario: the rule fires for the case it was written for
    {pack_step}
    And a minimal "medical_association" profile
    # {PLACEHOLDER}: add the facts that make the rule fire
    When the advisor assesses the profile
    Then the rule "{rule_id}" fires

  Scenario: the rule stays silent for a profile it is not about
    {pack_step}
    And a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "{rule_id}" does not fire
"""
    return Scaffold(rule_path, rule_text, feature_path, feature_text)


def _relative(target: Path, start: Path) -> str:
    import os

    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()


# ================================================================ docs/rule-base.md


def _effect_text(effect: Any) -> str:
    return type_of(effect).brief(effect)


def _pack_relative(file: str, labels: Sequence[str]) -> str:
    for label in labels:
        if file.startswith(label.rstrip("/") + "/"):
            return file[len(label.rstrip("/")) + 1 :]
    return Path(file).name


def rule_base_markdown(pack: RulePack, label: str = "rules") -> str:
    """The catalogue of a pack's rules by POST dimension: title, reason, effects, evidence grade
    and source. Deterministic, so a test can tell when the committed file is stale."""
    out = [
        f"# Rule base: {pack.manifest.name} {pack.manifest.version}\n\n",
        "Generated by `advisor rules docs` from the rule files; do not edit by hand.\n",
        f"{len(pack.rules)} rules.\n",
    ]
    by_post: dict[str, list[Rule]] = {}
    for rule in pack.rules:
        by_post.setdefault(rule.meta.post, []).append(rule)
    for post in POST_ORDER:
        rules = sorted(by_post.get(post, []), key=lambda r: r.id)
        if not rules:
            continue
        out.append(f"\n## {post.replace('_', ' ').capitalize()} ({len(rules)})\n")
        for rule in rules:
            meta = rule.meta
            where = pack.locations.get(rule.id)
            out.append(f"\n### `{rule.id}`\n\n**{meta.title}**")
            if meta.status != "stable":
                out.append(f" ({meta.status})")
            out.append("\n\n")
            out.append(f"- Because: {meta.because}\n")
            out.append("- Effects: " + "; ".join(_effect_text(e) for e in rule.then) + "\n")
            out.append(f"- Evidence: {meta.evidence}; sources: {_cited(meta.source, pack)}\n")
            if meta.rationale:
                out.append(f"- Rationale: {meta.rationale}\n")
            if where is not None:
                shown = _pack_relative(where.file, [label, "rules"])
                out.append(f"- File: `{shown}`\n")
    if pack.sources:
        out.append(f"\n## Bibliography ({len(pack.sources)})\n\n")
        for entry in sorted(pack.sources, key=lambda e: e.id):
            out.append(f"- <a id=\"{entry.id}\"></a>`{entry.id}`: {citation_text(entry)}")
            out.append(f" ({entry.kind}" + (f"; {entry.sample}" if entry.sample else "") + ")")
            if entry.dated:
                out.append(f" Dated: {entry.dated}")
            out.append("\n")
    return "".join(out)


def _cited(citations: Sequence[str], pack: RulePack) -> str:
    """A rule's citations for the rule base: title and year of each bibliography entry, linked
    to its line in the bibliography; free text as written."""
    bibliography = pack.bibliography
    return "; ".join(
        f"[{bibliography[c].title} ({bibliography[c].year})](#{c})" if c in bibliography else c
        for c in citations
    )


def rule_base_for(folder: str | Path | None) -> str:
    return rule_base_markdown(load_pack(folder), "rules" if folder is None else str(folder))
