"""Evidence a client can check: the bibliography (sources.yaml), rules citing it by id, stale
evidence, and numbered source notes in every report format."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.authoring.check import check_pack
from advisor.authoring.schema import rule_schema
from advisor.errors import RuleError
from advisor.files.packs import load_pack
from advisor.render.html import render_html
from advisor.render.markdown import render_markdown
from advisor.rulebook.rules import parse_rule

REPO = Path(__file__).resolve().parent.parent
PROFILE = REPO / "profiles" / "academic-medical-center.yaml"

SOURCES = """\
sources:
  - id: pew-2025-social-media-use-test
    title: "A survey"
    publisher: Pew Research Center
    year: 2010
    url: https://example.org/survey
    checked: 2026-12-02
    kind: survey
  - id: cdc-guidance-test
    title: "A guidance"
    publisher: CDC
    year: 2001
    url: https://example.org/guidance
    checked: 2026-12-02
    kind: guidance
"""


def rule_text(source: str, rule_id: str = "people.nurses.video") -> str:
    return f"""\
- id: {rule_id}
  title: Nurses watch videos
  post: people
  when: {{audience: {{segment: nurses}}}}
  then:
    - score: {{channel: youtube, weight: 1}}
  because: "Nurses learn procedures from short videos"
  source: {source}
  rationale: Nurses look procedures up between shifts.
