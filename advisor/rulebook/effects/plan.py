"""`plan`: cap how many channels the resource plan may hold, so the plan obeys the capacity and
scope findings that rules make ("email plus at most two social channels", "a pilot starts
small"). When several rules cap it, the smallest cap wins."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft


class PlanEffect(EffectModel):
    model_config = ConfigDict(title="Plan")

    max_channels: Annotated[int, Field(ge=1, le=20)] | None = None
    # Channels the plan takes first, when they are recommended ("email first").
    first: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,40}$")]] = Field(
        default_factory=list, max_length=5
    )

    @model_validator(mode="after")
    def _does_something(self) -> PlanEffect:
        if self.max_channels is None and not self.first:
            raise ValueError("a plan effect needs max_channels, first, or both")
        return self


def _apply(effect: PlanEffect, fired: Fired, draft: ReportDraft) -> None:
    if effect.max_channels is not None:
        draft.channel_caps.append((effect.max_channels, fired.rule_id))
    for channel in effect.first:
        if channel not in draft.plan_first:
            draft.plan_first.append(channel)


def _sentence(effect: PlanEffect) -> str:
    parts = []
    if effect.max_channels is not None:
        parts.append(f"plan at most {effect.max_channels} channels")
    if effect.first:
        parts.append(f"plan {', '.join(effect.first)} first when recommended")
    return "; ".join(parts)


PLAN = EffectType(
    key="plan",
    model=PlanEffect,
    note=(
        'Shapes the resource plan: caps the number of channels it holds (channels already run '
        'count first; when several rules cap it, the smallest cap wins) and names channels to '
        'take first when they are recommended, before the rest of the ranking.'
    ),
    field_notes={
        'max_channels': 'The most channels the plan may hold, email included (1 to 20).',
        'first': (
            "Channel ids the plan takes right after the channels already run, when they are in "
            "the recommended tier (e.g. `[email_newsletter]` for 'email first')."
        ),
    },
    example='then:\n  - plan: {max_channels: 3, first: [email_newsletter]}\n',
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: _sentence(e).replace("plan at most", "plan ≤"),
)
