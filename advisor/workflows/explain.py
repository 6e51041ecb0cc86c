"""Why and why not for one channel: the rules that moved it, and the near misses with the smallest
profile change that makes each fire (proposed only after re-assessing proves it)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from advisor.advice.assessor import Assessor, ProfileInput
from advisor.advice.reasons import describe_probe, describe_test, reason_for
from advisor.engine.compiler import And, CompiledRule, Formula, Or, Probe
from advisor.engine.reference import test_holds
from advisor.errors import AdvisorError, Problem
from advisor.model.facts import FactValue
from advisor.model.profile import Profile
from advisor.model.report import Evidence, Report
from advisor.model.suggest import did_you_mean
from advisor.rulebook.effects import MATCHED_CHANNEL, type_of
from advisor.rulebook.rules import Rule
from advisor.workflows.planner import (
    MAX_VERIFY,
    PLACEHOLDERS,
    Option,
    Planner,
)
from advisor.workflows.whatif import Change, apply_changes


class Effect(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str
    detail: str


class Fix(BaseModel):
    """The profile changes that make a near-miss rule fire (or a harmful rule stop), checked by
    re-assessing. A value the consultant must agree with the client is a placeholder."""

    model_config = ConfigDict(frozen=True)

    changes: list[Change]
    verified: bool
    placeholders: list[str] = Field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.changes)


class Fired(BaseModel):
    """A rule that fired and touched the channel, with what it did and why."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    title: str
    post: str
    effects: list[Effect]
    reason: str
    evidence: list[Evidence]
    evidence_grade: str
    source: str
    # For a rule that blocks or lowers the channel: the smallest changes that stop it firing,
    # up to two different ones (dropping a demand is rarely the only way, or the best).
    lifts: list[Fix] = Field(default_factory=list)


class FailedCondition(BaseModel):
    model_config = ConfigDict(frozen=True)

    condition: str
    found: list[Evidence] = Field(default_factory=list)


