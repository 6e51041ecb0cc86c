"""Reading rule packs: a folder (or the default pack shipped inside the package) of a manifest,
a channel catalogue, a bibliography and rule files, optionally extending another pack; every
rule problem collected and located by file and line."""

from __future__ import annotations

import errno
import hashlib
import importlib.resources
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from advisor.errors import InputError, Problem, RuleError, shown
from advisor.files.cache import (
    cache_key,
    decode_documents,
    encode_documents,
    read_cached,
    write_cached,
)
from advisor.files.profiles import validation_problems
from advisor.files.read import DATA_SUFFIXES, decode, os_problem, read_bytes, safe_resolve
from advisor.files.yamlsafe import LineMap, format_path, line_of, parse_document, syntax_of
from advisor.files.yamlsafe import Path as DataPath
from advisor.model.catalog import Catalogue, Manifest
from advisor.model.sources import Bibliography, Source, looks_like_id
from advisor.model.suggest import did_you_mean
from advisor.rulebook.language import LocatedProblem
from advisor.rulebook.pack import Location, RulePack
from advisor.rulebook.rules import Rule, derived_reads, derived_writes, parse_rule

MANIFEST = "pack.yaml"
CATALOGUE = "channels.yaml"
SOURCES = "sources.yaml"
# The cache entry of a pack folder's parsed files (advisor.files.cache).
PARSED_FILES = "pack-files"

# A pack file as read: its data, the line of every key and item, and its label for messages.
PackFile = tuple[Any, LineMap, str]


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
    root, label = _pack_root(folder)
    files, digest = _read_pack_files(root, label)
    if MANIFEST not in files:
        raise RuleError(Problem(f"a rule pack needs {MANIFEST}", f"{label}/{MANIFEST}"))
    manifest, base = _manifest_and_base(files.pop(MANIFEST), root, depth)
    catalogue = _catalogue(files.pop(CATALOGUE, None), label, base)
    own_bibliography = SOURCES in files
    sources = _bibliography(files.pop(SOURCES, None), base)
    found = _RulesFound.starting_from(base)
    channel_ids = frozenset(c.id for c in catalogue.channels)
    known = {s.id: s for s in sources}
    for loaded in files.values():
        found.add_file(loaded, channel_ids, known, own_bibliography)
    problems = found.problems + _unwritten_derived(found.rules, found.locations)
    if problems and collect is None:
        raise RuleError(problems)
    if collect is not None:
        collect.extend(problems)
    rules, locations = tuple(found.rules), found.locations
    if base is None:
        return RulePack(manifest, catalogue, rules, locations, digest, sources=sources)
    # The extension's hash covers the pack it extends: a change in either changes reports.
    combined = hashlib.sha256(f"{base.content_hash}\x00{digest}".encode())
    inherited = frozenset(r.id for r in base.rules)
    return RulePack(
        manifest, catalogue, rules, locations, combined.hexdigest(), inherited, sources
    )


def _pack_root(folder: str | Path | Traversable | None) -> tuple[Traversable, str]:
    """The pack's root and its label in messages; a folder is checked before it is walked."""
    if folder is None:
        return default_pack_root(), "rules"
    root = Path(folder) if isinstance(folder, str) else folder
    label = str(folder)
    if isinstance(root, Path):
        _check_pack_folder(root, label)
    return root, label


def _read_pack_files(root: Traversable, label: str) -> tuple[dict[str, PackFile], str]:
    """Every data file of the pack, parsed, by relative name; and the hash of their bytes. The
    parsed documents come from the cache when these exact bytes were parsed before (by this
    version of the advisor); a pack with a problem is parsed afresh, so errors always are."""
    digest = hashlib.sha256()
    raws: dict[str, bytes] = {}
    for name, entry in _data_files(root, label):
        raw = raws[name] = read_bytes(entry, f"{label}/{name}")
        digest.update(name.encode() + b"\x00" + raw + b"\x00")
    content_hash = digest.hexdigest()
    key = cache_key(PARSED_FILES, content_hash)
    documents = decode_documents(read_cached(PARSED_FILES, key), list(raws))
    if documents is None:
        documents = {
            name: parse_document(decode(raw, f"{label}/{name}"), f"{label}/{name}",
                                 syntax_of(name))
            for name, raw in raws.items()
        }
        encoded = encode_documents(documents)
        if encoded is not None:
            write_cached(PARSED_FILES, key, encoded)
    files = {name: (data, lines, f"{label}/{name}") for name, (data, lines) in documents.items()}
    return files, content_hash


def _manifest_and_base(
    loaded: PackFile, root: Traversable, depth: int
) -> tuple[Manifest, RulePack | None]:
    """The validated manifest, and the pack it extends when it extends one."""
    data, lines, source = loaded
    manifest: Manifest = _validate_model(Manifest, data, source, lines)
    if manifest.extends is None:
        return manifest, None
    extends_line = line_of(lines, ("extends",))
    return manifest, _base_pack(manifest.extends, root, source, extends_line, depth)


def _catalogue(loaded: PackFile | None, label: str, base: RulePack | None) -> Catalogue:
    """The channel catalogue: the extended pack's channels, then this pack's channels.yaml
    (required unless the pack extends another); a channel id defined twice is an error."""
    if loaded is None and base is None:
        raise RuleError(Problem(f"a rule pack needs {CATALOGUE}", f"{label}/{CATALOGUE}"))
    inherited_channels = list(base.catalogue.channels) if base is not None else []
    if loaded is not None:
        cat_data, cat_lines, cat_source = loaded
        own: Catalogue = _validate_model(Catalogue, cat_data, cat_source, cat_lines)
        catalogue = Catalogue(channels=[*inherited_channels, *own.channels])
    else:
        cat_lines, cat_source = {}, f"{label}/{CATALOGUE}"
        catalogue = Catalogue(channels=inherited_channels)
    seen: set[str] = set()
    for i, channel in enumerate(catalogue.channels):
        if channel.id in seen:
            line = line_of(cat_lines, ("channels", i - len(inherited_channels), "id"))
            raise RuleError(Problem(f"duplicate channel id '{channel.id}'", cat_source, line))
        seen.add(channel.id)
    return catalogue


@dataclass
class _RulesFound:
    """The rules read so far (the extended pack's first), where each is, and the problems."""

    rules: list[Rule]
    locations: dict[str, Location]
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def starting_from(cls, base: RulePack | None) -> _RulesFound:
        if base is None:
            return cls([], {})
        return cls(list(base.rules), dict(base.locations))

    def add_file(
        self,
        loaded: PackFile,
        channel_ids: frozenset[str],
        known: Mapping[str, Source],
        own_bibliography: bool,
    ) -> None:
        """Parse every rule of one rule file, keeping the valid ones and every problem."""
        data, lines, source = loaded
        for prefix, item in _rule_documents(data):
            try:
                rule = parse_rule(item, channel_ids)
            except LocatedProblem as failure:
                self.problems += _rule_problems(failure, item, source, lines, prefix)
                continue
            here = Location(source, line_of(lines, prefix))
            self.problems += _citation_problems(
                rule, known, own_bibliography, source, lines, prefix
            )
            if rule.id in self.locations:
                first = self.locations[rule.id]
                self.problems.append(
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
            self.locations[rule.id] = here
            self.rules.append(rule)


def _rule_problems(
    failure: LocatedProblem, item: Any, source: str, lines: LineMap, prefix: DataPath
) -> list[Problem]:
    """A rule that does not parse: each of its problems located in the file."""
    rule_id = item.get("id") if isinstance(item, Mapping) else None
    rule_id = rule_id if isinstance(rule_id, str) else None
    return [
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
