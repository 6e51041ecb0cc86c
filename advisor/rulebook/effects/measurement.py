"""`measurement`: a line of the measurement plan: for an objective, the KPI, where its data
comes from, how often it is reported, and how to get its baseline."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.effects.sectioned import add_line

Text = Annotated[str, Field(min_length=3, max_length=300)]


class MeasurementEffect(EffectModel):
    model_config = ConfigDict(title="Measurement")

    kpi: Text
    objective: Literal["listening", "talking", "energizing", "supporting", "embracing"] | None = (
        None
    )
    data_source: Text
    rhythm: Literal["weekly", "monthly", "quarterly"]
    baseline: Text | None = None
    tracking: Annotated[str, Field(min_length=3, max_length=500)] | None = None
    channel: str | None = None


def _apply(effect: MeasurementEffect, fired: Fired, draft: ReportDraft) -> None:
    parts = [f"Data: {effect.data_source}; reported {effect.rhythm}."]
    if effect.tracking:
        parts.append(effect.tracking)
    add_line(draft, MEASUREMENT.key, fired, " ".join(parts), effect.kpi, effect.channel)


def _sentence(effect: MeasurementEffect) -> str:
    scope = f" for {effect.objective}" if effect.objective else ""
    return f"measure {effect.kpi}{scope} from {effect.data_source}, {effect.rhythm}"


MEASUREMENT = EffectType(
    key="measurement",
    model=MeasurementEffect,
    note=(
        "Adds a line to the measurement plan: the KPI of an objective kind (or of the whole plan), "
        "its data source, how often it is reported, how to take its baseline and, where privacy "
        "law applies, how to track it safely. The strategy brief sets each line beside the "
        "profile's objectives, with their target and date; a KPI without a `baseline` is "
        "measured in weeks 1-2."
    ),
    field_notes={
        "kpi": "what to measure, in words",
        "objective": "the objective kind it measures; none for the whole plan",
        "data_source": (
            "where the numbers come from (a platform's analytics, a registration system)"
        ),
        "rhythm": "`weekly`, `monthly` or `quarterly`: how often it is reported",
        "baseline": "how the starting value is known; none: measure it in weeks 1-2",
        "tracking": "how to track it without breaking privacy rules, where they apply",
        "channel": "the channel it is about, by its id in `channels.yaml`; none for all",
    },
    example=(
        "then:\n  - measurement:\n      kpi: registrations from tracked links\n"
        "      objective: energizing\n      data_source: the registration system\n"
        "      rhythm: monthly\n"
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"measure *{e.kpi}* ({e.rhythm})",
    on_channel=lambda e, channel: f"measure {e.kpi}" if e.channel == channel else None,
    section_title="Measurement plan",
)
