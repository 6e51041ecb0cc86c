"""What every effect type declares in its one home, and the report draft that effects write
into while the ranking walks the fired rules.

An effect type is one module of this package: its schema (a Pydantic model), how it shapes the
report (`apply`), how it pushes a channel up or down (for the contradiction check and explain),
how it reads as a sentence (`rules show`) and in the rule-base reference, and its documentation
for authors (a note, a line per field, an example). The registry in `__init__` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict

from advisor.model.catalog import Channel
from advisor.model.facts import Fact
from advisor.model.post import Post
from advisor.model.report import (
    Action,
    Block,
    ChannelAdvice,
    CurrentRun,
    Finding,
    Fit,
    Kpi,
    Precondition,
    Reason,
    ScoreTerm,
    SectionItem,
    Tier,
)


class EffectModel(BaseModel):
    """The schema of one effect's fields: unknown fields refused, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Fired:
    """The fired rule an effect comes from, as the report needs it."""

    rule_id: str
    post: Post
    dimension_weight: float
    # The rule's citations (bibliography ids), as its reason gives them.
    sources: list[str]
    # Writes the rule's reason, the first time an effect reads `reason`: many fired rules only
    # derive a fact or add a line that cites sources, and their reasons would be written for
    # nothing (about 4 in 10 of the fired rules of a typical report).
    write_reason: Callable[[], Reason]
    # The facts the rule matched, by kind (e.g. the audiences a people rule is about).
    facts: Mapping[str, Sequence[Fact]] = field(default_factory=dict)

    @cached_property
    def reason(self) -> Reason:
        return self.write_reason()


@dataclass(frozen=True)
class Push:
    """How an effect moves a channel: +1 up, -1 down (a lower score or a block)."""

    channel: str
    sign: int
    what: str


class ChannelTally:
    """Everything the fired rules said about one channel, until the ranking settles it."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.terms: list[ScoreTerm] = []
        self.reasons: dict[str, Reason] = {}
        self.blocks: list[Block] = []
        self.preconditions: list[Precondition] = []
        self.kpis: list[Kpi] = []
        self.score = 0.0
        self.supporting = 0

    def settle(self, audience_labels: Mapping[str, str]) -> None:
        """Fix the score once every fired rule is tallied. A penalty that comes from some
        audiences is waived when other audiences alone give the channel support (a term about
        none of the penalised audiences): one audience's poor fit does not take away a channel
        another audience needs."""
        for i, term in enumerate(self.terms):
            if term.points >= 0 or not term.audiences:
                continue
            penalised = set(term.audiences)
            others = sorted(
                {
                    a
                    for t in self.terms
                    if t.points > 0 and t.audiences and not penalised & set(t.audiences)
                    for a in t.audiences
                }
            )
            if others:
                needing = ", ".join(audience_labels.get(a, a) for a in others)
                self.terms[i] = term.model_copy(
                    update={
                        "points": 0.0,
                        "scale": 0.0,
                        "waived": f"does not count: {needing} need this channel",
                    }
                )
        self.score = round(sum(t.points for t in self.terms), 4)
        self.supporting = sum(1 for t in self.terms if t.points > 0)

    def advice(
        self,
        tier: Tier,
        rank: int | None,
        fit: Fit | None,
        needs: list[str],
        action: Action | None,
        current: CurrentRun | None,
        reasons: list[Reason],
    ) -> ChannelAdvice:
        """The channel's advice; `reasons` are its reasons in the order the report gives them."""
        return ChannelAdvice(
            channel=self.channel.id,
            name=self.channel.name,
            tier=tier,
            rank=rank,
            score=self.score,
            action=action,
            needs=needs,
            current=current,
            terms=self.terms,
            reasons=reasons,
            preconditions=self.preconditions,
            kpis=self.kpis,
            blocks=self.blocks,
            fit=fit,
        )


@dataclass
class ReportDraft:
    """The report under construction: per-channel tallies and the organization-wide parts."""

    channels: Mapping[str, Channel]
    tallies: dict[str, ChannelTally] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    preconditions: list[Precondition] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    # effect type key -> the items of the section that type adds to the report
    sections: dict[str, list[SectionItem]] = field(default_factory=dict)
    # (most channels, rule id) for every `plan` cap a fired rule set
    channel_caps: list[tuple[int, str]] = field(default_factory=list)
    # channels `plan` effects name to take first, in firing order
    plan_first: list[str] = field(default_factory=list)

    def add_to_section(self, effect_key: str, item: SectionItem) -> None:
        self.sections.setdefault(effect_key, []).append(item)

    def tally(self, channel_id: str) -> ChannelTally:
        if channel_id not in self.tallies:
            self.tallies[channel_id] = ChannelTally(self.channels[channel_id])
        return self.tallies[channel_id]


def _no_push(effect: Any) -> Push | None:
    return None


def _nothing_for(effect: Any, channel: str) -> str | None:
    return None


@dataclass(frozen=True)
class EffectType:
    """One effect type, declared whole in its own module."""

    key: str  # the YAML key: `- score: {...}`
    model: type[EffectModel]
    note: str  # what it does, for the authors' reference
    field_notes: Mapping[str, str]  # what each field means
    example: str  # a YAML example of a rule's `then`
    apply: Callable[[Any, Fired, ReportDraft], None]
    sentence: Callable[[Any], str]  # `advisor rules show`
    brief: Callable[[Any], str]  # docs/rule-base.md (Markdown)
    pushes: Callable[[Any], Push | None] = _no_push
    # What the effect does to one channel, for `advisor explain`; None when it does not touch it.
    on_channel: Callable[[Any, str], str | None] = _nothing_for
    may_name_all_channels: bool = False  # `channel: all` allowed
    may_name_matched_channel: bool = False  # `channel: matched` allowed (the matched runs)
    # The title of the report section the effect adds items to (see ReportDraft.add_to_section),
    # or None when it writes into the ranking or the report's own parts.
    section_title: str | None = None
    # Its section keeps only the items of the channels the plan starts (and items of no channel):
    # a cadence for a channel the organization will not run is not advice.
    planned_channels_only: bool = False
