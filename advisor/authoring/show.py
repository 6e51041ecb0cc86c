"""`advisor rules list` and `rules show`: the rules of a pack as rows, and one rule in words
(its condition, effects, reason, sources, compiled probes and the scenarios that name it)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.engine.compiler import compile_pack, to_jsonable
from advisor.errors import Problem, RuleError
from advisor.files.read import read_text
from advisor.model.post import POST_ORDER
from advisor.model.sources import citation_text
from advisor.model.suggest import did_you_mean
from advisor.rulebook.conditions import AllOf, Condition, FieldTest, Frame, NotOf
from advisor.rulebook.effects import type_of
from advisor.rulebook.pack import RulePack

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
