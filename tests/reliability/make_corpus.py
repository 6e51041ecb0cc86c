"""Generate the malformed-input corpus under corpus/ and its index of expected errors.

Run `python tests/reliability/make_corpus.py` after changing it and commit the output; the
corpus test reads the committed files, so a change to a message shows up in review. Every case
is invalid by construction (a map where a scalar belongs, a value outside a Literal, ...), not
by asking the advisor: the generator never imports it.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

# A valid profile for the tests/packs/mini catalogue with every field present, so every field a
# case breaks has a line of its own.
BASE_PROFILE: dict[str, Any] = {
    "organization": {
        "name": "Example Society",
        "type": "medical_association",
        "size": "medium",
        "country": "US",
        "hipaa_covered": False,
        "accredited_cme_provider": True,
        "accepts_commercial_support": False,
        "promotes_regulated_products": False,
        "emergency_role": False,
        "direct_patient_contact": False,
    },
    "audiences": [
        {
            "segment": "physicians",
            "name": "practising members",
            "ages": ["30-49"],
            "career_stage": "mid_career",
            "size": 12000,
            "platforms": ["linkedin"],
            "participation": "spectators",
            "need_to_connect": False,
        }
    ],
    "objectives": [
        {
            "kind": "talking",
            "goal": "More members read our guidance",
            "focus": "member_engagement",
            "metric": "guideline page views",
            "target": 5000,
            "deadline": "2027-06-30",
        }
    ],
    "strategy": {
        "relationship_change": "members ask us first",
        "approach": "join",
        "scope": "pilot",
    },
    "technology": {
        "current_channels": [
            {
                "channel": "email_newsletter",
                "result": "good",
                "followers": 9000,
                "posts_per_week": 1,
            }
        ],
        "required_channels": ["x_twitter"],
    },
    "resources": {
        "staff_hours_per_week": 6,
        "skills": ["writing"],
        "budget_per_year": 10000,
        "executive_sponsor": True,
        "sme_hours_per_month": 4,
        "moderation": "business_hours",
    },
    "bottlenecks": {
        "approval_days": 3,
        "legal_review_required": False,
        "no_analytics": False,
        "it_blocks_social": False,
        "cms_limits": False,
        "scattered_accounts": False,
        "no_social_policy": False,
        "no_crisis_plan": False,
    },
    "pain_points": ["member_engagement_low"],
    "constraints": ["professional_ethics"],
}

# Fields whose values come from a closed vocabulary, with their maximum length where bounded.
LITERALS = {
    "type",
    "size",
    "career_stage",
    "participation",
    "kind",
    "focus",
    "approach",
    "scope",
    "result",
    "moderation",
    "segment",
}
LITERAL_LISTS = {"ages", "skills", "pain_points", "constraints"}
CHANNEL_FIELDS = {"platforms", "required_channels", "channel"}
NUMBERS = {
    "size": 10_000_000_000,
    "target": 1e12,
    "followers": 10_000_000_000,
    "posts_per_week": 10_000,
    "staff_hours_per_week": 2000,
    "budget_per_year": 1e12,
    "sme_hours_per_month": 10_000,
    "approval_days": 3650,
}
TEXT_MAX = {"name": 500, "goal": 4000, "metric": 500, "relationship_change": 4000}


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def leaves(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every path of the profile (mappings, lists and scalars), parents first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        yield from leaves(data[0], (*path, 0))


def replaced(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_PROFILE)
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200).encode()


def profile_cases() -> Iterator[tuple[str, bytes, str, bool]]:
    """(slug, content, expected fragment of the first error, whether it names a line)."""
    for path, value in leaves(BASE_PROFILE):
        if not path:
            continue
        name = str(path[-1]) if isinstance(path[-1], str) else str(path[-2])
        where = dotted(path)
        slug = where.replace("[0]", "-0").replace(".", "-")
        if isinstance(value, dict):
            yield f"{slug}-is-a-list", dump(replaced(path, [1, 2])), where, True
            typo = next(iter(value))[::-1] + "x"
            bad = copy.deepcopy(value)
            bad[typo] = True
            yield f"{slug}-unknown-key", dump(replaced(path, bad)), "unknown field", True
            yield f"{slug}-is-a-number", dump(replaced(path, 42)), where, True
            continue
        if isinstance(value, list):
            yield f"{slug}-is-a-map", dump(replaced(path, {"x": 1})), where, True
            yield f"{slug}-is-text", dump(replaced(path, "one, two")), where, True
            if name in LITERAL_LISTS:
                yield (
                    f"{slug}-unknown-item",
                    dump(replaced(path, ["no_such_value"])),
                    "unknown value",
                    True,
                )
                yield f"{slug}-too-long", dump(replaced(path, [value[0]] * 61)), where, True
            if name in CHANNEL_FIELDS:
                yield (
                    f"{slug}-bad-channel-id",
                    dump(replaced(path, ["LinkedIn Page!"])),
                    where,
                    True,
                )
                yield (
                    f"{slug}-unknown-channel",
                    dump(replaced(path, ["myspace"])),
                    "unknown channel",
                    True,
                )
                yield f"{slug}-too-long", dump(replaced(path, ["linkedin"] * 61)), where, True
            if name in ("audiences", "objectives", "current_channels"):
                yield f"{slug}-item-is-text", dump(replaced(path, ["text"])), where, True
            continue
        yield f"{slug}-is-a-map", dump(replaced(path, {"x": 1})), where, True
        yield f"{slug}-is-a-list", dump(replaced(path, [[1], [2]])), where, True
        if isinstance(value, bool):
            yield f"{slug}-is-maybe", dump(replaced(path, "maybe")), where, True
            yield f"{slug}-is-two", dump(replaced(path, 2)), where, True
        elif name in LITERALS and isinstance(value, str):
            yield (
                f"{slug}-unknown-value",
                dump(replaced(path, "no_such_value")),
                "unknown value",
                True,
            )
            yield (
                f"{slug}-wrong-case",
                dump(replaced(path, str(value).upper())),
                "unknown value",
                True,
            )
        elif name in NUMBERS and isinstance(value, int | float):
            yield f"{slug}-infinite", dump(replaced(path, float("inf"))), where, True
            yield f"{slug}-not-a-number", dump(replaced(path, float("nan"))), where, True
            yield f"{slug}-huge-int", dump(replaced(path, 10**40)), where, True
            yield f"{slug}-above-limit", dump(replaced(path, NUMBERS[name] * 10)), where, True
            yield f"{slug}-negative-huge", dump(replaced(path, -(10**40))), where, True
        elif name in CHANNEL_FIELDS:
            yield (
                f"{slug}-unknown-channel",
                dump(replaced(path, "myspace")),
                "unknown channel",
                True,
            )
            yield f"{slug}-bad-channel-id", dump(replaced(path, "My Space!")), where, True
        elif name == "deadline":
            yield f"{slug}-not-a-date", dump(replaced(path, "next spring")), where, True
            yield f"{slug}-impossible-date", dump(replaced(path, "2027-02-30")), where, True
        elif name == "country":
            yield f"{slug}-lowercase", dump(replaced(path, "us")), where, True
            yield f"{slug}-three-letters", dump(replaced(path, "USA")), where, True
        if name in TEXT_MAX:
            yield f"{slug}-empty-text", dump(replaced(path, "")), where, True
            yield (
                f"{slug}-too-long-text",
                dump(replaced(path, "x" * (TEXT_MAX[name] + 1))),
                where,
                True,
            )
    # whole-profile shape
    missing = copy.deepcopy(BASE_PROFILE)
    del missing["organization"]
    yield "organization-missing", dump(missing), "required field is missing", True
    for key in ("name", "type"):
        bad = copy.deepcopy(BASE_PROFILE)
        del bad["organization"][key]
        yield f"organization-{key}-missing", dump(bad), "required field is missing", True
    for key in ("kind", "goal"):
        bad = copy.deepcopy(BASE_PROFILE)
        del bad["objectives"][0][key]
        yield f"objective-{key}-missing", dump(bad), "required field is missing", True
    yield "top-level-typo", dump({**BASE_PROFILE, "audience": []}), "unknown field", True
    yield (
        "too-many-audiences",
        dump(replaced(("audiences",), BASE_PROFILE["audiences"] * 41)),
        "audiences",
        True,
    )


def raw_profile_cases() -> Iterator[tuple[str, bytes, str, bool]]:
    """Files that are not a profile at all: broken YAML or JSON, encodings, binary, bombs."""
    good = dump(BASE_PROFILE)
    text = good.decode()
    yield "empty", b"", "file is empty", True
    yield "only-whitespace", b"   \n\n\t\n", "file is empty", True
    yield "only-comment", b"# nothing here\n", "file is empty", True
    yield "only-document-marker", b"---\n", "a profile is a mapping", True
    yield "null-document", b"null\n", "a profile is a mapping", True
    yield "scalar-document", b"42\n", "a profile is a mapping", True
    yield "string-document", b"hello\n", "a profile is a mapping", True
    yield (
        "list-document",
        b"- organization: {name: x, type: hospital}\n",
        "a profile is a mapping",
        True,
    )
    yield "json-list", b"[1, 2, 3]", "a profile is a mapping", True
    yield "two-documents", good + b"---\n" + good, "another document", True
    yield "tab-indent", b"organization:\n\tname: x\n", "not valid YAML", True
    yield "unclosed-flow-map", b"organization: {name: x, type: hospital\n", "not valid YAML", True
    yield "unclosed-flow-list", b"pain_points: [fundraising\n", "not valid YAML", True
    yield "unclosed-quote", b'organization: {name: "x, type: hospital}\n', "not valid YAML", True
    yield "bad-indent", b"organization:\n  name: x\n type: hospital\n", "not valid YAML", True
    yield "colon-in-plain-value", b"organization: name: x\n", "not valid YAML", True
    yield (
        "stray-dash",
        text.replace("resources:", "resources:\n- - -\n  x:", 1).encode(),
        "not valid YAML",
        True,
    )
    yield (
        "duplicate-top-key",
        good + b"organization: {name: y, type: hospital}\n",
        "duplicate key",
        True,
    )
    yield (
        "duplicate-nested-key",
        b"organization:\n  name: x\n  name: y\n  type: hospital\n",
        "duplicate key",
        True,
    )
    yield (
        "merge-key",
        b"base: {a: 1}\norganization:\n  <<: {name: x}\n  type: hospital\n",
        "merge keys",
        True,
    )
    yield "complex-key", b"? [a, b]\n: 1\n", "mapping keys must be plain text", True
    yield "map-as-key", b"? {a: 1}\n: 1\n", "mapping keys must be plain text", True
    yield (
        "json-missing-comma",
        b'{"organization": {"name": "x" "type": "hospital"}}',
        "not valid YAML",
        True,
    )
    yield "json-unclosed", b'{"organization": {"name": "x"', "not valid YAML", True
    yield "json-single-quote-key", b"{'organization: 1}", "not valid YAML", True
    yield "directive-only", b"%YAML 1.1\n", "not valid YAML", True
    yield "bad-directive", b"%YAML 9.9\n---\na: 1\n", "not valid YAML", True
    yield "unknown-escape", b'organization: {name: "\\q", type: hospital}\n', "not valid YAML", True
    yield (
        "control-character",
        b'organization: {name: "a\x07b", type: hospital}\n',
        "character #x0007",
        True,
    )
    yield (
        "escape-character",
        b"organization: {name: a\x1bb, type: hospital}\n",
        "character #x001b",
        True,
    )
    yield (
        "lone-surrogate-escape",
        b'organization: {name: "\\ud800", type: hospital}\n',
        "lone surrogate",
        True,
    )
    yield (
        "invalid-timestamp",
        b"organization: {name: x, type: hospital}\n"
        b"objectives:\n- {kind: talking, goal: g, deadline: 2027-13-45}\n",
        "bad value",
        True,
    )
    # encodings
    yield "utf16-le-bom", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), "UTF-16", False
    yield "utf16-be-bom", "\ufeff".encode("utf-16-be") + text.encode("utf-16-be"), "UTF-16", False
    yield "utf16-no-bom", text.encode("utf-16-le"), "binary", False
    yield "utf32", text.encode("utf-32"), "UTF-32", False
    yield "utf32-be", b"\x00\x00\xfe\xff" + text.encode("utf-32-be"), "UTF-32", False
    yield (
        "latin1",
        text.replace("Example Society", "Société Médicale").encode("latin-1"),
        "not UTF-8",
        True,
    )
    yield (
        "cp1252-quotes",
        text.replace("Example Society", "\u201cExample\u201d").encode("cp1252"),
        "not UTF-8",
        True,
    )
    yield "latin1-late-line", (text + "# café\n").encode("latin-1"), "not UTF-8", True
    yield "truncated-utf8", text.encode() + "é".encode()[:1], "not UTF-8", True
    # binary
    yield "all-bytes", bytes(range(256)), "binary", False
    yield "png-header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary", False
    yield "gzip", b"\x1f\x8b\x08\x00" + bytes(40), "binary", False
    yield "elf", b"\x7fELF\x02\x01\x01\x00" + bytes(56), "binary", False
    yield "nul-in-middle", good[:40] + b"\x00" + good[40:], "binary", False
    yield "high-bytes", bytes(range(128, 256)) * 4, "not UTF-8", True
    # depth and size
    yield (
        "deep-flow-list-60",
        b"organization: " + b"[" * 60 + b"]" * 60 + b"\n",
        "nested deeper",
        True,
    )
    yield (
        "deep-flow-map-60",
        b"a: " + b"{a: " * 60 + b"1" + b"}" * 60 + b"\n",
        "nested deeper",
        True,
    )
    yield "deep-flow-list-3000", b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", "nested", False
    yield (
        "deep-block-map-80",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(80)).encode() + b"  " * 80 + b"v: 1\n",
        "nested deeper",
        True,
    )
    # aliases and tags
    yield "alias-simple", b"a: &x {name: y}\norganization: *x\n", "aliases", True
    yield (
        "alias-bomb",
        b"".join(
            [b"a: &a [x, x, x, x, x, x, x, x, x]\n"]
            + [
                f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n".encode()
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            ]
        ),
        "aliases",
        True,
    )
    yield "alias-self", b"a: &a [*a]\n", "aliases", True
    for tag, body in (
        ("python-object-apply", b"!!python/object/apply:os.system ['echo owned']\n"),
        ("python-object-new", b"organization: !!python/object/new:os.system [echo owned]\n"),
        (
            "python-object-map",
            b"organization: !!python/object:advisor.profile.Organization {name: x}\n",
        ),
        ("python-name", b"organization: !!python/name:os.system\n"),
        ("python-module", b"organization: !!python/module:os\n"),
        ("python-tuple", b"pain_points: !!python/tuple [fundraising]\n"),
        ("binary-tag", b"organization: !!binary aGVsbG8=\n"),
        ("set-tag", b"organization: !!set {a, b}\n"),
        ("omap-tag", b"organization: !!omap [{name: x}]\n"),
        ("custom-tag", b"organization: !vault {name: x}\n"),
        ("custom-scalar-tag", b"organization:\n  name: !env NAME\n  type: hospital\n"),
        ("verbatim-tag", b"organization: !<tag:example.com,2000:x> {name: x}\n"),
    ):
        yield f"tag-{tag}", body, "is not allowed", True
    anchored = text.replace("organization:", "organization: &o", 1)
    yield "anchor-and-alias-late", (anchored + "copy: *o\n").encode(), "aliases", True


RULE_BASE: dict[str, Any] = {
    "id": "people.corpus.base-rule",
    "title": "A rule the corpus breaks one part at a time",
    "post": "people",
    "when": {
        "all": [{"audience": {"segment": "physicians"}}, {"objective": {"kind": ["talking"]}}]
    },
    "then": [{"score": {"channel": "linkedin", "weight": 3}}],
    "because": "{audience.segment} read professional news on LinkedIn",
    "source": "F3.19",
}


def rule_with(**changes: Any) -> dict[str, Any]:
    rule = copy.deepcopy(RULE_BASE)
    for key, value in changes.items():
        if value is None:
            rule.pop(key, None)
        else:
            rule[key] = value
    return rule


def rule_cases() -> Iterator[tuple[str, bytes, str, bool]]:
    """Single rule files (the test puts each beside the mini pack's manifest and catalogue)."""
    one = lambda **c: dump([rule_with(**c)])  # noqa: E731 - a local shorthand
    for key in ("id", "title", "post", "when", "then", "because", "source"):
        yield f"missing-{key}", one(**{key: None}), key if key not in ("when", "then") else "", True
    for key in (
        "id",
        "title",
        "post",
        "because",
        "source",
        "rationale",
        "evidence",
        "status",
        "tags",
        "when",
        "then",
    ):
        typo = key[:-1] if len(key) > 3 else key + "s"
        rule = rule_with()
        rule[typo] = rule.pop(key, "x")
        yield f"typo-{key}", dump([rule]), "unknown field", True
    for bad_id in (
        "People.Physicians",
        "people",
        "people..x",
        "people.x_y.Z",
        "1people.x",
        "people.x.",
        42,
        ["a.b"],
        "a." + "b" * 130,
    ):
        yield (
            "bad-id-" + re.sub(r"[^a-z0-9]+", "_", str(bad_id)[:20].lower()),
            one(id=bad_id),
            "id",
            True,
        )
    yield "unknown-post", one(post="platforms"), "post", True
    yield "post-is-list", one(post=["people"]), "post", True
    yield "title-too-short", one(title="x"), "title", True
    yield "because-too-long", one(because="x" * 1001), "because", True
    yield "unknown-evidence", one(evidence="anecdote"), "evidence", True
    yield "unknown-status", one(status="maybe"), "status", True
    yield "bad-tag", one(tags=["Not A Tag"]), "tags", True
    yield "tags-not-list", one(tags="a-tag"), "tags", True
    # conditions
    yield "when-empty", one(when={}), "when", True
    yield "when-list", one(when=[{"audience": {"segment": "physicians"}}]), "when", True
    yield "when-scalar", one(when="physicians"), "when", True
    yield "all-empty", one(when={"all": []}), "when", True
    yield "all-not-list", one(when={"all": {"audience": {"segment": "physicians"}}}), "when", True
    yield "not-with-list", one(when={"not": [{"audience": {"segment": "nurses"}}]}), "when", True
    yield (
        "two-combinators",
        one(
            when={
                "all": [{"audience": {"segment": "physicians"}}],
                "any": [{"audience": {"segment": "nurses"}}],
            }
        ),
        "when",
        True,
    )
    yield "unknown-fact-kind", one(when={"audiance": {"segment": "physicians"}}), "audiance", True
    yield (
        "unknown-fact-kind-nested",
        one(when={"all": [{"organisation": {"type": "hospital"}}]}),
        "organisation",
        True,
    )
    facts = {
        "organization": "type",
        "audience": "segment",
        "objective": "kind",
        "strategy": "approach",
        "channel": "result",
        "resources": "moderation",
        "bottlenecks": "approval_days",
        "pain_point": "name",
        "summary": "objective_count",
        "derived": "name",
    }
    for kind, field in facts.items():
        yield f"unknown-field-{kind}", one(when={kind: {field + "x": 1}}), "unknown field", True
        yield f"frame-not-map-{kind}", one(when={kind: [field]}), "when", True
    for op in ("equals", "lte", "gte", "neq", "regex", "matches", "$lt", "between", "startswith"):
        yield (
            f"bad-operator-{op.strip('$')}",
            one(when={"resources": {"staff_hours_per_week": {op: 5}}}),
            "staff_hours_per_week",
            True,
        )
    yield (
        "two-operators-unknown",
        one(when={"resources": {"staff_hours_per_week": {"lt": 5, "around": 3}}}),
        "staff_hours_per_week",
        True,
    )
    yield "lt-on-text", one(when={"audience": {"segment": {"lt": "physicians"}}}), "segment", True
    yield (
        "lt-on-bool",
        one(when={"organization": {"hipaa_covered": {"gt": True}}}),
        "hipaa_covered",
        True,
    )
    yield (
        "lt-with-text",
        one(when={"resources": {"staff_hours_per_week": {"lt": "five"}}}),
        "staff_hours_per_week",
        True,
    )
    yield (
        "eq-number-as-text",
        one(when={"resources": {"staff_hours_per_week": "10"}}),
        "staff_hours_per_week",
        True,
    )
    yield (
        "bool-as-text",
        one(when={"organization": {"hipaa_covered": "yes"}}),
        "hipaa_covered",
        True,
    )
    yield (
        "contains-on-scalar",
        one(when={"audience": {"segment": {"contains": "physicians"}}}),
        "segment",
        True,
    )
    yield (
        "contains-any-not-list",
        one(when={"summary": {"audience_segments": {"contains_any": "physicians"}}}),
        "audience_segments",
        True,
    )
    yield "in-not-list", one(when={"audience": {"segment": {"in": "physicians"}}}), "segment", True
    yield "unknown-segment-value", one(when={"audience": {"segment": "doctors"}}), "segment", True
    yield "unknown-objective-kind", one(when={"objective": {"kind": ["talk"]}}), "kind", True
    yield "exists-not-bool", one(when={"audience": {"name": {"exists": "yes"}}}), "name", True
    yield (
        "value-is-map-of-map",
        one(when={"audience": {"segment": {"eq": {"a": 1}}}}),
        "segment",
        True,
    )
    yield (
        "value-huge-number",
        one(when={"resources": {"staff_hours_per_week": {"lt": 1e400}}}),
        "staff_hours_per_week",
        True,
    )
    yield "value-huge-int", one(when={"audience": {"size": {"gt": 10**40}}}), "size", True
    yield "value-very-long-text", one(when={"audience": {"name": "x" * 70_000}}), "name", True
    hours = {"resources": {"staff_hours_per_week": {"lt": float("nan")}}}
    yield "value-nan", one(when=hours), "staff_hours_per_week", True
    yield (
        "derived-value-nan",
        one(when={"derived": {"name": "x_y", "value": float("nan")}}),
        "value",
        True,
    )
    yield (
        "derive-value-nan",
        one(then=[{"derive": {"name": "x_y", "value": float("nan")}}]),
        "value",
        True,
    )
    yield (
        "derive-value-huge",
        one(then=[{"derive": {"name": "x_y", "value": 10**400}}]),
        "value",
        True,
    )
    yield (
        "derive-value-map",
        one(then=[{"derive": {"name": "x_y", "value": {"a": 1}}}]),
        "value",
        True,
    )
    # effects
    yield "then-empty", one(then=[]), "then", True
    yield "then-map", one(then={"score": {"channel": "linkedin", "weight": 3}}), "then", True
    yield (
        "unknown-effect",
        one(then=[{"boost": {"channel": "linkedin", "weight": 3}}]),
        "then",
        True,
    )
    yield (
        "effect-two-keys",
        one(
            then=[
                {
                    "score": {"channel": "linkedin", "weight": 3},
                    "block": {"channel": "youtube", "lift": "never"},
                }
            ]
        ),
        "then",
        True,
    )
    yield "effect-scalar", one(then=["score linkedin"]), "then", True
    yield (
        "score-unknown-channel",
        one(then=[{"score": {"channel": "myspace", "weight": 3}}]),
        "myspace",
        True,
    )
    yield (
        "block-unknown-channel",
        one(then=[{"block": {"channel": "tiktok", "lift": "a video team"}}]),
        "tiktok",
        True,
    )
    yield (
        "precondition-unknown-channel",
        one(then=[{"precondition": {"channel": "vine", "code": "x-y", "text": "something"}}]),
        "vine",
        True,
    )
    yield (
        "kpi-unknown-channel",
        one(then=[{"kpi": {"metric": "reach", "channel": "orkut"}}]),
        "orkut",
        True,
    )
    yield (
        "score-weight-high",
        one(then=[{"score": {"channel": "linkedin", "weight": 11}}]),
        "weight",
        True,
    )
    yield (
        "score-weight-low",
        one(then=[{"score": {"channel": "linkedin", "weight": -11}}]),
        "weight",
        True,
    )
    yield (
        "score-weight-zero",
        one(then=[{"score": {"channel": "linkedin", "weight": 0}}]),
        "weight",
        True,
    )
    yield (
        "score-weight-text",
        one(then=[{"score": {"channel": "linkedin", "weight": "high"}}]),
        "weight",
        True,
    )
    yield (
        "score-weight-huge",
        one(then=[{"score": {"channel": "linkedin", "weight": 10**40}}]),
        "weight",
        True,
    )
    yield (
        "score-unknown-key",
        one(then=[{"score": {"channel": "linkedin", "weight": 3, "boost": 1}}]),
        "unknown field",
        True,
    )
    yield (
        "finding-unknown-level",
        one(then=[{"finding": {"level": "fatal", "code": "x-y"}}]),
        "level",
        True,
    )
    yield (
        "finding-bad-code",
        one(then=[{"finding": {"level": "info", "code": "Bad Code"}}]),
        "code",
        True,
    )
    yield (
        "derive-bad-name",
        one(then=[{"derive": {"name": "Capacity!", "value": "low"}}]),
        "name",
        True,
    )
    yield (
        "kpi-unknown-objective",
        one(then=[{"kpi": {"metric": "reach", "objective": "selling"}}]),
        "objective",
        True,
    )
    # templates
    yield (
        "because-unknown-kind",
        one(because="{audiance.segment} read professional news"),
        "because",
        True,
    )
    yield (
        "because-unknown-field",
        one(because="{audience.segmnt} read professional news"),
        "because",
        True,
    )
    yield (
        "because-unbalanced",
        one(because="{audience.segment read professional news"),
        "because",
        True,
    )
    yield (
        "because-code",
        one(because="{audience.__class__.__mro__} read professional news"),
        "because",
        True,
    )
    # whole files
    yield "file-is-scalar", b"just text\n", "a rule is a mapping", True
    yield "file-is-list-of-scalars", b"- a\n- b\n", "a rule is a mapping", True
    yield (
        "broken-yaml",
        dump([RULE_BASE]).replace(b"title:", b"title: [", 1),
        "not valid YAML",
        True,
    )
    yield (
        "python-tag",
        b"- !!python/object/apply:os.system ['echo owned']\n",
        "is not allowed",
        True,
    )
    yield (
        "python-tag-in-when",
        dump([RULE_BASE]).replace(b"when:", b"when: !!python/object:os.system", 1),
        "is not allowed",
        True,
    )
    yield (
        "alias-in-rules",
        dump([RULE_BASE]).replace(b"then:", b"then: &t", 1)
        + b"- id: people.corpus.copy\n  then: *t\n",
        "aliases",
        True,
    )
    # several rules in one file
    second = rule_with(id="people.corpus.second-rule")
    yield "duplicate-id", dump([RULE_BASE, rule_with()]), "duplicate rule id", True
    yield "duplicate-id-third", dump([RULE_BASE, second, rule_with()]), "duplicate rule id", True
    cycle_a = rule_with(
        id="resources.corpus.a",
        when={"derived": {"name": "b_fact"}},
        then=[{"derive": {"name": "a_fact"}}],
        because="Derived b holds for this profile",
    )
    cycle_b = rule_with(
        id="resources.corpus.b",
        when={"derived": {"name": "a_fact"}},
        then=[{"derive": {"name": "b_fact"}}],
        because="Derived a holds for this profile",
    )
    yield "derived-cycle-two", dump([cycle_a, cycle_b]), "cycle", True
    self_loop = rule_with(
        id="resources.corpus.self",
        when={"derived": {"name": "loop"}},
        then=[{"derive": {"name": "loop"}}],
        because="Derived loop holds for this profile",
    )
    yield "derived-cycle-self", dump([self_loop]), "cycle", True
    chain = [
        rule_with(
            id=f"resources.corpus.c{i}",
            when={"derived": {"name": f"f{(i + 1) % 4}"}},
            then=[{"derive": {"name": f"f{i}"}}],
            because="A chain of derived facts holds",
        )
        for i in range(4)
    ]
    yield "derived-cycle-four", dump(chain), "cycle", True
    negated = rule_with(
        id="resources.corpus.neg",
        when={"not": {"derived": {"name": "neg"}}},
        then=[{"derive": {"name": "neg"}}],
        because="No derived fact named neg yet",
    )
    yield "derived-cycle-through-not", dump([negated]), "cycle", True
    yield (
        "derived-never-written",
        one(when={"derived": {"name": "capacity_lo"}}, because="Capacity is low for this profile"),
        "no rule derives",
        True,
    )
    # engine limits the loader must refuse rather than hang or crash on
    wide = [
        rule_with(
            id=f"people.corpus.wide-{i}",
            when={"audience": {"name": f"name {i}"}},
            because="A rule testing one more audience name",
        )
        for i in range(520)
    ]
    yield "limit-513-tests-under-one-node", dump(wide), "network node", False
    siblings = [
        rule_with(
            id=f"resources.corpus.hours-{i}",
            when={"resources": {"staff_hours_per_week": {"gt": i}}},
            because="A rule testing one more threshold",
        )
        for i in range(70)
    ]
    yield "limit-65-sibling-matches", dump(siblings), "sibling tests", False
    huge_any = rule_with(when={"any": [{"audience": {"size": {"gt": i}}} for i in range(210)]})
    yield "limit-probes-per-rule", dump([huge_any]), "distinct fact tests", True


def pack_cases() -> Iterator[tuple[str, dict[str, bytes], str, bool]]:
    """Whole packs: (slug, files relative to the pack folder, fragment, names a line). A file
    set to None in the mini pack is removed; others replace or add files."""
    catalogue = (HERE.parent / "packs" / "mini" / "channels.yaml").read_bytes()
    manifest = (HERE.parent / "packs" / "mini" / "pack.yaml").read_bytes()
    yield "manifest-empty", {"pack.yaml": b""}, "file is empty", True
    yield (
        "manifest-bad-name",
        {"pack.yaml": manifest.replace(b"name: mini", b"name: Mini Pack")},
        "name",
        True,
    )
    yield "manifest-bad-version", {"pack.yaml": manifest.replace(b"0.0.1", b"one")}, "version", True
    yield "manifest-unknown-key", {"pack.yaml": manifest + b"autor: me\n"}, "unknown field", True
    yield (
        "manifest-unknown-dimension",
        {"pack.yaml": manifest + b"dimension_weights: {platforms: 2}\n"},
        "dimension_weights",
        True,
    )
    yield (
        "manifest-weight-huge",
        {"pack.yaml": manifest + b"dimension_weights: {people: 1e400}\n"},
        "dimension_weights",
        True,
    )
    yield "manifest-is-list", {"pack.yaml": b"- name: mini\n"}, "", True
    yield (
        "catalogue-duplicate-channel",
        {
            "channels.yaml": catalogue
            + b"  - {id: linkedin, name: LinkedIn again, hours_per_week: 1}\n"
        },
        "duplicate channel id",
        True,
    )
    yield "catalogue-empty-list", {"channels.yaml": b"channels: []\n"}, "channels", True
    yield (
        "catalogue-bad-hours",
        {"channels.yaml": catalogue.replace(b"hours_per_week: 2,", b"hours_per_week: 200,", 1)},
        "hours_per_week",
        True,
    )
    yield (
        "catalogue-unknown-skill",
        {"channels.yaml": catalogue.replace(b"skills: [video]", b"skills: [juggling]")},
        "unknown value",
        True,
    )
    yield (
        "catalogue-bad-id",
        {"channels.yaml": catalogue.replace(b"id: youtube", b"id: You Tube")},
        "id",
        True,
    )
    yield (
        "catalogue-unknown-key",
        {"channels.yaml": catalogue.replace(b"real_time: true", b"realtime: true")},
        "unknown field",
        True,
    )
    yield "catalogue-binary", {"channels.yaml": bytes(range(256))}, "binary", False
    yield (
        "rule-file-latin1",
        {"rules/extra.yaml": "- id: people.caf\xe9\n".encode("latin-1")},
        "not UTF-8",
        True,
    )
    yield "rule-file-empty", {"rules/extra.yaml": b""}, "file is empty", True
    yield (
        "rule-file-utf16",
        {"rules/extra.yaml": "\ufeff- id: x\n".encode("utf-16-le")},
        "UTF-16",
        False,
    )
    yield (
        "duplicate-id-across-files",
        {
            "rules/extra.yaml": (
                HERE.parent / "packs" / "mini" / "rules" / "people.yaml"
            ).read_bytes()
        },
        "duplicate rule id",
        True,
    )


def write() -> int:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    index: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(kind: str, slug: str, files: dict[str, bytes], fragment: str, line: bool) -> None:
        name = f"{kind}/{slug}"
        assert name not in seen, name
        seen.add(name)
        for rel, content in files.items():
            target = CORPUS / kind / slug / rel if kind == "packs" else CORPUS / kind / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        entry_file = f"{kind}/{slug}" if kind == "packs" else f"{kind}/{next(iter(files))}"
        index.append({"case": name, "file": entry_file, "expect": fragment, "line": line})

    for slug, content, fragment, line in [*profile_cases(), *raw_profile_cases()]:
        add("profiles", slug, {f"{slug}.yaml": content}, fragment, line)
    for slug, content, fragment, line in rule_cases():
        add("rules", slug, {f"{slug}.yaml": content}, fragment, line)
    for slug, files, fragment, line in pack_cases():
        add("packs", slug, files, fragment, line)
    (CORPUS / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True) + "\n")
    return len(index)


if __name__ == "__main__":
    print(f"{write()} malformed inputs written to {CORPUS}")
