"""The strategy brief from one assessment: the planned channels with their role, cadence and
pillars, the 90-day pilot, the measurement plan, governance and paid reach, each item taken from
an effect of a rule that fired (cadence, pillar, task, measurement, governance, spend) and traced
to that rule. Nothing here writes advice of its own: what the brief says, the rules said."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from advisor.model.brief import (
    Brief,
    BriefItem,
    ChannelPlan,
    MeasureLine,
    ObjectivePlan,
    PilotTask,
    Summary,
)
from advisor.model.profile import Objective, Profile
from advisor.model.report import Report, SourceNote
from advisor.rulebook.effects.cadence import CadenceEffect, per_week, rate
from advisor.rulebook.effects.governance import GovernanceEffect
from advisor.rulebook.effects.measurement import MeasurementEffect
from advisor.rulebook.effects.pillar import PillarEffect
from advisor.rulebook.effects.spend import MODE_NAMES, SpendEffect
from advisor.rulebook.effects.task import PHASE_NAMES, TaskEffect, weeks
from advisor.rulebook.pack import RulePack

GOVERNANCE_ORDER = ("accounts", "security", "policy", "moderation", "approvals", "records",
                    "incidents")
NO_BASELINE = "Measure in weeks 1\u20132"
STEPS = {"launch": "Launch", "keep": "Keep (already run)", "fix_or_retire": "Fix or retire"}


def words(value: str) -> str:
    """An enum value as words: `cme_enrolment` -> `cme enrolment`."""
    return value.replace("_", " ")


class _Notes:
    """Source note numbers in the order the brief first cites them."""

    def __init__(self, pack: RulePack) -> None:
        self.bibliography = pack.bibliography
        self.numbers: dict[str, int] = {}

    def cite(self, ids: list[str]) -> list[int]:
        for source_id in ids:
            if source_id in self.bibliography and source_id not in self.numbers:
                self.numbers[source_id] = len(self.numbers) + 1
        return [self.numbers[i] for i in ids if i in self.numbers]

    def notes(self) -> list[SourceNote]:
        return [SourceNote.of(self.bibliography[i], n) for i, n in self.numbers.items()]


class _Builder:
    def __init__(self, report: Report, profile: Profile, pack: RulePack) -> None:
        self.report, self.profile, self.pack = report, profile, pack
        self.notes = _Notes(pack)
        self.used: dict[str, str] = {}

    def item(self, rule_id: str, text: str, label: str | None = None) -> BriefItem:
        rule = self.pack.rule(rule_id)
        self.used.setdefault(rule_id, rule.meta.title)
        return BriefItem(text=text, label=label, rule_id=rule_id, rule_title=rule.meta.title,
                         notes=self.notes.cite(list(rule.meta.source)))

    def effects(self, kind: type[Any]) -> Iterator[tuple[str, Any]]:
        """Every effect of this type of the rules that fired, in firing order."""
        for rule_id in self.report.fired_rules:
            for effect in self.pack.rule(rule_id).then:
                if isinstance(effect, kind):
                    yield rule_id, effect

    def channel_name(self, channel_id: str) -> str:
        channel = self.pack.channels.get(channel_id)
        return channel.name if channel else words(channel_id)


def build_brief(report: Report, profile: Profile, pack: RulePack) -> Brief:
    """The strategy brief of an assessed profile, from the rules that fired."""
    b = _Builder(report, profile, pack)
    summary_first = _first_steps(b)
    channels = _channels(b)
    pillars = [_pillar(b, rule_id, e) for rule_id, e in b.effects(PillarEffect)]
    pilot = _pilot(b)
    objectives, plan_measures = _measurement(b)
    governance = _governance(b)
    spend = [b.item(rule_id, e.text, _spend_label(b, e)) for rule_id, e in b.effects(SpendEffect)]
    summary = _summary(b, channels, summary_first)
    return Brief(
        organization=profile.organization.name,
        organization_type=words(profile.organization.type),
        pack=f"{report.pack.name} {report.pack.version}",
        summary=summary,
        channels=channels,
        pillars=pillars,
        pilot=pilot,
        objectives=objectives,
        plan_measures=plan_measures,
        baselines=_baselines(b),
        governance=governance,
        budget=_budget(profile),
        spend=spend,
        sources=b.notes.notes(),
        rules=sorted(b.used.items()),
    )


def _summary(b: _Builder, channels: list[ChannelPlan], first: list[BriefItem]) -> Summary:
    readiness = [
        b.item(f.rule_id, f.message, f.level.capitalize())
        for f in b.report.findings if f.level in ("blocker", "warning")
    ]
    start = _start_with(b.profile)
    lead = channels[:3]
    return Summary(
        ready=b.report.ready,
        readiness=readiness,
        start_with=start.goal if start else None,
        channels=[c.name for c in lead],
        why=[c.role.text for c in lead],
        first=first,
    )


def _start_with(profile: Profile) -> Objective | None:
    """The objective to start with: the first measurable one, else the first."""
    measurable = [o for o in profile.objectives if o.measurable]
    candidates = measurable or list(profile.objectives)
    return candidates[0] if candidates else None


def _first_steps(b: _Builder) -> list[BriefItem]:
    """What must happen before any launch: blocker findings and strategy-wide preconditions."""
    out = [b.item(f.rule_id, f.message) for f in b.report.findings if f.level == "blocker"]
    out += [b.item(p.rule_id, p.text) for p in b.report.preconditions]
    return out


def _channels(b: _Builder) -> list[ChannelPlan]:
    cadences: dict[str, list[tuple[str, CadenceEffect]]] = {}
    for rule_id, effect in b.effects(CadenceEffect):
        cadences.setdefault(effect.channel, []).append((rule_id, effect))
    plans = []
    for channel_id in b.report.resource_plan.planned:
        advice = b.report.channel(channel_id)
        channel = b.pack.channels[channel_id]
        if advice is None or not advice.reasons:
            continue
        main = advice.reasons[0]
        given = sorted(cadences.get(channel_id, []), key=lambda pair: per_week(pair[1]))
        plans.append(ChannelPlan(
            channel=channel_id,
            name=channel.name,
            role=b.item(main.rule_id, main.text),
            step=STEPS.get(advice.action or "launch", "Launch"),
            hours_per_week=channel.hours_per_week,
            skills=[words(s) for s in channel.skills],
            cadence=b.item(given[0][0], rate(given[0][1]).capitalize()) if given else None,
            cadence_notes=[b.item(rule_id, e.text) for rule_id, e in given],
            pillars=[_pillar(b, rule_id, e) for rule_id, e in b.effects(PillarEffect)
                     if e.channel in (None, channel_id)],
            measures=[k.metric for k in advice.kpis],
            first=[b.item(p.rule_id, p.text) for p in advice.preconditions],
        ))
    return plans


def _pillar(b: _Builder, rule_id: str, effect: PillarEffect) -> BriefItem:
    formats = f" Formats: {', '.join(effect.formats)}." if effect.formats else ""
    return b.item(rule_id, effect.text + formats, effect.name)


def _pilot(b: _Builder) -> list[PilotTask]:
    tasks = [
        PilotTask(
            week=e.week,
            until=e.until or e.week,
            weeks=weeks(e),
            phase=PHASE_NAMES[e.phase],
            decision=e.decision.capitalize() if e.decision else None,
            item=b.item(rule_id, e.text, b.channel_name(e.channel) if e.channel else None),
        )
        for rule_id, e in b.effects(TaskEffect)
    ]
    order = {"Set-up": 0, "Run": 1, "Review": 2}
    decisions = {None: 0, "Continue": 1, "Fix": 2, "Stop": 3}
    return sorted(tasks, key=lambda t: (t.week, order[t.phase], t.until, decisions[t.decision]))


def _measurement(b: _Builder) -> tuple[list[ObjectivePlan], list[MeasureLine]]:
    lines: dict[str | None, list[MeasureLine]] = {}
    for rule_id, e in b.effects(MeasurementEffect):
        label = b.channel_name(e.channel) if e.channel else None
        lines.setdefault(e.objective, []).append(MeasureLine(
            kpi=e.kpi, data_source=e.data_source, rhythm=e.rhythm,
            baseline=e.baseline or NO_BASELINE, tracking=e.tracking,
            item=b.item(rule_id, e.kpi, label),
        ))
    objectives = [
        ObjectivePlan(
            kind=o.kind, goal=o.goal, focus=words(o.focus) if o.focus else None,
            metric=o.metric, target=_target(o.target),
            deadline=o.deadline.isoformat() if o.deadline else None,
            lines=lines.get(o.kind, []),
        )
        for o in b.profile.objectives
    ]
    return objectives, lines.get(None, [])


def _target(target: float | str | None) -> str | None:
    if target is None or isinstance(target, str):
        return target
    return f"{target:,g}"


def _baselines(b: _Builder) -> list[str]:
    """What the profile states about the channels already run: the baselines it gives."""
    out = []
    for run in b.profile.technology.current_channels:
        facts = []
        if run.followers is not None:
            facts.append(f"{run.followers:,} followers")
        if run.posts_per_week is not None:
            facts.append(f"{run.posts_per_week:g} posts a week")
        if facts:
            out.append(f"{b.channel_name(run.channel)}: {', '.join(facts)}")
    return out


def _governance(b: _Builder) -> list[BriefItem]:
    found = [(rule_id, e) for rule_id, e in b.effects(GovernanceEffect)]
    found.sort(key=lambda pair: GOVERNANCE_ORDER.index(pair[1].area))
    return [
        b.item(rule_id, e.text, e.area.capitalize()
               + (f" · {b.channel_name(e.channel)}" if e.channel else ""))
        for rule_id, e in found
    ]


def _spend_label(b: _Builder, effect: SpendEffect) -> str:
    scope = f" · {b.channel_name(effect.channel)}" if effect.channel else ""
    return MODE_NAMES[effect.mode] + scope


def _budget(profile: Profile) -> str:
    budget = profile.resources.budget_per_year
    if not budget:
        return "No budget for paid reach is stated."
    return f"Budget stated: {budget:,.0f} a year."
