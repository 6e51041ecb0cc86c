"""The resource plan: which channels to keep and which to launch within the staff hours and the
channel cap the rules set. Channels the organization already runs (and that are not failing)
take their hours first; new channels follow in rank order, recommended ones only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from advisor.model.catalog import Channel
from advisor.model.profile import ChannelRun, Profile
from advisor.model.report import Action, Fit, ResourcePlan, Tier

# With the staff hours not given, the plan holds no more than this many channels.
CAP_WHEN_HOURS_UNKNOWN = 2


@dataclass(frozen=True)
class Candidate:
    """A ranked channel as the plan sees it."""

    channel: Channel
    tier: Tier
    current: ChannelRun | None


@dataclass
class _Walk:
    left: float | None
    cap: int | None
    fits: dict[str, Fit] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    launched: list[str] = field(default_factory=list)
    not_fitted: list[str] = field(default_factory=list)

    def count(self) -> int:
        return len(self.kept) + len(self.launched)

    def place(self, channel: Channel, into: list[str], verb: str) -> None:
        need = float(channel.hours_per_week)
        # A channel run today that does not fit is not dropped in silence: say what to do.
        kept = "; pause it or merge it into another channel" if verb == "keep" else ""
        if self.cap is not None and self.count() >= self.cap:
            note = f"over the {self.cap} channels the capacity allows: {verb} it later or instead"
            self._skip(channel, need, note + kept)
        elif self.left is not None and need > self.left:
            note = (
                f"needs {need:g} h/week; {self.left:g} h/week left "
                f"({need - self.left:g} h/week short)"
            )
            if verb == "keep":
                note += "; cut its cadence to fit, or pause it"
            self._skip(channel, need, note)
        else:
            if self.left is not None:
                self.left = round(self.left - need, 4)
            into.append(channel.id)
            note = f"{verb}: {need:g} h/week"
            self.fits[channel.id] = Fit(fits=True, hours_per_week=need, note=note)

    def hold(self, channel: Channel, note: str) -> None:
        self._skip(channel, float(channel.hours_per_week), note)

    def _skip(self, channel: Channel, need: float, note: str) -> None:
        self.not_fitted.append(channel.id)
        self.fits[channel.id] = Fit(fits=False, hours_per_week=need, note=note)


def plan_resources(
    profile: Profile,
    ranked: Sequence[Candidate],
    cap: int | None,
    first: Sequence[str] = (),
    ready: bool = True,
) -> tuple[dict[str, Fit], ResourcePlan]:
    """Keep the channels already run (not failing: they take their hours first), then launch
    the channels the rules name `first` (when recommended), then the rest of the recommended
    ranking in order, within hours and the cap. An organization that is not ready (a blocker
    finding) launches nothing new."""
    available = profile.resources.staff_hours_per_week
    if available is None:
        cap = min(cap or CAP_WHEN_HOURS_UNKNOWN, CAP_WHEN_HOURS_UNKNOWN)
    walk = _Walk(left=None if available is None else float(available), cap=cap)
    working = [c for c in ranked if c.current is not None]
    early = [
        c for cid in first for c in ranked
        if c.channel.id == cid and c.tier == "recommended" and c.current is None
    ]
    rest = [c for c in ranked if c not in working and c not in early]
    for c in [*working, *early, *rest]:
        if c.current is not None:
            if c.current.result != "poor":
                walk.place(c.channel, walk.kept, "keep")
        elif c.tier == "recommended":
            if ready:
                walk.place(c.channel, walk.launched, "launch")
            else:
                note = "not launched until the blockers in the findings are resolved"
                walk.hold(c.channel, note)
    planned = walk.kept + walk.launched
    names = {c.channel.id: c.channel.name for c in ranked}
    hours = round(sum(walk.fits[c].hours_per_week for c in planned), 4)
    return walk.fits, ResourcePlan(
        hours_available=None if available is None else round(float(available), 2),
        hours_planned=round(hours, 2),
        hours_left=None if walk.left is None else round(walk.left, 2),
        skills_available=sorted(profile.resources.skills or []),
        max_channels=cap,
        kept=walk.kept,
        launched=walk.launched,
        planned=planned,
        not_fitted=walk.not_fitted,
        summary=_summary(available, cap, walk, hours, names, ready),
    )


def action_for(
    channel_id: str, current: ChannelRun | None, plan: ResourcePlan
) -> Action | None:
    """Keep what is planned and already run, launch what is planned and new, and fix or
    retire a channel run today that fails or that the advice does not support."""
    if current is None:
        return "launch" if channel_id in plan.launched else None
    if channel_id in plan.kept:
        return "keep"
    if current.result == "poor" or channel_id not in plan.not_fitted:
        return "fix_or_retire"
    return None


def _summary(
    available: float | None,
    cap: int | None,
    walk: _Walk,
    hours: float,
    names: Mapping[str, str],
    ready: bool,
) -> str:
    def listed(ids: list[str]) -> str:
        return ", ".join(names[i] for i in ids)

    planned = walk.count()
    hold = "" if ready else (
        "Not ready: no new channel is launched until the blockers are resolved. "
    )
    if not planned:
        if not ready:
            return hold.strip()
        return "No channel is planned yet: no recommended channel fits the hours and skills."
    parts = []
    if walk.kept:
        parts.append(f"keep {listed(walk.kept)} (already run)")
    if walk.launched:
        parts.append(f"launch {listed(walk.launched)}")
    text = hold + f"Plan {planned} channel{'s' if planned != 1 else ''}: " + "; ".join(parts) + "."
    if cap is not None:
        text += f" The capacity allows at most {cap}."
    if available is None:
        text += (
            f" Staff hours are not given: the plan needs about {hours:g} hours a week; "
            "confirm who gives them before launch."
        )
    else:
        text += f" {hours:g} of {available:g} staff hours a week planned, {walk.left:g} left."
    return text
