"""The channel catalogue and the rule-pack manifest: data models a pack's YAML files validate to."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.model.post import Post
from advisor.model.profile import ChannelId, Skill

ContentType = Literal["text", "image", "short_video", "long_video", "audio", "live", "email"]


class Channel(BaseModel):
    """One channel the advisor can recommend, with what it costs to run well."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: ChannelId
    name: Annotated[str, Field(min_length=2, max_length=80)]
    hours_per_week: Annotated[float, Field(ge=0, le=80)]
    skills: list[Skill] = Field(default_factory=list)
    real_time: bool = False
    open_comments: bool = False
    content_types: list[ContentType] = Field(default_factory=list)
    description: Annotated[str, Field(max_length=500)] = ""
    source: Annotated[str, Field(max_length=500)] = ""


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    channels: list[Channel] = Field(min_length=1, max_length=500)

    def by_id(self) -> dict[str, Channel]:
        return {c.id: c for c in self.channels}


DEFAULT_DIMENSION_WEIGHTS: dict[str, float] = {
    # POST puts technology last: evidence from the channels a client already runs counts for
    # less than evidence about its people and objectives.
    "people": 1.0,
    "objectives": 1.0,
    "strategy": 1.0,
    "technology": 0.5,
    "resources": 1.0,
    "bottlenecks": 1.0,
    "pain_points": 1.0,
    "constraints": 1.0,
}


class Manifest(BaseModel):
    """`pack.yaml`: a rule pack's identity and how its POST dimensions are weighted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{1,60}$")]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+(\.\d+)?([a-z0-9.+-]*)$")]
    description: Annotated[str, Field(max_length=1000)] = ""
    # `default` (the shipped pack) or a folder relative to this pack: its channels and rules
    # come first, this pack's are added.
    extends: Annotated[str, Field(min_length=1, max_length=300)] | None = None
    dimension_weights: dict[Post, Annotated[float, Field(ge=0, le=10)]] = Field(
        default_factory=dict
    )
    # `rules check` warns when a rule cites a survey, study or vendor report older than this
    # many years (a bibliography entry's `dated` note says why an old one is still cited).
    stale_after_years: Annotated[int, Field(ge=1, le=100)] | None = None

    def weight_of(self, post: str) -> float:
        for name, weight in self.dimension_weights.items():
            if name == post:
                return weight
        return DEFAULT_DIMENSION_WEIGHTS[post]
