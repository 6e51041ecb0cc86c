"""Every public entry — the CLI commands and the library's (load_profile, load_data_file,
load_pack, Advisor.assess/explain/what_if, parse_document) — over a corpus of unusual inputs
(tests/reliability/naughty.py): no exit code but the documented ones (0 ok, 1 asked-for
failure, 2 bad input, 3 engine failure, 4 usage) and no exception but an AdvisorError.

The default run takes every case through the library and a sample through the CLI (a few
seconds); ADVISOR_HOSTILE_FULL=1 takes every case through every command."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor import Advisor
from advisor.errors import AdvisorError
from advisor.files.packs import load_pack, load_pack_collecting
from advisor.files.profiles import load_profile, read_profile_stream
from advisor.files.read import load_data_file
from advisor.files.yamlsafe import parse_document
from tests.reliability.naughty import json_cases, naughty_strings, yaml_cases

MINI = Path(__file__).resolve().parent.parent / "packs" / "mini"
FULL = os.environ.get("ADVISOR_HOSTILE_FULL") == "1"
EXIT_CODES = {0, 1, 2, 3, 4}
CASES: dict[str, bytes] = {
    **{f"yaml/{k}.yaml": v for k, v in yaml_cases().items()},
    **{f"json/{k}.json": v for k, v in json_cases().items()},
    **{f"json-as-yaml/{k}.yaml": v for k, v in json_cases().items()},
}
SAMPLE = sorted(CASES) if FULL else sorted(CASES)[::10]
RUNS = {"library": 0, "cli": 0}


def only_advisor_errors(call: Callable[..., Any], *args: Any) -> Any:
    """Call, and let nothing but an AdvisorError out (it is returned, not raised)."""
    RUNS["library"] += 1
    try:
        return call(*args)
    except AdvisorError as err:
        for problem in err.problems:
            text = str(problem)
            assert "\n" not in text and len(text) < 2_000, text
        return err


@pytest.fixture(scope="module")
def advisor() -> Iterator[Advisor]:
    with Advisor(MINI) as loaded:
        yield loaded


def _write(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name.replace("/", "_")
    path.write_bytes(CASES[name])
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_library_reads_or_refuses_every_case(
    name: str, tmp_path: Path, advisor: Advisor
) -> None:
    path = _write(tmp_path, name)
    only_advisor_errors(load_profile, path)
    only_advisor_errors(advisor.assess, path)
    with path.open("rb") as stream:
        only_advisor_errors(read_profile_stream, stream)
    if FULL or name in SAMPLE:
        only_advisor_errors(advisor.explain, path, "linkedin")
        only_advisor_errors(advisor.what_if, path, {"resources.staff_hours_per_week": 20})
        text = CASES[name].decode("utf-8", errors="replace")
        for syntax in ("yaml", "json", "auto"):
            only_advisor_errors(parse_document, text, "x", syntax)
    if name.startswith("json/n_") and CASES[name].strip():
        assert isinstance(only_advisor_errors(load_data_file, path), AdvisorError), name
    if name.startswith("json/y_"):
        assert not isinstance(only_advisor_errors(load_data_file, path), AdvisorError), name


@pytest.mark.parametrize("name", SAMPLE if not FULL else sorted(CASES))
@pytest.mark.parametrize("role", ["pack.yaml", "channels.yaml", "rules/case.yaml"])
def test_every_pack_file_role_reads_or_refuses_every_case(
    name: str, role: str, tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    target = pack / role
    if name.endswith(".json"):
        target.unlink(missing_ok=True)
        target = target.with_suffix(".json") if role.startswith("rules/") else target
    target.write_bytes(CASES[name])
    only_advisor_errors(load_pack, pack)
    only_advisor_errors(load_pack_collecting, pack)


def _cli(args: list[str], stdin: bytes | None = None) -> None:
    from advisor.cli import main

    RUNS["cli"] += 1
    result = CliRunner().invoke(main, args, input=stdin)
    assert result.exit_code in EXIT_CODES, (args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, repr(result.exception))
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert len(line) < 2_000


@pytest.mark.parametrize("name", SAMPLE)
def test_every_command_reads_or_refuses_the_sampled_cases(name: str, tmp_path: Path) -> None:
    path = _write(tmp_path, name)
    out = tmp_path / "out.txt"
    rules = ["--rules", str(MINI)]
    _cli(["validate", str(path), *rules])
    _cli(["assess", str(path), *rules, "--format", "json", "--output", str(out)])
    _cli(["assess", "-", *rules, "--format", "markdown", "--output", "-"], CASES[name])
    _cli(["explain", str(path), "linkedin", *rules])
    _cli(["whatif", str(path), "--set", "resources.staff_hours_per_week=20", *rules])
    _cli(["batch", str(path), *rules, "--output", str(out)])
    _cli(["batch", "-", *rules, "--output", str(out)], CASES[name])
    _cli(["init", str(tmp_path / "new.yaml"), "--answers", str(path), *rules])
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "rules" / ("case.json" if name.endswith(".json") else "case.yaml")).write_bytes(
        CASES[name]
    )
    _cli(["rules", "check", str(pack)])
    _cli(["rules", "list", "--rules", str(pack)])
    _cli(["channels", "--rules", str(pack), "--format", "json"])


VALID: dict[str, Any] = {
    "organization": {"name": "x", "type": "hospital"},
    "audiences": [{"segment": "physicians", "name": "n", "platforms": ["linkedin"]}],
    "objectives": [{"kind": "talking", "goal": "g", "metric": "m", "target": 1,
                    "deadline": "2027-01-01"}],
    "resources": {"staff_hours_per_week": 5},
}
PLACES: list[tuple[str | int, ...]] = [
    ("organization", "name"),
    ("organization", "country"),
    ("audiences", 0, "name"),
    ("audiences", 0, "segment"),
    ("audiences", 0, "platforms", 0),
    ("objectives", 0, "goal"),
    ("objectives", 0, "metric"),
    ("objectives", 0, "target"),
    ("objectives", 0, "deadline"),
]


def _with(value: Any, place: tuple[str | int, ...]) -> dict[str, Any]:
    import copy

    data = copy.deepcopy(VALID)
    node: Any = data
    for part in place[:-1]:
        node = node[part]
    node[place[-1]] = value
    return data


def test_naughty_strings_anywhere_in_a_profile(advisor: Advisor) -> None:
    from advisor.render.html import render_html
    from advisor.render.markdown import render_markdown

    strings = naughty_strings()
    for text in strings:
        for place in PLACES:
            report = only_advisor_errors(advisor.assess, _with(text, place))
            if not isinstance(report, AdvisorError):
                report.to_json()
                render_markdown(report, None)
                render_html(report, None)
        only_advisor_errors(advisor.assess, {**VALID, text: 1})
        only_advisor_errors(advisor.what_if, VALID, {"organization.name": text})
        only_advisor_errors(advisor.explain, VALID, text)
    assert len(strings) >= 150


def test_naughty_strings_on_the_command_line(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("organization: {name: x, type: hospital}\n")
    strings = naughty_strings() if FULL else naughty_strings()[::5]
    for text in strings:
        if "\x00" in text or len(text) > 4000:
            continue  # not an argument a shell can pass
        _cli(["explain", str(profile), text, "--rules", str(MINI)])
        _cli(["whatif", str(profile), "--set", f"organization.name={text}", "--rules", str(MINI)])
        _cli(["rules", "show", text, "--rules", str(MINI)])


def test_the_corpus_was_run(request: pytest.FixtureRequest) -> None:
    """A record of the corpus's size (printed with -s)."""
    sys.stdout.write(
        f"\nhostile corpus: {len(CASES)} files, {len(naughty_strings())} naughty strings, "
        f"{len(SAMPLE)} sampled through the CLI\n"
    )
    assert len(CASES) > 200
