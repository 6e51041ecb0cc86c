"""`pillar`: a content pillar, a theme the organization publishes on again and again, drawn from
its objectives, pain points and audiences."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.effects.sectioned import add_line

Format = Annotated[str, Field(min_length=2, max_length=60)]


class PillarEffect(EffectModel):
    model_config = ConfigDict(title="Pillar")

    name: Annotated[str, Field(min_length=3, max_length=80)]
    text: Annotated[str, Field(min_length=3, max_length=500)]
    formats: list[Format] = Field(default_factory=list, max_length=6)
    channel: str | None = None


def _apply(effect: PillarEffect, fired: Fired, draft: ReportDraft) -> None:
    formats = f" Formats: {', '.join(effect.formats)}." if effect.formats else ""
    add_line(draft, PILLAR.key, fired, effect.text + formats, effect.name, effect.channel)


def _sentence(effect: PillarEffect) -> str:
    formats = f" in {', '.join(effect.formats)}" if effect.formats else ""
    return f"content pillar '{effect.name}'{formats}: {effect.text}"


PILLAR = EffectType(
    key="pillar",
    model=PillarEffect,
    note=(
        "Adds a content pillar: a theme the organization publishes on again and again, with the "
        "formats that carry it. The strategy brief lists the pillars with each planned channel "
        "(a pillar with a channel only under that channel)."
    ),
    field_notes={
        "name": "the pillar's short name, e.g. `Explain the condition`",
        "text": "what the posts of this pillar do, as the client will read it",
        "formats": "the formats that carry it, in words (e.g. `short video`, `carousel`)",
        "channel": (
            "the channel it belongs to, by its id in `channels.yaml`; none for every channel"
        ),
    },
    example=(
        "then:\n  - pillar:\n      name: Explain the condition\n"
        "      text: Plain-language answers to the questions patients ask most.\n"
        "      formats: [short video, carousel]\n"
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"pillar *{e.name}*",
    on_channel=lambda e, channel: f"pillar {e.name}" if e.channel == channel else None,
    section_title="Content pillars",
)