class NearMiss(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule_id: str
    title: str
    post: str
    effects: list[Effect]
    failed: list[FailedCondition]
    fix: Fix | None = None
    no_fix: str | None = None


class Explanation(BaseModel):
    """Everything the rule base says about one channel for one profile."""

    model_config = ConfigDict(frozen=True)

    organization: str
    channel: str
    name: str
    recommended: bool
    # The channel's tier (None when no rule scored it) and what it needs to move up.
    tier: str | None = None
    needs: list[str] = Field(default_factory=list)
    rank: int | None
    score: float | None
    blocked: bool
    fired: list[Fired] = Field(default_factory=list)
    near_misses: list[NearMiss] = Field(default_factory=list)
    # Rules that would lower or block the channel if they fired: shown so the consultant knows
    # what to avoid, never with a change to make them fire.
    would_lower: list[NearMiss] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"


# ---------------------------------------------------------------- effects touching a channel


def _scoring_rules(report: Report, channel: str) -> set[str]:
    standing = report.channel(channel)
    return {t.rule_id for t in standing.terms} if standing else set()


def channel_effects(rule: Rule, channel: str, runs_it: bool = True) -> list[Effect]:
    """What the rule's effects do to the channel, each as its effect type words it. An effect on
    the `matched` channel applies only when the rule matched this channel's run (`runs_it`)."""
    out = []
    for effect in rule.then:
        if not runs_it and getattr(effect, "channel", None) == MATCHED_CHANNEL:
            continue
        kind = type_of(effect)
        detail = kind.on_channel(effect, channel)
        if detail is not None:
            out.append(Effect(kind=kind.key, detail=detail))
    return out


# ---------------------------------------------------------------- failed conditions


def _failed(
    formula: Formula, planner: Planner, out: list[FailedCondition]
) -> None:
    if isinstance(formula, And | Or):
        for item in formula.items:
            _failed(item, planner, out)
        return
    if planner.truth(formula.probe) == formula.positive:
        return
    probe = planner.probes[formula.probe]
    if formula.positive:
        found = [
            Evidence(path=fact.path_of(t.field), value=_plain(fact.fields.get(t.field)),
                     test=f"needs {describe_test(t)}")
            for fact in planner.facts_of(probe.kind)
            if _concerns(probe, fact.fields)
            for clause in probe.clauses
            if not any(test_holds(t, fact.fields) for t in clause)
            for t in clause[:1]
        ]
        text = f"needs {_article(probe.kind)} {describe_probe(probe)}"
    else:
        found = [
            Evidence(path=planner.inference.fact(fid).path or probe.kind, value=None,
                     test=f"matches {describe_probe(probe)}")
            for fid in planner.inference.hits.get(probe.id, [])
        ]
        text = f"needs no {describe_probe(probe)}"
    out.append(FailedCondition(condition=text, found=found))


def _concerns(probe: Probe, fields: Mapping[str, FactValue]) -> bool:
    """A derived fact is evidence only when it is the one the probe names (`name is x`): the
    other derived facts did not take part."""
    if probe.kind != "derived":
        return True
    names = [t for clause in probe.clauses for t in clause if t.field == "name"]
    return all(test_holds(t, fields) for t in names)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _plain(value: FactValue | None) -> str | int | float | bool | list[str] | None:
    return list(value) if isinstance(value, list) else value


# ---------------------------------------------------------------- the explanation


def _find_fix(
    advisor: Assessor, profile: Profile, rule_id: str, options: list[Option], harm: frozenset[str]
) -> Fix | None:
    """The smallest candidate that, applied and re-assessed, really makes the rule fire."""
    found = _verified(advisor, profile, rule_id, options, fires=True, wanted=1, harm=harm)
    return found[0] if found else None


def _verified(
    advisor: Assessor,
    profile: Profile,
    rule_id: str,
    options: list[Option],
    fires: bool,
    wanted: int,
    harm: frozenset[str] = frozenset(),
) -> list[Fix]:
    """Up to `wanted` candidates, smallest first, that applied and re-assessed really make the
    rule fire (or, with `fires=False`, really stop it); no two touch the same paths. `harm` are
    the rules that lower or block the channel and do not fire today: a candidate that makes one
    of them fire is no fix."""
    out: list[Fix] = []
    for option in [o for o in options if o][:MAX_VERIFY]:
        if any({c.path for c in option} & {c.path for c in f.changes} for f in out):
            continue
        try:
            changed = apply_changes(profile, list(option))
            advisor.load(changed)
        except AdvisorError:
            continue
        fired_after = set(advisor.infer(changed).fired)
        if (rule_id in fired_after) == fires and not harm & fired_after:
            placeholders = [c.path for c in option if is_placeholder(c)]
            out.append(Fix(changes=list(option), verified=True, placeholders=placeholders))
            if len(out) == wanted:
                break
    return out


def is_placeholder(change: Change) -> bool:
    field = change.path.rpartition(".")[2]
    return field in PLACEHOLDERS and change.value == PLACEHOLDERS[field]


# What an organization can decide: its resources, its bottlenecks, its strategy, its channels and
# its objectives. Who its audiences are, what it is, its pain points and the rules it is under
# are facts to plan around, not levers: a lift never proposes changing them.
_LEVERS = ("resources", "bottlenecks", "strategy", "technology", "objectives")


# What a channel already returned (its results, its following) is a fact too: a lift never
# proposes "run X with good results".
_OUTCOMES = ("result", "followers")


def _is_lever(option: Option) -> bool:
    return all(
        c.path.split(".")[0].split("[")[0] in _LEVERS and not _claims_outcome(c) for c in option
    )


def _claims_outcome(change: Change) -> bool:
    if not change.path.startswith("technology.current_channels"):
        return False
    if change.path.rsplit(".", 1)[-1] in _OUTCOMES:
        return True
    value = change.value
    return isinstance(value, dict) and any(
        value.get(k) not in (None, "unknown") for k in _OUTCOMES
    )


def _harms(rule: Rule, channel: str) -> bool:
    """The rule blocks the channel or lowers its score."""
    pushes = (type_of(effect).pushes(effect) for effect in rule.then)
    return any(p is not None and p.channel == channel and p.sign < 0 for p in pushes)


def _near_miss(
    advisor: Assessor,
    profile: Profile,
    planner: Planner,
    rule: Rule,
    effects: list[Effect],
    harm: frozenset[str],
) -> NearMiss:
    """A rule that touches the channel but did not fire: what failed and, when making it fire
    would raise the channel (or do it no harm), the smallest verified change that does."""
    compiled = planner.compiled[rule.id]
    failed: list[FailedCondition] = []
    _failed(compiled.formula, planner, failed)
    if rule.id in harm:
        return NearMiss(rule_id=rule.id, title=rule.meta.title, post=rule.meta.post,
                        effects=effects, failed=failed,
                        no_fix="not a fix: it would lower the channel")
    fix = _find_fix(advisor, profile, rule.id, planner.options(compiled.formula), harm)
    return NearMiss(
        rule_id=rule.id, title=rule.meta.title, post=rule.meta.post, effects=effects,
        failed=failed, fix=fix,
        no_fix=None if fix else "no single profile change found that makes it fire; "
                                "see the conditions above",
    )


def explain_channel(advisor: Assessor, source: ProfileInput, channel: str) -> Explanation:
    """Why a channel stands where it does for a profile, and what would change it."""
    catalogue = advisor.pack.channels
    if channel not in catalogue:
        raise AdvisorError(
            Problem(f"unknown channel '{channel}'", field="CHANNEL",
                    hint=did_you_mean(channel, catalogue) or "see `advisor channels`")
        )
    loaded = advisor.load(source)
    profile = loaded.profile
    report = advisor.assess(loaded)
    scored_by = _scoring_rules(report, channel)
    inference = advisor.infer(profile)
    planner = Planner(advisor, profile, inference)
    probes = planner.probes
    fired_set = set(inference.fired)
    harm = frozenset(r.id for r in advisor.pack.rules
                     if r.id not in fired_set and _harms(r, channel))
    fired: list[Fired] = []
    misses: list[NearMiss] = []
    lowering: list[NearMiss] = []
    names = {cid: c.name for cid, c in advisor.pack.channels.items()}
    for rule in advisor.pack.rules:
        # A fired rule scoring the `matched` channel scored this one only if its term is here.
        runs_it = rule.id not in fired_set or rule.id in scored_by
        effects = channel_effects(rule, channel, runs_it)
        if not effects:
            continue
        compiled: CompiledRule = planner.compiled[rule.id]
        if rule.id in fired_set:
            reason = reason_for(rule, compiled, probes, inference, channel_names=names)
            lifts = []
            if _harms(rule, channel):
                options = [o for o in planner.options_false(compiled.formula) if _is_lever(o)]
                lifts = _verified(advisor, profile, rule.id, options, fires=False, wanted=2,
                                  harm=harm)
            fired.append(Fired(rule_id=rule.id, title=rule.meta.title, post=rule.meta.post,
                               effects=effects, reason=reason.text, evidence=reason.evidence,
                               evidence_grade=reason.evidence_grade, source=reason.source,
                               lifts=lifts))
            continue
        miss = _near_miss(advisor, profile, planner, rule, effects, harm)
        (lowering if rule.id in harm else misses).append(miss)
    # Smallest fixes first: the near misses a consultant can act on today.
    misses.sort(key=lambda m: (m.fix is None, m.fix.size if m.fix else 0, m.rule_id))
    advice = report.channel(channel)
    return Explanation(
        organization=report.organization,
        channel=channel,
        name=catalogue[channel].name,
        recommended=advice is not None and advice.tier == "recommended",
        tier=advice.tier if advice else None,
        needs=list(advice.needs) if advice else [],
        rank=advice.rank if advice else None,
        score=advice.score if advice else None,
        blocked=bool(advice and advice.blocks),
        fired=fired,
        near_misses=misses,
        would_lower=lowering,
    )
