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


# `channel: matched` scores the channel(s) of the current-channel facts the rule matched, so one
# rule can say "a channel you run with good results gains" for every channel.
MATCHED_CHANNEL = "matched"
# A secondary audience's terms count half of a primary audience's.
PRIORITY_SCALE = {"primary": 1.0, "secondary": 0.5}


def _channels(effect: ScoreEffect, fired: Fired) -> list[str]:
    if effect.channel != MATCHED_CHANNEL:
        return [effect.channel]
    return list(dict.fromkeys(str(f.fields["channel"]) for f in fired.facts.get("channel", ())))


def _audience_scale(fired: Fired) -> tuple[list[str], float]:
    """The audiences a term comes from (profile paths) and how much they count: the largest
    priority among them, so a term two audiences share counts as its most important one."""
    audiences = list(fired.facts.get("audience", ()))
    if not audiences:
        return [], 1.0
    scale = max(PRIORITY_SCALE[str(a.fields.get("priority", "primary"))] for a in audiences)
    return [a.path for a in audiences], scale


def _apply(effect: ScoreEffect, fired: Fired, draft: ReportDraft) -> None:
    audiences, scale = _audience_scale(fired)
    for channel in _channels(effect, fired):
        if channel not in draft.channels:
            continue  # a current channel the catalogue does not list has nothing to score
        tally = draft.tally(channel)
        tally.terms.append(
            ScoreTerm(
                rule_id=fired.rule_id,
                post=fired.post,
                weight=effect.weight,
                dimension_weight=fired.dimension_weight,
                points=round(effect.weight * fired.dimension_weight * scale, 4),
                audiences=audiences,
                scale=scale,
            )
        )
        tally.reasons.setdefault(fired.rule_id, fired.reason)


def _sentence(effect: ScoreEffect) -> str:
    way = "raises" if effect.weight > 0 else "lowers"
    return f"score {effect.weight:+d} on {effect.channel} ({way} it in the ranking)"


def _pushes(effect: ScoreEffect) -> Push | None:
    if effect.channel == MATCHED_CHANNEL:
        return None  # which channel depends on the profile
    up = effect.weight > 0
    return Push(effect.channel, 1 if up else -1, "scores it up" if up else "scores it down")


def _on_channel(effect: ScoreEffect, channel: str) -> str | None:
    if effect.channel not in (channel, MATCHED_CHANNEL):
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
        ' up. Points from a rule about an audience are scaled by its priority (a secondary '
        "audience's count half), and an audience's penalty is waived when another audience "
        'supports the channel.'
    ),
    field_notes={
        'channel': (
            "The channel to score: a channel id from the pack's `channels.yaml` (`advisor "
            "channels`), or `matched`: each channel the organization runs that the rule's "
            "`channel` condition matched."
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
    may_name_matched_channel=True,
)
