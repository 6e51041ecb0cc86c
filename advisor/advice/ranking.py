"""From fired rules to a report: aggregate effects per channel, rank with deterministic
tie-breaks, keep blocked channels out of the ranking (with what lifts the block), and fit the
recommended channels into the staff hours and skills available."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from advisor.advice.reasons import order_reasons, reason_for
from advisor.engine.compiler import CompiledPack
from advisor.engine.inference import Inference
from advisor.model.catalog import Channel
from advisor.model.post import POST_ORDER
from advisor.model.profile import Profile
from advisor.model.report import (
    ChannelAdvice,
    DerivedFact,
    Finding,
    Fit,
    PackInfo,
    Report,
    ResourcePlan,
    Section,
    SourceNote,
)
from advisor.model.sources import numbered
from advisor.rulebook.effects import EFFECT_TYPES, ChannelTally, Fired, ReportDraft, type_of
from advisor.rulebook.pack import RulePack
from advisor.rulebook.rules import Rule

_LEVEL_ORDER = {"blocker": 0, "warning": 1, "info": 2}


def _rank_key(tally: ChannelTally) -> tuple[float, int, float, str]:
    # Higher score first; then more supporting rules; then the cheaper channel; then the id.
    return (-tally.score, -tally.supporting, tally.channel.hours_per_week, tally.channel.id)


def build_report(
    pack: RulePack,
    compiled: CompiledPack,
    rules: Mapping[str, Rule],
    profile: Profile,
    profile_hash: str,
    inference: Inference,
) -> Report:
    draft = _draft(pack, compiled, rules, inference)
    tallies = draft.tallies.values()
    for t in tallies:
        t.settle()
    ranked = sorted((t for t in tallies if not t.blocks and t.score > 0), key=_rank_key)
    rejected = sorted((t for t in tallies if t.blocks or t.score <= 0), key=_rank_key)
    fits, plan = fit_resources(profile, [t.channel for t in ranked])
    recommended = [_ordered(t.advice(i + 1, fits[t.channel.id])) for i, t in enumerate(ranked)]
    not_recommended = [_ordered(t.advice(None, None)) for t in rejected]
    findings = sorted(draft.findings, key=lambda f: (_LEVEL_ORDER[f.level], f.code, f.rule_id))
    sections = _sections(draft)
    return Report(
        organization=profile.organization.name,
        profile_hash=profile_hash,
        pack=pack_info(pack),
        ready=not any(f.level == "blocker" for f in findings),
        findings=findings,
        recommended=recommended,
        not_recommended=not_recommended,
        preconditions=draft.preconditions,
        kpis=draft.kpis,
        resource_plan=plan,
        derived=_derived_facts(inference),
        fired_rules=list(inference.fired),
        sources=source_notes(pack, findings, [*recommended, *not_recommended], sections),
        sections=sections,
    )


def _ordered(advice: ChannelAdvice) -> ChannelAdvice:
    """The advice with its reasons strongest first (the first is the main reason)."""
    return advice.model_copy(update={"reasons": order_reasons(advice)})


def _sections(draft: ReportDraft) -> list[Section]:
    """The sections effect types added, in the registry's order."""
    return [
        Section(effect=kind.key, title=kind.section_title or kind.key, items=items)
        for kind in EFFECT_TYPES
        if (items := draft.sections.get(kind.key))
    ]


def _draft(
    pack: RulePack, compiled: CompiledPack, rules: Mapping[str, Rule], inference: Inference
) -> ReportDraft:
    """Every fired rule's effects applied, in firing order, each by its effect type."""
    draft = ReportDraft(pack.channels)
    dimension_weight = {post: pack.manifest.weight_of(post) for post in POST_ORDER}
    for rule_id in inference.fired:
        rule = rules[rule_id]
        reason = reason_for(rule, compiled.rule_by_id[rule_id], compiled.probe_by_id, inference)
        fired = Fired(rule_id, rule.meta.post, dimension_weight[rule.meta.post], reason)
        for effect in rule.then:
            type_of(effect).apply(effect, fired, draft)
    return draft


