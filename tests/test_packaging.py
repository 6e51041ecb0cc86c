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

from .conftest import REPO


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
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(source)],
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
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "assess", str(REPO / "profiles" / "medical-association.yaml"),
         "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pack"]["name"] == "healthcare-social"
    probe = subprocess.run(
        [sys.executable, "-c", "import advisor; print(advisor.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert probe.stdout.startswith(str(site))
