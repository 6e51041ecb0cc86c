"""The rule language's vocabulary (POST dimensions, levels, operators, ids) and its problems:
a problem located at a path inside one rule, and a collector so an author sees them all."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from advisor.model.located import located_problems

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


class Problems:
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



def pydantic_problems(
    err: ValidationError, model: type[BaseModel], data: Any, prefix: YamlPath
) -> list[LocatedProblem]:
    """Every problem Pydantic found (located by advisor.located, which reports a misspelt key
    once), unknown keys first."""
    found = located_problems(err, model, data)
    unknown = [LocatedProblem((*prefix, *p.path), p.message, p.hint)
               for p in found if p.kind == "extra_forbidden"]
    rest = [LocatedProblem((*prefix, *p.path), p.message, p.hint)
            for p in found if p.kind != "extra_forbidden"]
    return unknown + rest

