"""Reports in every format from the same report model, and the published JSON Schemas."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from advisor import Advisor
from advisor.authoring.schema import SCHEMA_VERSION, schema_for
from advisor.cli import main
from advisor.render.html import render_html
from advisor.render.markdown import render_markdown

from .conftest import MINI_PACK, REPO

PROFILES = sorted((REPO / "profiles").glob("*.yaml"))
FORMATS = ["table", "json", "markdown", "html"]


def _run(*args: str, input: str | None = None) -> Any:
    # A table piped (not a terminal) is as wide as COLUMNS says, else 100: pin it, since a
    # test runner (pytest-xdist's workers, a CI shell) may set COLUMNS.
    return CliRunner(env={"COLUMNS": "120"}).invoke(
        main, list(args), input=input, catch_exceptions=False
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("profile", PROFILES, ids=[p.stem for p in PROFILES])
def test_every_shipped_profile_renders_in_every_format(
    profile: Path, fmt: str, tmp_path: Path
) -> None:
    """Each example profile assesses and renders in each format, written whole to --output."""
    out = tmp_path / f"report.{fmt}"
    result = _run("assess", str(profile), "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    organization = yaml.safe_load(profile.read_text())["organization"]["name"]
    if fmt == "json":
        assert json.loads(text)["organization"] == organization
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "<svg" in text
    else:
        assert organization in text
    assert not list(tmp_path.glob(".*.tmp")), "the temporary file was left behind"


def _blocked_report(mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]) -> Any:
    # No measurable objective: the mini pack raises a blocker finding.
    profile = make_profile(
        objectives=[{"kind": "talking", "goal": "Be more visible"}],
        bottlenecks={"approval_days": 5},
    )
    return mini_advisor.assess(profile)


def test_markdown_puts_findings_first_when_a_blocker_exists(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    report = _blocked_report(mini_advisor, make_profile)
    assert not report.ready
    text = render_markdown(report)
    assert text.index("## Findings") < text.index("## Recommended channels")
    assert "objectives-not-measurable" in text


def test_markdown_ranking_comes_first_when_ready(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    report = mini_advisor.assess(make_profile(bottlenecks={"approval_days": 5}))
    assert report.ready
    text = render_markdown(report)
    assert "## Findings" not in text or text.index("## Recommended") < text.index("## Findings")


def test_markdown_has_real_tables_every_reason_with_rule_id_and_evidence(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    report = _blocked_report(mini_advisor, make_profile)
    text = render_markdown(report)
    lines = text.splitlines()
    # A GitHub table: a header row followed by a delimiter row with the same cell count.
    header = lines.index("| # | Channel | Plan | Score | Main reason |")
    assert lines[header + 1].count("|") == lines[header].count("|")
    for advice in report.every_channel():
        for reason in advice.reasons:
            assert f"`{reason.rule_id}`" in text
            for ev in reason.evidence:
                assert f"`{ev.path}`" in text
    assert "## Resource plan" in text and "## Before any launch" in text and "## KPIs" in text
    assert "Build a pre-approved message library" in text


def test_markdown_escapes_table_breaking_text(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    profile = make_profile(organization={"name": "A | B <Clinic>", "type": "hospital"})
    text = render_markdown(mini_advisor.assess(profile))
    assert "A \\| B \\<Clinic\\>" in text


def test_html_is_self_contained_and_escapes_all_text(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    """No external reference at all, and text from the profile cannot inject markup."""
    profile = make_profile(
        organization={"name": "<script>alert(1)</script> & Co", "type": "hospital"},
        bottlenecks={"approval_days": 5},
    )
    report = mini_advisor.assess(profile)
    page = render_html(report)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    for external in ("http://", "https://", "src=", "<link", "@import", "url("):
        if external.startswith("http"):
            # The only URL-like text allowed is the SVG namespace, which is never fetched.
            assert page.replace('xmlns="http://www.w3.org/2000/svg"', "").count(external) == 0
        else:
            assert external not in page
    # The chart stacks terms by POST dimension: one rect per (channel, dimension) with points.
    dims = {(a.channel, t.post) for a in report.every_channel()
            for t in a.terms}
    assert page.count("<rect") == len(dims)
    for section in ("resource-plan", "kpis", "preconditions", "reasons", "chart"):
        assert f'id="{section}"' in page


def test_reports_are_byte_identical_across_runs(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    one = _blocked_report(mini_advisor, make_profile)
    two = _blocked_report(mini_advisor, make_profile)
    assert render_html(one) == render_html(two)
    assert render_markdown(one) == render_markdown(two)


def test_html_refuses_several_profiles_in_one_page(tmp_path: Path) -> None:
    profile = str(PROFILES[0])
    result = _run("assess", profile, profile, "--format", "html", "--output",
                  str(tmp_path / "x.html"))
    assert result.exit_code == 2
    assert "one page" in result.output
    assert not (tmp_path / "x.html").exists()


# ---------------------------------------------------------------- schemas


@pytest.mark.parametrize("name", ["report", "profile", "rule"])
def test_schema_command_prints_a_valid_versioned_json_schema(name: str) -> None:
    result = _run("schema", name)
    assert result.exit_code == 0
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["schema_version"] == (SCHEMA_VERSION if name != "report" else "2.0")


def test_report_json_validates_against_the_report_schema(
    mini_advisor: Advisor, make_profile: Callable[..., dict[str, Any]]
) -> None:
    report = _blocked_report(mini_advisor, make_profile)
    jsonschema.validate(json.loads(report.to_json()), schema_for("report"))


def _rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.name not in ("pack.yaml",
                                                                     "channels.yaml",
                                                                     "sources.yaml"))


def test_rule_schema_accepts_every_rule_file_of_the_packs() -> None:
    validator = jsonschema.Draft202012Validator(schema_for("rule"))
    files = _rule_files(MINI_PACK) + _rule_files(REPO / "rules")
    assert files
    for path in files:
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
        assert not errors, f"{path}: {errors[0].message}"


BAD_RULES = {
    "unknown operator": {"audience": {"segment": {"equals": "physicians"}}},
    "unknown fact": {"audiense": {"segment": "physicians"}},
    "unknown field": {"audience": {"segmnt": "physicians"}},
    "unknown value": {"audience": {"segment": "doctors"}},
    "order op on text": {"audience": {"segment": {"lt": 3}}},
    "list op on scalar": {"resources": {"staff_hours_per_week": {"contains": 3}}},
    "empty all": {"all": []},
    "nested bad": {"all": [{"not": {"any": [{"resources": {"moderation": "always"}}]}}]},
}


@pytest.mark.parametrize("when", BAD_RULES.values(), ids=list(BAD_RULES))
def test_rule_schema_rejects_what_the_rule_loader_rejects(when: dict[str, Any]) -> None:
    """The recursive all/any/not/frame schema catches the mistakes an editor should flag."""
    rule = {
        "id": "people.test.rule", "title": "A test rule", "post": "people",
        "when": when, "then": [{"score": {"channel": "linkedin", "weight": 2}}],
        "because": "because it is a test", "source": "F0.0",
    }
    validator = jsonschema.Draft202012Validator(schema_for("rule", ["linkedin"]))
    assert list(validator.iter_errors(rule))
    good = {**rule, "when": {"all": [{"audience": {"segment": "physicians"}},
                                     {"not": {"resources": {"staff_hours_per_week": {"lt": 5}}}},
                                     {"derived": "capacity"}]}}
    assert not list(validator.iter_errors(good))


def test_rule_schema_checks_effect_channels_against_the_catalogue() -> None:
    validator = jsonschema.Draft202012Validator(schema_for("rule", ["linkedin"]))
    rule = {
        "id": "people.test.rule", "title": "A test rule", "post": "people",
        "when": {"audience": {"segment": "physicians"}},
        "then": [{"score": {"channel": "linkdin", "weight": 2}}],
        "because": "because it is a test", "source": "F0.0",
    }
    assert list(validator.iter_errors(rule))


def test_shipped_profiles_validate_with_check_jsonschema(tmp_path: Path) -> None:
    """An independent validator (check-jsonschema) accepts every example profile, and rejects
    a broken one, so editors can rely on the published profile schema."""
    schema = tmp_path / "profile.schema.json"
    assert _run("schema", "profile", "--output", str(schema)).exit_code == 0
    tool = Path(sys.executable).with_name("check-jsonschema")
    ok = subprocess.run([str(tool), "--schemafile", str(schema), *map(str, PROFILES)],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: {name: X, type: hospital, colour: red}\n")
    bad = subprocess.run([str(tool), "--schemafile", str(schema), str(broken)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0


def test_channels_lists_the_catalogue_as_json_and_table() -> None:
    result = _run("channels", "--rules", str(MINI_PACK), "--format", "json")
    assert result.exit_code == 0
    ids = [c["id"] for c in json.loads(result.output)]
    assert ids == ["email_newsletter", "linkedin", "x_twitter", "youtube", "facebook_group"]
    table = _run("channels", "--rules", str(MINI_PACK), "--format", "table")
    assert "X (Twitter)" in table.output


@pytest.mark.parametrize(
    "command", ["assess", "schema", "channels", "explain", "whatif", "init", "batch"]
)
def test_every_workflow_command_has_help_with_an_example(command: str) -> None:
    result = _run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    docs = (REPO / "docs" / "workflows.md").read_text()
    assert f"advisor {command}" in docs


@pytest.mark.parametrize("fmt", ["markdown", "html", "table"])
def test_top_limits_the_recommended_channels_of_every_document(fmt: str, tmp_path: Path) -> None:
    """--top N keeps the first N recommended channels (ranking, chart, details, KPIs) and says
    how many more there are; not-recommended channels and the JSON report are unchanged."""
    profile = REPO / "profiles" / "medical-association.yaml"
    with Advisor() as advisor:
        report = advisor.assess(profile)
    ranked = report.ranked()
    assert len(ranked) > 3
    first, rest = ranked[:2], ranked[2:]
    out = tmp_path / f"top.{fmt}"
    result = _run("assess", str(profile), "--format", fmt, "--top", "2", "--output", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")

    def listed(advice: Any) -> bool:  # its row in the ranking or its detail heading
        if fmt == "markdown":
            return f"### {advice.name} (`{advice.channel}`)" in text
        if fmt == "html":
            return f"<summary>{advice.name} ({advice.channel})" in text
        return re.search(rf"│ +{advice.rank} │ {re.escape(advice.name)}", text) is not None

    assert all(listed(a) for a in first)
    assert not any(listed(a) for a in rest)
    hidden = len(rest)
    assert f"{hidden} more ranked channels are not shown (top 2 asked for)" in " ".join(
        text.split()
    )
    if fmt != "table":
        assert all(listed(a) for a in report.not_recommended)
    full = tmp_path / "full.json"
    _run("assess", str(profile), "--format", "json", "--top", "2", "--output", str(full))
    assert len(json.loads(full.read_text())["recommended"]) == len(report.recommended)


def test_markdown_evidence_is_escaped_once() -> None:
    """Evidence of the findings (traced in the appendix) renders as code spans and escaped text,
    not as literal backslashes and backticks (it was escaped twice)."""
    from advisor import Advisor
    from advisor.render.markdown import render_markdown

    with Advisor() as advisor:
        text = render_markdown(advisor.assess(REPO / "profiles" / "small-nonprofit.yaml"))
    appendix = text.split("## Appendix", 1)[1]
    findings = appendix.split("### Findings", 1)[1].split("\n### ", 1)[0]
    assert "\\`" not in findings and "\\\\_" not in findings
    assert "`bottlenecks.no_analytics` = true" in findings
