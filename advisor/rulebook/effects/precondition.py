"""`precondition`: a step to take before launching a channel (or every channel)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from advisor.model.report import Precondition
from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.language import ALL_CHANNELS, CODE


class PreconditionEffect(EffectModel):
    model_config = ConfigDict(title="Precondition")

    channel: str = ALL_CHANNELS
    code: Annotated[str, Field(pattern=CODE)]
    text: Annotated[str, Field(min_length=3, max_length=500)]


def _apply(effect: PreconditionEffect, fired: Fired, draft: ReportDraft) -> None:
    if effect.channel == ALL_CHANNELS:
        steps = draft.preconditions
    else:
        steps = draft.tally(effect.channel).preconditions
    # Two rules may ask for the same step (e.g. "ask every patient the same way" for reviews,
    # once for the objective and once for the pain point): the reader gets it once, traced to
    # the first rule that asked.
    if any(s.code == effect.code and s.text == effect.text for s in steps):
        return
    steps.append(
        Precondition(
            code=effect.code, channel=effect.channel, text=effect.text, rule_id=fired.rule_id
        )
    )


def _sentence(effect: PreconditionEffect) -> str:
    scope = "every channel" if effect.channel == ALL_CHANNELS else effect.channel
    return f"precondition {effect.code} for {scope}: {effect.text}"


PRECONDITION = EffectType(
    key="precondition",
    model=PreconditionEffect,
    note=(
        'Something to do before a channel (or before any channel) can work, listed with the '
        'channel or, for `all`, with the strategy as a whole. It does not change the ranking.'
    ),
    field_notes={
        'channel': (
            'A channel id from `channels.yaml`, or `all` for a precondition of the whole '
            'strategy.'
        ),
        'code': (
            'A short kebab-case name of the precondition, e.g. `comment-policy`.'
        ),
        'text': (
            'What to do first, as the reader sees it.'
        ),
    },
    example=(
        'then:\n'
        '  - precondition:\n'
        '      channel: facebook_group\n'
        '      code: seed-content\n'
        '      text: Seed the space with content and questions so replying is effortless.\n'
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"precondition `{e.code}` for `{e.channel}`: {e.text}",
    on_channel=lambda e, channel: e.text if e.channel == channel else None,
    may_name_all_channels=True,
)
