"""Every malformed input of the corpus gives a clear located error, exit 2, no traceback and no
output file; oversize inputs are generated here rather than committed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from advisor.cli import main
from tests.reliability.make_corpus import BASE_PROFILE

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
MINI = HERE.parent / "packs" / "mini"
INDEX: list[dict[str, Any]] = json.loads((CORPUS / "index.json").read_text())
ERROR_LINE = re.compile(r"^error: (?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<rest>.+)$")


def check_refused(
    result: Result, output: Path, fragment: str, file_part: str | None, line: bool
) -> str:
    """The common contract of bad input; returns the first error line."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines, "no error message"
    assert "Traceback" not in result.stderr
    for text in lines:
        assert text.startswith("error: "), text
        assert len(text) < 2_000, "an error line must stay readable"
    if file_part is not None:
        first = ERROR_LINE.match(lines[0])
        assert first is not None, lines[0]
        assert file_part in first["file"], (file_part, lines[0])
        if line:
            assert first["line"] is not None, f"expected a line number: {lines[0]}"
    assert fragment in result.stderr, (fragment, result.stderr)
    assert not output.exists(), "bad input must not write an output file"
    assert not list(output.parent.glob(f".{output.name}*")), "a temporary file was left behind"
    return lines[0]


def run(args: list[str]) -> Result:
    return CliRunner().invoke(main, args)


@pytest.fixture(scope="module")
def valid_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("valid") / "profile.yaml"
    path.write_text(yaml.safe_dump(BASE_PROFILE, sort_keys=False))
    return path


def test_the_corpus_holds_at_least_300_malformed_inputs_of_every_family() -> None:
    kinds = {case["case"].split("/")[0] for case in INDEX}
    assert len(INDEX) >= 300
    assert kinds == {"profiles", "rules", "packs"}
    for case in INDEX:
        assert (CORPUS / case["file"]).exists(), case


