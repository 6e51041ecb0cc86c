"""The fact model: what a profile becomes before matching, and the schema rules are checked against.

durable_rules is only trusted on conditions that test one fact at a time, so every cross-part
question a rule may ask ("how many objectives are measurable?") is answered by a field of some
fact; the `summary` fact holds the sets and counts across the profile.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from advisor.model.annotations import union_members
from advisor.model.profile import (
    AgeBand,
    Audience,
    Bottlenecks,
    ChannelRun,
    Constraint,
    Focus,
    Objective,
    ObjectiveKind,
    Organization,
    PainPoint,
    Profile,
    Resources,
    Segment,
    Strategy,
)

Scalar = str | int | float | bool
FactValue = Scalar | list[str]
FieldType = Literal["text", "str", "int", "number", "bool", "list"]


@dataclass(frozen=True)
class FieldSpec:
    """What a rule may test on one fact field: its type and, for closed vocabularies, the values."""

    type: FieldType
    choices: tuple[str, ...] | None = None
    doc: str = ""


@dataclass(frozen=True)
class Fact:
    """One fact asserted into the engine, with where each of its fields came from in the profile."""

    id: str
    kind: str
    fields: Mapping[str, FactValue]
    path: str
    field_paths: Mapping[str, str] = field(default_factory=dict)

    def path_of(self, name: str) -> str:
        return self.field_paths.get(name) or (f"{self.path}.{name}" if self.path else name)


def _literal_choices(annotation: Any) -> tuple[str, ...] | None:
    if typing.get_origin(annotation) is Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    return None


def _spec_for(annotation: Any) -> FieldSpec:
    """Map a profile model annotation onto the small type system rules are checked against."""
    members = union_members(annotation)
    if len(members) > 1:
        specs = [_spec_for(member) for member in members]
        if all(s.type in ("int", "number") for s in specs):
            return FieldSpec("number")
        return FieldSpec("text")
    annotation = members[0]
    origin = typing.get_origin(annotation)
    choices = _literal_choices(annotation)
    if choices is not None:
        return FieldSpec("str", choices)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item_spec = _spec_for(item)
        return FieldSpec("list", item_spec.choices)
    if annotation is bool:
        return FieldSpec("bool")
    if annotation is int:
        return FieldSpec("int")
    if annotation is float:
        return FieldSpec("number")
    return FieldSpec("text")


def _model_specs(model: type[BaseModel], skip: tuple[str, ...] = ()) -> dict[str, FieldSpec]:
    specs = {
        name: _spec_for(info.annotation)
        for name, info in model.model_fields.items()
        if name not in skip
    }
    for name, computed in model.model_computed_fields.items():
        specs[name] = _spec_for(computed.return_type)
    return specs


def _list_of(literal: Any) -> FieldSpec:
    return FieldSpec("list", _literal_choices(literal))


# Fact kind -> field -> spec. Rules may name only these kinds and fields.
FACT_SCHEMA: dict[str, dict[str, FieldSpec]] = {
    "organization": _model_specs(Organization),
    "audience": _model_specs(Audience),
    "objective": {
        **_model_specs(Objective, skip=("goal", "target")),
        "has_metric": FieldSpec("bool"),
        "has_target": FieldSpec("bool"),
        "has_deadline": FieldSpec("bool"),
    },
    "strategy": {
        **_model_specs(Strategy, skip=("relationship_change",)),
        "has_relationship_change": FieldSpec("bool"),
    },
    "channel": _model_specs(ChannelRun),
    "resources": _model_specs(Resources),
    "bottlenecks": _model_specs(Bottlenecks),
    "pain_point": {"name": FieldSpec("str", _literal_choices(PainPoint))},
    "summary": {
        "audience_count": FieldSpec("int"),
        "audience_segments": _list_of(Segment),
        "audience_ages": _list_of(AgeBand),
        "objective_count": FieldSpec("int"),
        "measurable_objective_count": FieldSpec("int"),
        "objective_kinds": _list_of(ObjectiveKind),
        "objective_kind_count": FieldSpec("int"),
        "focuses": _list_of(Focus),
        "current_channels": FieldSpec("list"),
        "current_channel_count": FieldSpec("int"),
        "required_channels": FieldSpec("list"),
        "required_channel_count": FieldSpec("int"),
        "pain_points": _list_of(PainPoint),
        "pain_point_count": FieldSpec("int"),
        "constraints": _list_of(Constraint),
    },
    "derived": {"name": FieldSpec("str"), "value": FieldSpec("text")},
}

# Fields whose values must be channel ids from the catalogue.
CHANNEL_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("audience", "platforms"),
        ("channel", "channel"),
        ("summary", "current_channels"),
        ("summary", "required_channels"),
    }
)

SUMMARY_PATHS = {
    "audience_count": "audiences",
    "audience_segments": "audiences[*].segment",
    "audience_ages": "audiences[*].ages",
    "objective_count": "objectives",
    "measurable_objective_count": "objectives[*].measurable",
    "objective_kinds": "objectives[*].kind",
    "objective_kind_count": "objectives[*].kind",
    "focuses": "objectives[*].focus",
    "current_channels": "technology.current_channels[*].channel",
    "current_channel_count": "technology.current_channels",
    "required_channels": "technology.required_channels",
    "required_channel_count": "technology.required_channels",
    "pain_points": "pain_points",
    "pain_point_count": "pain_points",
    "constraints": "constraints",
}


# Fact kind -> the profile list whose entries are its facts (the fact of entry i is at `list[i]`).
FACT_LISTS = {
    "audience": "audiences",
    "objective": "objectives",
    "channel": "technology.current_channels",
    "pain_point": "pain_points",
}


@dataclass(frozen=True)
class SummarySource:
    """Where the items of a set-valued summary field come from: the profile list (`list_path`)
    and, when its entries are mappings, the entry's field that holds the item (`item_field`)."""

    list_path: str
    item_field: str | None


