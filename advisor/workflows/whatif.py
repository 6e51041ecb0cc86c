"""What-if analysis: apply dotted-path changes to a profile, re-assess, and say what moved."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from rich.console import Console
from rich.table import Table
from rich.text import Text

from advisor.api import Advisor, ProfileInput
from advisor.errors import AdvisorError, Problem, ProfileError
from advisor.files.loader import LoadedProfile, _model_at, profile_from_data
from advisor.files.yamlsafe import format_path, parse_document
from advisor.model.profile import Profile
from advisor.model.report import Report, ResourcePlan
from advisor.model.suggest import did_you_mean
from advisor.render.markdown import md_escape, md_table, show_value

PathPart = str | int
_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)")


class Change(BaseModel):
    """One requested change: a dotted profile path and the new value."""

    model_config = ConfigDict(frozen=True)

    path: str
    value: Any


def parse_path(text: str) -> tuple[PathPart, ...]:
    """`objectives[0].metric` -> ("objectives", 0, "metric"); an error names what is wrong."""
    parts: list[PathPart] = []
    pos = 0
    expect_name = True
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise AdvisorError(
                Problem(f"cannot read path '{text}' at character {pos + 1}", field=text,
                        hint="write paths like resources.staff_hours_per_week or "
                             "objectives[0].metric")
            )
        name, index, dot = m.groups()
        if dot:
            if expect_name:
                raise AdvisorError(Problem(f"empty part in path '{text}'", field=text))
            expect_name = True
        elif name is not None:
            if not expect_name:
                raise AdvisorError(Problem(f"missing '.' before '{name}' in '{text}'",
                                           field=text))
            parts.append(name)
            expect_name = False
        else:
            if expect_name and parts:
                raise AdvisorError(Problem(f"empty part in path '{text}'", field=text))
            parts.append(int(index))
            expect_name = False
        pos = m.end()
    if not parts or expect_name or isinstance(parts[0], int):
        raise AdvisorError(Problem(f"'{text}' is not a profile path", field=text,
                                   hint="e.g. resources.staff_hours_per_week"))
    return tuple(parts)


def parse_assignment(text: str) -> Change:
    """`path=value`, the value read as YAML flow (`20`, `true`, `[a, b]`, `{kind: talking}`)."""
    path, sep, raw = text.partition("=")
    if not sep or not path.strip():
        raise AdvisorError(
            Problem(f"'{text}' is not path=value", hint="e.g. resources.staff_hours_per_week=20")
        )
    raw = raw.strip()
    if raw == "":
        value: Any = None
    else:
        value, _ = parse_document(raw, f"--set {path.strip()}")
    return Change(path=path.strip(), value=value)


def _check_path(parts: tuple[PathPart, ...], data: Any, spec: str) -> None:
    """Every key must be a profile field and every index inside its list (or one past the end,
    which appends)."""
    current = data
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        where = format_path(parts[: depth + 1])
        if isinstance(part, int):
            if not isinstance(current, list):
                raise ProfileError(Problem(f"'{format_path(parts[:depth])}' is not a list",
                                           "--set", field=spec))
            if part > len(current) or (part == len(current) and not last):
                raise ProfileError(Problem(
                    f"index {part} is out of range ({len(current)} items)", "--set", field=spec,
                    hint=f"use 0..{len(current) - 1} to change an item, {len(current)} to add one"
                ))
            current = current[part] if part < len(current) else None
            continue
        model = _model_at(Profile, parts[:depth])
        if model is None:
            raise ProfileError(Problem(f"'{format_path(parts[:depth])}' has no fields",
                                       "--set", field=spec))
        if part not in model.model_fields:
            hint = did_you_mean(part, model.model_fields) or (
                "fields here: " + ", ".join(model.model_fields)
            )
            raise ProfileError(Problem(f"unknown field '{where}'", "--set", field=spec, hint=hint))
        current = current.get(part) if isinstance(current, dict) else None


def profile_data(profile: Profile) -> dict[str, Any]:
    """A profile as plain data that validates back to the same profile."""
    return profile.model_dump(mode="json", exclude_computed_fields=True)


def apply_changes(profile: Profile, changes: Sequence[Change]) -> Profile:
    """The profile with every change applied, validated again as a whole."""
    data = copy.deepcopy(profile_data(profile))
    for change in changes:
        parts = parse_path(change.path)
        _check_path(parts, data, change.path)
        target: Any = data
        for part in parts[:-1]:
            if isinstance(part, int):
                target = target[part]
            else:
                if target.get(part) is None:
                    target[part] = {}
                target = target[part]
        last = parts[-1]
        if isinstance(last, int) and last == len(target):
            target.append(change.value)
        elif change.value is None and isinstance(last, str):
            target.pop(last, None)
        else:
            target[last] = change.value
    try:
        return profile_from_data(data, "--set")
    except ProfileError as err:
        raise ProfileError([_as_set(p, changes) for p in err.problems]) from None


def _as_set(problem: Problem, changes: Sequence[Change]) -> Problem:
    # Name the --set that caused the problem when one of them covers the field.
    for change in changes:
        if problem.field and (problem.field == change.path
                              or problem.field.startswith(change.path + ".")
                              or problem.field.startswith(change.path + "[")):
            return Problem(problem.message, f"--set {change.path}={show_value(change.value)}",
                           None, problem.field, hint=problem.hint)
    return problem


# ---------------------------------------------------------------- the difference


class Moved(BaseModel):
    model_config = ConfigDict(frozen=True)

    channel: str
    name: str
    rank_before: int | None
    rank_after: int | None
    score_before: float | None
    score_after: float | None
    blocked_before: bool = False
    blocked_after: bool = False


class FindingRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: str
    code: str
    rule_id: str
    message: str


class WhatIf(BaseModel):
    """The difference two assessments make: before the changes and after them."""

    model_config = ConfigDict(frozen=True)

    changes: list[Change]
    ready_before: bool
    ready_after: bool
    moved: list[Moved] = Field(default_factory=list)
    entered: list[Moved] = Field(default_factory=list)
    left: list[Moved] = Field(default_factory=list)
    findings_raised: list[FindingRef] = Field(default_factory=list)
    findings_cleared: list[FindingRef] = Field(default_factory=list)
    plan_before: ResourcePlan
    plan_after: ResourcePlan
    before: Report
    after: Report

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.entered or self.left or self.findings_raised
                    or self.findings_cleared or self.plan_before != self.plan_after)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude={"before", "after"}) + "\n"


def _standing(report: Report) -> dict[str, tuple[str, int | None, float, bool]]:
    out = {a.channel: (a.name, a.rank, a.score, bool(a.blocks)) for a in report.not_recommended}
    out |= {a.channel: (a.name, a.rank, a.score, False) for a in report.recommended}
    return out


def compare(before: Report, after: Report, changes: Sequence[Change]) -> WhatIf:
    """What changed between two reports of the same organization."""
    old, new = _standing(before), _standing(after)
    moved, entered, left = [], [], []
    for channel in sorted(set(old) | set(new)):
        name = (new.get(channel) or old[channel])[0]
        _, rb, sb, bb = old.get(channel, (name, None, None, False))
        _, ra, sa, ba = new.get(channel, (name, None, None, False))
        item = Moved(channel=channel, name=name, rank_before=rb, rank_after=ra,
                     score_before=sb, score_after=sa, blocked_before=bb, blocked_after=ba)
        # Entered and left the ranking; every other change of rank, score or block "moved".
        if rb is None and ra is not None:
            entered.append(item)
        elif rb is not None and ra is None:
            left.append(item)
        elif (rb, sb, bb) != (ra, sa, ba):
            moved.append(item)
    entered.sort(key=lambda m: m.rank_after or 0)
    left.sort(key=lambda m: m.rank_before or 0)
    moved.sort(key=lambda m: (m.rank_after is None, m.rank_after or 0, m.channel))

    def refs(report: Report) -> dict[tuple[str, str], FindingRef]:
        return {(f.code, f.rule_id): FindingRef(level=f.level, code=f.code, rule_id=f.rule_id,
                                               message=f.message) for f in report.findings}

    fb, fa = refs(before), refs(after)
    return WhatIf(
        changes=list(changes),
        ready_before=before.ready,
        ready_after=after.ready,
        moved=moved,
        entered=entered,
        left=left,
        findings_raised=[fa[k] for k in sorted(set(fa) - set(fb))],
        findings_cleared=[fb[k] for k in sorted(set(fb) - set(fa))],
        plan_before=before.resource_plan,
        plan_after=after.resource_plan,
        before=before,
        after=after,
    )


def what_if(advisor: Advisor, source: ProfileInput, changes: Sequence[Change]) -> WhatIf:
    """Assess a profile, then the same profile with the changes, and compare."""
    loaded = advisor.load(source)
    changed = apply_changes(loaded.profile, changes)
    after_loaded = advisor.load(LoadedProfile(changed, "--set", {}))
    return compare(advisor.assess(loaded), advisor.assess(after_loaded), changes)


# ---------------------------------------------------------------- rendering


def rank_text(rank: int | None, blocked: bool = False) -> str:
    if blocked:
        return "blocked"
    return "—" if rank is None else f"#{rank}"


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:g}"


def _rows(diff: WhatIf) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for label, items in (("entered", diff.entered), ("left", diff.left), ("moved", diff.moved)):
        for m in items:
            ranks = f"{rank_text(m.rank_before, m.blocked_before)} → "
            ranks += rank_text(m.rank_after, m.blocked_after)
            rows.append((label, m.name, ranks,
                         f"{score_text(m.score_before)} → {score_text(m.score_after)}", m.channel))
    return rows


def _plan_rows(diff: WhatIf) -> list[tuple[str, str, str]]:
    b, a = diff.plan_before, diff.plan_after
    return [
        ("Staff hours per week", f"{b.hours_available:g}", f"{a.hours_available:g}"),
        ("Hours planned", f"{b.hours_planned:g}", f"{a.hours_planned:g}"),
        ("Hours left", f"{b.hours_left:g}", f"{a.hours_left:g}"),
        ("Channels planned", ", ".join(b.planned) or "—", ", ".join(a.planned) or "—"),
        ("Not fitted", ", ".join(b.not_fitted) or "—", ", ".join(a.not_fitted) or "—"),
    ]


def render_whatif_table(diff: WhatIf, console: Console) -> None:
    said = "; ".join(f"{c.path} = {show_value(c.value)}" for c in diff.changes)
    console.print(f"What if: {said}", markup=False)
    if not diff.changed:
        console.print("Nothing changes: the same channels, findings and resource plan.")
    rows = _rows(diff)
    if rows:
        table = Table(title="Channels", title_justify="left")
        for col in ("Change", "Channel", "Rank", "Score"):
            table.add_column(col)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row[:4]))
        console.print(table)
    for label, found in (("raised", diff.findings_raised), ("cleared", diff.findings_cleared)):
        for f in found:
            console.print(f"Finding {label}: {f.level} {f.code} — {f.message} [{f.rule_id}]",
                          markup=False)
    if diff.ready_before != diff.ready_after:
        console.print("Ready to choose channels: "
                      f"{'yes' if diff.ready_before else 'no'} → "
                      f"{'yes' if diff.ready_after else 'no'}")
    plan = Table(title="Resource plan", title_justify="left")
    for col in ("", "Before", "After"):
        plan.add_column(col)
    for plan_row in _plan_rows(diff):
        plan.add_row(*(Text(cell) for cell in plan_row))
    console.print(plan)
    console.print(f"Before: {diff.plan_before.summary}\nAfter:  {diff.plan_after.summary}",
                  markup=False)


def render_whatif_markdown(diff: WhatIf) -> str:
    out = ["# What if", ""]
    out += [f"- `{c.path}` = {md_escape(show_value(c.value))}" for c in diff.changes]
    out.append("")
    return "\n".join(out) + "\n" + whatif_markdown_body(diff)


def whatif_markdown_body(diff: WhatIf) -> str:
    """The differences as Markdown sections: channels, findings, resource plan."""
    out: list[str] = []
    if not diff.changed:
        out += ["Nothing changes: the same channels, findings and resource plan.", ""]
    rows = _rows(diff)
    if rows:
        out += ["## Channels", "",
                md_table(["Change", "Channel", "Rank", "Score"],
                         [[r[0], md_escape(r[1]), r[2], r[3]] for r in rows]), ""]
    found = [("raised", f) for f in diff.findings_raised]
    found += [("cleared", f) for f in diff.findings_cleared]
    if found:
        out += ["## Findings", "",
                md_table(["Change", "Level", "Code", "Finding", "Rule"],
                         [[label, f.level, f"`{f.code}`", md_escape(f.message), f"`{f.rule_id}`"]
                          for label, f in found]), ""]
    out += ["## Resource plan", "",
            md_table(["", "Before", "After"],
                     [[a, md_escape(b), md_escape(c)] for a, b, c in _plan_rows(diff)]), "",
            f"- Before: {md_escape(diff.plan_before.summary)}",
            f"- After: {md_escape(diff.plan_after.summary)}", ""]
    return "\n".join(out)
