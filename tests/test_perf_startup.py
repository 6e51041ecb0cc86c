"""Start-up: `advisor --help` and `--version` load click and the command line only (no Pydantic,
YAML, rule engine, rich or package metadata for --help); the engine loads with the command that
needs it. Measured as whole-command ratios in bench/RESULTS.md; here only what is imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pydantic", "yaml", "durable_rules_engine", "durable", "rich", "dask", "distributed")


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import json, sys\n"
        "from advisor.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_load_no_engine(flag: str) -> None:
    loaded = _modules_after([flag])
    assert "advisor.cli" in loaded
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert heavy == []
    stages = ("advisor.engine", "advisor.advice", "advisor.model")
    assert not any(m.startswith(stages) for m in loaded)
    if flag == "--help":
        assert "importlib.metadata" not in loaded


def test_the_version_is_the_distributions() -> None:
    from importlib.metadata import version

    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "--version"], capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == f"advisor, version {version('healthcare-social-advisor')}"


def test_a_command_that_needs_the_models_loads_them() -> None:
    """The lazy imports are real: `advisor channels` does load what it needs."""
    loaded = _modules_after(["channels"])
    assert "pydantic" in loaded


@pytest.mark.parametrize("layout", ["dist-info", "egg-info"])
def test_the_version_is_read_where_importlib_metadata_reads_it(
    layout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first copy on sys.path wins, for both metadata layouts, as in importlib.metadata."""
    from importlib.metadata import version

    from advisor.files.metadata import installed_version

    if layout == "dist-info":
        meta = tmp_path / "healthcare_social_advisor-9.9.9.dist-info" / "METADATA"
    else:
        meta = tmp_path / "healthcare_social_advisor.egg-info" / "PKG-INFO"
    meta.parent.mkdir()
    meta.write_text("Metadata-Version: 2.4\nName: healthcare-social-advisor\nVersion: 9.9.9\n\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert installed_version() == version("healthcare-social-advisor") == "9.9.9"
    monkeypatch.undo()
    assert installed_version() == version("healthcare-social-advisor") != "9.9.9"


def _last_stderr_line(code: str) -> str:
    """Run `code` in a fresh interpreter at the project root; the last line it wrote to stderr."""
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
        cwd=root,
    )
    return proc.stderr.strip().splitlines()[-1]


def test_run_in_process_the_command_line_leaves_the_collector_alone() -> None:
    """Only a process that is the command line freezes its objects (gc.freeze): a program that
    runs it in-process, as the tests do, keeps collecting its garbage."""
    code = (
        "import gc, sys\n"
        "from advisor.cli import main\n"
        "try:\n    main(['assess', 'profiles/medical-association.yaml', '--format', 'json'])\n"
        "except SystemExit:\n    pass\n"
        "print(gc.get_freeze_count(), gc.isenabled(), file=sys.stderr)\n"
    )
    assert _last_stderr_line(code) == "0 True"


def test_the_command_line_process_freezes_what_start_up_built() -> None:
    """The console script's run (sys.argv) builds the Advisor with the collector off, freezes
    it, and turns the collector back on for the assessments."""
    code = (
        "import gc, sys\n"
        "from advisor.cli import main\n"
        "seen = []\n"
        "import advisor.api\n"
        "opened = advisor.api.Advisor.__init__\n"
        "def spy(self, *a, **k):\n"
        "    seen.append(gc.isenabled())\n"
        "    opened(self, *a, **k)\n"
        "advisor.api.Advisor.__init__ = spy\n"
        "sys.argv = ['advisor', 'assess', 'profiles/medical-association.yaml']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print(seen, gc.get_freeze_count() > 10_000, gc.isenabled(), file=sys.stderr)\n"
    )
    assert _last_stderr_line(code) == "[False] True True"
