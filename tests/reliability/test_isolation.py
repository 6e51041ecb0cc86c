"""Isolation, concurrency and determinism: an assessment depends on its profile and the pack,
never on what ran before it, beside it, or on the process's hash seed."""

from __future__ import annotations

import copy
import gc
import json
import os
import queue
import random
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor, ProfileError, load_pack
from tests.reliability.conftest import MINI, varied_profiles

# Whole-suite only: `pytest -m 'not slow'` is the contributors' fast loop.
pytestmark = pytest.mark.slow

ASSESSMENTS = 10_000
THREADS = 8
PER_THREAD = 1_000


def solo_reports(profiles: list[dict[str, object]]) -> list[str]:
    """Each profile assessed alone, by an Advisor that has assessed nothing else."""
    out = []
    for profile in profiles:
        with Advisor(MINI) as advisor:
            out.append(advisor.assess(profile).to_json())
    return out


def test_10000_interleaved_assessments_equal_solo_runs(mini: Advisor) -> None:
    profiles = varied_profiles(25)
    expected = solo_reports(profiles)
    assert len(set(expected)) == len(expected), "the profiles must give distinct reports"
    assert len({json.loads(r)["ready"] for r in expected}) == 2, "both ready and not ready"
    rng = random.Random(2026)
    order = [rng.randrange(len(profiles)) for _ in range(ASSESSMENTS)]
    mismatches = [i for i in order if mini.assess(profiles[i]).to_json() != expected[i]]
    assert mismatches == []


def test_8_threads_of_1000_assessments_on_one_advisor_equal_sequential(mini: Advisor) -> None:
    profiles = varied_profiles(16, seed=11)
    expected = [mini.assess(p).to_json() for p in profiles]
    start = threading.Barrier(THREADS)
    wrong: list[tuple[int, int]] = []
    done = [0] * THREADS

    def work(thread: int) -> None:
        start.wait()  # all threads begin together, so their assessments really overlap
        for n in range(PER_THREAD):
            i = (thread * 7 + n) % len(profiles)
            if mini.assess(profiles[i]).to_json() != expected[i]:
                wrong.append((thread, n))
            done[thread] += 1

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []
    assert done == [PER_THREAD] * THREADS


def test_assess_many_gives_the_same_reports_with_any_executor(mini: Advisor) -> None:
    profiles = varied_profiles(30, seed=5)
    sequential = [r.to_json() for r in mini.assess_many(profiles)]
    with ThreadPoolExecutor(4) as threads:
        assert [r.to_json() for r in mini.assess_many(profiles, threads)] == sequential
    with ProcessPoolExecutor(2) as processes:
        assert [r.to_json() for r in mini.assess_many(profiles, processes)] == sequential


def test_iter_assess_yields_the_same_reports_lazily_after_validating_every_profile(
    mini: Advisor,
) -> None:
    profiles = varied_profiles(30, seed=5)
    expected = [r.to_json() for r in mini.assess_many(profiles)]
    stream = mini.iter_assess(profiles)
    assert not isinstance(stream, list)
    assert [r.to_json() for r in stream] == expected
    with ProcessPoolExecutor(2) as processes:
        assert [r.to_json() for r in mini.iter_assess(profiles, processes)] == expected
    broken = [*profiles[:5], {"organization": {"name": "x"}}, *profiles[5:]]
    with pytest.raises(ProfileError):
        mini.iter_assess(broken)  # raises at the call, before any report exists


def test_assess_many_sends_a_pack_given_as_an_object_to_the_workers() -> None:
    """A RulePack built in the caller is not the shipped pack: workers must use this one."""
    profiles = varied_profiles(6, seed=3)
    with Advisor(load_pack(MINI)) as advisor, ProcessPoolExecutor(2) as processes:
        expected = [r.to_json() for r in advisor.assess_many(profiles)]
        assert [r.to_json() for r in advisor.assess_many(profiles, processes)] == expected


def test_assess_many_resolves_a_relative_pack_folder_for_workers(tmp_path: Path) -> None:
    profiles = varied_profiles(4, seed=9)
    here = os.getcwd()
    os.chdir(MINI.parent)
    try:
        advisor = Advisor("mini")
    finally:
        os.chdir(here)
    with advisor, ProcessPoolExecutor(1) as processes:
        expected = [r.to_json() for r in advisor.assess_many(profiles)]
        assert [r.to_json() for r in advisor.assess_many(profiles, processes)] == expected


DETERMINISM_SCRIPT = """
import json, sys
from advisor import Advisor
from tests.reliability.conftest import MINI, varied_profiles
with Advisor(MINI) as advisor:
    sys.stdout.write("".join(advisor.assess(p).to_json() for p in varied_profiles(12, seed=4)))
"""


