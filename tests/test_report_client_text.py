"""The report a client reads: display names and words, never raw ids or engine words (those stay
in the appendix that traces the advice), Markdown escaped once, dated and addressed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import Advisor
from advisor.cli import main
from advisor.render.html import render_html, score_chart
from advisor.render.markdown import render_markdown

from .conftest import REPO
from .test_brief import raw_words

PROFILES = sorted((REPO / "profiles").glob("*.yaml"))
DATE = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def advisor() -> Iterator[Advisor]:
    with Advisor() as shipped:
        yield shipped


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_no_raw_ids_or_engine_words_in_the_report_a_client_reads(
    advisor: Advisor, path: Path
) -> None:
    report = advisor.assess(path)
    for document in (render_markdown(report, date=DATE), render_html(report, date=DATE)):
        assert raw_words(document) == []
        assert "## Appendix" in document or 'id="appendix"' in document


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_markdown_is_escaped_once(advisor: Advisor, path: Path) -> None:
    """No text of the shipped profiles or rules holds a backslash, so an escaped backslash
    (or an escaped escape) can only come from escaping twice."""
    text = render_markdown(advisor.assess(path))
    assert "\\\\" not in text
    assert "\\`" not in text


def test_chart_labels_have_room_for_the_longest_name(advisor: Advisor) -> None:
    report = advisor.assess(REPO / "profiles" / "academic-medical-center.yaml")
    chart = score_chart(report.every_channel())
    longest = max(len(a.name) for a in report.every_channel() if a.terms)
    anchor = float(chart.split('text-anchor="end"')[0].rsplit('x="', 1)[1].split('"')[0])
    assert anchor >= 7.5 * longest  # room for the name left of the bars at 13px


def test_the_report_is_dated_and_addressed_from_the_command_line() -> None:
    runner = CliRunner()
    profile = str(REPO / "profiles" / "hospital.yaml")
    md = runner.invoke(main, ["assess", profile, "--format", "markdown", "--date", "2026-12-02",
                              "--prepared-for", "The board"])
    assert md.exit_code == 0, md.output
    assert "Prepared for The board · 2026-12-02" in md.output
    page = runner.invoke(main, ["assess", profile, "--format", "html", "--paper", "letter",
                                "--date", "2026-12-02"])
    assert page.exit_code == 0, page.output
    assert "2026-12-02" in page.output and "@page{size:letter" in page.output
    assert "@media print" in page.output
