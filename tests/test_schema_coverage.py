"""Every input is read, or removed: each field of the profile schema, and each value of each of
its closed vocabularies (Literal fields and list items), is read by a rule condition of the
shipped pack (directly, through a summary fact, or through a computed field) whose rule reaches
the advice (an effect, or a derived fact another such rule reads), by the channel catalogue (the
skills a channel needs), or by a ranking or report step named below. A field or a value nothing
reads is a question the advisor asks a client for nothing.
"""

from __future__ import annotations

import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from pydantic import BaseModel

from advisor.files.packs import load_pack
from advisor.model.annotations import nested_model, union_members
from advisor.model.facts import FACT_SCHEMA, profile_to_facts
from advisor.model.profile import Profile
from advisor.rulebook.conditions import frames_of
from advisor.rulebook.effects import DeriveEffect
from advisor.rulebook.pack import RulePack
from advisor.rulebook.rules import Rule, derived_reads, derived_writes

from .conftest import REPO

# Profile paths read by code rather than by rules: path -> (module, values it reads).
# Each module's source must read the field (as `.name` or a quoted key) and mention each value,
# quoted, for the entry to count: a test below checks it, so an entry cannot outlive the code
# that reads the field.
CODE_READS: dict[str, tuple[str, tuple[str, ...]]] = {
    # The report and the brief are headed by the organization's name.
    "organization.name": ("advisor/advice/ranking.py", ()),
    # A score term's audience is named by the audience's own name where it has one.
    "audiences[].name": ("advisor/advice/ranking.py", ()),
    # A secondary audience's score terms count half (the score effect's PRIORITY_SCALE).
    "audiences[].priority": ("advisor/rulebook/effects/score.py", ("primary", "secondary")),
    # The measurement plan sets each KPI beside the objective's goal, target and date.
    "objectives[].goal": ("advisor/workflows/brief.py", ()),
    "objectives[].target": ("advisor/workflows/brief.py", ()),
    # Feasibility: hours and skills decide whether the team can run a channel at all.
    "resources.staff_hours_per_week": ("advisor/advice/plan.py", ()),
    "resources.skills": ("advisor/advice/tiers.py", ()),
    # What already runs: a good result anchors a channel; a poor one is not kept in the plan;
    # followers and posts a week are stated in the reasons and the brief.
    "technology.current_channels[].result": ("advisor/advice/tiers.py", ("good",)),
    "technology.current_channels[].followers": ("advisor/workflows/brief.py", ()),
    "technology.current_channels[].posts_per_week": ("advisor/workflows/brief.py", ()),
}

# Computed profile fields and the fields they are computed from.
COMPUTED = {
    "objectives[].measurable": (
        "objectives[].metric",
        "objectives[].target",
        "objectives[].deadline",
    ),
}

_VALUE_OPS = frozenset({"eq", "ne", "in", "not_in", "contains", "contains_any", "contains_all"})


def _literal_values(annotation: Any) -> tuple[str, ...]:
    """The values of a Literal field, of a list of Literal items, or () for an open field."""
    for member in union_members(annotation):
        if typing.get_origin(member) is Literal:
            return tuple(str(v) for v in typing.get_args(member))
        if typing.get_origin(member) is list:
            found = _literal_values(typing.get_args(member)[0])
            if found:
                return found
    return ()


