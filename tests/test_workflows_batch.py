"""`advisor batch`: many profiles in parallel workers, bad ones skipped, input order kept."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.workflows.batch import expand_inputs, run_batch

from .conftest import MINI_PACK

SEGMENTS = ["physicians", "nurses", "pharmacists", "caregivers", "patients_general"]


def _profile(i: int, rng: random.Random) -> dict[str, Any]:
    objective: dict[str, Any] = {"kind": rng.choice(["talking", "energizing", "listening"]),
                                 "goal": f"Goal {i}"}
    if rng.random() < 0.5:
        objective |= {"metric": "sign-ups", "target": 100 + i, "deadline": "2027-12-31"}
    return {
        "organization": {"name": f"Org {i:04d}", "type": "medical_association"},
        "audiences": [{"segment": rng.choice(SEGMENTS)}],
        "objectives": [objective],
        "resources": {"staff_hours_per_week": rng.choice([2, 4, 8, 20]), "skills": ["writing"]},
        "bottlenecks": {"approval_days": rng.choice([0, 1, 5])},
    }


def _write_profiles(folder: Path, n: int, broken: set[int]) -> list[Path]:
    rng = random.Random(5)
    paths = []
    for i in range(n):
        data = _profile(i, rng)
        if i in broken:
            data["resources"]["staff_hours_per_week"] = "lots"  # not a number
        path = folder / f"p{i:04d}.yaml"
        path.write_text(yaml.safe_dump(data))
        paths.append(path)
    return paths


def test_thousand_profiles_with_three_broken(tmp_path: Path) -> None:
    """1,000 generated profiles, 3 broken: the 3 are reported on stderr with file and problem,
    the 997 others are written in input order, and a summary follows."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    broken = {17, 500, 998}
    _write_profiles(folder, 1000, broken)
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(
        main, ["batch", str(folder), "--output", str(out), "--jobs", "2", "--rules",
               str(MINI_PACK)],
    )
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    for i in sorted(broken):
        assert any(f"p{i:04d}.yaml" in e and "staff_hours_per_week" in e for e in errors)
    lines = out.read_text().splitlines()
    assert len(lines) == 997
    names = [json.loads(line)["report"]["organization"] for line in lines]
    assert names == [f"Org {i:04d}" for i in range(1000) if i not in broken]
    assert "1000 profiles: 997 assessed, 3 failed" in result.stderr
    assert "Most recommended channels:" in result.stderr


def test_parallel_and_serial_runs_write_the_same_bytes(tmp_path: Path) -> None:
    _write_profiles(tmp_path, 60, set())
    items = expand_inputs([str(tmp_path)])
    serial = run_batch(items, MINI_PACK, jobs=1)
    parallel = run_batch(items, MINI_PACK, jobs=2)
    assert serial.jsonl() == parallel.jsonl()
    assert serial.summary() == parallel.summary()


def test_json_lines_on_stdin_and_globs(tmp_path: Path) -> None:
    rng = random.Random(1)
    stdin = "\n".join(json.dumps(_profile(i, rng)) for i in range(3)) + "\n{not json\n"
    _write_profiles(tmp_path, 2, set())
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(
        main, ["batch", "-", str(tmp_path / "p*.yaml"), "--output", str(out),
               "--rules", str(MINI_PACK), "--summary-json"], input=stdin,
    )
    assert result.exit_code == 2
    assert "<stdin>:4: not a JSON line" in result.stderr
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sources == ["<stdin>:1", "<stdin>:2", "<stdin>:3",
                       str(tmp_path / "p0000.yaml"), str(tmp_path / "p0001.yaml")]
    summary = json.loads(result.stdout)
    assert summary["assessed"] == 5 and summary["failed"] == 1


def test_missing_inputs_are_reported_and_the_rest_still_run(tmp_path: Path) -> None:
    _write_profiles(tmp_path, 1, set())
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(
        main, ["batch", str(tmp_path / "nope.yaml"), str(tmp_path / "none-*.yaml"),
               str(tmp_path / "p0000.yaml"), "--output", str(out), "--rules", str(MINI_PACK)],
    )
    assert result.exit_code == 2
    assert "nope.yaml: no such file or folder" in result.stderr
    assert "no file matches this pattern" in result.stderr
    assert len(out.read_text().splitlines()) == 1


def test_summary_counts_blockers_and_channels(tmp_path: Path) -> None:
    _write_profiles(tmp_path, 40, set())
    result = run_batch(expand_inputs([str(tmp_path)]), MINI_PACK)
    summary = result.summary()
    not_measurable = sum(
        1 for line in result.lines
        if any(f["code"] == "objectives-not-measurable"
               for f in json.loads(line)["report"]["findings"])
    )
    assert not_measurable > 0
    assert summary["not_ready"] == not_measurable
    assert summary["most_common_blockers"][0] == {"code": "objectives-not-measurable",
                                                  "profiles": not_measurable}
    assert summary["most_recommended"]


def test_a_missing_output_folder_fails_before_any_work(tmp_path: Path) -> None:
    _write_profiles(tmp_path, 1, set())
    out = tmp_path / "no-such-folder" / "r.jsonl"
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--output", str(out)])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "assessed" not in result.stderr
