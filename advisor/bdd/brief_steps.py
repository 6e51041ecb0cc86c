"""The steps of the strategy brief: what the brief of an assessed profile plans (cadence per
channel, content pillars, the 90-day pilot, the measurement plan, governance, paid and organic).
Each builds the brief through the library (advisor.workflows.brief) from the assessment the
'When the advisor assesses the profile' step made."""

from __future__ import annotations

from typing import Any

from advisor.bdd import steps  # noqa: F401  # the shipped steps come first in the catalogue
from advisor.bdd.registry import step
from advisor.bdd.world import StepProblem, World
from advisor.model.brief import Brief, BriefItem
from advisor.rulebook.effects.cadence import UNITS
from advisor.workflows.brief import build_brief

BRIEF = "The strategy brief"


def _areas(items: list[BriefItem]) -> list[str]:
    """The first part of each item's label ('Records · Facebook page' -> 'Records')."""
    return [(i.label or "").split(" · ")[0] for i in items]


def _brief(world: World, pool: Any) -> Brief:
    report = world.need_report()
    advisor = pool.get(world.pack)
    profile = advisor.load(world.need_profile()).profile
    return build_brief(report, profile, advisor.pack)


@step(
    "then",
    'the brief plans "{channel:Text}" at {times:Count} {unit:w} a {per:w}',
    example='Then the brief plans "facebook_page" at 2 posts a week',
    doc="The channel is planned in the brief and its cadence (the lowest any rule set) is this "
    "many posts (or issues, episodes, videos, sessions, or checks for a channel one watches: "
    "`at 2 checks a week`) a week or a month.",
    section=BRIEF,
)
def _cadence(
    advisor_world: World, advisor_pool: Any, channel: str, times: int, unit: str, per: str
) -> None:
    noun = unit.removesuffix("s")
    if noun not in UNITS:
        raise StepProblem(f"a cadence counts one of {', '.join(UNITS)}, not '{unit}'")
    brief = _brief(advisor_world, advisor_pool)
    plans = {c.channel: c for c in brief.channels}
    if channel not in plans:
        planned = sorted(plans) or "none"
        raise StepProblem(f"the brief does not plan '{channel}'; it plans {planned}")
    cadence = plans[channel].cadence
    wanted = f"{times} {noun}{'' if times == 1 else 's'} a {per}"
    if cadence is None or cadence.text.lower() != wanted:
        shown = cadence.text if cadence else "no cadence"
        raise StepProblem(f"the brief plans '{channel}' at {shown}, not {wanted}")


@step(
    "then",
    'the brief has the content pillar "{name:Text}"',
    example='Then the brief has the content pillar "Answers patients look for"',
    doc="One of the brief's content pillars has this name (any case).",
    section=BRIEF,
)
def _pillar(advisor_world: World, advisor_pool: Any, name: str) -> None:
    names = [p.label or "" for p in _brief(advisor_world, advisor_pool).pillars]
    if name.lower() not in (n.lower() for n in names):
        raise StepProblem(f"the brief has no pillar '{name}'; pillars: {names or 'none'}")


@step(
    "then",
    'the pilot has a "{phase:Text}" task in week {week:Count}',
    example='Then the pilot has a "setup" task in week 1',
    doc="The 90-day pilot has a task of this phase (setup, run or review) that covers this week.",
    section=BRIEF,
)
def _task(advisor_world: World, advisor_pool: Any, phase: str, week: int) -> None:
    names = {"setup": "Set-up", "run": "Run", "review": "Review"}
    if phase not in names:
        raise StepProblem(f"a pilot phase is one of {', '.join(names)}, not '{phase}'")
    pilot = _brief(advisor_world, advisor_pool).pilot
    if not any(t.phase == names[phase] and t.week <= week <= t.until for t in pilot):
        shown = [f"{t.weeks} {t.phase}" for t in pilot]
        raise StepProblem(f"no {phase} task in week {week}; tasks: {shown or 'none'}")


