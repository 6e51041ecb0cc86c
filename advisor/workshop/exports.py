"""The workshop's downloads: the profile as `advisor init` writes it, and the report in every
format `advisor assess` writes, each by the renderer the command line uses."""

from __future__ import annotations

from collections.abc import Callable

from advisor.model.profile import Profile
from advisor.model.report import Report
from advisor.render.html import render_html
from advisor.render.markdown import render_markdown
from advisor.workflows.interview import profile_yaml


def _table(report: Report) -> str:
    from advisor.render.table import render_table
    from advisor.render.terminal import file_console

    console = file_console()
    render_table(report, console)
    return str(console.export_text())


# download name -> (link text, media type, how it is written)
EXPORTS: dict[str, tuple[str, str, Callable[[Profile, Report], str]]] = {
    "profile.yaml": ("profile (YAML)", "application/yaml",
                     lambda profile, report: profile_yaml(profile)),
    "report.json": ("report (JSON)", "application/json", lambda profile, report: report.to_json()),
    "report.md": ("report (Markdown)", "text/markdown; charset=utf-8",
                  lambda profile, report: render_markdown(report)),
    "report.html": ("report (HTML)", "text/html; charset=utf-8",
                    lambda profile, report: render_html(report)),
    "report.txt": ("report (table)", "text/plain; charset=utf-8",
                   lambda profile, report: _table(report)),
}


def export(name: str, profile: Profile, report: Report) -> tuple[str, str]:
    """The media type and text of download `name`."""
    _, media, write = EXPORTS[name]
    return media, write(profile, report)
