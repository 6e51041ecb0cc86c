"""`advisor rules check` finds rules whose conditions overlap (one implies the other) and that
push a channel opposite ways; and it reports every problem of every rule in one run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor.authoring.check import OVERLAP_HINT, check_pack
from advisor.authoring.implication import implies
from advisor.cli import main
from advisor.rulebook.conditions import parse_condition

REPO = Path(__file__).resolve().parent.parent
CHANNELS_YAML = (REPO / "tests" / "fixtures" / "broken_rules" / "channels.yaml").read_text()


def rule(rule_id: str, when: str, then: str) -> str:
    return (
        f"- id: {rule_id}\n  title: Rule {rule_id}\n  post: {rule_id.split('.')[0]}\n"
        f"  when: {when}\n  then:\n    - {then}\n"
        f'  because: "a reason for {rule_id}"\n  source: test\n  rationale: a test rule\n'
    )


def make_pack(root: Path, *rules: str) -> Path:
    root.mkdir(parents=True)
    (root / "pack.yaml").write_text("name: overlap-pack\nversion: 1.0.0\n")
    (root / "channels.yaml").write_text(CHANNELS_YAML)
    (root / "rules.yaml").write_text("".join(rules))
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


BLOCK_SUPPORTING = rule(
    "objectives.support.no-x",
    "{objective: {kind: supporting}}",
    "block: {channel: x_twitter, lift: a plan for answering patients}",
)
RAISE_SUPPORTING_OR_ENERGIZING = rule(
    "objectives.support.x",
    "{objective: {kind: [supporting, energizing]}}",
    "score: {channel: x_twitter, weight: 2}",
)


def test_a_block_on_a_narrower_condition_than_a_raise_is_a_contradiction_warning(
    tmp_path: Path,
) -> None:
    """The issue's case: a block on `kind: supporting` and a raise of the same channel on
    `kind: [supporting, energizing]` used to pass."""
    pack = make_pack(tmp_path / "p", BLOCK_SUPPORTING, RAISE_SUPPORTING_OR_ENERGIZING)
    code, out = run("rules", "check", str(pack), "--format", "json")
    data = json.loads(out)
    assert code == 0, out  # a warning, not an error
    assert [(p["level"], p["code"], p["rule_id"], p["line"]) for p in data["problems"]] == [
        ("warning", "contradiction", "objectives.support.no-x", 1)
    ]
    problem = data["problems"][0]
    assert problem["message"] == (
        "overlaps objectives.support.x on 'x_twitter': whenever objectives.support.no-x holds, "
        "objectives.support.x holds too (objective.kind = supporting implies objective.kind one "
        "of supporting, energizing), and objectives.support.x scores 'x_twitter' up while "
        "objectives.support.no-x blocks it"
    )
    assert problem["hint"] == OVERLAP_HINT
    assert "add `not:`" in OVERLAP_HINT and "merge them" in OVERLAP_HINT


def test_identical_conditions_stay_an_error_and_disjoint_ones_pass(tmp_path: Path) -> None:
    same = rule(
        "objectives.support.x-down",
        "{objective: {kind: supporting}}",
        "score: {channel: x_twitter, weight: 3}",
    )
    result = check_pack(make_pack(tmp_path / "same", BLOCK_SUPPORTING, same))
    assert [(i.level, i.code) for i in result.items] == [("error", "contradiction")]
    assert "the same condition" in result.items[0].problem.message

    other = rule(
        "objectives.talk.x",
        "{objective: {kind: [talking, energizing]}}",
        "score: {channel: x_twitter, weight: 2}",
    )
    assert check_pack(make_pack(tmp_path / "disjoint", BLOCK_SUPPORTING, other)).items == []


def test_rules_that_push_a_channel_the_same_way_or_other_channels_pass(tmp_path: Path) -> None:
    both_down = rule(
        "objectives.support.x-lower",
        "{objective: {kind: [supporting, energizing]}}",
        "score: {channel: x_twitter, weight: -2}",
    )
    other_channel = rule(
        "objectives.support.youtube",
        "{objective: {kind: [supporting, energizing]}}",
        "score: {channel: youtube, weight: 2}",
    )
    result = check_pack(make_pack(tmp_path / "p", BLOCK_SUPPORTING, both_down, other_channel))
    assert result.items == []


CASES: list[tuple[dict[str, Any], dict[str, Any], bool]] = [
    ({"objective": {"kind": "supporting"}}, {"objective": {"kind": ["supporting", "talking"]}},
     True),
    ({"objective": {"kind": ["supporting"]}}, {"objective": {"kind": ["supporting", "talking"]}},
     True),
    ({"objective": {"kind": ["supporting", "talking"]}}, {"objective": {"kind": "supporting"}},
     False),
    ({"objective": {"kind": "supporting"}}, {"audience": {"segment": "nurses"}}, False),
    ({"resources": {"staff_hours_per_week": {"gt": 5}}},
     {"resources": {"staff_hours_per_week": {"gt": 3}}}, True),
    ({"resources": {"staff_hours_per_week": {"gt": 3}}},
     {"resources": {"staff_hours_per_week": {"gt": 5}}}, False),
    ({"resources": {"staff_hours_per_week": {"ge": 5}}},
     {"resources": {"staff_hours_per_week": {"gt": 5}}}, False),
    ({"resources": {"staff_hours_per_week": {"gt": 5}}},
     {"resources": {"staff_hours_per_week": {"ge": 5}}}, True),
    ({"resources": {"staff_hours_per_week": {"lt": 2}}},
     {"resources": {"staff_hours_per_week": {"le": 5, "exists": True}}}, True),
    ({"bottlenecks": {"approval_days": 7}}, {"bottlenecks": {"approval_days": {"ge": 5}}}, True),
    ({"bottlenecks": {"approval_days": 3}}, {"bottlenecks": {"approval_days": {"ne": 4}}}, True),
    ({"organization": {"size": {"not_in": ["micro", "small"]}}},
     {"organization": {"size": {"ne": "small"}}}, True),
    ({"organization": {"size": {"ne": "small"}}},
     {"organization": {"size": {"not_in": ["micro", "small"]}}}, False),
    ({"resources": {"skills": ["video", "writing"]}}, {"resources": {"skills": "video"}}, False),
    ({"resources": {"skills": {"contains_all": ["video", "writing"]}}},
     {"resources": {"skills": {"contains_any": ["video", "design"]}}}, True),
    ({"all": [{"audience": {"segment": "nurses"}}, {"objective": {"kind": "supporting"}}]},
     {"objective": {"kind": "supporting"}}, True),
    ({"objective": {"kind": "supporting"}},
     {"all": [{"audience": {"segment": "nurses"}}, {"objective": {"kind": "supporting"}}]},
     False),
    ({"any": [{"objective": {"kind": "supporting"}}, {"objective": {"kind": "talking"}}]},
     {"objective": {"kind": ["supporting", "talking"]}}, True),
    ({"objective": {"kind": "supporting"}},
     {"any": [{"audience": {"segment": "nurses"}}, {"objective": {"kind": "supporting"}}]},
     True),
    ({"not": {"objective": {"kind": ["supporting", "talking"]}}},
     {"not": {"objective": {"kind": "supporting"}}}, True),
    ({"not": {"objective": {"kind": "supporting"}}},
     {"not": {"objective": {"kind": ["supporting", "talking"]}}}, False),
    ({"all": [{"resources": {"skills": "video"}}, {"resources": {"moderation": "extended"}}]},
     {"resources": {"skills": "video", "moderation": "extended"}}, True),
    ({"all": [{"audience": {"segment": "nurses"}}, {"audience": {"size": {"gt": 100}}}]},
     {"audience": {"segment": "nurses", "size": {"gt": 100}}}, False),
    ({"derived": {"name": "capacity", "value": "low"}}, {"derived": "capacity"}, True),
]


@pytest.mark.parametrize(("a", "b", "expected"), CASES)
def test_implies_is_sound_on_frames_of_one_kind(
    a: dict[str, Any], b: dict[str, Any], expected: bool
) -> None:
    """Two audience frames may match different audiences, so together they do not imply one
    frame testing both; two frames of a one-per-profile kind do."""
    channels = frozenset({"youtube"})
    assert implies(parse_condition(a, ("a",), channels), parse_condition(b, ("b",), channels)) \
        is expected


THREE_BROKEN = (
    "- id: people.bad.channel\n  title: Bad channel\n  post: people\n"
    "  when: {audience: {segment: nurses}}\n  then:\n"
    "    - score: {channel: youtbe, weight: 2}\n"
    '  because: "nurses watch"\n  source: test\n  rationale: a test rule\n'
    "- id: people.bad.field\n  title: Bad field\n  post: people\n"
    "  when: {audience: {segmnt: nurses}}\n  then:\n"
    "    - score: {channel: youtube, weight: 2}\n"
    '  because: "nurses watch"\n  source: test\n  rationale: a test rule\n'
    "- id: people.bad.until\n  title: Block until\n  post: people\n"
    "  when: {summary: {audience_count: {gt: 0}}}\n  then:\n"
    "    - block: {until: a crisis plan, channel: tiktok}\n"
    '  because: "never at all"\n  source: test\n  rationale: a test rule\n'
)


def test_check_reports_every_problem_of_every_rule_in_one_run(tmp_path: Path) -> None:
    """Three broken rules (an unknown channel, an unknown field, a block written with `until`
    instead of `lift`) and an overlap between two good ones: all reported at once, exit 2."""
    pack = make_pack(tmp_path / "p", THREE_BROKEN, BLOCK_SUPPORTING, RAISE_SUPPORTING_OR_ENERGIZING)
    code, out = run("rules", "check", str(pack), "--format", "json")
    data = json.loads(out)
    assert code == 2, out
    found = [(p["level"], p["code"], p["line"], p["field"], p["message"], p["hint"])
             for p in data["problems"]]
    assert found == [
        ("error", "unknown-channel", 6, "then[0].score.channel", "unknown channel 'youtbe'",
         "did you mean 'youtube'?"),
        ("error", "unknown-field", 13, "when.audience.segmnt",
         "unknown field 'segmnt' of audience", "did you mean 'segment'?"),
        ("error", "schema", 24, "then[0].block.lift", "required field is missing", None),
        ("error", "unknown-field", 24, "then[0].block.until", "unknown field 'until'", None),
        ("warning", "contradiction", 28, "when", found[4][4], OVERLAP_HINT),
    ]
    assert found[4][4].startswith("overlaps objectives.support.x on 'x_twitter'")
    code, text = run("rules", "check", str(pack))
    assert code == 2
    assert text.splitlines()[-1] == "2 rules checked: 4 errors, 1 warnings"
