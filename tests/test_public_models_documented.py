"""The public models' fields are documented in docs/embedding.md, and `advisor` exports them."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

import advisor
from advisor.workflows.explain import Effect, FailedCondition, Fired, Fix, NearMiss
from advisor.workflows.whatif import FindingRef, Moved

DOC = Path(__file__).parent.parent / "docs" / "embedding.md"


def _models() -> list[type[BaseModel]]:
    return [advisor.Change, advisor.WhatIf, advisor.Explanation,
            Moved, FindingRef, Fired, NearMiss, Fix, Effect, FailedCondition]


def test_every_field_of_the_public_models_is_named_in_the_embedding_guide() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{model.__name__}.{name}"
        for model in _models()
        for name in model.model_fields
        if f"`{name}`" not in text
    ]
    assert not missing, f"document these fields in docs/embedding.md: {missing}"


def test_the_public_models_and_profile_input_are_exported() -> None:
    for name in ("Change", "WhatIf", "Explanation", "ProfileInput"):
        assert name in advisor.__all__
        assert getattr(advisor, name) is not None
