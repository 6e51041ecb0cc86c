"""The durable_rules adapter and the strata loop: isolation, forward chaining, limits, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from advisor import Advisor, EngineError, RuleError
from advisor.engine import durable as engine
from advisor.engine.compiler import CompiledPack, CompiledRule, Probe, Ref, Test, compile_rules
from advisor.engine.durable import (
    LANE_ID_SPACE,
    DurableMatcher,
    check_limits,
    fnv1a_32,
    ruleset_json,
)
from advisor.engine.inference import infer
from advisor.engine.reference import ReferenceMatcher, reference_fired
from advisor.model.facts import profile_to_facts
from advisor.model.profile import Profile

Make = Callable[..., dict[str, Any]]


def test_forward_chaining_runs_through_three_strata(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    """capacity=low is derived, read by a second rule that derives community=blocked, read by a
    third rule together with a negated profile condition."""
    profile = make_profile(resources={"staff_hours_per_week": 3, "skills": ["writing"]})
    inference = mini_advisor.infer(Profile.model_validate(profile))
    assert mini_advisor.compiled.strata == 3
    assert inference.fired[-3:] == [
        "resources.capacity.low",
        "resources.capacity.low-no-community",
        "resources.capacity.community-note",
    ]
    derived = {
        (f.fields["name"], f.fields["value"]) for f in inference.facts if f.kind == "derived"
    }
    assert derived == {("capacity", "low"), ("community", "blocked")}


def test_negation_over_a_profile_fact_is_a_plain_test_in_the_next_stratum(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    profile = make_profile(
        resources={"staff_hours_per_week": 3}, bottlenecks={"no_social_policy": True}
    )
    fired = mini_advisor.infer(Profile.model_validate(profile)).fired
    assert "resources.capacity.low-no-community" in fired
    assert "resources.capacity.community-note" not in fired


def test_no_rule_matching_is_an_empty_result_not_an_error(make_profile: Make) -> None:
    from tests.conftest import MINI_PACK

    with Advisor(MINI_PACK) as advisor:
        profile = make_profile(audiences=[{"segment": "donors_small"}])
        report = advisor.assess(profile)
    assert report.recommended == []
    assert report.fired_rules == []


def test_assessments_are_isolated_a_b_a_gives_the_same_report(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    a = make_profile(objectives=[{"kind": "talking", "goal": "be seen"}])
    b = make_profile(
        audiences=[{"segment": "nurses"}],
        resources={"staff_hours_per_week": 2},
        bottlenecks={"approval_days": 10},
    )
    first = mini_advisor.assess(a).to_json()
    middle = mini_advisor.assess(b).to_json()
    assert mini_advisor.assess(a).to_json() == first
    assert middle != first


def test_durable_and_reference_agree_on_the_mini_pack(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    profiles = [
        make_profile(),
        make_profile(resources={"staff_hours_per_week": 1}),
        make_profile(objectives=[], bottlenecks={"approval_days": 3}),
        make_profile(
            audiences=[{"segment": "nurses"}, {"segment": "physicians"}],
            technology={"required_channels": ["x_twitter"]},
            objectives=[{"kind": "energizing", "goal": "g"}],
        ),
    ]
    for data in profiles:
        facts = profile_to_facts(Profile.model_validate(data))
        rules = {r.id: r for r in mini_advisor.pack.rules}
        engine = infer(mini_advisor.compiled, rules, facts, mini_advisor._matcher)
        reference = infer(
            mini_advisor.compiled, rules, facts, ReferenceMatcher(mini_advisor.compiled)
        )
        assert engine.fired == reference_fired(mini_advisor.compiled, rules, facts)[0]
        assert engine.hits == reference.hits


def test_two_packs_live_in_one_process(make_profile: Make) -> None:
    from tests.conftest import MINI_PACK

    with Advisor(MINI_PACK) as mini, Advisor() as default:
        one = mini.assess(make_profile()).pack.name
        two = default.assess(make_profile()).pack.name
    assert (one, two) == ("mini", "healthcare-social")


def test_a_closed_advisor_refuses_to_assess(make_profile: Make) -> None:
    from tests.conftest import MINI_PACK

    advisor = Advisor(MINI_PACK)
    advisor.close()
    advisor.close()  # closing twice is harmless
    with pytest.raises(EngineError, match="closed"):
        advisor.assess(make_profile())


def _pack(probes: list[Probe], rules: list[CompiledRule]) -> CompiledPack:
    return CompiledPack("t", "", tuple(probes), tuple(rules), 1)


def test_too_many_distinct_tests_under_one_node_is_refused_not_a_hang() -> None:
    """513 rules testing different values of one field first make create_ruleset loop forever;
    the adapter must refuse before calling it."""
    probes = [Probe(f"p{i}", "audience", ((Test("size", "eq", i),),)) for i in range(520)]
    rules = [CompiledRule(f"r.x.r{i}", i, 0, (f"p{i}",), Ref(f"p{i}"), False) for i in range(520)]
    with pytest.raises(RuleError, match="share one durable_rules network node"):
        check_limits(ruleset_json(_pack(probes, rules)))


def test_more_sibling_tests_than_one_fact_may_match_is_refused() -> None:
    probes = [
        Probe(f"p{i}", "resources", ((Test("sme_hours_per_month", "gt", i),),)) for i in range(70)
    ]
    rules = [CompiledRule(f"r.x.r{i}", i, 0, (f"p{i}",), Ref(f"p{i}"), False) for i in range(70)]
    with pytest.raises(RuleError, match="sibling tests"):
        check_limits(ruleset_json(_pack(probes, rules)))


def test_equality_tests_on_one_field_do_not_count_as_simultaneous_matches() -> None:
    probes = [Probe(f"p{i}", "audience", ((Test("size", "eq", i),),)) for i in range(100)]
    rules = [CompiledRule(f"r.x.r{i}", i, 0, (f"p{i}",), Ref(f"p{i}"), False) for i in range(100)]
    check_limits(ruleset_json(_pack(probes, rules)))


def test_oversize_text_is_refused_before_the_engine_sees_it(mini_advisor: Advisor) -> None:
    from advisor.model.facts import Fact

    huge = Fact("f0", "organization", {"name": "x" * 70_000, "type": "hospital"}, "organization")
    with pytest.raises(EngineError, match="64 KiB"), mini_advisor._matcher.session() as session:
        session.match_facts([huge])


def test_lane_fact_ids_never_share_the_engines_hash() -> None:
    """Lanes number their facts "0", "1", ...: the engine keys facts by FNV-1a of the id, so the
    whole id space must be free of collisions (or a fact would be silently dropped)."""
    assert fnv1a_32("") == 0x811C9DC5
    assert fnv1a_32("a") == 0xE40C292C  # FNV-1a reference value
    hashes = {fnv1a_32(str(n)) for n in range(LANE_ID_SPACE)}
    assert len(hashes) == LANE_ID_SPACE


def _reference_fired(advisor: Advisor, profile: dict[str, Any]) -> list[str]:
    rules = {r.id: r for r in advisor.pack.rules}
    facts = profile_to_facts(Profile.model_validate(profile))
    return reference_fired(advisor.compiled, rules, facts)[0]


def _varied(make_profile: Make) -> list[dict[str, Any]]:
    return [
        make_profile(),
        make_profile(resources={"staff_hours_per_week": 3, "skills": ["writing"]}),
        make_profile(objectives=[], bottlenecks={"approval_days": 3}),
        make_profile(audiences=[{"segment": "nurses"}, {"segment": "physicians"}]),
        make_profile(audiences=[{"segment": "donors_small"}]),
    ]


def test_a_full_lane_is_retired_and_assessments_stay_exact(
    make_profile: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a tiny fact budget the lanes retire every assessment or two; answers do not change."""
    from tests.conftest import MINI_PACK

    monkeypatch.setattr(engine, "LANE_FACT_BUDGET", 12)
    profiles = _varied(make_profile)
    with Advisor(MINI_PACK) as advisor:
        expected = [_reference_fired(advisor, p) for p in profiles]
        sids = set()
        for round_ in range(30):
            index = (round_ * 3) % len(profiles)
            assert advisor.infer(Profile.model_validate(profiles[index])).fired == expected[index]
            lane = advisor._matcher.lanes[0]
            sids.add(lane.sid)
            facts = len(profile_to_facts(Profile.model_validate(profiles[index])))
            assert lane.stored <= max(lane.budget, facts)
    assert lane.budget < 60 and len(sids) > 10


