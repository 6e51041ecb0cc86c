"""Render a strategy brief as Markdown: the document a consultant hands over, dated and addressed,
every claim numbered to its source and every item traced, in the appendix, to its rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from advisor.model.brief import Brief, BriefItem, ChannelPlan, MeasureLine, ObjectivePlan
from advisor.render.markdown import md_escape, md_table

TITLE = "Social media strategy brief"


def trace_rows(brief: Brief) -> Iterator[tuple[str, str, str]]:
    """Every item of the brief as (part of the brief, what it says, rule id), for the appendix."""
    summary = brief.summary
    for item in [*summary.readiness, *summary.first]:
        yield "Summary", _short(item), item.rule_id
    for plan in brief.channels:
        yield plan.name, f"Role: {_short(plan.role)}", plan.role.rule_id
        for item in plan.cadence_notes:
            yield plan.name, f"Cadence: {_short(item)}", item.rule_id
        for item in plan.first:
            yield plan.name, _short(item), item.rule_id
    for item in brief.pillars:
        yield "Content pillars", item.label or _short(item), item.rule_id
    for task in brief.pilot:
        yield "90-day pilot", f"{task.weeks}: {_short(task.item)}", task.item.rule_id
    for objective in brief.objectives:
        for line in objective.lines:
            yield "Measurement plan", line.kpi, line.item.rule_id
    for line in brief.plan_measures:
        yield "Measurement plan", line.kpi, line.item.rule_id
    for item in brief.governance:
        yield "Governance checklist", _short(item), item.rule_id
    for item in brief.spend:
        yield "Paid and organic", _short(item), item.rule_id


def target_line(objective: ObjectivePlan) -> str:
    """An objective's measure in words: 'Talking objective; metric: x, target: 5, by 2027-06-30.'"""
    o = objective
    parts = [f"metric: {o.metric}" if o.metric else "", f"target: {o.target}" if o.target else "",
             f"by {o.deadline}" if o.deadline else ""]
    measure = ", ".join(p for p in parts if p) or "no target set yet"
    return f"{o.kind.capitalize()} objective; {measure}."


def _short(item: BriefItem, words: int = 9) -> str:
    """The first words of an item, to name it in the appendix."""
    split = item.text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def readiness_line(brief: Brief) -> str:
    """Whether the organization can start, in words."""
    if brief.summary.ready:
        return "Ready to start the pilot once the first steps below are done."
    return "Not ready to launch yet: settle the blockers below first."


def _marks(notes: Sequence[int]) -> str:
    return "".join(f" [{n}]" for n in notes)


def _item(item: BriefItem, bold_label: bool = True) -> str:
    label = ""
    if item.label:
        label = f"**{md_escape(item.label)}:** " if bold_label else f"{md_escape(item.label)}: "
    return f"- {label}{md_escape(item.text)}{_marks(item.notes)}"


def render_brief_markdown(brief: Brief, date: dt.date, prepared_for: str | None = None) -> str:
    """The brief as one Markdown document."""
    out = [f"# {TITLE}: {md_escape(brief.organization)}", ""]
    out += [f"Prepared for {md_escape(prepared_for or brief.organization)} "
            f"({md_escape(brief.organization_type)}) · {date.isoformat()}", ""]
    out += _summary(brief)
    out += _channels(brief.channels, brief.no_channel_note())
    if brief.pillars:
        out += ["## Content pillars", "", *(_item(p) for p in brief.pillars), ""]
    out += _pilot(brief)
    out += _measurement(brief)
    if brief.governance:
        out += ["## Governance checklist", ""]
        out += [f"- [ ] {_item(g)[2:]}" for g in brief.governance] + [""]
    out += ["## Paid and organic", "", md_escape(brief.budget), ""]
    out += [_item(s) for s in brief.spend] + [""]
    out += _sources(brief)
    out += _appendix(brief)
    return "\n".join(out).rstrip("\n") + "\n"