def test_reports_are_byte_identical_across_processes_with_different_hash_seeds(
    mini: Advisor,
) -> None:
    root = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("0", "1", "4242", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", DETERMINISM_SCRIPT],
            cwd=root,
            env=env,
            capture_output=True,
            timeout=120,
            check=True,
        )
        outputs.add(proc.stdout)
    here = "".join(mini.assess(p).to_json() for p in varied_profiles(12, seed=4)).encode()
    outputs.add(here)
    assert len(outputs) == 1


def test_the_same_profile_gives_byte_identical_json_run_after_run(mini: Advisor) -> None:
    profile = varied_profiles(1, seed=1)[0]
    first = mini.assess(profile).to_json()
    assert all(mini.assess(profile).to_json() == first for _ in range(200))


def test_assessments_create_no_reference_cycles() -> None:
    """assess_many defers full collections while it builds reports: that loses nothing only if
    an assessment leaves no cycle behind for the collector to find."""
    profiles = varied_profiles(30, seed=5)
    with Advisor() as shipped, Advisor(MINI) as mini:
        for advisor in (shipped, mini):
            for profile in profiles[:3]:
                advisor.assess(_for_catalogue(advisor, profile))  # warm caches first
        gc.collect()
        gc.disable()
        try:
            for advisor in (shipped, mini):
                for profile in profiles:
                    advisor.assess(_for_catalogue(advisor, profile))
            assert gc.collect() == 0
        finally:
            gc.enable()


def _for_catalogue(advisor: Advisor, profile: dict[str, Any]) -> dict[str, Any]:
    """The generated profiles name mini-pack channels; the shipped catalogue has others."""
    if advisor.pack.manifest.name == "mini":
        return profile
    data = copy.deepcopy(profile)
    data["technology"] = {}
    for audience in data["audiences"]:
        audience["platforms"] = []
    return data


def test_assess_many_restores_the_collectors_thresholds_even_across_threads(mini: Advisor) -> None:
    profiles = varied_profiles(20, seed=6)
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    real = mini._assess_valid  # what assess_many runs per profile

    def spy(source: Any) -> Any:
        seen.append(gc.get_threshold())
        return real(source)

    mini._assess_valid = spy  # type: ignore[method-assign]
    try:
        mini.assess_many(profiles)
    finally:
        del mini._assess_valid
    assert gc.get_threshold() == before
    assert seen and all(t[:2] == before[:2] and t[2] > 1000 for t in seen)  # only full ones wait
    start = threading.Barrier(4)

    def work() -> None:
        start.wait()
        for _ in range(5):
            mini.assess_many(profiles)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_iter_assess_defers_full_collections_only_while_it_is_iterated(mini: Advisor) -> None:
    profiles = varied_profiles(6, seed=7)
    before = gc.get_threshold()
    for stream in (mini.iter_assess(profiles), mini.iter_assess_json(profiles)):
        assert gc.get_threshold() == before  # nothing deferred before the first item
        next(stream)
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] > 1000
        assert len(list(stream)) == len(profiles) - 1
        assert gc.get_threshold() == before
    abandoned = mini.iter_assess(profiles)
    next(abandoned)
    abandoned.close()  # a caller that stops early (or drops the iterator) restores it too
    assert gc.get_threshold() == before


def _assess_in_child(ref: Any, profile: dict[str, Any], out: Any) -> None:
    from advisor import api

    out.put(api._assess_in_worker(ref, profile))


def test_a_forked_worker_does_not_inherit_an_advisor_whose_lock_was_held(mini: Advisor) -> None:
    """A parent that used a thread executor (so it caches a worker Advisor) forks a worker
    while one of its threads holds that Advisor's lock: the child must build its own Advisor
    instead of waiting forever on the copied, locked lock."""
    import multiprocessing

    from advisor import api

    profiles = varied_profiles(6, seed=9)
    expected = mini.assess(profiles[0]).model_dump_json()
    with ThreadPoolExecutor(2) as threads:
        mini.assess_many(profiles, threads)  # caches a worker Advisor in this process
    (cached,) = [a for key, a in api._WORKER_ADVISORS.items() if key[1] == mini.pack.content_hash]
    fork = multiprocessing.get_context("fork")
    out = fork.Queue()
    with cached._matcher.lock:  # as if another thread were mid-assessment at the fork
        child = fork.Process(target=_assess_in_child, args=(mini._pack_ref(), profiles[0], out))
        child.start()
        try:
            # Read before joining: a child exits only once its queued report is taken.
            report = out.get(timeout=60)
        except queue.Empty:
            raise AssertionError("the forked worker hung on the inherited Advisor's lock") from None
        finally:
            child.join(10)
            if child.is_alive():
                child.kill()
                child.join()
    assert child.exitcode == 0
    assert report == expected
