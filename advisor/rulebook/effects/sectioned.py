"""What the effect types that only add a line to a report section share: the line itself,
traced to its rule and sources."""

from __future__ import annotations

from advisor.model.report import SectionItem
from advisor.rulebook.effects.base import Fired, ReportDraft


def add_line(
    draft: ReportDraft, key: str, fired: Fired, text: str, label: str, channel: str | None
) -> None:
    """Add one item to the section of effect type `key`, with the fired rule's id and sources."""
    draft.add_to_section(
        key,
        SectionItem(
            rule_id=fired.rule_id,
            text=text,
            label=label,
            channel=channel,
            sources=fired.sources,
        ),
    )
