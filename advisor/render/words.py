"""Client text in display words: a vocabulary id left in a sentence (a channel id, a skill, a
segment or a focus filled into a rule's template) reads as its display name or as words."""

from __future__ import annotations

import re
from collections.abc import Mapping

# A snake_case id of the vocabulary: two or more lowercase words joined by underscores.
RAW_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def display(text: str, names: Mapping[str, str]) -> str:
    """The text with every vocabulary id replaced by its display name (channels) or words."""
    return RAW_ID.sub(lambda m: names.get(m.group(0), m.group(0).replace("_", " ")), text)
