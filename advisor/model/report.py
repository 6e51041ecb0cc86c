"""The report model: what one assessment answers, typed, serializable and deterministic."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from advisor.model.sources import Source

REPORT_SCHEMA_VERSION = "2.0"

# What each tier means is documented in docs/advice.md and decided in advisor.advice.tiers.
Tier = Literal["recommended", "worth_considering", "not_now", "not_recommended"]
# What to do with a channel: start it, keep building on it (already run), or fix or retire it.
Action = Literal["launch", "keep", "fix_or_retire"]


Value = str | int | float | bool | list[str] | None


def canonical_number(value: Value) -> Value:
    """The one JSON form of a value whose type varies (evidence, derived facts): a whole number
    is written as an integer (`0`, not `0.0`), so a float field left at its default, written as
    `0` or `0.0`, and a profile that went through a process pool all give the same bytes.
    Fields of one number type keep it (a score's points are always floats, weights integers)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """One profile value that a rule's condition matched, or a statement of what was absent."""

    path: str
    value: str | int | float | bool | list[str] | None = None
    test: str

    @field_serializer("value")
    def _canonical(self, value: Value) -> str | int | float | bool | list[str] | None:
        return canonical_number(value)


class Reason(_Model):
    """A sentence rendered from a rule's template with the facts it matched, traced back."""

    rule_id: str
    post: str
    text: str
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_grade: str
    source: str
    # The rule's citations: bibliography ids, numbered in the report's `sources` (free text in a
    # pack without a bibliography).
    sources: list[str] = Field(default_factory=list)
    # The rule's status: experimental and deprecated rules are flagged to the reader.
    status: str = "stable"


class ScoreTerm(_Model):
    rule_id: str
    post: str
    weight: int
    dimension_weight: float
    points: float
    # The audiences (profile paths, e.g. `audiences[1]`) whose facts the rule matched: their
    # priority scales the points, and one audience's penalty is waived when another needs the
    # channel.
    audiences: list[str] = Field(default_factory=list)
    scale: float = 1.0
    waived: str | None = None  # why a penalty does not count, when it does not


class Block(_Model):
    rule_id: str
    reason: str
    lift: str


class Precondition(_Model):
    code: str
    channel: str
    text: str
    rule_id: str


class Kpi(_Model):
    metric: str
    objective: str | None = None
    channel: str | None = None
    rule_id: str


class Finding(_Model):
    level: Literal["info", "warning", "blocker"]
    code: str
    message: str
    rule_id: str
    post: str
    evidence: list[Evidence] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class SourceNote(_Model):
    """A bibliography entry the report cites, numbered in the order of its first use
    (findings, then the reasons of recommended and not recommended channels)."""

    number: int
    id: str
    title: str
    publisher: str
    year: int
    url: str
    kind: str
    # Why an old source is still cited, when the bibliography says.
    dated: str | None = None

    @classmethod
    def of(cls, entry: Source, number: int) -> SourceNote:
        """The note numbered `number` for a bibliography entry."""
        return cls(
            number=number,
            id=entry.id,
            title=entry.title,
            publisher=entry.publisher,
            year=entry.year,
            url=entry.url,
            kind=entry.kind,
            dated=entry.dated,
        )


class Fit(_Model):
    fits: bool
    hours_per_week: float
    missing_skills: list[str] = Field(default_factory=list)
    note: str


class CurrentRun(_Model):
    """How the organization runs a channel today, as its profile says."""

    result: str
    followers: int | None = None
    posts_per_week: float | None = None


class ChannelAdvice(_Model):
    channel: str
    name: str
    tier: Tier
    rank: int | None = None
    score: float
    action: Action | None = None
    # What would make the channel feasible or lift it into a higher tier, in the client's words.
    needs: list[str] = Field(default_factory=list)
    current: CurrentRun | None = None
    terms: list[ScoreTerm] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    preconditions: list[Precondition] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    fit: Fit | None = None


class ResourcePlan(_Model):
    # None when the profile does not say how many staff hours there are.
    hours_available: float | None
    hours_planned: float
    hours_left: float | None
    skills_available: list[str]
    # The most channels the capacity findings allow (None: no finding limits them).
    max_channels: int | None = None
    # Channels the organization already runs and keeps: they take their hours first.
    kept: list[str] = Field(default_factory=list)
    # Channels to start, after the kept ones.
    launched: list[str] = Field(default_factory=list)
    planned: list[str]
    not_fitted: list[str]
    summary: str

    def rows(self, names: dict[str, str] | None = None) -> list[tuple[str, str]]:
        """The plan as label/value rows, unescaped, for every renderer to format its own way;
        channels by their display names when `names` gives them."""

        def shown(ids: list[str]) -> str:
            return ", ".join((names or {}).get(i, i) for i in ids) or "—"

        return [
            ("Staff hours per week available", _hours(self.hours_available)),
            ("Hours planned", _hours(self.hours_planned)),
            ("Hours left", _hours(self.hours_left)),
            ("Most channels the capacity allows", _count(self.max_channels)),
            ("Skills available", ", ".join(s.replace("_", " ") for s in self.skills_available)
             or "—"),
            ("Channels kept (already run)", shown(self.kept)),
            ("Channels to launch", shown(self.launched)),
            ("Supported but not planned", shown(self.not_fitted)),
        ]


def _hours(value: float | None) -> str:
    return "not given" if value is None else f"{value:g}"


def _count(value: int | None) -> str:
    return "no limit set" if value is None else str(value)


class PackInfo(_Model):
    name: str
    version: str
    content_hash: str
    rule_count: int


class DerivedFact(_Model):
    name: str
    value: str | int | float | bool
    rule_ids: list[str]

    @field_serializer("value")
    def _canonical(self, value: str | int | float | bool) -> str | int | float | bool:
        return canonical_number(value)  # type: ignore[return-value]


class SectionItem(_Model):
    """One item of a section an effect type adds: what to do, for which channel or area."""

    rule_id: str
    text: str
    label: str | None = None  # e.g. the area of a governance item
    channel: str | None = None
    sources: list[str] = Field(default_factory=list)


class Section(_Model):
    """A part of the report that an effect type adds beyond the ranking (its items in the order
    the rules fired); renderers show every section the same way, so a new effect type needs no
    change to the report model or to any renderer."""

    effect: str
    title: str
    items: list[SectionItem]


class Report(_Model):
    """One assessment, sorted and without timestamps: same profile and rules, same bytes."""

    schema_version: str = REPORT_SCHEMA_VERSION
    organization: str
    profile_hash: str
    pack: PackInfo
    ready: bool
    findings: list[Finding] = Field(default_factory=list)
    recommended: list[ChannelAdvice] = Field(default_factory=list)
    worth_considering: list[ChannelAdvice] = Field(default_factory=list)
    not_now: list[ChannelAdvice] = Field(default_factory=list)
    not_recommended: list[ChannelAdvice] = Field(default_factory=list)
    preconditions: list[Precondition] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    resource_plan: ResourcePlan
    derived: list[DerivedFact] = Field(default_factory=list)
    fired_rules: list[str] = Field(default_factory=list)
    sources: list[SourceNote] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    def ranked(self) -> list[ChannelAdvice]:
        """The channels with a rank: recommended, then worth considering."""
        return [*self.recommended, *self.worth_considering]

    def every_channel(self) -> list[ChannelAdvice]:
        """Every channel the rules spoke of, tier by tier."""
        return [*self.recommended, *self.worth_considering, *self.not_now, *self.not_recommended]

    def channel_names(self) -> dict[str, str]:
        return {a.channel: a.name for a in self.every_channel()}

    def channel(self, channel_id: str) -> ChannelAdvice | None:
        for advice in self.every_channel():
            if advice.channel == channel_id:
                return advice
        return None

    def source_numbers(self) -> dict[str, int]:
        """Each cited bibliography id's note number."""
        return {note.id: note.number for note in self.sources}

    def top(self, n: int) -> list[str]:
        """The first n ranked channels (recommended, then worth considering)."""
        return [a.channel for a in self.ranked()[:n]]

    def shown(self, top: int | None) -> tuple[list[ChannelAdvice], int]:
        """The ranked channels a reader is shown (the first `top`, or all) and how many more
        there are."""
        ranked = self.ranked()
        shown = ranked if top is None else ranked[:top]
        return shown, len(ranked) - len(shown)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"
