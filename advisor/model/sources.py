"""A pack's bibliography (`sources.yaml` at the pack's root): the sources its rules cite by id,
validated, and what follows from them (which citations resolve, which evidence is dated)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Kebab-case words joined by hyphens (at least two): `pew-2025-social-media-use`.
SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
SourceKind = Literal[
    "regulation",
    "guidance",
    "peer-reviewed",
    "survey",
    "vendor-report",
    "book",
    "platform-policy",
    "news",
]
# The kinds whose findings age: a statistic describes the year it was measured.
DATED_KINDS: frozenset[str] = frozenset({"survey", "peer-reviewed", "vendor-report"})


class Source(BaseModel):
    """One entry of the bibliography: enough for a reader to find and check it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=SOURCE_ID.pattern, min_length=3, max_length=100)]
    title: Annotated[str, Field(min_length=2, max_length=500)]
    publisher: Annotated[str, Field(min_length=2, max_length=300)]
    year: Annotated[int, Field(ge=1800, le=2100)]
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=1000)]
    # The day someone last opened the URL and found the cited content there.
    checked: datetime.date
    kind: SourceKind
    # The population and sample behind a statistic.
    sample: Annotated[str, Field(min_length=3, max_length=500)] | None = None
    # Why a source older than the pack's `stale_after_years` is still cited (shown to readers
    # next to the entry; a source with a note is not reported as stale).
    dated: Annotated[str, Field(min_length=10, max_length=500)] | None = None


class Bibliography(BaseModel):
    """`sources.yaml`: the list of sources a pack's rules may cite."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[Source] = Field(min_length=1, max_length=5000)


def looks_like_id(citation: str) -> bool:
    """A citation written as a bibliography id (hyphenated kebab-case, no spaces), not as free
    text (`internal` and `Our 2025 interviews` are free text)."""
    return bool(SOURCE_ID.match(citation))


def resolved(citations: Iterable[str], sources: Mapping[str, Source]) -> list[Source]:
    """The bibliography entries a rule's citations name, in the order cited (free-text
    citations of a pack without a bibliography name none)."""
    return [sources[c] for c in citations if c in sources]


def is_stale(source: Source, year: int, after_years: int | None) -> bool:
    """A survey, study or vendor report older than `after_years` (relative to `year`), and no
    note in the bibliography saying why it is still cited."""
    return (
        after_years is not None
        and source.kind in DATED_KINDS
        and source.dated is None
        and year - source.year > after_years
    )


def citation_text(source: Source) -> str:
    """One line a reader can look up: title, publisher, year, URL."""
    return f"{source.title}. {source.publisher}, {source.year}. {source.url}"


def numbered(order: Sequence[str], sources: Mapping[str, Source]) -> dict[str, int]:
    """Bibliography ids numbered 1, 2, ... in the order of their first use in `order`."""
    numbers: dict[str, int] = {}
    for source_id in order:
        if source_id in sources and source_id not in numbers:
            numbers[source_id] = len(numbers) + 1
    return numbers
