"""Shared fixtures for the core tests: a small rule pack and a minimal profile factory."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor

MINI_PACK = Path(__file__).parent / "packs" / "mini"
REPO = Path(__file__).resolve().parent.parent

BASE_PROFILE: dict[str, Any] = {
    "organization": {"name": "Test Society", "type": "medical_association"},
    "audiences": [{"segment": "physicians"}],
    "objectives": [
        {
            "kind": "talking",
            "goal": "More members read our guidance",
            "metric": "guideline page views",
            "target": 5000,
            "deadline": "2027-06-30",
        }
    ],
    "resources": {"staff_hours_per_week": 10, "skills": ["writing"]},
}


@pytest.fixture(scope="session")
def mini_advisor() -> Iterator[Advisor]:
    with Advisor(MINI_PACK) as advisor:
        yield advisor


@pytest.fixture
def make_profile() -> Callable[..., dict[str, Any]]:
    """A valid profile dict; keyword arguments replace top-level parts."""

    def make(**parts: Any) -> dict[str, Any]:
        data = copy.deepcopy(BASE_PROFILE)
        data.update(copy.deepcopy(parts))
        return data

    return make
