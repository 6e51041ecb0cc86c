"""`advisor rules list|show|check|new|coverage|docs|steps`, rule packs that extend the shipped
one, and rule status in reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import Advisor
from advisor.authoring.check import check_pack
from advisor.authoring.implication import never_fires
from advisor.authoring.ruledocs import rule_base_for
from advisor.cli import main
from advisor.errors import RuleError
from advisor.files.packs import load_pack
from advisor.rulebook.conditions import parse_condition

REPO = Path(__file__).resolve().parent.parent
BROKEN = REPO / "tests" / "fixtures" / "broken_rules"
MINI = REPO / "tests" / "packs" / "mini"
CHANNELS = (BROKEN / "channels.yaml").read_text()

NURSES_RULE = """\
id: people.nurses.youtube
title: Nurses learn from video
post: people
status: experimental
when: {audience: {segment: nurses}}
then:
  - score: {channel: youtube, weight: 2}
because: "{audience.segment} learn procedures from video"
source: test
rationale: a test rule
"""


def run(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def make_pack(
    root: Path,
    rules: dict[str, str],
    manifest: str = "name: test-pack\nversion: 1.0.0\n",
    channels: str | None = CHANNELS,
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(manifest)
    if channels is not None:
        (root / "channels.yaml").write_text(channels)
    for name, text in rules.items():
        (root / name).write_text(text)
    return root


# ---------------------------------------------------------------- list and show


def test_list_shows_id_post_status_and_title() -> None:
    """`rules list` prints one line per rule with its POST dimension, status and title."""
    code, out = run("rules", "list", "--rules", str(MINI))
    assert code == 0
    assert "objectives.gate.not-measurable" in out
    line = next(li for li in out.splitlines() if li.startswith("objectives.gate.not-measurable"))
    assert "objectives" in line and "stable" in line and "No measurable objective" in line


def test_list_as_json_carries_file_and_line() -> None:
    code, out = run("rules", "list", "--rules", str(MINI), "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert all(row["file"].endswith(".yaml") and row["line"] >= 1 for row in rows)


def test_show_gives_rule_source_compiled_form_and_scenarios(tmp_path: Path) -> None:
    """`rules show` returns the rule as written, its file, its compiled probes and the scenarios
    that name it."""
    feature = tmp_path / "gate.feature"
    feature.write_text(
        'Feature: f\n\n  Scenario: the gate closes\n    Given a minimal "hospital" profile\n'
        "    When the advisor assesses the profile\n"
        '    Then the rule "objectives.gate.not-measurable" fires\n\n'
        "  Scenario Outline: gates by example\n"
        '    Given a minimal "hospital" profile\n'
        "    When the advisor assesses the profile\n"
        '    Then the rule "<rule>" fires\n\n'
        "    Examples:\n      | rule |\n      | objectives.gate.not-measurable |\n"
    )
    code, out = run(
        "rules",
        "show",
        "objectives.gate.not-measurable",
        "--rules",
        str(MINI),
        "--features",
        str(tmp_path),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["rule"]["post"] == "objectives"
    assert data["file"].endswith("gates.yaml") and data["line"] == 1
    assert data["source_text"].startswith("- id: objectives.gate.not-measurable\n")
    assert "technology.required.not-a-reason" not in data["source_text"]
    assert data["compiled"]["rule"]["formula"]
    assert all(p["kind"] for p in data["compiled"]["probes"].values())
    assert data["scenarios"] == [
        {"file": str(feature), "line": 3, "scenario": "the gate closes"},
        {"file": str(feature), "line": 8, "scenario": "gates by example"},
    ]


def test_show_unknown_rule_suggests_the_nearest_id() -> None:
    code, out = run("rules", "show", "objectives.gate.not-measurabel", "--rules", str(MINI))
    assert code == 2
    assert "did you mean 'objectives.gate.not-measurable'?" in out


# ---------------------------------------------------------------- check


EXPECTED_PROBLEMS = [
    ("schema.yaml", 4, "unknown-field", "did you mean 'when'?"),
    ("schema.yaml", 12, "unknown-field", "did you mean 'segment'?"),
    ("schema.yaml", 22, "unknown-channel", "did you mean 'linkedin'?"),
    ("schema.yaml", 28, "schema", "did you mean 'physicians'?"),
    ("duplicate.yaml", 1, "duplicate-id", "rule ids are never reused"),
    ("never.yaml", 1, "never-fires", "eq hospital and eq cme_provider"),
    ("never.yaml", 13, "never-fires", "lt 3 and gt 5"),
    ("never.yaml", 22, "never-fires", "lt 0"),
    ("never.yaml", 31, "never-fires", "did you mean 'slow-approval'?"),
    ("contradict.yaml", 10, "contradiction", "scores it down"),
    ("contradict.yaml", 19, "contradiction", "blocks it"),
]


def test_check_reports_every_broken_rule_with_file_line_and_suggestion() -> None:
    """One run of `rules check` finds every problem of the broken pack, not just the first."""
    code, out = run("rules", "check", str(BROKEN), "--format", "json")
    data = json.loads(out)
    assert code == 2
    found = {
        (Path(p["file"]).name, p["line"], p["code"]): f"{p['message']} ({p['hint']})"
        for p in data["problems"]
    }
    for file, line, kind, text in EXPECTED_PROBLEMS:
        assert (file, line, kind) in found, (file, line, kind, sorted(found))
        assert text in found[(file, line, kind)]
    assert data["errors"] == len(EXPECTED_PROBLEMS)


SEVERAL_MISTAKES = """\
- id: people.bad.many
  title: A rule with several mistakes
  post: peple
  wehn:
    all:
      - audience: {segmnt: physicians}
      - objective: {kind: {eqq: talking}}
  then:
    - score: {channel: linkdin, weight: 2}
    - score: {channel: youtube, weight: 0}
  because: Physicians matter
  source: test
