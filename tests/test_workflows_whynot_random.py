"""`explain` on random rule packs and profiles: it never fails, and every fix it proposes makes
its rule fire when the changed profile is assessed again from scratch."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from advisor import Advisor
from advisor.workflows.explain import explain_channel
from advisor.workflows.whatif import apply_changes

from .conftest import MINI_PACK

FRAMES: list[dict[str, Any]] = [
    {"audience": {"segment": "nurses"}},
    {"audience": {"segment": ["physicians", "pharmacists"]}},
    {"audience": {"platforms": {"contains": "linkedin"}}},
    {"objective": {"kind": "talking"}},
    {"objective": {"has_metric": True}},
    {"objective": {"focus": "advocacy"}},
    {"resources": {"staff_hours_per_week": {"lt": 5}}},
    {"resources": {"staff_hours_per_week": {"ge": 10}}},
    {"resources": {"skills": {"contains": "video"}}},
    {"bottlenecks": {"approval_days": {"gt": 2}}},
    {"bottlenecks": {"no_social_policy": True}},
    {"organization": {"type": "hospital"}},
    {"organization": {"hipaa_covered": True}},
    {"summary": {"audience_segments": {"contains": "caregivers"}}},
    {"summary": {"pain_points": {"contains": "misinformation"}}},
    {"summary": {"measurable_objective_count": 0}},
    {"pain_point": {"name": "fundraising"}},
    {"channel": {"channel": "youtube"}},
    {"strategy": {"approach": "join"}},
]
CHANNELS = ["email_newsletter", "linkedin", "x_twitter", "youtube", "facebook_group"]


def _condition(rng: random.Random) -> dict[str, Any]:
    a, b = rng.sample(FRAMES, 2)
    return rng.choice([a, {"all": [a, b]}, {"any": [a, b]}, {"all": [a, {"not": b}]}])


def _pack(folder: Path, rng: random.Random) -> Path:
    folder.mkdir()
    for name in ("pack.yaml", "channels.yaml"):
        (folder / name).write_text((MINI_PACK / name).read_text())
    rules = []
    for i in range(8):
        effect = rng.choice([
            {"score": {"channel": rng.choice(CHANNELS), "weight": rng.choice([-3, 2, 4])}},
            {"block": {"channel": rng.choice(CHANNELS), "lift": "change the profile"}},
        ])
        rules.append({"id": f"people.random.r{i}", "title": f"Random rule {i}",
                      "post": "people", "when": _condition(rng), "then": [effect],
                      "because": "a random rule for testing", "source": "F0.0"})
    # A derived chain: the second rule can only be fixed through the first one's condition.
    rules.append({"id": "people.random.derive", "title": "Derives a flag", "post": "people",
                  "when": _condition(rng), "then": [{"derive": {"name": "flag"}}],
                  "because": "derives a flag for testing", "source": "F0.0"})
    rules.append({"id": "people.random.reads", "title": "Reads the flag", "post": "people",
                  "when": {"derived": "flag"},
                  "then": [{"score": {"channel": rng.choice(CHANNELS), "weight": 3}}],
                  "because": "reads a flag for testing", "source": "F0.0"})
    # JSON, not YAML: yaml.safe_dump would write aliases for the shared frames.
    (folder / "rules.json").write_text(json.dumps(rules))
    return folder


def _profile(rng: random.Random) -> dict[str, Any]:
    objective: dict[str, Any] = {"kind": rng.choice(["talking", "listening"]), "goal": "g"}
    if rng.random() < 0.5:
        objective |= {"metric": "m", "target": 3, "deadline": "2027-01-01"}
    return {
        "organization": {"name": "Random", "type": rng.choice(["hospital", "small_nonprofit"])},
        "audiences": [{"segment": rng.choice(["nurses", "physicians", "donors_small"]),
                       "platforms": rng.choice([[], ["linkedin"]])}],
        "objectives": [objective],
        "resources": {"staff_hours_per_week": rng.choice([2, 6, 12]),
                      "skills": rng.choice([["writing"], ["writing", "video"]])},
        "bottlenecks": {"approval_days": rng.choice([0, 5]),
                        "no_social_policy": rng.random() < 0.5},
        "pain_points": rng.choice([[], ["fundraising"]]),
    }


def test_every_proposed_fix_fires_on_a_fresh_assessment(tmp_path: Path) -> None:
    rng = random.Random(2024)
    proposed = 0
    for n in range(12):
        with Advisor(_pack(tmp_path / f"pack{n}", rng)) as advisor:
            for _ in range(4):
                profile = _profile(rng)
                for channel in CHANNELS:
                    explanation = explain_channel(advisor, profile, channel)
                    fired = set(advisor.assess(profile).fired_rules)
                    assert {f.rule_id for f in explanation.fired} <= fired
                    for miss in explanation.near_misses:
                        assert miss.rule_id not in fired
                        if miss.fix is None:
                            continue
                        proposed += 1
                        changed = apply_changes(advisor.load(profile).profile, miss.fix.changes)
                        assert miss.rule_id in advisor.assess(changed).fired_rules
    # Most near misses in this menu of conditions have a fix; the test proves they are real.
    assert proposed > 50
