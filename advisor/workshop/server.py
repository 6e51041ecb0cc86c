"""Serving the workshop: uvicorn on a socket bound before it starts, so a taken port is a one-line
error, port 0 picks a free one, and the address printed is the one really served."""

from __future__ import annotations

import gc
import socket
import threading
import time
import webbrowser
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import uvicorn

from advisor.api import Advisor
from advisor.errors import InputError, Problem
from advisor.workflows.interview import questions
from advisor.workflows.whatif import profile_data
from advisor.workshop.app import create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1")
FULL_COLLECTION_SECONDS = 30.0
# A full collection every this many younger ones is "never" between two timed ones.
_FULL_COLLECTION_DEFERRED = 1_000_000


def field_helps(channel_ids: list[str]) -> dict[str, str]:
    """Each field's question from `advisor init`, as the form's help text."""
    helps = {q.key.replace("[0]", "[]"): q.text.split(": ", 1)[-1]
             for q in questions(channel_ids)}
    return {key: text[:1].upper() + text[1:] for key, text in helps.items()}


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise InputError(Problem(f"cannot listen on {host}:{port}: "
                                 f"{(err.strerror or str(err)).lower()}",
                                 hint="choose another --port, or 0 for any free one")) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def pace_full_collections(every_seconds: float = FULL_COLLECTION_SECONDS) -> None:
    """Full garbage collections on a clock instead of the collector's own count.

    Each session keeps its report (~1,100 objects), and a change replaces one, so the collector
    started a full pass every couple of seconds under load, each walking every session's report
    and stalling every round trip behind it (the load check's slowest). What exists now (the
    compiled pack, the templates, the form) lives as long as the process and is frozen out of
    the passes; the automatic full passes are put off, and one runs every `every_seconds`
    instead. Young collections go on as usual, and cycles that reach the old generation wait
    at most that long."""
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _FULL_COLLECTION_DEFERRED)

    def collect() -> None:
        while True:
            time.sleep(every_seconds)
            gc.collect()

    threading.Thread(target=collect, name="advisor-workshop-gc", daemon=True).start()


def serve(advisor: Advisor, profile: Path | None, host: str, port: int, open_browser: bool,
          announce: Callable[[str], Any]) -> None:
    """Serve until interrupted. `profile` is where every new session starts (init's defaults
    without one)."""
    initial: Mapping[str, Any] | None = None
    if profile is not None:
        initial = profile_data(advisor.load(profile).profile)
    sock = bind(host, port)
    url = url_of(sock)
    app = create_app(advisor, initial, profile.name if profile else None, (host,),
                     field_helps(sorted(advisor.pack.channels)))
    pace_full_collections()
    config = uvicorn.Config(app, log_level="warning", access_log=False,
                            h11_max_incomplete_event_size=64 * 1024, timeout_keep_alive=30)
    server = uvicorn.Server(config)
    announce(f"advisor workshop: {url} (Ctrl-C to stop)")
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
