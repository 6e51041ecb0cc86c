"""From fired rules to a report: aggregate effects per channel, rank with deterministic
tie-breaks, keep blocked channels out of the ranking (with what lifts the block), and fit the
recommended channels into the staff hours and skills available. A ReportWriter does it for one
pack, keeping what every report of the pack shares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from advisor.advice.plan import Candidate, action_for, plan_resources
from advisor.advice.reasons import matched_facts, order_reasons, reason_for
from advisor.advice.tiers import TIER_ORDER, TierCall, decide_tier
from advisor.engine.compiler import CompiledPack
from advisor.engine.inference import Inference
from advisor.model.facts import FACT_LISTS
from advisor.model.post import POST_ORDER
from advisor.model.profile import ChannelRun, Profile
from advisor.model.report import (
    ChannelAdvice,
    CurrentRun,
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


def audience_labels(profile: Profile) -> dict[str, str]:
    """Each audience's profile path and the words a reader knows it by."""
    return {
        f"{FACT_LISTS['audience']}[{i}]": a.name or a.segment.replace("_", " ")
        for i, a in enumerate(profile.audiences)
    }


class ReportWriter:
    """Writes the reports of one pack. What every report of the pack shares is built once: the
    pack's identity, its bibliography's notes, the channel names and the POST weights. The
    report's models are frozen, so reports share these objects safely."""

    def __init__(self, pack: RulePack, compiled: CompiledPack, rules: Mapping[str, Rule]) -> None:
        self.pack = pack
        self._compiled = compiled
        self._rules = rules
        self._pack_info = pack_info(pack)
        self._dimension_weight = {post: pack.manifest.weight_of(post) for post in POST_ORDER}
        self._channel_names = {cid: channel.name for cid, channel in pack.channels.items()}
        self._notes: dict[tuple[str, int], SourceNote] = {}

    def write(self, profile: Profile, profile_hash: str, inference: Inference) -> Report:
        """The report of one profile's inference."""
        draft = self._draft(inference)
        labels = audience_labels(profile)
        for tally in draft.tallies.values():
            tally.settle(labels)
        runs = {run.channel: run for run in profile.technology.current_channels}
        calls = _tier_calls(draft, profile, runs)
        by_tier: dict[str, list[ChannelTally]] = {tier: [] for tier in TIER_ORDER}
        for tally in sorted(draft.tallies.values(), key=_rank_key):
            by_tier[calls[tally.channel.id].tier].append(tally)
        ranked = by_tier["recommended"] + by_tier["worth_considering"]
        cap = min(draft.channel_caps)[0] if draft.channel_caps else None
        candidates = [
            Candidate(t.channel, calls[t.channel.id].tier, runs.get(t.channel.id)) for t in ranked
        ]
        ready = not any(f.level == "blocker" for f in draft.findings)
        fits, plan = plan_resources(profile, candidates, cap, draft.plan_first, ready)
        rank = {t.channel.id: i + 1 for i, t in enumerate(ranked)}
        tiers = {
            tier: [
                _advise(t, calls[t.channel.id], rank.get(t.channel.id), plan, fits, runs)
                for t in tallies
            ]
            for tier, tallies in by_tier.items()
        }
        findings = sorted(draft.findings, key=lambda f: (_LEVEL_ORDER[f.level], f.code, f.rule_id))
        sections = _sections(draft, frozenset(plan.planned))
        every = [a for tier in TIER_ORDER for a in tiers[tier]]
        return Report(
            organization=profile.organization.name,
            profile_hash=profile_hash,
            pack=self._pack_info,
            ready=ready,
            findings=findings,
            recommended=tiers["recommended"],
            worth_considering=tiers["worth_considering"],
            not_now=tiers["not_now"],
            not_recommended=tiers["not_recommended"],
            preconditions=draft.preconditions,
            kpis=draft.kpis,
            resource_plan=plan,
            derived=_derived_facts(inference),
            fired_rules=list(inference.fired),
            sources=self._source_notes(findings, every, sections),
            sections=sections,
        )

    def _draft(self, inference: Inference) -> ReportDraft:
        """Every fired rule's effects applied, in firing order, each by its effect type."""
        draft = ReportDraft(self.pack.channels)
        probes = self._compiled.probe_by_id
        compiled_rules = self._compiled.rule_by_id
        for rule_id in inference.fired:
            rule = self._rules[rule_id]
            compiled_rule = compiled_rules[rule_id]
            facts = matched_facts(compiled_rule, probes, inference)
            meta = rule.meta
            write_reason = partial(
                reason_for, rule, compiled_rule, probes, inference, facts, self._channel_names
            )
            fired = Fired(
                rule_id,
                meta.post,
                self._dimension_weight[meta.post],
                meta.source,
                write_reason,
                facts,
            )
            for effect in rule.then:
                type_of(effect).apply(effect, fired, draft)
        return draft

    def _source_notes(
        self,
        findings: Sequence[Finding],
        advice: Sequence[ChannelAdvice],
        sections: Sequence[Section],
    ) -> list[SourceNote]:
        """The bibliography entries a report cites, numbered in the order of first use:
        findings, channels' reasons, then the sections effect types added."""
        order = [s for f in findings for s in f.sources]
        order += [s for a in advice for r in a.reasons for s in r.sources]
        order += [s for section in sections for item in section.items for s in item.sources]
        notes = []
        for source_id, number in numbered(order, self.pack.bibliography).items():
            note = self._notes.get((source_id, number))
            if note is None:
                entry = self.pack.bibliography[source_id]
                note = self._notes[source_id, number] = SourceNote.of(entry, number)
            notes.append(note)
        return notes


