"""Batch assessment: many profiles (files, folders, globs, JSON lines), in parallel worker
processes, bad ones reported and skipped, results in input order, and a summary."""

from __future__ import annotations

import ctypes
import glob
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from advisor.advice.assessor import Assessor
from advisor.errors import AdvisorError, InputError, Problem
from advisor.files.profiles import parse_profile_text, profile_from_data
from advisor.files.read import DATA_SUFFIXES, MAX_FILE_BYTES, decode, read_bytes
from advisor.files.yamlsafe import parse_document, syntax_of
from advisor.rulebook.pack import RulePack
from advisor.workflows.cluster import dask_client, ordered_map, worker_assessor

STDIN = "-"


@dataclass(frozen=True)
class Item:
    """One profile to assess: a file path, or the data of one JSON line."""

    source: str
    path: str | None = None
    data: Any = None
    problem: str | None = None
    # A file's bytes, read by the parent for workers that may not see its files (Dask).
    raw: bytes | None = None


@dataclass(frozen=True)
class Failure:
    source: str
    problems: tuple[str, ...]


@dataclass
class BatchResult:
    """Result lines in input order (`source` and `report` per line), failures, and a summary."""

    lines: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    total: int = 0
    assessed: int = 0
    not_ready: int = 0
    recommended: Counter[str] = field(default_factory=Counter)
    top_choice: Counter[str] = field(default_factory=Counter)
    blockers: Counter[str] = field(default_factory=Counter)

    def jsonl(self) -> str:
        return "".join(line + "\n" for line in self.lines)

    def summary(self, top: int = 5) -> dict[str, Any]:
        return {
            "profiles": self.total,
            "assessed": self.assessed,
            "failed": len(self.failures),
            "not_ready": self.not_ready,
            "most_recommended": [
                {"channel": c, "profiles": n} for c, n in _most(self.recommended, top)
            ],
            "most_common_first_choice": [
                {"channel": c, "profiles": n} for c, n in _most(self.top_choice, top)
            ],
            "most_common_blockers": [
                {"code": c, "profiles": n} for c, n in _most(self.blockers, top)
            ],
        }

    def summary_text(self, top: int = 5) -> str:
        s = self.summary(top)
        lines = [
            f"{_count(s['profiles'], 'profile')}: {s['assessed']} assessed, {s['failed']} "
            f"failed, {s['not_ready']} not ready (a blocker finding)."
        ]
        if s["most_common_first_choice"]:
            lines.append("Most common first choice: " + ", ".join(
                f"{x['channel']} ({_count(x['profiles'], 'profile')})"
                for x in s["most_common_first_choice"]))
        if s["most_recommended"]:
            lines.append("Most recommended channels: " + ", ".join(
                f"{x['channel']} ({_count(x['profiles'], 'profile')})"
                for x in s["most_recommended"]))
        if s["most_common_blockers"]:
            lines.append("Most common blockers: " + ", ".join(
                f"{x['code']} ({_count(x['profiles'], 'profile')})"
                for x in s["most_common_blockers"]))
        return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    """`1 profile`, `2 profiles`: counts in correct English."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _most(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    # Ties broken by name, so the summary is deterministic.
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def read_lines(stream: IO[bytes], limit: int = MAX_FILE_BYTES) -> Iterator[bytes]:
    """The lines of a byte stream, each cut at `limit` bytes (a longer line is refused by
    _json_line, and the rest of it skipped): no line of standard input is held whole."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip to the end of the over-long line
                rest = stream.readline(1 << 16)
                if not rest or rest.endswith(b"\n"):
                    break
            line = line[: limit + 1]
        yield line


def _json_line(line: str, source: str) -> Item:
    """One JSON line as an item, or the problem with it (never an exception)."""
    if len(line.encode("utf-8", errors="surrogateescape")) > MAX_FILE_BYTES:
        return Item(source, problem=f"line is longer than {MAX_FILE_BYTES} bytes")
    try:
        text = line.encode("utf-8", errors="surrogateescape").decode("utf-8")
    except UnicodeDecodeError:
        return Item(source, problem="line is not UTF-8 text")
    try:
        data, _ = parse_document(text, source, "json")
    except AdvisorError as err:
        return Item(source, problem=f"not a JSON line: "
                    f"{err.first.message.removeprefix('not valid JSON: ')}")
    return Item(source, data=data)


