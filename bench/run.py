"""Benchmarks of the advisor, printed as ratios measured side by side in one run (not tests).

    python bench/run.py            # everything (about 3 minutes on 2 shared cores)
    python bench/run.py --quick    # fewer repetitions and 20,000 instead of 100,000 assessments

The machine is shared, so every comparison interleaves its contenders round by round and
reports the median of each, and the ratio of medians; absolute times are for orientation only.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import itertools
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import durable_rules_engine as dre
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor import Advisor  # noqa: E402
from advisor.advice.ranking import ReportWriter  # noqa: E402
from advisor.engine.durable import KIND, LANE_FACT_BUDGET, _dumps, ruleset_json  # noqa: E402
from advisor.engine.inference import holds, infer  # noqa: E402
from advisor.errors import AdvisorError  # noqa: E402
from advisor.model.facts import Fact, profile_to_facts  # noqa: E402
from advisor.rulebook.conditions import AllOf, AnyOf, Condition, FieldTest, Frame, NotOf  # noqa: E402
from advisor.rulebook.effects import DeriveEffect as Derive  # noqa: E402
from bench.peers import PythonLoopMatcher, RuleEngineMatcher  # noqa: E402
from bench.variants import enum_coverage, shipped_profiles, variants  # noqa: E402
from tests.reliability.conftest import MINI  # noqa: E402

ADVISOR_CLI = str(Path(sys.executable).with_name("advisor"))


# ---------------------------------------------------------------- synthetic packs


# The first this many synthetic rules may test values the benchmark profile has.
TOUCHING_RULES = 100


def _write_rules(folder: Path, name: str, rules: list[dict[str, Any]]) -> Path:
    """A synthetic pack's rules as YAML files of 500 rules each (a rule file is limited to 1 MB)."""
    for start in range(0, len(rules), 500):
        (folder / "rules" / f"{name}-{start:05d}.yaml").write_text(
            yaml.safe_dump(rules[start : start + 500], sort_keys=False)
        )
    return folder


