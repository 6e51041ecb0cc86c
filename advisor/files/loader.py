"""The only module that reads files: profiles (YAML/JSON) and rule packs (a folder, or the default
pack shipped inside the package), validated, with every problem located by file and line."""

from __future__ import annotations

import errno
import hashlib
import importlib.resources
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from advisor.errors import InputError, Problem, ProfileError, RuleError, shown
from advisor.files.yamlsafe import LineMap, Syntax, format_path, line_of, parse_document, syntax_of
from advisor.files.yamlsafe import Path as DataPath
from advisor.model.annotations import is_model, nested_model
from advisor.model.catalog import Catalogue, Manifest
from advisor.model.located import located_problems
from advisor.model.profile import Profile
from advisor.model.sources import Bibliography, Source, looks_like_id
from advisor.model.suggest import did_you_mean
from advisor.rulebook.pack import Location, RulePack
from advisor.rulebook.rules import LocatedProblem, Rule, derived_reads, derived_writes, parse_rule

MAX_FILE_BYTES = 1_000_000
MANIFEST = "pack.yaml"
CATALOGUE = "channels.yaml"
SOURCES = "sources.yaml"
DATA_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class LoadedProfile:
    profile: Profile
    source: str
    lines: LineMap


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


# ---------------------------------------------------------------- profiles


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model at a path of field names (list indexes skipped), if there is one."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not is_model(current):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = nested_model(info.annotation)
    return current if is_model(current) else None


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


STDIN_SOURCE = "<stdin>"


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


# ---------------------------------------------------------------- rule packs


def default_pack_root() -> Traversable:
    """The shipped pack: package data when installed; the checkout's rules/ folder when the
    package is imported from a source tree that was never installed."""
    try:
        return importlib.resources.files("advisor.default_pack")
    except ModuleNotFoundError:
        source_tree = Path(__file__).resolve().parents[2] / "rules"
        if (source_tree / MANIFEST).is_file():
            return source_tree
        raise InputError(
            Problem("the default rule pack is not installed", hint="reinstall the package")
        ) from None


MAX_PACK_ENTRIES = 10_000
MAX_PACK_DEPTH = 16


def _data_files(root: Traversable, label: str) -> Iterator[tuple[str, Traversable]]:
    """Every YAML/JSON file below `root`, as (relative name, file), in a stable order. A folder
    reached twice (a symbolic link loop) is walked once; a folder that cannot be read is a
    located error; a tree past MAX_PACK_ENTRIES entries or MAX_PACK_DEPTH levels is refused
    (`--rules /` must not walk a whole disk)."""
    seen: set[tuple[int, int]] = set()
    count = 0

    def walk(folder: Traversable, prefix: str, depth: int) -> Iterator[tuple[str, Traversable]]:
        nonlocal count
        where = f"{label}/{prefix}".rstrip("/")
        if isinstance(folder, Path):
            try:
                info = folder.stat()
            except OSError as err:
                raise InputError(os_problem(err, where, "cannot read folder")) from None
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
        if depth > MAX_PACK_DEPTH:
            raise InputError(Problem(f"folders nest deeper than {MAX_PACK_DEPTH} levels", where))
        try:
            entries = sorted(folder.iterdir(), key=lambda t: t.name)
        except OSError as err:
            raise InputError(os_problem(err, where, "cannot read folder")) from None
        count += len(entries)
        if count > MAX_PACK_ENTRIES:
            raise InputError(
                Problem(f"a rule pack holds more than {MAX_PACK_ENTRIES} files and folders", label)
            )
        for entry in entries:
            name = f"{prefix}{entry.name}"
            if entry.name.startswith((".", "_")):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(entry, f"{name}/", depth + 1)
            elif entry.name.endswith(DATA_SUFFIXES):
                yield name, entry

    return walk(root, "", 0)


def safe_resolve(path: Path) -> Path:
    """`path` made absolute with its links followed, or only made absolute when following them
    fails (a symbolic link loop: whatever reads it next reports the loop, located)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def _validate_model(
    model: type[BaseModel], data: Any, source: str, lines: LineMap
) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise RuleError(validation_problems(err, model, data, source, lines)) from None


def _rule_documents(data: Any) -> list[tuple[DataPath, Any]]:
    """A rule file holds one rule (a mapping) or a list of rules."""
    if isinstance(data, list):
        return [((i,), item) for i, item in enumerate(data)]
    return [((), data)]


MAX_EXTENDS_DEPTH = 8
DEFAULT_PACK_NAME = "default"


def load_pack(folder: str | Path | Traversable | None = None) -> RulePack:
    """Load a rule pack folder (the shipped default when None), collecting every rule problem.
    A pack whose manifest says `extends: default` (or a folder relative to it) adds its channels
    and rules to that pack's; an id defined twice is an error."""
    return _load_pack(folder, 0)


