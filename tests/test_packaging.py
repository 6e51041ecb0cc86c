"""Packaging: the wheel carries the default rule pack, and the installed command works from any
folder, not only from the repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

# Whole-suite only: `pytest -m 'not slow'` is the contributors' fast loop.
pytestmark = pytest.mark.slow


def test_the_wheel_ships_the_rule_pack_and_works_outside_the_repo(tmp_path: Path) -> None:
    # Build from a clean copy: setuptools never prunes a stale build/ folder, which would ship
    # files deleted since the last build.
    source = tmp_path / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "advisor/default_pack/" + p.relative_to(REPO / "rules").as_posix()
        for p in (REPO / "rules").rglob("*.yaml")
    }
    assert {"advisor/default_pack/pack.yaml", "advisor/default_pack/channels.yaml"} <= shipped
    assert shipped <= names
    assert "advisor/py.typed" in names
    # the Gherkin step library ships as a pytest plugin, for rule packs in other repositories
    assert "advisor/bdd/plugin.py" in names
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "[pytest11]" in zipfile.ZipFile(wheel).read(entry_points).decode()

    # Install only our wheel into a private folder; dependencies come from this environment.
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "advisor",
            "assess",
            str(REPO / "profiles" / "medical-association.yaml"),
            "--format",
            "json",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pack"]["name"] == "healthcare-social"
    # The strategy brief works from the wheel too: a PDF where Chromium is installed.
    fmt = "pdf" if shutil.which("chromium") else "markdown"
    brief = subprocess.run(
        [sys.executable, "-m", "advisor", "brief", str(REPO / "profiles" / "small-nonprofit.yaml"),
         "--format", fmt, "--output", "brief.out"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False,
    )
    assert brief.returncode == 0, brief.stderr
    written = (elsewhere / "brief.out").read_bytes()
    assert written.startswith(b"%PDF") if fmt == "pdf" else b"strategy brief" in written
    probe = subprocess.run(
        [sys.executable, "-c", "import advisor; print(advisor.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(site))


def test_every_rules_folder_is_a_listed_package() -> None:
    """setuptools warns about (and may one day drop) a data folder not listed as a package:
    every folder of rules/ is in pyproject's package list."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        "advisor.default_pack." + p.relative_to(REPO / "rules").as_posix().replace("/", ".")
        for p in (REPO / "rules").rglob("*")
        if p.is_dir() and p.name != "__pycache__"
    }
    assert folders <= listed, sorted(folders - listed)


def test_the_sdist_is_complete_and_the_build_prints_no_warning(tmp_path: Path) -> None:
    """The source distribution carries the licence, the rule pack, profiles, features and the
    tests with their fixtures; building it warns about nothing."""
    import tarfile

    source = tmp_path / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    result = subprocess.run(
        [sys.executable, "setup.py", "-q", "sdist", "-d", str(tmp_path / "dist")]
        if (source / "setup.py").exists()
        else [
            sys.executable, "-c",
            "from setuptools import build_meta as b; import sys; "
            "print(b.build_sdist(sys.argv[1]))", str(tmp_path / "dist"),
        ],
        cwd=source, capture_output=True, text=True, check=True, timeout=300,
    )
    warnings = [
        line for line in (result.stdout + result.stderr).splitlines()
        if "warn" in line.lower() and "byte-compiling is disabled" not in line
    ]
    assert warnings == []
    (sdist,) = (tmp_path / "dist").glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for required in (
        "LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml", "rules/pack.yaml",
        "profiles/hospital.yaml", "features/why-first.feature", "tests/conftest.py",
        "tests/golden/mini-compiled.json", "docs/steps.md", ".ci/run",
    ):
        assert required in names, required
    fixtures = {
        p.relative_to(REPO).as_posix() for p in (REPO / "tests").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert fixtures <= names, sorted(fixtures - names)[:5]


def test_the_version_has_one_source() -> None:
    """`advisor.__version__` is the installed distribution's version from pyproject.toml."""
    import tomllib
    from importlib.metadata import version

    import advisor

    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert advisor.__version__ == version("healthcare-social-advisor")
    assert advisor.__version__ == config["project"]["version"]
    for path in (REPO / "advisor" / "cli").glob("*.py"):
        assert "__version__ =" not in path.read_text(), path
