"""Rules: a rule file's metadata, its reason template, and the parser that validates a whole rule
(condition, effects, template) reporting every problem in one pass. Knows nothing of any
engine."""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from advisor.errors import shown
from advisor.model.facts import FACT_SCHEMA
from advisor.model.post import Post
from advisor.model.suggest import did_you_mean, nearest
from advisor.rulebook.conditions import Condition, frames_of, parse_condition
from advisor.rulebook.effects import DeriveEffect, Effect, EffectModel, parse_effect
from advisor.rulebook.language import (
    RULE_ID,
    Grade,
    LocatedProblem,
    Problems,
    Status,
    pydantic_problems,
)


def _citations(value: Any) -> Any:
    """A rule's `source`: the string form rule files use ("a; b") as one citation per part."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";")]
    return value


class RuleMeta(BaseModel):
    """The fields of a rule file other than `when` and `then`, validated by Pydantic."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(max_length=120)]
    title: Annotated[str, Field(min_length=3, max_length=200)]
    post: Post
    because: Annotated[str, Field(min_length=10, max_length=1000)]
    # Bibliography ids ("a; b" or a list); free text in a pack without a bibliography.
    source: Annotated[
        list[Annotated[str, Field(min_length=2, max_length=1000)]],
        BeforeValidator(_citations, json_schema_input_type=str | list[str]),
        Field(min_length=1, max_length=20),
    ]
    rationale: Annotated[str, Field(min_length=3, max_length=2000)] | None = None
    evidence: Grade = "secondary"
    status: Status = "stable"
    tags: list[Annotated[str, Field(pattern=r"^[a-z0-9-]{1,40}$")]] = Field(
        default_factory=list, max_length=20
    )
    when: Any
    then: Any

    @field_validator("id")
    @classmethod
    def _namespaced(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(
                "rule ids are namespaced kebab-case, e.g. people.physicians.professional-networks"
            )
        return value


@dataclass(frozen=True)
class Rule:
    """A validated rule: metadata, a parsed condition and its effects."""

    meta: RuleMeta
    when: Condition
    then: tuple[Effect, ...]

    @property
    def id(self) -> str:
        return self.meta.id



_FORMATTER = string.Formatter()


@lru_cache(maxsize=4096)
def template_fields(template: str) -> tuple[str, ...]:
    """The `{kind.field}` placeholders of a reason template (parsed once per template: every
    report fills the same few hundred)."""
    return tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def _check_template(template: str, condition: Condition) -> None:
    positive_kinds = {frame.kind for frame, positive in frames_of(condition) if positive}
    try:
        parts = list(_FORMATTER.parse(template))
    except ValueError:
        raise LocatedProblem(
            ("because",),
            "bad template: a '{' or '}' without its pair",
            "write {{ and }} for literal braces",
        ) from None
    for _, name, spec, conversion in parts:
        if name is not None and (spec or conversion):
            written = f"{{{name}{'!' + conversion if conversion else ''}"
            written += f"{':' + spec if spec else ''}}}"
            raise LocatedProblem(
                ("because",),
                f"placeholder {shown(written)} has a conversion or format: reason templates "
                "take plain placeholders",
                f"write {{{name}}}" if name else None,
            )
        if name == "":
            raise LocatedProblem(("because",), "an empty placeholder {} names no fact field")
    names = template_fields(template)
    derived_names = derived_reads_positively(condition)
    for name in names:
        kind, _, field = name.partition(".")
        if kind not in positive_kinds or not field:
            raise LocatedProblem(
                ("because",),
                f"placeholder {{{name}}} must be {{fact.field}} of a fact the rule matches",
                f"the rule matches {', '.join(sorted(positive_kinds)) or 'no fact positively'}",
            )
        if kind == "derived" and field not in FACT_SCHEMA[kind]:
            # {derived.capacity}: the value of the derived fact named capacity.
            if field not in derived_names:
                raise LocatedProblem(
                    ("because",),
                    f"placeholder {{{name}}}: the rule does not match a derived fact '{field}'",
                    did_you_mean(field, derived_names)
                    or f"it matches {', '.join(sorted(derived_names)) or 'no named derived fact'}",
                )
            continue
        if field not in FACT_SCHEMA[kind]:
            raise LocatedProblem(
                ("because",),
                f"unknown field '{field}' of {kind} in placeholder {{{name}}}",
                did_you_mean(field, FACT_SCHEMA[kind]),
            )


def _key_meant(data: Mapping[Any, Any], key: str) -> Any:
    """`key` if the rule has it, else an unknown key that is its nearest misspelling, else None."""
    if key in data:
        return key
    fields = RuleMeta.model_fields
    for candidate in data:
        if candidate not in fields and nearest(str(candidate), fields) == [key]:
            return candidate
    return None


def parse_rule(data: Any, channels: frozenset[str]) -> Rule:
    """Validate one rule's data; raise LocatedProblem (path inside the rule) for its first
    problem, with the problems of its other parts (fields, conditions, effects) in `others`."""
    if not isinstance(data, Mapping):
        raise LocatedProblem((), "a rule is a mapping with id, title, post, when, then, ...")
    problems = Problems()
    meta: RuleMeta | None = None
    try:
        meta = RuleMeta.model_validate(dict(data))
    except ValidationError as err:
        problems.found += pydantic_problems(err, RuleMeta, dict(data), ())
    # The condition and the effects are checked even when the metadata is wrong, and under a
    # misspelt key too (`wehn:`), so one round of fixes is enough.
    when_key, then_key = _key_meant(data, "when"), _key_meant(data, "then")
    when = None
    if when_key is not None:
        when = problems.attempt(parse_condition, data[when_key], (when_key,), channels)
    then: list[Effect | None] = []
    if then_key is not None:
        raw_then = data[then_key]
        if not isinstance(raw_then, list) or not raw_then:
            problems.found.append(
                LocatedProblem((then_key,), "'then' takes a non-empty list of effects")
            )
        else:
            then = [
                problems.attempt(parse_effect, e, (then_key, i), channels)
                for i, e in enumerate(raw_then)
            ]
    if meta is not None and when is not None:
        problems.attempt(_check_template, meta.because, when)
    problems.raise_any()
    assert meta is not None and when is not None  # no problem means both parsed
    return Rule(meta, when, tuple(e for e in then if e is not None))


def derived_reads_positively(condition: Condition) -> set[str]:
    """Names of the derived facts a condition needs to hold (not under a `not`)."""
    return {
        str(test.value)
        for frame, positive in frames_of(condition)
        if positive and frame.kind == "derived"
        for test in frame.tests
        if test.field == "name" and test.op == "eq"
    }


def derived_reads(rule: Rule) -> set[str]:
    """Names of the derived facts a rule's condition reads (positively or not)."""
    names: set[str] = set()
    for frame, _ in frames_of(rule.when):
        if frame.kind == "derived":
            for test in frame.tests:
                if test.field == "name" and test.op == "eq":
                    names.add(str(test.value))
    return names


def derived_writes(rule: Rule) -> set[str]:
    return {e.name for e in rule.then if isinstance(e, DeriveEffect)}


def effects_of(rules: Sequence[Rule], kind: type[EffectModel]) -> Iterator[tuple[Rule, Any]]:
    for rule in rules:
        for effect in rule.then:
            if isinstance(effect, kind):
                yield rule, effect

