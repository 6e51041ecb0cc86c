"""`advisor explain`: why a channel stands where it does, and verified fixes for near misses."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from advisor import Advisor
from advisor.cli import main
from advisor.workflows.explain import Fix, _find_fix, explain_channel
from advisor.workflows.planner import Planner
from advisor.workflows.whatif import apply_changes

from .conftest import MINI_PACK

NURSES_LOW_CAPACITY: dict[str, Any] = {
    "organization": {"name": "Tiny Trust", "type": "small_nonprofit"},
    "audiences": [{"segment": "nurses"}],
    "objectives": [{"kind": "talking", "goal": "Reach nurses"}],
    "resources": {"staff_hours_per_week": 10, "skills": ["writing"]},
    "bottlenecks": {"approval_days": 5},
}


def _fires_after_fix(advisor: Advisor, profile: dict[str, Any], channel: str) -> None:
    explanation = explain_channel(advisor, profile, channel)
    assert explanation.near_misses
    for miss in explanation.near_misses:
        if miss.fix is None:
            continue
        assert miss.fix.verified
        changed = apply_changes(advisor.load(profile).profile, miss.fix.changes)
        assert miss.rule_id in advisor.infer(changed).fired, miss.rule_id


def _planner_fix(advisor: Advisor, profile: dict[str, Any], rule_id: str) -> Fix:
    """What the planner finds to make a rule fire, whatever it does to the channel (explain
    itself never offers it when the rule would lower the channel), verified here."""
    loaded = advisor.load(profile).profile
    planner = Planner(advisor, loaded, advisor.infer(loaded))
    fix = _find_fix(advisor, loaded, rule_id,
                    planner.options(planner.compiled[rule_id].formula), frozenset())
    assert fix is not None and fix.verified
    assert rule_id in advisor.infer(apply_changes(loaded, fix.changes)).fired
    return fix


def test_near_miss_fix_for_an_audience_really_makes_the_rule_fire(mini_advisor: Advisor) -> None:
    """LinkedIn is not chosen for a nurses-only profile; the near miss (physicians) names the
    failed condition and a one-change fix that, applied, makes the rule fire."""
    explanation = explain_channel(mini_advisor, NURSES_LOW_CAPACITY, "linkedin")
    assert not explanation.recommended and not explanation.fired
    (miss,) = explanation.near_misses
    assert miss.rule_id == "people.physicians.professional-networks"
    assert "segment is physicians" in miss.failed[0].condition
    assert miss.failed[0].found[0].path == "audiences[0].segment"
    assert miss.failed[0].found[0].value == "nurses"
    assert miss.fix is not None and miss.fix.size == 1
    _fires_after_fix(mini_advisor, NURSES_LOW_CAPACITY, "linkedin")


def test_near_miss_through_a_derived_fact_is_fixed_at_its_profile_source(
    mini_advisor: Advisor,
) -> None:
    """The community block reads a derived fact; the fix changes the profile field the deriving
    rule tests (staff hours below 5), and is verified."""
    explanation = explain_channel(mini_advisor, NURSES_LOW_CAPACITY, "facebook_group")
    # The block would lower the channel: listed apart, never offered as a fix.
    (miss,) = explanation.would_lower
    assert miss.fix is None and not explanation.near_misses
    fix = _planner_fix(mini_advisor, NURSES_LOW_CAPACITY, miss.rule_id)
    assert [c.path for c in fix.changes] == ["resources.staff_hours_per_week"]
    assert fix.changes[0].value < 5


def test_summary_condition_gets_a_fix_on_the_list_it_summarizes(mini_advisor: Advisor) -> None:
    explanation = explain_channel(mini_advisor, NURSES_LOW_CAPACITY, "x_twitter")
    lowering = {m.rule_id: m for m in explanation.would_lower}
    assert lowering["technology.required.not-a-reason"].fix is None
    fix = _planner_fix(mini_advisor, NURSES_LOW_CAPACITY, "technology.required.not-a-reason")
    assert fix.changes[0].path == "technology.required_channels[0]"


def test_fewer_measurable_objectives_fix_drops_a_metric(
    mini_advisor: Advisor, tmp_path: Path
) -> None:
    """A rule that needs no measurable objective is fixed by dropping one objective's metric."""
    profile = {
        **NURSES_LOW_CAPACITY,
        "objectives": [
            {"kind": "talking", "goal": "g", "metric": "m", "target": 5, "deadline": "2027-01-01"}
        ],
        "technology": {"required_channels": ["x_twitter"]},
    }
    explanation = explain_channel(mini_advisor, profile, "x_twitter")
    lowering = {m.rule_id: m for m in explanation.would_lower}
    miss = lowering["technology.required.not-a-reason"]
    assert miss.failed and miss.fix is None
    _planner_fix(mini_advisor, profile, miss.rule_id)


def test_fired_rules_are_listed_with_effect_and_evidence(mini_advisor: Advisor) -> None:
    explanation = explain_channel(mini_advisor, NURSES_LOW_CAPACITY, "x_twitter")
    (fired,) = explanation.fired
    assert fired.rule_id == "bottlenecks.approval.slow"
    assert fired.effects[0].kind == "score" and "lowers" in fired.effects[0].detail
    assert fired.evidence[0].path == "bottlenecks.approval_days"
    assert fired.evidence[0].value == 5


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(NURSES_LOW_CAPACITY))
    return path