def load_pack_collecting(folder: str | Path | None = None) -> tuple[RulePack, list[Problem]]:
    """For `advisor rules check`: the pack made of the rules that are valid, and the problems of
    every rule that is not (a broken manifest or catalogue still raises: nothing can load)."""
    problems: list[Problem] = []
    return _load_pack(folder, 0, problems), problems


def _base_pack(
    extends: str, root: Traversable, source: str, line: int | None, depth: int
) -> RulePack:
    """The pack a manifest extends: the shipped default, or a folder relative to the pack."""
    if depth >= MAX_EXTENDS_DEPTH:
        raise RuleError(
            Problem("packs extend each other too deeply (a cycle?)", source, line, "extends")
        )
    if extends == DEFAULT_PACK_NAME:
        return _load_pack(None, depth + 1)
    if not isinstance(root, Path):
        raise RuleError(Problem("only 'extends: default' works here", source, line, "extends"))
    base = safe_resolve(root / extends)
    try:
        base.stat()
    except OSError as err:
        if err.errno != errno.ENOENT:
            problem = os_problem(err, source, f"extended pack folder {shown(extends)}")
            raise RuleError(Problem(problem.message, source, line, "extends")) from None
    if not base.is_dir():
        raise RuleError(
            Problem(
                f"extended pack folder {shown(extends)} not found",
                source,
                line,
                "extends",
                hint="write 'extends: default' or a folder relative to this pack",
            )
        )
    return _load_pack(base, depth + 1)


def _check_pack_folder(root: Path, label: str) -> None:
    """A pack folder is a readable folder with a manifest: checked before anything is walked."""
    try:
        info = root.stat()
    except OSError as err:
        if err.errno == errno.ENOENT:
            raise InputError(Problem("rule pack folder not found", label)) from None
        raise InputError(os_problem(err, label, "cannot read folder")) from None
    if not stat.S_ISDIR(info.st_mode):
        raise InputError(Problem("rule pack folder not found", label, hint="it is not a folder"))
    manifest = root / MANIFEST
    try:
        manifest.stat()
    except OSError as err:
        if err.errno == errno.ENOENT:
            problem = Problem(f"a rule pack needs {MANIFEST}", f"{label}/{MANIFEST}")
            raise RuleError(problem) from None
        raise InputError(os_problem(err, f"{label}/{MANIFEST}")) from None


def _load_pack(
    folder: str | Path | Traversable | None, depth: int, collect: list[Problem] | None = None
) -> RulePack:
    if folder is None:
        root: Traversable = default_pack_root()
        label = "rules"
    else:
        root = Path(folder) if isinstance(folder, str) else folder
        label = str(folder)
        if isinstance(root, Path):
            _check_pack_folder(root, label)
    digest = hashlib.sha256()
    files: dict[str, tuple[Any, LineMap, str]] = {}
    for name, entry in _data_files(root, label):
        source = f"{label}/{name}"
        raw = read_bytes(entry, source)
        digest.update(name.encode() + b"\x00" + raw + b"\x00")
        files[name] = (*parse_document(decode(raw, source), source, syntax_of(name)), source)
    if MANIFEST not in files:
        raise RuleError(Problem(f"a rule pack needs {MANIFEST}", f"{label}/{MANIFEST}"))
    man_data, man_lines, man_source = files.pop(MANIFEST)
    manifest: Manifest = _validate_model(Manifest, man_data, man_source, man_lines)
    base: RulePack | None = None
    if manifest.extends is not None:
        extends_line = line_of(man_lines, ("extends",))
        base = _base_pack(manifest.extends, root, man_source, extends_line, depth)
    if CATALOGUE not in files and base is None:
        raise RuleError(Problem(f"a rule pack needs {CATALOGUE}", f"{label}/{CATALOGUE}"))
    inherited_channels = list(base.catalogue.channels) if base is not None else []
    if CATALOGUE in files:
        cat_data, cat_lines, cat_source = files.pop(CATALOGUE)
        own: Catalogue = _validate_model(Catalogue, cat_data, cat_source, cat_lines)
        catalogue = Catalogue(channels=[*inherited_channels, *own.channels])
    else:
        cat_lines, cat_source = {}, f"{label}/{CATALOGUE}"
        catalogue = Catalogue(channels=inherited_channels)
    channel_ids = frozenset(c.id for c in catalogue.channels)
    if len(channel_ids) != len(catalogue.channels):
        seen: set[str] = set()
        for i, channel in enumerate(catalogue.channels):
            if channel.id in seen:
                line = line_of(cat_lines, ("channels", i - len(inherited_channels), "id"))
                raise RuleError(Problem(f"duplicate channel id '{channel.id}'", cat_source, line))
            seen.add(channel.id)

    own_bibliography = SOURCES in files
    sources = _bibliography(files.pop(SOURCES, None), base)
    known = {s.id: s for s in sources}
    problems: list[Problem] = []
    rules: list[Rule] = list(base.rules) if base is not None else []
    locations: dict[str, Location] = dict(base.locations) if base is not None else {}
    for data, lines, source in files.values():
        for prefix, item in _rule_documents(data):
            rule_id = item.get("id") if isinstance(item, Mapping) else None
            rule_id = rule_id if isinstance(rule_id, str) else None
            try:
                rule = parse_rule(item, channel_ids)
            except LocatedProblem as failure:
                problems += [
                    Problem(
                        problem.message,
                        source,
                        line_of(lines, (*prefix, *problem.path)),
                        format_path(problem.path) or None,
                        rule_id,
                        problem.hint,
                    )
                    for problem in failure.every
                ]
                continue
            here = Location(source, line_of(lines, prefix))
            problems += _citation_problems(rule, known, own_bibliography, source, lines, prefix)
            if rule.id in locations:
                first = locations[rule.id]
                problems.append(
                    Problem(
                        f"duplicate rule id (first defined at {first.file}:{first.line})",
                        source,
                        here.line,
                        "id",
                        rule.id,
                        "rule ids are never reused: pick a new one",
                    )
                )
                continue
            locations[rule.id] = here
            rules.append(rule)
    problems.extend(_unwritten_derived(rules, locations))
    if problems and collect is None:
        raise RuleError(problems)
    if collect is not None:
        collect.extend(problems)
    if base is None:
        return RulePack(
            manifest, catalogue, tuple(rules), locations, digest.hexdigest(), sources=sources
        )
    # The extension's hash covers the pack it extends: a change in either changes reports.
    combined = hashlib.sha256(f"{base.content_hash}\x00{digest.hexdigest()}".encode())
    inherited = frozenset(r.id for r in base.rules)
    return RulePack(
        manifest, catalogue, tuple(rules), locations, combined.hexdigest(), inherited, sources
    )


