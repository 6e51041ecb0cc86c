"""The shipped Gherkin step library: .feature files run under plain pytest with no Python, every
step works against a real rule pack, mistakes fail with located messages, coverage is recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from advisor.bdd import steps as _steps  # noqa: F401  (registers the step catalogue)
from advisor.bdd.registry import CATALOGUE, catalogue_markdown, matching, strip_keyword

REPO = Path(__file__).resolve().parent.parent

PACK = {
    "pack.yaml": "name: kit-test\nversion: 1.0.0\n",
    "channels.yaml": """\
channels:
  - {id: linkedin, name: LinkedIn page, hours_per_week: 2, skills: [writing]}
  - {id: x_twitter, name: X (Twitter), hours_per_week: 3, skills: [writing]}
  - {id: youtube, name: YouTube, hours_per_week: 6, skills: [video]}
  - {id: facebook_group, name: Facebook group, hours_per_week: 4, skills: [community_management]}
""",
    "rules.yaml": """\
- id: people.physicians.linkedin
  title: Physicians read professional networks
  post: people
  when: {audience: {segment: physicians}}
  then:
    - score: {channel: linkedin, weight: 3}
    - kpi: {metric: LinkedIn follower growth, channel: linkedin}
  because: "{audience.segment} read professional networks"
  source: test
  rationale: a test rule
- id: people.students.youtube
  title: Students watch video
  post: people
  when: {audience: {segment: students}}
  then:
    - score: {channel: youtube, weight: 2}
  because: "{audience.segment} watch video"
  source: test
- id: objectives.none-measurable
  title: No measurable objective
  post: objectives
  when: {summary: {measurable_objective_count: 0}}
  then:
    - finding: {level: blocker, code: objectives-not-measurable}
  because: "No objective names a metric, a target and a deadline."
  source: test
- id: objectives.enrolment-kpi
  title: Enrolment is measured
  post: objectives
  when: {objective: {focus: cme_enrolment, measurable: true}}
  then:
    - kpi: {metric: CME enrolments per month, objective: energizing}
  because: "An enrolment objective is measured in enrolments"
  source: test
- id: technology.required-twitter
  title: Demanded channel
  post: technology
  when: {summary: {required_channels: {contains: x_twitter}}}
  then:
    - score: {channel: x_twitter, weight: 10}
  because: "The organization demands this channel"
  source: test
- id: bottlenecks.slow-approval
  title: Slow approval blocks real-time channels
  post: bottlenecks
  when: {bottlenecks: {approval_days: {ge: 7}}}
  then:
    - block: {channel: x_twitter, lift: approval takes under two days}
    - derive: {name: slow-approval}
  because: "Approval takes {bottlenecks.approval_days} days"
  source: test
- id: bottlenecks.slow-approval-noted
  title: Slow approval is noted
  post: bottlenecks
  when: {derived: slow-approval}
  then:
    - finding: {level: warning, code: approval-slow}
  because: "Approval is slow, so real-time channels wait"
  source: test
- id: resources.video-plan
  title: Video needs a plan
  post: resources
  when: {resources: {skills: {contains: video}}}
  then:
    - score: {channel: youtube, weight: 4}
    - precondition: {channel: youtube, code: video-plan, text: plan a video series}
  because: "The team can make video"
  source: test
- id: bottlenecks.policy
  title: A policy first
  post: bottlenecks
  when: {bottlenecks: {no_social_policy: true}}
  then:
    - precondition: {code: social-media-policy, text: write a social media policy}
  because: "There is no social media policy"
  source: test
- id: constraints.hipaa
  title: HIPAA
  post: constraints
  when: {summary: {constraints: {contains: hipaa_phi}}}
  then:
    - score: {channel: facebook_group, weight: -3}
  because: "Patient information must stay private"
  source: test
- id: pain_points.misinformation
  title: Misinformation
  post: pain_points
  when: {pain_point: {name: misinformation}}
  then:
    - score: {channel: facebook_group, weight: 1}
  because: "Misinformation is answered where it spreads"
  source: test
