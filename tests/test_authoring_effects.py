"""Every effect a rule's `then` can use is documented with its fields, generated from the effect
models, in docs/writing-rules.md ("Reference: effects")."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from advisor.authoring.factdoc import EFFECTS_BEGIN, effects_markdown, effects_section
from advisor.rulebook.conditions import parse_condition
from advisor.rulebook.effects import BY_KEY, EFFECTS, parse_effect
from advisor.rulebook.language import LocatedProblem

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "writing-rules.md"
CHANNELS = frozenset(
    {"youtube", "tiktok", "x_twitter", "facebook_group", "linkedin", "email_newsletter"}
)


def test_the_effects_reference_in_writing_rules_md_is_current() -> None:
    """Regenerate with ADVISOR_REGENERATE_DOCS=1 when an effect model changes."""
    text = GUIDE.read_text()
    if os.environ.get("ADVISOR_REGENERATE_DOCS"):
        current = effects_section(text)
        assert current is not None
        GUIDE.write_text(text.replace(current, effects_markdown()))
        text = GUIDE.read_text()
    assert effects_section(text) == effects_markdown(), "docs/writing-rules.md: effects stale"
    assert "## Reference: effects\n\n" + EFFECTS_BEGIN in text


def test_every_effect_and_every_field_is_documented() -> None:
    """A table row per field of each effect model, with whether it is required and its limits."""
    doc = effects_markdown()
    for name, model in EFFECTS.items():
        assert f"### `{name}`" in doc
        for field_name in model.model_fields:
            assert re.search(rf"^\| `{field_name}` \| ", doc, re.M), (name, field_name)
    assert "| `weight` | integer | yes | from -10 to 10 |" in doc
    assert "| `lift` | text | yes | 3 to 500 characters |" in doc
    assert "| `channel` | text | no (default `all`) |" in doc
    assert "| `level` | text | yes | one of `info`, `warning`, `blocker` |" in doc
    assert "| `value` | text or true/false or integer or number | no (default `true`) |" in doc
    assert "There is no `until:`" in doc


@pytest.mark.parametrize("name", list(EFFECTS))
def test_each_example_is_a_valid_effect_of_its_kind(name: str) -> None:
    data = yaml.safe_load(BY_KEY[name].example)
    for i, item in enumerate(data["then"]):
        effect = parse_effect(item, ("then", i), CHANNELS)
        assert isinstance(effect, EFFECTS[name])
    if "when" in data:
        parse_condition(data["when"], ("when",), CHANNELS)


def test_a_block_with_until_is_refused_and_the_reference_names_lift() -> None:
    """The mistake the reference answers: `block: {until: ...}` is not a field."""
    with pytest.raises(LocatedProblem) as err:
        parse_effect({"block": {"channel": "tiktok", "until": "a crisis plan"}}, ("then", 0),
                     CHANNELS)
    assert "until" in " ".join(p.message for p in err.value.every)
    assert "| `lift` | text | yes |" in effects_markdown()


def test_a_plan_effect_checks_its_first_channels_and_needs_a_field() -> None:
    with pytest.raises(LocatedProblem) as err:
        parse_effect({"plan": {"first": ["emial_newsletter"]}}, ("then", 0), CHANNELS)
    assert err.value.path == ("then", 0, "plan", "first", 0)
    assert "did you mean 'email_newsletter'?" in " ".join(
        f"{p.message} {p.hint or ''}" for p in err.value.every
    )
    with pytest.raises(LocatedProblem):
        parse_effect({"plan": {}}, ("then", 0), CHANNELS)
