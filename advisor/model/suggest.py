"""Did-you-mean suggestions for misspelt keys, values, channels and rule ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, choices: Iterable[str], limit: int = 1) -> list[str]:
    """The closest choices to `word`, best first; empty when nothing is reasonably close."""
    pool = sorted(set(choices))
    lowered = {c.lower(): c for c in pool}
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=limit, cutoff=0.6)
    return [lowered[m] for m in matches]


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint such as "did you mean 'segment'?", or None when no choice is close."""
    found = nearest(word, choices, limit=1)
    return f"did you mean '{found[0]}'?" if found else None
