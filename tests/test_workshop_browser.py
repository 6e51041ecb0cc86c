"""The workshop in a real browser: Playwright drives Debian's Chromium (never a downloaded one)
against `advisor workshop` started as a person would, outside the repository. It loads a shipped
profile, moves staff hours from 30 to 4 and sees the plan change within one round trip, adds an
audience, explains a channel and applies (then undoes, then applies) its fix, saves the YAML and
the JSON report and checks the command line assesses the saved file to the same bytes, prints
the brief to PDF, and walks the form by keyboard alone. Screenshots are kept in
test-artifacts/workshop/ (gitignored; set ADVISOR_SCREENSHOT_DIR to keep them elsewhere)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import REPO

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ModuleNotFoundError:  # pragma: no cover - the test extra installs it
    sync_playwright = None  # type: ignore[assignment]
MISSING = ([] if CHROMIUM else ["chromium"]) + ([] if sync_playwright else ["playwright"])
if MISSING:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {', '.join(MISSING)} not installed", pytrace=False)
    pytest.skip(f"{', '.join(MISSING)} not installed", allow_module_level=True)

pytestmark = pytest.mark.slow
HOSPITAL = REPO / "profiles" / "hospital.yaml"
ADVISOR = Path(sys.executable).parent / "advisor"
SHOTS = Path(os.environ.get("ADVISOR_SCREENSHOT_DIR") or REPO / "test-artifacts" / "workshop")
HOURS = '[name="resources.staff_hours_per_week"]'


@pytest.fixture(scope="module")
def workshop_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`advisor workshop` on a free port, started from a folder outside the repository."""
    yield from serve([str(ADVISOR), "workshop", "--port", "0"],
                     tmp_path_factory.mktemp("outside"))


def serve(command: list[str], folder: Path, env: dict[str, str] | None = None
          ) -> Iterator[str]:
    """Run a workshop command in `folder` until the test is done; its URL."""
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("advisor workshop: http://127.0.0.1:"), (
            line + (process.stderr.read() if process.stderr else ""))
        yield line.split()[2]
    finally:
        process.terminate()
        process.wait(15)


@pytest.fixture(scope="module")
def wheel_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`advisor workshop profiles/hospital.yaml` from the built wheel, installed on its own in
    a private folder (the web stack comes from this environment), run outside the repository."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
        "test-artifacts"))
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"),
                    str(source)], check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("*.whl")
    site = work / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(HOSPITAL, elsewhere / "hospital.yaml")
    yield from serve([sys.executable, "-m", "advisor", "workshop", "hospital.yaml", "--port",
                      "0"], elsewhere, {**os.environ, "PYTHONPATH": str(site)})


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert sync_playwright is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser, workshop_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []  # the page works offline: nothing but the workshop is fetched
    opened.on("pageerror", lambda err: errors.append(str(err)))
    opened.on("request", lambda request: None if request.url.startswith(workshop_url)
              else elsewhere.append(request.url))
    opened.goto(workshop_url)
    yield opened
    context.close()
    assert errors == [] and elsewhere == []


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def set_hours(page: Page, hours: str) -> str:
    """Type staff hours and leave the field; the plan once the one round trip is back and the
    page has drawn it (the reply is read and swapped in after the response arrives)."""
    with page.expect_response("**/api/change"):
        page.fill(HOURS, hours)
        page.press(HOURS, "Tab")
    available = page.locator("#resource-plan tr").first
    expect(available).to_contain_text(hours)
    return page.inner_text("#resource-plan")


