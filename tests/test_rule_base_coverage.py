"""The shipped rule base is proven rule by rule: every rule fires in some passing scenario and
stays silent in another (`advisor rules coverage`, enforced here so CI fails below 100%)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from advisor.cli import main

from .conftest import REPO

# Whole-suite only: `pytest -m 'not slow'` is the contributors' fast loop.
pytestmark = pytest.mark.slow


def test_every_shipped_rule_is_shown_firing_and_silent_by_the_features() -> None:
    result = CliRunner().invoke(
        main,
        ["rules", "coverage", str(REPO / "features"), "--fail-under", "100", "--format", "json"],
    )
    assert result.exit_code == 0, result.stdout[-2000:] + result.stderr
    report = json.loads(result.stdout)
    assert report["percent"] == 100
    assert report["covered"] == report["rules"] >= 80
