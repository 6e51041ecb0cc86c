"""The effect types of the rule language, one module each, and the registry that the parser,
the ranking, `advisor explain`, the rule checks and the references read. Adding an effect type
is a module here and one line in EFFECT_TYPES."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from advisor.model.suggest import did_you_mean
from advisor.rulebook.effects.base import (
    ChannelTally,
    EffectModel,
    EffectType,
    Fired,
    Push,
    ReportDraft,
)
from advisor.rulebook.effects.block import BLOCK, BlockEffect
from advisor.rulebook.effects.cadence import CADENCE, CadenceEffect
from advisor.rulebook.effects.derive import DERIVE, DeriveEffect
from advisor.rulebook.effects.finding import FINDING, FindingEffect
from advisor.rulebook.effects.governance import GOVERNANCE, GovernanceEffect
from advisor.rulebook.effects.kpi import KPI, KpiEffect
from advisor.rulebook.effects.measurement import MEASUREMENT, MeasurementEffect
from advisor.rulebook.effects.pillar import PILLAR, PillarEffect
from advisor.rulebook.effects.plan import PLAN, PlanEffect
from advisor.rulebook.effects.precondition import PRECONDITION, PreconditionEffect
from advisor.rulebook.effects.score import MATCHED_CHANNEL, SCORE, ScoreEffect
from advisor.rulebook.effects.spend import SPEND, SpendEffect
from advisor.rulebook.effects.task import TASK, TaskEffect
from advisor.rulebook.language import ALL_CHANNELS, LocatedProblem, Problems, YamlPath
from advisor.rulebook.language import pydantic_problems as _pydantic_problems

# The registry, in the order the references list them.
EFFECT_TYPES: tuple[EffectType, ...] = (
    SCORE, BLOCK, PRECONDITION, FINDING, DERIVE, KPI, GOVERNANCE, PLAN,
    CADENCE, PILLAR, TASK, MEASUREMENT, SPEND,
)

Effect = (
    ScoreEffect
    | BlockEffect
    | PreconditionEffect
    | FindingEffect
    | DeriveEffect
    | KpiEffect
    | GovernanceEffect
    | PlanEffect
    | CadenceEffect
    | PillarEffect
    | TaskEffect
    | MeasurementEffect
    | SpendEffect
)
BY_KEY: Mapping[str, EffectType] = {t.key: t for t in EFFECT_TYPES}
_BY_MODEL: Mapping[type[EffectModel], EffectType] = {t.model: t for t in EFFECT_TYPES}
# key -> schema, for the JSON Schema of a rule file
EFFECTS: Mapping[str, type[EffectModel]] = {t.key: t.model for t in EFFECT_TYPES}


def type_of(effect: EffectModel) -> EffectType:
    """The effect type an effect belongs to."""
    return _BY_MODEL[type(effect)]


def parse_effect(data: Any, path: YamlPath, channels: frozenset[str]) -> Effect:
    """One entry of a rule's `then`: `{key: {fields}}`, validated by its type's schema, its
    channel checked against the catalogue."""
    if not isinstance(data, Mapping) or len(data) != 1:
        raise LocatedProblem(path, f"an effect is one of {', '.join(BY_KEY)} with its fields")
    ((key, body),) = data.items()
    if key not in BY_KEY:
        raise LocatedProblem(
            (*path, key), f"unknown effect '{key}'", did_you_mean(str(key), BY_KEY)
        )
    kind = BY_KEY[key]
    if not isinstance(body, Mapping):
        raise LocatedProblem((*path, key), f"'{key}' takes a mapping")
    try:
        effect: Effect = kind.model.model_validate(dict(body))  # type: ignore[assignment]
    except ValidationError as err:
        problems = Problems()
        problems.found = _pydantic_problems(err, kind.model, dict(body), (*path, key))
        problems.raise_any()
        raise  # pragma: no cover - a ValidationError always has an error
    channel = getattr(effect, "channel", None)
    allowed = channels | {ALL_CHANNELS} if kind.may_name_all_channels else channels
    if kind.may_name_matched_channel:
        allowed = allowed | {MATCHED_CHANNEL}
    if channel is not None and channel not in allowed:
        raise LocatedProblem(
            (*path, key, "channel"), f"unknown channel '{channel}'", did_you_mean(channel, allowed)
        )
    for i, listed in enumerate(getattr(effect, "first", None) or ()):
        if listed not in channels:
            raise LocatedProblem(
                (*path, key, "first", i), f"unknown channel '{listed}'",
                did_you_mean(listed, channels),
            )
    return effect


__all__ = [
    "BY_KEY",
    "EFFECTS",
    "EFFECT_TYPES",
    "MATCHED_CHANNEL",
    "BlockEffect",
    "CadenceEffect",
    "ChannelTally",
    "DeriveEffect",
    "Effect",
    "EffectModel",
    "EffectType",
    "FindingEffect",
    "Fired",
    "GovernanceEffect",
    "KpiEffect",
    "MeasurementEffect",
    "PillarEffect",
    "PlanEffect",
    "PreconditionEffect",
    "Push",
    "ReportDraft",
    "ScoreEffect",
    "SpendEffect",
    "TaskEffect",
    "parse_effect",
    "type_of",
]
