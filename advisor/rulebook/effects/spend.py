"""`spend`: whether and where to put money behind posts (paid reach) or stay organic, with the
platform limits that come with health advertising."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.effects.sectioned import add_line

MODE_NAMES = {"organic": "Organic", "paid": "Paid", "test": "Small paid test"}


class SpendEffect(EffectModel):
    model_config = ConfigDict(title="Spend")

    mode: Literal["organic", "paid", "test"]
    text: Annotated[str, Field(min_length=3, max_length=500)]
    channel: str | None = None


def _apply(effect: SpendEffect, fired: Fired, draft: ReportDraft) -> None:
    add_line(draft, SPEND.key, fired, effect.text, MODE_NAMES[effect.mode], effect.channel)


def _sentence(effect: SpendEffect) -> str:
    scope = f" on {effect.channel}" if effect.channel else ""
    return f"spend ({effect.mode}){scope}: {effect.text}"


SPEND = EffectType(
    key="spend",
    model=SpendEffect,
    note=(
        "Says whether to put money behind the plan: `organic` (no paid reach), `paid` (where and "
        "how) or `test` (a small paid test first), for one channel or the plan as a whole, with "
        "the platform's health-advertising limits in the text. The strategy brief lists them "
        "under paid and organic."
    ),
    field_notes={
        "mode": "`organic`, `paid` or `test`",
        "text": "the advice, as the client will read it",
        "channel": "the channel it is about, by its id in `channels.yaml`; none for the plan",
    },
    example=(
        "then:\n  - spend:\n      mode: organic\n"
        "      text: Keep the pilot organic; put money behind posts once one works.\n"
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"spend `{e.mode}`" + (f" on `{e.channel}`" if e.channel else ""),
    on_channel=lambda e, channel: f"{e.mode}: {e.text}" if e.channel == channel else None,
    section_title="Paid and organic",
)
