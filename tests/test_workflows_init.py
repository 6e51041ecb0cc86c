"""`advisor init`: a guided interview in POST order that only ever writes a valid profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.workflows.interview import Question, build_profile, questions, run_interview

from .conftest import MINI_PACK
from .test_schema_coverage import schema_inputs

CHANNELS = ["email_newsletter", "facebook_group", "linkedin", "x_twitter", "youtube"]


def _invoke(args: list[str], input: str | None = None) -> Any:
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def _answers_for(by_key: dict[str, str]) -> str:
    """Typed input for the whole interview: given answers by key, Enter (default or skip)
    otherwise; one extra objective when the answers name objectives[1]."""
    lines: list[str] = []

    def ask(q: Question) -> Any:
        if q.key.startswith("more_objectives["):
            more = any(k.startswith("objectives[1].") for k in by_key) and q.key.endswith("[0]")
            lines.append("y" if more else "")
            return more
        lines.append(by_key.get(q.key, ""))
        # The answer as the prompt reads it, so the questions that follow from it (each
        # audience's and each current channel's details) are the ones the interview asks.
        return q.parse(by_key.get(q.key, q.default_text()))

    run_interview(ask, CHANNELS)
    return "\n".join(lines) + "\n"


def test_interview_walks_post_in_order() -> None:
    sections = [q.section for q in questions(CHANNELS)]
    order = ["organization", "people", "objectives", "strategy", "technology", "resources",
             "bottlenecks", "pain_points", "constraints"]
    firsts = [sections.index(s) for s in order]
    assert firsts == sorted(firsts)


def test_typed_interview_writes_a_profile_that_validate_accepts(tmp_path: Path) -> None:
    """Driven through click prompts: a bad answer is asked again, and the written file passes
    `advisor validate`."""
    out = tmp_path / "org.yaml"
    typed = _answers_for({
        "organization.name": "Riverside Clinic",
        "organization.type": "hospital",
        "audiences": "patients_general, caregivers",
        "objectives[0].kind": "talking",
        "objectives[0].metric": "newsletter sign-ups",
        "objectives[0].target": "300",
        "objectives[0].deadline": "2027-03-31",
        "objectives[1].kind": "listening",
        "objectives[1].goal": "Hear what patients ask",
        "resources.staff_hours_per_week": "8",
        "resources.skills": "writing, video",
        "pain_points": "patient_education_gap",
    })
    # A typo in the first answer that takes a choice: the prompt says so and asks again.
    typed = typed.replace("hospital\n", "hospitl\nhospital\n", 1)
    result = _invoke(["init", str(out), "--rules", str(MINI_PACK)], input=typed)
    assert result.exit_code == 0, result.output
    assert "did you mean 'hospital'?" in result.output
    assert "== People ==" in result.output
    data = yaml.safe_load(out.read_text())
    assert data["organization"] == {"name": "Riverside Clinic", "type": "hospital"}
    assert [a["segment"] for a in data["audiences"]] == ["patients_general", "caregivers"]
    assert [o["kind"] for o in data["objectives"]] == ["talking", "listening"]
    assert data["objectives"][0]["deadline"] == "2027-03-31"
    assert data["resources"]["skills"] == ["writing", "video"]
    check = _invoke(["validate", str(out), "--rules", str(MINI_PACK)])
    assert check.exit_code == 0, check.output


def test_defaults_make_a_valid_profile_without_questions(tmp_path: Path) -> None:
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--defaults"])
    assert result.exit_code == 0
    assert _invoke(["validate", str(out)]).exit_code == 0


def test_answers_file_makes_init_scriptable(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({
        "organization.name": "Lakeside Foundation",
        "organization.type": "health_foundation",
        "audiences": ["donors_small", "local_public"],
        "objectives[1].kind": "energizing",
        "objectives[1].goal": "Turn donors into advocates",
        "technology.required_channels": ["linkedin"],
        "bottlenecks.no_social_policy": True,
    }))
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--answers", str(answers), "--rules", str(MINI_PACK)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text())
    assert len(data["objectives"]) == 2
    assert data["technology"]["required_channels"] == ["linkedin"]
    assert data["bottlenecks"]["no_social_policy"] is True
    assert _invoke(["validate", str(out), "--rules", str(MINI_PACK)]).exit_code == 0


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"organization.typ": "hospital"}, "did you mean 'organization.type'?"),
        ({"resources.skills": ["writting"]}, "did you mean 'writing'?"),
        ({"resources.staff_hours_per_week": "many"}, "expected a number"),
        ({"technology.required_channels": ["tiktok"]}, "unknown choice 'tiktok'"),
    ],
)
def test_bad_answers_write_nothing_and_exit_2(
    answers: dict[str, Any], expected: str, tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers))
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--answers", str(path), "--rules", str(MINI_PACK)])
    assert result.exit_code == 2
    assert expected in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_answer_the_profile_model_rejects_is_never_written(tmp_path: Path) -> None:
    """Answers can pass each question and still break the profile (an over-long name)."""
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"organization.name": "x" * 600}))
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--answers", str(path)])
    assert result.exit_code == 2
    assert "organization.name" in result.output
    assert not out.exists()


def test_init_does_not_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "org.yaml"
    out.write_text("keep me\n")
    result = _invoke(["init", str(out), "--defaults"])
    assert result.exit_code == 2 and out.read_text() == "keep me\n"
    assert _invoke(["init", str(out), "--defaults", "--force"]).exit_code == 0


def test_build_profile_leaves_out_unanswered_optional_fields() -> None:
    data = build_profile({"organization.name": "X", "organization.type": "hospital",
                          "objectives[0].kind": "talking", "objectives[0].goal": "g",
                          "objectives[0].metric": None, "audiences": ["nurses"]})
    assert data == {"organization": {"name": "X", "type": "hospital"},
                    "objectives": [{"kind": "talking", "goal": "g"}],
                    "audiences": [{"segment": "nurses"}]}


def test_typed_interview_asks_audience_and_channel_details_and_what_resources_allow(
    tmp_path: Path,
) -> None:
    """What the rules read is asked: each audience's ages, priority and platforms, each current
    channel's results and following, expert review hours, moderation and approval days."""
    out = tmp_path / "org.yaml"
    typed = _answers_for({
        "organization.type": "hospital",
        "organization.country": "GB",
        "audiences": "patients_general, job_candidates",
        "audiences[0].ages": "50-64, 65-plus",
        "audiences[0].size": "12000",
        "audiences[0].platforms": "facebook_group, youtube",
        "audiences[0].need_to_connect": "y",
        "audiences[1].ages": "18-29",
        "audiences[1].career_stage": "early_career",
        "audiences[1].priority": "secondary",
        "technology.current_channels": "youtube, linkedin",
        "technology.current_channels[0].result": "good",
        "technology.current_channels[0].followers": "4200",
        "technology.current_channels[1].result": "none",
        "technology.current_channels[1].posts_per_week": "2",
        "resources.staff_hours_per_week": "0",
        "resources.sme_hours_per_month": "6",
        "resources.moderation": "business_hours",
        "bottlenecks.approval_days": "3",
    })
    result = _invoke(["init", str(out), "--rules", str(MINI_PACK)], input=typed)
    assert result.exit_code == 0, result.output
    assert "Audience 2 (job candidates): priority [primary/secondary] (Enter to skip)" in (
        result.output)
    data = yaml.safe_load(out.read_text())
    assert data["organization"]["country"] == "GB"
    assert data["audiences"] == [
        {"segment": "patients_general", "ages": ["50-64", "65-plus"], "size": 12000,
         "platforms": ["facebook_group", "youtube"], "need_to_connect": True},
        {"segment": "job_candidates", "ages": ["18-29"], "career_stage": "early_career",
         "priority": "secondary"},
    ]
    assert data["technology"]["current_channels"] == [
        {"channel": "youtube", "result": "good", "followers": 4200},
        {"channel": "linkedin", "result": "none", "posts_per_week": 2.0},
    ]
    # 0 hours is an answer and is kept; skills were skipped, so they are left out, not [].
    assert data["resources"] == {"staff_hours_per_week": 0.0, "sme_hours_per_month": 6.0,
                                 "moderation": "business_hours"}
    assert data["bottlenecks"] == {"approval_days": 3.0}


