"""Unusual inputs, generated here (nothing is downloaded): a naughty-strings list, YAML edge cases
in the spirit of the yaml-test-suite, and JSON cases in the spirit of JSONTestSuite (`y_` must
parse, `n_` must be refused, `i_` either). Used by test_input_hostile.py.

Run `python -m tests.reliability.naughty` to print the counts."""

# ruff: noqa: RUF001  (look-alike characters are the point of a naughty-strings list)
from __future__ import annotations

import json

# ---------------------------------------------------------------- naughty strings


def naughty_strings() -> list[str]:
    """Text that has broken programs before: empty and blank, reserved words, numbers in
    disguise, format strings, injections, control and format characters, bidi overrides,
    surrogates, combining marks, emoji, very long text and YAML/JSON syntax."""
    out = [
        "", " ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b",
        "undefined", "null", "NULL", "None", "nil", "NaN", "nan", ".nan", "Infinity", "-Infinity",
        ".inf", "true", "false", "True", "FALSE", "yes", "no", "NO", "on", "off", "y", "n", "~",
        "0", "-0", "0.0", "1e309", "-1e309", "1e-400", "0x1F", "0o17", "017", "1_000", "1:30",
        "2027-13-45", "2027-01-01", "12:30:00", "9" * 5000, "1,000.00", "1.000,00", "+1", "--1",
        "%s%s%s%n", "%x %d", "{0}", "{}", "{audience.segment}", "{audience.segment!r}",
        "{audience.segment:>1000000000}", "{{", "}}", "${HOME}", "$(reboot)", "`reboot`",
        "'; DROP TABLE profiles; --", "\" OR 1=1 --", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "javascript:alert(1)", "../../../../etc/passwd",
        "..\\..\\windows\\win.ini", "/dev/zero", "/proc/self/environ", "CON", "nul", "-",
        "--help", "-h", "--output=/etc/passwd", "\x00", "\x01\x02\x03", "\x07\x08", "\x1b[31mred",
        "\x1b]0;title\x07", "\x7f", "\x80\x81", "\u202eevil\u202c", "\u2066isolate\u2069",
        "\u200d\u200c", "e\u0301\u0301\u0301\u0301\u0301", "Z\u0351\u036b\u0343\u036a\u0302",
        "😀", "👨‍👩‍👧‍👦", "🇳🇴", "\U0010ffff", "\uffff", "\ufffe", "\ufffd", "\ud800", "\udfff",
        "ﷺ", "𝕿𝖊𝖝𝖙", "Ω≈ç√∫", "田中さんにあげて下さい", "مرحبا", "שָׁלוֹם", "ᚠᛇᚻ", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ",
        "¯\\_(ツ)_/¯", "a\nerror: forged.yaml:1: x: forged", "line\rreturn", "tab\there",
        "*alias", "&anchor", "!!python/object/apply:os.system ['true']", "!tag", "? key", "- item",
        "---", "...", "%YAML 1.1", "# comment", "key: value", "[1, 2", "{a: 1", "|", ">", "@", "`",
        "'", '"', "\\", "\\u0000", "\\ud83d\\ude00",
        "x" * 61, "x" * 1001, "x" * 100_000,
    ]
    out += [f"a{chr(code)}b" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0, 4))]
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- YAML edge cases

PROFILE_HEAD = "organization: {name: x, type: hospital}\n"