""",
}

PROFILE = """\
organization: {name: Test Society, type: medical_association}
audiences:
  - segment: physicians
objectives:
  - {kind: talking, goal: Be visible, metric: views, target: 10, deadline: 2027-01-01}
resources: {staff_hours_per_week: 10, skills: [writing]}
"""

HAPPY = """\
Feature: every step against a small pack
  Background:
    Given the rule pack "pack"

  Scenario: a profile file, rules, ranking, reasons and KPIs
    Given the profile "profile.yaml"
    When the advisor assesses the profile
    Then the rule "people.physicians.linkedin" fires
    And the rule "people.students.youtube" does not fire
    And "linkedin" is recommended
    And "linkedin" is ranked
    And the tier of "linkedin" is "recommended"
    And the plan launches "linkedin"
    And the plan holds at most 1 channels
    And the top channel is "linkedin"
    And "linkedin" is among the top 1 channels
    And "youtube" is not recommended
    And "youtube" is not among the top 3 channels
    And a reason for "linkedin" cites the rule "people.physicians.linkedin"
    And a reason for "linkedin" mentions "physicians read"
    And a KPI mentioning "follower growth" is suggested
    And a KPI is suggested for "linkedin"
    And the profile is ready
    And no "blocker" finding is raised
    And no finding "approval-slow" is raised
    And the resource plan fits
    And "linkedin" fits the resource plan
    And the plan uses at most 2 staff hours per week
    And the precondition "social-media-policy" is not stated
    And "linkedin" is not blocked

  Scenario: a minimal profile with organization, audiences and objectives set by steps
    Given a minimal "medical_association" profile
    And the organization's size is "large"
    And the organization is "hipaa_covered"
    And the organization is not "emergency_role"
    And an audience of "physicians"
    And an audience of "students" on "youtube and linkedin"
    And the audiences:
      | segment | ages  | platforms | participation |
      | nurses  | 30-49 | linkedin  | spectators    |
    And a "talking" objective with no measure
    And the organization has no measurable objectives
    When the advisor assesses the profile
    Then a "blocker" finding "objectives-not-measurable" is raised
    And a finding "objectives-not-measurable" is raised
    And the finding "objectives-not-measurable" mentions "metric"
    And the profile is not ready
    And "linkedin" is ranked above "youtube"

  Scenario: objectives from every step
    Given a minimal "cme_provider" profile
    And a measurable "talking" objective
    And a measurable "energizing" objective for "cme_enrolment"
    And a "talking" objective for "awareness" with no measure
    And the objectives:
      | kind      | goal       | focus         | metric | target | deadline   |
      | listening | Hear them  | needs_assessment |     |        |            |
    And every objective is measurable
    And the strategy's approach is "join"
    When the advisor assesses the profile
    Then no finding "objectives-not-measurable" is raised
    And a KPI mentioning "enrolments" is suggested
    And a KPI is suggested for the "energizing" objective
    And the report names the rule pack "kit-test"
    And no channel is recommended

  Scenario: no objectives at all
    Given a minimal "hospital" profile
    And the organization has no audiences
    And the organization has no objectives
    When the advisor assesses the profile
    Then the rule "objectives.none-measurable" fires
    And no KPI is suggested

  Scenario: resources, bottlenecks, blocks and derived facts
    Given the profile "profile.yaml"
    And the team has 3 staff hours per week
    And the team has the skills "writing and video"
    And there is an executive sponsor
    And the resources' moderation is "business_hours"
    And content approval takes 14 days
    And the bottleneck "no_social_policy" applies
    And the bottlenecks "no_analytics and cms_limits" apply
    And the bottleneck "cms_limits" does not apply
    And the organization has to be on "x_twitter"
    When the advisor assesses the profile
    Then "x_twitter" is blocked
    And "x_twitter" is not recommended
    And the block on "x_twitter" lifts when "under two days"
    And the fact "slow-approval" is derived
    And the rule "bottlenecks.slow-approval-noted" fires
    And a "warning" finding "approval-slow" is raised
    And the precondition "social-media-policy" is stated
    And the precondition "video-plan" is stated for "youtube"
    And "linkedin" is ranked above "youtube"
    And "youtube" does not fit the resource plan
    And the resource plan overflows

  Scenario: no sponsor, no skills, fast approval
    Given the profile "profile.yaml"
    And there is no executive sponsor
    And the team has no skills
    And the organization has to be on "x_twitter"
    When the advisor assesses the profile
    Then the fact "slow-approval" is not derived
    And the tier of "x_twitter" is "not now"
    And "x_twitter" needs "writing skills"
    And "x_twitter" is not blocked

  Scenario: pain points, constraints, channels and generic paths
    Given the profile "profile.yaml"
    And the pain points include "misinformation"
    And the organization has no pain points
    And the pain points include "misinformation and online_reviews"
    And the constraints include "professional_ethics"
    And the organization has no constraints
    And the constraints include "hipaa_phi"
    And the organization already runs "facebook_group"
    And the organization already runs "linkedin" with "poor" results
    And the current channels:
      | channel   | result | followers | posts_per_week |
      | youtube   | good   | 120       | 1              |
    And the organization runs no channels
    And "resources.staff_hours_per_week" is 3
    And "audiences[0].platforms" is "linkedin, youtube"
    And "objectives[0].deadline" is unset
    And the profile has:
      | path                      | value |
      | bottlenecks.approval_days | 1     |
      | organization.country      | GB    |
    When the advisor assesses the profile
    Then the rule "constraints.hipaa" fires
    And the rule "pain_points.misinformation" fires
    And "facebook_group" is not recommended
    And a "blocker" finding "objectives-not-measurable" is raised

  Scenario: a profile the model rejects
    Given a minimal "medical_association" profile
    And the organization's type is "hospitl"
    When the advisor assesses the profile
    Then the profile is rejected
    And the profile is rejected because "hospital"

  Scenario Outline: outlines run once per example
    Given a minimal "<type>" profile
    And an audience of "<segment>"
    When the advisor assesses the profile
    Then the rule "people.physicians.linkedin" <fires>

    Examples:
      | type                | segment    | fires          |
      | medical_association | physicians | fires          |
      | hospital            | students   | does not fire  |