def test_the_base_profile_of_the_corpus_is_valid(valid_profile: Path, tmp_path: Path) -> None:
    """Each case breaks one part of a valid profile: the unbroken one must assess cleanly."""
    out = tmp_path / "out.json"
    result = run(["assess", str(valid_profile), "--rules", str(MINI), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["profile_hash"]


@pytest.mark.parametrize(
    "case", [c for c in INDEX if c["case"].startswith("profiles/")], ids=lambda c: c["case"]
)
def test_a_malformed_profile_is_refused_with_a_located_error(
    case: dict[str, Any], tmp_path: Path
) -> None:
    source = CORPUS / case["file"]
    out = tmp_path / "report.json"
    result = run(
        ["assess", str(source), "--rules", str(MINI), "--format", "json", "--output", str(out)]
    )
    check_refused(result, out, case["expect"], source.name, case["line"])


@pytest.mark.parametrize(
    "case", [c for c in INDEX if c["case"].startswith("rules/")], ids=lambda c: c["case"]
)
def test_a_malformed_rule_file_is_refused_with_a_located_error(
    case: dict[str, Any], tmp_path: Path, valid_profile: Path
) -> None:
    pack = tmp_path / "pack"
    (pack / "rules").mkdir(parents=True)
    for name in ("pack.yaml", "channels.yaml"):
        shutil.copy(MINI / name, pack / name)
    source = CORPUS / case["file"]
    shutil.copy(source, pack / "rules" / source.name)
    out = tmp_path / "report.json"
    result = run(["assess", str(valid_profile), "--rules", str(pack), "--output", str(out)])
    # Limits of the engine concern the pack as a whole and name no single file.
    file_part = source.name if case["line"] else None
    check_refused(result, out, case["expect"], file_part, case["line"])


@pytest.mark.parametrize(
    "case", [c for c in INDEX if c["case"].startswith("packs/")], ids=lambda c: c["case"]
)
def test_a_malformed_pack_file_is_refused_with_a_located_error(
    case: dict[str, Any], tmp_path: Path, valid_profile: Path
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    overlay = CORPUS / case["file"]
    for path in sorted(overlay.rglob("*")):
        if path.is_file():
            target = pack / path.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    out = tmp_path / "report.json"
    result = run(["assess", str(valid_profile), "--rules", str(pack), "--output", str(out)])
    check_refused(result, out, case["expect"], str(pack), case["line"])


# ---------------------------------------------------------------- generated at test time


def oversize_cases() -> dict[str, bytes]:
    """Inputs too big to commit: past the 1 MB file limit, or past the value-count limit."""
    text = yaml.safe_dump(BASE_PROFILE, sort_keys=False).encode()
    return {
        "long-comment.yaml": text + b"# " + b"x" * 1_000_001 + b"\n",
        "many-audiences.yaml": text + b"extra:\n" + b"  - {segment: physicians}\n" * 45_000,
        "one-long-line.yaml": b"organization: {name: '"
        + b"y" * 1_100_000
        + b"', type: hospital}\n",
        "many-values.yaml": b"pain_points: [" + b"1," * 200_001 + b"]\n",
    }


@pytest.mark.parametrize("name", sorted(oversize_cases()))
def test_an_oversize_profile_is_refused_before_it_is_parsed(name: str, tmp_path: Path) -> None:
    source = tmp_path / name
    source.write_bytes(oversize_cases()[name])
    out = tmp_path / "report.json"
    result = run(["assess", str(source), "--rules", str(MINI), "--output", str(out)])
    expect = "more than 200000 values" if name == "many-values.yaml" else "larger than"
    check_refused(result, out, expect, name, False)


def test_an_oversize_rule_file_is_refused(tmp_path: Path, valid_profile: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "rules" / "big.yaml").write_bytes(b"# " + b"z" * 1_000_001 + b"\n")
    out = tmp_path / "report.json"
    result = run(["assess", str(valid_profile), "--rules", str(pack), "--output", str(out)])
    check_refused(result, out, "larger than", "big.yaml", False)


def test_a_bad_profile_among_good_ones_writes_nothing(tmp_path: Path, valid_profile: Path) -> None:
    """Profiles are all validated before any report is written."""
    out = tmp_path / "reports.json"
    bad = CORPUS / "profiles" / "empty.yaml"
    result = run(
        ["assess", str(valid_profile), str(bad), "--rules", str(MINI), "--output", str(out)]
    )
    check_refused(result, out, "file is empty", "empty.yaml", True)


def test_an_existing_output_file_is_left_untouched_by_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous report\n")
    result = run(
        [
            "assess",
            str(CORPUS / "profiles" / "tab-indent.yaml"),
            "--rules",
            str(MINI),
            "--output",
            str(out),
        ]
    )
    assert result.exit_code == 2
    assert out.read_text() == "previous report\n"


def test_missing_files_and_folders_are_refused_clearly(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run(
        ["assess", str(tmp_path / "nope.yaml"), "--rules", str(MINI), "--output", str(out)]
    )
    check_refused(result, out, "no such file", "nope.yaml", False)
    result = run(["assess", str(tmp_path), "--rules", str(MINI), "--output", str(out)])
    check_refused(result, out, "is a folder", str(tmp_path), False)


def test_validate_reports_every_bad_profile_and_exits_2() -> None:
    files = [CORPUS / "profiles" / n for n in ("empty.yaml", "latin1.yaml", "alias-bomb.yaml")]
    result = run(["validate", *map(str, files), "--rules", str(MINI)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for path in files:
        assert path.name in result.stderr


# ---------------------------------------------------------------- a handful through a real process

SUBPROCESS_CASES = [
    "profiles/alias-bomb.yaml",
    "profiles/tag-python-object-apply.yaml",
    "profiles/utf16-le-bom.yaml",
    "profiles/deep-flow-list-3000.yaml",
    "profiles/all-bytes.yaml",
]


@pytest.mark.parametrize("rel", SUBPROCESS_CASES)
def test_the_installed_command_refuses_bad_input_without_a_traceback(
    rel: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "advisor",
            "assess",
            str(CORPUS / rel),
            "--rules",
            str(MINI),
            "--output",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") >= 1
    assert not out.exists()