def yaml_cases() -> dict[str, bytes]:
    """Documents that exercise YAML syntax: the advisor must read or refuse each cleanly."""
    cases = {
        "empty": b"",
        "only-comment": b"# nothing\n",
        "only-document-marker": b"---\n",
        "document-end": PROFILE_HEAD.encode() + b"...\n",
        "two-documents": PROFILE_HEAD.encode() + b"---\n" + PROFILE_HEAD.encode(),
        "directive-yaml-1.1": b"%YAML 1.1\n---\n" + PROFILE_HEAD.encode(),
        "directive-yaml-1.3": b"%YAML 1.3\n---\n" + PROFILE_HEAD.encode(),
        "directive-tag": b"%TAG ! tag:example.com,2000:\n---\n" + PROFILE_HEAD.encode(),
        "bad-directive": b"%FOO bar\n---\na: 1\n",
        "bom": b"\xef\xbb\xbf" + PROFILE_HEAD.encode(),
        "bom-twice": b"\xef\xbb\xbf\xef\xbb\xbf" + PROFILE_HEAD.encode(),
        "crlf": PROFILE_HEAD.replace("\n", "\r\n").encode(),
        "cr-only": PROFILE_HEAD.replace("\n", "\r").encode(),
        "nel-line-break": b"organization:\xc2\x85  name: x\n",
        "ls-line-break": "organization: {name: x,\u2028type: hospital}\n".encode(),
        "tab-indent": b"organization:\n\tname: x\n",
        "tab-after-colon": b"organization:\t{name: x, type: hospital}\n",
        "literal-block": b"organization:\n  name: |\n    x\n    y\n  type: hospital\n",
        "folded-block-keep": b"organization:\n  name: >+\n    x\n\n  type: hospital\n",
        "block-indent-indicator": b"organization:\n  name: |2\n     x\n  type: hospital\n",
        "bad-block-indicator": b"organization:\n  name: |0\n    x\n",
        "complex-key": b"? organization\n: {name: x, type: hospital}\n",
        "complex-key-mapping": b"? {a: 1}\n: b\n",
        "complex-key-sequence": b"? [a, b]\n: c\n",
        "flow-in-block": b"organization: {name: x, type: hospital, }\naudiences: [ ]\n",
        "flow-implicit-pair": b"audiences: [segment: physicians]\n" + PROFILE_HEAD.encode(),
        "flow-multiline": b"organization: {\n  name: x,\n  type: hospital\n}\n",
        "single-quoted-escape": b"organization: {name: 'it''s', type: hospital}\n",
        "double-quoted-escapes": b'organization: {name: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P", '
        b"type: hospital}\n",
        "double-quoted-bad-escape": b'organization: {name: "\\q", type: hospital}\n',
        "double-quoted-lone-surrogate": b'organization: {name: "\\ud800", type: hospital}\n',
        "plain-multiline": b"organization:\n  name: a\n    b\n  type: hospital\n",
        "anchor-unused": b"organization: &o {name: x, type: hospital}\n",
        "alias": b"a: &x 1\nb: *x\n",
        "alias-undefined": b"a: *nope\n",
        "merge-key": b"organization:\n  <<: {name: x}\n  type: hospital\n",
        "quoted-merge-key": b'organization:\n  "<<": {name: x}\n  type: hospital\n',
        "tag-str": b"organization: {name: !!str 1, type: hospital}\n",
        "tag-int-bad": b"organization: {name: x, type: hospital}\nx: !!int abc\n",
        "tag-float": b"x: !!float 1\n",
        "tag-binary": b"x: !!binary aGVsbG8=\n",
        "tag-set": b"x: !!set {a, b}\n",
        "tag-omap": b"x: !!omap [a: 1]\n",
        "tag-timestamp": b"x: !!timestamp 2001-12-14\n",
        "tag-local": b"x: !local 1\n",
        "tag-verbatim": b"x: !<tag:yaml.org,2002:str> 1\n",
        "tag-python": b"x: !!python/object/apply:os.system ['true']\n",
        "tag-python-name": b"x: !!python/name:os.system\n",
        "duplicate-key": b"a: 1\na: 2\n",
        "duplicate-key-quoted": b"a: 1\n'a': 2\n",
        "null-key": b"~: 1\n",
        "empty-key": b": 1\n",
        "number-key": b"1: a\n",
        "bool-key": b"true: a\n",
        "long-key": b"k" * 2000 + b": 1\n",
        "key-with-newline": b'"a\\nerror: forged": 1\n',
        "key-with-escape": b'"\\e[31m": 1\n',
        "unclosed-flow": b"a: [1, 2\n",
        "unclosed-quote": b"a: 'x\n",
        "bad-indent": b"a:\n  b: 1\n c: 2\n",
        "sequence-top": b"- a\n- b\n",
        "scalar-top": b"just text\n",
        "number-top": b"42\n",
        "null-top": b"~\n",
        "comment-no-space": b"a: 1#not a comment\n",
        "reserved-indicator": b"a: @x\n",
        "backtick": b"a: `x\n",
        "nul": b"a: \x00\n",
        "del": b"a: \x7f\n",
        "c1-control": "a: \u0080\n".encode(),
        "nonchar": "a: \uffff\n".encode(),
        "latin1": "organization: {name: café, type: hospital}\n".encode("latin-1"),
        "utf16": ("\ufeff" + PROFILE_HEAD).encode("utf-16-le"),
        "deep-block": "".join(f"{'  ' * i}k{i}:\n" for i in range(60)).encode() + b"  " * 60
        + b"v: 1\n",
        "deep-flow": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "deep-flow-map": b"a: " + b"{a: " * 500 + b"1" + b"}" * 500 + b"\n",
        "wide": b"a: [" + b"1, " * 10_000 + b"1]\n",
        "many-keys": b"".join(b"k%d: 1\n" % i for i in range(5000)),
    }
    for i, text in enumerate(naughty_strings()[:120]):
        cases[f"naughty-name-{i:03}"] = (
            "organization: {name: " + json.dumps(text) + ", type: hospital}\n"
        ).encode("utf-8", errors="surrogatepass")
    return cases


