"""One profile, one report, byte for byte, whichever way it is assessed: `assess`, `iter_assess`,
`assess_many` with a thread pool and with process pools (fork and spawn), and `advisor batch`;
and whether a number field is omitted (its default), written `0` or written `0.0`.

Profiles are generated from a seed: 200 in the normal run, ADVISOR_BYTES_PROFILES=N for more.
The canonical encoding (advisor.report.canonical_number): in a value whose type varies
(evidence, derived facts) a whole number is written as an integer."""

from __future__ import annotations

import copy
import json
import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor
from advisor.workflows.batch import Item, run_batch
from tests.reliability.conftest import KINDS, SEGMENTS
from tests.reliability.make_corpus import BASE_PROFILE

MINI = Path(__file__).resolve().parent.parent / "packs" / "mini"
COUNT = int(os.environ.get("ADVISOR_BYTES_PROFILES", "200"))
# Float fields of the profile whose default is 0: omitted, 0 or 0.0 must read the same.
ZERO_DEFAULTS = [
    ("resources", "staff_hours_per_week"),
    ("resources", "sme_hours_per_month"),
    ("bottlenecks", "approval_days"),
]


def generated(count: int, seed: int = 11) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        data = copy.deepcopy(BASE_PROFILE)
        data["organization"]["name"] = f"Org {i}"
        data["audiences"][0]["segment"] = rng.choice(SEGMENTS)
        data["objectives"][0]["kind"] = rng.choice(KINDS)
        data["objectives"][0]["target"] = rng.choice([5000, 5000.0, 12.5, 0, 1e6])
        data["technology"]["current_channels"][0]["posts_per_week"] = rng.choice([1, 1.0, 2.5, 0])
        data["technology"]["required_channels"] = rng.choice([[], ["x_twitter"]])
        for section, name in ZERO_DEFAULTS:
            choice = rng.choice(["omit", 0, 0.0, 3, 3.0, 4.5])
            data.setdefault(section, {})
            if choice == "omit":
                data[section].pop(name, None)
            else:
                data[section][name] = choice
        out.append(data)
    return out


@pytest.fixture(scope="module")
def profiles() -> list[dict[str, Any]]:
    return generated(COUNT)


@pytest.fixture(scope="module")
def expected(profiles: list[dict[str, Any]]) -> list[str]:
    with Advisor(MINI) as advisor:
        return [advisor.assess(p).model_dump_json() for p in profiles]


def test_iter_assess_and_thread_pools_give_the_same_bytes(
    profiles: list[dict[str, Any]], expected: list[str]
) -> None:
    with Advisor(MINI) as advisor:
        assert [r.model_dump_json() for r in advisor.iter_assess(profiles)] == expected
        with ThreadPoolExecutor(4) as pool:
            got = advisor.assess_many(profiles, executor=pool)
        assert [r.model_dump_json() for r in got] == expected


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_process_pools_give_the_same_bytes(
    method: str, profiles: list[dict[str, Any]], expected: list[str]
) -> None:
    context = multiprocessing.get_context(method)
    with Advisor(MINI) as advisor, ProcessPoolExecutor(2, mp_context=context) as pool:
        got = advisor.assess_many(profiles, executor=pool)
    same = sum(r.model_dump_json() == e for r, e in zip(got, expected, strict=True))
    assert same == len(expected)


def test_batch_gives_the_same_bytes(profiles: list[dict[str, Any]], expected: list[str]) -> None:
    items = [Item(f"<stdin>:{i}", data=p) for i, p in enumerate(profiles, start=1)]
    lines: list[str] = []
    result = run_batch(items, MINI, jobs=2, sink=lines.append)
    assert not result.failures
    reports = [line[line.index('"report":') + len('"report":') : -2] for line in lines]
    assert reports == expected


def test_zero_and_zero_point_zero_give_the_same_bytes_and_omitted_is_not_zero() -> None:
    base = generated(1)[0]
    texts = {}
    with Advisor(MINI) as advisor:
        for choice in ("omit", 0, 0.0):
            data = copy.deepcopy(base)
            for section, name in ZERO_DEFAULTS:
                if choice == "omit":
                    data[section].pop(name, None)
                else:
                    data[section][name] = choice
            texts[choice] = advisor.assess(data).to_json()
    # "not given" is its own answer (the plan cannot be sized), never read as 0
    assert texts["omit"] != texts[0]
    assert json.loads(texts["omit"])["resource_plan"]["hours_available"] is None
    texts.pop("omit")
    assert len(set(texts.values())) == 1
    evidence_values = [
        e["value"]
        for advice in json.loads(texts[0])["not_recommended"]
        for reason in advice.get("reasons", [])
        for e in reason["evidence"]
        if isinstance(e["value"], float)
    ]
    assert all(not v.is_integer() for v in evidence_values)
