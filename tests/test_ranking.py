"""Ranking and the report: blocks, negative scores, tie-breaks, resource fit, reasons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from advisor import Advisor
from advisor.advice.ranking import fit_resources
from advisor.model.catalog import Channel
from advisor.model.profile import Profile

Make = Callable[..., dict[str, Any]]


def test_scores_are_weighted_sums_with_their_terms(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(make_profile())
    linkedin = report.channel("linkedin")
    assert linkedin is not None and linkedin.rank is not None
    assert linkedin.score == 3
    assert [(t.rule_id, t.weight, t.points) for t in linkedin.terms] == [
        ("people.physicians.professional-networks", 3, 3.0)
    ]


def test_ties_break_by_supporting_rules_then_hours_then_id(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(make_profile())
    assert report.top(2) == ["linkedin", "email_newsletter"]
    # email (2 points) and youtube would tie only if weights matched; the order is stable
    assert [a.rank for a in report.recommended] == list(range(1, len(report.recommended) + 1))


def test_a_blocked_channel_leaves_the_ranking_but_stays_with_what_lifts_it(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(make_profile(resources={"staff_hours_per_week": 3}))
    assert "facebook_group" not in report.top(10)
    group = report.channel("facebook_group")
    assert group is not None and group.rank is None
    (block,) = group.blocks
    assert block.lift == "at least 5 staff hours a week for community management"
    assert block.reason == "Capacity is low: a community needs 5-10 hours a week"


def test_a_negative_net_score_is_not_recommended_with_its_reason(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(
        make_profile(
            objectives=[{"kind": "talking", "goal": "be seen"}],
            technology={"required_channels": ["x_twitter"]},
        )
    )
    x = report.channel("x_twitter")
    # technology evidence counts half (POST puts technology last): -2 x 0.5
    assert x is not None and x.rank is None and x.score == -1
    assert x.reasons[0].rule_id == "technology.required.not-a-reason"
    assert not report.ready
    assert report.findings[0].code == "objectives-not-measurable"
    assert report.findings[0].level == "blocker"


def test_reason_templates_are_filled_with_the_matched_facts(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(
        make_profile(audiences=[{"segment": "physicians"}, {"segment": "nurses"}])
    )
    email = report.channel("email_newsletter")
    assert email is not None
    (reason,) = email.reasons
    assert reason.text == "physicians and nurses read email from their association"
    assert [e.path for e in reason.evidence] == ["audiences[0].segment", "audiences[1].segment"]
    assert reason.source == "F3.26"


def test_evidence_of_a_negated_condition_says_what_was_absent(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(make_profile(objectives=[]))
    (finding,) = [f for f in report.findings if f.code == "objectives-not-measurable"]
    assert finding.evidence[0].test == "no objective where measurable is true"


def test_preconditions_kpis_and_derived_facts_reach_the_report(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(
        make_profile(bottlenecks={"approval_days": 5}, resources={"staff_hours_per_week": 2})
    )
    assert [p.code for p in report.preconditions] == ["pre-approved-library"]
    youtube = report.channel("youtube")
    assert youtube is not None and [p.code for p in youtube.preconditions] == ["evergreen-plan"]
    linkedin = report.channel("linkedin")
    assert linkedin is not None and linkedin.kpis[0].metric == "qualified reach among physicians"
    assert [(d.name, d.value) for d in report.derived] == [
        ("capacity", "low"),
        ("community", "blocked"),
    ]


def _channel(cid: str, hours: float, skills: list[str]) -> Channel:
    return Channel.model_validate(
        {"id": cid, "name": cid, "hours_per_week": hours, "skills": skills}
    )


def test_resource_fit_walks_the_ranking_and_says_what_does_not_fit() -> None:
    profile = Profile.model_validate(
        {
            "organization": {"name": "x", "type": "hospital"},
            "resources": {"staff_hours_per_week": 5, "skills": ["writing"]},
        }
    )
    ranked = [
        _channel("aa", 2, ["writing"]),
        _channel("bb", 4, ["video"]),
        _channel("cc", 4, ["writing"]),
        _channel("dd", 3, []),
    ]
    fits, plan = fit_resources(profile, ranked)
    assert plan.planned == ["aa", "dd"]
    assert plan.not_fitted == ["bb", "cc"]
    assert fits["bb"].missing_skills == ["video"]
    assert fits["cc"].note == "needs 4 h/week; 3 h/week left (1 h/week short)"
    assert plan.hours_left == 0
    assert "2 of 4 recommended channels fit in 5 staff hours/week" in plan.summary


def test_the_same_profile_gives_byte_identical_json(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    data = make_profile(resources={"staff_hours_per_week": 3}, bottlenecks={"approval_days": 9})
    assert mini_advisor.assess(data).to_json() == mini_advisor.assess(data).to_json()


def test_report_carries_pack_identity_and_profile_hash(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    report = mini_advisor.assess(make_profile())
    assert report.pack.name == "mini"
    assert report.pack.content_hash == mini_advisor.pack.content_hash
    other = mini_advisor.assess(make_profile(pain_points=["misinformation"]))
    assert len(report.profile_hash) == 64 and report.profile_hash != other.profile_hash
