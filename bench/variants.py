"""Realistic work for the benchmarks: seeded, valid variants of the ten shipped profiles.

Every section is filled, every enum value of the profile model turns up (each value is dealt in
turn, so a few hundred variants hold them all), each variant has 1-6 audiences and runs some of
the pack's channels today. The enums are read from advisor.model.profile, so a value added
there is exercised here without an edit.

    from bench.variants import variants, shipped_profiles
    profiles = variants(1000, seed=0)     # plain dicts, as `Advisor.assess` accepts them
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import random
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, get_args

from advisor.files.packs import load_pack
from advisor.files.profiles import load_profile
from advisor.model import profile as model

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
# Countries the rules treat apart (US-only networks, WhatsApp markets, privacy law), and others.
COUNTRIES = ("US", "US", "US", "CA", "GB", "AU", "BR", "IN", "DE", "FR", "NO", "NL", "JP")
METRICS = (
    "followers", "applications from social", "CME enrolments", "newsletter sign-ups",
    "average Google rating", "donations", "share of voice", "members renewing",
)


def _values(alias: Any) -> tuple[str, ...]:
    """The strings of a Literal type alias (also through Annotated or Optional)."""
    found: list[str] = []
    for arg in get_args(alias) or ():
        if isinstance(arg, str):
            found.append(arg)
        elif get_args(arg):
            found += _values(arg)
    return tuple(found)


def _enums() -> dict[str, tuple[str, ...]]:
    names = (
        "OrgType", "OrgSize", "Segment", "AgeBand", "CareerStage", "Rung", "ObjectiveKind",
        "Focus", "Approach", "Scope", "ChannelResult", "Skill", "Moderation", "PainPoint",
        "Constraint",
    )
    return {name: _values(getattr(model, name)) for name in names}


class _Dealer:
    """Deals enum values: each value of a type in turn (shuffled once), so every value appears
    within a type's length of draws, and the mix stays random."""

    def __init__(self, rng: random.Random, enums: dict[str, tuple[str, ...]]) -> None:
        self.rng = rng
        self.cycles: dict[str, Iterator[str]] = {}
        for name, values in enums.items():
            order = list(values)
            rng.shuffle(order)
            self.cycles[name] = itertools.cycle(order)

    def one(self, name: str) -> str:
        return next(self.cycles[name])

    def some(self, name: str, low: int, high: int) -> list[str]:
        """Distinct values, low..high of them, in the model's order."""
        count = self.rng.randint(low, high)
        picked = {self.one(name) for _ in range(count)}
        return sorted(picked)


@cache
def shipped_profiles() -> tuple[dict[str, Any], ...]:
    """The ten example profiles as plain data (the second column of every figure)."""
    return tuple(
        load_profile(path).profile.model_dump(mode="json", exclude_computed_fields=True)
        for path in sorted(PROFILES.glob("*.yaml"))
    )


@cache
def shipped_channels() -> tuple[str, ...]:
    return tuple(sorted(load_pack().channels))


def variants(
    count: int, seed: int = 0, channels: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """`count` valid profiles, the same for the same seed: variant i starts from shipped profile
    i mod 10 and has every section redrawn around it."""
    rng = random.Random(seed)
    dealer = _Dealer(rng, _enums())
    channel_ids = list(channels if channels is not None else shipped_channels())
    bases = shipped_profiles()
    return [_variant(i, copy.deepcopy(bases[i % len(bases)]), rng, dealer, channel_ids)
            for i in range(count)]


def _variant(
    i: int, data: dict[str, Any], rng: random.Random, deal: _Dealer, channels: list[str]
) -> dict[str, Any]:
    org = data["organization"]
    org.update(
        name=f"{org['name']} (variant {i})",
        type=deal.one("OrgType"),
        size=deal.one("OrgSize"),
        country=rng.choice(COUNTRIES),
        **{flag: rng.random() < 0.3 for flag in (
            "hipaa_covered", "accredited_cme_provider", "accepts_commercial_support",
            "promotes_regulated_products", "emergency_role", "direct_patient_contact")},
    )
    data["audiences"] = [_audience(rng, deal, channels) for _ in range(rng.randint(1, 6))]
    data["objectives"] = [_objective(rng, deal) for _ in range(rng.randint(0, 4))]
    data["strategy"] = {
        "relationship_change": rng.choice([None, "Members hear from us first, and answer"]),
        "approach": deal.one("Approach"),
        "scope": deal.one("Scope"),
    }
    data["technology"] = {
        "current_channels": [
            {
                "channel": channel,
                "result": deal.one("ChannelResult"),
                "followers": rng.choice([None, 120, 2_400, 38_000]),
                "posts_per_week": rng.choice([None, 0, 1, 3.5, 10]),
            }
            for channel in rng.sample(channels, rng.randint(0, 6))
        ],
        "required_channels": rng.sample(channels, rng.choice([0, 0, 0, 1, 2])),
    }
    data["resources"] = {
        "staff_hours_per_week": rng.choice([0, 2, 4.5, 8, 16, 40, 120]),
        "skills": deal.some("Skill", 0, 5),
        "budget_per_year": rng.choice([None, 0, 5_000, 60_000, 500_000]),
        "executive_sponsor": rng.random() < 0.5,
        "sme_hours_per_month": rng.choice([0, 2, 8, 30]),
        "moderation": deal.one("Moderation"),
    }
    data["bottlenecks"] = {
        "approval_days": rng.choice([0, 1, 2, 5, 14, 30]),
        **{flag: rng.random() < 0.35 for flag in (
            "legal_review_required", "no_analytics", "it_blocks_social", "cms_limits",
            "scattered_accounts", "no_social_policy", "no_crisis_plan")},
    }
    data["pain_points"] = deal.some("PainPoint", 0, 4)
    data["constraints"] = deal.some("Constraint", 0, 3)
    return _drop_none(data)


def _audience(rng: random.Random, deal: _Dealer, channels: list[str]) -> dict[str, Any]:
    return {
        "segment": deal.one("Segment"),
        "name": rng.choice([None, "our members", "people we need to hire", "donors"]),
        "ages": deal.some("AgeBand", 0, 3),
        "career_stage": rng.choice([None, deal.one("CareerStage")]),
        "size": rng.choice([None, 40, 1_500, 90_000]),
        "platforms": rng.sample(channels, rng.randint(0, 3)),
        "participation": rng.choice([None, deal.one("Rung")]),
        "need_to_connect": rng.random() < 0.3,
    }


def _objective(rng: random.Random, deal: _Dealer) -> dict[str, Any]:
    measurable = rng.random() < 0.6
    deadline = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    return {
        "kind": deal.one("ObjectiveKind"),
        "goal": rng.choice(["Reach more of the people we serve", "Fill open roles",
                            "Answer misinformation within a day", "Grow CME enrolment"]),
        "focus": deal.one("Focus"),
        "metric": rng.choice(METRICS) if measurable or rng.random() < 0.3 else None,
        "target": rng.choice([150, 4.5, "double"]) if measurable else None,
        "deadline": deadline.isoformat() if measurable else None,
    }


def _drop_none(value: Any) -> Any:
    """Unset optional fields are left out, as a person writing a profile would."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def enum_coverage(profiles: Sequence[dict[str, Any]]) -> dict[str, set[str]]:
    """The enum values of the profile model that no profile of `profiles` uses (for the check
    bench/run.py prints before timing)."""
    seen: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            seen.add(value)

    for p in profiles:
        walk(p)
    return {name: set(values) - seen for name, values in _enums().items() if set(values) - seen}


__all__ = ["enum_coverage", "shipped_channels", "shipped_profiles", "variants"]
