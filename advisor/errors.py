"""The one error family of the advisor: every user mistake and engine failure is an AdvisorError."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem: where it is, what is wrong, and what to do about it."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    rule_id: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
            where += ": "
        subject = ""
        if self.rule_id is not None:
            subject += f"rule {self.rule_id}: "
        if self.field:
            subject += f"{self.field}: "
        text = f"{where}{subject}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class AdvisorError(Exception):
    """Base of every error the advisor raises on purpose; carries one or more located problems."""

    exit_code = 2

    def __init__(self, problems: Problem | str | list[Problem]) -> None:
        if isinstance(problems, str):
            problems = Problem(problems)
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class InputError(AdvisorError):
    """A file could not be read as data: missing, too large, not UTF-8, broken YAML/JSON."""


class ProfileError(AdvisorError):
    """A profile does not validate against the profile model."""


class RuleError(AdvisorError):
    """A rule file or rule pack is invalid: schema, unknown field or channel, cycle, limit."""


class EngineError(AdvisorError):
    """durable_rules failed or a runtime limit was hit while assessing; not the user's input."""

    exit_code = 3
