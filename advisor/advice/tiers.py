"""What each tier means, decided for one channel from what the rules said about it.

- recommended: nothing blocks it, the team can run it (skills and hours), its net score reaches
  RECOMMEND_AT, and at least one supporting term is tied to the organization itself: one of its
  audiences, objectives or pain points, or a channel it already runs with good results.
- worth considering: a positive net score that is weaker, or support only from skills, effort,
  moderation or other circumstances. A skill alone never recommends a channel.
- not now: blocked, or the team cannot run it yet (a missing skill, more hours than it has);
  `needs` says what it would take.
- not recommended: the reasons against outweigh the reasons for (net score 0 or below).
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.model.catalog import Channel
from advisor.model.profile import ChannelRun
from advisor.model.report import ScoreTerm, Tier

# POST dimensions whose rules speak of the organization's own audiences and aims.
ANCHOR_POSTS = frozenset({"people", "objectives", "pain_points"})
# The net points a channel needs to be recommended: more than one weak signal.
RECOMMEND_AT = 3.0
TIER_ORDER: tuple[Tier, ...] = ("recommended", "worth_considering", "not_now", "not_recommended")


@dataclass(frozen=True)
class TierCall:
    tier: Tier
    needs: tuple[str, ...] = ()


def anchored(terms: list[ScoreTerm], current: ChannelRun | None) -> bool:
    """Whether some support is tied to the organization's audiences, objectives or pain points,
    or to a channel it already runs with good results."""
    if current is not None and current.result == "good":
        return True
    return any(t.points > 0 and (t.post in ANCHOR_POSTS or t.audiences) for t in terms)


def missing_needs(
    channel: Channel, skills: frozenset[str] | None, hours_available: float | None
) -> list[str]:
    """What the team lacks to run the channel at all, in the client's words (skills not given
    are not assumed missing: the step is to confirm them)."""
    lacking = [] if skills is None else sorted(set(channel.skills) - skills)
    needs = [
        f"{skill.replace('_', ' ')} skills in the team (train, hire or contract them)"
        for skill in lacking
    ]
    if hours_available is not None and channel.hours_per_week > hours_available:
        needs.append(
            f"about {channel.hours_per_week:g} staff hours a week "
            f"({hours_available:g} are available)"
        )
    return needs


def decide_tier(
    channel: Channel,
    score: float,
    terms: list[ScoreTerm],
    blocked_lifts: list[str],
    current: ChannelRun | None,
    skills: frozenset[str] | None,
    hours_available: float | None,
) -> TierCall:
    if blocked_lifts:
        return TierCall("not_now", tuple(blocked_lifts))
    if score <= 0:
        return TierCall("not_recommended")
    lacking = missing_needs(channel, skills, hours_available)
    if lacking:
        return TierCall("not_now", tuple(lacking))
    if not anchored(terms, current):
        return TierCall("worth_considering", ("an audience or objective it would serve",))
    if score < RECOMMEND_AT:
        return TierCall("worth_considering", ("more support from your audiences or objectives",))
    return TierCall("recommended", tuple(_to_confirm(channel, skills)))


def _to_confirm(channel: Channel, skills: frozenset[str] | None) -> list[str]:
    """With the team's skills not given, the step that makes a channel feasible is to confirm
    the skills it needs."""
    if skills is not None or not channel.skills:
        return []
    needed = " and ".join(s.replace("_", " ") for s in channel.skills)
    return [f"confirm the team has {needed} skills"]
