"""`block`: keep a channel out of the ranking until what lifts the block is done."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from advisor.model.report import Block
from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, Push, ReportDraft


class BlockEffect(EffectModel):
    model_config = ConfigDict(title="Block")

    channel: str
    lift: Annotated[str, Field(min_length=3, max_length=500)]


def _apply(effect: BlockEffect, fired: Fired, draft: ReportDraft) -> None:
    tally = draft.tally(effect.channel)
    tally.blocks.append(Block(rule_id=fired.rule_id, reason=fired.reason.text, lift=effect.lift))
    tally.reasons.setdefault(fired.rule_id, fired.reason)


def _on_channel(effect: BlockEffect, channel: str) -> str | None:
    return f"blocks it until: {effect.lift}" if effect.channel == channel else None


BLOCK = EffectType(
    key="block",
    model=BlockEffect,
    note=(
        'Keeps a channel out of the ranking, whatever its score, and tells the reader what would '
        'lift the block. There is no `until:` (nor any other condition) in a block: the lift is a'
        ' sentence for the reader, and the block holds as long as the rule fires.'
    ),
    field_notes={
        'channel': (
            'The channel to block: a channel id from `channels.yaml`.'
        ),
        'lift': (
            'What would lift the block, in words the reader acts on (shown next to the blocked '
            'channel).'
        ),
    },
    example=(
        'then:\n'
        '  - block:\n'
        '      channel: x_twitter\n'
        '      lift: approval within a day for routine posts\n'
    ),
    apply=_apply,
    sentence=lambda e: f"block {e.channel}: kept out of the ranking; lifted when: {e.lift}",
    brief=lambda e: f"block `{e.channel}` (lifted when: {e.lift})",
    pushes=lambda e: Push(e.channel, -1, "blocks it"),
    on_channel=_on_channel,
)