"""

FAILING = """\
Feature: mistakes read as located sentences
  Background:
    Given the rule pack "pack"

  Scenario: undefined step
    Given a minimal "hospital" profile
    And the team has four hours
    When the advisor assesses the profile

  Scenario: unknown profile path
    Given a minimal "hospital" profile
    And "resources.staff_hour_per_week" is 4

  Scenario: misspelt rule id
    Given a minimal "hospital" profile
    When the advisor assesses the profile
    Then the rule "people.physician.linkedin" does not fire

  Scenario: misspelt channel
    Given a minimal "hospital" profile
    When the advisor assesses the profile
    Then "linkdin" is not recommended

  Scenario: wrong expectation
    Given the profile "profile.yaml"
    When the advisor assesses the profile
    Then "youtube" is recommended

  Scenario: missing profile file
    Given the profile "nowhere.yaml"
"""


OPT_IN = "[pytest]\nadvisor_collect_features = true\n"


def _write_project(root: Path, features: dict[str, str]) -> None:
    (root / "pytest.ini").write_text(OPT_IN)
    (root / "pack").mkdir()
    for name, text in PACK.items():
        (root / "pack" / name).write_text(text)
    (root / "profile.yaml").write_text(PROFILE)
    for name, text in features.items():
        (root / name).write_text(textwrap.dedent(text))


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


def test_every_shipped_step_is_documented_in_docs_steps_md() -> None:
    """docs/steps.md is exactly the catalogue the plugin registers: every step, with example."""
    doc = (REPO / "docs" / "steps.md").read_text()
    assert doc == catalogue_markdown(), "run: advisor rules steps --markdown > docs/steps.md"
    for spec in CATALOGUE:
        assert f"`{spec.keyword.capitalize()} {spec.display}`" in doc
        assert spec.example in doc


def test_each_step_example_matches_exactly_one_step() -> None:
    """No two steps can claim the same text, so a step never silently runs the wrong code."""
    for spec in CATALOGUE:
        found = matching(spec.keyword, strip_keyword(spec.example))
        assert found == [spec], (spec.example, [s.pattern for s in found])


def test_feature_files_run_with_no_python_and_every_step_works(tmp_path: Path) -> None:
    """A folder with only a rule pack, a profile and a .feature file passes under plain pytest:
    the installed plugin collects the feature; outlines run once per example."""
    _write_project(tmp_path, {"all.feature": HAPPY})
    cov = tmp_path / "cov.json"
    result = _pytest(tmp_path, f"--advisor-coverage={cov}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "10 passed" in result.stdout
    records = json.loads(cov.read_text())["scenarios"]
    assert len(records) == 10
    first = next(r for r in records if r["scenario"].startswith("a profile file"))
    assert "people.physicians.linkedin" in first["fired"]
    assert "people.students.youtube" in first["silent"]
    assert first["asserted_fire"] == ["people.physicians.linkedin"]
    assert first["asserted_silent"] == ["people.students.youtube"]
    assert first["pack"] == str((tmp_path / "pack").resolve())
    rejected = next(r for r in records if r["scenario"] == "a profile the model rejects")
    assert rejected["fired"] == [] and rejected["silent"] == []


def test_mistakes_fail_with_file_line_and_a_suggestion(tmp_path: Path) -> None:
    """Undefined steps name the file, the line and the nearest steps; unknown paths, rule ids and
    channels get a did-you-mean; a wrong expectation shows what the report says instead."""
    _write_project(tmp_path, {"bad.feature": FAILING})
    result = _pytest(tmp_path)
    out = result.stdout
    assert result.returncode == 1
    assert "6 failed" in out
    assert "bad.feature:7: undefined step: And the team has four hours" in out
    assert "the team has {hours} staff hours per week" in out
    assert "StepDefinitionNotFoundError" not in out
    assert "bad.feature:12:" in out and "did you mean 'staff_hours_per_week'?" in out
    assert "bad.feature:17:" in out and "did you mean 'people.physicians.linkedin'?" in out
    assert "unknown channel 'linkdin'" in out and "did you mean 'linkedin'?" in out
    assert "'youtube' is not recommended; ranking: 1. linkedin (3, recommended)" in out
    assert "profile file 'nowhere.yaml' not found" in out
    assert "Traceback" not in out


BROKEN_FEATURES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty.feature:1: the file is empty"),
    "comments-only": (b"# a comment\n\n", "comments-only.feature:1: the file is empty"),
    "nul-bytes": (b"Feature: x\x00\n", "nul-bytes.feature: not a text file"),
    "latin-1": ("Feature: caf\u00e9\n".encode("latin-1"), "latin-1.feature:1: not UTF-8 text"),
    "utf-16": ("Feature: x\n".encode("utf-16"), "utf-16.feature: the file is UTF-16"),
    "oversize": (
        b"Feature: x\n# " + b"x" * 1_000_001 + b"\n",
        "oversize.feature: the file is larger",
    ),
    "no-feature-line": (
        b'Scenario: s\n  Given a minimal "hospital" profile\n',
        "no-feature-line.feature:1: Misplaced or incorrect 'Scenario' keyword",
    ),
    "ragged-table": (
        b"Feature: x\n  Scenario: s\n    Given the profile has:\n      | path | value |\n"
        b"      | a |\n",
        "ragged-table.feature:5: inconsistent cell count within the table (the line reads: | a |)",
    ),
    "two-backgrounds": (
        b"Feature: x\n  Background:\n    Given a\n  Background:\n    Given b\n",
        "two-backgrounds.feature:4: Multiple 'Background' sections",
    ),
    "unclosed-docstring": (
        b'Feature: x\n  Scenario: s\n    Given a step\n      """\n      text\n',
        "unclosed-docstring.feature:6: unexpected end of file",
    ),
    "dangling-tag": (
        b"Feature: x\n  Scenario: s\n    Given a step\n  @tag\n",
        "dangling-tag.feature:5: unexpected end of file",
    ),
}


