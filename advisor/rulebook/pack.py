"""A loaded rule pack: manifest, channel catalogue and validated rules with their locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from advisor.model.catalog import Catalogue, Channel, Manifest
from advisor.model.sources import Source
from advisor.rulebook.rules import Rule


@dataclass(frozen=True)
class Location:
    file: str
    line: int | None


@dataclass(frozen=True)
class RulePack:
    manifest: Manifest
    catalogue: Catalogue
    rules: tuple[Rule, ...]
    locations: dict[str, Location] = field(default_factory=dict)
    content_hash: str = ""
    # Ids of the rules that came from the pack this one extends (empty for a standalone pack).
    inherited: frozenset[str] = frozenset()
    # The bibliography (sources.yaml), the extended pack's entries first; empty without one.
    sources: tuple[Source, ...] = ()

    # Built once per pack (every assessment reads them); callers treat them as read-only.
    @cached_property
    def bibliography(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def own_rules(self) -> tuple[Rule, ...]:
        """The rules this pack defines itself, without those of the pack it extends."""
        return tuple(r for r in self.rules if r.id not in self.inherited)

    @cached_property
    def channels(self) -> dict[str, Channel]:
        return self.catalogue.by_id()

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
