"""What-if analysis: apply dotted-path changes to a profile, re-assess, and say what moved."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from advisor.advice.assessor import Assessor, ProfileInput
from advisor.errors import AdvisorError, Problem, ProfileError
from advisor.files.profiles import LoadedProfile, profile_from_data
from advisor.files.yamlsafe import parse_document
from advisor.model.paths import PathPart, model_at, parse_path, set_at, show_path, show_value
from advisor.model.profile import Profile
from advisor.model.report import Report, ResourcePlan
from advisor.model.suggest import did_you_mean

__all__ = [
    "Change",
    "FindingRef",
    "Moved",
    "PathPart",
    "WhatIf",
    "apply_changes",
    "compare",
    "parse_assignment",
    "parse_path",
    "profile_data",
    "what_if",
]


class Change(BaseModel):
    """One requested change: a dotted profile path and the new value."""

    model_config = ConfigDict(frozen=True)

    path: str
    value: Any


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
        where = show_path(parts[: depth + 1])
        if isinstance(part, int):
            if not isinstance(current, list):
                raise ProfileError(Problem(f"'{show_path(parts[:depth])}' is not a list",
                                           "--set", field=spec))
            if part > len(current) or (part == len(current) and not last):
                raise ProfileError(Problem(
                    f"index {part} is out of range ({len(current)} items)", "--set", field=spec,
                    hint=f"use 0..{len(current) - 1} to change an item, {len(current)} to add one"
                ))
            current = current[part] if part < len(current) else None
            continue
        model = model_at(Profile, parts[:depth])
        if model is None:
            raise ProfileError(Problem(f"'{show_path(parts[:depth])}' has no fields",
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
        # None takes a field out (a list entry is set to null, and validation says so).
        remove = change.value is None and isinstance(parts[-1], str)
        set_at(data, parts, change.value, remove=remove)
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
    tier_before: str | None = None
    tier_after: str | None = None


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


Standing = tuple[str, int | None, float | None, bool, str | None]


def _standing(report: Report) -> dict[str, Standing]:
    return {a.channel: (a.name, a.rank, a.score, bool(a.blocks), a.tier)
            for a in report.every_channel()}


def compare(before: Report, after: Report, changes: Sequence[Change]) -> WhatIf:
    """What changed between two reports of the same organization: channels that entered or
    left the recommended tier, and every other change of tier, rank, score or block."""
    old, new = _standing(before), _standing(after)
    moved, entered, left = [], [], []
    for channel in sorted(set(old) | set(new)):
        name = (new.get(channel) or old[channel])[0]
        unscored: Standing = (name, None, None, False, None)
        _, rb, sb, bb, tb = old.get(channel, unscored)
        _, ra, sa, ba, ta = new.get(channel, unscored)
        item = Moved(channel=channel, name=name, rank_before=rb, rank_after=ra,
                     score_before=sb, score_after=sa, blocked_before=bb, blocked_after=ba,
                     tier_before=tb, tier_after=ta)
        if tb != "recommended" and ta == "recommended":
            entered.append(item)
        elif tb == "recommended" and ta != "recommended":
            left.append(item)
        elif (rb, sb, bb, tb) != (ra, sa, ba, ta):
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


def what_if(advisor: Assessor, source: ProfileInput, changes: Sequence[Change]) -> WhatIf:
    """Assess a profile, then the same profile with the changes, and compare."""
    loaded = advisor.load(source)
    changed = apply_changes(loaded.profile, changes)
    after_loaded = advisor.load(LoadedProfile(changed, "--set", {}))
    return compare(advisor.assess(loaded), advisor.assess(after_loaded), changes)
