"""Reading profiles: a YAML or JSON file, standard input or parsed data, validated against the
profile model with every problem located by file and line."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from advisor.errors import Problem, ProfileError
from advisor.files.read import STDIN_SOURCE, decode, read_bytes, read_stream
from advisor.files.yamlsafe import LineMap, Syntax, format_path, line_of, parse_document, syntax_of
from advisor.model.located import located_problems
from advisor.model.profile import Profile


@dataclass(frozen=True)
class LoadedProfile:
    profile: Profile
    source: str
    lines: LineMap


def validation_problems(
    err: ValidationError, model: type[BaseModel], data: Any, source: str, lines: LineMap
) -> list[Problem]:
    """Every Pydantic error as a problem located by file and line (advisor.located)."""
    problems = [
        Problem(p.message, source, line_of(lines, p.path), format_path(p.path) or "(top)",
                hint=p.hint)
        for p in located_problems(err, model, data)
    ]
    return sorted(problems, key=lambda p: (p.line or 0, p.field or ""))


def profile_from_data(data: Any, source: str, lines: LineMap | None = None) -> Profile:
    """Validate already-parsed data as a profile, reporting every problem at once."""
    lines = lines or {}
    if not isinstance(data, Mapping):
        raise ProfileError(Problem("a profile is a mapping with an 'organization' key", source, 1))
    try:
        return Profile.model_validate(dict(data))
    except ValidationError as err:
        raise ProfileError(validation_problems(err, Profile, data, source, lines)) from None


def parse_profile_text(text: str, source: str, syntax: Syntax = "yaml") -> LoadedProfile:
    data, lines = parse_document(text, source, syntax)
    return LoadedProfile(profile_from_data(data, source, lines), source, lines)


def read_profile_stream(
    stream: IO[bytes] | None = None, source: str = STDIN_SOURCE
) -> LoadedProfile:
    """A profile from an open stream (standard input by default): JSON or YAML, bounded like a
    file (MAX_FILE_BYTES, counted as read)."""
    raw = read_stream(stream if stream is not None else sys.stdin.buffer, source)
    return parse_profile_text(decode(raw, source), source, "auto")


def load_profile(path: str | Path) -> LoadedProfile:
    """Read and validate a profile file (YAML or JSON)."""
    path = Path(path)
    source = str(path)
    text = decode(read_bytes(path, source), source)
    return parse_profile_text(text, source, syntax_of(path.name))