def _derived_facts(inference: Inference) -> list[DerivedFact]:
    derived = []
    for fact in inference.facts:
        if fact.kind == "derived":
            value = fact.fields["value"]
            assert not isinstance(value, list)
            derived.append(
                DerivedFact(
                    name=str(fact.fields["name"]),
                    value=value,
                    rule_ids=inference.derived_by.get(fact.id, []),
                )
            )
    return derived


def source_notes(
    pack: RulePack,
    findings: Sequence[Finding],
    advice: Sequence[ChannelAdvice],
    sections: Sequence[Section],
) -> list[SourceNote]:
    """The bibliography entries a report cites, numbered in the order of first use: findings,
    channels' reasons, then the sections effect types added."""
    bibliography = pack.bibliography
    order = [s for f in findings for s in f.sources]
    order += [s for a in advice for r in a.reasons for s in r.sources]
    order += [s for section in sections for item in section.items for s in item.sources]
    return [
        SourceNote(
            number=number,
            id=entry.id,
            title=entry.title,
            publisher=entry.publisher,
            year=entry.year,
            url=entry.url,
            kind=entry.kind,
            dated=entry.dated,
        )
        for source_id, number in numbered(order, bibliography).items()
        for entry in (bibliography[source_id],)
    ]


def pack_info(pack: RulePack) -> PackInfo:
    """Which rule pack a report (or a pack comparison) came from."""
    return PackInfo(
        name=pack.manifest.name,
        version=pack.manifest.version,
        content_hash=pack.content_hash,
        rule_count=len(pack.rules),
    )


def fit_resources(profile: Profile, ranked: list[Channel]) -> tuple[dict[str, Fit], ResourcePlan]:
    """Walk the ranking in order and plan each channel that the hours and skills left allow."""
    resources = profile.resources
    available = float(resources.staff_hours_per_week)
    skills: set[str] = set(resources.skills)
    left = available
    fits: dict[str, Fit] = {}
    planned: list[str] = []
    not_fitted: list[str] = []
    for channel in ranked:
        need = float(channel.hours_per_week)
        missing: list[str] = sorted(set(channel.skills) - skills)
        if missing:
            note = f"needs skills the team lacks: {', '.join(missing)}"
            fits[channel.id] = Fit(
                fits=False, hours_per_week=need, missing_skills=missing, note=note
            )
            not_fitted.append(channel.id)
        elif need > left:
            note = (
                f"needs {_hours(need)} h/week; {_hours(left)} h/week left "
                f"({_hours(need - left)} h/week short)"
            )
            fits[channel.id] = Fit(fits=False, hours_per_week=need, note=note)
            not_fitted.append(channel.id)
        else:
            left -= need
            planned.append(channel.id)
            fits[channel.id] = Fit(
                fits=True, hours_per_week=need, note=f"fits: {_hours(need)} h/week"
            )
    used = available - left
    if not ranked:
        summary = "No channel is recommended yet, so no hours are planned."
    else:
        summary = (
            f"{len(planned)} of {len(ranked)} recommended channels fit in "
            f"{_hours(available)} staff hours/week ({_hours(used)} planned, {_hours(left)} left)."
        )
        if not_fitted:
            extra = sum(fits[c].hours_per_week for c in not_fitted)
            summary += (
                f" {len(not_fitted)} do not fit; running them all would need "
                f"{_hours(extra)} more hours/week or the missing skills."
            )
    return fits, ResourcePlan(
        hours_available=round(available, 2),
        hours_planned=round(used, 2),
        hours_left=round(left, 2),
        skills_available=sorted(skills),
        planned=planned,
        not_fitted=not_fitted,
        summary=summary,
    )


def _hours(value: float) -> str:
    return f"{value:g}"
