"""Problems are located at the user's own keys, whatever they are called: a key named like one of
Pydantic's labels (`date`, `str`, `int`, `float`, `bool`) is reported as the user wrote it, at
its line, never dropped (which once raised IndexError) or confused with its parent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advisor.errors import AdvisorError, Problem, RuleError
from advisor.files.packs import load_pack
from advisor.files.profiles import load_profile

MINI = Path(__file__).resolve().parent / "packs" / "mini"
LABELS = ["date", "str", "int", "float", "bool", "constrained-float", "[key]", "0"]
HEAD = "organization: {name: x, type: hospital}\n"


def problems_of(path: Path, loader: object = load_profile) -> list[Problem]:
    with pytest.raises(AdvisorError) as err:
        loader(path)  # type: ignore[operator]
    return err.value.problems


@pytest.mark.parametrize("key", LABELS)
def test_an_unknown_top_level_key_is_reported_whatever_its_name(key: str, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + f"'{key}': 2027-01-01\n")
    (problem,) = problems_of(path)
    assert (problem.line, problem.field) == (2, key)
    assert problem.message == f"unknown field '{key}'"


@pytest.mark.parametrize("key", LABELS)
def test_an_unknown_nested_key_is_reported_at_its_own_path(key: str, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        f"organization:\n  name: x\n  type: hospital\n  '{key}': 1\n"
        f"objectives:\n  - kind: talking\n    goal: g\n    '{key}': 1\n"
    )
    found = {(p.line, p.field, p.message) for p in problems_of(path)}
    assert found == {
        (4, f"organization.{key}", f"unknown field '{key}'"),
        (8, f"objectives[0].{key}", f"unknown field '{key}'"),
    }
    for problem in problems_of(path):
        assert problem.hint is None or "'organization'" not in problem.hint


@pytest.mark.parametrize("key", ["date", "str", "float"])
def test_an_unknown_key_in_a_pack_manifest_or_rule_is_located(key: str, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    with (pack / "pack.yaml").open("a") as f:
        f.write(f"{key}: 2027-01-01\n")
    (problem,) = problems_of(pack, load_pack)
    assert problem.field == key and problem.line == 4
    assert problem.file is not None and problem.file.endswith("pack.yaml")

    shutil.copy(MINI / "pack.yaml", pack / "pack.yaml")
    rules = pack / "rules" / "gates.yaml"
    rules.write_text(rules.read_text().replace("  source: F1.1\n", f"  source: F1.1\n  {key}: 1\n"))
    with pytest.raises(RuleError) as err:
        load_pack(pack)
    (problem,) = err.value.problems
    assert problem.field == key and problem.message == f"unknown field '{key}'"


def test_a_union_field_reports_its_own_path_not_a_branch_label(tmp_path: Path) -> None:
    """`value` of a derive effect is text, a boolean or a number: a wrong value is reported at
    `then[0].derive.value`, once, not once per branch under the branch's name."""
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "rules" / "extra.yaml").write_text(
        "id: people.test.derive\ntitle: A derived value\npost: people\n"
        "when: {audience: {segment: physicians}}\n"
        "then:\n  - derive: {name: thing, value: [1, 2]}\n"
        "because: a reason long enough\nsource: F1.1\n"
    )
    with pytest.raises(RuleError) as err:
        load_pack(pack)
    fields = [p.field for p in err.value.problems]
    assert fields == ["then[0].derive.value"]


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_a_number_that_is_not_finite_gets_the_projects_message(value: str, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        HEAD + "objectives:\n  - {kind: talking, goal: g, metric: m, target: " + value + "}\n"
        "resources: {staff_hours_per_week: " + value + "}\n"
    )
    problems = problems_of(path)
    assert {p.field for p in problems} == {"objectives[0].target", "resources.staff_hours_per_week"}
    for problem in problems:
        assert problem.message.startswith("a number must be finite"), problem
        assert "constrained" not in str(problem) and "less than" not in problem.message
