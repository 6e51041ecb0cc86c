"""`advisor brief`: the strategy brief a consultant hands over, as Markdown, HTML or PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from advisor.cli import _open_advisor, _profile_input, _write, main, reports_errors, rules_option

F = TypeVar("F", bound=Callable[..., Any])


def document_options(what: str) -> Callable[[F], F]:
    """--date, --prepared-for and --paper: how a client document is dated, addressed and printed
    (shared by `brief` and `assess`)."""

    def decorate(func: F) -> F:
        func = click.option(
            "--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
            help=f"{what}: the paper size the page prints on.",
        )(func)
        func = click.option(
            "--prepared-for", default=None,
            help=f"{what}: who it is for (default: the organization).",
        )(func)
        return click.option(
            "--date", "when", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
            help=f"{what}: the date printed on it (YYYY-MM-DD; default today).",
        )(func)

    return decorate


@main.command()
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "pdf", "json"]),
    default="markdown",
    show_default=True,
    help="markdown or html for a document, pdf printed by headless Chromium, json for tools.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the brief to this file (whole or not at all); a PDF needs a file or -.",
)
@document_options("The brief")
@rules_option
@reports_errors
def brief(
    profile: Path,
    fmt: str,
    output: Path | None,
    when: dt.datetime | None,
    prepared_for: str | None,
    paper: str,
    rules_dir: Path | None,
) -> None:
    """Write the strategy brief of PROFILE: the summary, each planned channel's role, cadence
    and pillars, a 90-day pilot, the measurement plan, governance, paid and organic, sources,
    and an appendix tracing every item to its rule.

    \b
    Examples:
      advisor brief profiles/small-nonprofit.yaml --output brief.md
      advisor brief profiles/hospital.yaml --format pdf --output brief.pdf --paper letter
    """
    from advisor.workflows.brief import build_brief

    with _open_advisor(rules_dir) as advisor:
        loaded = advisor.load(_profile_input(profile))
        report = advisor.assess(loaded)
        built = build_brief(report, loaded.profile, advisor.pack)
    date = when.date() if when else dt.date.today()
    if fmt == "json":
        _write(output, built.to_json())
    elif fmt == "markdown":
        from advisor.render.brief_markdown import render_brief_markdown

        _write(output, render_brief_markdown(built, date, prepared_for))
    else:
        from advisor.render.brief_html import render_brief_html

        html = render_brief_html(built, date, prepared_for, paper)  # type: ignore[arg-type]
        if fmt == "html":
            _write(output, html)
            return
        if output is None:
            raise click.UsageError("--format pdf writes a file: give --output FILE (or - )")
        from advisor.files.pdf import print_pdf, write_pdf

        write_pdf(output, print_pdf(html))
