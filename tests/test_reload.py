"""Hot reload: an embedded Advisor picks up an edited rule pack without a restart, refuses a
broken one while it keeps answering, and never mixes two packs in one report."""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advisor import Advisor, InputError, RuleError, load_pack
from advisor.errors import EngineError

from .conftest import MINI_PACK

Make = Callable[..., dict[str, Any]]
PEOPLE = Path("rules") / "people.yaml"
FLIPS = 100


def _pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(MINI_PACK, folder)
    return folder


def _set_linkedin_weight(folder: Path, weight: int) -> None:
    path = folder / PEOPLE
    text = path.read_text()
    start = text.index("{channel: linkedin, weight: ") + len("{channel: linkedin, weight: ")
    end = text.index("}", start)
    path.write_text(text[:start] + str(weight) + text[end:])


def test_reload_swaps_in_an_edited_pack_and_says_whether_it_changed(
    tmp_path: Path, make_profile: Make
) -> None:
    folder = _pack(tmp_path)
    profile = make_profile()
    with Advisor(folder) as advisor:
        before = advisor.assess(profile)
        assert advisor.reload() is False  # nothing changed on disk
        assert advisor.assess(profile).to_json() == before.to_json()
        old_matcher = advisor._matcher
        _set_linkedin_weight(folder, 1)
        assert advisor.reload() is True
        after = advisor.assess(profile)
        assert old_matcher.closed, "the old pack's rulesets are freed"
    assert after.pack.content_hash == load_pack(folder).content_hash != before.pack.content_hash
    linkedin_before = before.channel("linkedin")
    linkedin_after = after.channel("linkedin")
    assert linkedin_before is not None and linkedin_after is not None
    assert linkedin_after.score < linkedin_before.score


def test_a_broken_pack_is_refused_with_located_errors_and_the_old_one_keeps_answering(
    tmp_path: Path, make_profile: Make
) -> None:
    folder = _pack(tmp_path)
    profile = make_profile()
    with Advisor(folder) as advisor:
        expected = advisor.assess(profile).to_json()
        path = folder / PEOPLE
        path.write_text(path.read_text().replace("segment: physicians", "segmnt: physicians", 1))
        with pytest.raises(RuleError) as err:
            advisor.reload()
        problem = err.value.problems[0]
        assert problem.file is not None and problem.file.endswith("people.yaml")
        assert problem.line == 6 and "did you mean 'segment'?" in str(problem)
        assert advisor.assess(profile).to_json() == expected


def test_reload_needs_a_folder_and_an_open_advisor(tmp_path: Path) -> None:
    with Advisor(load_pack(MINI_PACK)) as from_object, pytest.raises(InputError, match="RulePack"):
        from_object.reload()
    advisor = Advisor(_pack(tmp_path))
    advisor.close()
    with pytest.raises(EngineError, match="closed"):
        advisor.reload()


def test_assessments_during_reloads_each_come_whole_from_one_pack(
    tmp_path: Path, make_profile: Make
) -> None:
    """4 threads assess while another flips the pack between two versions: every report is
    exactly the one its pack (by content hash) gives, and none fails."""
    folder = _pack(tmp_path)
    profile = make_profile()
    expected: dict[str, str] = {}
    for weight in (3, 1):
        _set_linkedin_weight(folder, weight)
        with Advisor(folder) as solo:
            report = solo.assess(profile)
            expected[report.pack.content_hash] = report.to_json()
    assert len(expected) == 2
    wrong: list[str] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    with Advisor(folder) as advisor:

        def assess() -> None:
            try:
                while not stop.is_set():
                    report = advisor.assess(profile)
                    if report.to_json() != expected[report.pack.content_hash]:
                        wrong.append(report.pack.content_hash)
            except BaseException as err:
                errors.append(err)

        threads = [threading.Thread(target=assess) for _ in range(4)]
        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-5)  # interleave often: a swap must land mid-assessment
        try:
            for t in threads:
                t.start()
            for flip in range(FLIPS):
                _set_linkedin_weight(folder, 3 if flip % 2 == 0 else 1)  # the folder starts at 1
                assert advisor.reload() is True
        finally:
            stop.set()
            for t in threads:
                t.join()
            sys.setswitchinterval(interval)
    assert errors == [] and wrong == []
