"""The profile model: how a healthcare organization describes itself (POST plus resources,
bottlenecks, pain points and constraints). Unknown keys are rejected everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

# Strings from people stay well below durable_rules' 65,536-byte limit on matched strings.
ShortText = Annotated[str, Field(min_length=1, max_length=500)]
LongText = Annotated[str, Field(min_length=1, max_length=4000)]
ChannelId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,40}$")]

OrgType = Literal[
    "medical_association",
    "health_professional_association",
    "cme_provider",
    "academic_medical_center",
    "hospital",
    "patient_advocacy_nonprofit",
    "health_foundation",
    "research_institute",
    "public_health_agency",
    "medical_journal",
    "small_nonprofit",
    "industry_affiliated",
]
OrgSize = Literal["micro", "small", "medium", "large"]
Segment = Literal[
    "physicians",
    "nurses",
    "pharmacists",
    "allied_health",
    "researchers",
    "students",
    "residency_applicants",
    "cme_learners",
    "members",
    "prospective_members",
    "lapsed_members",
    "patients_chronic",
    "patients_rare_disease",
    "patients_general",
    "caregivers",
    "seniors",
    "local_public",
    "donors_small",
    "donors_major",
    "policymakers",
    "journalists",
    "employees",
    "job_candidates",
]
AgeBand = Literal["under-18", "18-29", "30-49", "50-64", "65-plus"]
CareerStage = Literal["student", "resident", "early_career", "mid_career", "late_career", "mixed"]
Rung = Literal[
    "creators", "conversationalists", "critics", "collectors", "joiners", "spectators", "inactives"
]
ObjectiveKind = Literal["listening", "talking", "energizing", "supporting", "embracing"]
Focus = Literal[
    "awareness",
    "patient_education",
    "cme_enrolment",
    "cme_delivery",
    "member_engagement",
    "member_recruitment",
    "staff_recruitment",
    "resident_recruitment",
    "fundraising",
    "advocacy",
    "research_dissemination",
    "reputation_management",
    "misinformation_response",
    "crisis_communication",
    "needs_assessment",
    "program_improvement",
]
Approach = Literal["build", "join", "undecided"]
Scope = Literal["pilot", "program"]
ChannelResult = Literal["none", "poor", "fair", "good", "unknown"]
Skill = Literal[
    "writing",
    "design",
    "video",
    "audio",
    "analytics",
    "community_management",
    "paid_media",
    "live_events",
]
Moderation = Literal["none", "business_hours", "extended", "24x7"]
# How much an audience counts: a secondary audience's score terms count half.
Priority = Literal["primary", "secondary"]
PainPoint = Literal[
    "member_engagement_low",
    "member_recruitment_young",
    "member_retention",
    "cme_enrolment_low",
    "cme_completion_low",
    "resident_recruitment",
    "staff_recruitment",
    "fundraising",
    "misinformation",
    "online_reviews",
    "patient_education_gap",
    "research_visibility",
    "advocacy_influence",
    "crisis_readiness",
]
Constraint = Literal[
    "hipaa_phi",
    "fda_promotion",
    "accme_independence",
    "commercial_support_separation",
    "professional_ethics",
    "learner_data_privacy",
    "platform_volatility",
]


class Strict(BaseModel):
    """Base for every profile part: unknown keys are errors, values are never coerced loosely."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class Organization(Strict):
    name: ShortText
    type: OrgType
    size: OrgSize = "medium"
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    hipaa_covered: bool = False
    accredited_cme_provider: bool = False
    accepts_commercial_support: bool = False
    promotes_regulated_products: bool = False
    emergency_role: bool = False
    direct_patient_contact: bool = False


class Audience(Strict):
    segment: Segment
    name: ShortText | None = None
    ages: list[AgeBand] = Field(default_factory=list, max_length=5)
    career_stage: CareerStage | None = None
    size: Annotated[int, Field(ge=0, le=10_000_000_000)] | None = None
    platforms: list[ChannelId] = Field(default_factory=list, max_length=40)
    participation: Rung | None = None
    need_to_connect: bool = False
    priority: Priority = "primary"


class Objective(Strict):
    kind: ObjectiveKind
    goal: LongText
    focus: Focus | None = None
    metric: ShortText | None = None
    target: Annotated[float, Field(ge=-1e12, le=1e12)] | ShortText | None = None
    deadline: dt.date | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def measurable(self) -> bool:
        """An objective is measurable when it names a metric, a target and a date."""
        return self.metric is not None and self.target is not None and self.deadline is not None


class Strategy(Strict):
    relationship_change: LongText | None = None
    approach: Approach = "undecided"
    scope: Scope = "pilot"


class ChannelRun(Strict):
    channel: ChannelId
    result: ChannelResult = "unknown"
    followers: Annotated[int, Field(ge=0, le=10_000_000_000)] | None = None
    posts_per_week: Annotated[float, Field(ge=0, le=10_000)] | None = None


class Technology(Strict):
    current_channels: list[ChannelRun] = Field(default_factory=list, max_length=60)
    required_channels: list[ChannelId] = Field(default_factory=list, max_length=60)


# Fields left out mean "not given", which the advice asks about; they are never read as 0 or
# "none" (the worst case) nor as the best case.
class Resources(Strict):
    staff_hours_per_week: Annotated[float, Field(ge=0, le=2000)] | None = None
    skills: list[Skill] | None = Field(default=None, max_length=20)
    budget_per_year: Annotated[float, Field(ge=0, le=1e12)] | None = None
    executive_sponsor: bool = False
    sme_hours_per_month: Annotated[float, Field(ge=0, le=10_000)] | None = None
    moderation: Moderation | None = None


class Bottlenecks(Strict):
    approval_days: Annotated[float, Field(ge=0, le=3650)] | None = None
    legal_review_required: bool = False
    no_analytics: bool = False
    it_blocks_social: bool = False
    cms_limits: bool = False
    scattered_accounts: bool = False
    no_social_policy: bool = False
    no_crisis_plan: bool = False


class Profile(Strict):
    """A whole organization profile, the input of one assessment."""

    organization: Organization
    audiences: list[Audience] = Field(default_factory=list, max_length=40)
    objectives: list[Objective] = Field(default_factory=list, max_length=40)
    strategy: Strategy = Field(default_factory=Strategy)
    technology: Technology = Field(default_factory=Technology)
    resources: Resources = Field(default_factory=Resources)
    bottlenecks: Bottlenecks = Field(default_factory=Bottlenecks)
    pain_points: list[PainPoint] = Field(default_factory=list, max_length=30)
    constraints: list[Constraint] = Field(default_factory=list, max_length=20)
