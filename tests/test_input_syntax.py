"""`.json` files and JSON on standard input are read as JSON (RFC 8259), YAML as YAML 1.2
core schema, everywhere files are read (profiles, packs, rule files); reason templates take
plain placeholders only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.errors import AdvisorError, InputError, RuleError
from advisor.files.packs import load_pack
from advisor.files.profiles import load_profile
from advisor.files.read import load_data_file
from advisor.files.yamlsafe import parse_document

MINI = Path(__file__).resolve().parent / "packs" / "mini"
VALID = {"organization": {"name": "x", "type": "hospital"}}


@pytest.mark.parametrize("name", ["Clinic 😀", "DEL\x7fhere", "U+FFFF \uffff", "NEL\x85kept"])
def test_valid_json_is_read_as_written(name: str, tmp_path: Path) -> None:
    """Python's json.dump escapes an emoji as a surrogate pair; DEL, U+FFFF and U+0085 raw."""
    data = {"organization": {"name": name, "type": "hospital"}}
    for ensure_ascii in (True, False):
        path = tmp_path / "p.json"
        path.write_text(json.dumps(data, ensure_ascii=ensure_ascii), encoding="utf-8")
        assert load_profile(path).profile.organization.name == name
    result = CliRunner().invoke(
        main, ["validate", str(path), "--rules", str(MINI)]
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["batch", "-", "--rules", str(MINI), "--output", "-"],
                                input=json.dumps(data) + "\n")
    assert result.exit_code == 0, result.output


def test_json_errors_have_lines_in_the_projects_words(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{\n  "organization": {"name": "x",\n   "type": "hospital",}\n}\n')
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert err.value.first.line == 3 and err.value.first.message.startswith("not valid JSON")
    path.write_text('{"organization": 1, "organization": 2}')
    with pytest.raises(InputError, match="duplicate key 'organization'"):
        load_profile(path)
    path.write_text('{"organization": {"name": "\\ud800", "type": "hospital"}}')
    with pytest.raises(InputError, match="lone surrogate"):
        load_profile(path)


@pytest.mark.parametrize("depth", [41, 1000, 100_000])
def test_deep_json_is_refused_without_recursion(depth: int, tmp_path: Path) -> None:
    text = '{"organization":' + "[" * depth + "]" * depth + "}"
    with pytest.raises(InputError, match="nested deeper than 40 levels"):
        parse_document(text, "p.json", "json")
    result = CliRunner().invoke(main, ["batch", "-", "--rules", str(MINI), "--output",
                                       str(tmp_path / "o.jsonl")], input=text + "\n")
    assert result.exit_code == 2 and "nested deeper" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "value"),
    [("NO", "NO"), ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"),
     ("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False),
     ("017", 17), ("0o17", 15), ("0x1F", 31), ("1_000", "1_000"), ("1:30", "1:30"),
     ("2027-01-01", "2027-01-01"), ("~", None), ("null", None), ("1e3", 1000.0)],
)
def test_yaml_is_read_with_the_core_schema(text: str, value: object) -> None:
    data, _ = parse_document(f"a: {text}\n", "x.yaml")
    assert data == {"a": value} and type(data["a"]) is type(value)


def test_norway_is_a_country_in_profiles_packs_and_rule_files(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("organization: {name: x, type: hospital, country: NO}\n")
    assert load_profile(path).profile.organization.country == "NO"
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "pack.yaml").write_text("name: mini\nversion: 0.0.1\ndescription: no\n")
    assert load_pack(pack).manifest.description == "no"
    answers = tmp_path / "a.yaml"
    answers.write_text("organization.country: NO\n")
    assert load_data_file(answers) == {"organization.country": "NO"}


def _pack_with_because(tmp_path: Path, because: str, segment: str = "physicians") -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "rules" / "extra.yaml").write_text(
        "id: people.test.template\ntitle: A template\npost: people\n"
        f"when: {{audience: {{segment: {segment}}}}}\n"
        "then: [{score: {channel: linkedin, weight: 1}}]\n"
        f"because: {json.dumps(because)}\nsource: F1.1\n"
    )
    return pack


@pytest.mark.parametrize(
    "because",
    ["{audience.segment:>100000000} read", "{audience.segment!r} read this",
     "{audience.segment!s:^9} read", "an empty {} placeholder", "a lone { brace here"],
)
def test_templates_take_plain_placeholders_only(because: str, tmp_path: Path) -> None:
    with pytest.raises(RuleError) as err:
        load_pack(_pack_with_because(tmp_path, because))
    (problem,) = err.value.problems
    assert problem.field == "because" and problem.line is not None
    assert problem.rule_id == "people.test.template"


def test_free_text_keeps_its_characters_only_values_are_humanized(tmp_path: Path) -> None:
    from advisor import Advisor

    because = "¯\\_(ツ)_/¯ snake_case stays; {audience.segment} read"
    with Advisor(_pack_with_because(tmp_path, because, "patients_general")) as advisor:
        report = advisor.assess(
            {**VALID, "audiences": [{"segment": "patients_general"}]}
        )
    texts = [r.text for a in report.every_channel() for r in a.reasons
             if r.rule_id == "people.test.template"]
    assert texts == ["¯\\_(ツ)_/¯ snake_case stays; patients general read"]


def test_a_file_that_is_not_a_pack_file_is_never_printed_back(tmp_path: Path) -> None:
    secret = "root:$6$" + "x" * 200 + ":19000:0:99999:7:::\n" + "daemon:*:19000:0:99999:7:::\n"
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "channels.yaml").write_text(secret)
    with pytest.raises(AdvisorError) as err:
        load_pack(pack)
    text = str(err.value)
    assert "daemon" not in text and "x" * 61 not in text


def test_echoed_keys_cannot_forge_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('organization: {name: x, type: hospital}\n"a\\nerror: forged": 1\n')
    result = CliRunner().invoke(main, ["validate", str(path), "--rules", str(MINI)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "a\\nerror: forged" in lines[0]
