"""The strategy brief: the plan a consultant hands over, built from one assessment and the rules
that fired for it. Every item names the rule it comes from (for the appendix) and the numbers of
the source notes it rests on; the text a client reads is display text, never an id."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from advisor.model.report import SourceNote


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BriefItem(_Model):
    """One line of the brief: what it says, under which label, from which rule."""

    text: str
    label: str | None = None
    rule_id: str
    rule_title: str
    notes: list[int] = Field(default_factory=list)  # source note numbers


class ChannelPlan(_Model):
    """A planned channel: its role, rhythm, pillars and what to measure."""

    channel: str
    name: str
    role: BriefItem  # the main reason the channel is planned, as the client reads it
    step: str = "Launch"  # what the plan does with it: launch, keep (already run), fix or retire
    hours_per_week: float
    skills: list[str]  # the skills the channel needs, in words
    cadence: BriefItem | None = None  # the lowest cadence any rule set
    cadence_notes: list[BriefItem] = Field(default_factory=list)
    pillars: list[BriefItem] = Field(default_factory=list)
    measures: list[str] = Field(default_factory=list)
    first: list[BriefItem] = Field(default_factory=list)  # what to do before launching it


class PilotTask(_Model):
    week: int
    until: int
    weeks: str  # "Weeks 1-2" (with an en dash)
    phase: str  # "Set-up", "Run", "Review"
    decision: str | None = None  # "Continue", "Fix", "Stop"
    item: BriefItem


class MeasureLine(_Model):
    kpi: str
    data_source: str
    rhythm: str
    baseline: str
    tracking: str | None = None
    item: BriefItem


class ObjectivePlan(_Model):
    """One of the profile's objectives with its target and the KPIs that measure it."""

    kind: str
    goal: str
    focus: str | None = None
    metric: str | None = None
    target: str | None = None
    deadline: str | None = None
    lines: list[MeasureLine] = Field(default_factory=list)


class Summary(_Model):
    ready: bool
    readiness: list[BriefItem]  # blocker and warning findings, in words
    start_with: str | None  # the objective to start with
    channels: list[str]  # display names of the first channels
    why: list[str]  # one reason per first channel
    first: list[BriefItem]  # what must happen first


class Brief(_Model):
    """A strategy brief: deterministic for one profile and pack (the date is the renderer's)."""

    organization: str
    organization_type: str
    pack: str
    summary: Summary
    channels: list[ChannelPlan]
    pillars: list[BriefItem]  # every pillar, whether or not a channel carries it
    pilot: list[PilotTask]
    objectives: list[ObjectivePlan]
    plan_measures: list[MeasureLine]  # lines for the whole plan
    baselines: list[str]  # what the profile states about channels already run
    governance: list[BriefItem]
    budget: str
    spend: list[BriefItem]
    sources: list[SourceNote]
    rules: list[tuple[str, str]]  # (rule id, title) of every rule an item came from

    def no_channel_note(self) -> str:
        """Why the brief plans no channel, in the client's words: the blockers come first when
        there are any (the plan launches nothing until they are settled)."""
        if not self.summary.ready:
            return "No channel is planned until the blockers in the executive summary are settled."
        return "No channel fits the hours and skills available yet."

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"
