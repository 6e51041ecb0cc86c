"""Documentation that is generated from code stays in step with it."""

from __future__ import annotations

import os

from advisor.authoring.factdoc import fact_schema_markdown

from .conftest import REPO


def test_fact_schema_reference_is_current() -> None:
    """Regenerate with ADVISOR_REGENERATE_DOCS=1 when the profile or fact model changes."""
    path = REPO / "docs" / "fact-schema.md"
    text = fact_schema_markdown()
    if os.environ.get("ADVISOR_REGENERATE_DOCS"):
        path.write_text(text)
    assert path.read_text() == text, "docs/fact-schema.md is stale"


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    test_command = (
        "python3 -m venv .venv && . .venv/bin/activate && "
        "pip install -e '.[test]' --config-settings editable_mode=compat && pytest"
    )
    assert test_command in readme
    assert test_command in ci
    assert "pip install . && advisor assess profiles/" in readme