def test_a_broken_feature_file_is_one_located_line_and_exit_2(tmp_path: Path) -> None:
    """Files pytest-bdd cannot parse (empty, binary, wrong encoding, oversize, bad Gherkin)
    each give one `file:line: problem` line, never a traceback; pytest exits 2."""
    (tmp_path / "pytest.ini").write_text(OPT_IN)
    for name, (data, _) in BROKEN_FEATURES.items():
        (tmp_path / f"{name}.feature").write_bytes(data)
    result = _pytest(tmp_path)
    assert result.returncode == 2, result.stdout
    out = result.stdout
    for name, (_, expected) in BROKEN_FEATURES.items():
        lines = [line for line in out.splitlines() if line.startswith(f"{name}.feature")]
        assert len(lines) == 1, (name, lines)
        assert lines[0].startswith(expected), (name, lines[0])
        assert "/" not in lines[0].split(":")[0], "the path is shown relative, not absolute"
    assert "Traceback" not in out and "KeyError" not in out and "UnicodeDecodeError" not in out
    assert f"{len(BROKEN_FEATURES)} errors" in out


def test_collection_can_be_switched_off_for_projects_binding_scenarios_themselves(
    tmp_path: Path,
) -> None:
    """With advisor_collect_features = false, .feature files are not collected twice."""
    _write_project(tmp_path, {"all.feature": HAPPY})
    (tmp_path / "pytest.ini").write_text("[pytest]\nadvisor_collect_features = false\n")
    result = _pytest(tmp_path)
    assert result.returncode == 5, result.stdout  # no tests collected


