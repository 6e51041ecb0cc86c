"""The Assessor: a rule pack loaded and compiled once, then profiles assessed against it.

The core the Advisor (advisor.api) and the workflows (what-if, explain, batch, pack diff) build on:
loading and compiling a pack, the engine's lanes, loading profiles, inference and the report.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from advisor.advice.ranking import ReportWriter
from advisor.engine.compiler import CompiledPack, compile_pack
from advisor.engine.durable import DurableMatcher
from advisor.engine.inference import Inference, infer
from advisor.errors import EngineError, InputError, Problem, ProfileError
from advisor.files.packs import load_pack
from advisor.files.profiles import LoadedProfile, load_profile, profile_from_data
from advisor.files.read import safe_resolve
from advisor.files.yamlsafe import LineMap, format_path, line_of
from advisor.model.facts import profile_to_facts
from advisor.model.profile import Profile
from advisor.model.report import Report
from advisor.model.suggest import did_you_mean
from advisor.rulebook.pack import RulePack
from advisor.rulebook.rules import Rule

ProfileInput = Profile | Mapping[str, Any] | str | Path | LoadedProfile


def profile_hash(profile: Profile) -> str:
    return hashlib.sha256(profile.model_dump_json().encode()).hexdigest()


class Assessor:
    """A rule pack loaded into durable_rules, ready to assess profiles.

    Thread-safe: assessments of one Assessor are serialized by a lock (durable_rules' C module
    holds the GIL anyway); every compiled rule tests a single fact and each assessment's facts
    carry ids no other uses, so no fact of one profile can reach another. `reload()` picks up an
    edited pack. The Advisor (advisor.api) adds what-if, explanations and many profiles at once.
    """

    def __init__(self, rules: str | Path | RulePack | None = None) -> None:
        self._rules_source = None if isinstance(rules, RulePack) else rules
        self._rules_given = rules is not None
        # Workers of assess_many may start after a chdir: remember the folder absolutely.
        self._rules_folder = (
            None if self._rules_source is None else str(safe_resolve(Path(self._rules_source)))
        )
        pack = rules if isinstance(rules, RulePack) else load_pack(rules)
        self._loaded = _LoadedPack.build(pack)
        self._reload_lock = threading.Lock()
        self._closed = False

    # Everything an assessment reads comes from one _LoadedPack, taken once per call, so a
    # reload in another thread never mixes two packs in one report.
    @property
    def pack(self) -> RulePack:
        return self._loaded.pack

    @property
    def compiled(self) -> CompiledPack:
        return self._loaded.compiled

    @property
    def _rules(self) -> dict[str, Rule]:
        return self._loaded.rules

    @property
    def _matcher(self) -> DurableMatcher:
        return self._loaded.matcher

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Free the engine's rulesets. It cannot assess afterwards."""
        with self._reload_lock:
            self._closed = True
            self._loaded.matcher.close()

    def reload(self) -> bool:
        """Read the rule pack again from its folder (or the shipped one) and, when its content
        changed, swap the new one in: validated, compiled and loaded into durable_rules first,
        so a broken pack raises its located errors and the current one stays in use.
        Assessments running meanwhile finish on the pack they started with. Returns whether
        the pack changed."""
        if self._rules_source is None and self._rules_given:
            raise InputError(
                Problem(
                    "this Advisor was built from a RulePack object: there is no folder to reload",
                    hint="build a new Advisor from the new RulePack",
                )
            )
        with self._reload_lock:
            if self._closed:
                raise EngineError("this advisor has been closed")
            pack = load_pack(self._rules_source)
            if pack.content_hash == self._loaded.pack.content_hash:
                return False
            old, self._loaded = self._loaded, _LoadedPack.build(pack)
        old.matcher.close()  # waits for an assessment still running on it
        return True

    def load(self, source: ProfileInput) -> LoadedProfile:
        """Any accepted profile input as a validated profile with its source and line map."""
        if isinstance(source, LoadedProfile):
            loaded = source
        elif isinstance(source, Profile):
            loaded = LoadedProfile(source, "<profile>", {})
        elif isinstance(source, str | Path):
            loaded = load_profile(source)
        else:
            loaded = LoadedProfile(profile_from_data(source, "<profile>"), "<profile>", {})
        self._check_channels(loaded)
        return loaded

    def _check_channels(self, loaded: LoadedProfile) -> None:
        """Channel ids in a profile must exist in this pack's catalogue."""
        known = self.pack.channels
        profile = loaded.profile
        places: list[tuple[tuple[str | int, ...], str]] = []
        for i, audience in enumerate(profile.audiences):
            places += [
                (("audiences", i, "platforms", j), c) for j, c in enumerate(audience.platforms)
            ]
        for i, run in enumerate(profile.technology.current_channels):
            places.append((("technology", "current_channels", i, "channel"), run.channel))
        for i, channel in enumerate(profile.technology.required_channels):
            places.append((("technology", "required_channels", i), channel))
        problems = [
            _channel_problem(loaded.source, loaded.lines, path, channel, known)
            for path, channel in places
            if channel not in known
        ]
        if problems:
            raise ProfileError(problems)

    def infer(self, profile: Profile) -> Inference:
        """What fired for a profile, before ranking (for explanations and tests)."""
        return self._infer(profile)[1]

    def _infer(self, profile: Profile) -> tuple[_LoadedPack, Inference]:
        facts = profile_to_facts(profile)
        while True:
            current = self._loaded
            try:
                return current, infer(current.compiled, current.rules, facts, current.matcher)
            except EngineError:
                if current is self._loaded:
                    raise
                # A reload retired this pack between taking it and matching: use the new one.

    def assess(self, source: ProfileInput) -> Report:
        """Assess one profile: a model, a dict, a YAML/JSON file path, or a loaded profile."""
        return self._assess_valid(self.load(source).profile)

    def _assess_valid(self, profile: Profile) -> Report:
        """Assess a profile `load` already accepted."""
        used, inference = self._infer(profile)
        return used.writer.write(profile, profile_hash(profile), inference)


@dataclass(frozen=True)
class _LoadedPack:
    """One rule pack as an Assessor uses it: validated, compiled and loaded into durable_rules."""

    pack: RulePack
    compiled: CompiledPack
    rules: dict[str, Rule]
    matcher: DurableMatcher
    writer: ReportWriter

    @classmethod
    def build(cls, pack: RulePack) -> _LoadedPack:
        compiled = compile_pack(pack)
        rules = {r.id: r for r in pack.rules}
        return cls(
            pack, compiled, rules, DurableMatcher(compiled), ReportWriter(pack, compiled, rules)
        )


def _channel_problem(
    source: str,
    lines: LineMap,
    path: tuple[str | int, ...],
    channel: str,
    known: Mapping[str, object],
) -> Problem:
    return Problem(
        f"unknown channel '{channel}'",
        source,
        line_of(lines, path),
        format_path(path),
        hint=did_you_mean(channel, known) or "see `advisor channels`",
    )