def _summary_sources() -> dict[str, SummarySource]:
    """SUMMARY_PATHS inverted for the set-valued fields: `objectives[*].kind` is the `kind` of
    an entry of `objectives`; `constraints` is the list itself."""
    out = {}
    for name, path in SUMMARY_PATHS.items():
        if FACT_SCHEMA["summary"][name].type != "list":
            continue
        list_path, _, rest = path.partition("[*]")
        out[name] = SummarySource(list_path, rest.removeprefix(".") or None)
    return out


# Summary field -> where its items live in a profile (the inverse of SUMMARY_PATHS).
SUMMARY_SOURCES: dict[str, SummarySource] = _summary_sources()


def _clean(data: Mapping[str, Any]) -> dict[str, FactValue]:
    """Drop absent values (rules test them with `exists`) and make dates plain text."""
    out: dict[str, FactValue] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        out[key] = value
    return out


def _unique(values: list[str]) -> list[str]:
    return sorted(set(values))


class _FactBuilder:
    def __init__(self) -> None:
        self.facts: list[Fact] = []

    def add(
        self,
        kind: str,
        fields: Mapping[str, Any],
        path: str,
        field_paths: Mapping[str, str] | None = None,
    ) -> None:
        fact_id = f"f{len(self.facts)}"
        self.facts.append(Fact(fact_id, kind, _clean(fields), path, dict(field_paths or {})))


def profile_to_facts(profile: Profile) -> list[Fact]:
    """Every fact one profile contributes, in a fixed order (the order breaks ties in reasons)."""
    build = _FactBuilder()
    build.add("organization", profile.organization.model_dump(), "organization")
    for i, audience in enumerate(profile.audiences):
        build.add("audience", audience.model_dump(), f"{FACT_LISTS['audience']}[{i}]")
    for i, objective in enumerate(profile.objectives):
        data = objective.model_dump(exclude={"goal", "target"})
        data["has_metric"] = objective.metric is not None
        data["has_target"] = objective.target is not None
        data["has_deadline"] = objective.deadline is not None
        path = f"{FACT_LISTS['objective']}[{i}]"
        build.add(
            "objective",
            data,
            path,
            {
                "has_metric": f"{path}.metric",
                "has_target": f"{path}.target",
                "has_deadline": f"{path}.deadline",
            },
        )
    strategy = profile.strategy.model_dump(exclude={"relationship_change"})
    strategy["has_relationship_change"] = profile.strategy.relationship_change is not None
    build.add(
        "strategy",
        strategy,
        "strategy",
        {"has_relationship_change": "strategy.relationship_change"},
    )
    for i, run in enumerate(profile.technology.current_channels):
        build.add("channel", run.model_dump(), f"{FACT_LISTS['channel']}[{i}]")
    build.add("resources", profile.resources.model_dump(), "resources")
    build.add("bottlenecks", profile.bottlenecks.model_dump(), "bottlenecks")
    for i, pain in enumerate(profile.pain_points):
        path = f"{FACT_LISTS['pain_point']}[{i}]"
        build.add("pain_point", {"name": pain}, path, {"name": path})
    build.add("summary", summarize(profile), "", SUMMARY_PATHS)
    return build.facts


def summarize(profile: Profile) -> dict[str, FactValue]:
    """The cross-part sets and counts that single-fact conditions need."""
    objectives = profile.objectives
    kinds = _unique([o.kind for o in objectives])
    current = _unique([c.channel for c in profile.technology.current_channels])
    required = _unique(list(profile.technology.required_channels))
    return {
        "audience_count": len(profile.audiences),
        "audience_segments": _unique([a.segment for a in profile.audiences]),
        "audience_ages": _unique([age for a in profile.audiences for age in a.ages]),
        "objective_count": len(objectives),
        "measurable_objective_count": sum(1 for o in objectives if o.measurable),
        "objective_kinds": kinds,
        "objective_kind_count": len(kinds),
        "focuses": _unique([o.focus for o in objectives if o.focus is not None]),
        "current_channels": current,
        "current_channel_count": len(current),
        "required_channels": required,
        "required_channel_count": len(required),
        "pain_points": _unique(list(profile.pain_points)),
        "pain_point_count": len(set(profile.pain_points)),
        "constraints": _unique(list(profile.constraints)),
    }


def derived_fact(index: int, name: str, value: Scalar, rule_id: str) -> Fact:
    """A fact asserted by a rule (forward chaining); its provenance is the rule that derived it."""
    return Fact(
        id=f"d{index}",
        kind="derived",
        fields={"name": name, "value": value},
        path=f"derived.{name}",
        field_paths={"name": f"derived.{name}", "value": f"derived.{name} (by {rule_id})"},
    )