def _bibliography(
    loaded: tuple[Any, LineMap, str] | None, base: RulePack | None
) -> tuple[Source, ...]:
    """The pack's bibliography: the extended pack's entries, then this pack's sources.yaml
    (validated like any pack file); an id defined twice is an error."""
    inherited = base.sources if base is not None else ()
    if loaded is None:
        return inherited
    data, lines, source = loaded
    own: Bibliography = _validate_model(Bibliography, data, source, lines)
    first = {s.id: f"{base.manifest.name} pack" for s in inherited} if base else {}
    problems = []
    for i, entry in enumerate(own.sources):
        line = line_of(lines, ("sources", i, "id"))
        if entry.id in first:
            problems.append(
                Problem(
                    f"duplicate source id {shown(entry.id)} (first defined at {first[entry.id]})",
                    source,
                    line,
                    f"sources[{i}].id",
                    hint="source ids are unique across a pack and the pack it extends",
                )
            )
        first.setdefault(entry.id, f"{source}:{line}")
    if problems:
        raise RuleError(problems)
    return (*inherited, *own.sources)


def _citation_problems(
    rule: Rule,
    known: Mapping[str, Source],
    own_bibliography: bool,
    source: str,
    lines: LineMap,
    prefix: DataPath,
) -> list[Problem]:
    """A rule cites bibliography ids. A citation written as an id must name an entry whenever
    the pack has a bibliography (its own or the one it extends); free text is allowed only in
    a pack without a sources.yaml of its own."""
    problems = []
    for i, citation in enumerate(rule.meta.source):
        if citation in known:
            continue
        if not looks_like_id(citation) and not own_bibliography:
            continue
        if not known and not own_bibliography:
            continue
        path = (*prefix, "source", i)
        if looks_like_id(citation):
            message = f"unknown source id {shown(citation)}"
            hint = did_you_mean(citation, known) or f"add it to {SOURCES}"
        else:
            message = f"{shown(citation)} is not a source id"
            hint = f"cite the ids of {SOURCES}, separated by '; '"
        problems.append(
            Problem(message, source, line_of(lines, path), "source", rule.id, hint)
        )
    return problems


def _unwritten_derived(rules: list[Rule], locations: dict[str, Location]) -> list[Problem]:
    """A rule reading a derived fact that no rule derives can only be a typo."""
    written = set().union(*(derived_writes(r) for r in rules)) if rules else set()
    problems = []
    for rule in rules:
        for name in sorted(derived_reads(rule) - written):
            where = locations[rule.id]
            problems.append(
                Problem(
                    f"reads derived fact '{name}' that no rule derives",
                    where.file,
                    where.line,
                    "when",
                    rule.id,
                    did_you_mean(name, written) or "add a rule with a derive effect",
                )
            )
    return problems


def load_data_file(path: str | Path) -> Any:
    """Read any YAML or JSON data file (e.g. an `advisor init --answers` file) as plain data."""
    path = Path(path)
    source = str(path)
    text = decode(read_bytes(path, source), source)
    data, _ = parse_document(text, source, syntax_of(path.name))
    return data
