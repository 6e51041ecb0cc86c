"""The terminal for the command line: consoles as wide as the terminal (or a file's fixed width),
the progress bar, and the channel catalogue's table (the CLI imports rich only through here)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from advisor.model.catalog import Channel

__all__ = [
    "FILE_TABLE_WIDTH",
    "Console",
    "channel_table",
    "file_console",
    "progress_bar",
    "terminal_console",
]

# The width of a table written to a file or a pipe.
FILE_TABLE_WIDTH = 100


def terminal_console(*, stderr: bool = False) -> Console:
    """A console for a table: as wide as the terminal (or COLUMNS) on a terminal; piped, the
    width of a table written to a file."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else FILE_TABLE_WIDTH
    return Console(stderr=stderr, width=width)


def file_console() -> Console:
    """A console that records a table for a file: a fixed width, no terminal codes."""
    return Console(record=True, file=io.StringIO(), width=FILE_TABLE_WIDTH)


@contextmanager
def progress_bar(label: str, total: int, console: Console) -> Iterator[Callable[[int], None]]:
    """A transient progress bar of one task; yields the function that advances it by n."""
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def channel_table(catalogue: Sequence[Channel]) -> Table:
    """The channel catalogue: id, name, hours a week, skills, real time, open comments."""
    table = Table(title="Channel catalogue", title_justify="left")
    for col in ("Id", "Name", "Hours/week", "Skills", "Real time", "Open comments"):
        table.add_column(col)
    for c in catalogue:
        table.add_row(c.id, c.name, f"{c.hours_per_week:g}", ", ".join(c.skills),
                      "yes" if c.real_time else "", "yes" if c.open_comments else "")
    return table
