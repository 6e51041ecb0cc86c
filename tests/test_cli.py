"""The command line: assess and validate, exit codes, one-line errors, whole-or-nothing output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from advisor.cli import main

from .conftest import MINI_PACK, REPO

PROFILE = REPO / "profiles" / "medical-association.yaml"


def run(*args: str) -> tuple[int, str, str]:
    # A piped table is as wide as COLUMNS says, else 100: pin it (test runners may set COLUMNS).
    result = CliRunner(env={"COLUMNS": "120"}).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_assess_prints_json_when_not_on_a_terminal_and_twice_the_same_bytes() -> None:
    code, first, _ = run("assess", str(PROFILE))
    assert code == 0
    report = json.loads(first)
    assert report["organization"]
    assert run("assess", str(PROFILE), "--format", "json")[1] == first


MINI_PROFILE = (
    "organization: {name: Test Society, type: medical_association}\n"
    "audiences: [{segment: physicians}]\n"
    "objectives: [{kind: talking, goal: be read, metric: views, target: 10,"
    " deadline: 2027-01-01}]\n"
    "resources: {staff_hours_per_week: 10, skills: [writing]}\n"
)


def test_assess_table_shows_ranked_channels_with_reasons(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(MINI_PROFILE)
    code, out, _ = run("assess", str(profile), "--format", "table", "--rules", str(MINI_PACK))
    assert code == 0
    assert "Recommended channels" in out
    assert "LinkedIn page" in out
    assert "[people.physicians.professional-networks]" in out


def test_misspelt_key_is_one_line_with_file_line_and_suggestion_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization:\n  name: X\n  tipe: hospital\n")
    code, out, err = run("assess", str(bad))
    assert code == 2
    assert out == ""
    # The misspelt key is the one problem: `type` is not reported missing as well.
    assert err.splitlines() == [
        f"error: {bad}:3: organization.tipe: unknown field 'tipe' (did you mean 'type'?)",
    ]
    assert "Traceback" not in err


def test_unknown_channel_in_a_profile_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "organization: {name: X, type: hospital}\naudiences:\n  - segment: nurses\n"
        "    platforms: [facebok_page]\n"
    )
    code, _, err = run("validate", str(bad))
    assert code == 2
    assert (
        f"{bad}:4: audiences[0].platforms[0]: unknown channel 'facebok_page' "
        "(did you mean 'facebook_page'?)"
    ) in err


def test_output_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization: {name: X}\n")
    code, _, _ = run("assess", str(PROFILE), str(bad), "--output", str(out))
    assert code == 2 and not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))
    code, _, _ = run("assess", str(PROFILE), "--output", str(out))
    assert code == 0
    assert json.loads(out.read_text())["organization"]


def test_validate_reports_every_file(tmp_path: Path) -> None:
    code, out, _ = run("validate", str(PROFILE))
    assert code == 0 and out.strip() == f"ok: {PROFILE}"
    missing = tmp_path / "missing.yaml"
    code, _, err = run("validate", str(PROFILE), str(missing))
    assert code == 2
    assert err.strip() == f"error: {missing}: no such file"


def test_a_broken_rule_pack_is_a_located_error(tmp_path: Path) -> None:
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(MINI_PACK, pack)
    (pack / "channels.yaml").write_text(
        "channels:\n  - {id: email_newsletter, name: E, hourz: 2}\n"
    )
    profile = tmp_path / "p.yaml"
    profile.write_text(MINI_PROFILE)
    code, _, err = run("assess", str(profile), "--rules", str(pack))
    assert code == 2
    assert "channels.yaml:2: channels[0].hourz: unknown field 'hourz'" in err


def test_fail_on_blockers_exits_1(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "organization: {name: X, type: hospital}\nobjectives:\n  - {kind: talking, goal: be seen}\n"
    )
    code, _, _ = run("assess", str(profile), "--rules", str(MINI_PACK), "--fail-on-blockers")
    assert code == 1


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix}{name} "))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(main), ids=lambda v: str(v))
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    code, out, _ = run(*name.split(), "--help")
    assert code == 0
    assert "Example" in out, f"`advisor {name} --help` has no example"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("advisor, version")


def _advisor_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "advisor", *args]


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_the_engine_or_rich(flag: str) -> None:
    """`advisor --help` and `--version` load click and the CLI only: no rule engine, no
    Pydantic models, no rich (measured by the modules present when the command ends)."""
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['advisor', {flag!r}]\n"
        "try:\n"
        "    runpy.run_module('advisor', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('durable_rules_engine', 'advisor.api', 'advisor.model.profile',\n"
        "                      'rich') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_usage_errors_exit_4_and_bad_input_exits_2(tmp_path: Path) -> None:
    """The documented exit codes: 4 for the command line itself, 2 for bad input."""
    runner = CliRunner()
    assert runner.invoke(main, ["assess", "--no-such-option", "x.yaml"]).exit_code == 4
    assert runner.invoke(main, ["assess"]).exit_code == 4
    assert runner.invoke(main, ["no-such-command"]).exit_code == 4
    assert runner.invoke(main, ["rules", "no-such-command"]).exit_code == 4
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization: {name: x, tipe: hospital}\n")
    assert runner.invoke(main, ["assess", str(bad)]).exit_code == 2


def test_quiet_silences_notes_but_not_errors(tmp_path: Path) -> None:
    """-q drops the batch summary and progress from stderr; errors are still printed."""
    out = tmp_path / "out.jsonl"
    profile = REPO / "profiles" / "small-nonprofit.yaml"
    loud = subprocess.run(
        _advisor_command("batch", str(profile), "--output", str(out)),
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert loud.returncode == 0 and "1 profile: 1 assessed" in loud.stderr, loud.stderr
    assert "Most common first choice:" in loud.stderr
    quiet = subprocess.run(
        _advisor_command("-q", "batch", str(profile), "--output", str(out)),
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    missing = subprocess.run(
        _advisor_command("-q", "assess", str(tmp_path / "nowhere.yaml")),
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert missing.returncode == 2 and missing.stderr.startswith("error: ")


@pytest.mark.parametrize("columns", [80, 120])
def test_the_table_fits_the_terminal_it_is_shown_on(columns: int) -> None:
    """Under a pseudo-terminal of 80 (or 120) columns, no line of the table is wider."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of the given size, then the command
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "dumb"
        profile = str(REPO / "profiles" / "medical-association.yaml")
        os.execve(sys.executable, [*_advisor_command("assess", profile)], env)
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    assert "LinkedIn" in text or "Email" in text, text[:500]
    assert max(len(line) for line in lines) <= columns, max(lines, key=len)

