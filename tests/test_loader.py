"""The loader: profiles and rule packs read, validated and located by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor import InputError, ProfileError, RuleError, load_pack, load_profile
from advisor.files.profiles import parse_profile_text

from .conftest import MINI_PACK


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_misspelt_key_names_file_line_path_and_suggestion(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p.yaml",
        "organization:\n  name: X\n  type: hospital\naudiences:\n  - segmnt: nurses\n",
    )
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    messages = [str(p) for p in err.value.problems]
    assert f"{path}:5: audiences[0].segmnt: unknown field 'segmnt' (did you mean 'segment'?)" in (
        messages
    )


def test_every_validation_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = (
        "organization:\n  name: X\n  type: hospitl\n"
        "resources:\n  staff_hours_per_week: -3\n"
        "pain_points: [misinfo]\n"
    )
    with pytest.raises(ProfileError) as err:
        load_profile(write(tmp_path, "p.yaml", text))
    fields = {p.field: p for p in err.value.problems}
    assert set(fields) >= {"organization.type", "resources.staff_hours_per_week", "pain_points[0]"}
    assert fields["organization.type"].line == 3
    assert fields["organization.type"].hint == "did you mean 'hospital'?"
    assert fields["resources.staff_hours_per_week"].line == 5


def test_missing_required_field_points_at_its_parent(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as err:
        load_profile(write(tmp_path, "p.yaml", "organization:\n  type: hospital\n"))
    (problem,) = err.value.problems
    assert (problem.field, problem.line, problem.message) == (
        "organization.name",
        1,
        "required field is missing",
    )


def test_json_profiles_are_located_too(tmp_path: Path) -> None:
    text = (
        '{\n  "organization": {\n    "name": "X",\n    "type": "hospital",\n'
        '    "sise": "small"\n  }\n}\n'
    )
    with pytest.raises(ProfileError) as err:
        load_profile(write(tmp_path, "p.json", text))
    assert err.value.first.line == 5
    assert err.value.first.hint == "did you mean 'size'?"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n", "file is empty"),
        (b"\x00\x01binary", "binary"),
        ("organization: {name: M\xfcnchen}".encode("latin-1"), "not UTF-8"),
        (b"organization: [unclosed\n", "not valid YAML"),
        (b"a: &x [1]\nb: *x\n", "aliases"),
        (b"organization: {name: a, name: b}\n", "duplicate key"),
        (b"x: !!python/object:os.system ls\n", "not allowed"),
        (b"- just\n- a list\n", "a profile is a mapping"),
    ],
)
def test_unreadable_documents_give_one_clear_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    with pytest.raises((InputError, ProfileError)) as err:
        load_profile(write(tmp_path, "p.yaml", content))
    assert message in str(err.value)
    assert str(tmp_path / "p.yaml") in str(err.value)


def test_deep_nesting_is_refused_before_it_hurts() -> None:
    text = "a: " + "[" * 200 + "]" * 200
    with pytest.raises(InputError, match="nested deeper"):
        parse_profile_text(text, "deep.yaml")


def test_alias_bomb_is_refused() -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    with pytest.raises(InputError, match="aliases"):
        parse_profile_text(bomb, "bomb.yaml")


def test_missing_file_and_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_profile(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a folder"):
        load_profile(tmp_path)


def test_default_pack_loads_from_the_installed_package() -> None:
    pack = load_pack()
    assert pack.manifest.name == "healthcare-social"
    assert len(pack.catalogue.channels) >= 15
    assert len(pack.content_hash) == 64


def test_pack_hash_changes_with_content(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "pack"
    shutil.copytree(MINI_PACK, copy)
    before = load_pack(copy).content_hash
    (copy / "pack.yaml").write_text((copy / "pack.yaml").read_text() + "# edit\n")
    assert load_pack(copy).content_hash != before
    assert load_pack(MINI_PACK).content_hash == load_pack(MINI_PACK).content_hash


def _pack_with_rule(tmp_path: Path, rule_yaml: str) -> Path:
    import shutil

    folder = tmp_path / "pack"
    shutil.copytree(MINI_PACK, folder)
    write(folder / "rules", "extra.yaml", rule_yaml)
    return folder


RULE_HEAD = "id: people.test.rule\ntitle: A test rule\npost: people\nsource: F1.1\n"


@pytest.mark.parametrize(
    ("body", "line", "field", "message", "hint"),
    [
        (
            "when: {audience: {segmant: physicians}}\n"
            "then: [{score: {channel: linkedin, weight: 1}}]\n",
            6,
            "when.audience.segmant",
            "unknown field 'segmant' of audience",
            "did you mean 'segment'?",
        ),
        (
            "when: {audience: {segment: physician}}\n"
            "then: [{score: {channel: linkedin, weight: 1}}]\n",
            6,
            "when.audience.segment",
            "unknown value 'physician'",
            "did you mean 'physicians'?",
        ),
        (
            "when: {audience: {segment: nurses}}\nthen: [{score: {channel: linkdin, weight: 1}}]\n",
            7,
            "then[0].score.channel",
            "unknown channel 'linkdin'",
            "did you mean 'linkedin'?",
        ),
        (
            "when: {audiance: {segment: nurses}}\n"
            "then: [{score: {channel: linkedin, weight: 1}}]\n",
            6,
            "when.audiance",
            "unknown fact 'audiance'",
            "did you mean 'audience'?",
        ),
        (
            "when: {resources: {staff_hours_per_week: {lower: 3}}}\n"
            "then: [{score: {channel: linkedin, weight: 1}}]\n",
            6,
            "when.resources.staff_hours_per_week.lower",
            "unknown operator 'lower'",
            None,
        ),
        (
            "when: {resources: {staff_hours_per_week: {lt: '10'}}}\n"
            "then: [{score: {channel: linkedin, weight: 1}}]\n",
            6,
            "when.resources.staff_hours_per_week.lt",
            "expected a number, got '10'",
            None,
        ),
        (
            "when: {audience: {segment: nurses}}\nthen: [{scor: {channel: linkedin, weight: 1}}]\n",
            7,
            "then[0].scor",
            "unknown effect 'scor'",
            "did you mean 'score'?",
        ),
    ],
)
def test_rule_problems_name_file_line_rule_field_and_suggestion(
    tmp_path: Path, body: str, line: int, field: str, message: str, hint: str | None
) -> None:
    folder = _pack_with_rule(tmp_path, RULE_HEAD + "because: a reason that is long enough\n" + body)
    with pytest.raises(RuleError) as err:
        load_pack(folder)
    (problem,) = err.value.problems
    assert problem.file == f"{folder}/rules/extra.yaml"
    assert problem.rule_id == "people.test.rule"
    assert (problem.line, problem.field, problem.message) == (line, field, message)
    if hint:
        assert problem.hint == hint


def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    rule = (
        "id: people.physicians.professional-networks\ntitle: Again\npost: people\nsource: x1\n"
        "because: a reason that is long enough\nwhen: {audience: {segment: nurses}}\n"
        "then: [{score: {channel: linkedin, weight: 1}}]\n"
    )
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_pack(_pack_with_rule(tmp_path, rule))


def test_reading_a_derived_fact_nobody_derives_is_refused(tmp_path: Path) -> None:
    rule = (
        RULE_HEAD + "because: a reason that is long enough\n"
        "when: {derived: {name: capasity}}\nthen: [{score: {channel: linkedin, weight: 1}}]\n"
    )
    with pytest.raises(RuleError) as err:
        load_pack(_pack_with_rule(tmp_path, rule))
    assert "reads derived fact 'capasity' that no rule derives" in str(err.value)
    assert "did you mean 'capacity'?" in str(err.value)


def test_template_placeholders_must_name_matched_facts(tmp_path: Path) -> None:
    rule = (
        RULE_HEAD + "because: '{objective.kind} is not matched by this rule'\n"
        "when: {audience: {segment: nurses}}\nthen: [{score: {channel: linkedin, weight: 1}}]\n"
    )
    with pytest.raises(RuleError, match="placeholder"):
        load_pack(_pack_with_rule(tmp_path, rule))


def _shipped_data_files() -> list[Path]:
    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "rules").rglob("*.yaml")), *sorted((root / "profiles").glob("*.yaml"))]
    corpus = root / "tests" / "reliability" / "corpus"
    return files + sorted(corpus.rglob("*.yaml"))


def test_libyaml_and_pure_python_parsing_agree_on_data_lines_and_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fast loader (libyaml's parser under PyYAML's composer) and the pure-Python fallback
    give the same data, the same line of every path, and the same verdict and line on broken
    files."""
    from advisor.errors import AdvisorError
    from advisor.files import yamlsafe

    assert yamlsafe._Loader is not yamlsafe._PurePythonLoader, "libyaml should be in use here"

    def parse(path: Path) -> object:
        try:
            text = path.read_bytes().decode("utf-8")
            return yamlsafe.parse_document(text, path.name)
        except UnicodeDecodeError:
            return "not UTF-8"
        except AdvisorError as err:
            return ("refused", err.problems[0].line)  # the wording may differ, not the line

    files = _shipped_data_files()
    fast = [parse(p) for p in files]
    monkeypatch.setattr(yamlsafe, "_Loader", yamlsafe._PurePythonLoader)
    slow = [parse(p) for p in files]
    differ = [p.name for p, a, b in zip(files, fast, slow, strict=True) if a != b]
    # What libyaml alone refuses (a lone surrogate escape) is read by the pure-Python parser and
    # refused by the project's own check, in the project's words: no file differs.
    assert differ == []
    assert len(files) > 200