def test_explain_command_text_and_json(profile_file: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(
        main, ["explain", str(profile_file), "linkedin", "--rules", str(MINI_PACK)]
    )
    assert text.exit_code == 0, text.output
    assert "Near misses:" in text.output and "audiences[1]" in text.output
    out = runner.invoke(
        main,
        ["explain", str(profile_file), "linkedin", "--rules", str(MINI_PACK), "--format", "json"],
    )
    data = json.loads(out.output)
    assert data["near_misses"][0]["fix"]["verified"] is True


def test_explain_unknown_channel_is_one_line_with_a_suggestion_and_exit_2(
    profile_file: Path,
) -> None:
    result = CliRunner().invoke(
        main, ["explain", str(profile_file), "linkdin", "--rules", str(MINI_PACK)]
    )
    assert result.exit_code == 2
    assert "did you mean 'linkedin'?" in result.output
    assert "Traceback" not in result.output


def test_explain_is_deterministic(mini_advisor: Advisor, make_profile: Callable[..., Any]) -> None:
    one = explain_channel(mini_advisor, NURSES_LOW_CAPACITY, "x_twitter").to_json()
    two = explain_channel(mini_advisor, NURSES_LOW_CAPACITY, "x_twitter").to_json()
    assert one == two


@pytest.fixture
def negation_pack(tmp_path: Path) -> Path:
    """A one-rule pack whose rule fires only when no social policy is missing."""
    pack = tmp_path / "neg"
    pack.mkdir()
    for name in ("pack.yaml", "channels.yaml"):
        (pack / name).write_text((MINI_PACK / name).read_text())
    (pack / "rules.yaml").write_text(
        yaml.safe_dump(
            [
                {
                    "id": "bottlenecks.policy.linkedin",
                    "title": "A policy lets staff post on LinkedIn",
                    "post": "bottlenecks",
                    "when": {
                        "all": [
                            {"audience": {"segment": "nurses"}},
                            {"not": {"bottlenecks": {"no_social_policy": True}}},
                        ]
                    },
                    "then": [{"score": {"channel": "linkedin", "weight": 2}}],
                    "because": (
                        "With a social policy, {audience.segment} can be reached by staff posts"
                    ),
                    "source": "F0.0",
                }
            ]
        )
    )
    return pack


def test_negated_condition_fix_flips_the_fact_that_stops_it(negation_pack: Path) -> None:
    """A rule under `not` is fixed by making the matching fact stop matching."""
    profile = {**NURSES_LOW_CAPACITY, "bottlenecks": {"no_social_policy": True}}
    with Advisor(negation_pack) as advisor:
        explanation = explain_channel(advisor, profile, "linkedin")
        (miss,) = explanation.near_misses
        assert miss.failed[0].condition.startswith("needs no bottlenecks")
        assert miss.fix is not None
        assert [(c.path, c.value) for c in miss.fix.changes] == [
            ("bottlenecks.no_social_policy", False)
        ]
        _fires_after_fix(advisor, profile, "linkedin")


def test_a_block_gets_verified_ways_to_lift_it_with_placeholders_for_the_client() -> None:
    """The seed case: X is demanded and blocked until an objective is measurable. explain offers
    dropping the demand, or completing an objective's metric, target and deadline with
    placeholders; each, applied and re-assessed, stops the block."""
    from advisor.render.explanation import render_explanation_markdown, render_explanation_text

    profile = Path(__file__).resolve().parent.parent / "profiles" / "medical-association.yaml"
    with Advisor() as advisor:
        explanation = explain_channel(advisor, profile, "x_twitter")
        block = next(
            f for f in explanation.fired if f.rule_id == "technology.required.x-needs-use-case"
        )
        assert len(block.lifts) == 2
        dropped, measured = block.lifts
        assert [(c.path, c.value) for c in dropped.changes] == [
            ("technology.required_channels", [])
        ]
        assert dropped.placeholders == []
        assert {c.path for c in measured.changes} == {
            "objectives[0].metric",
            "objectives[0].target",
            "objectives[0].deadline",
        }
        assert sorted(measured.placeholders) == sorted(c.path for c in measured.changes)
        loaded = advisor.load(profile).profile
        for fix in block.lifts:
            changed = apply_changes(loaded, fix.changes)
            assert "technology.required.x-needs-use-case" not in advisor.infer(changed).fired
        # A rule that lowers the score by who the audience is gets no lift: nothing sensible to
        # change in the profile (the planner does not propose dropping an audience).
        leaving = next(f for f in explanation.fired if f.rule_id.endswith("x-clinicians-leaving"))
        assert leaving.lifts == []
    text = render_explanation_text(explanation)
    assert (
        "to lift it (1 change, verified by re-assessing): technology.required_channels = []" in text
    )
    assert "objectives[0].deadline = (date to agree with the client)" in text
    assert "to lift it:" in render_explanation_markdown(explanation)


def test_a_penalty_through_a_derived_fact_is_lifted_at_its_profile_source() -> None:
    """The small not-for-profit's 4 staff hours derive capacity=low, which lowers TikTok: the
    lift is the staff hours the capacity rule tests, verified; audiences are never levers."""
    profile = Path(__file__).resolve().parent.parent / "profiles" / "small-nonprofit.yaml"
    with Advisor() as advisor:
        explanation = advisor.explain(profile, "tiktok")
        small_team = next(
            f for f in explanation.fired if f.rule_id == "resources.capacity.small-team"
        )
        (lift, *_) = small_team.lifts
        assert [(c.path, c.value) for c in lift.changes] == [("resources.staff_hours_per_week", 5)]
        changed = apply_changes(advisor.load(profile).profile, lift.changes)
        assert "resources.capacity.small-team" not in advisor.infer(changed).fired
        for fired in explanation.fired:
            for fix in fired.lifts:
                assert all(
                    not c.path.startswith(
                        ("audiences", "organization", "pain_points", "constraints")
                    )
                    for c in fix.changes
                )
