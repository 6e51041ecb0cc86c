"""`governance`: an item of the governance checklist a client runs before launch (accounts and
their security, the comment policy, moderation, approvals, records, incidents)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from advisor.model.report import SectionItem
from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft

Area = Literal["accounts", "security", "policy", "moderation", "approvals", "records", "incidents"]


class GovernanceEffect(EffectModel):
    model_config = ConfigDict(title="Governance")

    area: Area
    text: Annotated[str, Field(min_length=3, max_length=500)]
    channel: str | None = None


def _apply(effect: GovernanceEffect, fired: Fired, draft: ReportDraft) -> None:
    draft.add_to_section(
        GOVERNANCE.key,
        SectionItem(
            rule_id=fired.rule_id,
            text=effect.text,
            label=effect.area.capitalize(),
            channel=effect.channel,
            sources=fired.sources,
        ),
    )


def _sentence(effect: GovernanceEffect) -> str:
    scope = f" for {effect.channel}" if effect.channel else ""
    return f"governance item ({effect.area}){scope}: {effect.text}"


GOVERNANCE = EffectType(
    key="governance",
    model=GovernanceEffect,
    note=(
        "Adds an item to the report's governance checklist: something the organization puts in "
        "place before it launches (who owns each account, how accounts are secured, the comment "
        "policy, moderation, approvals, records, the incident playbook). Items are listed in the "
        "order the rules fired, each with its rule and sources."
    ),
    field_notes={
        "area": "which part of governance the item belongs to",
        "text": "what to put in place, as the client will read it",
        "channel": "the channel it is about, by its id in `channels.yaml`; none for all",
    },
    example=(
        "then:\n  - governance:\n      area: accounts\n"
        "      text: Turn on multifactor authentication for every account.\n"
    ),
    apply=_apply,
    sentence=_sentence,
    brief=lambda e: f"governance `{e.area}`: {e.text}",
    section_title="Governance checklist",
)
