"""`score`: raise or lower a channel's score, weighted by the rule's POST dimension."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, field_validator

from advisor.model.report import ScoreTerm
from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, Push, ReportDraft


class ScoreEffect(EffectModel):
    model_config = ConfigDict(title="Score")

    channel: str
    weight: Annotated[int, Field(ge=-10, le=10)]

    @field_validator("weight")
    @classmethod
    def _nonzero(cls, weight: int) -> int:
        if weight == 0:
            raise ValueError("a score weight of 0 does nothing")
        return weight


def _apply(effect: ScoreEffect, fired: Fired, draft: ReportDraft) -> None:
    tally = draft.tally(effect.channel)
    tally.terms.append(
        ScoreTerm(
            rule_id=fired.rule_id,
            post=fired.post,
            weight=effect.weight,
            dimension_weight=fired.dimension_weight,
            points=round(effect.weight * fired.dimension_weight, 4),
        )
    )
    tally.reasons.setdefault(fired.rule_id, fired.reason)


def _sentence(effect: ScoreEffect) -> str:
    way = "raises" if effect.weight > 0 else "lowers"
    return f"score {effect.weight:+d} on {effect.channel} ({way} it in the ranking)"


def _pushes(effect: ScoreEffect) -> Push:
    up = effect.weight > 0
    return Push(effect.channel, 1 if up else -1, "scores it up" if up else "scores it down")


def _on_channel(effect: ScoreEffect, channel: str) -> str | None:
    if effect.channel != channel:
        return None
    verb = "raises" if effect.weight > 0 else "lowers"
    return f"{verb} the score by {abs(effect.weight)}"


SCORE = EffectType(
    key="score",
    model=ScoreEffect,
    note=(
        'Adds points to a channel. A channel is recommended when its score is above zero and '
        "nothing blocks it; the points are the weight times the rule's POST dimension weight "
        '(technology evidence counts half). Several rules may score one channel: their points add'
        ' up.'
    ),
    field_notes={
        'channel': (
            "The channel to score: a channel id from the pack's `channels.yaml` (`advisor "
            'channels`).'
        ),
        'weight': (
            'Points: positive raises the channel, negative lowers it; 0 is refused (it would do '
            'nothing).'
        ),
    },
    example=(
        'then:\n'
        '  - score: {channel: youtube, weight: 2}\n'
        '  - score: {channel: tiktok, weight: -1}\n'
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"score `{e.channel}` {e.weight:+d}",
    pushes=_pushes,
    on_channel=_on_channel,
)