def synthetic_pack(folder: Path, rules: int, proportional: bool = False) -> Path:
    """A pack of `rules` rules, each `all` of two equality tests on text fields with distinct
    values (at most 500 per field, under durable_rules' 512 tests per node). The benchmark
    profile has the values numbered 0 and 1 only: one rule matches fully, and a rule past the
    first TOUCHING_RULES never tests those values, so it matches nothing at all. With
    `proportional`, every rule may test them, so the rules matching one of their two tests
    (partial matches, which a Rete network must record) grow with the pack."""
    fields = [("audience", "name"), ("objective", "metric"), ("organization", "name")]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules").mkdir(exist_ok=True)
    shutil.copy(MINI / "pack.yaml", folder / "pack.yaml")
    shutil.copy(MINI / "channels.yaml", folder / "channels.yaml")
    out = []
    for i in range(rules):
        (k1, f1), (k2, f2) = fields[i % 3], fields[(i + 1) % 3]
        a, b = (i // 3) % 500, (i // 1500 + i) % 500
        if i >= TOUCHING_RULES and not proportional:
            a, b = 2 + a % 498, 2 + b % 498
        out.append(
            {
                "id": f"people.synthetic.r{i}",
                "title": f"Synthetic rule {i}",
                "post": "people",
                "when": {"all": [{k1: {f1: f"v{a}"}}, {k2: {f2: f"v{b}"}}]},
                "then": [
                    {
                        "score": {
                            "channel": ["linkedin", "youtube", "email_newsletter"][i % 3],
                            "weight": 1 + i % 5,
                        }
                    }
                ],
                "because": "A synthetic rule for the scaling benchmark",
                "source": "bench",
            }
        )
    return _write_rules(folder, "synthetic", out)


def synthetic_profile() -> dict[str, Any]:
    return {
        "organization": {"name": "v0", "type": "medical_association"},
        "audiences": [{"segment": "physicians", "name": "v1"}, {"segment": "nurses", "name": "v0"}],
        "objectives": [
            {
                "kind": "talking",
                "goal": "reach",
                "metric": "v0",
                "target": 5,
                "deadline": "2027-01-01",
            }
        ],
        "resources": {"staff_hours_per_week": 10, "skills": ["writing"]},
    }


# ---------------------------------------------------------------- contenders


_RAW_NAMES = itertools.count()


class RawDurable:
    """What the adapter does, written directly against the C module with nothing else: the same
    compiled rulesets, the same facts (built once, outside the timing), the same two-step match
    (facts -> probes in durable_rules, then the formulas of the rules reading a probe that hit,
    by inference's `holds`) stratum by stratum with derived facts asserted in between, one
    session per ruleset reused by consecutive runs and deleted when it holds LANE_FACT_BUDGET
    facts (as the adapter does)."""

    def __init__(self, advisor: Advisor, facts: list[Fact]) -> None:
        self.compiled = advisor.compiled
        # A name no other instance used (an id() is reused once its object is collected).
        tag = next(_RAW_NAMES)
        self.probe_handles = [
            dre.create_ruleset(f"raw_probes{i}_{tag}", _dumps(r))
            for i, r in enumerate(ruleset_json(advisor.compiled))
        ]
        self.stored = dict.fromkeys(self.probe_handles, 0)
        self.sessions = dict.fromkeys(self.stored, 0)
        self.facts = facts
        self.derives = {
            rule.id: [(e.name, e.value) for e in rule.then if isinstance(e, Derive)]
            for rule in advisor.pack.rules
        }

    def _run(self, handle: int, bodies: list[dict[str, Any]]) -> list[Any]:
        if self.stored[handle] + len(bodies) > LANE_FACT_BUDGET:
            # the state rule started an action on the first assert, so deleting is safe
            dre.delete_state(handle, f"raw{self.sessions[handle]}")
            self.stored[handle] = 0
            self.sessions[handle] += 1
        sid = f"raw{self.sessions[handle]}"
        first = self.stored[handle]
        items = [{"id": str(n), "sid": sid, **b} for n, b in enumerate(bodies, first)]
        self.stored[handle] += len(items)
        _code, offset = dre.assert_facts(handle, _dumps(items))
        fired = []
        started = dre.start_action_for_state(handle, offset)
        message = None if started is None else started[1]
        while message is not None:
            fired.append(json.loads(message))
            message = dre.complete_and_start_action(handle, offset)
        return fired

    def _match_facts(self, bodies: list[dict[str, Any]], hits: set[str]) -> None:
        for handle in self.probe_handles:
            for activation in self._run(handle, bodies):
                ((name, _frames),) = activation.items()
                hits.add(name)

    def assess(self) -> list[str]:
        """What fired, stratum by stratum, derived facts asserted between strata."""
        hits: set[str] = set()
        self._match_facts([{KIND: f.kind, **f.fields} for f in self.facts], hits)
        fired: list[str] = []
        derived: set[tuple[str, Any]] = set()
        for stratum in range(self.compiled.strata):
            candidates = {r.index: r for r in self.compiled.rules_without_hits[stratum]}
            for probe in hits:
                candidates.update(
                    (r.index, r)
                    for r in self.compiled.rules_by_probe.get(probe, ())
                    if r.stratum == stratum
                )
            now = [r.id for _, r in sorted(candidates.items()) if holds(r.formula, hits)]
            fired += now
            new = {d for rule_id in now for d in self.derives.get(rule_id, ())} - derived
            if new:
                derived |= new
                self._match_facts(
                    [{KIND: "derived", "name": n, "value": v} for n, v in sorted(new)], hits
                )
        return fired


def _test_holds(test: FieldTest, value: Any) -> bool:
    op, want = test.op, test.value
    if op == "exists":
        return (value is not None) == want
    if value is None:
        return op in ("ne", "not_in")
    if op == "eq":
        return bool(value == want)
    if op == "ne":
        return bool(value != want)
    if op == "in":
        return value in want  # type: ignore[operator]
    if op == "not_in":
        return value not in want  # type: ignore[operator]
    if op == "contains":
        return want in value
    if op == "contains_any":
        return any(w in value for w in want)  # type: ignore[union-attr]
    if op == "contains_all":
        return all(w in value for w in want)  # type: ignore[union-attr]
    return bool(
        {"lt": value < want, "le": value <= want, "gt": value > want, "ge": value >= want}[op]
    )


def naive_fired(advisor: Advisor, profile: dict[str, Any]) -> list[str]:
    """What a user would write instead of a rule engine: facts from the profile, then for every
    rule, walk its condition and look through every fact (no derived facts in this pack)."""
    facts = profile_to_facts(advisor.load(profile).profile)

    def holds(cond: Condition) -> bool:
        if isinstance(cond, Frame):
            return any(
                f.kind == cond.kind
                and all(_test_holds(t, f.fields.get(t.field)) for t in cond.tests)
                for f in facts
            )
        if isinstance(cond, NotOf):
            return not holds(cond.item)
        if isinstance(cond, AllOf):
            return all(holds(c) for c in cond.items)
        assert isinstance(cond, AnyOf)
        return any(holds(c) for c in cond.items)

    return [rule.id for rule in advisor.pack.rules if holds(rule.when)]


# ---------------------------------------------------------------- measuring


def side_by_side(
    contenders: dict[str, Callable[[], object]], rounds: int, batch: int
) -> dict[str, float]:
    """Median seconds per call of each contender, their rounds interleaved."""
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            start = time.perf_counter()
            for _ in range(batch):
                fn()
            samples[name].append((time.perf_counter() - start) / batch)
    return {name: statistics.median(s) for name, s in samples.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3f} ms"


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def bench_overhead(tmp: Path, rounds: int) -> None:
    print("\n## adapter overhead: Advisor.assess vs raw durable_rules, same compiled rulesets")
    shipped = yaml.safe_load((ROOT / "profiles" / "medical-association.yaml").read_text())
    cases: list[tuple[str, Path | None, dict[str, Any]]] = [
        *((f"{n:>5} rules", synthetic_pack(tmp / f"o{n}", n), synthetic_profile())
          for n in (50, 200, 1000)),
        ("shipped pack, seed profile", None, shipped),
        *((f"shipped pack, variant {i}", None, v) for i, v in enumerate(variants(3, seed=1))),
    ]
    for label, folder, profile in cases:
        with Advisor(folder) as advisor:
            raw = RawDurable(advisor, profile_to_facts(advisor.load(profile).profile))
            assert sorted(raw.assess()) == sorted(
                advisor.infer(advisor.load(profile).profile).fired
            )
            loaded = advisor.load(profile)
            facts = profile_to_facts(loaded.profile)
            by_id = {r.id: r for r in advisor.pack.rules}
            med = side_by_side(
                {
                    "raw": raw.assess,
                    "engine": lambda a=advisor, f=facts, r=by_id: infer(
                        a.compiled, r, f, a._matcher
                    ),
                    "infer": lambda a=advisor, p=loaded.profile: a.infer(p),
                    "assess": lambda a=advisor, p=profile: a.assess(p),
                },
                rounds,
                50,
            )
            raw_ms = med["raw"]
            print(
                f"{label}: raw {ms(raw_ms)}; adapter from the same facts "
                f"{ms(med['engine'])} ({med['engine'] / raw_ms:.2f}x); Advisor.infer (+ facts "
                f"from the profile) {ms(med['infer'])} ({med['infer'] / raw_ms:.2f}x); "
                f"Advisor.assess (+ validation and report) {ms(med['assess'])} "
                f"({med['assess'] / raw_ms:.2f}x)"
            )


def bench_naive(tmp: Path, rounds: int) -> None:
    print("\n## vs a naive pure-Python evaluator of the same rules (condition walk per rule)")
    for rules in (100, 500, 1000, 2000, 4000):
        with Advisor(synthetic_pack(tmp / f"n{rules}", rules)) as advisor:
            profile = synthetic_profile()
            assert sorted(naive_fired(advisor, profile)) == sorted(
                advisor.infer(advisor.load(profile).profile).fired
            )
            loaded = advisor.load(profile)
            med = side_by_side(
                {
                    "naive": lambda a=advisor, p=profile: naive_fired(a, p),
                    "infer": lambda a=advisor, p=loaded.profile: a.infer(p),
                    "assess": lambda a=advisor, p=profile: a.assess(p),
                },
                rounds,
                10,
            )
            print(
                f"{rules:>5} rules: naive {ms(med['naive'])}, Advisor.infer {ms(med['infer'])} "
                f"(naive/infer {med['naive'] / med['infer']:.2f}x), Advisor.assess "
                f"{ms(med['assess'])} (naive/assess {med['naive'] / med['assess']:.2f}x)"
            )


def bench_scaling(tmp: Path, rounds: int) -> None:
    print("\n## scaling with rule count (synthetic; one rule matches)")
    for proportional in (False, True):
        label = (
            "partial matches grow with the pack (every rule may test a profile value)"
            if proportional
            else f"most rules match nothing (only the first {TOUCHING_RULES} test profile values)"
        )
        print(f"### {label}")
        times: dict[int, float] = {}
        for rules in (100, 500, 1000, 2000, 4000, 5000):
            name = f"s{rules}{'p' if proportional else ''}"
            folder = synthetic_pack(tmp / name, rules, proportional)
            start = time.perf_counter()
            try:
                advisor = Advisor(folder)
            except AdvisorError as err:
                print(f"{rules:>5} rules: refused at load: {err.first}")
                continue
            load = time.perf_counter() - start
            with advisor:
                profile = synthetic_profile()
                inference = advisor.infer(advisor.load(profile).profile)
                med = side_by_side({"assess": lambda a=advisor, p=profile: a.assess(p)}, rounds, 20)
                times[rules] = med["assess"]
                asked = sum(
                    1
                    for r in advisor.compiled.rules
                    if not r.is_one_probe and any(p in inference.hits for p in r.probes)
                )
                print(
                    f"{rules:>5} rules: load+compile+create {load:.2f} s, assess "
                    f"{ms(med['assess'])}, fired {len(inference.fired)}, "
                    f"rules with a probe matched {asked}"
                )
        if 100 in times:
            top = max(times)
            print(
                f"growth 100 -> {top} rules: {times[top] / times[100]:.2f}x for "
                f"{top / 100:.0f}x rules"
            )


def _sets(count: int) -> dict[str, list[dict[str, Any]]]:
    """The two columns of every figure: seeded variants, and the ten shipped profiles repeated."""
    shipped = list(shipped_profiles())
    return {
        "variants": variants(count),
        "shipped": (shipped * (count // len(shipped) + 1))[:count],
    }


def _each(items: Sequence[Any], work: Callable[[Any], object]) -> None:
    for item in items:
        work(item)


def bench_peers(rounds: int, count: int) -> None:
    print(
        "\n## peers: the same compiled pack and facts, matched by other means "
        "(median per profile; ratio to durable_rules matching)"
    )
    with Advisor() as advisor:
        by_id = {r.id: r for r in advisor.pack.rules}
        matchers: dict[str, Any] = {
            "durable_rules matching (Advisor.infer from facts)": advisor._matcher,
            "plain Python loop over the compiled conditions": PythonLoopMatcher(advisor.compiled),
        }
        try:
            matchers["rule-engine 5 (each probe a parsed Rule)"] = RuleEngineMatcher(
                advisor.compiled
            )
        except ImportError:
            print("rule-engine is not installed (pip install rule-engine): its row is left out")
        sets = {"variants": variants(count), "shipped": list(shipped_profiles())}
        missing = enum_coverage(sets["variants"])
        print(f"variants: {count}, enum values never used: {missing or 'none'}")
        table: dict[str, dict[str, float]] = {}
        for name, profiles in sets.items():
            facts = [profile_to_facts(advisor.load(p).profile) for p in profiles]
            disagree = 0
            fired_counts = []
            for f in facts:
                fired = [infer(advisor.compiled, by_id, f, m).fired for m in matchers.values()]
                disagree += any(x != fired[0] for x in fired)
                fired_counts.append(len(fired[0]))
            print(
                f"{name}: {len(profiles)} profiles, median {statistics.median(fired_counts)} rules "
                f"fired, disagreements on fired rules: {disagree}"
            )
            assert disagree == 0, "the peers must agree before they are timed"
            # Every contender drops its results as it goes, as an embedding loop would: holding
            # a thousand reports would time the garbage collector walking them, not the work.
            contenders: dict[str, Callable[[], object]] = {
                label: partial(_each, facts, partial(infer, advisor.compiled, by_id, matcher=m))
                for label, m in matchers.items()
            }
            contenders["Advisor.assess(dict): validate, facts, match, report"] = (
                partial(_each, profiles, advisor.assess)
            )
            repeat = max(1, 200 // len(profiles))
            med = side_by_side(contenders, rounds, repeat)
            table[name] = {k: v / len(profiles) for k, v in med.items()}
    base = "durable_rules matching (Advisor.infer from facts)"
    print("| contender | variants | shipped |\n| --- | --- | --- |")
    for label in table["variants"]:
        cells = [
            f"{ms(table[s][label])} ({table[s][label] / table[s][base]:.2f}x)" for s in table
        ]
        print(f"| {label} | {' | '.join(cells)} |")


def bench_throughput(tmp: Path, count: int, rounds: int = 3) -> None:
    print(
        "\n## throughput on 2 cores: sequential, a 2-process pool, a Dask LocalCluster of 2 "
        f"worker processes, `advisor batch`; modes interleaved over {rounds} rounds (median)"
    )
    with contextlib.ExitStack() as stack:
        shipped = stack.enter_context(Advisor())
        pool = stack.enter_context(ProcessPoolExecutor(2))
        executors: dict[str, Any] = {"2 processes": pool}
        cluster = _dask_cluster()
        if cluster is not None:
            from distributed import Client

            stack.enter_context(cluster)
            executors["Dask 2 workers"] = stack.enter_context(Client(cluster))
        for executor in executors.values():
            shipped.assess_many(variants(50), executor)  # workers load the pack once
        label = f"shipped pack ({len(shipped.pack.rules)} rules)"
        for name, profiles in _sets(count).items():
            modes: dict[str, Callable[[], object]] = {
                "sequential iter_assess": lambda p=profiles: sum(
                    r.ready for r in shipped.iter_assess(p)
                )
            }
            for where, executor in executors.items():
                modes.update(_modes(shipped, profiles, executor, where))
            med = side_by_side(modes, rounds, 1)
            seq = med["sequential iter_assess"]
            print(f"{label}, {name}, {count} profiles:")
            for what, seconds in med.items():
                print(f"  {what}: {count / seconds:,.0f}/s ({seq / seconds:.2f}x sequential)")
    batch_count = 4000  # JSON lines on stdin
    for name, profiles in _sets(batch_count).items():
        text = "".join(json.dumps(p) + "\n" for p in profiles)
        runs: dict[str, list[float]] = {}
        for _ in range(rounds):
            for args in (["--jobs", "1"], ["--jobs", "2"], *_dask_args()):
                wall = _batch_wall(tmp, text, args)
                if wall:
                    runs.setdefault(" ".join(args), []).append(wall)
        one = statistics.median(runs["--jobs 1"])
        for args_text, walls in runs.items():
            wall = statistics.median(walls)
            print(f"advisor batch {args_text}, {name}, {batch_count} profiles (whole command, "
                  f"start-up included): {batch_count / wall:,.0f}/s ({one / wall:.2f}x --jobs 1)")


def _modes(
    advisor: Advisor, profiles: list[dict[str, Any]], executor: Any, where: str
) -> dict[str, Callable[[], object]]:
    return {
        f"assess_many, {where} (reports kept)": lambda: advisor.assess_many(profiles, executor),
        f"iter_assess, {where} (reports validated, dropped)": lambda: sum(
            r.ready for r in advisor.iter_assess(profiles, executor)
        ),
        f"iter_assess_json, {where} (JSON handed through)": lambda: sum(
            len(t) for t in advisor.iter_assess_json(profiles, executor)
        ),
    }


def _dask_cluster() -> Any:
    try:
        from distributed import LocalCluster
    except ImportError:
        return None
    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address="127.0.0.1:0")


def _dask_args() -> list[list[str]]:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return []
    return [["--dask", "2"]]


def _batch_wall(tmp: Path, text: str, args: list[str]) -> float | None:
    start = time.perf_counter()
    proc = subprocess.run(
        [ADVISOR_CLI, "-q", "batch", "-", "--output", str(tmp / "out.jsonl"), *args],
        input=text, capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        print(f"advisor batch {' '.join(args)} failed: {proc.stderr.strip()[:300]}")
        return None
    return wall


def bench_cold_start(tmp: Path, runs: int) -> None:
    print(
        "\n## CLI cold start: fresh processes, interleaved round by round (median wall time; "
        "ratio to `python -c 'import click'`)"
    )
    profile = ROOT / "profiles" / "medical-association.yaml"
    cache_env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp / "cold-cache")}
    no_cache = {**os.environ, "ADVISOR_CACHE_DIR": "off"}
    assess = [ADVISOR_CLI, "assess", str(profile), "--format", "json"]
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c 'import click'": ([sys.executable, "-c", "import click"], cache_env),
        "advisor --help": ([ADVISOR_CLI, "--help"], cache_env),
        "advisor --version": ([ADVISOR_CLI, "--version"], cache_env),
        "advisor assess, pack cache warm": (assess, cache_env),
        "advisor assess, pack cache off": (assess, no_cache),
    }
    subprocess.run(assess, env=cache_env, capture_output=True, check=False)  # fills the cache
    walls: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, (args, env) in commands.items():
            start = time.perf_counter()
            proc = subprocess.run(args, capture_output=True, check=False, env=env)
            walls[label].append(time.perf_counter() - start)
            if proc.returncode not in (0, 1):
                print(f"{label}: exit {proc.returncode}: {proc.stderr[:200]!r}")
    click_ms = statistics.median(walls["python -c 'import click'"])
    for label, samples in walls.items():
        med = statistics.median(samples)
        print(f"{label}: {med * 1e3:.0f} ms ({med / click_ms:.2f}x)")


def bench_load(tmp: Path, rounds: int) -> None:
    print(
        "\n## pack load: load_pack + compile_pack, and a whole Advisor(folder), with the cache "
        "on disk cold (off) and warm; sizes interleaved round by round"
    )
    from advisor.engine.compiler import compile_pack
    from advisor.files.packs import load_pack

    sizes = (100, 1000, 4000)
    folders = {n: synthetic_pack(tmp / f"l{n}", n) for n in sizes}
    cache = tmp / "load-cache"
    samples: dict[tuple[int, str], list[float]] = {}
    saved = os.environ.get("ADVISOR_CACHE_DIR")
    try:
        os.environ["ADVISOR_CACHE_DIR"] = str(cache)
        for folder in folders.values():  # fill the cache: "warm" is a second run
            compile_pack(load_pack(folder))
        for _ in range(rounds):
            for n, folder in folders.items():
                for mode in ("cold", "warm"):
                    os.environ["ADVISOR_CACHE_DIR"] = "off" if mode == "cold" else str(cache)
                    start = time.perf_counter()
                    compile_pack(load_pack(folder))
                    loaded = time.perf_counter()
                    Advisor(folder).close()
                    whole = time.perf_counter() - loaded
                    samples.setdefault((n, mode), []).append(loaded - start)
                    samples.setdefault((n, f"{mode} advisor"), []).append(whole)
    finally:
        if saved is None:
            os.environ.pop("ADVISOR_CACHE_DIR", None)
        else:
            os.environ["ADVISOR_CACHE_DIR"] = saved
    med = {k: statistics.median(v) for k, v in samples.items()}
    for n in sizes:
        cold, warm = med[(n, "cold")], med[(n, "warm")]
        whole_cold, whole_warm = med[(n, "cold advisor")], med[(n, "warm advisor")]
        print(
            f"{n:>5} rules: load+compile cold {cold:.3f} s, warm {warm:.3f} s "
            f"({warm / cold:.2f}x); Advisor(folder) cold {whole_cold:.3f} s, warm "
            f"{whole_warm:.3f} s ({whole_warm / whole_cold:.2f}x)"
        )


def bench_memory(count: int) -> None:
    print(f"\n## memory: RSS growth over {count:,} assessments in one process (shipped pack, "
          "200 variants)")
    profiles = variants(200)
    with Advisor() as advisor:
        for p in profiles * 40:  # warm-up: caches, allocator arenas
            advisor.assess(p)
        before = rss_kb()
        for i in range(count):
            advisor.assess(profiles[i % len(profiles)])
        after = rss_kb()
    print(
        f"RSS before {before / 1024:.1f} MB, after {after / 1024:.1f} MB, "
        f"growth {(after - before) / 1024:.2f} MB"
    )


def firing_pack(folder: Path, rules: int, firing: float = 0.1) -> Path:
    """A pack of `rules` rules of which the share `firing` fire on synthetic_profile(), as
    many more are candidates that do not fire (one of their probes matches), and the rest
    match nothing. Formulas mix `all`, `any` and `not`, so the combining step is exercised
    on every shape; every tenth firing rule reads a single frame."""
    fields = [("audience", "name"), ("objective", "metric"), ("organization", "name")]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules").mkdir(exist_ok=True)
    shutil.copy(MINI / "pack.yaml", folder / "pack.yaml")
    shutil.copy(MINI / "channels.yaml", folder / "channels.yaml")
    every = round(1 / firing)
    out = []
    for i in range(rules):
        (k1, f1), (k2, f2) = fields[i % 3], fields[(i + 1) % 3]
        a, b = 2 + (i // 3) % 498, 2 + (i // 1500 + i) % 498
        hit1, hit2 = {k1: {f1: "v0"}}, {k2: {f2: "v0"}}
        miss1, miss2 = {k1: {f1: f"v{a}"}}, {k2: {f2: f"v{b}"}}
        when: dict[str, Any]
        if i % every == 0:  # fires
            shape = (i // every) % 4
            when = (
                {"all": [hit1, hit2, {"not": miss1}]} if shape == 0
                else {"any": [miss1, hit2]} if shape == 1
                else {"all": [hit1, {"any": [miss2, hit2]}]} if shape == 2
                else hit1 if (i // every) % 10 == 3
                else {"all": [hit1, hit2]}
            )
        elif i % every == 1:  # a candidate that does not fire
            when = {"all": [hit1, miss2]} if i % 2 else {"all": [hit2, {"not": hit1}]}
        else:  # matches nothing
            when = {"all": [miss1, miss2]}
        out.append(
            {
                "id": f"people.firing.r{i}",
                "title": f"Synthetic rule {i}",
                "post": "people",
                "when": when,
                "then": [{"score": {"channel": "linkedin", "weight": 1 + i % 5}}],
                "because": "A synthetic rule for the firing benchmark",
                "source": "bench",
            }
        )
    return _write_rules(folder, "firing", out)


def bench_firing(tmp: Path, rounds: int, assessments: int = 1_000) -> None:
    """Matching that scales with what fires: durable_rules against the plain Python loop over
    every rule (naive_fired) at 4,000 rules with 10 % firing, interleaved round by round; and
    the RSS growth over the first `assessments` assessments of that pack (measured first, on a
    fresh Advisor, while its sessions fill up and retire)."""
    rules = 4_000
    print(f"\n## matching at {rules:,} rules, 10 % firing: durable_rules vs the plain loop")
    with Advisor(firing_pack(tmp / "firing", rules)) as advisor:
        profile = synthetic_profile()
        advisor.assess(profile)
        before = peak = rss_kb()
        for i in range(assessments):
            advisor.assess(profile)
            if i % 50 == 49:  # sessions fill up and retire in between: the peak counts too
                peak = max(peak, rss_kb())
        after = rss_kb()
        print(
            f"RSS over {assessments:,} assessments of this pack: before {before / 1024:.1f} MB, "
            f"after {after / 1024:.1f} MB, growth {(after - before) / 1024:.2f} MB (peak "
            f"{(peak - before) / 1024:.2f} MB)"
        )
        loaded = advisor.load(profile)
        fired = advisor.infer(loaded.profile).fired
        assert sorted(naive_fired(advisor, profile)) == sorted(fired)
        facts = profile_to_facts(loaded.profile)
        by_id = {r.id: r for r in advisor.pack.rules}
        med = side_by_side(
            {
                "loop": lambda: naive_fired(advisor, profile),
                "durable": lambda: advisor.infer(advisor.load(profile).profile),
                "facts": lambda: profile_to_facts(advisor.load(profile).profile),
                "match": lambda: infer(advisor.compiled, by_id, facts, advisor._matcher),
            },
            rounds,
            10,
        )
        front = med["facts"]  # validation and facts, which both contenders do first
        print(
            f"{len(fired)} of {rules:,} rules fire ({len(facts)} facts). From the profile: "
            f"plain loop {ms(med['loop'])}, durable_rules {ms(med['durable'])} "
            f"(loop/durable {med['loop'] / med['durable']:.2f}x). Matching only (validation "
            f"and facts, {ms(front)}, taken off both): loop {ms(med['loop'] - front)}, "
            f"durable_rules {ms(med['match'])} "
            f"(loop/durable {(med['loop'] - front) / med['match']:.2f}x)"
        )
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            infer(advisor.compiled, by_id, facts, advisor._matcher)
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(8)
    print("where matching goes (cProfile, 50 matches, by own time):")
    print("\n".join(line for line in text.getvalue().splitlines()[6:] if line.strip()))

def bench_profile(tmp: Path) -> None:
    print("\n## where the time goes: the shipped pack, 200 variants")
    profiles = variants(200)
    with Advisor() as advisor:
        loaded = [advisor.load(p).profile for p in profiles]
        facts = [profile_to_facts(p) for p in loaded]
        inferences = [advisor.infer(p) for p in loaded]
        reports = [advisor.assess(p) for p in profiles]
        by_id = {r.id: r for r in advisor.pack.rules}
        writer = ReportWriter(advisor.pack, advisor.compiled, by_id)
        phases: dict[str, Callable[[int], object]] = {
            "validate the profile (Pydantic)": lambda i: advisor.load(profiles[i]),
            "profile -> facts": lambda i: profile_to_facts(loaded[i]),
            "match (durable_rules + adapter)": lambda i: infer(
                advisor.compiled, by_id, facts[i], advisor._matcher
            ),
            "build the report": lambda i: writer.write(loaded[i], "", inferences[i]),
            "report -> JSON": lambda i: reports[i].model_dump_json(),
            "whole assess (from a dict)": lambda i: advisor.assess(profiles[i]),
        }

        def each(phase: Callable[[int], object]) -> None:
            for i in range(len(profiles)):
                phase(i)  # results dropped, as an embedding loop would

        med = side_by_side({name: lambda f=f: each(f) for name, f in phases.items()}, 5, 1)
        for name, seconds in med.items():
            print(f"{name:>34}: {ms(seconds / len(profiles))} per profile")
        profiler = cProfile.Profile()
        profiler.enable()
        for profile in profiles * 5:
            advisor.assess(profile)
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
    print("\n".join(line for line in text.getvalue().splitlines()[6:] if line.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    rounds = 5 if args.quick else 9
    print(
        f"# advisor benchmarks: {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}, load average {os.getloadavg()[0]:.2f}"
    )
    random.seed(0)
    parts = {
        "overhead": lambda tmp: bench_overhead(tmp, rounds),
        "naive": lambda tmp: bench_naive(tmp, rounds),
        "scaling": lambda tmp: bench_scaling(tmp, rounds),
        "peers": lambda tmp: bench_peers(rounds, 300 if args.quick else 1000),
        "throughput": lambda tmp: bench_throughput(tmp, 1000 if args.quick else 4000),
        "cold": lambda tmp: bench_cold_start(tmp, 5 if args.quick else 9),
        "load": lambda tmp: bench_load(tmp, 2 if args.quick else 3),
        "memory": lambda tmp: bench_memory(20_000 if args.quick else 100_000),
        "profile": bench_profile,
        "firing": lambda tmp: bench_firing(tmp, rounds),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, part in parts.items():
            if args.only is None or name in args.only:
                part(Path(tmp))


if __name__ == "__main__":
    main()
