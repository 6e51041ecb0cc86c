"""`advisor rules check`: every problem of a rule pack in one run (load errors, conditions that
can never hold, contradictions, missing rationale, stale sources, engine limits)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from advisor.authoring.implication import implies, never_fires
from advisor.authoring.scaffold import PLACEHOLDER
from advisor.authoring.show import condition_inline
from advisor.engine.compiler import compile_pack
from advisor.engine.durable import DurableMatcher
from advisor.errors import AdvisorError, Problem
from advisor.files.packs import load_pack_collecting
from advisor.model.sources import is_stale, resolved
from advisor.rulebook.conditions import AllOf, Condition, Frame, NotOf
from advisor.rulebook.effects import type_of
from advisor.rulebook.pack import RulePack
from advisor.rulebook.rules import Rule

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
