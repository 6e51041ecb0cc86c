"""Properties of the advice over generated profiles, on the shipped rule pack.

Profiles are generated from the profile model's own vocabularies (every organization type and
size, segment, age band, career stage, rung, objective kind and focus, approach, scope,
channel, result, skill, moderation level, bottleneck, pain point and constraint), with 1 to 6
audiences, channels already run, skills and staff hours given or not. The checks are what the
tiers and the plan promise (advisor/advice/tiers.py, advisor/advice/plan.py), written from
their definitions, not from today's outputs:

- a recommended channel has a positive term from an audience, an objective or a pain point
  (or is a channel already run with good results), a score of RECOMMEND_AT or more, no block;
- the plan never holds more channels than its cap nor more hours than the team has; it keeps
  only channels already run, not failing, and not blocked or infeasible;
- with the skills given, no channel that needs a missing skill is recommended, ranked first or
  launched;
- adding a channel already run with good results never lowers its score nor its tier;
- a secondary audience never adds more points to a channel than the same audience as primary;
- the same profile gives byte-identical JSON.

Examples are derandomized (a fixed sequence) and bounded so the file runs in well under 30 s.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any, get_args

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import Advisor
from advisor.advice.tiers import RECOMMEND_AT, TIER_ORDER
from advisor.files.packs import default_pack_root
from advisor.model import profile as model
from advisor.model.report import ChannelAdvice, Report

ANCHOR_POSTS = {"people", "objectives", "pain_points"}
COUNTRIES = ["US", "GB", "CA", "BR", "IN", "AU", "DE", "FR", "NO", "JP", "ZA"]
HOURS = [0, 2, 3, 4.5, 6, 10, 16, 25, 60]


def bounded(examples: int) -> settings:
    """A fixed example sequence of this size: the same profiles on every run and in CI."""
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """The shipped channel catalogue: id -> entry (skills, hours)."""
    path = Path(str(default_pack_root())) / "channels.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["channels"]
    return {entry["id"]: entry for entry in entries}


@cache
def advisor() -> Advisor:
    return Advisor()


def _values(literal: Any) -> list[str]:
    return list(get_args(literal))


def _subset(values: list[str], max_size: int | None = None) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=max_size or len(values))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


CHANNELS = sorted(catalogue())


@st.composite
def audiences(draw: st.DrawFn) -> dict[str, Any]:
    return _drop_none(
        {
            "segment": draw(st.sampled_from(_values(model.Segment))),
            "name": draw(_maybe(st.sampled_from(["our patients", "members", "the public"]))),
            "ages": draw(_subset(_values(model.AgeBand))),
            "career_stage": draw(_maybe(st.sampled_from(_values(model.CareerStage)))),
            "size": draw(_maybe(st.integers(0, 2_000_000))),
            "platforms": draw(_subset(CHANNELS, 5)),
            "participation": draw(_maybe(st.sampled_from(_values(model.Rung)))),
            "need_to_connect": draw(st.booleans()),
            "priority": draw(st.sampled_from(_values(model.Priority))),
        }
    )


@st.composite
def objectives(draw: st.DrawFn) -> dict[str, Any]:
    measurable = draw(st.booleans())
    objective: dict[str, Any] = {
        "kind": draw(st.sampled_from(_values(model.ObjectiveKind))),
        "goal": "a goal written with the client",
        "focus": draw(_maybe(st.sampled_from(_values(model.Focus)))),
    }
    if measurable:
        objective |= {
            "metric": "a metric",
            "target": draw(st.integers(1, 100_000)),
            "deadline": dt.date(2027, 6, 30),
        }
    elif draw(st.booleans()):
        objective["metric"] = "a metric without a target"
    return _drop_none(objective)


@st.composite
def channel_runs(draw: st.DrawFn) -> list[dict[str, Any]]:
    chosen = draw(_subset(CHANNELS, 3))
    return [
        _drop_none(
            {
                "channel": channel,
                "result": draw(st.sampled_from(_values(model.ChannelResult))),
                "followers": draw(_maybe(st.integers(0, 500_000))),
                "posts_per_week": draw(_maybe(st.integers(0, 20))),
            }
        )
        for channel in chosen
    ]


@st.composite
def profiles(draw: st.DrawFn, min_audiences: int = 1) -> dict[str, Any]:
    organization = {
        "name": "Generated organization",
        "type": draw(st.sampled_from(_values(model.OrgType))),
        "size": draw(st.sampled_from(_values(model.OrgSize))),
        "country": draw(st.sampled_from(COUNTRIES)),
    }
    for flag in (
        "hipaa_covered",
        "accredited_cme_provider",
        "accepts_commercial_support",
        "promotes_regulated_products",
        "emergency_role",
        "direct_patient_contact",
    ):
        organization[flag] = draw(st.booleans())
    resources = _drop_none(
        {
            "staff_hours_per_week": draw(_maybe(st.sampled_from(HOURS))),
            "skills": draw(_maybe(_subset(_values(model.Skill)))),
            "budget_per_year": draw(_maybe(st.sampled_from([0, 5_000, 50_000]))),
            "executive_sponsor": draw(st.booleans()),
            "sme_hours_per_month": draw(_maybe(st.sampled_from([0, 1, 4, 12]))),
            "moderation": draw(_maybe(st.sampled_from(_values(model.Moderation)))),
        }
    )
    bottlenecks: dict[str, Any] = _drop_none(
        {"approval_days": draw(_maybe(st.sampled_from([0, 1, 2, 3, 7, 14, 30])))}
    )
    for flag in model.Bottlenecks.model_fields:
        if flag != "approval_days":
            bottlenecks[flag] = draw(st.booleans())
    return {
        "organization": organization,
        "audiences": draw(st.lists(audiences(), min_size=min_audiences, max_size=6)),
        "objectives": draw(st.lists(objectives(), max_size=3)),
        "strategy": {
            "approach": draw(st.sampled_from(_values(model.Approach))),
            "scope": draw(st.sampled_from(_values(model.Scope))),
        },
        "technology": {
            "current_channels": draw(channel_runs()),
            "required_channels": draw(_subset(CHANNELS, 2)),
        },
        "resources": resources,
        "bottlenecks": bottlenecks,
        "pain_points": draw(_subset(_values(model.PainPoint), 4)),
        "constraints": draw(_subset(_values(model.Constraint), 3)),
    }


def _anchored(advice: ChannelAdvice) -> bool:
    if advice.current is not None and advice.current.result == "good":
        return True
    return any(t.points > 0 and (t.post in ANCHOR_POSTS or t.audiences) for t in advice.terms)


def _tier_index(report: Report, channel: str) -> int:
    advice = report.channel(channel)
    return len(TIER_ORDER) if advice is None else TIER_ORDER.index(advice.tier)


def _score(report: Report, channel: str) -> float:
    advice = report.channel(channel)
    return 0.0 if advice is None else advice.score


@bounded(150)
@given(profiles())
def test_tiers_plan_and_skills_keep_their_promises(profile: dict[str, Any]) -> None:
    report = advisor().assess(profile)
    for advice in report.recommended:
        assert _anchored(advice), f"{advice.channel} recommended without an anchored reason"
        assert advice.score >= RECOMMEND_AT, f"{advice.channel} recommended on {advice.score}"
        assert not advice.blocks, f"{advice.channel} recommended while blocked"

    plan = report.resource_plan
    assert plan.planned == plan.kept + plan.launched
    assert len(set(plan.planned)) == len(plan.planned)
    if plan.max_channels is not None:
        assert len(plan.planned) <= plan.max_channels
    hours = profile["resources"].get("staff_hours_per_week")
    if hours is None:
        assert plan.max_channels is not None and len(plan.planned) <= plan.max_channels
    else:
        needed = sum(catalogue()[c]["hours_per_week"] for c in plan.planned)
        assert needed <= hours + 1e-9, f"{needed} h planned, {hours} h available"
        assert plan.hours_planned <= hours + 1e-9
    recommended = {a.channel for a in report.recommended}
    assert set(plan.launched) <= recommended
    runs = {run["channel"]: run for run in profile["technology"]["current_channels"]}
    assert set(plan.kept) <= set(runs), "the plan keeps a channel that is not run"
    assert all(runs[c]["result"] != "poor" for c in plan.kept), "a failing channel is kept"
    ranked_ids = {a.channel for a in report.ranked()}
    assert set(plan.kept) <= ranked_ids, "the plan keeps a blocked or infeasible channel"

    skills = profile["resources"].get("skills")
    if skills is not None:

        def lacks(channel: str) -> bool:
            return bool(set(catalogue()[channel].get("skills", [])) - set(skills))

        for channel in recommended | set(plan.launched):
            assert not lacks(channel), f"{channel} needs a skill the team lacks ({skills})"
        ranked = report.ranked()
        if ranked:
            assert not lacks(ranked[0].channel), f"{ranked[0].channel} ranked first without skill"


@st.composite
def profile_and_new_channel(draw: st.DrawFn) -> tuple[dict[str, Any], str, int | None]:
    profile = draw(profiles())
    running = {run["channel"] for run in profile["technology"]["current_channels"]}
    channel = draw(st.sampled_from([c for c in CHANNELS if c not in running]))
    followers = draw(_maybe(st.sampled_from([0, 500, 5_000, 50_000])))
    return profile, channel, followers


@bounded(80)
@given(profile_and_new_channel())
def test_a_good_channel_already_run_never_loses_score_or_tier(
    case: tuple[dict[str, Any], str, int | None],
) -> None:
    profile, channel, followers = case
    before = advisor().assess(profile)
    run = _drop_none({"channel": channel, "result": "good", "followers": followers})
    with_run = {
        **profile,
        "technology": {
            **profile["technology"],
            "current_channels": [*profile["technology"]["current_channels"], run],
        },
    }
    after = advisor().assess(with_run)
    assert _score(after, channel) >= _score(before, channel)
    assert _tier_index(after, channel) <= _tier_index(before, channel), (
        f"{channel}: {before.channel(channel)} -> {after.channel(channel)}"
    )


@st.composite
def profile_and_extra_audience(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    return draw(profiles(min_audiences=0)), draw(audiences())


def _points_from(report: Report, path: str) -> dict[str, float]:
    """Each channel's positive points from terms tied to the audience at this path."""
    totals: dict[str, float] = {}
    for advice in report.every_channel():
        points = sum(t.points for t in advice.terms if t.points > 0 and path in t.audiences)
        totals[advice.channel] = points
    return totals


@bounded(80)
@given(profile_and_extra_audience())
def test_a_secondary_audience_never_adds_more_than_the_same_audience_as_primary(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    profile, extra = case
    if len(profile["audiences"]) >= 6:
        profile = {**profile, "audiences": profile["audiences"][:5]}
    path = f"audiences[{len(profile['audiences'])}]"

    def with_priority(priority: str) -> Report:
        audience = {**extra, "priority": priority}
        return advisor().assess({**profile, "audiences": [*profile["audiences"], audience]})

    primary, secondary = (
        _points_from(with_priority("primary"), path),
        _points_from(with_priority("secondary"), path),
    )
    for channel, points in secondary.items():
        assert points <= primary.get(channel, 0.0) + 1e-9, (
            f"{channel}: secondary adds {points}, primary {primary.get(channel, 0.0)}"
        )


@bounded(40)
@given(profiles())
def test_the_same_profile_gives_byte_identical_json(profile: dict[str, Any]) -> None:
    first = advisor().assess(profile).to_json()
    again = advisor().assess(profile).to_json()
    fresh = Advisor().assess(profile).to_json()
    assert first == again == fresh
