"""The shipped example profiles against the shipped rule base: the issue's acceptance checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.workflows.whatif import parse_assignment, what_if

from .conftest import REPO

PROFILES = sorted((REPO / "profiles").glob("*.yaml"))


@pytest.fixture(scope="module")
def advisor() -> Iterator[Advisor]:
    with Advisor() as shipped:
        yield shipped


def test_there_is_one_example_profile_per_organization_type() -> None:
    assert len(PROFILES) >= 10


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_each_example_profile_gets_ranked_reasoned_deterministic_advice(
    advisor: Advisor, path: Path
) -> None:
    report = advisor.assess(path)
    assert report.recommended, "every example organization gets at least one channel"
    for channel in report.recommended:
        assert channel.reasons and all(r.source and r.rule_id for r in channel.reasons)
    assert advisor.assess(path).to_json() == report.to_json()


def test_the_seed_case_asks_why_first_and_does_not_put_x_first(advisor: Advisor) -> None:
    """An association that "has to be on Twitter" with no measurable objective (the seed)."""
    report = advisor.assess(REPO / "profiles" / "medical-association.yaml")
    assert not report.ready
    assert any(
        f.level == "blocker" and f.code == "objectives-not-measurable" for f in report.findings
    )
    assert "x_twitter" not in report.top(3)


def test_more_staff_hours_change_the_small_nonprofits_plan(advisor: Advisor) -> None:
    change = parse_assignment("resources.staff_hours_per_week=20")
    diff = what_if(advisor, REPO / "profiles" / "small-nonprofit.yaml", [change])
    assert diff.plan_before.hours_available < 20 == diff.plan_after.hours_available
    assert len(diff.plan_after.planned) > len(diff.plan_before.planned)
    assert set(diff.plan_before.planned) < set(diff.plan_after.planned)
    assert "small-team-one-channel" in [f.code for f in diff.findings_cleared]