@step(
    "then",
    'the pilot\'s review says to "{decision:Text}" when "{words:Text}"',
    example='Then the pilot\'s review says to "stop" when "did not move"',
    doc="The week-13 review has a decision (continue, fix or stop) whose criterion mentions "
    "these words.",
    section=BRIEF,
)
def _decision(advisor_world: World, advisor_pool: Any, decision: str, words: str) -> None:
    pilot = _brief(advisor_world, advisor_pool).pilot
    found = [t for t in pilot if (t.decision or "").lower() == decision.lower()]
    if not any(words.lower() in t.item.text.lower() for t in found):
        shown = [f"{t.decision}: {t.item.text}" for t in pilot if t.decision]
        raise StepProblem(f"no '{decision}' criterion mentions '{words}'; criteria: {shown}")


@step(
    "then",
    'the measurement plan measures "{words:Text}"',
    example='Then the measurement plan measures "tagged links"',
    doc="A line of the brief's measurement plan (an objective's or the whole plan's) mentions "
    "these words in its KPI, data source, baseline or tracking note.",
    section=BRIEF,
)
def _measures(advisor_world: World, advisor_pool: Any, words: str) -> None:
    brief = _brief(advisor_world, advisor_pool)
    lines = [*brief.plan_measures, *(ln for o in brief.objectives for ln in o.lines)]
    texts = [" ".join([ln.kpi, ln.data_source, ln.baseline, ln.tracking or ""]) for ln in lines]
    if not any(words.lower() in t.lower() for t in texts):
        raise StepProblem(f"no measurement line mentions '{words}'; KPIs: "
                          f"{[ln.kpi for ln in lines] or 'none'}")


@step(
    "then",
    'the measurement plan for the "{kind:Text}" objective has a baseline "{words:Text}"',
    example='Then the measurement plan for the "talking" objective has a baseline "weeks"',
    doc="The profile's objective of this kind has a KPI whose baseline mentions these words.",
    section=BRIEF,
)
def _baseline(advisor_world: World, advisor_pool: Any, kind: str, words: str) -> None:
    brief = _brief(advisor_world, advisor_pool)
    lines = [ln for o in brief.objectives if o.kind == kind for ln in o.lines]
    if not any(words.lower() in ln.baseline.lower() for ln in lines):
        raise StepProblem(f"no '{kind}' KPI has a baseline mentioning '{words}': "
                          f"{[ln.baseline for ln in lines] or 'no KPI'}")


@step(
    "then",
    'the brief\'s governance checklist has a "{area:Text}" item',
    example='Then the brief\'s governance checklist has a "records" item',
    doc="The governance checklist has an item of this area (accounts, security, policy, "
    "moderation, approvals, records, incidents).",
    section=BRIEF,
)
def _governance(advisor_world: World, advisor_pool: Any, area: str) -> None:
    labels = _areas(_brief(advisor_world, advisor_pool).governance)
    if area.lower() not in (label.lower() for label in labels):
        raise StepProblem(f"no '{area}' item in the governance checklist; areas: {labels}")


@step(
    "then",
    'the brief\'s paid and organic advice includes "{mode:Text}"',
    example='Then the brief\'s paid and organic advice includes "organic"',
    doc="The paid-and-organic part of the brief has advice of this kind: organic, paid or "
    "small paid test.",
    section=BRIEF,
)
def _spend(advisor_world: World, advisor_pool: Any, mode: str) -> None:
    labels = _areas(_brief(advisor_world, advisor_pool).spend)
    if mode.lower() not in (label.lower() for label in labels):
        raise StepProblem(f"no '{mode}' advice; the brief says: {labels or 'nothing'}")


@step(
    "then",
    'the brief\'s appendix traces the rule "{rule_id:Text}"',
    example='Then the brief\'s appendix traces the rule "strategy.pilot.baseline-and-run"',
    doc="An item of the brief comes from this rule, so its appendix lists it.",
    section=BRIEF,
)
def _traced(advisor_world: World, advisor_pool: Any, rule_id: str) -> None:
    advisor_world.asserted_fire.add(rule_id)
    traced = [rule for rule, _ in _brief(advisor_world, advisor_pool).rules]
    if rule_id not in traced:
        raise StepProblem(f"the brief does not trace '{rule_id}'")
