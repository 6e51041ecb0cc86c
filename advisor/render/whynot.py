"""Why a channel is not recommended and what would change that, in sentences a client reads:
the reasons against it (the rules that blocked or lowered it), never a score formula."""

from __future__ import annotations

from advisor.advice.reasons import reason_strength
from advisor.model.report import ChannelAdvice


def reasons_against(advice: ChannelAdvice) -> list[str]:
    """The sentences of the rules that block the channel or lower its score, strongest first
    (the order of the channel's reasons), each once."""
    blocking = {b.rule_id for b in advice.blocks}
    points = reason_strength(advice)
    against = [r for r in advice.reasons if r.rule_id in blocking or points.get(r.rule_id, 0) < 0]
    texts = [b.reason for b in advice.blocks if b.rule_id not in {r.rule_id for r in against}]
    texts += [r.text for r in against]
    return list(dict.fromkeys(texts))


def why_not(advice: ChannelAdvice) -> tuple[list[str], str]:
    """The reasons against a channel that is not recommended (each a sentence, strongest
    first) and what would change its standing."""
    against = reasons_against(advice)
    support = sum(1 for p in reason_strength(advice).values() if p > 0)
    if advice.blocks:
        lifts = list(dict.fromkeys(b.lift for b in advice.blocks))
        change = "Lifted when: " + "; ".join(lifts) + "."
        return [f"Blocked: {against[0]}", *against[1:]], change
    if not against:
        why = ["Nothing in the profile speaks for it yet."]
        change = (f"Support for {advice.name} in the profile: an audience known to use it or an "
                  "objective it serves.")
        return why, change
    these = "This reason" if len(against) == 1 else "These reasons"
    if support:
        what = "the one reason" if support == 1 else f"the {support} reasons"
        which = "This outweighs" if len(against) == 1 else "These outweigh"
        against = [*against, f"{which} {what} for it."]
    change = (f"{these} no longer applying, or stronger support for {advice.name} in the "
              "profile (an audience known to use it, an objective it serves).")
    return against, change


_ACTION_WORDS = {"keep": "Keep (already run)", "launch": "Launch", "fix_or_retire": "Fix or retire"}


def plan_text(advice: ChannelAdvice) -> str:
    """What the plan does with a ranked channel, and the step that comes first, in words."""
    if advice.action is not None:
        said = _ACTION_WORDS[advice.action]
        if advice.fit is not None:
            said += f": {advice.fit.note.split(': ', 1)[-1]}"
    else:
        said = f"Not planned: {advice.fit.note}" if advice.fit is not None else "Not planned"
    if advice.needs and advice.tier == "recommended":
        said += "; first " + "; ".join(advice.needs)
    return said


def not_now(advice: ChannelAdvice) -> tuple[str, str]:
    """Why a channel is not for now and what it would take, in sentences."""
    if advice.blocks:
        why, lift = why_not(advice)
        return " ".join(why), lift
    return (
        f"The team cannot run {advice.name} yet.",
        "It needs " + "; ".join(advice.needs) + "." if advice.needs else "",
    )


def current_text(advice: ChannelAdvice) -> str:
    """How the organization runs the channel today, or an empty string when it does not."""
    run = advice.current
    if run is None:
        return ""
    parts = [f"results {run.result}"]
    if run.followers is not None:
        parts.append(f"{run.followers:,} followers")
    if run.posts_per_week is not None:
        parts.append(f"{run.posts_per_week:g} posts a week")
    return "Run today: " + ", ".join(parts)
