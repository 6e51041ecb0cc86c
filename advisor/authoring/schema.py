"""JSON Schemas of reports, profiles and rule files, for editors and independent validators."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from advisor.model.facts import CHANNEL_FIELDS, FACT_SCHEMA, FieldSpec
from advisor.model.profile import Profile
from advisor.model.report import REPORT_SCHEMA_VERSION, Report
from advisor.rulebook.effects import EFFECTS
from advisor.rulebook.language import OPS
from advisor.rulebook.rules import RuleMeta

# Bumped when a schema changes incompatibly; published in every schema as `schema_version`.
SCHEMA_VERSION = "1.0"
SCHEMA_NAMES: tuple[str, ...] = ("report", "profile", "rule")
_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_VALUE_OPS = ("eq", "ne")
_LIST_VALUE_OPS = ("in", "not_in")
_ORDER_OPS = ("lt", "le", "gt", "ge")


def _head(name: str, title: str, version: str) -> dict[str, Any]:
    return {
        "$schema": _DIALECT,
        "$id": f"urn:healthcare-social-advisor:{name}:{version}",
        "title": title,
        "schema_version": version,
    }


def report_schema() -> dict[str, Any]:
    """The report as `advisor assess --format json` writes it."""
    body = Report.model_json_schema(mode="serialization")
    return {**_head("report", "Advisor report", REPORT_SCHEMA_VERSION), **body}


def profile_schema() -> dict[str, Any]:
    """An organization profile as `advisor assess` reads it (YAML or JSON)."""
    body = Profile.model_json_schema(mode="validation")
    return {**_head("profile", "Organization profile", SCHEMA_VERSION), **body}


def _value_schema(spec: FieldSpec, channels: Sequence[str] | None, is_channel: bool) -> Any:
    """What one compared value of a field may be (a list field: one of its items)."""
    if spec.choices is not None:
        return {"enum": list(spec.choices)}
    if is_channel and channels:
        return {"enum": sorted(channels)}
    kind = spec.type
    if kind == "bool":
        return {"type": "boolean"}
    if kind in ("int", "number"):
        return {"type": "number", "minimum": -1e12, "maximum": 1e12}
    if kind == "text":
        return {"type": ["string", "number", "boolean"]}
    return {"type": "string", "maxLength": 1000}


def _test_schema(spec: FieldSpec, value: Any) -> dict[str, Any]:
    """The test of one field: a shorthand value, a list of values, or a mapping of operators."""
    values = {"type": "array", "items": value, "minItems": 1, "maxItems": 50}
    ops: dict[str, Any] = {"exists": {"type": "boolean"}}
    if spec.type == "list":
        ops |= {"contains": value, "contains_any": values, "contains_all": values}
    else:
        ops |= dict.fromkeys(_VALUE_OPS, value) | dict.fromkeys(_LIST_VALUE_OPS, values)
        if spec.type in ("int", "number"):
            ops |= dict.fromkeys(_ORDER_OPS, value)
    assert set(ops) <= set(OPS), "the schema offers an operator the rule language lacks"
    return {
        "anyOf": [
            value,
            values,
            {
                "type": "object",
                "properties": {op: ops[op] for op in OPS if op in ops},
                "additionalProperties": False,
                "minProperties": 1,
            },
        ]
    }


def _frame_schema(kind: str, channels: Sequence[str] | None) -> dict[str, Any]:
    fields = FACT_SCHEMA[kind]
    props = {
        name: _test_schema(spec, _value_schema(spec, channels, (kind, name) in CHANNEL_FIELDS))
        | ({"description": spec.doc} if spec.doc else {})
        for name, spec in fields.items()
    }
    body: dict[str, Any] = {
        "type": "object",
        "properties": props,
        "additionalProperties": False,
        "minProperties": 1,
    }
    if kind == "derived":
        # `derived: capacity` is short for `derived: {name: capacity}`.
        body = {"anyOf": [{"type": "string"}, {**body, "required": ["name"]}]}
    return {
        "type": "object",
        "properties": {kind: body},
        "required": [kind],
        "additionalProperties": False,
        "description": f"there is a {kind} fact on which every test holds",
    }


def _effect_schemas(channels: Sequence[str] | None) -> list[dict[str, Any]]:
    out = []
    for key, model in EFFECTS.items():
        body = model.model_json_schema()
        body.pop("title", None)
        if channels and "channel" in body.get("properties", {}):
            allowed = sorted(channels) + (["all"] if key == "precondition" else [])
            channel = body["properties"]["channel"]
            if "anyOf" in channel:  # optional channel: a channel id or null
                channel["anyOf"] = [{"enum": allowed}, {"type": "null"}]
            else:
                channel.pop("type", None)
                channel["enum"] = allowed
        out.append(
            {
                "type": "object",
                "properties": {key: body},
                "required": [key],
                "additionalProperties": False,
            }
        )
    return out


def rule_schema(channels: Sequence[str] | None = None) -> dict[str, Any]:
    """A rule file: one rule or a list of rules. `when` is written out from the fact schema and
    the operators; with `channels`, channel ids are checked against that catalogue too."""
    meta = RuleMeta.model_json_schema()
    props = dict(meta["properties"])
    props["when"] = {"$ref": "#/$defs/condition"}
    props["then"] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/effect"}}
    rule = {
        "type": "object",
        "properties": props,
        "required": sorted(set(meta.get("required", [])) | {"when", "then"}),
        "additionalProperties": False,
    }
    condition = {
        "oneOf": [
            *(
                {
                    "type": "object",
                    "properties": {
                        key: {"type": "array", "minItems": 1,
                              "items": {"$ref": "#/$defs/condition"}},
                    },
                    "required": [key],
                    "additionalProperties": False,
                }
                for key in ("all", "any")
            ),
            {
                "type": "object",
                "properties": {"not": {"$ref": "#/$defs/condition"}},
                "required": ["not"],
                "additionalProperties": False,
            },
            *(_frame_schema(kind, channels) for kind in FACT_SCHEMA),
        ]
    }
    return {
        **_head("rule", "Rule file (one rule or a list of rules)", SCHEMA_VERSION),
        "oneOf": [
            {"$ref": "#/$defs/rule"},
            {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/rule"}},
        ],
        "$defs": {
            **meta.get("$defs", {}),
            "rule": rule,
            "condition": condition,
            "effect": {"oneOf": _effect_schemas(channels)},
        },
    }


def schema_for(name: str, channels: Sequence[str] | None = None) -> dict[str, Any]:
    if name == "report":
        return report_schema()
    if name == "profile":
        return profile_schema()
    if name == "rule":
        return rule_schema(channels)
    raise ValueError(f"unknown schema {name!r}; expected one of {', '.join(SCHEMA_NAMES)}")


def schema_json(name: str, channels: Sequence[str] | None = None) -> str:
    """A schema as stable, indented JSON text."""
    return json.dumps(schema_for(name, channels), indent=2, sort_keys=True) + "\n"
