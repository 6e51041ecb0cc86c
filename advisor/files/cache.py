"""A cache on disk of what costs time to rebuild and little to check: JSON documents (never
pickles) keyed by a content hash and the advisor's version. A second run or a worker process
reads a pack's parsed files and its compiled form instead of parsing and compiling again.

Nothing read from the cache is trusted: an entry must name its own kind, key and version, and
the caller validates what it holds (falling back to building it afresh); a missing, unreadable,
corrupt or stale entry is ignored and written anew. Writing never fails a command: a read-only
or full disk only means no cache.

The folder is `$ADVISOR_CACHE_DIR`, else `$XDG_CACHE_HOME/advisor`, else `~/.cache/advisor`;
`ADVISOR_CACHE_DIR=off` (or empty) turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError
from advisor.files.metadata import installed_version
from advisor.files.read import read_bytes

CACHE_ENV = "ADVISOR_CACHE_DIR"
# Bumped when the layout of an entry changes, so an old entry is stale, not misread.
FORMAT = 1
# A compiled 4,000-rule pack is a few MB; anything far larger is not an entry of ours.
MAX_ENTRY_BYTES = 256 * 1024 * 1024


@cache
def advisor_version() -> str:
    """The installed distribution's version (pyproject.toml), read once per process."""
    return installed_version()


def cache_folder() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip() in ("", "off") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "advisor"


def cache_key(kind: str, *parts: str) -> str:
    """The key of an entry: its kind, the advisor's version and what it was built from."""
    digest = hashlib.sha256()
    for part in (kind, str(FORMAT), advisor_version(), *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


def _entry_path(folder: Path, kind: str, key: str) -> Path:
    return folder / f"{kind}-{key}.json"


def read_cached(kind: str, key: str) -> Any | None:
    """The data of an entry, or None when there is none, or it is not whole (its digest does not
    match), not JSON, or not the entry asked for (another kind, key, version or format)."""
    folder = cache_folder()
    if folder is None:
        return None
    path = _entry_path(folder, kind, key)
    try:
        entry = json.loads(read_bytes(path, str(path), MAX_ENTRY_BYTES))
        expected = {"format": FORMAT, "kind": kind, "key": key, "advisor": advisor_version()}
        if not isinstance(entry, dict) or any(entry.get(k) != v for k, v in expected.items()):
            return None
        text = entry["data"]
        if hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != entry["digest"]:
            return None
        return json.loads(text)
    except (AdvisorError, OSError, ValueError, RecursionError, KeyError, TypeError,
            AttributeError):
        return None


def write_cached(kind: str, key: str, data: Any) -> None:
    """Write an entry whole (a temporary file renamed into place, so a reader never sees half
    of one and concurrent writers leave one whole entry); any failure is ignored. The data is
    kept as JSON text with its SHA-256, so an entry damaged on disk is never read as data."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return  # not plain JSON data (a non-text key, an infinity): built afresh every time
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    entry = {"format": FORMAT, "kind": kind, "key": key, "advisor": advisor_version(),
             "digest": digest, "data": text}
    path = _entry_path(folder, kind, key)
    temporary = folder / f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(temporary, "x", encoding="utf-8") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


# ---------------------------------------------------------------- parsed documents

Document = tuple[Any, dict[tuple[str | int, ...], int]]
"""A parsed YAML or JSON document: its data and the line of every path in it."""


def _plain(value: Any, depth: int = 0) -> bool:
    """Whether JSON gives `value` back as it is: text keys only, no infinities, no tuples."""
    if depth > 100:
        return False
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v, depth + 1) for v in value)
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    return value is None or isinstance(value, str | int | bool)


# A line map's paths as text: each step "#<index>" or "'<key>", joined by this separator (JSON
# reads a flat list of strings several times faster than a list of lists).
_STEP = "\x1f"


def _path_text(path: tuple[str | int, ...]) -> str | None:
    steps = []
    for step in path:
        if type(step) is int:
            steps.append(f"#{step}")
        elif type(step) is str and _STEP not in step:
            steps.append(f"'{step}")
        else:
            return None
    return _STEP.join(steps)


def _path_of(text: str) -> tuple[str | int, ...]:
    if not text:
        return ()
    return tuple(int(s[1:]) if s[0] == "#" else s[1:] for s in text.split(_STEP))


def encode_documents(documents: dict[str, Document]) -> dict[str, Any] | None:
    """Documents as JSON data, or None when one holds what JSON would change."""
    encoded = {}
    for name, (data, lines) in documents.items():
        paths = [_path_text(path) for path in lines]
        if not _plain(data) or None in paths:
            return None
        encoded[name] = {"data": data, "paths": paths, "lines": list(lines.values())}
    return encoded


def decode_documents(entry: Any, names: list[str]) -> dict[str, Document] | None:
    """The documents of a cache entry, checked to be exactly `names` with well-formed line maps;
    None when anything is off."""
    if not isinstance(entry, dict) or sorted(entry) != sorted(names):
        return None
    documents: dict[str, Document] = {}
    try:
        for name in names:
            item = entry[name]
            paths, lines = item["paths"], item["lines"]
            if not (isinstance(paths, list) and isinstance(lines, list)
                    and len(paths) == len(lines)
                    and all(type(n) is int for n in lines)):
                return None
            documents[name] = (item["data"], dict(zip(map(_path_of, paths), lines, strict=True)))
    except (TypeError, ValueError, KeyError, IndexError):
        return None
    return documents
