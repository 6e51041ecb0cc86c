"""`--output` in a shared folder: only a regular file is replaced, with its mode kept; links,
FIFOs, devices and read-only files are refused; a planted temporary name redirects nothing;
concurrent writers leave one writer's whole output; a killed batch leaves no live worker and
its temporary file is cleaned by the next run; `--output -` is standard output."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.errors import AdvisorError
from advisor.files.output import TMP_SUFFIX, clean_stale, write_output

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "packs" / "mini"
PROFILE = "organization: {name: x, type: hospital}\n"


def test_a_regular_file_is_replaced_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n")
    target.chmod(0o640)
    write_output(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_output(tmp_path / "new.json", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


@pytest.mark.parametrize("kind", ["read-only", "symlink", "fifo", "device", "folder"])
def test_what_is_not_a_writable_regular_file_is_refused(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    other = tmp_path / "other.txt"
    other.write_text("keep\n")
    if kind == "read-only":
        target.write_text("keep\n")
        target.chmod(0o444)
    elif kind == "symlink":
        target.symlink_to(other)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target = Path("/dev/null")
    else:
        target.mkdir()
    with pytest.raises(AdvisorError) as err:
        write_output(target, "new\n")
    assert err.value.first.file == str(target)
    assert other.read_text() == "keep\n"
    if kind == "read-only":
        assert target.read_text() == "keep\n" and stat.S_IMODE(target.stat().st_mode) == 0o444
    if kind == "symlink":
        assert target.is_symlink()
    assert not list(tmp_path.glob(f"*{TMP_SUFFIX}"))


def test_a_planted_temporary_name_redirects_nothing(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    for name in (".report.json.tmp", f".report.json.{os.getpid()}{TMP_SUFFIX}"):
        (tmp_path / name).symlink_to(victim)
    write_output(tmp_path / "report.json", "new\n")
    assert victim.read_text() == "keep\n"
    assert (tmp_path / "report.json").read_text() == "new\n"


def test_a_dead_writers_temporary_file_is_cleaned_a_live_ones_kept(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    dead = tmp_path / f".out.jsonl.{proc.pid}-abc{TMP_SUFFIX}"
    live = tmp_path / f".out.jsonl.{os.getpid()}-abc{TMP_SUFFIX}"
    dead.write_text("half")
    live.write_text("half")
    assert clean_stale(tmp_path / "out.jsonl") == [dead]
    assert live.exists() and not dead.exists()


def test_output_dash_is_standard_output(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE)
    result = CliRunner().invoke(
        main, ["assess", str(profile), "--rules", str(MINI), "--format", "json", "--output", "-"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["organization"] == "x"
    assert not Path("-").exists()


def _batch(inputs: Path, out: Path, jobs: int = 1) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "advisor", "batch", str(inputs), "--rules", str(MINI),
         "--output", str(out), "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _minimal_profiles(tmp_path: Path, count: int) -> Path:
    """A folder of `count` minimal hospital profiles."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    for i in range(count):
        (folder / f"p{i:04}.yaml").write_text(f"organization: {{name: org{i}, type: hospital}}\n")
    return folder


def test_six_concurrent_batches_to_one_output_all_succeed_the_file_whole(tmp_path: Path) -> None:
    folder = _minimal_profiles(tmp_path, 5)
    out = tmp_path / "out.jsonl"
    procs = [_batch(folder, out) for _ in range(6)]
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    lines = out.read_text().splitlines()
    assert [json.loads(line)["report"]["organization"] for line in lines] == [
        f"org{i}" for i in range(5)
    ]
    assert {p.name for p in tmp_path.iterdir()} == {"profiles", "out.jsonl"}


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_of_a_killed_batch_die_and_its_temporary_file_is_cleaned(tmp_path: Path) -> None:
    folder = _minimal_profiles(tmp_path, 1500)
    out = tmp_path / "out.jsonl"
    proc = _batch(folder, out, jobs=2)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    pattern = f".out.jsonl.*{TMP_SUFFIX}"
    # Kill it mid-write: once both workers run and the temporary file exists (on a loaded
    # machine the workers can start well before the first result is written).
    while (
        time.monotonic() < deadline
        and proc.poll() is None
        and (len(workers) < 2 or not list(tmp_path.glob(pattern)))
    ):
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed mid-write"
    assert len(workers) >= 2, "the batch never started its workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "workers outlived their killed parent"
    leftovers = list(tmp_path.glob(pattern))
    assert leftovers, "the killed batch should have been writing to a temporary file"
    again = _batch(folder, out)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert not list(tmp_path.glob(f".out.jsonl.*{TMP_SUFFIX}"))
    assert len(out.read_text().splitlines()) == 1500
