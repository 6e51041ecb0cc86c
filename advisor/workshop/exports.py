"""The workshop's downloads: the profile as `advisor init` writes it, the report in every format
`advisor assess` writes and the strategy brief in every format `advisor brief` writes, each by
the renderer the command line uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from advisor.model.profile import Profile
from advisor.model.report import Report
from advisor.render.html import render_html
from advisor.render.markdown import render_markdown
from advisor.rulebook.pack import RulePack
from advisor.workflows.interview import profile_yaml


@dataclass(frozen=True)
class Assessed:
    """What a download is written from: the session's profile, its report and the pack."""

    profile: Profile
    report: Report
    pack: RulePack


def _table(done: Assessed) -> str:
    from advisor.render.table import render_table
    from advisor.render.terminal import file_console

    console = file_console()
    render_table(done.report, console)
    return str(console.export_text())


def _brief(fmt: str) -> Callable[[Assessed], str | bytes]:
    def write(done: Assessed) -> str | bytes:
        from advisor.workflows.brief import build_brief

        built = build_brief(done.report, done.profile, done.pack)
        if fmt == "json":
            return built.to_json()
        if fmt == "markdown":
            from advisor.render.brief_markdown import render_brief_markdown

            return render_brief_markdown(built, dt.date.today())
        from advisor.render.brief_html import render_brief_html

        html = render_brief_html(built, dt.date.today())
        if fmt == "html":
            return html
        from advisor.files.pdf import print_pdf

        return print_pdf(html)

    return write


# download name -> (link text, media type, how it is written)
EXPORTS: dict[str, tuple[str, str, Callable[[Assessed], str | bytes]]] = {
    "profile.yaml": ("profile (YAML)", "application/yaml", lambda d: profile_yaml(d.profile)),
    "report.json": ("report (JSON)", "application/json", lambda d: d.report.to_json()),
    "report.md": ("report (Markdown)", "text/markdown; charset=utf-8",
                  lambda d: render_markdown(d.report)),
    "report.html": ("report (HTML)", "text/html; charset=utf-8", lambda d: render_html(d.report)),
    "report.txt": ("report (table)", "text/plain; charset=utf-8", _table),
    "brief.md": ("brief (Markdown)", "text/markdown; charset=utf-8", _brief("markdown")),
    "brief.html": ("brief (HTML)", "text/html; charset=utf-8", _brief("html")),
    "brief.pdf": ("brief (PDF)", "application/pdf", _brief("pdf")),
    "brief.json": ("brief (JSON)", "application/json", _brief("json")),
}


def export(name: str, done: Assessed) -> tuple[str, str | bytes]:
    """The media type and content of download `name`."""
    _, media, write = EXPORTS[name]
    return media, write(done)
