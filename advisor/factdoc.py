"""Render the fact schema (what rules may test) as a Markdown reference for rule authors."""

from __future__ import annotations

from advisor.facts import CHANNEL_FIELDS, FACT_SCHEMA, SUMMARY_PATHS
from advisor.rules import OPS

_KIND_NOTES = {
    "organization": "One per profile: `organization` in the profile.",
    "audience": "One per entry of `audiences`; a frame matches when any audience satisfies it.",
    "objective": "One per entry of `objectives`. `measurable` is true when metric, target and "
    "deadline are all given.",
    "strategy": "One per profile: `strategy`.",
    "channel": "One per channel already run (`technology.current_channels`).",
    "resources": "One per profile: `resources`.",
    "bottlenecks": "One per profile: `bottlenecks`.",
    "pain_point": "One per entry of `pain_points`.",
    "summary": "One per profile: sets and counts across the profile, for questions no single "
    "part answers (how many objectives are measurable? which segments are present?).",
    "derived": "Asserted by rules with a `derive` effect (forward chaining). A condition must name "
    "it: `derived: {name: capacity, value: low}` or `derived: capacity`.",
}

_OPS_BY_TYPE = {
    "bool": "eq, ne, exists",
    "int": "eq, ne, in, not_in, lt, le, gt, ge, exists",
    "number": "eq, ne, in, not_in, lt, le, gt, ge, exists",
    "str": "eq, ne, in, not_in, exists",
    "text": "eq, ne, in, not_in, exists",
    "list": "contains, contains_any, contains_all, exists",
}


def fact_schema_markdown() -> str:
    lines = [
        "# Facts a rule can test",
        "",
        "<!-- Generated from advisor/facts.py by advisor.factdoc; do not edit by hand. -->",
        "",
        "A rule's `when` is built from frames `{fact kind: {field: test}}`, combined with `all`, "
        "`any` and `not`. A scalar test is equality (for a list field: contains); a list is "
        "\"one of\"; a mapping names operators: " + ", ".join(f"`{op}`" for op in OPS) + ".",
        "",
    ]
    for kind, fields in FACT_SCHEMA.items():
        lines += [f"## `{kind}`", "", _KIND_NOTES[kind], ""]
        lines += ["| field | type | operators | values |", "| --- | --- | --- | --- |"]
        for name, spec in fields.items():
            if (kind, name) in CHANNEL_FIELDS:
                values = "channel ids from `channels.yaml`"
            elif spec.choices:
                values = ", ".join(f"`{c}`" for c in spec.choices)
            else:
                values = ""
            if kind == "summary":
                values = (values + " " if values else "") + f"(from `{SUMMARY_PATHS[name]}`)"
            lines.append(f"| `{name}` | {spec.type} | {_OPS_BY_TYPE[spec.type]} | {values} |")
        lines.append("")
    return "\n".join(lines)
