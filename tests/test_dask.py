"""Scale-out on Dask distributed, on real LocalClusters of worker processes on loopback: results
in input order and byte for byte those of a local run, also when a worker is killed midway;
assess_many/iter_assess on a Client; the pack sent once per worker by content hash; and without
Dask, one line naming what to install."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from advisor import Advisor
from advisor.workflows.batch import Item, expand_inputs, run_batch
from bench.variants import variants

ROOT = Path(__file__).resolve().parent.parent


def _cluster(workers: int = 2) -> LocalCluster:
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with _cluster() as cluster, Client(cluster) as client:
        yield client


@pytest.mark.slow
def test_a_batch_with_a_worker_killed_midway_is_whole_ordered_and_identical() -> None:
    """2,000 profiles on 2 worker processes; once a fifth of the results are in, one worker is
    killed (SIGKILL). The scheduler reruns its tasks elsewhere: every line arrives, in input
    order, byte for byte what a local run writes."""
    profiles = variants(2000, seed=17)
    items = [Item(f"<stdin>:{n}", data=p) for n, p in enumerate(profiles, start=1)]
    local = run_batch(items)
    with _cluster() as cluster, Client(cluster) as client:
        before = client.run(os.getpid)
        killed: list[int] = []
        done = [0]

        def progress(count: int) -> None:
            done[0] += count
            if not killed and done[0] >= len(items) // 5:
                pid = sorted(before.values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        remote = run_batch(items, progress=progress, scheduler=cluster.scheduler_address)
        after = client.run(os.getpid)
    assert killed and killed[0] not in after.values()  # the worker did die mid-batch
    assert done[0] == len(items)
    assert remote.failures == local.failures == []
    assert remote.jsonl().encode() == local.jsonl().encode()
    assert remote.summary() == local.summary()


def test_batch_on_a_local_cluster_equals_a_local_run(client: Client, tmp_path: Path) -> None:
    """Files (read by the parent and sent as bytes), JSON lines and bad items alike."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization:\n  tipe: hospital\n")
    lines = [json.dumps(p) for p in variants(30, seed=3)] + ["{not json"]
    items = expand_inputs([str(ROOT / "profiles"), str(bad), "-"], lines)
    local = run_batch(items)
    remote = run_batch(items, scheduler=client.scheduler.address)
    assert remote.jsonl() == local.jsonl()
    assert remote.failures == local.failures
    assert len(local.failures) == 2 and local.assessed == 40


def test_assess_many_and_iter_assess_on_a_client(client: Client) -> None:
    profiles = variants(120, seed=5)
    with Advisor() as advisor:
        local = [r.model_dump_json() for r in advisor.assess_many(profiles)]
        on_client = [r.model_dump_json() for r in advisor.assess_many(profiles, client)]
        executor = client.get_executor()
        streamed = list(advisor.iter_assess_json(profiles, executor))
        pool_free = [r.model_dump_json() for r in advisor.iter_assess(profiles[:7], executor)]
    assert on_client == local
    assert streamed == local
    assert pool_free == local[:7]


def test_the_pack_travels_once_per_worker_keyed_by_its_content_hash(client: Client) -> None:
    """The pack is one task of the graph named by its hash; every worker that assessed holds
    one Assessor for it, built once, however many tasks it ran."""
    with Advisor() as advisor:
        advisor.assess_many(variants(300, seed=9), client)
        content_hash = advisor.pack.content_hash

    def assessors() -> list[str]:
        from advisor.workflows import cluster

        return sorted(cluster._WORKER_ASSESSORS)

    held = client.run(assessors)
    assert held and all(keys == [content_hash] for keys in held.values())
    with Advisor() as advisor:
        advisor.assess_many(variants(50, seed=10), client)
    assert client.run(assessors) == held


def _cli(*args: str, block_dask: bool = False) -> subprocess.CompletedProcess[str]:
    code = (
        ("import sys\nsys.modules['distributed'] = None\n" if block_dask else "")
        + "from advisor.cli import main\n"
        + f"main({list(args)!r})\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT
    )


def test_without_dask_one_line_names_what_to_install(tmp_path: Path) -> None:
    proc = _cli("batch", "profiles", "--output", str(tmp_path / "out.jsonl"), "--dask", "2",
                block_dask=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: Dask distributed is not installed "
        "(pip install 'healthcare-social-advisor[dask]')"
    ]
    assert not (tmp_path / "out.jsonl").exists()


def test_dask_and_scheduler_together_is_a_usage_error(tmp_path: Path) -> None:
    proc = _cli("batch", "profiles", "--output", str(tmp_path / "o.jsonl"), "--dask", "2",
                "--scheduler", "tcp://127.0.0.1:8786")
    assert proc.returncode == 4
    assert "not both" in proc.stderr


def test_the_cli_runs_a_batch_on_a_local_cluster(tmp_path: Path) -> None:
    dask_out, local_out = tmp_path / "dask.jsonl", tmp_path / "local.jsonl"
    proc = _cli("-q", "batch", "profiles", "--output", str(dask_out), "--dask", "2")
    assert proc.returncode == 0, proc.stderr
    assert _cli("-q", "batch", "profiles", "--output", str(local_out)).returncode == 0
    assert dask_out.read_bytes() == local_out.read_bytes()
    assert len(dask_out.read_bytes().splitlines()) == 10


def test_a_scheduler_address_that_is_not_one_is_bad_input(tmp_path: Path) -> None:
    proc = _cli("batch", "profiles", "--output", str(tmp_path / "o.jsonl"), "--scheduler",
                "nonsense")
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()  # Dask's own words in the middle
    assert line.startswith("error: nonsense: cannot reach the Dask scheduler: ")
    assert line.endswith(" (give its address as tcp://host:port)")
