"""References for rule authors, generated from the code so they cannot go stale: the fact schema
(what a rule's `when` may test; docs/fact-schema.md and `advisor rules facts`) and the effects
(what a rule's `then` may do; the "Reference: effects" section of docs/writing-rules.md)."""

from __future__ import annotations

import textwrap
from typing import Any

from advisor.model.facts import CHANNEL_FIELDS, FACT_SCHEMA, SUMMARY_PATHS
from advisor.rulebook.rules import EFFECTS, OPS

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


_INTRO = (
    "A rule's `when` is built from frames `{fact kind: {field: test}}`, combined with `all`, "
    "`any` and `not`. A scalar test is equality (for a list field: contains); a list is "
    "\"one of\"; a mapping names operators: " + ", ".join(f"`{op}`" for op in OPS) + "."
)


def _fields(kind: str) -> list[tuple[str, str, list[str], str]]:
    """(field, type, allowed values, note) of each field of a fact kind."""
    rows: list[tuple[str, str, list[str], str]] = []
    for name, spec in FACT_SCHEMA[kind].items():
        values: list[str] = []
        note = ""
        if (kind, name) in CHANNEL_FIELDS:
            note = "channel ids from `channels.yaml`"
        elif spec.choices:
            values = list(spec.choices)
        if kind == "summary":
            note = (note + " " if note else "") + f"(from `{SUMMARY_PATHS[name]}`)"
        rows.append((name, spec.type, values, note))
    return rows


def fact_schema_markdown() -> str:
    lines = [
        "# Facts a rule can test",
        "",
        "<!-- Generated from advisor/model/facts.py by advisor.factdoc; do not edit by hand. -->",
        "",
        _INTRO,
        "",
    ]
    for kind in FACT_SCHEMA:
        lines += [f"## `{kind}`", "", _KIND_NOTES[kind], ""]
        lines += ["| field | type | operators | values |", "| --- | --- | --- | --- |"]
        for name, type_, values, note in _fields(kind):
            shown = " ".join(x for x in (", ".join(f"`{v}`" for v in values), note) if x)
            if not values and note.startswith("("):
                shown = note
            lines.append(f"| `{name}` | {type_} | {_OPS_BY_TYPE[type_]} | {shown} |")
        lines.append("")
    return "\n".join(lines)


def fact_schema_text(width: int = 88) -> str:
    """The fact reference for a terminal (`advisor rules facts`): per fact kind, one line per
    field with its type and operators, then its allowed values."""
    wrap = textwrap.TextWrapper(width=width, subsequent_indent=" " * 6)
    lines = [
        "Facts a rule can test (as Markdown: advisor rules facts --markdown)",
        "",
        *textwrap.wrap(_INTRO.replace("`", ""), width),
    ]
    for kind in FACT_SCHEMA:
        lines += ["", kind, *textwrap.wrap(_KIND_NOTES[kind].replace("`", ""), width,
                                           initial_indent="  ", subsequent_indent="  ")]
        for name, type_, values, note in _fields(kind):
            lines.append(f"  {name:<28} {type_:<7} {_OPS_BY_TYPE[type_]}")
            text = ", ".join(values)
            if note:
                text = (text + " " if text else "") + note.replace("`", "")
            if text:
                lines += wrap.wrap("    " + ("values: " if values else "") + text)
    return "\n".join(lines) + "\n"


# ================================================================ effects

_EFFECT_NOTES: dict[str, str] = {
    "score": "Adds points to a channel. A channel is recommended when its score is above zero "
    "and nothing blocks it; the points are the weight times the rule's POST dimension weight "
    "(technology evidence counts half). Several rules may score one channel: their points add "
    "up.",
    "block": "Keeps a channel out of the ranking, whatever its score, and tells the reader what "
    "would lift the block. There is no `until:` (nor any other condition) in a block: the lift "
    "is a sentence for the reader, and the block holds as long as the rule fires.",
    "precondition": "Something to do before a channel (or before any channel) can work, listed "
    "with the channel or, for `all`, with the strategy as a whole. It does not change the "
    "ranking.",
    "finding": "A finding at the top of the report: its message is the rule's `because` with "
    "the placeholders filled in. A blocker finding marks the report not ready (`advisor assess "
    "--fail-on-blockers` exits 1).",
    "derive": "Asserts a derived fact that later rules can test (forward chaining): "
    "`derived: {name: capacity, value: low}` or `derived: capacity` in their `when`. The "
    "report lists derived facts with the rules that derived them.",
    "kpi": "A measure to track, listed with its channel or, without a channel, with the "
    "strategy as a whole. It does not change the ranking.",
}