def test_a_lane_serves_many_assessments_and_old_facts_never_fire_again(make_profile: Make) -> None:
    from tests.conftest import MINI_PACK

    profiles = _varied(make_profile)
    with Advisor(MINI_PACK) as advisor:
        expected = [_reference_fired(advisor, p) for p in profiles]
        lane = advisor._matcher.lanes[0]
        for round_ in range(40):
            index = round_ % len(profiles)
            assert advisor.infer(Profile.model_validate(profiles[index])).fired == expected[index]
            if round_ == 0:
                sid = lane.sid
        assert lane.sid == sid  # one session served all forty
        assert lane.stored > 40


def test_a_failed_assessment_retires_its_lanes(
    mini_advisor: Advisor, make_profile: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = make_profile()
    expected = _reference_fired(mini_advisor, profile)
    mini_advisor.infer(Profile.model_validate(profile))
    monkeypatch.setattr(engine, "MAX_ACTIONS", 2)
    with pytest.raises(EngineError, match="more than 2 rule activations"):
        mini_advisor.infer(Profile.model_validate(profile))
    assert mini_advisor._matcher.lanes[0].sid == ""  # half-run facts and actions are gone
    monkeypatch.undo()
    assert mini_advisor.infer(Profile.model_validate(profile)).fired == expected


def test_a_lane_whose_state_fact_would_collide_starts_another_session(
    make_profile: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine stores each session's state fact under "sid-<sid>": a fact id with the same
    hash would be dropped, so a lane never uses such a sid."""
    from tests.conftest import MINI_PACK

    real = engine.fnv1a_32
    colliding = real("3")
    state_ids: list[str] = []

    def fake(text: str) -> int:
        if text.startswith("sid-"):
            state_ids.append(text)
            return colliding if len(state_ids) == 1 else real(text)
        return real(text)

    monkeypatch.setattr(engine, "fnv1a_32", fake)
    with Advisor(MINI_PACK) as advisor:
        profile = make_profile()
        assert advisor.infer(Profile.model_validate(profile)).fired == _reference_fired(
            advisor, profile
        )
        assert f"sid-{advisor._matcher.lanes[0].sid}" == state_ids[1]
    assert len(state_ids) == 2  # the first sid was passed over for the next


def test_every_profile_part_becomes_facts_with_paths(make_profile: Make) -> None:
    profile = Profile.model_validate(
        make_profile(
            pain_points=["misinformation"],
            technology={"current_channels": [{"channel": "youtube"}]},
        )
    )
    facts = profile_to_facts(profile)
    kinds = [f.kind for f in facts]
    assert kinds == [
        "organization",
        "audience",
        "objective",
        "strategy",
        "channel",
        "resources",
        "bottlenecks",
        "pain_point",
        "summary",
    ]
    summary = facts[-1]
    assert summary.fields["measurable_objective_count"] == 1
    assert summary.path_of("measurable_objective_count") == "objectives[*].measurable"
    assert facts[1].path_of("segment") == "audiences[0].segment"


def test_compiled_rules_share_probes_between_rules(mini_advisor: Advisor) -> None:
    compiled = compile_rules(mini_advisor.pack.rules)
    physician_probes = [
        p
        for p in compiled.probes
        if p.kind == "audience" and p.clauses == ((Test("segment", "eq", "physicians"),),)
    ]
    assert len(physician_probes) == 1


def test_matcher_builds_from_compiled_pack_and_frees_it(mini_advisor: Advisor) -> None:
    matcher = DurableMatcher(mini_advisor.compiled)
    matcher.close()
    assert matcher.closed


def test_a_fact_with_more_properties_than_the_engine_allows_is_refused(
    mini_advisor: Advisor,
) -> None:
    from advisor.model.facts import Fact

    wide = Fact("f0", "organization", {f"k{i}": i for i in range(260)}, "organization")
    with (
        pytest.raises(EngineError, match="more than 252 properties"),
        mini_advisor._matcher.session() as session,
    ):
        session.match_facts([wide])


def test_durable_rules_holds_probes_only_and_rules_combine_them(
    mini_advisor: Advisor, make_profile: Make
) -> None:
    """durable_rules matches every probe and nothing else (no ruleset of rules to hold in
    memory); inference combines the matches, single probes and formulas alike."""
    compiled = mini_advisor.compiled
    in_rulesets = {name for shard in ruleset_json(compiled) for name in shard}
    assert in_rulesets == {p.id for p in compiled.probes} | {engine.STATE_RULE}
    one_probe = {r.id for r in compiled.rules if r.is_one_probe}
    combined = {r.id for r in compiled.rules if not r.is_one_probe}
    profile = make_profile(resources={"staff_hours_per_week": 3, "skills": ["writing"]})
    fired = mini_advisor.infer(Profile.model_validate(profile)).fired
    assert fired == _reference_fired(mini_advisor, profile)
    assert set(fired) & one_probe and set(fired) & combined


def test_a_lane_past_its_byte_budget_is_retired_and_assessments_stay_exact(
    make_profile: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lanes retire by the bytes of facts they hold, not only by their count: with a tiny byte
    budget they retire every assessment or two, never hold more than one assertion past it,
    and answers do not change."""
    from tests.conftest import MINI_PACK

    monkeypatch.setattr(engine, "LANE_BYTE_BUDGET", 3_000)
    profiles = _varied(make_profile)
    with Advisor(MINI_PACK) as advisor:
        expected = [_reference_fired(advisor, p) for p in profiles]
        lane = advisor._matcher.lanes[0]
        sids, largest = set(), 0
        for round_ in range(30):
            index = (round_ * 3) % len(profiles)
            assert advisor.infer(Profile.model_validate(profiles[index])).fired == expected[index]
            sids.add(lane.sid)
            largest = max(largest, lane.bytes)
            assert lane.stored < lane.budget  # the fact count is not what retired it
        assert largest <= 3_000 and len(sids) > 10


def test_the_id_hash_memo_stays_aligned_when_advisors_in_threads_grow_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lanes of different Advisors (different locks) share one memo of id hashes: it must never
    hold an id's hash at another id's place."""
    import sys
    import threading

    monkeypatch.setattr(engine, "_id_hashes", [])
    start = threading.Barrier(8)

    def grow() -> None:
        start.wait()
        for stop in range(0, 3000, 7):
            engine._hashes_of_ids(0, stop)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races would show
    try:
        threads = [threading.Thread(target=grow) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert engine._id_hashes == [fnv1a_32(str(n)) for n in range(len(engine._id_hashes))]
    assert len(engine._id_hashes) >= 2994


def test_an_advisor_dropped_without_close_frees_its_rulesets() -> None:
    """A service that builds Advisors and forgets close() must not leak durable_rules memory."""
    import gc

    from tests.conftest import MINI_PACK

    finalizers = []
    for _ in range(5):
        advisor = Advisor(MINI_PACK)
        finalizers.append(advisor._matcher._free)
        del advisor
    gc.collect()
    assert not any(f.alive for f in finalizers)
    closed = Advisor(MINI_PACK)
    closed.close()
    assert not closed._matcher._free.alive  # close() frees once; collection does nothing more
