"""Print an HTML page to PDF with headless Chromium: the page is written to a private temporary
folder, Chromium prints it there, and the PDF's bytes come back. The only module that runs a
browser; it finds one on PATH (or in ADVISOR_CHROMIUM) and names it when it is missing."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from advisor.errors import AdvisorError
from advisor.files.output import STDOUT, TMP_SUFFIX, check_target, clean_stale

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT_SECONDS = 120


def find_chromium() -> str:
    """The Chromium (or Chrome) to print with: ADVISOR_CHROMIUM, else the first on PATH."""
    chosen = os.environ.get("ADVISOR_CHROMIUM")
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise AdvisorError(f"ADVISOR_CHROMIUM names '{chosen}', which is not a program")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise AdvisorError(
        "--format pdf needs Chromium: install 'chromium' (e.g. apt-get install chromium) or set "
        "ADVISOR_CHROMIUM to a Chromium or Chrome program"
    )


def print_pdf(html: str) -> bytes:
    """The PDF Chromium prints of this HTML page (its @page rules set the paper size)."""
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="advisor-pdf-") as folder:
        work = Path(folder)
        page, pdf = work / "brief.html", work / "brief.pdf"
        page.write_text(html, encoding="utf-8")
        args = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-pdf-header-footer", f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={pdf}", page.as_uri(),
        ]
        try:
            run = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                                 cwd=work, check=False)
        except subprocess.TimeoutExpired:
            raise AdvisorError(f"{browser} did not print the PDF within "
                               f"{TIMEOUT_SECONDS} seconds") from None
        if not pdf.is_file() or pdf.stat().st_size == 0:
            tail = " ".join(run.stderr.split()[-30:])
            raise AdvisorError(f"{browser} printed no PDF (exit {run.returncode}): {tail}")
        data = pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        raise AdvisorError(f"{browser} wrote a file that is not a PDF")
    return data


def write_pdf(target: Path | str, data: bytes) -> None:
    """Write a PDF whole or not at all, with the same refusals as every other output (a link,
    FIFO, device or read-only file); `-` writes the bytes to standard output."""
    if str(target) == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(target)
    mode = check_target(target)
    clean_stale(target)
    tmp = target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}{TMP_SUFFIX}"
    try:
        tmp.write_bytes(data)
        os.chmod(tmp, mode)
        check_target(target)
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reason = (err.strerror or str(err)).lower()
        raise AdvisorError(f"{target}: cannot write: {reason}") from None