UNIT_TEST = """\
import sys


def test_the_project_own_unit_test():
    # the advisor's plugin is installed but this project did not opt in: nothing of the
    # advisor beyond its light package marker is imported
    assert "advisor.api" not in sys.modules and "advisor.model.profile" not in sys.modules
    assert "durable_rules_engine" not in sys.modules
"""


def test_a_project_that_did_not_opt_in_runs_its_own_tests_untouched(tmp_path: Path) -> None:
    """An unrelated project with a .feature file and no opt-in: pytest runs its unit test,
    collects no feature, interrupts nothing and never imports the engine."""
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "x.feature").write_text(textwrap.dedent(HAPPY))
    (tmp_path / "test_unit.py").write_text(UNIT_TEST)
    result = _pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout and "Interrupted" not in result.stdout
    without_bdd = _pytest(tmp_path, "-p", "no:pytest_bdd")
    assert without_bdd.returncode == 0, without_bdd.stdout
    assert "install pytest-bdd" not in without_bdd.stdout


BINDING_MODULE = """\
from pytest_bdd import scenarios

scenarios("all.feature")
"""


def test_scenarios_a_project_binds_with_stock_scenarios_run_once(tmp_path: Path) -> None:
    """A rule author who binds the feature with pytest-bdd's `scenarios()` gets each scenario
    once: the copy the plugin would collect from the .feature file is deselected."""
    _write_project(tmp_path, {"all.feature": HAPPY})
    alone = _pytest(tmp_path)
    assert alone.returncode == 0 and "10 passed" in alone.stdout, alone.stdout
    (tmp_path / "test_bound.py").write_text(BINDING_MODULE)
    both = _pytest(tmp_path, "-rA")
    assert both.returncode == 0, both.stdout
    assert "10 passed, 10 deselected" in both.stdout
    passed = [line for line in both.stdout.splitlines() if line.startswith("PASSED")]
    assert passed and all("test_bound.py::" in line for line in passed)


