"""Ranking and the report: blocks, negative scores, tie-breaks, resource fit, reasons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from advisor import Advisor
from advisor.advice.plan import Candidate, action_for, plan_resources
from advisor.model.catalog import Channel
from advisor.model.profile import Profile

PROFILES = Path(__file__).resolve().parent.parent / "profiles"

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
    ranked = report.ranked()
    assert [a.rank for a in ranked] == list(range(1, len(ranked) + 1))


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


def _profile(resources: dict[str, Any], current: list[dict[str, Any]] | None = None) -> Profile:
    return Profile.model_validate(
        {
            "organization": {"name": "x", "type": "hospital"},
            "resources": resources,
            "technology": {"current_channels": current or []},
        }
    )


def test_the_plan_keeps_channels_already_run_first_then_launches_in_rank_order() -> None:
    profile = _profile(
        {"staff_hours_per_week": 5, "skills": ["writing"]},
        current=[{"channel": "dd", "result": "good"}, {"channel": "ee", "result": "poor"}],
    )
    runs = profile.technology.current_channels
    ranked = [
        Candidate(_channel("aa", 2, ["writing"]), "recommended", None),
        Candidate(_channel("cc", 4, ["writing"]), "recommended", None),
        Candidate(_channel("dd", 3, []), "worth_considering", runs[0]),
        Candidate(_channel("ee", 1, []), "recommended", runs[1]),
        Candidate(_channel("ff", 1, []), "worth_considering", None),
    ]
    fits, plan = plan_resources(profile, ranked, cap=None)
    # dd is run with good results: it takes its 3 hours before anything new is launched;
    # ee's results are poor, so it is not kept; ff is only worth considering: not launched.
    assert plan.kept == ["dd"] and plan.launched == ["aa"]
    assert plan.planned == ["dd", "aa"]
    assert plan.not_fitted == ["cc"]
    assert fits["cc"].note == "needs 4 h/week; 0 h/week left (4 h/week short)"
    assert plan.hours_left == 0 and plan.hours_planned == 5
    assert plan.summary.startswith("Plan 2 channels: keep dd (already run); launch aa.")
    assert action_for("ee", profile.technology.current_channels[1], plan) == "fix_or_retire"
    assert action_for("dd", profile.technology.current_channels[0], plan) == "keep"
    assert action_for("aa", None, plan) == "launch"


def test_the_plan_holds_no_more_channels_than_the_cap() -> None:
    profile = _profile({"staff_hours_per_week": 40})
    ranked = [Candidate(_channel(c, 1, []), "recommended", None) for c in ("aa", "bb", "cc")]
    fits, plan = plan_resources(profile, ranked, cap=2)
    assert plan.planned == ["aa", "bb"] and plan.max_channels == 2
    assert fits["cc"].note.startswith("over the 2 channels the capacity allows")


def test_hours_not_given_plan_at_most_two_channels_and_say_so() -> None:
    profile = _profile({})
    ranked = [Candidate(_channel(c, 2, []), "recommended", None) for c in ("aa", "bb", "cc")]
    _, plan = plan_resources(profile, ranked, cap=5)
    assert plan.hours_available is None and plan.hours_left is None
    assert plan.planned == ["aa", "bb"] and plan.max_channels == 2
    assert "Staff hours are not given" in plan.summary


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


def test_channels_the_rules_name_first_are_launched_before_the_rest_of_the_ranking() -> None:
    profile = _profile({"staff_hours_per_week": 40})
    ranked = [Candidate(_channel(c, 1, []), "recommended", None) for c in ("aa", "bb", "cc")]
    _, plan = plan_resources(profile, ranked, cap=2, first=["cc", "zz"])
    assert plan.launched == ["cc", "aa"]


def test_an_organization_that_is_not_ready_launches_nothing_new() -> None:
    profile = _profile({"staff_hours_per_week": 40}, current=[{"channel": "bb", "result": "fair"}])
    ranked = [
        Candidate(_channel("aa", 1, []), "recommended", None),
        Candidate(_channel("bb", 1, []), "recommended", profile.technology.current_channels[0]),
    ]
    fits, plan = plan_resources(profile, ranked, cap=None, ready=False)
    assert plan.kept == ["bb"] and plan.launched == []
    assert fits["aa"].note == "not launched until the blockers in the findings are resolved"
    assert plan.summary.startswith("Not ready: no new channel is launched")


def test_a_channel_run_today_that_does_not_fit_says_what_to_do() -> None:
    profile = _profile({"staff_hours_per_week": 2}, current=[{"channel": "bb", "result": "fair"}])
    run = profile.technology.current_channels[0]
    ranked = [Candidate(_channel("bb", 3, []), "recommended", run)]
    fits, _ = plan_resources(profile, ranked, cap=None)
    assert fits["bb"].note.endswith("cut its cadence to fit, or pause it")


def test_a_step_two_rules_ask_for_is_stated_once_traced_to_the_first() -> None:
    # The shipped hospital has an energizing objective and the online-reviews pain point: both
    # ask every patient alike for a review, and the reader gets that step once.
    with Advisor() as advisor:
        report = advisor.assess(str(PROFILES / "hospital.yaml"))
    reviews = report.channel("review_sites")
    assert reviews is not None
    steps = [(p.code, p.rule_id) for p in reviews.preconditions if p.code == "ask-every-patient"]
    assert steps == [("ask-every-patient", "objectives.energizing.reviews")]
    fired = set(report.fired_rules)
    assert {"objectives.energizing.reviews", "pain_points.reviews.claim-and-reply"} <= fired
    every = [*report.preconditions, *(p for a in report.every_channel() for p in a.preconditions)]
    assert len({(p.channel, p.code, p.text) for p in every}) == len(every)
