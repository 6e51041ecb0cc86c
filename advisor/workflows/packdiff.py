"""What a new version of a rule pack changes: the same profiles assessed with the old pack and
the new one, compared profile by profile (channels, findings, resource plan, rules that fired)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from advisor.advice.ranking import pack_info
from advisor.api import Advisor, ProfileInput
from advisor.model.report import PackInfo
from advisor.workflows.whatif import WhatIf, compare, rank_text, score_text, whatif_markdown_body


class ProfileDiff(BaseModel):
    """One profile under both packs."""

    model_config = ConfigDict(frozen=True)

    source: str
    organization: str
    changed: bool
    rules_started: list[str] = Field(default_factory=list)
    rules_stopped: list[str] = Field(default_factory=list)
    difference: WhatIf


class PackDiff(BaseModel):
    """Every profile's difference, old pack to new."""

    model_config = ConfigDict(frozen=True)

    old: PackInfo
    new: PackInfo
    profiles: list[ProfileDiff]

    @property
    def changed(self) -> list[ProfileDiff]:
        return [p for p in self.profiles if p.changed]

    def to_json(self) -> str:
        exclude = {"profiles": {"__all__": {"difference": {"before", "after"}}}}
        return self.model_dump_json(indent=2, exclude=exclude) + "\n"


def diff_packs(
    old: Advisor, new: Advisor, sources: Sequence[ProfileInput], names: Sequence[str]
) -> PackDiff:
    """Assess every profile with both packs. Each profile is validated against both first, so
    a profile that only one pack accepts (a channel the other lacks) fails before any work."""
    loaded = [(old.load(source), new.load(source)) for source in sources]
    profiles = []
    for name, (for_old, for_new) in zip(names, loaded, strict=True):
        before, after = old.assess(for_old), new.assess(for_new)
        difference = compare(before, after, [])
        fired_before, fired_after = set(before.fired_rules), set(after.fired_rules)
        started = sorted(fired_after - fired_before)
        stopped = sorted(fired_before - fired_after)
        profiles.append(
            ProfileDiff(
                source=name,
                organization=after.organization,
                changed=difference.changed or bool(started or stopped),
                rules_started=started,
                rules_stopped=stopped,
                difference=difference,
            )
        )
    return PackDiff(old=pack_info(old.pack), new=pack_info(new.pack), profiles=profiles)


def _pack_line(info: PackInfo) -> str:
    return f"{info.name} {info.version} ({info.rule_count} rules, {info.content_hash[:12]})"


def render_pack_diff_text(diff: PackDiff) -> str:
    out = [
        f"Old pack: {_pack_line(diff.old)}",
        f"New pack: {_pack_line(diff.new)}",
        f"{len(diff.changed)} of {len(diff.profiles)} profiles change.",
    ]
    for p in diff.profiles:
        if not p.changed:
            out.append(f"  {p.source} ({p.organization}): unchanged")
            continue
        out.append(f"  {p.source} ({p.organization}):")
        d = p.difference
        for label, items in (("entered", d.entered), ("left", d.left), ("moved", d.moved)):
            for m in items:
                ranks = (f"{rank_text(m.rank_before, m.blocked_before)} → "
                         f"{rank_text(m.rank_after, m.blocked_after)}")
                scores = f"{score_text(m.score_before)} → {score_text(m.score_after)}"
                out.append(f"    {label}: {m.name} {ranks}, score {scores}")
        for label, found in (("raised", d.findings_raised), ("cleared", d.findings_cleared)):
            out += [f"    finding {label}: {f.level} {f.code} [{f.rule_id}]" for f in found]
        if d.ready_before != d.ready_after:
            out.append(f"    ready: {_yes(d.ready_before)} → {_yes(d.ready_after)}")
        before, after = d.plan_before, d.plan_after
        if before.summary != after.summary:
            out.append(f"    resource plan: {before.summary} → {after.summary}")
        elif before.planned != after.planned:
            out.append(f"    channels planned: {', '.join(before.planned) or '-'} → "
                       f"{', '.join(after.planned) or '-'}")
        if p.rules_started:
            out.append(f"    rules that now fire: {', '.join(p.rules_started)}")
        if p.rules_stopped:
            out.append(f"    rules that no longer fire: {', '.join(p.rules_stopped)}")
    return "\n".join(out) + "\n"


def render_pack_diff_markdown(diff: PackDiff) -> str:
    out = [
        "# Rule pack change",
        "",
        f"- Old: {_pack_line(diff.old)}",
        f"- New: {_pack_line(diff.new)}",
        f"- {len(diff.changed)} of {len(diff.profiles)} profiles change.",
        "",
    ]
    for p in diff.changed:
        body = whatif_markdown_body(p.difference).replace("\n## ", "\n### ")
        out += [f"## {p.source} ({p.organization})", "", body.strip(), ""]
        if p.rules_started:
            out += [f"Rules that now fire: {', '.join(f'`{r}`' for r in p.rules_started)}", ""]
        if p.rules_stopped:
            out += [f"Rules that no longer fire: {', '.join(f'`{r}`' for r in p.rules_stopped)}",
                    ""]
    return "\n".join(out)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
