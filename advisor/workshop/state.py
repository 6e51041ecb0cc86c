"""One browser session's workshop, and the store that keeps each session's apart.

A session holds the form as last posted (the draft, which may not validate), the last profile
that did validate with its report, the channels the last change moved (to highlight them), the
pinned baseline (for "since the baseline"), an undo history of drafts, and the fixes of the last
explanation (so applying one names it by number: the browser never sends a change to be
applied)."""

from __future__ import annotations

import copy
import json
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from advisor.api import Advisor
from advisor.errors import AdvisorError, Problem, ProfileError
from advisor.model.profile import Profile
from advisor.model.report import Report
from advisor.workflows.explain import Explanation
from advisor.workflows.interview import build_profile, default_answer, run_interview
from advisor.workflows.whatif import Change, apply_changes, compare, profile_data

MAX_UNDO = 50
MAX_UNDO_CHARS = 2_000_000
MAX_SESSIONS = 200
SESSION_IDLE_SECONDS = 12 * 3600


@dataclass
class Workshop:
    """What one browser session sees and can change."""

    draft: dict[str, Any]
    profile: Profile | None = None
    report: Report | None = None
    # The pinned baseline as JSON, read back once a change: held as objects, every session's
    # baseline would be ~1,100 more objects for each full garbage collection to walk (those
    # walks were the workshop's slowest round trips under load).
    baseline: str | None = None
    moved: frozenset[str] = frozenset()  # the channels the last change moved
    problems: list[Problem] = field(default_factory=list)
    # Drafts as compact JSON: a tenth of the memory of the same data as Python objects.
    undo: list[str] = field(default_factory=list)
    fixes: list[list[Change]] = field(default_factory=list)
    used: float = field(default_factory=time.monotonic)

    def baseline_report(self) -> Report | None:
        return Report.model_validate_json(self.baseline) if self.baseline else None

    def pin(self) -> None:
        self.baseline = self.report.model_dump_json() if self.report else None


def defaults_data(advisor: Advisor) -> dict[str, Any]:
    """The profile `advisor init --defaults` writes, as data."""
    answers = run_interview(default_answer, sorted(advisor.pack.channels))
    return build_profile(answers)


class WorkshopEngine:
    """The changes a workshop session can make, each re-assessing with one shared Advisor."""

    def __init__(self, advisor: Advisor, initial: Mapping[str, Any]) -> None:
        self.advisor = advisor
        self.initial = copy.deepcopy(dict(initial))

    def new_workshop(self) -> Workshop:
        workshop = Workshop(draft={})
        self.replace(workshop, self.initial, keep_undo=False)
        return workshop

    def replace(self, workshop: Workshop, draft: dict[str, Any], *,
                keep_undo: bool = True) -> None:
        """Make `draft` the form; when it validates it becomes the profile and is assessed."""
        if keep_undo and draft != workshop.draft:
            workshop.undo.append(json.dumps(workshop.draft, separators=(",", ":")))
            del workshop.undo[:-MAX_UNDO]
            # A loaded file may be large: the history is bounded in bytes too.
            while len(workshop.undo) > 1 and sum(map(len, workshop.undo)) > MAX_UNDO_CHARS:
                del workshop.undo[0]
        workshop.draft = draft
        try:
            loaded = self.advisor.load(draft)
        except ProfileError as err:
            workshop.problems = list(err.problems)
            return
        workshop.problems = []
        if workshop.profile == loaded.profile and workshop.report is not None:
            return
        report = self.advisor.assess(loaded)
        workshop.moved = frozenset()
        if workshop.report is not None:
            change = compare(workshop.report, report, [])
            workshop.moved = frozenset(m.channel for m in (*change.moved, *change.entered,
                                                           *change.left))
        workshop.report, workshop.profile = report, loaded.profile
        if workshop.baseline is None:
            workshop.pin()

    def start(self, workshop: Workshop, draft: dict[str, Any]) -> None:
        """Start anew from `draft` (undoable): the advice of what came before is dropped, and
        the new profile, once valid, is the baseline."""
        workshop.profile = workshop.report = workshop.baseline = None
        workshop.moved = frozenset()
        workshop.fixes = []
        self.replace(workshop, draft)

    def undo(self, workshop: Workshop) -> bool:
        if not workshop.undo:
            return False
        self.replace(workshop, json.loads(workshop.undo.pop()), keep_undo=False)
        return True

    def explain(self, workshop: Workshop, channel: str) -> Explanation:
        if workshop.profile is None:
            raise AdvisorError(Problem("the form has problems: fix them to explain a channel"))
        explanation = self.advisor.explain(workshop.profile, channel)
        fixes = [lift.changes for fired in explanation.fired for lift in fired.lifts]
        fixes += [miss.fix.changes for miss in explanation.near_misses if miss.fix is not None]
        workshop.fixes = fixes
        return explanation

    def apply_fix(self, workshop: Workshop, number: int) -> list[Change]:
        """Apply fix `number` of the last explanation to the profile; undo takes it back."""
        if workshop.profile is None:
            raise AdvisorError(Problem("the form has problems: fix them to apply a change"))
        if not 0 <= number < len(workshop.fixes):
            raise AdvisorError(Problem(f"no change number {number}: explain the channel again"))
        changes = workshop.fixes[number]
        changed = apply_changes(workshop.profile, changes)
        self.replace(workshop, profile_data(changed))
        return changes


class SessionStore:
    """Workshops by an unguessable session id; the least recently used go first when the store
    is full, and idle ones expire, so memory stays bounded however many browsers come."""

    def __init__(self, engine: WorkshopEngine, limit: int = MAX_SESSIONS,
                 idle_seconds: float = SESSION_IDLE_SECONDS) -> None:
        self.engine = engine
        self.limit = limit
        self.idle_seconds = idle_seconds
        self._workshops: OrderedDict[str, Workshop] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session_id: str | None) -> Workshop | None:
        if not session_id:
            return None
        with self._lock:
            self._expire()
            workshop = self._workshops.get(session_id)
            if workshop is not None:
                workshop.used = time.monotonic()
                self._workshops.move_to_end(session_id)
            return workshop

    def create(self) -> tuple[str, Workshop]:
        workshop = self.engine.new_workshop()
        session_id = secrets.token_urlsafe(32)
        with self._lock:
            self._workshops[session_id] = workshop
            while len(self._workshops) > self.limit:
                self._workshops.popitem(last=False)
        return session_id, workshop

    def __len__(self) -> int:
        return len(self._workshops)

    def _expire(self) -> None:
        cutoff = time.monotonic() - self.idle_seconds
        while self._workshops:
            oldest_id, oldest = next(iter(self._workshops.items()))
            if oldest.used >= cutoff:
                break
            del self._workshops[oldest_id]
