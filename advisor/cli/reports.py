"""`advisor assess`, `validate`, `channels` and `schema`: reports, and what profiles and rules
are checked against."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

import click

from advisor.cli import (
    EXIT_BLOCKERS,
    _console,
    _file_console,
    _open_advisor,
    _profile_input,
    _verbose,
    _write,
    main,
    reports_errors,
    rules_option,
)
from advisor.cli.brief import document_options
from advisor.errors import AdvisorError


@main.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown", "html"]),
    default=None,
    help="table on a terminal, json otherwise; markdown or html for a client document.",
)
@rules_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=None,
    help="Show only the top N recommended channels (table, markdown, html; JSON keeps all).",
)
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
@document_options("markdown, html")
@reports_errors
def assess(
    profiles: tuple[Path, ...],
    fmt: str | None,
    rules_dir: Path | None,
    top: int | None,
    output: Path | None,
    fail_on_blockers: bool,
    when: Any,
    prepared_for: str | None,
    paper: str,
) -> None:
    """Assess PROFILES and print ranked channels with their reasons.

    \b
    Examples:
      advisor assess profiles/medical-association.yaml
      advisor assess profiles/*.yaml --format json --output reports.json
    """
    fmt = fmt or ("table" if sys.stdout.isatty() and output is None else "json")
    started = time.perf_counter()
    with _open_advisor(rules_dir) as advisor:
        pack = advisor.pack.manifest
        _verbose(
            f"rule pack {pack.name} {pack.version}: {len(advisor.pack.rules)} rules, loaded in "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
        # Validate every profile before printing anything: bad input writes nothing.
        loaded = [advisor.load(_profile_input(path)) for path in profiles]
        assessing = time.perf_counter()
        reports = [advisor.assess(item) for item in loaded]
        _verbose(
            f"{len(reports)} assessed in {(time.perf_counter() - assessing) * 1000:.1f} ms"
        )
    if fmt in ("markdown", "html"):
        dated = {"date": when.date() if when else dt.date.today(), "prepared_for": prepared_for}
        _write(output, _render_documents(reports, fmt, top, dated, paper))
    elif fmt == "json":
        if len(reports) == 1:
            text = reports[0].to_json()
        else:
            text = "[\n" + ",\n".join(r.to_json().rstrip("\n") for r in reports) + "\n]\n"
        _write(output, text)
    else:
        from advisor.render.table import render_table

        console = _console() if output is None else _file_console()
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
    with _open_advisor(rules_dir) as advisor:
        for path in profiles:
            try:
                advisor.load(_profile_input(path))
                click.echo(f"ok: {path}")
            except AdvisorError as err:
                problems.extend(err.problems)
    if problems:
        raise AdvisorError(problems)


def _render_documents(
    reports: list[Any], fmt: str, top: int | None, dated: dict[str, Any], paper: str
) -> str:
    """Markdown reports joined by a rule; HTML reports only one per file (a page each); each
    dated and addressed."""
    from advisor.render.html import render_html
    from advisor.render.markdown import render_markdown

    if fmt == "markdown":
        return "\n---\n\n".join(render_markdown(r, top, **dated) for r in reports)
    if len(reports) != 1:
        raise AdvisorError("--format html writes one page: assess one profile at a time")
    return render_html(reports[0], top, paper=paper, **dated)


@main.command()
@click.argument("name", type=click.Choice(["report", "profile", "rule"]))
@click.option(
    "--catalogue-from",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="For the rule schema: check channel ids against this pack's catalogue "
    "(default: the shipped pack).",
)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file.")
@reports_errors
def schema(name: str, rules_dir: Path | None, output: Path | None) -> None:
    """Print the JSON Schema of a report, a profile or a rule file (for editors and
    validators such as check-jsonschema).

    \b
    Examples:
      advisor schema profile --output profile.schema.json
      check-jsonschema --schemafile profile.schema.json profiles/*.yaml
    """
    from advisor.authoring.schema import schema_json

    channels = None
    if name == "rule":
        with _open_advisor(rules_dir) as advisor:
            channels = sorted(advisor.pack.channels)
    _write(output, schema_json(name, channels))


@main.command()
@rules_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table on a terminal, json otherwise.")
@reports_errors
def channels(rules_dir: Path | None, fmt: str | None) -> None:
    """List the channel catalogue: id, name, hours a week and skills each needs.

    \b
    Example:
      advisor channels --format json
    """
    import json

    from advisor.render.terminal import channel_table

    with _open_advisor(rules_dir) as advisor:
        catalogue = advisor.pack.catalogue.channels
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        data = [c.model_dump(mode="json") for c in catalogue]
        click.echo(json.dumps(data, indent=2))
        return
    _console().print(channel_table(catalogue))
