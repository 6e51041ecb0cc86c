"""The pack cache on disk: a second load reads the parsed files and the compiled form from it and
gives exactly what a load without it gives; a corrupt, truncated, stale or foreign entry is
ignored and written anew; errors are the same with and without it; it can be turned off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from advisor.engine.compiler import compile_pack, compile_rules
from advisor.errors import RuleError
from advisor.files import cache
from advisor.files.packs import load_pack

PACKS = Path(__file__).resolve().parent / "packs"
MINI = PACKS / "mini"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def _uncached(folder: Path | None, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    with monkeypatch.context() as m:
        m.setenv(cache.CACHE_ENV, "off")
        pack = load_pack(folder)
        return pack, compile_pack(pack)


def _entries(folder: Path) -> dict[str, Path]:
    return {p.name.split("-")[0] + "-" + p.name.split("-")[1]: p for p in folder.glob("*.json")}


@pytest.mark.parametrize("folder", [None, MINI], ids=["shipped", "mini"])
def test_a_second_load_reads_the_cache_and_equals_a_load_without_it(
    folder: Path | None, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want_pack, want_compiled = _uncached(folder, monkeypatch)
    assert not cache_dir.exists()
    first = load_pack(folder)
    compile_pack(first)
    assert sorted(_entries(cache_dir)) == ["compiled-pack", "pack-files"]
    stamps = {p: p.stat().st_mtime_ns for p in cache_dir.glob("*.json")}
    second = load_pack(folder)
    compiled = compile_pack(second)
    assert second == want_pack
    assert compiled == want_compiled
    assert compiled == compile_rules(second.rules, second.manifest.name, second.content_hash)
    # read, not rewritten
    assert {p: p.stat().st_mtime_ns for p in cache_dir.glob("*.json")} == stamps


def _damage(path: Path, how: str) -> None:
    text = path.read_text()
    entry = json.loads(text)
    if how == "truncated":
        path.write_text(text[: len(text) // 2])
    elif how == "garbage":
        path.write_bytes(b"\x00\xffnot json")
    elif how == "another version":
        entry["advisor"] = "0.0.0-other"
        path.write_text(json.dumps(entry))
    elif how == "another key":
        entry["key"] = "0" * 64
        path.write_text(json.dumps(entry))
    elif how == "data changed, digest not":
        entry["data"] = entry["data"].replace('"', "'", 1)
        path.write_text(json.dumps(entry))
    elif how == "valid digest, wrong shape":
        data = json.dumps({"nonsense": True})
        entry["data"] = data
        entry["digest"] = __import__("hashlib").sha256(data.encode()).hexdigest()
        path.write_text(json.dumps(entry))
    elif how == "empty":
        path.write_text("")


@pytest.mark.parametrize(
    "how",
    ["truncated", "garbage", "another version", "another key", "data changed, digest not",
     "valid digest, wrong shape", "empty"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    how: str, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want_pack, want_compiled = _uncached(MINI, monkeypatch)
    compile_pack(load_pack(MINI))
    for path in cache_dir.glob("*.json"):
        _damage(path, how)
    pack = load_pack(MINI)
    assert pack == want_pack
    assert compile_pack(pack) == want_compiled
    # rebuilt: the entries read back whole again
    for name, path in _entries(cache_dir).items():
        key = path.stem.split("-", 2)[2]
        assert cache.read_cached(name, key) is not None, (name, how)


def test_a_compiled_entry_of_other_rules_is_not_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry keyed for this pack whose rules differ (another pack's compiled form) fails the
    check against the pack's rules, and the pack is compiled afresh."""
    pack = load_pack(MINI)
    compiled = compile_pack(pack)
    (entry,) = cache_dir.glob("compiled-pack-*.json")
    other = compile_rules(pack.rules[1:], pack.manifest.name, pack.content_hash)
    from advisor.engine.compiler import to_jsonable

    key = entry.stem.split("-", 2)[2]
    cache.write_cached("compiled-pack", key, to_jsonable(other))
    assert compile_pack(pack) == compiled


def test_an_edited_pack_is_read_afresh(cache_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(MINI, folder)
    before = load_pack(folder)
    rule_file = sorted((folder / "rules").glob("*.yaml"))[0]
    text = rule_file.read_text()
    rule_file.write_text(text.replace("title: ", "title: Edited ", 1))
    after = load_pack(folder)
    assert after.content_hash != before.content_hash
    assert any(r.meta.title.startswith("Edited ") for r in after.rules)


def test_rule_problems_are_the_same_from_the_cache(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack whose files parse but whose rules are wrong: the located problems read from cached
    documents are those of a fresh parse, line for line."""
    folder = tmp_path / "pack"
    shutil.copytree(MINI, folder)
    rule_file = sorted((folder / "rules").glob("*.yaml"))[0]
    rule_file.write_text(rule_file.read_text().replace("post: ", "post: nonsense-", 1))
    with monkeypatch.context() as m:
        m.setenv(cache.CACHE_ENV, "off")
        with pytest.raises(RuleError) as fresh:
            load_pack(folder)
    for _ in range(2):  # the first writes the parsed files, the second reads them
        with pytest.raises(RuleError) as cached:
            load_pack(folder)
        assert [str(p) for p in cached.value.problems] == [str(p) for p in fresh.value.problems]
    assert list(cache_dir.glob("pack-files-*.json"))


def test_off_writes_nothing_and_an_unwritable_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    compile_pack(load_pack(MINI))
    assert cache.cache_folder() is None
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    pack = load_pack(MINI)
    assert compile_pack(pack) == compile_rules(pack.rules, pack.manifest.name, pack.content_hash)


def test_documents_json_would_change_are_not_cached() -> None:
    """Keys that are not text, infinities and paths holding the separator are left out of the
    cache (JSON would give them back changed), so such a pack is parsed every time."""
    assert cache.encode_documents({"a.yaml": ({1: "x"}, {(): 1})}) is None
    assert cache.encode_documents({"a.yaml": ({"x": float("inf")}, {(): 1})}) is None
    assert cache.encode_documents({"a.yaml": ({"x": 1}, {("a\x1fb",): 1})}) is None
    docs = {"a.yaml": ({"x": [1, 2.5, True, None, "t"]}, {(): 1, ("x",): 1, ("x", 0): 1})}
    encoded = cache.encode_documents(docs)
    assert encoded is not None
    assert cache.decode_documents(json.loads(json.dumps(encoded)), ["a.yaml"]) == docs
    assert cache.decode_documents(encoded, ["b.yaml"]) is None