def _summary(brief: Brief) -> list[str]:
    s = brief.summary
    out = ["## Executive summary", "", readiness_line(brief), ""]
    out += [_item(i) for i in s.readiness]
    if s.readiness:
        out.append("")
    if s.start_with:
        out += [f"**Start with:** {md_escape(s.start_with)}", ""]
    if s.channels:
        out += ["**Channels to start with:**", ""]
        out += [f"- **{md_escape(name)}**: {md_escape(why)}" for name, why in zip(s.channels, s.why,
                                                                              strict=True)]
        out.append("")
    else:
        out += ["No channel is planned yet.", ""]
    if s.first:
        out += ["**First, before any launch:**", "", *(_item(i) for i in s.first), ""]
    return out


def _channels(plans: Sequence[ChannelPlan], none_note: str) -> list[str]:
    out = ["## The channels", ""]
    if not plans:
        return [*out, none_note, ""]
    for plan in plans:
        out += [f"### {md_escape(plan.name)}: {md_escape(plan.step.lower())}", ""]
        out.append(f"- **Role:** {md_escape(plan.role.text)}{_marks(plan.role.notes)}")
        if plan.cadence is not None:
            notes = " ".join(md_escape(n.text) for n in plan.cadence_notes)
            out.append(f"- **Cadence:** {md_escape(plan.cadence.text)}. {notes}"
                       f"{_marks(plan.cadence.notes)}")
        else:
            out.append("- **Cadence:** no rule sets one yet; agree it in the set-up weeks.")
        skills = ", ".join(plan.skills) or "none in particular"
        out.append(f"- **Time and owner:** about {plan.hours_per_week:g} hours a week, "
                   f"by a named owner with these skills: {md_escape(skills)}")
        if plan.pillars:
            names = ", ".join(md_escape(p.label or "") for p in plan.pillars)
            out.append(f"- **Pillars:** {names}")
        if plan.measures:
            out.append("- **Measure:** " + "; ".join(md_escape(m) for m in plan.measures))
        out += [f"- **Before launch:** {md_escape(i.text)}{_marks(i.notes)}" for i in plan.first]
        out.append("")
    return out


def _pilot(brief: Brief) -> list[str]:
    if not brief.pilot:
        return []
    rows = []
    for task in brief.pilot:
        what = md_escape(task.item.text) + _marks(task.item.notes)
        if task.decision:
            what = f"**{task.decision} if:** {what}"
        rows.append([task.weeks, task.phase, what])
    return ["## The 90-day pilot", "", md_table(["Weeks", "Phase", "Task"], rows), ""]


def _line_row(line: MeasureLine) -> list[str]:
    tracking = f" Tracking: {md_escape(line.tracking)}" if line.tracking else ""
    return [md_escape(line.kpi) + _marks(line.item.notes), md_escape(line.baseline),
            md_escape(line.data_source) + tracking, line.rhythm]


def _measurement(brief: Brief) -> list[str]:
    out = ["## Measurement plan", ""]
    headers = ["KPI", "Baseline", "Data source", "Reported"]
    for o in brief.objectives:
        out += [f"### {md_escape(o.goal)}", "", md_escape(target_line(o)), ""]
        if o.lines:
            out += [md_table(headers, [_line_row(ln) for ln in o.lines]), ""]
    if brief.plan_measures:
        out += ["### For the whole plan", "",
                md_table(headers, [_line_row(ln) for ln in brief.plan_measures]), ""]
    if brief.baselines:
        out += ["Stated in the profile today: " + "; ".join(md_escape(b) for b in brief.baselines)
                + ".", ""]
    return out


def _sources(brief: Brief) -> list[str]:
    if not brief.sources:
        return []
    out = ["## Sources", ""]
    for note in brief.sources:
        out.append(f"{note.number}. {md_escape(note.title)}. {md_escape(note.publisher)}, "
                   f"{note.year}. <{note.url}>")
    return [*out, ""]


def _appendix(brief: Brief) -> list[str]:
    titles = dict(brief.rules)
    rows = [[md_escape(part), md_escape(what), f"`{rule}`", md_escape(titles.get(rule, ""))]
            for part, what, rule in trace_rows(brief)]
    return ["## Appendix: where each item comes from", "",
            f"Every item above comes from a rule of the rule pack {md_escape(brief.pack)}.", "",
            md_table(["Part", "Item", "Rule", "Rule title"], rows), ""]