"""


def test_check_reports_every_problem_of_one_rule_in_one_run(tmp_path: Path) -> None:
    """Fields, each condition (even under a misspelt `wehn:`), each effect: all located at once,
    and the required `when` is not reported missing when it was only misspelt."""
    pack = make_pack(tmp_path / "pack", {"rules.yaml": SEVERAL_MISTAKES})
    code, out = run("rules", "check", str(pack), "--format", "json")
    assert code == 2
    found = [(p["line"], p["field"], p["message"], p["hint"]) for p in json.loads(out)["problems"]]
    assert found == [
        (3, "post", found[0][2], "did you mean 'people'?"),
        (4, "wehn", "unknown field 'wehn'", "did you mean 'when'?"),
        (
            6,
            "wehn.all[0].audience.segmnt",
            "unknown field 'segmnt' of audience",
            "did you mean 'segment'?",
        ),
        (7, "wehn.all[1].objective.kind.eqq", "unknown operator 'eqq'", "did you mean 'eq'?"),
        (9, "then[0].score.channel", "unknown channel 'linkdin'", "did you mean 'linkedin'?"),
        (10, "then[1].score.weight", found[5][2], None),
    ]
    assert "Field required" not in out
    assert "weight of 0" in found[5][2]


def test_check_warns_about_a_missing_rationale() -> None:
    result = check_pack(BROKEN)
    warnings = [i for i in result.items if i.level == "warning"]
    assert [(w.code, w.problem.rule_id) for w in warnings] == [
        ("missing-rationale", "people.broken.no-rationale")
    ]


def test_check_text_output_is_one_line_per_problem_and_exit_2() -> None:
    code, out = run("rules", "check", str(BROKEN))
    assert code == 2
    assert "error: [never-fires] " in out
    assert out.strip().splitlines()[-1] == "9 rules checked: 11 errors, 1 warnings"


def test_check_reports_durable_rules_limits(tmp_path: Path) -> None:
    """70 rules testing one field with `gt` would break durable_rules at assert time: check
    says so before any profile is assessed."""
    rules = "".join(
        f"- id: resources.many.r{k}\n  title: More than {k} hours\n  post: resources\n"
        f"  when: {{resources: {{staff_hours_per_week: {{gt: {k}}}}}}}\n"
        "  then:\n    - score: {channel: linkedin, weight: 1}\n"
        f'  because: "more hours than {k}"\n  source: test\n  rationale: limits\n'
        for k in range(70)
    )
    pack = make_pack(tmp_path / "many", {"many.yaml": rules})
    code, out = run("rules", "check", str(pack))
    assert code == 2
    assert "[engine-limit]" in out and "durable_rules allows 64" in out


def test_check_of_the_shipped_pack_has_no_errors() -> None:
    """The default pack passes its own lint (warnings are allowed, errors are not)."""
    result = check_pack(None)
    assert result.errors == 0, [str(i) for i in result.items if i.level == "error"]


def test_check_of_a_good_pack_exits_0(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "good", {"nurses.yaml": NURSES_RULE})
    code, out = run("rules", "check", str(pack))
    assert code == 0, out
    assert "1 rules checked: 0 errors, 0 warnings" in out


@pytest.mark.parametrize(
    ("condition", "impossible"),
    [
        ({"organization": {"size": {"eq": "large", "ne": "large"}}}, True),
        ({"organization": {"hipaa_covered": {"ne": True, "eq": False}}}, False),
        ({"organization": {"hipaa_covered": {"not_in": [True, False]}}}, True),
        ({"resources": {"staff_hours_per_week": {"ge": 5, "le": 5}}}, False),
        ({"resources": {"staff_hours_per_week": {"gt": 5, "le": 5}}}, True),
        ({"objective": {"metric": {"exists": False, "eq": "views"}}}, True),
        (
            {
                "any": [
                    {"summary": {"audience_count": {"lt": 0}}},
                    {"summary": {"audience_count": {"gt": 2}}},
                ]
            },
            False,
        ),
        (
            {
                "any": [
                    {"summary": {"audience_count": {"lt": 0}}},
                    {"summary": {"objective_count": {"lt": 0}}},
                ]
            },
            True,
        ),
        (
            {"all": [{"audience": {"segment": "nurses"}}, {"audience": {"segment": "physicians"}}]},
            False,
        ),
        (
            {
                "all": [
                    {"bottlenecks": {"approval_days": {"gt": 10}}},
                    {"bottlenecks": {"approval_days": {"lt": 5}}},
                ]
            },
            True,
        ),
        ({"not": {"summary": {"audience_count": {"lt": 0}}}}, False),
    ],
)
def test_never_fires_finds_contradictory_tests_only(condition: dict, impossible: bool) -> None:
    """Two frames of a kind with many facts (audiences) may match different facts, so they are
    not a contradiction; two frames of a one-per-profile kind are."""
    parsed = parse_condition(condition, ("when",), frozenset({"linkedin"}))
    assert (never_fires(parsed) is not None) is impossible


# ---------------------------------------------------------------- new


def _pytest(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_new_scaffolds_a_rule_and_a_feature_that_fails_until_the_rule_is_written(
    tmp_path: Path,
) -> None:
    """The scaffolded rule loads but cannot fire; its feature fails; once the author writes the
    condition, the same feature passes."""
    make_pack(
        tmp_path / "pack",
        {},
        manifest="name: test-pack\nversion: 1.0.0\nextends: default\n",
        channels=None,
    )
    code, out = run("rules", "new", "people.nurses.video", "--rules", "pack", cwd=tmp_path)
    assert code == 0, out
    rule_file = tmp_path / "pack" / "people.nurses.video.yaml"
    feature = tmp_path / "features" / "people.nurses.video.feature"
    assert rule_file.is_file() and feature.is_file()
    load_pack(tmp_path / "pack")  # the scaffold is a valid rule
    kinds = {i.code for i in check_pack(tmp_path / "pack").items}
    assert {"never-fires", "placeholder"} <= kinds
    failing = _pytest(tmp_path, "features")
    assert failing.returncode == 1 and "1 failed, 1 passed" in failing.stdout

    text = rule_file.read_text()
    text = text.replace("summary: {audience_count: {lt: 0}}", "audience: {segment: nurses}")
    rule_file.write_text(text)
    feature.write_text(
        feature.read_text().replace(
            "    # TODO: add the facts that make the rule fire\n",
            '    And an audience of "nurses"\n',
        )
    )
    passing = _pytest(tmp_path, "features")
    assert passing.returncode == 0, passing.stdout


def test_new_refuses_an_existing_id_and_a_bad_id(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack", {"nurses.yaml": NURSES_RULE})
    code, out = run("rules", "new", "people.nurses.youtube", "--rules", str(pack))
    assert code == 2 and "already exists" in out
    code, out = run("rules", "new", "Nurses", "--rules", str(pack))
    assert code == 2 and "not a rule id" in out
    code, out = run("rules", "new", "misc.nurses.x", "--rules", str(pack))
    assert code == 2 and "--post" in out


# ---------------------------------------------------------------- coverage


COVERAGE_FEATURE = """\
Feature: nurses
  Scenario: nurses
    Given the rule pack "pack"
    And a minimal "hospital" profile
    And an audience of "nurses"
    When the advisor assesses the profile
    Then the rule "people.nurses.youtube" fires
{silent}"""

SILENT = """
  Scenario: physicians
    Given the rule pack "pack"
    And a minimal "hospital" profile
    And an audience of "physicians"
    When the advisor assesses the profile
    Then the rule "people.nurses.youtube" does not fire
