"""Files that are not plain files, or not readable: devices, FIFOs, /proc, symbolic link loops,
unreadable folders and files. Each is one located error (exit 2), never a traceback, a hang or
an unbounded read."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.errors import AdvisorError, InputError
from advisor.files.packs import load_pack
from advisor.files.profiles import load_profile
from advisor.files.read import MAX_FILE_BYTES, read_stream

MINI = Path(__file__).resolve().parent / "packs" / "mini"
PROFILE = "organization: {name: x, type: hospital}\n"


def refused(call: Any, *args: Any) -> AdvisorError:
    with pytest.raises(AdvisorError) as err:
        call(*args)
    return err.value


def test_a_device_is_refused_without_reading_it() -> None:
    """/dev/zero has no end and a stated size of 0: it is refused before a byte is read."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    err = refused(load_profile, "/dev/zero")
    assert "not a regular file" in err.first.message
    assert time.monotonic() - started < 1
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB


def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    err = refused(load_profile, fifo)
    assert "not a regular file" in err.first.message and err.first.file == str(fifo)
    assert time.monotonic() - started < 1


def test_a_proc_file_is_read_with_a_bound_not_its_stated_size() -> None:
    """/proc files state a size of 0; the bound counts the bytes actually read."""
    err = refused(load_profile, "/proc/self/status")
    assert err.first.file == "/proc/self/status"  # read (not YAML of a profile), not refused


def test_a_stream_is_cut_at_the_limit_while_it_is_read() -> None:
    class Endless:
        read_bytes = 0

        def read(self, n: int) -> bytes:
            self.read_bytes += n
            return b"a" * n

    stream = Endless()
    err = refused(read_stream, stream, "<stdin>")
    assert "larger than" in err.first.message
    assert stream.read_bytes <= MAX_FILE_BYTES + 1


def test_validate_dev_zero_exits_2_quickly() -> None:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "validate", "/dev/zero"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "not a regular file" in proc.stderr
    assert time.monotonic() - started < 30


def test_a_symlink_loop_as_profile_pack_or_extends_is_located(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert "symbolic link loop" in refused(load_profile, loop).first.message
    assert "symbolic link loop" in refused(load_pack, loop).first.message
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "pack.yaml").write_text("name: ext\nversion: 1.0.0\nextends: ../loop\n")
    err = refused(load_pack, pack)
    assert err.first.field == "extends" and "symbolic link loop" in err.first.message
    result = CliRunner().invoke(main, ["assess", str(tmp_path / "p.yaml"), "--rules", str(loop)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_folder_loop_inside_a_pack_is_walked_once(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "rules" / "again").symlink_to(pack / "rules")
    assert load_pack(pack).rules  # loads, once


def test_rules_proc_is_refused_without_walking_it() -> None:
    started = time.monotonic()
    err = refused(load_pack, "/proc")
    assert "pack.yaml" in str(err)
    assert time.monotonic() - started < 2


def _deny(monkeypatch: pytest.MonkeyPatch, name: str, target: str) -> None:
    """Simulate an unreadable entry (the tests run as root, which reads anything)."""
    real = getattr(os, name)

    def fake(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).endswith(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, fake)


def test_an_unreadable_folder_in_a_pack_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "rules" / "locked").mkdir()
    if os.geteuid() != 0:
        (pack / "rules" / "locked").chmod(0)
    else:
        _deny(monkeypatch, "listdir", "locked")
    err = refused(load_pack, pack)
    assert isinstance(err, InputError)
    assert err.first.file is not None and err.first.file.endswith("rules/locked")
    assert "permission denied" in err.first.message


def test_an_unreadable_file_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PROFILE)
    if os.geteuid() != 0:
        path.chmod(0)
    else:
        _deny(monkeypatch, "open", "p.yaml")
    err = refused(load_profile, path)
    assert err.first.message == "cannot read: permission denied"


def test_stdin_dash_reads_a_profile_for_assess_and_validate(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "-", "--rules", str(MINI)], input=PROFILE)
    assert result.exit_code == 0, result.output
    json_profile = '{"organization": {"name": "x", "type": "hospital"}}'
    result = runner.invoke(
        main, ["assess", "-", "--rules", str(MINI), "--format", "json", "--output", "-"],
        input=json_profile,
    )
    assert result.exit_code == 0, result.output
    assert '"organization": "x"' in result.stdout
    assert not Path("-").exists()
    result = runner.invoke(main, ["validate", "-", "--rules", str(MINI)], input="a: [\n")
    assert result.exit_code == 2 and result.stderr.startswith("error: <stdin>:")


def test_an_unreadable_feature_file_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    features = tmp_path / "features"
    features.mkdir()
    feature = features / "locked.feature"
    feature.write_text("Feature: x\n  Scenario: y\n    Given nothing\n")
    if os.geteuid() != 0:
        feature.chmod(0)
    else:
        _deny(monkeypatch, "open", "locked.feature")
    result = CliRunner().invoke(
        main,
        ["rules", "show", "people.physicians.professional-networks", "--rules", str(MINI),
         "--features", str(features)],
    )
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "locked.feature" in result.stderr and "permission denied" in result.stderr
