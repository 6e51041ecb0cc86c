"""`cadence`: how often to publish on a channel (or, for a channel one watches rather than posts
to, such as review sites or listening, how often to check it), set from the team's hours and the
channel's effort."""

from __future__ import annotations

import typing
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.effects.sectioned import add_line

Unit = Literal["post", "issue", "episode", "video", "session", "check"]
UNITS: tuple[str, ...] = typing.get_args(Unit)


class CadenceEffect(EffectModel):
    model_config = ConfigDict(title="Cadence")

    channel: str
    posts: Annotated[int, Field(ge=1, le=50)]
    per: Literal["week", "month"] = "week"
    # What is counted, in the words a client uses for the channel: posts, newsletter issues,
    # episodes, videos, sessions, or checks of a channel one watches rather than feeds.
    unit: Unit = "post"
    text: Annotated[str, Field(min_length=3, max_length=500)]


def rate(effect: CadenceEffect) -> str:
    """The cadence in words: '3 posts a week', '1 issue a month', '2 checks a week'."""
    noun = effect.unit if effect.posts == 1 else f"{effect.unit}s"
    return f"{effect.posts} {noun} a {effect.per}"


def per_week(effect: CadenceEffect) -> float:
    """Times a week, to compare cadences given per week and per month."""
    return effect.posts if effect.per == "week" else effect.posts * 12 / 52


def _apply(effect: CadenceEffect, fired: Fired, draft: ReportDraft) -> None:
    add_line(draft, CADENCE.key, fired, effect.text, rate(effect).capitalize(), effect.channel)


CADENCE = EffectType(
    key="cadence",
    model=CadenceEffect,
    note=(
        "Sets how often to publish on a channel (or to check one it watches), as a number of "
        "posts, issues, episodes, videos, sessions or checks a week or a month, with a note on "
        "how to keep it up. The report and the strategy brief show the cadence of each planned "
        "channel; when several rules give one channel a cadence, the lowest wins (a rhythm the "
        "team can keep beats one it drops), and every note is kept."
    ),
    field_notes={
        "channel": "the channel, by its id in `channels.yaml`",
        "posts": "how many (1 to 50) of the `unit`",
        "per": "`week` (the default) or `month`",
        "unit": (
            "what is counted: `post` (the default), `issue` (a newsletter), `episode`, `video`, "
            "`session` (a webinar), or `check` for a channel one watches and answers rather "
            "than posts to (review sites, listening): '2 checks a week'"
        ),
        "text": "how to keep the rhythm, as the client will read it",
    },
    example=(
        "then:\n  - cadence:\n      channel: linkedin\n      posts: 3\n      per: week\n"
        "      text: Schedule the week's posts on Monday; reply to comments daily.\n"
    ),
    apply=_apply,
    sentence=lambda e: f"cadence for {e.channel}: {rate(e)} ({e.text})",
    brief=lambda e: f"cadence `{e.channel}`: {rate(e)}",
    on_channel=lambda e, channel: rate(e) if e.channel == channel else None,
    section_title="Cadence",
    planned_channels_only=True,
)
