"""The strategy brief: built from the rules that fired, different for different organizations,
every item traced to a rule, no raw ids or engine words in what a client reads, and the command
line that writes it as Markdown, HTML, JSON or PDF."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import Advisor
from advisor.cli import main
from advisor.model.brief import Brief
from advisor.render.brief_html import render_brief_html
from advisor.render.brief_markdown import render_brief_markdown
from advisor.workflows.brief import build_brief

from .conftest import REPO

PROFILES = sorted((REPO / "profiles").glob("*.yaml"))
DATE = dt.date(2026, 12, 2)
# A snake_case word (an id of the vocabulary or of a channel) or an engine word.
RAW_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
ENGINE_WORDS = re.compile(r"derived\.|\bderived fact|\bprobe\b|\bfired\b|\bRete\b")
URL = re.compile(r"https?://\S+?(?=[\s<>\")]|$)")


@pytest.fixture(scope="module")
def advisor() -> Iterator[Advisor]:
    with Advisor() as shipped:
        yield shipped


def _brief(advisor: Advisor, path: Path) -> Brief:
    loaded = advisor.load(path)
    return build_brief(advisor.assess(loaded), loaded.profile, advisor.pack)


def client_text(document: str) -> str:
    """What a client reads: the document without its appendix (which names rules on purpose),
    its links and its markup."""
    for marker in ("## Appendix", '<section id="appendix"'):
        document = document.split(marker)[0]
    document = URL.sub(" ", document)
    document = re.sub(r'(href|id|class|lang|name|content|style)="[^"]*"', " ", document)
    document = re.sub(r"<style>.*?</style>", " ", document, flags=re.S)
    return re.sub(r"<[^>]+>", " ", document)


def raw_words(document: str) -> list[str]:
    text = client_text(document)
    return sorted({*RAW_ID.findall(text), *ENGINE_WORDS.findall(text)})


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_no_raw_ids_or_engine_words_in_the_brief_a_client_reads(
    advisor: Advisor, path: Path
) -> None:
    brief = _brief(advisor, path)
    for document in (render_brief_markdown(brief, DATE), render_brief_html(brief, DATE)):
        assert raw_words(document) == []


def test_the_scan_catches_a_raw_id_and_an_engine_word() -> None:
    """The scan above can fail: an id or an engine word in client text is reported, while URLs,
    attributes and the appendix are not scanned."""
    page = ('<p>lacks: community_management; derived.capacity = low</p>'
            '<a href="https://x.org/a_b_c">https://x.org/a_b_c</a>'
            '<section id="appendix"><code>pain_points.fundraising</code></section>')
    assert raw_words(page) == ["community_management", "derived."]


def test_a_small_nonprofit_and_an_academic_medical_centre_get_different_briefs(
    advisor: Advisor,
) -> None:
    small = _brief(advisor, REPO / "profiles" / "small-nonprofit.yaml")
    amc = _brief(advisor, REPO / "profiles" / "academic-medical-center.yaml")

    def cadence(b: Brief) -> dict[str, str]:
        return {c.channel: c.cadence.text for c in b.channels if c.cadence}

    shared = set(cadence(small)) & set(cadence(amc))
    assert shared and all(cadence(small)[c] != cadence(amc)[c] for c in shared)
    assert {p.label for p in small.pillars}.isdisjoint({p.label for p in amc.pillars})
    assert {t.item.rule_id for t in small.pilot} != {t.item.rule_id for t in amc.pilot}
    assert {g.rule_id for g in small.governance} != {g.rule_id for g in amc.governance}
    # Every item names a rule that fired, and the appendix lists each.
    for brief in (small, amc):
        traced = {rule for rule, _ in brief.rules}
        items = [*brief.pillars, *brief.governance, *brief.spend, *(t.item for t in brief.pilot)]
        assert items and {i.rule_id for i in items} <= traced


def test_every_claim_in_the_brief_is_numbered_to_a_source_with_year_and_url(
    advisor: Advisor,
) -> None:
    brief = _brief(advisor, REPO / "profiles" / "hospital.yaml")
    numbers = {n.number for n in brief.sources}
    assert numbers == set(range(1, len(numbers) + 1))
    items = [*brief.pillars, *brief.governance, *(t.item for t in brief.pilot)]
    assert all(i.notes and set(i.notes) <= numbers for i in items)
    assert all(n.year and n.url.startswith("http") for n in brief.sources)


def test_a_planned_channel_without_a_cadence_rule_says_so(advisor: Advisor) -> None:
    brief = _brief(advisor, REPO / "profiles" / "small-nonprofit.yaml")
    page = render_brief_markdown(brief.model_copy(update={"channels": [
        c.model_copy(update={"cadence": None, "cadence_notes": []}) for c in brief.channels
    ]}), DATE)
    assert "no rule sets one yet" in page


def test_a_brief_that_plans_nothing_says_why_blockers_first(advisor: Advisor) -> None:
    # The shipped medical association has no measurable objective: a blocker, so nothing is
    # planned, and the brief must not blame the hours and skills.
    brief = _brief(advisor, REPO / "profiles" / "medical-association.yaml")
    assert not brief.summary.ready and brief.channels == []
    for page in (render_brief_markdown(brief, DATE), render_brief_html(brief, DATE)):
        assert "No channel is planned until the blockers" in page
        assert "fits the hours and skills" not in page
    ready = brief.model_copy(update={"summary": brief.summary.model_copy(update={"ready": True})})
    assert "fits the hours and skills" in render_brief_markdown(ready, DATE)


def test_brief_markdown_html_and_json_from_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    profile = str(REPO / "profiles" / "small-nonprofit.yaml")
    md = runner.invoke(main, ["brief", profile, "--date", "2026-12-02",
                              "--prepared-for", "The board"])
    assert md.exit_code == 0, md.output
    assert "Prepared for The board" in md.output and "2026-12-02" in md.output
    assert "## The 90-day pilot" in md.output and "## Appendix" in md.output
    out = tmp_path / "brief.html"
    html = runner.invoke(main, ["brief", profile, "--format", "html", "--paper", "letter",
                                "--output", str(out), "--date", "2026-12-02"])
    assert html.exit_code == 0, html.output
    assert "@page{size:letter" in out.read_text()
    first = runner.invoke(main, ["brief", profile, "--format", "json"])
    again = runner.invoke(main, ["brief", profile, "--format", "json"])
    assert first.exit_code == 0 and first.output == again.output
    assert '"organization": "Example Regional Diabetes Support"' in first.output


def test_pdf_without_chromium_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ADVISOR_CHROMIUM", raising=False)
    out = tmp_path / "brief.pdf"
    run = CliRunner().invoke(main, ["brief", str(REPO / "profiles" / "small-nonprofit.yaml"),
                                    "--format", "pdf", "--output", str(out)])
    assert run.exit_code == 2
    assert "needs Chromium" in run.output and "chromium" in run.output
    assert not out.exists()
