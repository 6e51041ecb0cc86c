"""The catalogue of shipped steps: each step's keyword, pattern, example and meaning, registered
as a pytest-bdd step and kept for docs/steps.md and for "did you mean" on undefined steps."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pytest_bdd import given, parsers, then, when

Keyword = Literal["given", "when", "then"]
F = TypeVar("F", bound=Callable[..., Any])


def _typed(pattern: str, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """A `parse` field type: the converter carries the regex its field matches."""

    def field_type(text: str) -> Any:
        return convert(text)

    field_type.pattern = pattern  # type: ignore[attr-defined]  # how `parse` reads a type's regex
    return field_type


# Quoted arguments use {x:Text} so a pattern can never swallow a quote and match a longer step.
TYPES: dict[str, Callable[[str], Any]] = {
    "Text": _typed(r'[^"]*', str),
    "Number": _typed(r"-?\d+(?:\.\d+)?", float),
    "Count": _typed(r"\d+", int),
    # An unquoted value is one word; `unset` is left to the step that removes a field.
    "Value": _typed(r'"[^"]*"|(?!unset$)[^" ]+', str),
}


@dataclass(frozen=True)
class StepSpec:
    keyword: Keyword
    pattern: str
    example: str
    doc: str
    section: str
    table: str | None = None

    @property
    def display(self) -> str:
        """The pattern as an author reads it: `{channel:Text}` shown as `{channel}`."""
        return re.sub(r"\{(\w+):\w+\}", r"{\1}", self.pattern)


CATALOGUE: list[StepSpec] = []
_DECORATORS = {"given": given, "when": when, "then": then}


def step(
    keyword: Keyword,
    pattern: str,
    *,
    example: str,
    doc: str,
    section: str,
    table: str | None = None,
) -> Callable[[F], F]:
    """Register a step with pytest-bdd (in the calling module, where pytest finds its fixture)
    and in the catalogue; the example must match the pattern, so the docs cannot drift."""
    spec = StepSpec(keyword, pattern, example, doc, section, table)
    parser = parsers.parse(pattern, extra_types=TYPES)
    if not parser.is_matching(strip_keyword(example)):
        raise ValueError(f"step example {example!r} does not match {pattern!r}")
    # pytest-bdd puts the step's fixture into the caller's module; we are one frame deeper.
    register = _DECORATORS[keyword](parser, stacklevel=2)

    def decorator(func: F) -> F:
        CATALOGUE.append(spec)
        register(func)
        return func

    return decorator


def strip_keyword(line: str) -> str:
    """A step line without its Gherkin keyword: `And "x" is 4` -> `"x" is 4`."""
    word, _, rest = line.strip().partition(" ")
    return rest if word in ("Given", "When", "Then", "And", "But", "*") else line.strip()


def matching(keyword: str, text: str) -> list[StepSpec]:
    """The catalogue steps whose pattern matches a step text."""
    out = []
    for spec in CATALOGUE:
        if spec.keyword == keyword and parsers.parse(spec.pattern, extra_types=TYPES).is_matching(
            text
        ):
            out.append(spec)
    return out


def nearest_steps(keyword: str, text: str, limit: int = 3) -> list[StepSpec]:
    """The shipped steps closest to an undefined step's text (its own keyword first)."""

    def score(spec: StepSpec) -> float:
        best = max(
            difflib.SequenceMatcher(None, text.lower(), candidate.lower()).ratio()
            for candidate in (strip_keyword(spec.example), spec.display)
        )
        return best + (0.05 if spec.keyword == keyword else 0.0)

    ranked = sorted(CATALOGUE, key=lambda s: (-score(s), s.pattern))
    return ranked[:limit]


SECTION_INTRO = """# Steps for rule features

Every step the advisor's pytest plugin ships, with an example. A `.feature` file needs no Python:
`pytest` collects it once the advisor is installed and the project opts in with
`advisor_collect_features = true` in its pytest configuration. Values in quotes are names from
the profile vocabulary (see docs/fact-schema.md and `advisor schema`); lists are written
"a, b and c".
Paths (profile files, rule packs) are found next to the feature file, else from the project root.
`And` and `But` continue the previous keyword. Scenario Outlines work: write `<column>` in a step.
A scenario a project also binds itself with pytest-bdd's `scenarios()` runs once, from the
project's module.
`pytest --advisor-coverage=FILE` records which rules each scenario fired and asserted
(`advisor rules coverage` runs it for you).

Generated from the step library (`advisor rules steps --markdown > docs/steps.md`); a test fails
when this file and the library differ.
"""


def catalogue_markdown() -> str:
    """docs/steps.md: every shipped step, grouped by section, each with an example."""
    out = [SECTION_INTRO]
    sections: dict[str, list[StepSpec]] = {}
    for spec in CATALOGUE:
        sections.setdefault(spec.section, []).append(spec)
    for section, specs in sections.items():
        out.append(f"\n## {section}\n")
        for spec in specs:
            out.append(f"\n### `{spec.keyword.capitalize()} {spec.display}`\n\n{spec.doc}\n")
            example = spec.example
            if spec.table:
                example += "\n" + "\n".join("  " + row for row in spec.table.splitlines())
            out.append(f"\n```gherkin\n{example}\n```\n")
    return "".join(out)
