"""The compiler: golden compiled output, probe sharing, negation normal form, strata, cycles."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from advisor import RuleError, load_pack
from advisor.engine.compiler import And, Or, Ref, compile_pack, evaluate_formula, to_jsonable
from advisor.engine.durable import ruleset_json

from .conftest import MINI_PACK

GOLDEN = Path(__file__).parent / "golden" / "mini-compiled.json"


def test_compiled_form_matches_the_reviewed_golden_file() -> None:
    """Regenerate on purpose with ADVISOR_REGENERATE_GOLDEN=1 and review the diff."""
    compiled = compile_pack(load_pack(MINI_PACK))
    text = json.dumps(
        {
            "compiled": to_jsonable(compiled),
            "durable_rules": {"probe_shards": ruleset_json(compiled)},
        },
        indent=2,
        sort_keys=True,
    ) + "\n"
    if os.environ.get("ADVISOR_REGENERATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text()


def test_not_is_pushed_to_the_leaves() -> None:
    compiled = compile_pack(load_pack(MINI_PACK))
    gate = next(r for r in compiled.rules if r.id == "objectives.gate.not-measurable")
    assert gate.formula == Ref(gate.probes[0], positive=False)
    assert gate.fires_without_hits


def test_any_of_frames_is_a_disjunction_and_not_a_fire_without_hits() -> None:
    compiled = compile_pack(load_pack(MINI_PACK))
    email = next(r for r in compiled.rules if r.id == "people.any-audience.email")
    assert isinstance(email.formula, Or)
    assert not email.fires_without_hits


def test_formula_evaluation_follows_de_morgan() -> None:
    formula = And((Ref("a"), Or((Ref("b", False), Ref("c")))))
    assert evaluate_formula(formula, {"a": True})
    assert not evaluate_formula(formula, {"a": True, "b": True})
    assert evaluate_formula(formula, {"a": True, "b": True, "c": True})


def test_strata_follow_derived_fact_dependencies() -> None:
    compiled = compile_pack(load_pack(MINI_PACK))
    strata = {r.id: r.stratum for r in compiled.rules}
    assert strata["resources.capacity.low"] == 0
    assert strata["resources.capacity.low-no-community"] == 1
    assert strata["resources.capacity.community-note"] == 2


def test_a_cycle_of_derived_facts_is_a_load_error_naming_the_cycle(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(MINI_PACK, folder)
    (folder / "rules" / "cycle.yaml").write_text(
        "- id: resources.cycle.a\n  title: cycle a\n  post: resources\n  source: x1\n"
        "  because: a reason that is long enough\n"
        "  when: {derived: {name: beta}}\n  then: [{derive: {name: alpha}}]\n"
        "- id: resources.cycle.b\n  title: cycle b\n  post: resources\n  source: x1\n"
        "  because: a reason that is long enough\n"
        "  when: {derived: {name: alpha}}\n  then: [{derive: {name: beta}}]\n"
    )
    with pytest.raises(RuleError) as err:
        compile_pack(load_pack(folder))
    assert "resources.cycle.a -> resources.cycle.b -> resources.cycle.a" in str(err.value)
    assert err.value.first.file == f"{folder}/rules/cycle.yaml"
