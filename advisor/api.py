"""The Advisor: load and compile a rule pack once, then assess many profiles against it.

The core (loading, compiling, assessing) is advisor.advice.assessor's Assessor; the Advisor adds
what-if, explanations and many profiles at once (in executors), the workflows they call.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from advisor.advice.assessor import Assessor, ProfileInput, profile_hash
from advisor.errors import EngineError, Problem
from advisor.model.profile import Profile
from advisor.model.report import Report
from advisor.rulebook.pack import RulePack

if TYPE_CHECKING:  # imported when called: they pull in what the plain assessment does not need
    from advisor.workflows.explain import Explanation
    from advisor.workflows.whatif import Change, WhatIf

__all__ = ["Advisor", "PackRef", "ProfileInput", "profile_hash"]

T = TypeVar("T")


class Advisor(Assessor):
    """A rule pack loaded into durable_rules, ready to assess profiles.

    Thread-safe: assessments of one Advisor are serialized by a lock (durable_rules' C module
    holds the GIL anyway); every compiled rule tests a single fact and each assessment's facts
    carry ids no other uses, so no fact of one profile can reach another. For throughput use
    `assess_many` or `iter_assess` with a process pool; `reload()` picks up an edited pack.
    """

    def what_if(
        self, source: ProfileInput, changes: Mapping[str, Any] | Sequence[Change]
    ) -> WhatIf:
        """Assess a profile and the same profile with changes (`{"resources.staff_hours_per_week":
        20}` or `Change` objects), and compare: channels moved, findings raised or cleared, the
        resource plan before and after, and both reports."""
        from advisor.workflows.whatif import Change, what_if

        if isinstance(changes, Mapping):
            changes = [Change(path=path, value=value) for path, value in changes.items()]
        return what_if(self, source, list(changes))

    def explain(self, source: ProfileInput, channel: str) -> Explanation:
        """Why a channel stands where it does for a profile: the rules that moved it (with ways
        to lift a block), and the near misses with the smallest verified profile change."""
        from advisor.workflows.explain import explain_channel

        return explain_channel(self, source, channel)

    def assess_many(
        self, sources: Iterable[ProfileInput], executor: Executor | Any | None = None
    ) -> list[Report]:
        """Assess many profiles, in input order. With an executor (a process pool, a Dask
        `Client` or its `get_executor()`, or a Ray executor), each worker loads the same rule
        pack once and assesses its share."""
        with _full_collections_deferred():
            return list(self.iter_assess(sources, executor))

    def iter_assess(
        self, sources: Iterable[ProfileInput], executor: Executor | Any | None = None
    ) -> Iterator[Report]:
        """Like `assess_many`, but yield each report in input order as soon as it is ready, so
        a caller that writes reports out need not hold them all. Every profile is validated
        before the first report (a bad one raises with its location, and nothing is yielded)."""
        items = list(sources)
        if executor is None:
            profiles = [self.load(item).profile for item in items]
            return _deferring_full_collections(self._assess_valid(p) for p in profiles)
        texts = self._texts(items, executor)
        return _deferring_full_collections(Report.model_validate_json(t) for t in texts)

    def iter_assess_json(
        self, sources: Iterable[ProfileInput], executor: Executor | Any | None = None
    ) -> Iterator[str]:
        """Each report as its JSON text (`Report.model_dump_json()`), in input order: with an
        executor, the text the worker wrote is handed through, never parsed or validated again
        here (the fastest way to write many reports out). Every profile is validated first."""
        items = list(sources)
        if executor is None:
            profiles = [self.load(item).profile for item in items]
            return _deferring_full_collections(
                self._assess_valid(p).model_dump_json() for p in profiles
            )
        return self._texts(items, executor)

    def _texts(self, items: list[ProfileInput], executor: Executor | Any) -> Iterator[str]:
        """Reports as JSON text from an executor's workers, in input order."""
        payloads = [_portable(self.load(item).profile) for item in items]
        if _is_dask(executor):
            from advisor.workflows.cluster import assess_json_chunk, client_of, ordered_map

            chunks = [payloads[i : i + _DASK_CHUNK] for i in range(0, len(payloads), _DASK_CHUNK)]
            done = ordered_map(client_of(executor), assess_json_chunk, self.pack, chunks)
            return (text for texts in done for text in texts)
        # Imported here: it loads multiprocessing, which a single assessment does not need.
        from concurrent.futures import ProcessPoolExecutor

        ref = self._pack_ref()
        refs = [ref] * len(payloads)
        if isinstance(executor, ProcessPoolExecutor):
            # One round trip per profile costs more than the assessment: send them in chunks.
            chunk = max(1, min(100, len(payloads) // 16))
            return executor.map(_assess_in_worker, refs, payloads, chunksize=chunk)
        return executor.map(_assess_in_worker, refs, payloads)

    def _pack_ref(self) -> PackRef:
        """How a worker finds this Advisor's pack: by absolute folder (or the shipped default),
        or the pack itself when it was given as an object; with its content hash, so a worker
        that sees other files (another machine, a pack edited meanwhile) refuses to assess."""
        if self._rules_source is None and self._rules_given:
            return PackRef(None, self.pack.content_hash, self.pack)
        return PackRef(self._rules_folder, self.pack.content_hash, None)


# Profiles per Dask task: a task costs the scheduler about a millisecond, an assessment a few.
_DASK_CHUNK = 50


def _is_dask(executor: object) -> bool:
    """A Dask `Client` or `client.get_executor()`, told without importing Dask."""
    return type(executor).__module__.split(".")[0] == "distributed"


_collector_lock = threading.Lock()
_collector_deferrers = 0
_collector_thresholds = (0, 0, 0)
# A full collection every this many younger ones is "never" within one call.
_FULL_COLLECTION_DEFERRED = 1_000_000


@contextmanager
def _full_collections_deferred() -> Iterator[None]:
    """Defer the cyclic garbage collector's full collections while many reports are built and
    kept. A report is ~400 container objects; holding thousands made each full collection walk
    all of them again (40% of assess_many's time). Young collections go on as usual, so cycles
    among new objects are still found (assessments make none: tests/reliability checks it).
    Nested and concurrent callers share one deferral; the collector's thresholds are restored
    when the last one leaves."""
    global _collector_deferrers, _collector_thresholds
    with _collector_lock:
        if _collector_deferrers == 0:
            _collector_thresholds = gc.get_threshold()
            young, middle, _full = _collector_thresholds
            gc.set_threshold(young, middle, _FULL_COLLECTION_DEFERRED)
        _collector_deferrers += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_deferrers -= 1
            if _collector_deferrers == 0:
                gc.set_threshold(*_collector_thresholds)


def _deferring_full_collections(items: Iterator[T]) -> Iterator[T]:
    """`items`, with the collector's full collections deferred from the first item until the
    last (or until the caller stops iterating). One assessment leaves nothing behind, yet
    every few hundred a full collection walked the whole heap (the pack, the profiles
    validated up front): ~20 % of iterating over 2,000 variants."""
    with _full_collections_deferred():
        yield from items


def _portable(profile: Profile) -> dict[str, Any]:
    return profile.model_dump(mode="json", exclude_computed_fields=True)


@dataclass(frozen=True)
class PackRef:
    """What an executor's worker needs to rebuild the same Advisor (picklable)."""

    folder: str | None
    content_hash: str
    pack: RulePack | None


_WORKER_ADVISORS: dict[tuple[str | None, str], Advisor] = {}
_WORKER_LOCK = threading.Lock()


def _forget_inherited_workers() -> None:
    """In a forked child: drop the Advisors inherited from the parent. Another thread of the
    parent may have held one's lock at the fork, and a copied lock stays locked forever."""
    global _WORKER_LOCK
    _WORKER_LOCK = threading.Lock()
    for advisor in _WORKER_ADVISORS.values():
        advisor._matcher.detach()  # the parent frees its rulesets; the child's copy just goes
    _WORKER_ADVISORS.clear()


os.register_at_fork(after_in_child=_forget_inherited_workers)


def _assess_in_worker(ref: PackRef, profile: dict[str, Any]) -> str:
    """Runs in a worker (a process, or a thread of an in-process executor): one Advisor per pack
    per process, built once and reused across tasks. The report travels as JSON: dumping and
    validating it costs less than half of pickling it."""
    key = (ref.folder, ref.content_hash)
    with _WORKER_LOCK:
        advisor = _WORKER_ADVISORS.get(key)
        if advisor is None:
            advisor = Advisor(ref.pack if ref.pack is not None else ref.folder)
            if advisor.pack.content_hash != ref.content_hash:
                advisor.close()
                raise EngineError(
                    Problem(
                        "a worker loaded a different rule pack than the caller's",
                        ref.folder or "rules",
                        hint="give every worker the same pack files (or pass the RulePack)",
                    )
                )
            _WORKER_ADVISORS[key] = advisor
    return advisor.assess(profile).model_dump_json()