"""


def test_coverage_is_100_when_every_rule_fired_and_stayed_silent(tmp_path: Path) -> None:
    make_pack(tmp_path / "pack", {"nurses.yaml": NURSES_RULE})
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "n.feature").write_text(COVERAGE_FEATURE.format(silent=SILENT))
    code, out = run(
        "rules",
        "coverage",
        "features",
        "--rules",
        "pack",
        "--fail-under",
        "100",
        "--format",
        "json",
        cwd=tmp_path,
    )
    data = json.loads(out)
    assert code == 0, out
    assert data["percent"] == 100.0
    rule = data["per_rule"]["people.nurses.youtube"]
    assert rule["fired_in"] == ["features/n.feature: nurses"]
    assert rule["silent_in"] == ["features/n.feature: physicians"]
    assert rule["asserted_silent_in"] == ["features/n.feature: physicians"]


def test_coverage_below_the_bar_exits_1_and_names_rules_never_shown_silent(
    tmp_path: Path,
) -> None:
    make_pack(tmp_path / "pack", {"nurses.yaml": NURSES_RULE})
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "n.feature").write_text(COVERAGE_FEATURE.format(silent=""))
    code, out = run(
        "rules", "coverage", "features", "--rules", "pack", "--fail-under", "100", cwd=tmp_path
    )
    assert code == 1
    assert "0 of 1 rules covered (0%)" in out
    assert "never shown silent: people.nurses.youtube" in out


def test_coverage_of_an_extension_counts_its_own_rules_only(tmp_path: Path) -> None:
    rule = NURSES_RULE.replace("youtube, weight", "linkedin, weight")
    make_pack(
        tmp_path / "pack",
        {"nurses.yaml": rule},
        manifest="name: test-pack\nversion: 1.0.0\nextends: default\n",
        channels=None,
    )
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "n.feature").write_text(COVERAGE_FEATURE.format(silent=SILENT))
    code, out = run("rules", "coverage", "--rules", "pack", "--format", "json", cwd=tmp_path)
    data = json.loads(out)
    assert code == 0, out
    assert list(data["per_rule"]) == ["people.nurses.youtube"]
    assert data["percent"] == 100.0


# ---------------------------------------------------------------- docs


def test_docs_writes_the_rule_base_and_check_detects_staleness(tmp_path: Path) -> None:
    out_file = tmp_path / "rule-base.md"
    code, _ = run("rules", "docs", "--rules", str(MINI), "--output", str(out_file))
    assert code == 0
    text = out_file.read_text()
    assert "## Objectives" in text and "`objectives.gate.not-measurable`" in text
    assert "blocker finding `objectives-not-measurable`" in text
    assert "Evidence: secondary; sources: F1.1" in text
    code, _ = run("rules", "docs", "--rules", str(MINI), "--output", str(out_file), "--check")
    assert code == 0
    out_file.write_text(text + "edited\n")
    code, out = run("rules", "docs", "--rules", str(MINI), "--output", str(out_file), "--check")
    assert code == 1 and "stale" in out


def test_docs_rule_base_md_is_current_with_the_shipped_rules() -> None:
    """docs/rule-base.md is regenerated whenever the rules change (`advisor rules docs`)."""
    committed = (REPO / "docs" / "rule-base.md").read_text()
    assert committed == rule_base_for(None), "run: advisor rules docs"


def test_steps_lists_the_step_library() -> None:
    code, out = run("rules", "steps")
    assert code == 0
    assert "When   the advisor assesses the profile" in out


# ---------------------------------------------------------------- packs that extend the default


def test_a_pack_extending_the_default_adds_its_rules_and_channels(tmp_path: Path) -> None:
    channels = "channels:\n  - {id: mastodon, name: Mastodon, hours_per_week: 2}\n"
    rule = NURSES_RULE.replace("youtube, weight", "mastodon, weight")
    pack_dir = make_pack(
        tmp_path / "ext",
        {"nurses.yaml": rule},
        manifest="name: ext\nversion: 2.1.0\nextends: default\n",
        channels=channels,
    )
    pack = load_pack(pack_dir)
    default = load_pack(None)
    assert {r.id for r in pack.rules} == {r.id for r in default.rules} | {"people.nurses.youtube"}
    assert pack.inherited == frozenset(r.id for r in default.rules)
    assert set(pack.channels) == set(default.channels) | {"mastodon"}
    assert pack.content_hash != default.content_hash
    with Advisor(pack_dir) as advisor:
        report = advisor.assess(
            {
                "organization": {"name": "x", "type": "hospital"},
                "audiences": [{"segment": "nurses"}],
            }
        )
    assert (report.pack.name, report.pack.version) == ("ext", "2.1.0")
    advice = report.channel("mastodon")
    assert advice is not None and advice.rank is not None
    assert advice.reasons[0].status == "experimental"


def test_an_extension_may_not_reuse_a_default_rule_id(tmp_path: Path) -> None:
    default_id = load_pack(None).rules[0].id
    rule = NURSES_RULE.replace("people.nurses.youtube", default_id)
    pack_dir = make_pack(
        tmp_path / "ext",
        {"dup.yaml": rule},
        manifest="name: ext\nversion: 1.0.0\nextends: default\n",
        channels=None,
    )
    with pytest.raises(RuleError) as err:
        load_pack(pack_dir)
    assert "duplicate rule id" in str(err.value) and "dup.yaml:1" in str(err.value)


def test_extends_a_missing_folder_is_a_located_error(tmp_path: Path) -> None:
    manifest = "name: ext\nversion: 1.0.0\nextends: ../nope\n"
    pack_dir = make_pack(tmp_path / "ext", {}, manifest=manifest, channels=None)
    with pytest.raises(RuleError) as err:
        load_pack(pack_dir)
    problem = err.value.first
    assert problem.line == 3 and problem.field == "extends"
    assert "extends: default" in (problem.hint or "")


def test_a_pack_that_does_not_extend_needs_its_own_channels(tmp_path: Path) -> None:
    pack_dir = make_pack(tmp_path / "alone", {}, channels=None)
    with pytest.raises(RuleError, match=r"channels\.yaml"):
        load_pack(pack_dir)


def test_diff_shows_what_a_new_pack_version_changes_for_each_profile(tmp_path: Path) -> None:
    """The old and new pack differ by one weight and one new rule: the profile's LinkedIn
    score moves and the new rule now fires; identical packs change nothing."""
    import shutil

    import yaml

    from tests.conftest import BASE_PROFILE

    new = tmp_path / "new"
    shutil.copytree(MINI, new)
    people = new / "rules" / "people.yaml"
    people.write_text(
        people.read_text().replace(
            "{channel: linkedin, weight: 3}", "{channel: linkedin, weight: 1}"
        )
    )
    (new / "rules" / "extra.yaml").write_text(
        NURSES_RULE.replace("segment: nurses", "segment: physicians")
    )
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "society.yaml").write_text(yaml.safe_dump(BASE_PROFILE))

    code, out = run("rules", "diff", str(MINI), str(new), str(profiles), "--format", "json")
    assert code == 0
    data = json.loads(out)
    (profile,) = data["profiles"]
    assert profile["changed"] and profile["source"].endswith("society.yaml")
    assert profile["rules_started"] == ["people.nurses.youtube"]
    diff = profile["difference"]
    moved = {m["channel"]: m for key in ("moved", "left") for m in diff[key]}
    assert moved["linkedin"]["score_before"] == 3 and moved["linkedin"]["score_after"] == 1
    assert "before" not in profile["difference"]  # the two full reports are left out

    code, text = run("rules", "diff", str(MINI), str(new), str(profiles), "--fail-on-change")
    assert code == 1
    assert (
        "1 of 1 profiles change." in text and "rules that now fire: people.nurses.youtube" in text
    )
    code, text = run("rules", "diff", str(MINI), str(MINI), str(profiles), "--fail-on-change")
    assert code == 0 and "unchanged" in text
    code, text = run("rules", "diff", str(MINI), str(new), str(profiles), "--format", "markdown")
    assert code == 0 and "# Rule pack change" in text and "`people.nurses.youtube`" in text


def test_diff_refuses_a_missing_profile_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rules", "diff", str(MINI), str(MINI), "nowhere.yaml"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: nowhere.yaml: no such file or folder"
