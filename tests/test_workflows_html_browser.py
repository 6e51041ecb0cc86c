"""The HTML report in a real browser: Debian's headless Chromium opens it, the DOM has the
channel names, the page logs no console message, and a screenshot is produced."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import Advisor
from advisor.cli import main
from advisor.render.html import render_html

from .conftest import MINI_PACK, REPO

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)

if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but chromium is not installed (apt-get install -y chromium)",
                    pytrace=False)
    pytest.skip("chromium is not installed", allow_module_level=True)


def _chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile_dir = tmp_path / "chromium-user-data"
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile_dir}", "--enable-logging=stderr", "--v=0",
        *extra, page.resolve().as_uri(),
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)


def _console_lines(stderr: str) -> list[str]:
    # Chromium logs every console message (errors, CSP violations, uncaught exceptions) as
    # ":CONSOLE" lines on stderr when logging goes to stderr.
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def _blocked_mini_report_page(tmp_path: Path) -> tuple[Path, list[str]]:
    profile = {
        "organization": {"name": "Tiny <Trust> & Co", "type": "small_nonprofit"},
        "audiences": [{"segment": "physicians"}],
        "objectives": [{"kind": "talking", "goal": "Be more visible"}],
        "technology": {"required_channels": ["x_twitter"]},
        "resources": {"staff_hours_per_week": 3, "skills": ["writing"]},
        "bottlenecks": {"approval_days": 5},
    }
    with Advisor(MINI_PACK) as advisor:
        report = advisor.assess(profile)
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    names = [a.name for a in report.every_channel()]
    return page, names


def test_html_report_renders_in_chromium_without_console_messages(tmp_path: Path) -> None:
    page, names = _blocked_mini_report_page(tmp_path)
    run = _chromium(page, tmp_path, "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    # The inline script ran after the DOM was built: the page did not break half-way.
    assert 'data-rendered="ok"' in dom
    for name in names:
        assert name.replace("&", "&amp;") in dom
    assert "Tiny &lt;Trust&gt; &amp; Co" in dom
    assert _console_lines(run.stderr) == []


def test_the_console_check_catches_a_broken_page(tmp_path: Path) -> None:
    """The check above can fail: a script error on a page shows up as a console line."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><script>notDefined();</script></body></html>")
    run = _chromium(page, tmp_path, "--dump-dom")
    assert any("notDefined" in line for line in _console_lines(run.stderr))
    assert 'data-rendered="ok"' not in run.stdout


def test_shipped_profile_page_screenshot(tmp_path: Path) -> None:
    """The CLI's HTML for a shipped profile renders to a non-empty PNG screenshot."""
    profile = sorted((REPO / "profiles").glob("*.yaml"))[0]
    page = tmp_path / "shipped.html"
    result = CliRunner().invoke(main, ["assess", str(profile), "--format", "html",
                                       "--output", str(page)])
    assert result.exit_code == 0, result.output
    run = _chromium(page, tmp_path, "--dump-dom")
    assert _console_lines(run.stderr) == []
    shot = tmp_path / "screenshot.png"
    run = _chromium(page, tmp_path, "--window-size=1200,1600", f"--screenshot={shot}")
    assert run.returncode == 0, run.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    keep = os.environ.get("ADVISOR_SCREENSHOT_DIR")
    if keep:
        shutil.copy(shot, Path(keep) / "report-screenshot.png")