# ---------------------------------------------------------------- JSON cases (y_/n_/i_)


def json_cases() -> dict[str, bytes]:
    """`y_` valid JSON (must be read, profile or not), `n_` invalid JSON (must be refused),
    `i_` implementation-defined (either, cleanly)."""
    profile = {"organization": {"name": "x", "type": "hospital"}}
    cases: dict[str, bytes] = {
        "y_profile": json.dumps(profile).encode(),
        "y_profile_ascii_escapes": json.dumps(
            {"organization": {"name": "😀 \x7f \uffff \x85", "type": "hospital"}}
        ).encode(),
        "y_profile_raw_utf8": json.dumps(
            {"organization": {"name": "😀 \x7f \uffff \x85", "type": "hospital"}},
            ensure_ascii=False,
        ).encode(),
        "y_whitespace": b" \t\r\n" + json.dumps(profile).encode() + b" \t\r\n",
        "y_empty_object": b"{}",
        "y_empty_array": b"[]",
        "y_array_of_objects": b"[{}, {}]",
        "y_string": b'"x"',
        "y_number": b"1",
        "y_negative_zero": b"-0",
        "y_exponent": b"[1E22, 1e-2, 1.5e+3]",
        "y_null": b"null",
        "y_true": b"true",
        "y_escapes": b'["\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f"]',
        "y_surrogate_pair": b'["\\ud83d\\ude00"]',
        "y_nested_40": b"[" * 40 + b"]" * 40,
        "y_long_string": b'["' + b"x" * 100_000 + b'"]',
        "n_trailing_comma_object": b'{"a": 1,}',
        "n_trailing_comma_array": b"[1,]",
        "n_leading_zero": b"[01]",
        "n_plus_number": b"[+1]",
        "n_hex": b"[0x1F]",
        "n_dot_number": b"[.5]",
        "n_number_dot": b"[5.]",
        "n_nan": b"[NaN]",
        "n_infinity": b"[Infinity]",
        "n_single_quotes": b"['a']",
        "n_unquoted_key": b"{a: 1}",
        "n_comment": b'{"a": 1 /* c */}',
        "n_line_comment": b'{"a": 1} // c',
        "n_unclosed_object": b'{"a": 1',
        "n_unclosed_array": b"[1",
        "n_unclosed_string": b'["a',
        "n_extra_close": b"[1]]",
        "n_extra_value": b"1 2",
        "n_control_char_in_string": b'["a\x01b"]',
        "n_tab_in_string": b'["a\tb"]',
        "n_bad_escape": b'["\\q"]',
        "n_short_unicode_escape": b'["\\u12"]',
        "n_lone_high_surrogate": b'["\\ud800"]',
        "n_lone_low_surrogate": b'["\\udfff"]',
        "n_colon_missing": b'{"a" 1}',
        "n_comma_missing": b"[1 2]",
        "n_double_colon": b'{"a":: 1}',
        "n_true_capital": b"[True]",
        "n_nul_byte": b'["a"\x00]',
        "n_deep_100000": b"[" * 100_000 + b"]" * 100_000,
        "n_duplicate_key": b'{"a": 1, "a": 2}',
        "n_huge_exponent": b"[1e400]",
        "n_huge_integer": b"[" + b"9" * 5000 + b"]",
        "n_empty": b"",
        "n_only_whitespace": b" \n ",
        "n_utf16": '["a"]'.encode("utf-16"),
        "n_latin1": '["é"]'.encode("latin-1"),
        "i_bom": b"\xef\xbb\xbf" + json.dumps(profile).encode(),
        "i_big_int": b"[123456789012345678901234567890]",
        "i_tiny_float": b"[1e-400]",
        "i_nonchar": b'["\\uffff"]',
    }
    return cases


if __name__ == "__main__":  # pragma: no cover
    print(len(naughty_strings()), "naughty strings,", len(yaml_cases()), "YAML cases,",
          len(json_cases()), "JSON cases")
