"""What each tier means, and how audiences weigh: decided from the terms, the team and the
channel, independent of any rule pack."""

from __future__ import annotations

from advisor import Advisor
from advisor.advice.tiers import RECOMMEND_AT, decide_tier
from advisor.model.catalog import Channel
from advisor.model.profile import ChannelRun
from advisor.model.report import ScoreTerm
from advisor.rulebook.effects.base import ChannelTally

VIDEO = Channel.model_validate(
    {"id": "youtube", "name": "YouTube", "hours_per_week": 4, "skills": ["video"]}
)


def _term(post: str, points: float, audiences: list[str] | None = None) -> ScoreTerm:
    return ScoreTerm(
        rule_id=f"{post}.r{points:g}",
        post=post,
        weight=int(points),
        dimension_weight=1.0,
        points=points,
        audiences=audiences or [],
    )


def test_a_skill_alone_never_recommends_a_channel() -> None:
    call = decide_tier(VIDEO, 6, [_term("resources", 6)], [], None, frozenset({"video"}), 10)
    assert call.tier == "worth_considering"
    assert call.needs == ("an audience or objective it would serve",)


def test_an_audience_reason_and_enough_points_recommend_a_feasible_channel() -> None:
    terms = [_term("people", RECOMMEND_AT)]
    call = decide_tier(VIDEO, RECOMMEND_AT, terms, [], None, frozenset({"video"}), 10)
    assert call.tier == "recommended" and call.needs == ()


def test_weak_support_is_worth_considering() -> None:
    terms = [_term("people", RECOMMEND_AT - 1)]
    call = decide_tier(VIDEO, RECOMMEND_AT - 1, terms, [], None, frozenset({"video"}), 10)
    assert call.tier == "worth_considering"


def test_a_missing_skill_or_too_few_hours_is_not_now_and_says_what_it_takes() -> None:
    terms = [_term("people", 8)]
    call = decide_tier(VIDEO, 8, terms, [], None, frozenset({"writing"}), 2)
    assert call.tier == "not_now"
    assert call.needs == (
        "video skills in the team (train, hire or contract them)",
        "about 4 staff hours a week (2 are available)",
    )


def test_skills_not_given_are_confirmed_not_assumed_missing() -> None:
    call = decide_tier(VIDEO, 8, [_term("objectives", 8)], [], None, None, None)
    assert call.tier == "recommended"
    assert call.needs == ("confirm the team has video skills",)


def test_a_block_is_not_now_with_its_lift_and_a_net_loss_is_not_recommended() -> None:
    terms = [_term("people", 8)]
    blocked = decide_tier(VIDEO, 8, terms, ["a crisis plan"], None, None, 9)
    assert blocked.tier == "not_now" and blocked.needs == ("a crisis plan",)
    assert decide_tier(VIDEO, -1, [_term("people", -1)], [], None, None, 9).tier == (
        "not_recommended"
    )


def test_good_results_on_a_channel_already_run_count_as_the_organizations_own_evidence() -> None:
    run = ChannelRun(channel="youtube", result="good")
    terms = [_term("technology", 3)]
    assert decide_tier(VIDEO, 3, terms, [], run, frozenset({"video"}), 10).tier == "recommended"


def test_one_audiences_penalty_is_waived_when_another_audience_needs_the_channel() -> None:
    tally = ChannelTally(VIDEO)
    tally.terms = [
        _term("people", 3, ["audiences[1]"]),
        _term("people", -2, ["audiences[0]"]),
        _term("strategy", -1),
    ]
    tally.settle({"audiences[0]": "seniors", "audiences[1]": "students"})
    assert tally.score == 2
    waived = tally.terms[1]
    assert waived.points == 0 and waived.waived == "does not count: students need this channel"


def test_a_penalty_stands_when_the_support_comes_from_the_same_audience() -> None:
    tally = ChannelTally(VIDEO)
    tally.terms = [
        _term("people", 3, ["audiences[0]", "audiences[1]"]),
        _term("people", -2, ["audiences[0]"]),
    ]
    tally.settle({})
    assert tally.score == 1 and tally.terms[1].waived is None


def _report_for(priority: str) -> float:
    profile = {
        "organization": {"name": "x", "type": "medical_association"},
        "audiences": [{"segment": "physicians", "priority": priority}],
        "resources": {"staff_hours_per_week": 10},
    }
    advice = Advisor().assess(profile).channel("physician_community")
    assert advice is not None
    return sum(t.points for t in advice.terms if t.audiences)


def test_a_secondary_audiences_terms_count_half() -> None:
    primary, secondary = _report_for("primary"), _report_for("secondary")
    assert primary > 0 and secondary == primary / 2