def expand_inputs(
    inputs: Sequence[str], stdin_lines: Iterable[str | bytes] | None = None
) -> list[Item]:
    """Files as given, folders as their data files (sorted, recursively), globs as their sorted
    matches, and `-` as one profile per JSON line of stdin. Nothing is read here but stdin."""
    items: list[Item] = []
    for spec in inputs:
        if spec == STDIN:
            for n, line in enumerate(stdin_lines or [], start=1):
                source = f"<stdin>:{n}"
                if isinstance(line, bytes):
                    line = line.decode("utf-8", errors="surrogateescape")
                if not line.strip():
                    continue
                items.append(_json_line(line, source))
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix in DATA_SUFFIXES and not p.name.startswith("."))
            items += [Item(str(p), path=str(p)) for p in found]
        elif path.exists():
            items.append(Item(spec, path=spec))
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                items.append(Item(spec, problem="no file matches this pattern"))
            items += [Item(m, path=m) for m in matches if Path(m).is_file()]
        else:
            items.append(Item(spec, problem="no such file or folder"))
    return items


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one item: the report as JSON with the few facts the summary
    needs (so the parent never parses a report), or the problem lines."""

    report_json: str = ""
    ready: bool = True
    recommended: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


_ADVISORS: dict[str | None, Assessor] = {}


def _advisor(rules: str | None) -> Assessor:
    advisor = _ADVISORS.get(rules)
    if advisor is None:
        advisor = _ADVISORS[rules] = Assessor(rules)
    return advisor


def assess_item(rules: str | None, item: Item) -> Outcome:
    """Assess one item in this process."""
    try:
        return assess_with(_advisor(rules), item)
    except AdvisorError as err:
        return Outcome(problems=tuple(str(p) for p in err.problems))


def assess_with(advisor: Assessor, item: Item) -> Outcome:
    """Assess one item with a given Assessor (a problem with the profile is its outcome)."""
    if item.problem is not None:
        return Outcome(problems=(f"{item.source}: {item.problem}",))
    try:
        if item.raw is not None and item.path is not None:
            source = item.path
            text = decode(item.raw, source)
            report = advisor.assess(parse_profile_text(text, source, syntax_of(Path(source).name)))
        elif item.path is not None:
            report = advisor.assess(item.path)
        else:
            report = advisor.assess(profile_from_data(item.data, item.source))
    except AdvisorError as err:
        return Outcome(problems=tuple(str(p) for p in err.problems))
    return Outcome(
        report_json=report.model_dump_json(),
        ready=report.ready,
        recommended=tuple(advice.channel for advice in report.recommended),
        blockers=tuple(sorted({f.code for f in report.findings if f.level == "blocker"})),
    )


def _with_bytes(item: Item) -> Item:
    """A file item with its bytes, read here (a file that cannot be read stays a path: the
    worker then reports it as a local run would)."""
    if item.path is None or item.problem is not None:
        return item
    try:
        return replace(item, raw=read_bytes(Path(item.path), item.path))
    except AdvisorError:
        return item


def _assess_on_worker(pack: RulePack, items: list[Item]) -> list[Outcome]:
    """A Dask task: assess a chunk with this worker's Assessor of `pack`."""
    advisor = worker_assessor(pack)
    return [assess_with(advisor, item) for item in items]


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Worker initializer: the worker ends when `parent` does. On Linux the kernel sends it
    SIGKILL (prctl PR_SET_PDEATHSIG); everywhere a daemon thread checks every second that the
    parent is still its parent (a killed parent's children are adopted by another process)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="advisor-parent-watch", daemon=True).start()


def _assess_chunk(rules: str | None, items: list[Item]) -> list[Outcome]:
    return [assess_item(rules, item) for item in items]


def run_batch(
    items: Sequence[Item],
    rules: str | Path | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    sink: Callable[[str], object] | None = None,
    *,
    scheduler: str | None = None,
    dask_workers: int | None = None,
) -> BatchResult:
    """Assess every item, in input order; with jobs > 1 in that many worker processes, each
    loading the rule pack once; with a Dask `scheduler` address or `dask_workers` (a
    LocalCluster of that many processes), on the cluster's workers. A failure is recorded and
    the rest go on. With a `sink`, each result line (with its newline) goes to it as it is ready
    instead of into `result.lines`. Local workers die with the process that started them, even
    when it is killed (SIGKILL)."""
    rules_arg = None if rules is None else str(rules)
    if jobs < 1:
        raise InputError(Problem("--jobs must be at least 1"))
    on_dask = scheduler is not None or dask_workers is not None
    if on_dask and jobs != 1:
        raise InputError(Problem("--jobs is for local processes: with Dask, leave it out"))
    # Check the rule pack once up front: a broken pack is one error, not one per profile.
    pack = _advisor(rules_arg).pack
    result = BatchResult(total=len(items))
    workers = dask_workers or jobs
    size = max(1, min(50, len(items) // (workers * 4) or 1))
    chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]

    def take(outcomes: list[Outcome], chunk: list[Item]) -> None:
        for item, outcome in zip(chunk, outcomes, strict=True):
            if outcome.problems:
                result.failures.append(Failure(item.source, outcome.problems))
            else:
                _add(result, item.source, outcome, sink)
        if progress is not None:
            progress(len(chunk))

    if on_dask:
        with dask_client(scheduler, dask_workers) as client:
            portable = ([_with_bytes(item) for item in chunk] for chunk in chunks)
            outcomes = ordered_map(client, _assess_on_worker, pack, portable)
            for chunk, chunk_outcomes in zip(chunks, outcomes, strict=True):
                take(chunk_outcomes, chunk)
    elif jobs == 1 or len(chunks) <= 1:
        for chunk in chunks:
            take(_assess_chunk(rules_arg, chunk), chunk)
    else:
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            outcomes = pool.map(_assess_chunk, [rules_arg] * len(chunks), chunks)
            for chunk, chunk_outcomes in zip(chunks, outcomes, strict=True):
                take(chunk_outcomes, chunk)
    return result


def _add(
    result: BatchResult, source: str, outcome: Outcome, sink: Callable[[str], object] | None
) -> None:
    # The report is already JSON: wrap it rather than parse and print it again.
    source_json = json.dumps(source, ensure_ascii=False)
    line = f'{{"source":{source_json},"report":{outcome.report_json}}}'
    result.assessed += 1
    if sink is not None:
        sink(line + "\n")
    else:
        result.lines.append(line)
    if not outcome.ready:
        result.not_ready += 1
    result.recommended.update(outcome.recommended)
    if outcome.recommended:
        result.top_choice[outcome.recommended[0]] += 1
    result.blockers.update(outcome.blockers)
