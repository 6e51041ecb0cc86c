"""The rule language: validated rule models and the parser of `when` conditions, checked against
the fact schema and the channel catalogue. Knows nothing of any engine."""

from __future__ import annotations

import re
import string
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from advisor.errors import shown
from advisor.model.facts import CHANNEL_FIELDS, FACT_SCHEMA, FieldSpec, Scalar
from advisor.model.located import located_problems
from advisor.model.suggest import did_you_mean, nearest

Post = Literal[
    "people",
    "objectives",
    "strategy",
    "technology",
    "resources",
    "bottlenecks",
    "pain_points",
    "constraints",
]
POST_ORDER: tuple[str, ...] = typing.get_args(Post)
Status = Literal["experimental", "stable", "deprecated"]
Grade = Literal["primary", "secondary", "vendor", "inference"]
Level = Literal["info", "warning", "blocker"]
Op = Literal[
    "eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "exists", "contains", "contains_any",
    "contains_all",
]
OPS: tuple[str, ...] = typing.get_args(Op)
RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9-]*)+$")
CODE = r"^[a-z][a-z0-9-]{1,60}$"
YamlPath = tuple[str | int, ...]
ALL_CHANNELS = "all"


class LocatedProblem(Exception):
    """A problem at a path inside one rule's data; the loader turns the path into a line.
    Raised for the first problem of a rule, carrying the rule's other problems in `others`."""

    def __init__(self, path: YamlPath, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.hint = hint
        self.others: list[LocatedProblem] = []

    @property
    def every(self) -> list[LocatedProblem]:
        return [self, *self.others]


T = TypeVar("T")


class _Problems:
    """Collects the problems of independent parts of one rule, so an author sees them all."""

    def __init__(self) -> None:
        self.found: list[LocatedProblem] = []

    def attempt(self, parse: Callable[..., T], *args: Any) -> T | None:
        """parse(*args), or None with its problems recorded."""
        try:
            return parse(*args)
        except LocatedProblem as problem:
            self.found.extend(problem.every)
            return None

    def raise_any(self) -> None:
        if self.found:
            first, *rest = self.found
            first.others = rest
            raise first


# ---------------------------------------------------------------- conditions


@dataclass(frozen=True)
class FieldTest:
    """One test of one field of one fact, e.g. `segment eq physicians`."""

    field: str
    op: str
    value: Scalar | tuple[Scalar, ...]


@dataclass(frozen=True)
class Frame:
    """There is a fact of `kind` on which every test holds."""

    kind: str
    tests: tuple[FieldTest, ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class NotOf:
    item: Condition


Condition = Frame | AllOf | AnyOf | NotOf


def frames_of(condition: Condition) -> Iterator[tuple[Frame, bool]]:
    """Every frame of a condition with whether it is read positively (not under an odd `not`)."""

    def walk(node: Condition, positive: bool) -> Iterator[tuple[Frame, bool]]:
        if isinstance(node, Frame):
            yield node, positive
        elif isinstance(node, NotOf):
            yield from walk(node.item, not positive)
        else:
            for item in node.items:
                yield from walk(item, positive)

    return walk(condition, True)


_LIST_OPS = {"contains", "contains_any", "contains_all", "exists"}
_ORDER_OPS = {"lt", "le", "gt", "ge"}


def _check_scalar(
    value: Any, spec: FieldSpec, path: YamlPath, channels: frozenset[str], is_channel: bool
) -> Scalar:
    """One value a field is compared with must have the field's type (durable_rules itself would
    happily find "10" equal to 10)."""
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise LocatedProblem(path, f"expected true or false, got {value!r}")
        return value
    if spec.type in ("int", "number"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise LocatedProblem(path, f"expected a number, got {value!r}")
        # NaN passes every comparison and cannot be serialized for the engine: refuse it too.
        if not abs(value) <= 1e12:
            raise LocatedProblem(path, f"number {value!r} is out of range (at most 1e12)")
        return value
    if spec.type == "text" and isinstance(value, bool | int | float):
        if isinstance(value, float) and not abs(value) <= 1e12:
            raise LocatedProblem(path, f"number {value!r} is out of range (at most 1e12)")
        return value
    if not isinstance(value, str):
        raise LocatedProblem(path, f"expected text, got {value!r}")
    if len(value.encode()) > 1000:
        raise LocatedProblem(path, "text values in conditions are limited to 1000 bytes")
    if spec.choices is not None and value not in spec.choices:
        raise LocatedProblem(
            path, f"unknown value '{value}'", did_you_mean(value, spec.choices)
        )
    if is_channel and value not in channels:
        raise LocatedProblem(path, f"unknown channel '{value}'", did_you_mean(value, channels))
    return value


def _parse_test(
    kind: str,
    name: str,
    op: str,
    value: Any,
    spec: FieldSpec,
    path: YamlPath,
    channels: frozenset[str],
) -> FieldTest:
    is_channel = (kind, name) in CHANNEL_FIELDS
    item_spec = FieldSpec("str", spec.choices) if spec.type == "list" else spec
    if op == "exists":
        if not isinstance(value, bool):
            raise LocatedProblem(path, "exists takes true or false")
        return FieldTest(name, op, value)
    if spec.type == "list" and op not in _LIST_OPS:
        raise LocatedProblem(
            path,
            f"'{op}' does not apply to the list field '{name}'",
            "use contains, contains_any, contains_all or a count field of the summary",
        )
    if spec.type != "list" and op in _LIST_OPS:
        raise LocatedProblem(path, f"'{op}' applies to list fields only; '{name}' is not a list")
    if op in _ORDER_OPS and spec.type not in ("int", "number"):
        raise LocatedProblem(path, f"'{op}' compares numbers; '{name}' is {spec.type}")
    if op in ("in", "not_in", "contains_any", "contains_all"):
        if not isinstance(value, list) or not value:
            raise LocatedProblem(path, f"'{op}' takes a non-empty list of values")
        if len(value) > 50:
            raise LocatedProblem(path, f"'{op}' takes at most 50 values")
        items = tuple(
            _check_scalar(v, item_spec, (*path, i), channels, is_channel)
            for i, v in enumerate(value)
        )
        return FieldTest(name, op, items)
    if isinstance(value, list | dict) or value is None:
        raise LocatedProblem(path, f"'{op}' takes one value, got {value!r}")
    return FieldTest(name, op, _check_scalar(value, item_spec, path, channels, is_channel))


def _parse_frame(
    kind: str, body: Any, path: YamlPath, channels: frozenset[str]
) -> Frame:
    if isinstance(body, str) and kind == "derived":
        body = {"name": body}
    if not isinstance(body, Mapping) or not body:
        raise LocatedProblem(path, f"'{kind}' takes a mapping of field: test")
    tests: list[FieldTest] = []
    problems = _Problems()
    for name, raw in body.items():
        found = problems.attempt(_parse_field, kind, name, raw, (*path, name), channels)
        tests += found or []
    problems.raise_any()
    if kind == "derived" and not any(t.field == "name" and t.op == "eq" for t in tests):
        raise LocatedProblem(path, "a derived condition must name the derived fact (name: ...)")
    return Frame(kind, tuple(tests))


def _parse_field(
    kind: str, name: Any, raw: Any, field_path: YamlPath, channels: frozenset[str]
) -> list[FieldTest]:
    """The tests of one field of a frame: `{op: value, ...}` or a shorthand."""
    schema = FACT_SCHEMA[kind]
    if name not in schema:
        raise LocatedProblem(
            field_path, f"unknown field '{name}' of {kind}", did_you_mean(str(name), schema)
        )
    spec = schema[name]
    if isinstance(raw, Mapping):
        if not raw:
            raise LocatedProblem(field_path, "empty test")
        tests: list[FieldTest] = []
        problems = _Problems()
        for op, value in raw.items():
            if op not in OPS:
                problems.found.append(
                    LocatedProblem(
                        (*field_path, op), f"unknown operator '{op}'", did_you_mean(str(op), OPS)
                    )
                )
                continue
            test = problems.attempt(
                _parse_test, kind, name, op, value, spec, (*field_path, op), channels
            )
            if test is not None:
                tests.append(test)
        problems.raise_any()
        return tests
    # Shorthands: a scalar is equality (membership for a list field); a list is "one of".
    if spec.type == "list":
        op = "contains_any" if isinstance(raw, list) else "contains"
    else:
        op = "in" if isinstance(raw, list) else "eq"
    return [_parse_test(kind, name, op, raw, spec, field_path, channels)]


def parse_condition(data: Any, path: YamlPath, channels: frozenset[str]) -> Condition:
    """Parse the `when` tree: all / any / not, or a frame `{fact kind: {field: test}}`."""
    if not isinstance(data, Mapping) or len(data) != 1:
        raise LocatedProblem(
            path, "a condition is one of all: [...], any: [...], not: {...} or {fact: {...}}"
        )
    ((key, body),) = data.items()
    here = (*path, key)
    if key in ("all", "any"):
        if not isinstance(body, list) or not body:
            raise LocatedProblem(here, f"'{key}' takes a non-empty list of conditions")
        problems = _Problems()
        parsed = [
            problems.attempt(parse_condition, item, (*here, i), channels)
            for i, item in enumerate(body)
        ]
        problems.raise_any()
        items = tuple(item for item in parsed if item is not None)
        return AllOf(items) if key == "all" else AnyOf(items)
    if key == "not":
        return NotOf(parse_condition(body, here, channels))
    if key not in FACT_SCHEMA:
        raise LocatedProblem(
            here,
            f"unknown fact '{key}'",
            did_you_mean(str(key), [*FACT_SCHEMA, "all", "any", "not"]),
        )
    return _parse_frame(str(key), body, here, channels)


# ---------------------------------------------------------------- effects


class _Effect(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Score(_Effect):
    channel: str
    weight: Annotated[int, Field(ge=-10, le=10)]

    @field_validator("weight")
    @classmethod
    def _nonzero(cls, weight: int) -> int:
        if weight == 0:
            raise ValueError("a score weight of 0 does nothing")
        return weight


class Block(_Effect):
    channel: str
    lift: Annotated[str, Field(min_length=3, max_length=500)]


class Precondition(_Effect):
    channel: str = ALL_CHANNELS
    code: Annotated[str, Field(pattern=CODE)]
    text: Annotated[str, Field(min_length=3, max_length=500)]


class Finding(_Effect):
    level: Level
    code: Annotated[str, Field(pattern=CODE)]


class Derive(_Effect):
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{1,60}$")]
    value: Annotated[str, Field(max_length=100)] | bool | int | float = True

    @field_validator("value")
    @classmethod
    def _finite(cls, value: str | bool | int | float) -> str | bool | int | float:
        # The engine matches on JSON text: NaN cannot be written and huge numbers lose digits.
        if isinstance(value, str | bool):
            return value
        if not -1e12 <= value <= 1e12:
            raise ValueError(f"a derived number must be finite and within 1e12, got {value!r}")
        return value


class Kpi(_Effect):
    metric: Annotated[str, Field(min_length=3, max_length=300)]
    objective: Literal["listening", "talking", "energizing", "supporting", "embracing"] | None = (
        None
    )
    channel: str | None = None


Effect = Score | Block | Precondition | Finding | Derive | Kpi
EFFECTS: dict[str, type[_Effect]] = {
    "score": Score,
    "block": Block,
    "precondition": Precondition,
    "finding": Finding,
    "derive": Derive,
    "kpi": Kpi,
}


# ---------------------------------------------------------------- rules


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


def _pydantic_problems(
    err: ValidationError, model: type[BaseModel], data: Any, prefix: YamlPath
) -> list[LocatedProblem]:
    """Every problem Pydantic found (located by advisor.located), unknown keys first with the
    field they probably meant; a field reported missing because its key was misspelt is not
    reported twice."""
    found = located_problems(err, model, data)
    fields = model.model_fields
    meant = {m for p in found if p.kind == "extra_forbidden" and p.path
             for m in nearest(str(p.path[-1]), fields)}
    unknown = [LocatedProblem((*prefix, *p.path), p.message, p.hint)
               for p in found if p.kind == "extra_forbidden"]
    rest = [LocatedProblem((*prefix, *p.path), p.message, p.hint)
            for p in found
            if p.kind != "extra_forbidden"
            and not (p.kind == "missing" and p.path and p.path[-1] in meant)]
    return unknown + rest


def parse_effect(data: Any, path: YamlPath, channels: frozenset[str]) -> Effect:
    if not isinstance(data, Mapping) or len(data) != 1:
        raise LocatedProblem(path, f"an effect is one of {', '.join(EFFECTS)} with its fields")
    ((key, body),) = data.items()
    if key not in EFFECTS:
        raise LocatedProblem(
            (*path, key), f"unknown effect '{key}'", did_you_mean(str(key), EFFECTS)
        )
    model = EFFECTS[key]
    if not isinstance(body, Mapping):
        raise LocatedProblem((*path, key), f"'{key}' takes a mapping")
    try:
        effect: Effect = model.model_validate(dict(body))  # type: ignore[assignment]
    except ValidationError as err:
        problems = _Problems()
        problems.found = _pydantic_problems(err, model, dict(body), (*path, key))
        problems.raise_any()
        raise  # pragma: no cover - a ValidationError always has an error
    channel = getattr(effect, "channel", None)
    allowed = channels | {ALL_CHANNELS} if isinstance(effect, Precondition) else channels
    if channel is not None and channel not in allowed:
        raise LocatedProblem(
            (*path, key, "channel"), f"unknown channel '{channel}'", did_you_mean(channel, allowed)
        )
    return effect


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
    problems = _Problems()
    meta: RuleMeta | None = None
    try:
        meta = RuleMeta.model_validate(dict(data))
    except ValidationError as err:
        problems.found += _pydantic_problems(err, RuleMeta, dict(data), ())
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
    return {e.name for e in rule.then if isinstance(e, Derive)}


def effects_of(rules: Sequence[Rule], kind: type[_Effect]) -> Iterator[tuple[Rule, Any]]:
    for rule in rules:
        for effect in rule.then:
            if isinstance(effect, kind):
                yield rule, effect
