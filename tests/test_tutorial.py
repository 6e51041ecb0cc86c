"""docs/writing-rules.md works as written: its files and commands, run in document order in a
temporary folder outside the repository with only the installed package, end with passing
features and 100% rule coverage."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# Whole-suite only: `pytest -m 'not slow'` is the contributors' fast loop.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
TUTORIAL = REPO / "docs" / "writing-rules.md"
BIN = Path(sys.executable).parent

_BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.S | re.M)


@dataclass(frozen=True)
class Block:
    lang: str
    info: str
    body: str

    @property
    def title(self) -> str | None:
        found = re.search(r'title="([^"]+)"', self.info)
        return found.group(1) if found else None

    @property
    def expected_exit(self) -> int:
        found = re.search(r"exit=(\d+)", self.info)
        return int(found.group(1)) if found else 0


def blocks() -> list[Block]:
    text = TUTORIAL.read_text()
    return [Block(m.group(1), m.group(2), m.group(3)) for m in _BLOCK.finditer(text)]


def _command(line: str) -> list[str]:
    words = shlex.split(line)
    if words[0] == "advisor":
        return [str(BIN / "advisor"), *words[1:]]
    if words[0] == "pytest":
        return [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *words[1:]]
    raise AssertionError(f"the tutorial runs a command the test does not know: {line}")


def test_tutorial_files_and_commands_work_in_an_empty_folder_outside_the_repo(
    tmp_path: Path,
) -> None:
    """Every command of the tutorial exits as the tutorial says; the final feature passes and
    coverage is 100%."""
    assert not tmp_path.resolve().is_relative_to(REPO)
    cwd = tmp_path
    env = dict(os.environ)
    env.pop("PYTEST_ADDOPTS", None)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    outputs: list[tuple[str, str]] = []
    for block in blocks():
        if block.title is not None:
            target = cwd / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body)
            continue
        if block.lang != "console":
            continue
        for line in block.body.splitlines():
            if not line.strip():
                continue
            if line.startswith("pip install"):
                continue  # the package under test is already installed in this environment
            if line.startswith("mkdir "):
                (cwd / line.split()[1]).mkdir()
                continue
            if line.startswith("cd "):
                cwd = cwd / line.split()[1]
                continue
            result = subprocess.run(
                _command(line), cwd=cwd, env=env, capture_output=True, text=True,
                check=False, timeout=300,
            )
            output = result.stdout + result.stderr
            assert result.returncode == block.expected_exit, f"$ {line}\n{output}"
            outputs.append((line, output))
    runs = dict(outputs)
    assert "3 passed" in [out for cmd, out in outputs if cmd == "pytest features"][-1]
    coverage = runs["advisor rules coverage features --rules my-pack --fail-under 100"]
    assert "1 of 1 rules covered (100%)" in coverage
    report = runs["advisor assess clinic.yaml --rules my-pack --format json"]
    assert '"name": "nurse-pack"' in report
    assert "0 errors, 0 warnings" in runs["advisor rules check my-pack"]


def test_tutorial_feature_uses_only_documented_steps() -> None:
    """Every step line of the tutorial's feature is one of the steps in docs/steps.md."""
    from advisor.bdd import steps as _steps  # noqa: F401  (registers the catalogue)
    from advisor.bdd.registry import matching

    feature = next(b for b in blocks() if b.lang == "gherkin")
    keyword = "given"
    for line in feature.body.splitlines():
        word, _, text = line.strip().partition(" ")
        if word in ("Given", "When", "Then"):
            keyword = word.lower()
        elif word not in ("And", "But"):
            continue
        rendered = text.replace("<segment>", "nurses").replace("<objective>", "talking")
        assert matching(keyword, rendered), line
