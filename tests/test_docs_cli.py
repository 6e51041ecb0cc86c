"""docs/cli.md, the command-line reference, is generated from the commands themselves and kept
current (`advisor docs cli`); nothing in the project cites a document outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from advisor.authoring.clidoc import cli_reference
from advisor.cli import main

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "cli.md"


def test_docs_cli_md_is_the_generated_reference() -> None:
    assert DOC.read_text() == cli_reference(main), "docs/cli.md is stale: run `advisor docs cli`"


def test_every_visible_command_and_option_is_in_the_reference() -> None:
    text = DOC.read_text()

    def visit(command: object, path: str) -> None:
        assert f"## `{path}`" in text, path
        for param in command.params:  # type: ignore[attr-defined]
            for opt in param.opts if param.param_type_name == "option" else ():
                assert opt in text, f"{path} {opt}"
        for name, sub in getattr(command, "commands", {}).items():
            if sub.hidden:
                assert f"`{path} {name}`" not in text, f"hidden {path} {name} is documented"
            else:
                visit(sub, f"{path} {name}")

    visit(main, "advisor")


def test_docs_cli_check_passes_when_current_and_fails_when_stale(tmp_path: Path) -> None:
    runner = CliRunner()
    current = runner.invoke(main, ["docs", "cli", "--check", "--output", str(DOC)])
    assert (current.exit_code, current.output) == (0, f"{DOC} is up to date\n")
    stale = tmp_path / "cli.md"
    stale.write_text("# old\n")
    result = runner.invoke(main, ["docs", "cli", "--check", "--output", str(stale)])
    assert result.exit_code == 1
    assert "is stale: run `advisor docs cli`" in result.stderr
    written = runner.invoke(main, ["docs", "cli", "--output", str(stale)])
    assert written.exit_code == 0 and stale.read_text() == cli_reference(main)


def test_the_readme_links_the_reference() -> None:
    assert "[docs/cli.md](docs/cli.md)" in (REPO / "README.md").read_text()


def test_no_comment_cites_a_document_outside_the_repository() -> None:
    pattern = re.compile(r"DURABLE_RULES\.md|\(issue [0-9]|\bissue [0-9]+'s\b")
    for folder in ("advisor", "tests", "bench", "docs"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix in (".py", ".md") and path.is_file():
                assert not pattern.search(path.read_text(encoding="utf-8")), path
