"""The command line: thin wrappers over the library. The only package that imports click.

This module holds the root group `main` (the `advisor` console script and `python -m advisor`),
the exit codes and the helpers every command shares; the commands live by family in
advisor.cli.reports (assess, validate, channels, schema), advisor.cli.rules (the rule authoring
kit), advisor.cli.workflows (explain, whatif, init, batch) and advisor.cli.reference (the hidden
`docs` group that regenerates docs/cli.md), and register themselves on `main` when imported
at the end of this module."""

from __future__ import annotations

import atexit
import gc
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from advisor import DISTRIBUTION
from advisor.errors import AdvisorError

if TYPE_CHECKING:  # the engine and rich load when a command runs, not for --help/--version
    from advisor.api import Advisor
    from advisor.render.terminal import Console

F = TypeVar("F", bound=Callable[..., Any])

# The exit codes, documented in README.md and docs/workflows.md and tested in tests/test_cli.py.
EXIT_OK = 0
EXIT_BLOCKERS = 1  # blocker findings, failed checks or coverage, stale docs: only when asked
EXIT_BAD_INPUT = 2  # a profile, rule, pack or file problem (AdvisorError.exit_code)
EXIT_ENGINE = 3  # the rule engine failed (EngineError.exit_code)
EXIT_USAGE = 4  # the command line itself: unknown option, missing argument


def reports_errors(func: F) -> F:
    """Print an AdvisorError once, one line per problem, and exit with its code: no traceback
    for a user's mistake."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AdvisorError as err:
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(err.exit_code)

    return wrapper  # type: ignore[return-value]


def _profile_input(path: Path) -> Any:
    """A profile argument: `-` is standard input (YAML or JSON, bounded like a file)."""
    if str(path) != "-":
        return path
    from advisor.files.profiles import read_profile_stream

    return read_profile_stream()


def _write(output: Path | None, text: str) -> None:
    """Write all of the output or none of it (advisor.output); `-` or none: standard output."""
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    from advisor.files.output import write_output

    write_output(output, text)


def write_generated(output: Path, text: str, command: str, *, check: bool) -> None:
    """Write a generated document, or with `check` write nothing and exit 1 when the file
    differs from what `command` would write."""
    if check:
        from advisor.files.read import read_text

        current = read_text(output) if output.is_file() else ""
        if current != text:
            click.echo(f"{output} is stale: run `{command}`", err=True)
            sys.exit(EXIT_BLOCKERS)
        click.echo(f"{output} is up to date")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    _write(output, text)
    click.echo(f"wrote {output}")


def _open_advisor(rules_dir: Path | None) -> Advisor:
    if not _owns_process:
        from advisor.api import Advisor

        return Advisor(rules_dir)
    # Importing the engine and building the Advisor make ~45,000 objects that live as long as
    # the process and almost no garbage, yet set off ~60 collections that walk them (~10 ms of
    # a cold `advisor assess`). They are made with the collector off, then frozen: no later
    # collection (the next profiles of `batch`, the exit) walks them again.
    gc.disable()
    try:
        from advisor.api import Advisor

        return Advisor(rules_dir)
    finally:
        gc.freeze()
        gc.enable()


def _console(*, stderr: bool = False) -> Console:
    """A console for a table: as wide as the terminal (or COLUMNS) on a terminal; piped, the
    width of a table written to a file."""
    from advisor.render.terminal import terminal_console

    return terminal_console(stderr=stderr)


def _file_console() -> Console:
    """A console that records a table for a file: a fixed width, no terminal codes."""
    from advisor.render.terminal import file_console

    return file_console()


def _note(text: str) -> None:
    """An informational line on stderr, silenced by -q."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.find_root().meta.get("advisor.quiet", False):
        click.echo(text, err=True)


def _verbose(text: str) -> None:
    """A detail line on stderr, printed with -v."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().meta.get("advisor.verbose", False):
        click.echo(text, err=True)


# True when this process is the command line (the console script, `python -m advisor`), not a
# program that runs it in-process (a test's CliRunner): only then does the command line tune
# the garbage collector, which is the whole process's.
_owns_process = False


def _own_the_process() -> None:
    global _owns_process
    if not _owns_process:
        _owns_process = True
        atexit.register(_skip_final_collection)


def _skip_final_collection() -> None:
    """At exit, move every object to the collector's permanent generation, so that the
    interpreter's last garbage collection has nothing to walk. A command leaves tens of thousands
    of objects (the Pydantic schemas, the compiled pack) that the process's end frees anyway;
    walking them cost 40-60 ms of a 300 ms `advisor assess`. Other atexit handlers (temporary
    files, process pools) still run and the standard streams are still flushed; only finalizers
    of objects left in reference cycles at exit are not called, which Python never promises."""
    gc.freeze()


def _print_version(ctx: click.Context, asked: bool) -> None:
    """--version: the installed distribution's version, read only when asked (and without
    importing importlib.metadata, which costs more than the rest of the command line)."""
    if not asked or ctx.resilient_parsing:
        return
    from advisor.files.metadata import installed_version

    click.echo(f"advisor, version {installed_version(DISTRIBUTION)}")
    ctx.exit()


class AdvisorGroup(click.Group):
    """A click group whose usage errors exit 4, so that 2 always means bad input."""

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        if args is None:  # the arguments are sys.argv: this process is the command line
            _own_the_process()
        return super().main(args, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as err:
            # click declares exit_code on the class; this one error gets the usage code.
            setattr(err, "exit_code", EXIT_USAGE)  # noqa: B010
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as err:
            # click declares exit_code on the class; this one error gets the usage code.
            setattr(err, "exit_code", EXIT_USAGE)  # noqa: B010
            raise


rules_option = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A rule pack folder to use instead of the shipped one.",
)


@click.group(cls=AdvisorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=lambda ctx, _param, value: _print_version(ctx, value),
              help="Show the version and exit.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (no progress or notes).")
@click.option("-v", "--verbose", is_flag=True, help="Also print the rule pack used and timings.")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Social-media strategy advice for healthcare organizations, by the POST method.

    \b
    Example:
      advisor assess profiles/medical-association.yaml

    \b
    Exit codes: 0 ok; 1 blocker findings or failed checks, when asked (--fail-on-...);
    2 bad input (profile, rule, pack or file); 3 engine failure; 4 usage error.
    Shell completion (bash, zsh, fish): eval "$(_ADVISOR_COMPLETE=bash_source advisor)"
    """
    ctx.meta["advisor.quiet"] = quiet
    ctx.meta["advisor.verbose"] = verbose and not quiet


# The commands register themselves on `main` as their modules load.
from advisor.cli import brief, reference, reports, rules, workflows, workshop  # noqa: E402

__all__ = ["brief", "main", "reference", "reports", "rules", "workflows", "workshop"]
