"""`kpi`: a measure to track, for an objective and/or a channel."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from advisor.model.report import Kpi
from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft


class KpiEffect(EffectModel):
    model_config = ConfigDict(title="Kpi")

    metric: Annotated[str, Field(min_length=3, max_length=300)]
    objective: Literal["listening", "talking", "energizing", "supporting", "embracing"] | None = (
        None
    )
    channel: str | None = None


def _apply(effect: KpiEffect, fired: Fired, draft: ReportDraft) -> None:
    kpi = Kpi(
        metric=effect.metric,
        objective=effect.objective,
        channel=effect.channel,
        rule_id=fired.rule_id,
    )
    if effect.channel is not None:
        draft.tally(effect.channel).kpis.append(kpi)
    else:
        draft.kpis.append(kpi)


def _scope(effect: KpiEffect, sep: str) -> str:
    pairs = (("objective", effect.objective), ("channel", effect.channel))
    return ", ".join(f"{name}{sep}{value}" for name, value in pairs if value)


def _sentence(effect: KpiEffect) -> str:
    shown = _scope(effect, " ")
    return f"kpi {effect.metric}" + (f" (for {shown})" if shown else "")


def _brief(effect: KpiEffect) -> str:
    scope = _scope(effect, " ")
    return f"KPI: {effect.metric}" + (f" ({scope})" if scope else "")


KPI = EffectType(
    key="kpi",
    model=KpiEffect,
    note=(
        'A measure to track, listed with its channel or, without a channel, with the strategy as '
        'a whole. It does not change the ranking.'
    ),
    field_notes={
        'metric': (
            'What to measure, in words.'
        ),
        'objective': (
            'The objective kind the KPI measures.'
        ),
        'channel': (
            'A channel id from `channels.yaml` the KPI belongs to; without it the KPI belongs to '
            'the strategy.'
        ),
    },
    example=(
        'then:\n'
        '  - kpi:\n'
        '      metric: CME registrations from tracked links\n'
        '      objective: talking\n'
        '      channel: linkedin\n'
    ),
    apply=_apply,
    sentence=_sentence,
    brief=_brief,
    on_channel=lambda e, channel: e.metric if e.channel == channel else None,
)