_FIELD_NOTES: dict[tuple[str, str], str] = {
    ("score", "channel"): "The channel to score: a channel id from the pack's `channels.yaml` "
    "(`advisor channels`).",
    ("score", "weight"): "Points: positive raises the channel, negative lowers it; 0 is "
    "refused (it would do nothing).",
    ("block", "channel"): "The channel to block: a channel id from `channels.yaml`.",
    ("block", "lift"): "What would lift the block, in words the reader acts on (shown next to "
    "the blocked channel).",
    ("precondition", "channel"): "A channel id from `channels.yaml`, or `all` for a "
    "precondition of the whole strategy.",
    ("precondition", "code"): "A short kebab-case name of the precondition, e.g. "
    "`comment-policy`.",
    ("precondition", "text"): "What to do first, as the reader sees it.",
    ("finding", "level"): "How serious: `blocker` stops the strategy until fixed; `warning` "
    "and `info` are advice.",
    ("finding", "code"): "A short kebab-case name of the finding, e.g. "
    "`objectives-not-measurable`.",
    ("derive", "name"): "The derived fact's name (lowercase letters, digits, `-` and `_`).",
    ("derive", "value"): "The value it carries: text, true/false or a number (numbers within "
    "1e12).",
    ("kpi", "metric"): "What to measure, in words.",
    ("kpi", "objective"): "The objective kind the KPI measures.",
    ("kpi", "channel"): "A channel id from `channels.yaml` the KPI belongs to; without it the KPI "
    "belongs to the strategy.",
}

EFFECT_EXAMPLES: dict[str, str] = {
    "score": "then:\n  - score: {channel: youtube, weight: 2}\n"
    "  - score: {channel: tiktok, weight: -1}\n",
    "block": "then:\n  - block:\n      channel: x_twitter\n"
    "      lift: approval within a day for routine posts\n",
    "precondition": "then:\n  - precondition:\n      channel: facebook_group\n"
    "      code: seed-content\n"
    "      text: Seed the space with content and questions so replying is effortless.\n",
    "finding": "then:\n  - finding: {level: blocker, code: objectives-not-measurable}\n",
    "derive": "then:\n  - derive: {name: capacity, value: low}\n"
    "# a later rule reads it:\nwhen:\n  derived: {name: capacity, value: low}\n",
    "kpi": "then:\n  - kpi:\n      metric: CME registrations from tracked links\n"
    "      objective: talking\n      channel: linkedin\n",
}

EFFECTS_BEGIN = "<!-- effects reference: generated by advisor.factdoc.effects_markdown -->"
EFFECTS_END = "<!-- end of the effects reference -->"

_TYPES = {"string": "text", "integer": "integer", "number": "number", "boolean": "true/false"}


def _type_and_limits(prop: dict[str, Any]) -> tuple[str, list[str]]:
    """A JSON Schema property as a type in words and its limits."""
    options = [o for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
    types, limits = [], []
    for option in options:
        kind = option["type"]
        types.append(_TYPES[kind])
        prefix = f"{_TYPES[kind]}: " if len(options) > 1 else ""
        if "enum" in option:
            limits.append(prefix + "one of " + ", ".join(f"`{v}`" for v in option["enum"]))
        if "minimum" in option or "maximum" in option:
            limits.append(prefix + f"from {option.get('minimum')} to {option.get('maximum')}")
        if "minLength" in option or "maxLength" in option:
            low, high = option.get("minLength"), option["maxLength"]
            size = f"{low} to {high}" if low else f"at most {high}"
            limits.append(prefix + f"{size} characters")
        if "pattern" in option:
            limits.append(prefix + f"matches `{option['pattern']}`")
    return " or ".join(dict.fromkeys(types)), limits


def effects_markdown() -> str:
    """The effects reference: per effect what it does, a table of its fields (type, whether
    required, allowed values and limits, meaning) taken from the effect models of
    advisor/rulebook/rules.py, and a YAML example."""
    lines = [
        EFFECTS_BEGIN,
        "",
        "A rule's `then` is a list of one or more effects. Each is a mapping with one key, the "
        "effect, whose value holds its fields: `- score: {channel: youtube, weight: 2}`. A "
        "field not listed here is refused (with the nearest field name), and every channel must "
        "be in the pack's `channels.yaml`.",
    ]
    for name, model in EFFECTS.items():
        schema = model.model_json_schema()
        required = set(schema.get("required", []))
        lines += ["", f"### `{name}`", "", _EFFECT_NOTES[name], ""]
        lines += [
            "| field | type | required | values and limits | meaning |",
            "| --- | --- | --- | --- | --- |",
        ]
        for field_name, prop in schema["properties"].items():
            type_, limits = _type_and_limits(prop)
            if field_name in required:
                needed = "yes"
            else:
                default = prop.get("default")
                needed = "no" if default is None else f"no (default `{_yaml(default)}`)"
            lines.append(
                f"| `{field_name}` | {type_} | {needed} | {'; '.join(limits)} | "
                f"{_FIELD_NOTES[(name, field_name)]} |"
            )
        lines += ["", "```yaml", EFFECT_EXAMPLES[name].rstrip("\n"), "```"]
    lines += ["", EFFECTS_END, ""]
    return "\n".join(lines)


def _yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def effects_section(document: str) -> str | None:
    """The generated effects reference inside a document (markers included), or None."""
    start = document.find(EFFECTS_BEGIN)
    end = document.find(EFFECTS_END)
    if start < 0 or end < start:
        return None
    return document[start : end + len(EFFECTS_END)] + "\n"