def test_a_named_derived_placeholder_gives_that_derived_facts_value(tmp_path: Path) -> None:
    """`{derived.capacity}` and `{derived.community}` name each derived fact's value, where
    `{derived.value}` would join both; a name the rule does not match is a located error."""
    from advisor import Advisor

    rule = (
        RULE_HEAD + "because: 'capacity {derived.capacity}, community {derived.community}'\n"
        "when:\n  all:\n    - derived: {name: capacity, value: low}\n"
        "    - derived: {name: community}\n"
        "then: [{score: {channel: linkedin, weight: 1}}]\n"
    )
    with Advisor(_pack_with_rule(tmp_path, rule)) as advisor:
        report = advisor.assess(
            {
                "organization": {"name": "Tiny", "type": "small_nonprofit"},
                "audiences": [{"segment": "nurses"}],
                "objectives": [{"kind": "talking", "goal": "g"}],
                "resources": {"staff_hours_per_week": 2},
            }
        )
    linkedin = report.channel("linkedin")
    assert linkedin is not None
    texts = [r.text for r in linkedin.reasons if r.rule_id == "people.test.rule"]
    assert texts == ["capacity low, community blocked"]
    wrong = rule.replace("{derived.community}", "{derived.comunity}")
    with pytest.raises(RuleError) as err:
        load_pack(_pack_with_rule(tmp_path / "b", wrong))
    assert "does not match a derived fact 'comunity'" in str(err.value)
    assert "did you mean 'community'?" in str(err.value)