def schema_inputs(
    model: type[BaseModel] = Profile, prefix: str = ""
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every field path of the profile schema with its closed vocabulary: `organization.type`,
    `audiences[].ages`, `technology.current_channels[].result`, ..."""
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        inner = nested_model(info.annotation)
        if inner is not None:
            is_list = any(typing.get_origin(m) is list for m in union_members(info.annotation))
            yield path, ()
            yield from schema_inputs(inner, f"{path}[]." if is_list else f"{path}.")
        else:
            yield path, _literal_values(info.annotation)


def _normal(path: str) -> str:
    """`audiences[0].segment` and `audiences[*].segment` as `audiences[].segment`; the item of
    a list of values (`pain_points[0]`) as the list (`pain_points`)."""
    return re.sub(r"\[(\d+|\*)\]", "[]", path).removesuffix("[]")


def _sample_profile() -> Profile:
    """A profile with one entry in every list, so every fact kind is built once."""
    return Profile.model_validate(
        {
            "organization": {"name": "Sample", "type": "hospital"},
            "audiences": [{"segment": "nurses"}],
            "objectives": [{"kind": "talking", "goal": "Be heard"}],
            "technology": {"current_channels": [{"channel": "youtube"}]},
            "pain_points": ["fundraising"],
        }
    )


def fact_field_paths() -> dict[tuple[str, str], tuple[str, ...]]:
    """(fact kind, field) -> the profile paths the field is made from, as the fact builder
    records them (summary fields through SUMMARY_PATHS; `has_metric` through `metric`)."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for fact in profile_to_facts(_sample_profile()):
        for name in FACT_SCHEMA[fact.kind]:
            path = _normal(fact.path_of(name))
            out[(fact.kind, name)] = COMPUTED.get(path, (path,))
    # The count of measurable objectives reads what `measurable` is computed from.
    out[("summary", "measurable_objective_count")] = COMPUTED["objectives[].measurable"]
    return out


def rules_with_effect(pack: RulePack) -> list[Rule]:
    """The rules whose reading of the profile reaches the advice: a rule with an effect other
    than `derive`, or one deriving a fact such a rule reads (forward chaining, to a fixpoint).
    A rule that only derives facts nobody reads reads the profile for nothing."""
    counted = {r.id for r in pack.rules if any(not isinstance(e, DeriveEffect) for e in r.then)}
    while True:
        read = set().union(*(derived_reads(r) for r in pack.rules if r.id in counted))
        more = {r.id for r in pack.rules if derived_writes(r) & read} - counted
        if not more:
            return [r for r in pack.rules if r.id in counted]
        counted |= more


def pack_reads(pack: RulePack) -> tuple[set[str], set[tuple[str, str]]]:
    """The profile paths the pack's rule conditions and channel catalogue read, and the
    (path, value) pairs of closed vocabularies they name."""
    paths = fact_field_paths()
    fields: set[str] = set()
    values: set[tuple[str, str]] = set()
    for rule in rules_with_effect(pack):
        for frame, _positive in frames_of(rule.when):
            for test in frame.tests:
                sources = paths.get((frame.kind, test.field), ())
                fields.update(sources)
                if test.op not in _VALUE_OPS:
                    continue
                named = test.value if isinstance(test.value, tuple) else (test.value,)
                values.update((p, str(v)) for p in sources for v in named)
    for channel in pack.catalogue.channels:
        if channel.skills:
            fields.add("resources.skills")
        values.update(("resources.skills", skill) for skill in channel.skills)
    return fields, values


def code_reads(repo: Path = REPO) -> tuple[set[str], set[tuple[str, str]], list[str]]:
    """The allow-list's paths and values, and a problem for each entry its module does not
    bear out (the module does not mention the field, or a value it is said to read)."""
    fields: set[str] = set()
    values: set[tuple[str, str]] = set()
    problems: list[str] = []
    for path, (module, read_values) in CODE_READS.items():
        source = (repo / module).read_text(encoding="utf-8")
        name = path.rsplit(".", 1)[-1]
        # Read as an attribute (`run.followers`) or a key (`fields.get("priority")`).
        if not re.search(rf"\.{re.escape(name)}\b|[\"']{re.escape(name)}[\"']", source):
            problems.append(f"{path}: {module} does not read '{name}'")
            continue
        fields.add(path)
        for value in read_values:
            if f'"{value}"' not in source:
                problems.append(f"{path} = {value}: {module} does not mention \"{value}\"")
            else:
                values.add((path, value))
    return fields, values, problems


def unread_inputs(pack: RulePack, repo: Path = REPO) -> list[str]:
    """Each profile field and closed-vocabulary value that neither the pack nor the allow-listed
    code reads; a field counts as read when one of the fields inside it is."""
    rule_fields, rule_values = pack_reads(pack)
    code_fields, code_values, _ = code_reads(repo)
    read = rule_fields | code_fields
    read_values = rule_values | code_values
    unread = []
    for path, vocabulary in schema_inputs():
        if path not in read and not any(r.startswith(f"{path}.") or r.startswith(f"{path}[]")
                                        for r in read):
            unread.append(path)
            continue
        unread += [f"{path} = {v}" for v in vocabulary if (path, v) not in read_values]
    return unread


def test_every_profile_field_and_value_is_read_by_the_shipped_pack_or_named_code() -> None:
    unread = unread_inputs(load_pack(REPO / "rules"))
    assert not unread, "nothing reads these profile inputs:\n  " + "\n  ".join(unread)


def test_every_allow_listed_field_is_mentioned_by_the_module_said_to_read_it() -> None:
    _, _, problems = code_reads()
    assert not problems, "\n".join(problems)


def test_the_walk_sees_every_model_field_list_item_and_vocabulary() -> None:
    inputs = dict(schema_inputs())
    assert inputs["organization.type"][-1] == "industry_affiliated"
    assert inputs["audiences[].ages"] == ("under-18", "18-29", "30-49", "50-64", "65-plus")
    assert inputs["technology.current_channels[].result"][2] == "fair"
    assert inputs["resources.skills"][4] == "analytics"
    assert "technology.current_channels" in inputs and inputs["technology.required_channels"] == ()
    assert inputs["constraints"][0] == "hipaa_phi" and "strategy.relationship_change" in inputs


def _drop_rules_naming(pack_dir: Path, word: str) -> int:
    """Remove from a copied pack every rule whose condition names `word`; how many went."""
    dropped = 0
    for path in pack_dir.rglob("*.yaml"):
        if path.name in ("pack.yaml", "channels.yaml", "sources.yaml"):
            continue
        rules = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        kept = [r for r in rules if not re.search(rf"\b{word}\b", repr(r.get("when")))]
        dropped += len(rules) - len(kept)
        if len(kept) != len(rules):
            if kept:
                path.write_text(yaml.safe_dump(kept, sort_keys=False), encoding="utf-8")
            else:
                path.unlink()
    return dropped


def test_a_pack_without_the_rules_that_read_a_value_is_reported(tmp_path: Path) -> None:
    pack_dir = tmp_path / "pack"
    shutil.copytree(REPO / "rules", pack_dir, ignore=shutil.ignore_patterns("__*"))
    assert _drop_rules_naming(pack_dir, "journalists") >= 1
    unread = unread_inputs(load_pack(pack_dir))
    assert unread == ["audiences[].segment = journalists"]


def test_a_rule_that_only_derives_an_unread_fact_does_not_count(tmp_path: Path) -> None:
    pack_dir = tmp_path / "pack"
    shutil.copytree(REPO / "rules", pack_dir, ignore=shutil.ignore_patterns("__*"))
    _drop_rules_naming(pack_dir, "journalists")
    (pack_dir / "people" / "dead-end.yaml").write_text(yaml.safe_dump([{
        "id": "people.journalists.dead-end",
        "title": "Reads journalists and tells nobody",
        "post": "people",
        "when": {"audience": {"segment": "journalists"}},
        "then": [{"derive": {"name": "press_audience"}}],
        "because": "The audience includes journalists.",
        "source": "pew-2025-social-media-use",
    }]), encoding="utf-8")
    pack = load_pack(pack_dir)
    assert "people.journalists.dead-end" not in {r.id for r in rules_with_effect(pack)}
    assert unread_inputs(pack) == ["audiences[].segment = journalists"]


def test_a_skill_no_rule_and_no_channel_needs_is_reported(tmp_path: Path) -> None:
    pack_dir = tmp_path / "pack"
    shutil.copytree(REPO / "rules", pack_dir, ignore=shutil.ignore_patterns("__*"))
    _drop_rules_naming(pack_dir, "analytics")
    catalogue = pack_dir / "channels.yaml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    for channel in data["channels"]:
        channel["skills"] = [s for s in channel["skills"] if s != "analytics"]
    catalogue.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert "resources.skills = analytics" in unread_inputs(load_pack(pack_dir))


def test_an_allow_list_entry_its_module_does_not_bear_out_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "advisor" / "reader.py"
    module.parent.mkdir()
    module.write_text('def read(run, size):\n    return run.result == "good" and size\n',
                      encoding="utf-8")
    monkeypatch.setattr(
        "tests.test_schema_coverage.CODE_READS",
        {
            "technology.current_channels[].result": ("advisor/reader.py", ("good", "fair")),
            "organization.size": ("advisor/reader.py", ()),
        },
    )
    fields, values, problems = code_reads(tmp_path)
    assert fields == {"technology.current_channels[].result"}
    assert values == {("technology.current_channels[].result", "good")}
    assert problems == [
        'technology.current_channels[].result = fair: advisor/reader.py does not mention "fair"',
        "organization.size: advisor/reader.py does not read 'size'",
    ]
