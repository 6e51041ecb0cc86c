"""The installed distribution's version, read from its metadata file (`*.dist-info/METADATA` or
`*.egg-info/PKG-INFO`) on the import path the way importlib.metadata finds it, without importing
importlib.metadata (its imports cost `advisor --version` more than all of the command line)."""

from __future__ import annotations

import os
import sys

DISTRIBUTION = "healthcare-social-advisor"  # as advisor.DISTRIBUTION (the package face)


def _normalized(name: str) -> str:
    return name.replace("-", "_").replace(".", "_").lower()


def _version_in(folder: str, want: str) -> str | None:
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return None
    for name in names:
        stem, _, suffix = name.rpartition(".")
        if suffix not in ("dist-info", "egg-info"):
            continue
        if _normalized(stem.split("-")[0]) != want:
            continue
        leaf = "METADATA" if suffix == "dist-info" else "PKG-INFO"
        meta = os.path.join(folder or ".", name, leaf)
        try:
            with open(meta, encoding="utf-8") as stream:
                for line in stream:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break  # the headers end at the first empty line
        except OSError:
            continue
    return None


def installed_version(distribution: str = DISTRIBUTION) -> str:
    """The version of the first copy of `distribution` on sys.path (as importlib.metadata
    reads it); importlib.metadata's answer when the metadata is laid out another way."""
    want = _normalized(distribution)
    for folder in sys.path:
        found = _version_in(folder, want)
        if found is not None:
            return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover - a source tree never installed
        return "0+unknown"
