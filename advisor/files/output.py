"""Writing an output file whole or not at all, safely in a shared folder.

- The text goes to a temporary file created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW) in the
  target's folder, named `.NAME.<pid>-<random>.advisor-tmp`, then renamed over the target:
  a planted file or symbolic link at a predictable temporary name cannot redirect the write.
- Only a regular file is replaced. A symbolic link, FIFO, device, socket or folder at the
  target is refused (the advisor does not write through links: a report replacing what a link
  points at, or a link replaced by a file, were both surprises).
- A read-only target (no write permission for its owner) is refused, as a shell's `>` refuses
  it, even for root; an existing target keeps its permission bits; a new one gets 0666 less
  the umask, as a shell would create it.
- Concurrent writers to one target: each writes its own temporary file; the last rename wins
  and the file is always one writer's output, whole.
- A temporary file left by a killed run (its pid no longer alive) is removed by the next
  write to the same target.
- `-` is standard output.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from advisor.errors import AdvisorError, InputError, Problem

STDOUT = "-"
TMP_SUFFIX = ".advisor-tmp"


def _refuse(target: Path, message: str, hint: str | None = None) -> AdvisorError:
    return InputError(Problem(message, str(target), hint=hint))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(target: Path) -> int:
    """The permission bits the written file will have; refuses a target that is not a regular
    file or is read-only, and a folder that does not exist."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            message = f"cannot write: the folder {target.parent} does not exist"
            raise _refuse(target, message) from None
        return 0o666 & ~_umask()
    except OSError as err:
        raise _refuse(target, f"cannot write: {(err.strerror or str(err)).lower()}") from None
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(target, "is a symbolic link: not replaced", "write to the file it names")
    if stat.S_ISDIR(info.st_mode):
        raise _refuse(target, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(target, "is not a regular file (a FIFO, device or socket): not replaced")
    if not info.st_mode & stat.S_IWUSR:
        raise _refuse(target, "is read-only: not replaced", "make it writable or remove it")
    return stat.S_IMODE(info.st_mode)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(target: Path) -> list[Path]:
    """Remove the temporary files of earlier writes to `target` whose writer is dead."""
    removed: list[Path] = []
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TMP_SUFFIX)):
            continue
        token = name[len(prefix) : -len(TMP_SUFFIX)]
        pid_text = token.split("-", 1)[0]
        if not pid_text.isdigit() or _pid_alive(int(pid_text)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


@contextlib.contextmanager
def atomic_output(target: Path | str) -> Iterator[IO[str]]:
    """A text stream whose content replaces `target` when the block ends without an exception
    (nothing is written otherwise). `-` streams to standard output."""
    if str(target) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(target)
    mode = check_target(target)
    clean_stale(target)
    tmp = target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}{TMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, 0o600)
    except OSError as err:
        raise _refuse(target, f"cannot write: {(err.strerror or str(err)).lower()}") from None
    done = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fchmod(stream.fileno(), mode)
        check_target(target)  # still not a link, FIFO or read-only file
        os.replace(tmp, target)
        done = True
    except OSError as err:
        raise _refuse(target, f"cannot write: {(err.strerror or str(err)).lower()}") from None
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_output(target: Path | str, text: str) -> None:
    """Write `text` to `target` whole or not at all (see the module docstring)."""
    with atomic_output(target) as stream:
        stream.write(text)
