"""The strategy brief and the report checked as a person would: the brief and the report of every
shipped profile open in headless Chromium with no element overflowing its box (chart labels
included), print to PDF on A4 (and Letter), and their pages, turned into images by pdftoppm
(poppler-utils), are all there and carry text."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.files.pdf import print_pdf
from advisor.render.brief_html import render_brief_html
from advisor.render.html import render_html
from advisor.workflows.brief import build_brief

from .conftest import REPO

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
POPPLER = [shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdfinfo")]
MISSING = ([] if CHROMIUM else ["chromium"]) + (
    [] if all(POPPLER) else ["poppler-utils (pdftoppm, pdftotext, pdfinfo)"])
if MISSING:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {', '.join(MISSING)} not installed", pytrace=False)
    pytest.skip(f"{', '.join(MISSING)} not installed", allow_module_level=True)

pytestmark = pytest.mark.slow
PROFILES = sorted((REPO / "profiles").glob("*.yaml"))
DATE = dt.date(2026, 12, 2)
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch

# Marks every element whose content is wider than its box, that sticks out of its parent, or
# that runs past the page's width; the result lands in a body attribute read from the DOM dump.
_OVERFLOW_SCRIPT = """<script>
(function(){
  var bad=[], vw=document.documentElement.clientWidth, all=document.querySelectorAll('body *');
  function name(el){return el.tagName.toLowerCase()+(el.id?'#'+el.id:'')+
    ' "'+(el.textContent||'').trim().slice(0,40)+'"';}
  for (var i=0;i<all.length;i++){
    var el=all[i], cs=getComputedStyle(el); if(cs.display==='none'||el.tagName==='SCRIPT')continue;
    var r=el.getBoundingClientRect(), p=el.parentElement;
    if (r.width===0&&r.height===0) continue;  // not laid out (an SVG title, an empty anchor)
    if (el.clientWidth>0 && el.scrollWidth>el.clientWidth+1) bad.push('content wider: '+name(el));
    if (r.right>vw+1||r.left<-1) bad.push('past the page: '+name(el));
    if (p&&p!==document.body){var pr=p.getBoundingClientRect();
      if(r.right>pr.right+1||r.left<pr.left-1) bad.push('outside its parent: '+name(el));}
  }
  document.body.setAttribute('data-checked', String(all.length));
  document.body.setAttribute('data-overflow', JSON.stringify(bad.slice(0,20)));
})();
</script></body>"""


@pytest.fixture(scope="module")
def briefs() -> Iterator[dict[str, str]]:
    pages = {}
    with Advisor() as advisor:
        for path in PROFILES:
            loaded = advisor.load(path)
            report = advisor.assess(loaded)
            brief = build_brief(report, loaded.profile, advisor.pack)
            pages[path.stem] = render_brief_html(brief, DATE)
            pages[f"report:{path.stem}"] = render_html(report, date=DATE)
    yield pages


def overflowing(page_html: str, tmp_path: Path) -> tuple[int, list[str]]:
    """(elements checked, elements overflowing) of a page laid out at A4 width in Chromium."""
    assert CHROMIUM is not None
    page = tmp_path / "page.html"
    page.write_text(page_html.replace("</body>", _OVERFLOW_SCRIPT), encoding="utf-8")
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={A4_WIDTH_PX},1123",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    checked = re.search(r'data-checked="(\d+)"', run.stdout)
    found = re.search(r'data-overflow="([^"]*)"', run.stdout)
    assert checked and found, "the overflow check did not run"
    return int(checked.group(1)), json.loads(html.unescape(found.group(1)))


def pages_of(pdf: Path, tmp_path: Path) -> list[bytes]:
    """The PDF's pages as greyscale PGM images (pdftoppm)."""
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    return [p.read_bytes() for p in sorted(tmp_path.glob("page-*.pgm"))]


def ink(pgm: bytes) -> float:
    """The share of a greyscale page's pixels that are not white."""
    magic, width, height, maxval, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and int(maxval) == 255
    data = pixels[: int(width) * int(height)]
    return sum(1 for value in data if value < 200) / len(data)


@pytest.mark.parametrize("stem", [p.stem for p in PROFILES])
def test_no_element_of_the_brief_overflows_its_box(
    briefs: dict[str, str], stem: str, tmp_path: Path
) -> None:
    checked, bad = overflowing(briefs[stem], tmp_path)
    assert checked > 50
    assert bad == []


def test_the_overflow_check_catches_a_wide_element(tmp_path: Path) -> None:
    """The check above can fail: a wide unbreakable element is reported."""
    page = ('<!DOCTYPE html><html><body><div style="width:300px"><p style="white-space:nowrap">'
            + "x" * 400 + "</p></div></body></html>")
    _, bad = overflowing(page, tmp_path)
    assert any("outside its parent" in b or "content wider" in b for b in bad)


@pytest.mark.parametrize("stem", [p.stem for p in PROFILES])
def test_the_brief_prints_to_pdf_pages_that_carry_text(
    briefs: dict[str, str], stem: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(print_pdf(briefs[stem]))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert "pts (A4)" in info.stdout
    images = pages_of(pdf, tmp_path)
    assert len(images) == count and 3 <= count <= 20
    assert all(ink(page) > 0.002 for page in images)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for words in ("Social media strategy brief", "Executive summary", "The 90-day pilot",
                  "Governance checklist", "Appendix"):
        assert words in text


def test_letter_paper_prints_on_letter(briefs: dict[str, str], tmp_path: Path) -> None:
    page = briefs["small-nonprofit"].replace("size:A4", "size:letter")
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(print_pdf(page))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "612 x 792 pts (letter)" in info.stdout


@pytest.mark.parametrize("stem", [p.stem for p in PROFILES])
def test_no_element_of_the_report_overflows_its_box(
    briefs: dict[str, str], stem: str, tmp_path: Path
) -> None:
    """The report too, its score chart's labels included (they were clipped on the left)."""
    checked, bad = overflowing(briefs[f"report:{stem}"], tmp_path)
    assert checked > 50
    assert bad == []


@pytest.mark.parametrize("stem", ["small-nonprofit", "academic-medical-center"])
def test_the_report_prints_to_pdf_pages_that_carry_text(
    briefs: dict[str, str], stem: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(print_pdf(briefs[f"report:{stem}"]))
    images = pages_of(pdf, tmp_path)
    assert 1 <= len(images) <= 30 and all(ink(page) > 0.002 for page in images)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Recommended channels" in text and "Prepared for" in text
