"""The command line: thin wrappers over the library. The only module that imports click."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from advisor import __version__
from advisor.api import Advisor
from advisor.errors import AdvisorError
from advisor.render import render_table

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_BLOCKERS = 1
EXIT_BAD_INPUT = 2


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


def _write(output: Path | None, text: str) -> None:
    """Write all of the output or none of it: to a temporary file, then renamed into place."""
    if output is None:
        click.echo(text, nl=False)
        return
    tmp = output.with_name(f".{output.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise AdvisorError(f"{output}: cannot write: {err.strerror or err}") from None


rules_option = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A rule pack folder to use instead of the shipped one.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advisor")
def main() -> None:
    """Social-media strategy advice for healthcare organizations, by the POST method.

    \b
    Example:
      advisor assess profiles/medical-association.yaml
    """


@main.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default=None,
    help="table on a terminal, json otherwise.",
)
@rules_option
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show the top N channels.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file (written whole or not at all).",
)
@click.option(
    "--fail-on-blockers",
    is_flag=True,
    help="Exit 1 when a blocker finding is raised.",
)
@reports_errors
def assess(
    profiles: tuple[Path, ...],
    fmt: str | None,
    rules_dir: Path | None,
    top: int | None,
    output: Path | None,
    fail_on_blockers: bool,
) -> None:
    """Assess PROFILES and print ranked channels with their reasons.

    \b
    Examples:
      advisor assess profiles/medical-association.yaml
      advisor assess profiles/*.yaml --format json --output reports.json
    """
    fmt = fmt or ("table" if sys.stdout.isatty() and output is None else "json")
    with Advisor(rules_dir) as advisor:
        # Validate every profile before printing anything: bad input writes nothing.
        loaded = [advisor.load(path) for path in profiles]
        reports = [advisor.assess(item) for item in loaded]
    if fmt == "json":
        if len(reports) == 1:
            text = reports[0].to_json()
        else:
            text = "[\n" + ",\n".join(r.to_json().rstrip("\n") for r in reports) + "\n]\n"
        _write(output, text)
    else:
        console = Console(
            record=output is not None, file=None if output is None else io.StringIO(), width=120
        )
        for report in reports:
            render_table(report, console, top=top)
        if output is not None:
            _write(output, console.export_text())
    if fail_on_blockers and any(not r.ready for r in reports):
        sys.exit(EXIT_BLOCKERS)


@main.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@rules_option
@reports_errors
def validate(profiles: tuple[Path, ...], rules_dir: Path | None) -> None:
    """Check PROFILES against the profile model and the channel catalogue.

    Reports every problem as file:line: field: message, and exits 2 if there is any.

    \b
    Example:
      advisor validate profiles/*.yaml
    """
    problems = []
    with Advisor(rules_dir) as advisor:
        for path in profiles:
            try:
                advisor.load(path)
                click.echo(f"ok: {path}")
            except AdvisorError as err:
                problems.extend(err.problems)
    if problems:
        raise AdvisorError(problems)


# ---------------------------------------------------------------- rule authoring kit (issue 4)


# ---------------------------------------------------------------- consultant workflows (issue 5)