def test_the_workshop_flow_a_ci_run_proves(page: Page, tmp_path: Path) -> None:
    with page.expect_response("**/api/start"):
        page.set_input_files("#load-file", str(HOSPITAL))
    expect(page.locator("#status")).to_have_text("loaded hospital.yaml")
    expect(page.locator('[name="organization.name"]')).to_have_value(
        "Example Valley Community Hospital")

    plan_at_30 = set_hours(page, "30")
    plan_at_4 = set_hours(page, "4")
    assert plan_at_30 != plan_at_4
    expect(page.locator("#since-baseline")).to_be_visible()
    shoot(page, "1-hours-30-to-4")

    audiences = page.locator('[data-list="audiences"] > fieldset.item')
    count = audiences.count()
    with page.expect_response("**/api/change"):
        page.click('[data-list="audiences"] > button.add')
    expect(audiences).to_have_count(count + 1)
    segment = f'[name="audiences[{count}].segment"]'
    expect(page.locator(segment)).to_be_focused()
    expect(page.locator(f'[data-problem-for="audiences[{count}].segment"]')).to_have_text(
        "required field is missing")
    with page.expect_response("**/api/change"):
        page.select_option(segment, "nurses")
    expect(page.locator(f'[data-problem-for="audiences[{count}].segment"]')).to_be_hidden()
    shoot(page, "2-audience-added")

    explained = explain_one_with_a_fix(page)
    fix = page.locator('#explain [data-action="apply"]').first
    change = fix.locator("xpath=..").locator("code").first.inner_text()
    before = page.locator(f'[name="{change}"]').first.input_value() if page.locator(
        f'[name="{change}"]').count() else None
    with page.expect_response("**/api/apply"):
        fix.click()
    expect(page.locator("#status")).to_contain_text(f"applied {change} = ")
    shoot(page, f"3-explained-{explained}-fix-applied")
    with page.expect_response("**/api/undo"):
        page.click("#undo")
    expect(page.locator("#status")).to_have_text("undone")
    if before is not None:
        expect(page.locator(f'[name="{change}"]').first).to_have_value(before)
    explain_one_with_a_fix(page)
    with page.expect_response("**/api/apply"):
        page.locator('#explain [data-action="apply"]').first.click()

    saved = download(page, "profile (YAML)", tmp_path / "saved.yaml")
    report = download(page, "report (JSON)", tmp_path / "page-report.json")
    assert saved.read_text().startswith("# Written by `advisor init`")
    cli = subprocess.run([str(ADVISOR), "assess", str(saved), "--format", "json"],
                         capture_output=True, timeout=120, cwd=tmp_path)
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout == report.read_bytes()
    brief = download(page, "brief (PDF)", tmp_path / "brief.pdf")
    assert brief.read_bytes().startswith(b"%PDF")


def explain_one_with_a_fix(page: Page) -> str:
    """Explain channels in ranking order until one offers a change to apply; its id."""
    for channel in page.locator("#advice-body tr[data-channel]").evaluate_all(
            "rows => rows.map(r => r.dataset.channel)"):
        with page.expect_response("**/api/explain"):
            page.click(f'tr[data-channel="{channel}"] button[data-action="explain"]')
        expect(page.locator(f'#explain-title[data-channel="{channel}"]')).to_be_visible()
        if page.locator('#explain [data-action="apply"]').count():
            expect(page.locator("#explain")).to_be_focused()
            return str(channel)
    raise AssertionError("no channel of the hospital profile offers a change to apply")


def download(page: Page, link: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=link).click()
    info.value.save_as(target)
    return target


def tab_to(page: Page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} is not reachable by Tab")


def test_the_form_works_from_the_keyboard_alone(page: Page) -> None:
    tab_to(page, HOURS)
    with page.expect_response("**/api/change"):
        page.keyboard.press("Control+A")
        page.keyboard.type("4")
        page.keyboard.press("Tab")
    expect(page.locator("#resource-plan tr").first).to_contain_text("4")
    tab_to(page, '[data-list="objectives"] > button.add')
    objectives = page.locator('[data-list="objectives"] > fieldset.item')
    count = objectives.count()
    with page.expect_response("**/api/change"):
        page.keyboard.press("Enter")
    expect(objectives).to_have_count(count + 1)
    kind = page.locator(f'[name="objectives[{count}].kind"]')
    expect(kind).to_be_focused()
    with page.expect_response("**/api/change"):
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    expect(kind).not_to_have_value("")
    page.keyboard.type("Grow our nurse membership")
    with page.expect_response("**/api/change"):
        page.keyboard.press("Tab")
    expect(page.locator(f'[data-problem-for="objectives[{count}].goal"]')).to_be_hidden()
    tab_to(page, 'tr[data-channel] button[data-action="explain"]')
    with page.expect_response("**/api/explain"):
        page.keyboard.press("Enter")
    expect(page.locator("#explain")).to_be_focused()
    shoot(page, "4-keyboard-only")


def test_from_the_wheel_staff_hours_30_to_4_change_the_plan_in_one_round_trip(
        browser: Browser, wheel_url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(wheel_url)
    assert page.input_value('[name="organization.name"]') == "Example Valley Community Hospital"
    plan_at_30 = set_hours(page, "30")
    plan_at_4 = set_hours(page, "4")
    assert plan_at_30 != plan_at_4
    shoot(page, "5-from-the-wheel")
    context.close()
