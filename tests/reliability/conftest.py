"""Shared pieces of the reliability suite: the mini pack, a varied set of valid profiles."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor
from tests.reliability.make_corpus import BASE_PROFILE

MINI = Path(__file__).resolve().parent.parent / "packs" / "mini"

SEGMENTS = ["physicians", "nurses", "pharmacists", "students", "patients_general", "caregivers"]
KINDS = ["listening", "talking", "energizing", "supporting", "embracing"]


def varied_profiles(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Distinct valid profiles that fire different rules of the mini pack (hours, approval,
    segments, measurable or not, required channels)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        data = copy.deepcopy(BASE_PROFILE)
        data["organization"]["name"] = f"Organization {i}"
        data["audiences"][0]["segment"] = rng.choice(SEGMENTS)
        data["objectives"][0]["kind"] = rng.choice(KINDS)
        if rng.random() < 0.4:
            del data["objectives"][0]["metric"]
        data["resources"]["staff_hours_per_week"] = rng.choice([0, 2, 4.5, 5, 10, 40])
        data["bottlenecks"]["approval_days"] = rng.choice([0, 1, 2, 3, 14])
        data["bottlenecks"]["no_social_policy"] = rng.random() < 0.5
        data["technology"]["required_channels"] = rng.choice([[], ["x_twitter"], ["youtube"]])
        out.append(data)
    return out


@pytest.fixture(scope="module")
def mini() -> Iterator[Advisor]:
    with Advisor(MINI) as advisor:
        yield advisor
