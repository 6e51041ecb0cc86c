"""`advisor docs`, hidden: regenerates docs/cli.md, the command-line reference, from the
commands themselves (advisor.authoring.clidoc reads the tree this package builds)."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.cli import (
    main,
    reports_errors,
    write_generated,
)


@main.group(hidden=True)
def docs() -> None:
    """Regenerate the documents generated from the command line (for maintainers).

    \b
    Example:
      advisor docs cli --check
    """


@docs.command("cli")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/cli.md"),
    show_default=True,
    help="The file to write.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the file is stale.")
@reports_errors
def docs_cli(output: Path, check: bool) -> None:
    """Generate the command-line reference from every command's usage, help and options.

    \b
    Examples:
      advisor docs cli
      advisor docs cli --check
    """
    from advisor.authoring.clidoc import cli_reference

    write_generated(output, cli_reference(main), "advisor docs cli", check=check)
