"""The workshop under load: N browser-less sessions (default 50) each open the page, then make
changes to the form over loopback for a fixed time, as people in a workshop would (a pause
between changes), against `advisor workshop` started as a separate process. Reports the round
trip of each change (p50/p95/p99/max), errors, the server's CPU use and its resident memory
over the run (start, end, peak, and the slope after warm-up). Sessions open the page at random
moments of the first 5 s.

    python bench/workshop_load.py                       # 50 sessions, 60 s, 1.5-4.5 s pauses
    python bench/workshop_load.py --sessions 20 --seconds 20 --pause 0.5 1.5

Bounded: every session stops at the deadline or after --max-changes, every request has a
timeout, and only 127.0.0.1 is ever contacted."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PROFILE = REPO / "profiles" / "hospital.yaml"
REQUEST_TIMEOUT_S = 10
ARRIVAL_SPREAD_S = 5
SKILLS = ["writing", "design", "video", "audio", "analytics", "community_management"]
SEGMENTS = ["nurses", "physicians", "caregivers", "patients_chronic", "local_public"]


class FormControls(HTMLParser):
    """The controls of the workshop page's form as its script collects them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, Any] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        name, kind = a.get("name"), a.get("data-kind")
        if tag == "option" and self._select is not None and "selected" in a:
            self.fields[self._select] = a.get("value") or ""
        if name is None:
            return
        if tag == "select":
            self._select = name
            self.fields.setdefault(name, "")
        elif kind == "multi":
            chosen = self.fields.setdefault(name, [])
            if "checked" in a:
                chosen.append(a.get("value"))
        elif kind == "bool":
            self.fields[name] = "checked" in a
        elif tag == "textarea":
            self._textarea = name
            self.fields[name] = ""
        elif tag == "input":
            self.fields[name] = a.get("value") or ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@dataclass
class Tally:
    round_trips_ms: list[float] = field(default_factory=list)
    app_ms: list[float] = field(default_factory=list)  # the server's own Server-Timing
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ms: float, app_ms: float) -> None:
        with self.lock:
            self.round_trips_ms.append(ms)
            self.app_ms.append(app_ms)

    def fail(self, error: str) -> None:
        with self.lock:
            self.errors.append(error)


def change(fields: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One edit a participant might make."""
    fields = dict(fields)
    pick = rng.random()
    if pick < 0.5:
        fields["resources.staff_hours_per_week"] = str(rng.randint(0, 40))
    elif pick < 0.7:
        fields["bottlenecks.approval_days"] = str(rng.choice([0, 1, 2, 5, 10, 20]))
    elif pick < 0.85:
        skills = set(fields.get("resources.skills", []))
        skills ^= {rng.choice(SKILLS)}
        fields["resources.skills"] = sorted(skills)
    else:
        fields["audiences[0].segment"] = rng.choice(SEGMENTS)
    return fields


def session(host: str, port: int, deadline: float, pause: tuple[float, float],
            max_changes: int, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    # People open the page over the first seconds, not all in the same millisecond.
    time.sleep(rng.uniform(0, ARRIVAL_SPREAD_S))
    conn = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT_S)
    try:
        conn.request("GET", "/")
        page = conn.getresponse()
        body = page.read().decode()
        cookie = (page.getheader("set-cookie") or "").split(";")[0]
        parser = FormControls()
        parser.feed(body)
        fields = parser.fields
        headers = {"Content-Type": "application/json", "Origin": f"http://{host}:{port}",
                   "Cookie": cookie}
        for _ in range(max_changes):
            time.sleep(rng.uniform(*pause))
            if time.monotonic() >= deadline:
                return
            fields = change(fields, rng)
            started = time.perf_counter()
            conn.request("POST", "/api/change", json.dumps({"form": fields}), headers)
            response = conn.getresponse()
            reply = response.read()
            ms = (time.perf_counter() - started) * 1000
            answer = json.loads(reply) if response.status == 200 else {}
            if not answer.get("valid"):
                # An invalid form is answered without an assessment: not the work measured.
                tally.fail(f"HTTP {response.status}: {reply[:200]!r}")
            else:
                timing = response.getheader("server-timing") or "app;dur=nan"
                tally.add(ms, float(timing.partition("dur=")[2]))
    except (OSError, http.client.HTTPException, ValueError) as err:
        tally.fail(f"{type(err).__name__}: {err}")
    finally:
        conn.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def slope_mb_per_min(samples: list[tuple[float, float]]) -> float:
    times, values = [t for t, _ in samples], [v for _, v in samples]
    if len(samples) < 3:
        return 0.0
    return statistics.linear_regression(times, values).slope * 60


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sessions", type=int, default=50)
    options.add_argument("--seconds", type=float, default=60)
    options.add_argument("--pause", type=float, nargs=2, default=(1.5, 4.5),
                         metavar=("MIN", "MAX"), help="seconds between one session's changes")
    options.add_argument("--max-changes", type=int, default=10_000)
    options.add_argument("--warm-up", type=float, default=10,
                         help="seconds before the memory slope is measured")
    args = options.parse_args()
    server = subprocess.Popen(
        [sys.executable, "-m", "advisor", "workshop", str(PROFILE), "--port", "0"],
        stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split()[2]
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        report(server.pid, host, int(port), args)
    finally:
        server.terminate()
        server.wait(15)


def report(pid: int, host: str, port: int, args: argparse.Namespace) -> None:
    tally = Tally()
    started = time.monotonic()
    deadline = started + args.seconds
    cpu_before = cpu_seconds(pid)
    threads = [threading.Thread(target=session, args=(host, port, deadline, tuple(args.pause),
                                                      args.max_changes, seed, tally))
               for seed in range(args.sessions)]
    for thread in threads:
        thread.start()
    memory: list[tuple[float, float]] = []
    while any(t.is_alive() for t in threads):
        memory.append((time.monotonic() - started, rss_mb(pid)))
        time.sleep(1)
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(pid) - cpu_before
    trips = tally.round_trips_ms
    warm = [(t, v) for t, v in memory if t >= args.warm_up]
    print(f"sessions {args.sessions}, {args.seconds:g} s, pause {args.pause[0]:g}-"
          f"{args.pause[1]:g} s between one session's changes")
    print(f"changes {len(trips)} ({len(trips) / elapsed:.1f}/s), errors {len(tally.errors)}")
    if trips:
        print(f"round trip ms: p50 {percentile(trips, 0.5):.1f}, p95 "
              f"{percentile(trips, 0.95):.1f}, p99 {percentile(trips, 0.99):.1f}, max "
              f"{max(trips):.1f}")
    if tally.app_ms:
        print(f"of which the app's own work, ms: p50 {percentile(tally.app_ms, 0.5):.1f}, p95 "
              f"{percentile(tally.app_ms, 0.95):.1f}, max {max(tally.app_ms):.1f}")
    print(f"server CPU {cpu:.1f} s over {elapsed:.1f} s ({cpu / elapsed:.0%} of one core)")
    print(f"server RSS MB: start {memory[0][1]:.1f}, after warm-up {warm[0][1] if warm else 0:.1f}"
          f", end {memory[-1][1]:.1f}, peak {max(v for _, v in memory):.1f}, slope after "
          f"warm-up {slope_mb_per_min(warm):+.2f} MB/min")
    load, client_cpu = os.getloadavg()[0], time.process_time()
    print(f"machine load average (1 min) at the end: {load:.2f}; this client used "
          f"{client_cpu:.1f} s of CPU")
    for error in tally.errors[:5]:
        print("error:", error)


if __name__ == "__main__":
    main()