def test_skipped_answers_are_left_out_not_read_as_zero_or_none(tmp_path: Path) -> None:
    """--defaults skips every question without a default: no staff hours, skills, expert
    hours, budget, moderation or approval days are asserted."""
    out = tmp_path / "org.yaml"
    assert _invoke(["init", str(out), "--defaults"]).exit_code == 0
    data = yaml.safe_load(out.read_text())
    assert "resources" not in data and "bottlenecks" not in data
    assert data["audiences"] == [{"segment": "physicians"}]


def test_none_is_an_answer_where_it_is_a_choice_or_an_empty_list(tmp_path: Path) -> None:
    """Typed `none`: no moderation (a choice), no skills (an empty list); Enter skips."""
    by_key = {q.key: q for q in questions(CHANNELS)}
    assert by_key["resources.moderation"].parse("none") == "none"
    assert by_key["resources.moderation"].parse("") is None
    assert by_key["resources.skills"].parse("none") == []
    assert by_key["resources.skills"].parse("") is None
    assert by_key["resources.sme_hours_per_month"].parse("") is None
    assert by_key["resources.sme_hours_per_month"].parse("0") == 0
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"resources.skills": "none",
                                       "resources.moderation": "none"}))
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--answers", str(answers), "--rules", str(MINI_PACK)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(out.read_text())["resources"] == {"skills": [], "moderation": "none"}


