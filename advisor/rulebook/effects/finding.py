"""`finding`: a statement about the organization's readiness (info, warning or blocker); its
message is the rule's reason."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from advisor.model.report import Finding
from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft
from advisor.rulebook.language import CODE, Level


class FindingEffect(EffectModel):
    model_config = ConfigDict(title="Finding")

    level: Level
    code: Annotated[str, Field(pattern=CODE)]


def _apply(effect: FindingEffect, fired: Fired, draft: ReportDraft) -> None:
    draft.findings.append(
        Finding(
            level=effect.level,
            code=effect.code,
            message=fired.reason.text,
            rule_id=fired.rule_id,
            post=fired.post,
            evidence=fired.reason.evidence,
            sources=fired.sources,
        )
    )


FINDING = EffectType(
    key="finding",
    model=FindingEffect,
    note=(
        "A finding at the top of the report: its message is the rule's `because` with the "
        'placeholders filled in. A blocker finding marks the report not ready (`advisor assess '
        '--fail-on-blockers` exits 1).'
    ),
    field_notes={
        'level': (
            'How serious: `blocker` stops the strategy until fixed; `warning` and `info` are '
            'advice.'
        ),
        'code': (
            'A short kebab-case name of the finding, e.g. `objectives-not-measurable`.'
        ),
    },
    example=(
        'then:\n'
        '  - finding: {level: blocker, code: objectives-not-measurable}\n'
    ),
    apply=_apply,
    sentence=lambda e: f"finding {e.level} {e.code} (its message is the rule's because)",
    brief=lambda e: f"{e.level} finding `{e.code}`",
)
