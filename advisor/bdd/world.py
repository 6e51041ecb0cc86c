"""The state one scenario builds up: the profile as data, the rule pack, the report; and the
dotted-path editing of a profile, checked against the profile model as it happens."""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError
from advisor.model import paths
from advisor.model.annotations import is_model, union_members
from advisor.model.paths import PathError, get_at, set_at, show_path
from advisor.model.profile import Profile
from advisor.model.report import Report
from advisor.model.suggest import did_you_mean

_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
UNSET = object()


class StepProblem(Exception):
    """A step used wrongly: an unknown profile path, a value of the wrong type, a missing file."""


def parse_path(text: str) -> list[str | int]:
    """`audiences[0].platforms` (or `audiences.0.platforms`) as ['audiences', 0, 'platforms']:
    the profile-path grammar of advisor.model.paths, its errors as step problems."""
    try:
        return list(paths.parse_path(text.strip()))
    except AdvisorError as err:
        raise StepProblem(err.problems[0].message) from None


def _strip_optional(annotation: Any) -> Any:
    """The one type an optional annotation admits, or the tuple of a union's types."""
    members = union_members(annotation)
    return members[0] if len(members) == 1 else members


@dataclass(frozen=True)
class Target:
    """Where a dotted path lands in the profile model, and what kind of value it takes."""

    path: list[str | int]
    annotation: Any


def resolve(path: list[str | int]) -> Target:
    """Walk the profile model along a path; unknown fields fail with the nearest field names."""
    current: Any = Profile
    walked: list[str] = []
    for part in path:
        here = ".".join(walked) or "the profile"
        if isinstance(part, int):
            if typing.get_origin(current) is not list:
                raise StepProblem(f"'{here}' is not a list, so [{part}] does not apply")
            current = _strip_optional(typing.get_args(current)[0])
        else:
            if not is_model(current):
                raise StepProblem(f"'{here}' has no field '{part}'")
            fields = current.model_fields
            if part not in fields:
                hint = did_you_mean(part, fields) or f"fields: {', '.join(fields)}"
                raise StepProblem(f"unknown profile field '{part}' in {here} ({hint})")
            current = _strip_optional(fields[part].annotation)
        walked.append(str(part))
    return Target(path, current)


def _one(annotation: Any, text: str) -> Any:
    """Convert one written value to what a field of this annotation takes."""
    choices: tuple[Any, ...] = annotation if isinstance(annotation, tuple) else (annotation,)
    lowered = text.lower()
    if bool in choices:
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise StepProblem(f"expected true or false, got '{text}'")
    if int in choices or float in choices:
        try:
            number = float(text)
        except ValueError:
            if str in choices or any(typing.get_origin(c) is typing.Literal for c in choices):
                return text
            raise StepProblem(f"expected a number, got '{text}'") from None
        return int(number) if number.is_integer() and float not in choices else number
    if dt.date in choices:
        return text
    return text


def convert(target: Target, raw: str) -> Any:
    """A value written in a feature (quoted or not) as the type the target field takes."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    annotation = target.annotation
    if typing.get_origin(annotation) is list:
        item = _strip_optional(typing.get_args(annotation)[0])
        if is_model(item):
            raise StepProblem(
                f"'{show_path(target.path)}' is a list of entries: use the table step for it"
            )
        return [_one(item, piece.strip()) for piece in split_list(text)]
    if is_model(annotation):
        raise StepProblem(f"'{show_path(target.path)}' is a group of fields: set one of its fields")
    return _one(annotation, text)


def split_list(text: str) -> list[str]:
    """`a, b and c` or `a, b, c` as ['a', 'b', 'c']; an empty text or 'none' as []."""
    text = text.strip()
    if text.lower() in ("", "none", "nothing"):
        return []
    text = re.sub(r"\s+and\s+", ", ", text)
    return [piece.strip() for piece in text.split(",") if piece.strip()]


@dataclass
class World:
    """One scenario's state. Steps edit `profile` as plain data; the When step validates it."""

    feature_file: Path | None = None
    scenario: str = ""
    rootdir: Path = field(default_factory=Path.cwd)
    profile: dict[str, Any] = field(default_factory=dict)
    pack: Path | None = None
    report: Report | None = None
    error: AdvisorError | None = None
    fired: set[str] = field(default_factory=set)
    rule_ids: set[str] = field(default_factory=set)
    pack_label: str = "default"
    channel_ids: set[str] = field(default_factory=set)
    assessed: bool = False
    evaluated: bool = False
    asserted_fire: set[str] = field(default_factory=set)
    asserted_silent: set[str] = field(default_factory=set)
    origins: dict[str, int] = field(default_factory=dict)
    step_line: int = 0

    # ------------------------------------------------------------ locating files

    def locate(self, name: str, what: str) -> Path:
        """A path written in a feature: absolute, else relative to the feature file's folder,
        else to pytest's rootdir."""
        path = Path(name)
        candidates = [path] if path.is_absolute() else []
        if not path.is_absolute():
            if self.feature_file is not None:
                candidates.append(self.feature_file.parent / path)
            candidates.append(self.rootdir / path)
        candidates = list(dict.fromkeys(candidates))
        for candidate in candidates:
            if candidate.exists():
                return candidate.resolve()
        tried = ", ".join(str(c) for c in candidates)
        raise StepProblem(f"{what} '{name}' not found (looked at {tried})")

    # ------------------------------------------------------------ editing the profile

    def need_profile(self) -> dict[str, Any]:
        if not self.profile:
            raise StepProblem(
                'start the scenario with a profile: Given the profile "<file>" '
                'or Given a minimal "<organization type>" profile'
            )
        return self.profile

    def set(self, path_text: str | list[str | int], value: Any, *, raw: bool = False) -> None:
        """Set a profile value by path; with raw=False the value is text to convert."""
        path = parse_path(path_text) if isinstance(path_text, str) else path_text
        target = resolve(path)
        data = self.need_profile()
        if value is not UNSET and not raw:
            value = convert(target, str(value))
        try:
            set_at(data, path, None if value is UNSET else value, remove=value is UNSET)
        except PathError as err:
            raise StepProblem(err.problems[0].message) from None
        self.origins[show_path(path)] = self.step_line

    def get(self, path_text: str) -> Any:
        return get_at(self.need_profile(), parse_path(path_text))

    def append(self, list_path: str, entry: Any) -> int:
        """Append an entry to a list of the profile; returns its index."""
        current = self.get(list_path)
        index = len(current) if isinstance(current, list) else 0
        if not isinstance(current, list):
            self.set(list_path, [], raw=True)
        self.set(f"{list_path}[{index}]", entry, raw=True)
        return index

    def origin_of(self, field_path: str | None) -> int | None:
        """The line of the step that set a profile path (or the nearest enclosing one)."""
        if not field_path:
            return None
        best: tuple[int, int] | None = None
        for path, line in self.origins.items():
            inside = field_path == path or field_path.startswith((path + ".", path + "["))
            if inside and (best is None or len(path) > best[0]):
                best = (len(path), line)
        return None if best is None else best[1]

    # ------------------------------------------------------------ the report

    def need_report(self) -> Report:
        if self.report is not None:
            return self.report
        if self.error is not None:
            raise StepProblem("the profile was rejected, so there is no report:\n" + self.why())
        raise StepProblem("nothing assessed yet: add 'When the advisor assesses the profile'")

    def why(self) -> str:
        assert self.error is not None
        lines = []
        for problem in self.error.problems:
            line = self.origin_of(problem.field)
            where = f" (set at line {line})" if line else ""
            lines.append(f"  {problem}{where}")
        return "\n".join(lines)