def test_answers_file_gives_audience_and_channel_details(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({
        "organization.type": "medical_journal",
        "audiences": ["researchers", "journalists"],
        "audiences[0].participation": "collectors",
        "audiences[1].priority": "secondary",
        "technology.current_channels": ["x_twitter"],
        "technology.current_channels[0].followers": 450000,
        "technology.current_channels[0].result": "good",
    }))
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--answers", str(answers), "--rules", str(MINI_PACK)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text())
    assert data["audiences"] == [{"segment": "researchers", "participation": "collectors"},
                                 {"segment": "journalists", "priority": "secondary"}]
    assert data["technology"]["current_channels"] == [
        {"channel": "x_twitter", "result": "good", "followers": 450000}]


def test_a_detail_for_an_audience_not_named_is_refused(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"audiences": ["nurses"], "audiences[1].ages": ["18-29"],
                                       "audiences[0].priorty": "secondary"}))
    out = tmp_path / "org.yaml"
    result = _invoke(["init", str(out), "--answers", str(answers), "--rules", str(MINI_PACK)])
    assert result.exit_code == 2
    assert "no question has the key 'audiences[1].ages'" in result.output
    assert "audiences names fewer than 2 entries" in result.output
    assert "did you mean 'audiences[0].priority'?" in result.output
    assert not out.exists()


def test_the_interview_asks_for_every_profile_field() -> None:
    """Every field of the profile schema has a question, but the audience's segment and the
    current channel's id (the list answers give them) and the audience's name (a label)."""
    asked: list[str] = []

    def ask(q: Question) -> Any:
        asked.append(q.key.replace("[0]", "[]"))
        if q.key == "audiences":
            return ["nurses"]
        if q.key == "technology.current_channels":
            return ["youtube"]
        return q.parse(q.default_text())

    run_interview(ask, CHANNELS)
    given_by_lists = {"audiences[].segment", "audiences[].name",
                      "technology.current_channels[].channel"}
    missing = [
        path for path, _ in schema_inputs()
        if path not in asked and not any(k.startswith((f"{path}.", f"{path}[]")) for k in asked)
    ]
    assert sorted(missing) == sorted(given_by_lists)