def test_pytest_bdd_marks_scenario_functions_as_the_plugin_expects() -> None:
    """Pins the one pytest-bdd detail outside its documented API that the plugin reads: a
    scenario's test function leads to its template (`__scenario__` in 8.x, a registry in 9.x)
    with the feature's file and the name."""
    from pytest_bdd import scenario

    from advisor.bdd.plugin import scenario_template

    feature = REPO / "features" / "why-first.feature"
    name = next(
        line.split(":", 1)[1].strip()
        for line in feature.read_text().splitlines()
        if line.strip().startswith("Scenario:")
    )
    test = scenario(str(feature), name)(lambda: None)
    template = scenario_template(test)
    assert Path(template.feature.filename).resolve() == feature.resolve()
    assert template.name == name


def test_coverage_under_xdist_equals_a_serial_run(tmp_path: Path) -> None:
    """`--advisor-coverage` with `-n 2` records what a serial run records: the workers'
    records reach the controller."""
    pytest.importorskip("xdist")
    _write_project(tmp_path, {"all.feature": HAPPY})
    serial, parallel = tmp_path / "serial.json", tmp_path / "parallel.json"
    assert _pytest(tmp_path, f"--advisor-coverage={serial}").returncode == 0
    result = _pytest(tmp_path, "-n", "2", f"--advisor-coverage={parallel}")
    assert result.returncode == 0, result.stdout + result.stderr
    one = json.loads(serial.read_text())["scenarios"]
    two = json.loads(parallel.read_text())["scenarios"]
    assert len(one) == 10 and one == two


def test_asking_for_coverage_and_recording_none_fails(tmp_path: Path) -> None:
    """Zero records is an error, never a silent 0 %: pytest exits 1 and says why."""
    (tmp_path / "pytest.ini").write_text(OPT_IN)
    (tmp_path / "test_unit.py").write_text("def test_x():\n    pass\n")
    result = _pytest(tmp_path, f"--advisor-coverage={tmp_path / 'c.json'}")
    assert result.returncode == 1, result.stdout
    assert "advisor coverage: no scenario recorded" in result.stdout


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("organization.colour", "unknown profile field 'colour'"),
        ("audiences.x", "'audiences' has no field 'x'"),
        ("organization[0]", "is not a list"),
        ("resources", "is a group of fields"),
        ("audiences", "list of entries"),
    ],
)
def test_generic_setter_rejects_paths_the_profile_model_lacks(path: str, message: str) -> None:
    """The dotted-path setter validates against the profile model before the When step."""
    from advisor.bdd.world import StepProblem, World

    world = World(profile={"organization": {"name": "x", "type": "hospital"}})
    with pytest.raises(StepProblem, match=message):
        world.set(path, "1")


def test_generic_setter_converts_values_by_field_type() -> None:
    """Numbers, yes/no and lists are converted by the profile field's own type."""
    from advisor.bdd.world import World

    world = World(profile={"organization": {"name": "x", "type": "hospital"}})
    world.set("resources.staff_hours_per_week", "4.5")
    world.set("organization.hipaa_covered", "yes")
    world.set("resources.skills", '"writing, video and design"')
    world.set("organization.name", "1999")
    assert world.profile["resources"] == {
        "staff_hours_per_week": 4.5,
        "skills": ["writing", "video", "design"],
    }
    assert world.profile["organization"]["hipaa_covered"] is True
    assert world.profile["organization"]["name"] == "1999"


def test_pytest_still_starts_when_pytest_bdd_plugin_is_not_loaded(tmp_path: Path) -> None:
    """The plugin's pytest-bdd hooks are optional: installing the advisor never breaks pytest
    for a project that does not use pytest-bdd."""
    (tmp_path / "test_plain.py").write_text("def test_plain():\n    assert True\n")
    result = _pytest(tmp_path, "-p", "no:pytest-bdd")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
