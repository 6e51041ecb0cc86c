"""Reading files safely: bounded reads (the bytes counted as read, FIFOs and devices refused),
decoding (UTF-8 only, empty and binary files refused), standard input, and operating-system
errors in the project's words."""

from __future__ import annotations

import errno
import os
import stat
import sys
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any

from advisor.errors import InputError, Problem
from advisor.files.yamlsafe import parse_document, syntax_of

MAX_FILE_BYTES = 1_000_000
DATA_SUFFIXES = (".yaml", ".yml", ".json")
STDIN_SOURCE = "<stdin>"


def decode(raw: bytes, source: str) -> str:
    """Bytes of a data file as text, or a clear error for empty, binary or non-UTF-8 content."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(Problem(f"file is larger than {MAX_FILE_BYTES} bytes", source))
    if not raw.strip():
        raise InputError(Problem("file is empty", source, 1))
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError(Problem("file is UTF-32 text", source, hint="save it as UTF-8"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem("file is UTF-16 text", source, hint="save it as UTF-8"))
    if b"\x00" in raw:
        raise InputError(Problem("file is binary, not YAML or JSON text", source))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError(Problem("file is not UTF-8 text", source, line)) from None
    return text


_REASONS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "a symbolic link loop",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}
_CHUNK = 1 << 16


def os_problem(err: OSError, source: str, what: str = "cannot read") -> Problem:
    """An OSError as the project words it (no Python exception text)."""
    reason = _REASONS.get(err.errno or 0) or (err.strerror or type(err).__name__).lower()
    if err.errno == errno.ENOENT:
        return Problem(reason, source)
    return Problem(f"{what}: {reason}", source)


def read_stream(stream: IO[bytes], source: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` bytes of an open stream (standard input), counted as they are read: a
    stream that goes on is refused when it passes the limit, not read to the end."""
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = stream.read(min(_CHUNK, limit + 1 - total))
        except OSError as err:
            raise InputError(os_problem(err, source)) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(Problem(f"file is larger than {limit} bytes", source))


def read_bytes(
    path: Path | Traversable, source: str, limit: int | None = MAX_FILE_BYTES
) -> bytes:
    """The bytes of a regular file, bounded by the bytes actually read (a file's stated size is
    0 for /proc files and devices). FIFOs, devices and sockets are refused without reading:
    such a file may never end (/dev/zero) or never start (a FIFO without a writer); standard
    input (`-`) is the way to stream data in."""
    if not isinstance(path, Path):  # package data of the installed default pack
        with path.open("rb") as stream:
            return read_stream(stream, source, limit or sys.maxsize)
    try:
        # O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise InputError(Problem("is a folder, not a file", source)) from None
    except OSError as err:
        raise InputError(os_problem(err, source)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(Problem("is a folder, not a file", source))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                Problem(
                    "is not a regular file (a FIFO, device or socket)",
                    source,
                    hint="give a file, or - to read standard input",
                )
            )
        if limit is not None and info.st_size > limit:
            raise InputError(Problem(f"file is larger than {limit} bytes", source))
        with os.fdopen(os.dup(fd), "rb", buffering=0) as stream:
            return read_stream(stream, source, limit or sys.maxsize)
    except OSError as err:
        raise InputError(os_problem(err, source)) from None
    finally:
        os.close(fd)


def read_text(path: str | Path, limit: int | None = MAX_FILE_BYTES) -> str:
    """A text file the authoring kit reads (a feature file, a coverage record), checked like
    any data file: it exists, is UTF-8, and is not larger than `limit` (None: a file the
    advisor wrote itself, such as a coverage record, which grows with the number of scenarios)."""
    path = Path(path)
    source = str(path)
    if limit is not None:
        return decode(read_bytes(path, source), source)
    raw = read_bytes(path, source, None)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(Problem("file is not UTF-8 text", source)) from None


def safe_resolve(path: Path) -> Path:
    """`path` made absolute with its links followed, or only made absolute when following them
    fails (a symbolic link loop: whatever reads it next reports the loop, located)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def load_data_file(path: str | Path) -> Any:
    """Read any YAML or JSON data file (e.g. an `advisor init --answers` file) as plain data."""
    path = Path(path)
    source = str(path)
    text = decode(read_bytes(path, source), source)
    data, _ = parse_document(text, source, syntax_of(path.name))
    return data
