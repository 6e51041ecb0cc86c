"""`advisor whatif`: dotted-path changes, re-validation with suggestions, and the difference."""

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
from advisor.errors import AdvisorError
from advisor.workflows.whatif import Change, apply_changes, parse_assignment, parse_path, what_if

from .conftest import MINI_PACK

SMALL: dict[str, Any] = {
    "organization": {"name": "Small Trust", "type": "small_nonprofit", "size": "micro"},
    "audiences": [{"segment": "physicians"}],
    "objectives": [{"kind": "talking", "goal": "Reach physicians"}],
    "resources": {"staff_hours_per_week": 3, "skills": ["writing"]},
    "bottlenecks": {"approval_days": 5},
}


def test_parse_path_reads_keys_and_indexes() -> None:
    assert parse_path("objectives[0].metric") == ("objectives", 0, "metric")
    assert parse_path("resources.staff_hours_per_week") == ("resources", "staff_hours_per_week")
    for bad in ("", "a..b", "[0].x", "a.", "a b"):
        with pytest.raises(AdvisorError):
            parse_path(bad)


def test_values_are_read_as_yaml_flow() -> None:
    assert parse_assignment("resources.skills=[writing, video]").value == ["writing", "video"]
    assert parse_assignment("resources.staff_hours_per_week=20").value == 20
    assert parse_assignment("organization.hipaa_covered=true").value is True
    assert parse_assignment("objectives[0].metric=page views").value == "page views"


def test_more_staff_hours_change_the_plan_and_clear_the_capacity_block(
    mini_advisor: Advisor,
) -> None:
    """From 3 to 20 hours: the low-capacity block on the community channel disappears, the
    resource plan says how many hours are now left."""
    diff = what_if(mini_advisor, SMALL, [parse_assignment("resources.staff_hours_per_week=20")])
    assert diff.plan_before.hours_available == 3 and diff.plan_after.hours_available == 20
    assert diff.plan_after.hours_left > diff.plan_before.hours_left
    assert diff.changed
    assert diff.before.channel("facebook_group") is not None
    assert diff.after.channel("facebook_group") is None
    moved = {m.channel: m for m in diff.moved}
    assert moved["facebook_group"].blocked_before and not moved["facebook_group"].blocked_after


def test_findings_raised_and_cleared_are_reported(mini_advisor: Advisor) -> None:
    changes = [
        parse_assignment(s)
        for s in (
            "objectives[0].metric=page views",
            "objectives[0].target=500",
            "objectives[0].deadline=2027-06-30",
        )
    ]
    diff = what_if(mini_advisor, SMALL, changes)
    assert not diff.ready_before and diff.ready_after
    assert [f.code for f in diff.findings_cleared] == ["objectives-not-measurable"]
    measurable = apply_changes(mini_advisor.load(SMALL).profile, changes)
    back = what_if(mini_advisor, measurable, [Change(path="objectives[0].metric", value=None)])
    assert [f.code for f in back.findings_raised] == ["objectives-not-measurable"]


def test_channels_leaving_and_moving_are_reported(mini_advisor: Advisor) -> None:
    diff = what_if(mini_advisor, SMALL, [parse_assignment("bottlenecks.approval_days=0")])
    moved = {m.channel: m for m in diff.moved}
    # YouTube (not now: the team lacks video skills) loses its only support: no longer scored.
    assert (moved["youtube"].tier_before, moved["youtube"].tier_after) == ("not_now", None)
    # No rule scores X any more: it drops out of the report (score before -3, after none).
    assert moved["x_twitter"].score_before == -3 and moved["x_twitter"].score_after is None


def test_a_channel_entering_the_ranking_is_reported(mini_advisor: Advisor) -> None:
    nurses = {**SMALL, "audiences": [{"segment": "nurses"}]}
    diff = what_if(mini_advisor, nurses, [parse_assignment("audiences[0].segment=physicians")])
    entered = {m.channel: m for m in diff.entered}
    assert entered["linkedin"].rank_before is None and entered["linkedin"].rank_after == 1


def test_appending_a_list_item_with_the_next_index(mini_advisor: Advisor) -> None:
    profile = apply_changes(
        mini_advisor.load(SMALL).profile, [parse_assignment("audiences[1]={segment: nurses}")]
    )
    assert [a.segment for a in profile.audiences] == ["physicians", "nurses"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("resources.staff_hour=20", "did you mean 'staff_hours_per_week'?"),
        ("resources.skills=[writting]", "did you mean 'writing'?"),
        ("objectives[3].goal=x", "index 3 is out of range"),
        ("resources.staff_hours_per_week=lots", "valid number"),
        ("organisation.name=X", "did you mean 'organization'?"),
        ("nonsense", "is not path=value"),
    ],
)
def test_invalid_changes_are_errors_with_suggestions_and_exit_2(
    change: str, expected: str, tmp_path: Path
) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(SMALL))
    result = CliRunner().invoke(
        main, ["whatif", str(path), "--set", change, "--rules", str(MINI_PACK)]
    )
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
    assert all(line.startswith("error: ") for line in result.output.splitlines())


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_whatif_command_formats(fmt: str, tmp_path: Path, make_profile: Callable[..., Any]) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(SMALL))
    result = CliRunner().invoke(
        main,
        [
            "whatif",
            str(path),
            "--set",
            "resources.staff_hours_per_week=20",
            "--rules",
            str(MINI_PACK),
            "--format",
            fmt,
        ],
    )
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert data["plan_after"]["hours_available"] == 20
        assert "before" not in data
    else:
        assert "Resource plan" in result.output
        assert "Facebook group" in result.output


def test_the_advisor_offers_what_if_and_explain_as_methods(mini_advisor: Advisor) -> None:
    """For embedders: the same answers as the modules, changes given as a path -> value dict."""
    from advisor.workflows.explain import explain_channel

    by_method = mini_advisor.what_if(SMALL, {"resources.staff_hours_per_week": 20})
    by_module = what_if(
        mini_advisor, SMALL, [Change(path="resources.staff_hours_per_week", value=20)]
    )
    assert by_method.model_dump_json() == by_module.model_dump_json()
    assert by_method.plan_after.hours_available == 20
    explained = mini_advisor.explain(SMALL, "facebook_group")
    assert (
        explained.model_dump_json()
        == explain_channel(mini_advisor, SMALL, "facebook_group").model_dump_json()
    )
    assert explained.blocked
