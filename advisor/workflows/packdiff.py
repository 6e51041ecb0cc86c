"""What a new version of a rule pack changes: the same profiles assessed with the old pack and
the new one, compared profile by profile (channels, findings, resource plan, rules that fired)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from advisor.advice.assessor import Assessor, ProfileInput
from advisor.advice.ranking import pack_info
from advisor.model.report import PackInfo
from advisor.workflows.whatif import WhatIf, compare


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
    old: Assessor, new: Assessor, sources: Sequence[ProfileInput], names: Sequence[str]
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
