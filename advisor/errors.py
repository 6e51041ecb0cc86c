"""The one error family of the advisor: every user mistake and engine failure is an AdvisorError."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SHOWN_CHARS = 60
FILE_CHARS = 300
LINE_CHARS = 1500
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escaped(text: str) -> str:
    """`text` with every control, format and separator character (newlines included) written
    as an escape, so no echoed text can start a line of its own or hide what it is."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif not char.isprintable() and char != " ":
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else (
                f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"))
        else:
            out.append(char)
    return "".join(out)


def _bounded(text: str, limit: int) -> str:
    """`text`, or its start and end around an ellipsis when it is longer than `limit`."""
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return text[:head] + "…" + text[-(limit - head - 1) :]


def shown(value: Any, limit: int = SHOWN_CHARS, quote: bool = True) -> str:
    """A user's value as a message shows it: text escaped, quoted and cut to `limit`
    characters with an ellipsis; other values by their repr, cut the same way."""
    text = escaped(value) if isinstance(value, str) else escaped(repr(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'" if quote and isinstance(value, str) else text


@dataclass(frozen=True)
class Problem:
    """One located problem: where it is, what is wrong, and what to do about it."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    rule_id: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = _bounded(self.file, FILE_CHARS)
            where = where if self.line is None else f"{where}:{self.line}"
            where += ": "
        subject = ""
        if self.rule_id is not None:
            subject += f"rule {self.rule_id}: "
        if self.field:
            subject += f"{self.field}: "
        text = f"{where}{subject}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        # Whatever part came from a file (a key, a value, a file name), one problem is one
        # line, and a readable one.
        return _bounded(escaped(text), LINE_CHARS)


class AdvisorError(Exception):
    """Base of every error the advisor raises on purpose; carries one or more located problems."""

    exit_code = 2

    def __init__(self, problems: Problem | str | list[Problem]) -> None:
        if isinstance(problems, str):
            problems = Problem(problems)
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class InputError(AdvisorError):
    """A file could not be read as data: missing, too large, not UTF-8, broken YAML/JSON."""


class ProfileError(AdvisorError):
    """A profile does not validate against the profile model."""


class RuleError(AdvisorError):
    """A rule file or rule pack is invalid: schema, unknown field or channel, cycle, limit."""


class EngineError(AdvisorError):
    """durable_rules failed or a runtime limit was hit while assessing; not the user's input."""

    exit_code = 3
