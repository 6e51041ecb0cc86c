"""`advisor rules new`: a rule file that loads but cannot fire yet, a feature that fails until
the rule is written, and the pytest opt-in a new rule-pack project needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from advisor.errors import Problem, RuleError
from advisor.model.post import POST_ORDER
from advisor.rulebook.language import RULE_ID
from advisor.rulebook.pack import RulePack

PLACEHOLDER = "TODO"


# ================================================================ scaffolding


@dataclass(frozen=True)
class Scaffold:
    rule_path: Path
    rule_text: str
    feature_path: Path
    feature_text: str


# The pytest configuration a rule pack project needs: the advisor's plugin is opt-in.
PYTEST_OPT_IN = """\
# Written by `advisor rules new`: run .feature files with the advisor's shipped steps.
[pytest]
advisor_collect_features = true
"""
_PYTEST_CONFIGS = ("pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg")


def pytest_config_to_write(project: Path) -> Path | None:
    """Where to write the plugin's opt-in, or None when the project already configures pytest
    (its author adds `advisor_collect_features = true` there, as the tutorial says)."""
    if any((project / name).is_file() for name in _PYTEST_CONFIGS):
        return None
    return project / "pytest.ini"


def _checked_post(rule_id: str, post: str | None, pack: RulePack | None) -> str:
    """The new rule's POST dimension, after refusing an id that is malformed or taken."""
    if not RULE_ID.match(rule_id):
        raise RuleError(
            Problem(
                f"'{rule_id}' is not a rule id",
                field="id",
                hint="namespaced kebab-case, e.g. people.physicians.professional-networks",
            )
        )
    if pack is not None and rule_id in {r.id for r in pack.rules}:
        where = pack.locations.get(rule_id)
        at = f" ({where.file}:{where.line})" if where else ""
        raise RuleError(Problem(f"rule '{rule_id}' already exists{at}", field="id"))
    post = post or rule_id.split(".")[0]
    if post not in POST_ORDER:
        raise RuleError(
            Problem(
                f"cannot tell the POST dimension from '{rule_id}'",
                field="post",
                hint=f"start the id with one of {', '.join(POST_ORDER)}, or give --post",
            )
        )
    return post


def _rule_text(rule_id: str, post: str, code: str, feature_path: Path) -> str:
    return f"""\
# Scaffolded by `advisor rules new`. Fill in every {PLACEHOLDER}: {feature_path.as_posix()}
# fails until this rule fires for the profile its first scenario describes.
id: {rule_id}
title: "{PLACEHOLDER}: what this rule concludes, in one line"
post: {post}
status: experimental
evidence: inference
when:
  # {PLACEHOLDER}: the condition. This placeholder can never hold (a count is never negative).
  summary: {{audience_count: {{lt: 0}}}}
then:
  - finding: {{level: info, code: {code}}}
because: "{PLACEHOLDER}: the reason a reader sees when this rule fires"
source: "{PLACEHOLDER}: the ids of the sources.yaml entries this rule rests on"
rationale: "{PLACEHOLDER}: why the conclusion follows from the facts"
"""


def _feature_text(rule_id: str, pack_step: str) -> str:
    return f"""\
Feature: {rule_id}
  # Scaffolded by `advisor rules new`. The first scenario fails until the rule fires for the
  # profile it describes; the second proves the rule stays silent for another profile.
  # Every step: docs/steps.md

  Scenario: the rule fires for the case it was written for
    {pack_step}
    And a minimal "medical_association" profile
    # {PLACEHOLDER}: add the facts that make the rule fire
    When the advisor assesses the profile
    Then the rule "{rule_id}" fires

  Scenario: the rule stays silent for a profile it is not about
    {pack_step}
    And a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "{rule_id}" does not fire
"""


def scaffold(
    rule_id: str,
    rules_dir: Path,
    features_dir: Path,
    post: str | None = None,
    pack: RulePack | None = None,
    default_pack: bool = False,
) -> Scaffold:
    """A rule file that loads but cannot fire yet, and a feature that fails until the rule is
    written: the author's work is to make the feature pass."""
    post = _checked_post(rule_id, post, pack)
    last = rule_id.rsplit(".", 1)[-1]
    code = last if re.match(r"^[a-z][a-z0-9-]{1,60}$", last) else f"rule-{last}"[:60]
    rule_path = rules_dir / f"{rule_id}.yaml"
    feature_path = features_dir / f"{rule_id}.feature"
    for path in (rule_path, feature_path):
        if path.exists():
            raise RuleError(Problem("already exists: not overwritten", str(path)))
    if default_pack:
        pack_step = "Given the default rule pack"
    else:
        pack_step = f'Given the rule pack "{_relative(rules_dir, features_dir)}"'
    return Scaffold(
        rule_path,
        _rule_text(rule_id, post, code, feature_path),
        feature_path,
        _feature_text(rule_id, pack_step),
    )


def _relative(target: Path, start: Path) -> str:
    import os

    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
