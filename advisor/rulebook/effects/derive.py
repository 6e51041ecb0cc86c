"""`derive`: assert a derived fact that rules of a later stratum can test (forward chaining).
It is consumed by the engine, not by the report."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, field_validator

from advisor.rulebook.effects.base import EffectModel, EffectType, Fired, ReportDraft


class DeriveEffect(EffectModel):
    model_config = ConfigDict(title="Derive")

    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{1,60}$")]
    value: Annotated[str, Field(max_length=100)] | bool | int | float = True

    @field_validator("value")
    @classmethod
    def _finite(cls, value: str | bool | int | float) -> str | bool | int | float:
        # The engine matches on JSON text: NaN cannot be written and huge numbers lose digits.
        if isinstance(value, str | bool):
            return value
        if not -1e12 <= value <= 1e12:
            raise ValueError(f"a derived number must be finite and within 1e12, got {value!r}")
        return value


def _apply(effect: DeriveEffect, fired: Fired, draft: ReportDraft) -> None:
    """The inference stage already asserted the fact; the report lists derived facts itself."""


def _value_text(value: str | bool | int | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


DERIVE = EffectType(
    key="derive",
    model=DeriveEffect,
    note=(
        'Asserts a derived fact that later rules can test (forward chaining): `derived: {name: '
        'capacity, value: low}` or `derived: capacity` in their `when`. The report lists derived '
        'facts with the rules that derived them.'
    ),
    field_notes={
        'name': (
            "The derived fact's name (lowercase letters, digits, `-` and `_`)."
        ),
        'value': (
            'The value it carries: text, true/false or a number (numbers within 1e12).'
        ),
    },
    example=(
        'then:\n'
        '  - derive: {name: capacity, value: low}\n'
        '# a later rule reads it:\n'
        'when:\n'
        '  derived: {name: capacity, value: low}\n'
    ),
    apply=_apply,
    sentence=lambda e: (
        f"derive {e.name} = {_value_text(e.value)} (a fact later rules can test)"
    ),
    brief=lambda e: f"derive `{e.name}` = {e.value!r}",
)
