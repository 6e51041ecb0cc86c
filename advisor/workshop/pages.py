"""The workshop's HTML: the page, the form (controls laid out from the form description and the
draft's values, each with its problem inline) and the advice, explanation and change panels,
rendered by Jinja2 templates with every value escaped."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup

from advisor.errors import Problem
from advisor.model.paths import PathPart, get_at, show_path, show_value
from advisor.model.report import Report
from advisor.render.markdown import plan_rows
from advisor.workflows.explain import Explanation
from advisor.workflows.whatif import Change, compare
from advisor.workshop.form import MAX_TEXT_CHARS, FormField
from advisor.workshop.state import Workshop

TIERS = (
    ("recommended", "Recommended"),
    ("worth_considering", "Worth considering"),
    ("not_now", "Not now"),
    ("not_recommended", "Not recommended"),
)

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("advisor.workshop", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["shown"] = show_value
# "Audiences" holds audiences; one of them is an "Audience".
_ENV.filters["singular"] = lambda label: label[:-1] if label.endswith("s") else label


@dataclass
class Control:
    """One control of the form as the template draws it."""

    spec: FormField
    name: str
    value: str = ""
    chosen: frozenset[str] = frozenset()
    checked: bool = False
    problem: str | None = None
    children: list[Control] = field(default_factory=list)
    items: list[Control] = field(default_factory=list)

    @property
    def id(self) -> str:
        return "f-" + (re.sub(r"[^A-Za-z0-9]+", "-", self.name).strip("-") or "profile")

    @property
    def maxlength(self) -> int:
        return self.spec.max_length or MAX_TEXT_CHARS


def problem_text(problem: Problem) -> str:
    """A problem as the command line words it, without the file (the form is the file)."""
    return problem.message + (f" ({problem.hint})" if problem.hint else "")


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def controls(spec: FormField, data: Any, path: tuple[PathPart, ...],
             problems: dict[str, str]) -> Control:
    """The control tree for `spec` at `path`, holding the draft's values; each problem found is
    taken out of `problems`, so what is left belongs nowhere in the form."""
    name = show_path(path)
    value = get_at(data, path) if path else data
    control = Control(spec, name, problem=problems.pop(name, None) if name else None)
    if spec.kind == "section":
        control.children = [controls(f, data, (*path, f.name), problems) for f in spec.fields]
    elif spec.kind == "items":
        count = len(value) if isinstance(value, list) else 0
        for index in range(count):
            item_path = (*path, index)
            item = Control(spec, show_path(item_path),
                           problem=problems.pop(show_path(item_path), None))
            item.children = [controls(f, data, (*item_path, f.name), problems)
                             for f in spec.fields]
            control.items.append(item)
    elif spec.kind == "multi":
        control.chosen = frozenset(str(v) for v in value) if isinstance(value, list) else (
            frozenset())
    elif spec.kind == "bool":
        control.checked = value is True if value is not None else spec.default is True
    else:
        control.value = _plain(value)
    return control


def _laid_out(spec: FormField, workshop: Workshop) -> tuple[Control, dict[str, str], list[str]]:
    """The control tree, the problems placed beside a control (by name), and the rest."""
    problems = {p.field or "": problem_text(p) for p in reversed(workshop.problems)}
    remaining = dict(problems)
    tree = controls(spec, workshop.draft, (), remaining)
    placed = {name: text for name, text in problems.items() if name not in remaining}
    general = [f"{name}: {text}" if name and name != "(top)" else text
               for name, text in remaining.items()]
    return tree, placed, general


def form_html(spec: FormField, workshop: Workshop) -> Markup:
    tree, _, general = _laid_out(spec, workshop)
    return Markup(_ENV.get_template("form.html").render(root=tree, general=general))


def problem_places(spec: FormField, workshop: Workshop) -> tuple[dict[str, str], list[str]]:
    """The problems by the control they belong beside, and those that belong to none."""
    if not workshop.problems:
        return {}, []
    _, placed, general = _laid_out(spec, workshop)
    return placed, general


def every_channel(report: Any) -> list[Any]:
    """Every channel's advice, tier by tier (read by name, so tiers a report lacks are none)."""
    return [advice for tier, _ in TIERS for advice in getattr(report, tier, [])]


def _tier_of(report: Any) -> dict[str, str]:
    return {advice.channel: tier for tier, _ in TIERS for advice in getattr(report, tier, [])}


def _tier_moves(baseline: Report, report: Report) -> list[tuple[str, str, str]]:
    """Channels whose tier differs from the baseline's: (name, tier before, tier after)."""
    before, after = _tier_of(baseline), _tier_of(report)
    names = {a.channel: a.name for a in every_channel(report)}
    labels = dict(TIERS)
    return [(names.get(c, c), labels[before[c]], labels[after[c]])
            for c in sorted(after) if c in before and before[c] != after[c]]


def advice_html(workshop: Workshop) -> Markup:
    report = workshop.report
    tiers = [(key, title, getattr(report, key, [])) for key, title in TIERS] if report else []
    baseline = workshop.baseline_report() if report else None
    return Markup(_ENV.get_template("advice.html").render(
        report=report,
        tiers=tiers,
        stale=bool(workshop.problems),
        moved=workshop.moved,
        since=compare(baseline, report, []) if baseline and report else None,
        tier_moves=_tier_moves(baseline, report) if baseline and report else [],
        plan_rows=plan_rows(report) if report else [],
    ))


def explanation_html(explanation: Explanation, fixes: Sequence[list[Change]]) -> Markup:
    """An explanation with a button for each of its fixes, numbered as in `fixes`."""
    numbers = {id(changes): n for n, changes in enumerate(fixes)}
    return Markup(_ENV.get_template("explain.html").render(
        x=explanation, fix_number=lambda fix: numbers.get(id(fix.changes)),
    ))


def page_html(spec: FormField, workshop: Workshop, exports: Sequence[tuple[str, str]],
              starts: Mapping[str, str]) -> str:
    return _ENV.get_template("page.html").render(
        form=form_html(spec, workshop),
        advice=advice_html(workshop),
        exports=exports,
        starts=starts,
        can_undo=bool(workshop.undo),
    )
