"""Scale-out on Dask distributed: many profiles assessed on a cluster's workers, results in
input order. The only module that imports dask or distributed (an optional extra:
`pip install 'healthcare-social-advisor[dask]'`).

The rule pack travels once per worker, keyed by its content hash: it is one task of the graph
(`advisor-pack-<hash>`) whose result every assessment task depends on, so Dask moves it to a
worker once, a worker that joins later fetches it from a peer, and a lost copy is rebuilt from
the graph. Each worker process builds one Assessor per pack hash and reuses it. Assessment tasks
are pure, so the scheduler reruns those a dying worker held; at most `window` chunks are in
flight, so a long input never sits whole in the cluster's memory.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

from advisor.advice.assessor import Assessor
from advisor.errors import EngineError, InputError, Problem
from advisor.rulebook.pack import RulePack

# Dask's Client and Future, typed loosely: the extra may be absent, and its annotations differ
# between releases.
Client = Any
Future = Any

DASK_EXTRA = "healthcare-social-advisor[dask]"
# How long a scheduler address may take to answer before it is reported unreachable.
CONNECT_TIMEOUT = "30s"

T = TypeVar("T")
R = TypeVar("R")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError(
            Problem(
                "Dask distributed is not installed",
                hint=f"pip install '{DASK_EXTRA}'",
            )
        ) from None
    return distributed


def client_of(executor: object) -> Client:
    """The Client behind a Dask executor."""
    client = getattr(executor, "_client", executor)
    if not hasattr(client, "submit"):
        raise EngineError(f"not a Dask client or executor: {type(executor).__name__}")
    return client


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler` (tcp://host:port), or of a LocalCluster of
    `workers` worker processes on loopback (one thread each) that ends with the block."""
    distributed = _distributed()
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            raise InputError(
                Problem(f"cannot reach the Dask scheduler: {err}", scheduler,
                        hint="give its address as tcp://host:port")
            ) from None
        with client:
            yield client
        return
    if workers is None or workers < 1:
        raise InputError(Problem("--dask needs at least 1 worker"))
    with contextlib.ExitStack() as stack:
        try:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            ))
            client = stack.enter_context(distributed.Client(cluster))
        except (OSError, TimeoutError) as err:
            raise EngineError(f"could not start a local Dask cluster: {err}") from None
        yield client


def _pack_itself(pack: RulePack) -> RulePack:
    return pack


def pack_future(client: Client, pack: RulePack) -> Future:
    """The pack as a task keyed by its content hash: sent to each worker once."""
    key = f"advisor-pack-{pack.content_hash or id(pack)}"
    return client.submit(_pack_itself, pack, key=key, pure=False)


def ordered_map(
    client: Client,
    task: Callable[[RulePack, list[T]], R],
    pack: RulePack,
    chunks: Iterable[list[T]],
    window: int | None = None,
) -> Iterator[R]:
    """`task(pack, chunk)` for each chunk on the cluster, results yielded in input order; at
    most `window` chunks in flight (by default four per worker). Retried on lost workers."""
    shared = pack_future(client, pack)
    if window is None:
        workers = len(client.scheduler_info().get("workers", {})) or 1
        window = 4 * workers
    pending: deque[Future] = deque()
    source = iter(chunks)

    def submit(chunk: list[T]) -> None:
        pending.append(client.submit(task, shared, chunk, pure=False, retries=3))

    for chunk in islice(source, window):
        submit(chunk)
    try:
        while pending:
            future = pending.popleft()
            result = future.result()
            future.release()
            for chunk in islice(source, 1):
                submit(chunk)
            yield result
    finally:
        for future in pending:
            future.cancel()
        shared.release()


_WORKER_ASSESSORS: dict[str, Assessor] = {}
_WORKER_LOCK = threading.Lock()


def worker_assessor(pack: RulePack) -> Assessor:
    """On a worker: one Assessor per pack content hash per process, built once."""
    key = pack.content_hash or str(id(pack))
    with _WORKER_LOCK:
        assessor = _WORKER_ASSESSORS.get(key)
        if assessor is None:
            assessor = _WORKER_ASSESSORS[key] = Assessor(pack)
    return assessor


def assess_json_chunk(pack: RulePack, payloads: list[dict[str, Any]]) -> list[str]:
    """On a worker: each (validated, dumped) profile's report as JSON text."""
    assessor = worker_assessor(pack)
    return [assessor.assess(payload).model_dump_json() for payload in payloads]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    source = iter(items)
    while chunk := list(islice(source, size)):
        yield chunk