"""


def extending_pack(root: Path, rules: str, sources: str | None = None, manifest: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(f"name: my-pack\nversion: 1.0.0\nextends: default\n{manifest}")
    (root / "rules.yaml").write_text(rules)
    if sources is not None:
        (root / "sources.yaml").write_text(sources)
    return root


def test_every_shipped_rule_cites_bibliography_ids_that_resolve() -> None:
    pack = load_pack()
    bibliography = pack.bibliography
    assert len(bibliography) >= 20
    for rule in pack.rules:
        assert rule.meta.source, rule.id
        for citation in rule.meta.source:
            assert citation in bibliography, f"{rule.id} cites {citation!r}"


def test_the_shipped_pack_checks_clean_including_staleness() -> None:
    result = check_pack(None, today=datetime.date(2026, 12, 2))
    assert (result.errors, result.warnings) == (0, 0), [str(i) for i in result.items]
    assert load_pack().manifest.stale_after_years == 10


def test_no_document_outside_the_project_is_referenced() -> None:
    pattern = re.compile(r"\bF[0-9]+\.[0-9]+|DOMAIN")
    # (Test packs may cite free text, F-ids included: they have no bibliography.)
    for folder in ("advisor", "docs", "rules", "profiles", "features"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".yaml", ".yml", ".feature"):
                assert not pattern.search(path.read_text(encoding="utf-8")), path
    assert not pattern.search((REPO / "README.md").read_text(encoding="utf-8"))


def test_an_unknown_id_is_refused_located_with_did_you_mean(tmp_path: Path) -> None:
    pack = extending_pack(tmp_path / "p", rule_text('"pew-2025-social-media-us"'))
    with pytest.raises(RuleError) as caught:
        load_pack(pack)
    problem = caught.value.problems[0]
    assert problem.file is not None and problem.file.endswith("rules.yaml")
    assert problem.line == 8 and problem.field == "source"
    assert problem.rule_id == "people.nurses.video"
    assert "unknown source id 'pew-2025-social-media-us'" in problem.message
    assert "pew-2025-social-media-use" in (problem.hint or "")
    codes = {i.code for i in check_pack(pack).items if i.level == "error"}
    assert codes == {"unknown-source"}


def test_free_text_is_allowed_only_without_a_bibliography_of_ones_own(tmp_path: Path) -> None:
    free = rule_text('"Our 2025 nurse-educator interviews (internal); F3.2 notes"')
    assert load_pack(extending_pack(tmp_path / "a", free)).rule("people.nurses.video")
    with pytest.raises(RuleError, match="is not a source id"):
        load_pack(extending_pack(tmp_path / "b", free, SOURCES))


def test_an_extending_pack_adds_sources_and_cites_both_as_a_list(tmp_path: Path) -> None:
    rules = rule_text("[pew-2025-social-media-use-test, pew-2025-social-media-use]")
    pack = load_pack(extending_pack(tmp_path / "p", rules, SOURCES))
    assert pack.rule("people.nurses.video").meta.source == [
        "pew-2025-social-media-use-test",
        "pew-2025-social-media-use",
    ]
    assert "pew-2025-social-media-use-test" in pack.bibliography
    assert "pew-2025-social-media-use" in pack.bibliography
    # The bibliography is part of the content hash.
    again = extending_pack(tmp_path / "q", rules, SOURCES.replace("A survey", "A survey, v2"))
    assert load_pack(again).content_hash != pack.content_hash


def test_a_duplicate_source_id_is_an_error(tmp_path: Path) -> None:
    inherited = SOURCES.replace("pew-2025-social-media-use-test", "pew-2025-social-media-use")
    with pytest.raises(RuleError) as caught:
        load_pack(extending_pack(tmp_path / "a", rule_text("cdc-guidance-test"), inherited))
    problem = caught.value.problems[0]
    assert "duplicate source id 'pew-2025-social-media-use'" in problem.message
    assert problem.line == 2 and problem.field == "sources[0].id"
    twice = SOURCES + SOURCES.split("\n", 1)[1]
    with pytest.raises(RuleError, match=r"duplicate source id .*sources\.yaml:2"):
        load_pack(extending_pack(tmp_path / "b", rule_text("cdc-guidance-test"), twice))


def test_a_bad_bibliography_entry_is_located_with_did_you_mean(tmp_path: Path) -> None:
    bad = SOURCES.replace("    kind: guidance", "    kinds: guidance")
    with pytest.raises(RuleError) as caught:
        load_pack(extending_pack(tmp_path / "p", rule_text("cdc-guidance-test"), bad))
    text = str(caught.value)
    assert "sources.yaml:15" in text and "kinds" in text and "kind" in text


def test_staleness_warns_with_an_injected_year(tmp_path: Path) -> None:
    rules = rule_text('"pew-2025-social-media-use-test; cdc-guidance-test"')
    pack = extending_pack(tmp_path / "p", rules, SOURCES, "stale_after_years: 10\n")
    fresh = check_pack(pack, today=datetime.date(2020, 1, 1))
    assert [i for i in fresh.items if i.code == "stale-source"] == []
    old = check_pack(pack, today=datetime.date(2021, 1, 1))
    stale = [i for i in old.items if i.code == "stale-source"]
    # The 2001 guidance is not a statistic: only the survey ages.
    assert len(stale) == 1
    message = str(stale[0])
    assert "people.nurses.video" in message and "pew-2025-social-media-use-test" in message
    assert "(2010)" in message and stale[0].problem.line == 1
    # A `dated:` note in the bibliography says why the old source stands.
    noted = SOURCES.replace(
        "    kind: survey\n", '    kind: survey\n    dated: "The latest survey of its kind."\n'
    )
    (pack / "sources.yaml").write_text(noted)
    assert [i for i in check_pack(pack, today=datetime.date(2030, 1, 1)).items
            if i.code == "stale-source"] == []


def test_source_accepts_the_string_and_the_list_form_and_the_schema_says_so() -> None:
    body = {
        "id": "people.nurses.video", "title": "Nurses", "post": "people",
        "because": "Nurses learn from video", "source": "a-b; c-d",
        "when": {"audience": {"segment": "nurses"}},
        "then": [{"score": {"channel": "youtube", "weight": 1}}],
    }
    channels = frozenset({"youtube"})
    assert parse_rule(body, channels).meta.source == ["a-b", "c-d"]
    assert parse_rule({**body, "source": ["a-b"]}, channels).meta.source == ["a-b"]
    source_schema = rule_schema()["$defs"]["rule"]["properties"]["source"]
    types = {option.get("type") for option in source_schema["anyOf"]}
    assert types == {"string", "array"}


@pytest.fixture(scope="module")
def report_json() -> dict:  # type: ignore[type-arg]
    return json.loads(Advisor().assess(PROFILE).to_json())


def test_the_json_names_each_reasons_sources_and_the_entries_used(report_json: dict) -> None:  # type: ignore[type-arg]
    notes = report_json["sources"]
    assert [n["number"] for n in notes] == list(range(1, len(notes) + 1))
    assert set(notes[0]) >= {"number", "id", "title", "publisher", "year", "url", "kind"}
    tiers = ("recommended", "worth_considering", "not_now", "not_recommended")
    reasons = [r for tier in tiers for a in report_json[tier] for r in a["reasons"]]
    cited = [s for f in report_json["findings"] for s in f["sources"]]
    cited += [s for r in reasons for s in r["sources"]]
    cited += [s for section in report_json["sections"] for i in section["items"]
              for s in i["sources"]]
    assert all(r["sources"] for r in reasons)
    first_use = list(dict.fromkeys(cited))
    assert [n["id"] for n in notes] == first_use
    assert report_json["schema_version"] == "2.0"


def test_json_reports_stay_byte_identical() -> None:
    assert Advisor().assess(PROFILE).to_json() == Advisor().assess(PROFILE).to_json()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if found.get("id"):
            self.ids.append(str(found["id"]))


def test_an_html_report_shows_numbered_source_notes_with_links() -> None:
    report = Advisor().assess(PROFILE)
    page = render_html(report)
    parser = _Links()
    parser.feed(page)
    assert '<section id="sources"><h2>Sources</h2>' in page
    for note in report.sources:
        assert f"source-{note.number}" in parser.ids
        assert note.url in parser.hrefs
    assert '<sup class="cite"><a href="#source-1">[1]</a></sup>' in page
    assert all(f"#source-{n.number}" in parser.hrefs for n in report.sources)


def test_a_markdown_report_shows_numbered_source_notes_with_links() -> None:
    report = Advisor().assess(PROFILE)
    text = render_markdown(report)
    head, _, tail = text.partition("\n## Sources\n")
    assert tail, "no Sources section"
    assert "[[1]](#source-1)" in head
    for note in report.sources:
        line = next(x for x in tail.splitlines() if x.startswith(f"{note.number}. "))
        assert f'<a id="source-{note.number}"></a>' in line
        assert str(note.year) in line and f"<{note.url}>" in line


def test_the_rule_base_lists_sources_by_title_and_year_and_ends_with_the_bibliography() -> None:
    text = (REPO / "docs" / "rule-base.md").read_text()
    assert "## Bibliography" in text
    assert "[Americans' Social Media Use 2025 (2025)](#pew-2025-social-media-use)" in text