def _advise(
    tally: ChannelTally,
    call: TierCall,
    rank: int | None,
    plan: ResourcePlan,
    fits: Mapping[str, Fit],
    runs: Mapping[str, ChannelRun],
) -> ChannelAdvice:
    cid = tally.channel.id
    run = runs.get(cid)
    # The reasons strongest first: the first is the main reason.
    reasons = order_reasons(list(tally.reasons.values()), tally.terms, tally.blocks, call.tier)
    return tally.advice(
        call.tier,
        rank,
        fits.get(cid),
        list(call.needs),
        action_for(cid, run, plan),
        _current(run),
        reasons,
    )


def _tier_calls(
    draft: ReportDraft, profile: Profile, runs: Mapping[str, ChannelRun]
) -> dict[str, TierCall]:
    given = profile.resources.skills
    skills = None if given is None else frozenset(given)
    hours = profile.resources.staff_hours_per_week
    return {
        cid: decide_tier(
            t.channel,
            t.score,
            t.terms,
            [b.lift for b in t.blocks],
            runs.get(cid),
            skills,
            hours,
        )
        for cid, t in draft.tallies.items()
    }


def _current(run: ChannelRun | None) -> CurrentRun | None:
    if run is None:
        return None
    return CurrentRun(result=run.result, followers=run.followers, posts_per_week=run.posts_per_week)


def _sections(draft: ReportDraft, planned: frozenset[str]) -> list[Section]:
    """The sections effect types added, in the registry's order; a section of an effect type
    about planned channels only keeps the items of the channels the plan starts."""
    sections = []
    for kind in EFFECT_TYPES:
        items = draft.sections.get(kind.key, [])
        if kind.planned_channels_only:
            items = [i for i in items if i.channel is None or i.channel in planned]
        if items:
            title = kind.section_title or kind.key
            sections.append(Section(effect=kind.key, title=title, items=items))
    return sections


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


def pack_info(pack: RulePack) -> PackInfo:
    """Which rule pack a report (or a pack comparison) came from."""
    return PackInfo(
        name=pack.manifest.name,
        version=pack.manifest.version,
        content_hash=pack.content_hash,
        rule_count=len(pack.rules),
    )
