"""`advisor rules show` as text (and JSON), and `advisor rules facts`: the references a rule
author reads with only the installed package."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from advisor.authoring.factdoc import fact_schema_markdown
from advisor.cli import main

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "packs" / "mini"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _section(out: str, heading: str) -> list[str]:
    """The lines under a heading of the text view, up to the blank line that ends it."""
    lines = out.splitlines()
    start = lines.index(heading) + 1
    end = lines.index("", start)
    return lines[start:end]


def test_show_prints_the_rule_in_words(tmp_path: Path) -> None:
    """The default view: title, where, POST/status/evidence, the condition as YAML-like lines,
    each effect as a sentence, the reason, source, compiled probes and naming scenarios."""
    feature = tmp_path / "p.feature"
    feature.write_text(
        "Feature: f\n\n  Scenario: physicians on LinkedIn\n"
        '    Then the rule "people.physicians.professional-networks" fires\n'
    )
    code, out = run(
        "rules", "show", "people.physicians.professional-networks",
        "--rules", str(MINI), "--features", str(tmp_path),
    )
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == "Physicians read professional news on professional networks"
    assert "  id        people.physicians.professional-networks" in lines
    assert f"  file      {MINI / 'rules' / 'people.yaml'}:1" in lines
    assert "  post      people" in lines and "  evidence  secondary" in lines
    assert _section(out, "when:") == [
        "  all:",
        "    - audience:",
        "        segment: physicians",
        "    - objective:",
        "        kind: one of talking, energizing",
    ]
    assert _section(out, "then:") == [
        "  - score +3 on linkedin (raises it in the ranking)",
        "  - kpi qualified reach among physicians (for objective talking, channel linkedin)",
    ]
    assert _section(out, "because:") == [
        "  {audience.segment} use professional networks for clinical news"
    ]
    assert _section(out, "source:") == ["  - F3.19"]  # one line per citation
    assert _section(out, "compiled:") == [
        "  stratum 0; 2 probes",
        "  p3  audience: segment eq physicians",
        "  p4  objective: kind eq energizing or kind eq talking",
    ]
    assert lines[-2:] == [
        "scenarios naming it: 1",
        f"  {feature}:3  physicians on LinkedIn",
    ]
    assert not out.lstrip().startswith("{")


def test_show_says_each_effect_with_its_fields() -> None:
    """block with its lift, derive name=value, precondition code and scope, a lowering score, a
    finding with its level, and `not:` in the condition."""
    blocks = run("rules", "show", "resources.capacity.low-no-community", "--rules", str(MINI))[1]
    assert _section(blocks, "then:") == [
        "  - block facebook_group: kept out of the ranking; lifted when: at least 5 staff hours a",
        "    week for community management",
        "  - derive community = blocked (a fact later rules can test)",
    ]
    assert "  stratum 1; 1 probe" in blocks
    slow = run("rules", "show", "bottlenecks.approval.slow", "--rules", str(MINI))[1]
    assert _section(slow, "then:") == [
        "  - score -3 on x_twitter (lowers it in the ranking)",
        "  - precondition pre-approved-library for every channel: Build a pre-approved message",
        "    library",
        "  - precondition evergreen-plan for youtube: Plan evergreen videos",
        "  - score +1 on youtube (raises it in the ranking)",
    ]
    assert _section(slow, "when:") == ["  bottlenecks:", "    approval_days: > 2"]
    note = run("rules", "show", "resources.capacity.community-note", "--rules", str(MINI))[1]
    assert _section(note, "when:")[-3:] == [
        "    - not:",
        "        bottlenecks:",
        "          no_social_policy: true",
    ]
    assert _section(note, "then:") == [
        "  - finding info join-existing-communities (its message is the rule's because)"
    ]
    assert "none found (give --features with the folders to search)" in note


def test_show_format_json_keeps_the_data() -> None:
    code, out = run(
        "rules", "show", "bottlenecks.approval.slow", "--rules", str(MINI), "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["id"] == "bottlenecks.approval.slow"
    assert data["rule"]["then"][0] == {"score": {"channel": "x_twitter", "weight": -3}}
    assert data["compiled"]["rule"]["formula"]


def test_show_text_of_an_unknown_rule_suggests_the_nearest_id() -> None:
    code, out = run("rules", "show", "bottlenecks.approval.slwo", "--rules", str(MINI))
    assert code == 2
    assert "did you mean 'bottlenecks.approval.slow'?" in out


def test_facts_markdown_is_docs_fact_schema_md() -> None:
    """`advisor rules facts --markdown` prints the committed reference, byte for byte."""
    code, out = run("rules", "facts", "--markdown")
    assert code == 0
    assert out == (REPO / "docs" / "fact-schema.md").read_text()
    assert out == fact_schema_markdown()


def test_facts_lists_every_kind_field_type_and_value() -> None:
    """The terminal view names each fact kind, each field with its type and operators, and the
    allowed values."""
    code, out = run("rules", "facts")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Facts a rule can test (as Markdown: advisor rules facts --markdown)"
    for kind in ("organization", "audience", "objective", "summary", "derived"):
        assert kind in lines
    assert "  need_to_connect              bool    eq, ne, exists" in lines
    hours = "  staff_hours_per_week         number  eq, ne, in, not_in, lt, le, gt, ge, exists"
    assert hours in lines
    assert "    values: micro, small, medium, large" in lines
    assert "    channel ids from channels.yaml" in lines
    assert "`" not in out
