"""Batch assessment: many profiles (files, folders, globs, JSON lines), in parallel worker
processes, bad ones reported and skipped, results in input order, and a summary."""

from __future__ import annotations

import glob
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor.api import Advisor
from advisor.errors import AdvisorError, InputError, Problem
from advisor.loader import DATA_SUFFIXES, profile_from_data

STDIN = "-"


@dataclass(frozen=True)
class Item:
    """One profile to assess: a file path, or the data of one JSON line."""

    source: str
    path: str | None = None
    data: Any = None
    problem: str | None = None


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
    not_ready: int = 0
    recommended: Counter[str] = field(default_factory=Counter)
    top_choice: Counter[str] = field(default_factory=Counter)
    blockers: Counter[str] = field(default_factory=Counter)

    def jsonl(self) -> str:
        return "".join(line + "\n" for line in self.lines)

    def summary(self, top: int = 5) -> dict[str, Any]:
        return {
            "profiles": self.total,
            "assessed": len(self.lines),
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
            f"{s['profiles']} profiles: {s['assessed']} assessed, {s['failed']} failed, "
            f"{s['not_ready']} not ready (a blocker finding)."
        ]
        if s["most_recommended"]:
            lines.append("Most recommended channels: " + ", ".join(
                f"{x['channel']} ({x['profiles']})" for x in s["most_recommended"]))
        if s["most_common_blockers"]:
            lines.append("Most common blockers: " + ", ".join(
                f"{x['code']} ({x['profiles']})" for x in s["most_common_blockers"]))
        return "\n".join(lines) + "\n"


def _most(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    # Ties broken by name, so the summary is deterministic.
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def expand_inputs(inputs: Sequence[str], stdin_lines: Iterable[str] | None = None) -> list[Item]:
    """Files as given, folders as their data files (sorted, recursively), globs as their sorted
    matches, and `-` as one profile per JSON line of stdin. Nothing is read here but stdin."""
    items: list[Item] = []
    for spec in inputs:
        if spec == STDIN:
            for n, line in enumerate(stdin_lines or [], start=1):
                source = f"<stdin>:{n}"
                if not line.strip():
                    continue
                try:
                    items.append(Item(source, data=json.loads(line)))
                except json.JSONDecodeError as err:
                    items.append(Item(source, problem=f"not a JSON line: {err.msg}"))
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


_ADVISORS: dict[str | None, Advisor] = {}


def _advisor(rules: str | None) -> Advisor:
    advisor = _ADVISORS.get(rules)
    if advisor is None:
        advisor = _ADVISORS[rules] = Advisor(rules)
    return advisor


def assess_item(rules: str | None, item: Item) -> Outcome:
    """Assess one item in this process."""
    if item.problem is not None:
        return Outcome(problems=(f"{item.source}: {item.problem}",))
    try:
        advisor = _advisor(rules)
        if item.path is not None:
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


def _assess_chunk(rules: str | None, items: list[Item]) -> list[Outcome]:
    return [assess_item(rules, item) for item in items]


def run_batch(
    items: Sequence[Item],
    rules: str | Path | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Assess every item, in input order; with jobs > 1 in that many worker processes, each
    loading the rule pack once. A failure is recorded and the rest go on."""
    rules_arg = None if rules is None else str(rules)
    if jobs < 1:
        raise InputError(Problem("--jobs must be at least 1"))
    # Check the rule pack once up front: a broken pack is one error, not one per profile.
    _advisor(rules_arg)
    result = BatchResult(total=len(items))
    size = max(1, min(50, len(items) // (jobs * 4) or 1))
    chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]

    def take(outcomes: list[Outcome], chunk: list[Item]) -> None:
        for item, outcome in zip(chunk, outcomes, strict=True):
            if outcome.problems:
                result.failures.append(Failure(item.source, outcome.problems))
            else:
                _add(result, item.source, outcome)
        if progress is not None:
            progress(len(chunk))

    if jobs == 1 or len(chunks) <= 1:
        for chunk in chunks:
            take(_assess_chunk(rules_arg, chunk), chunk)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = pool.map(_assess_chunk, [rules_arg] * len(chunks), chunks)
            for chunk, chunk_outcomes in zip(chunks, outcomes, strict=True):
                take(chunk_outcomes, chunk)
    return result


def _add(result: BatchResult, source: str, outcome: Outcome) -> None:
    # The report is already JSON: wrap it rather than parse and print it again.
    source_json = json.dumps(source, ensure_ascii=False)
    result.lines.append(f'{{"source":{source_json},"report":{outcome.report_json}}}')
    if not outcome.ready:
        result.not_ready += 1
    result.recommended.update(outcome.recommended)
    if outcome.recommended:
        result.top_choice[outcome.recommended[0]] += 1
    result.blockers.update(outcome.blockers)
