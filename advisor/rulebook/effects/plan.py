"""`plan`: cap how many channels the resource plan may hold, so the plan obeys the capacity and
scope findings that rules make ("email plus at most two social channels", "a pilot starts
small"). When several rules cap it, the smallest cap wins."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft


class PlanEffect(EffectModel):
    model_config = ConfigDict(title="Plan")

    max_channels: Annotated[int, Field(ge=1, le=20)]


def _apply(effect: PlanEffect, fired: Fired, draft: ReportDraft) -> None:
    draft.channel_caps.append((effect.max_channels, fired.rule_id))


PLAN = EffectType(
    key="plan",
    model=PlanEffect,
    note=(
        'Caps the number of channels in the resource plan (channels already run count first). '
        'When several rules cap it, the smallest cap wins; the plan names the rule that set it.'
    ),
    field_notes={
        'max_channels': 'The most channels the plan may hold, email included (1 to 20).',
    },
    example='then:\n  - plan: {max_channels: 3}\n',
    apply=_apply,
    sentence=lambda e: f"plan at most {e.max_channels} channels",
    brief=lambda e: f"plan ≤ {e.max_channels} channels",
)
