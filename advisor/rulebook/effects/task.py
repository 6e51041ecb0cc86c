"""`task`: a step of the 90-day pilot, in the weeks it is done: set-up, run, or the review that
decides to continue, fix or stop."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.effects.sectioned import add_line

PILOT_WEEKS = 13  # 90 days

Phase = Literal["setup", "run", "review"]
Decision = Literal["continue", "fix", "stop"]
PHASE_NAMES = {"setup": "Set-up", "run": "Run", "review": "Review"}


class TaskEffect(EffectModel):
    model_config = ConfigDict(title="Task")

    phase: Phase
    week: Annotated[int, Field(ge=1, le=PILOT_WEEKS)]
    until: Annotated[int, Field(ge=1, le=PILOT_WEEKS)] | None = None
    text: Annotated[str, Field(min_length=3, max_length=500)]
    decision: Decision | None = None
    channel: str | None = None

    @model_validator(mode="after")
    def _weeks_in_order(self) -> TaskEffect:
        if self.until is not None and self.until < self.week:
            raise ValueError("until must not come before week")
        if self.decision is not None and self.phase != "review":
            raise ValueError("a decision belongs to a review task")
        return self


def weeks(effect: TaskEffect) -> str:
    """The weeks of a task in words: 'Week 3', 'Weeks 1-2'."""
    if effect.until is None or effect.until == effect.week:
        return f"Week {effect.week}"
    return f"Weeks {effect.week}\u2013{effect.until}"


def _apply(effect: TaskEffect, fired: Fired, draft: ReportDraft) -> None:
    decision = f" · {effect.decision.capitalize()} if" if effect.decision else ""
    label = f"{weeks(effect)} · {PHASE_NAMES[effect.phase]}{decision}"
    add_line(draft, TASK.key, fired, effect.text, label, effect.channel)


def _sentence(effect: TaskEffect) -> str:
    decision = f" ({effect.decision} if)" if effect.decision else ""
    return f"pilot task, {weeks(effect).lower()}, {effect.phase}{decision}: {effect.text}"


TASK = EffectType(
    key="task",
    model=TaskEffect,
    note=(
        "Adds a task to the 90-day pilot (13 weeks): `setup` tasks (accounts, policy, "
        "governance, baselines), `run` tasks and the `review`, whose tasks with a `decision` "
        "say when to continue, fix or stop. The strategy brief lists them week by week."
    ),
    field_notes={
        "phase": "`setup`, `run` or `review`",
        "week": "the week it starts, 1 to 13",
        "until": "the week it ends (none: the same week)",
        "text": "what to do, or for a decision the criterion, as the client will read it",
        "decision": "for a review task: `continue`, `fix` or `stop` when the criterion holds",
        "channel": "the channel it is about, by its id in `channels.yaml`; none for all",
    },
    example=(
        "then:\n  - task:\n      phase: setup\n      week: 1\n      until: 2\n"
        "      text: Measure the baseline of every KPI before the first post.\n"
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"pilot task {weeks(e).lower()} ({e.phase})",
    on_channel=lambda e, channel: f"pilot task: {e.text}" if e.channel == channel else None,
    section_title="90-day pilot",
)
