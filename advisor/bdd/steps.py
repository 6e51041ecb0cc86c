"""The shipped steps. Each goes through the public API (`advisor.Advisor`); wording is kept
consistent: quoted values are names from the vocabulary, lists are written "a, b and c"."""

from __future__ import annotations

from typing import Any

from advisor.bdd.registry import step
from advisor.bdd.world import UNSET, StepProblem, World, split_list
from advisor.errors import AdvisorError
from advisor.files.profiles import load_profile
from advisor.model.report import ChannelAdvice, Report
from advisor.model.suggest import did_you_mean

START = "Starting a profile"
ORG = "The organization"
PEOPLE = "Audiences"
OBJ = "Objectives and strategy"
RES = "Resources and bottlenecks"
PAIN = "Pain points and constraints"
TECH = "Channels already run or demanded"
GENERIC = "Any profile field"
PACK = "The rule pack"
ASSESS = "Assessing"
RULES = "Rules"
RANK = "Channels"
FIND = "Findings and readiness"
REASON = "Reasons, KPIs and preconditions"
PLAN = "The resource plan"

DEFAULT_NAME = "Example organization"
MEASURE = {"metric": "to be agreed", "target": 1, "deadline": "2030-12-31"}


# ================================================================ starting a profile


@step(
    "given",
    'the profile "{path:Text}"',
    example='Given the profile "profiles/medical-association.yaml"',
    doc="Start from a profile file (YAML or JSON), found next to the feature file or from the "
    "project root. The file is validated as it loads.",
    section=START,
)
def _profile_file(advisor_world: World, path: str) -> None:
    found = advisor_world.locate(path, "profile file")
    loaded = load_profile(found)
    advisor_world.profile = loaded.profile.model_dump(
        mode="json", exclude_computed_fields=True, exclude_defaults=True
    )
    advisor_world.profile.setdefault("organization", {})
    advisor_world.profile["organization"]["type"] = loaded.profile.organization.type
    advisor_world.profile["organization"]["name"] = loaded.profile.organization.name
    advisor_world.origins.clear()


@step(
    "given",
    'a minimal "{org_type:Text}" profile',
    example='Given a minimal "medical_association" profile',
    doc="Start from a profile with only an organization of this type (no audiences, objectives, "
    "staff hours or channels). The type is checked when the advisor assesses.",
    section=START,
)
def _minimal(advisor_world: World, org_type: str) -> None:
    advisor_world.profile = {"organization": {"name": DEFAULT_NAME, "type": org_type}}
    advisor_world.origins["organization"] = advisor_world.step_line


# ================================================================ organization


@step(
    "given",
    "the organization's {field:w} is {value:Value}",
    example='And the organization\'s size is "large"',
    doc="Set one field of the organization (name, type, size, country, hipaa_covered, "
    "accredited_cme_provider, accepts_commercial_support, promotes_regulated_products, "
    "emergency_role, direct_patient_contact). true/false for yes/no fields.",
    section=ORG,
)
def _org_field(advisor_world: World, field: str, value: str) -> None:
    advisor_world.set(["organization", field], value)


@step(
    "given",
    'the organization is "{flag:Text}"',
    example='And the organization is "hipaa_covered"',
    doc="Turn on a yes/no field of the organization, e.g. hipaa_covered, "
    "accredited_cme_provider, emergency_role.",
    section=ORG,
)
def _org_flag(advisor_world: World, flag: str) -> None:
    advisor_world.set(["organization", flag], "true")


@step(
    "given",
    'the organization is not "{flag:Text}"',
    example='And the organization is not "accepts_commercial_support"',
    doc="Turn off a yes/no field of the organization.",
    section=ORG,
)
def _org_not_flag(advisor_world: World, flag: str) -> None:
    advisor_world.set(["organization", flag], "false")


# ================================================================ audiences


def _table(datatable: list[list[str]], what: str) -> list[dict[str, str]]:
    if not datatable or len(datatable) < 2:
        raise StepProblem(f"the {what} table needs a header row and at least one row")
    header = [h.strip() for h in datatable[0]]
    return [dict(zip(header, (c.strip() for c in row), strict=True)) for row in datatable[1:]]


def _append_rows(world: World, list_path: str, rows: list[dict[str, str]]) -> None:
    for row in rows:
        index = world.append(list_path, {})
        for key, value in row.items():
            if value != "":
                world.set(f"{list_path}[{index}].{key}", value)


@step(
    "given",
    'an audience of "{segment:Text}"',
    example='And an audience of "physicians"',
    doc="Add an audience segment (physicians, nurses, patients_chronic, caregivers, members, ...).",
    section=PEOPLE,
)
def _audience(advisor_world: World, segment: str) -> None:
    advisor_world.append("audiences", {"segment": segment})


@step(
    "given",
    'an audience of "{segment:Text}" on "{platforms:Text}"',
    example='And an audience of "physicians" on "linkedin and doximity"',
    doc="Add an audience segment together with the channels it already uses.",
    section=PEOPLE,
)
def _audience_on(advisor_world: World, segment: str, platforms: str) -> None:
    index = advisor_world.append("audiences", {"segment": segment})
    advisor_world.set(f"audiences[{index}].platforms", platforms)


@step(
    "given",
    "the audiences:",
    example="And the audiences:",
    doc="Add audiences from a table; columns are audience fields (segment, name, ages, "
    "career_stage, size, platforms, participation, need_to_connect); lists are comma-separated.",
    section=PEOPLE,
    table="| segment    | ages         | platforms          | participation |\n"
    "| physicians | 30-49, 50-64 | linkedin, doximity | spectators    |\n"
    "| students   | 18-29        | instagram          | creators      |",
)
def _audiences(advisor_world: World, datatable: list[list[str]]) -> None:
    _append_rows(advisor_world, "audiences", _table(datatable, "audiences"))


@step(
    "given",
    "the organization has no audiences",
    example="And the organization has no audiences",
    doc="Remove every audience.",
    section=PEOPLE,
)
def _no_audiences(advisor_world: World) -> None:
    advisor_world.set("audiences", [], raw=True)


# ================================================================ objectives, strategy


def _objective(world: World, kind: str, measurable: bool, focus: str | None = None) -> None:
    entry: dict[str, Any] = {"kind": kind, "goal": f"A {kind} objective"}
    if focus is not None:
        entry["focus"] = focus
    if measurable:
        entry.update(MEASURE)
    world.append("objectives", entry)


@step(
    "given",
    'a measurable "{kind:Text}" objective',
    example='And a measurable "talking" objective',
    doc="Add an objective (listening, talking, energizing, supporting, embracing) that names a "
    "metric, a target and a deadline.",
    section=OBJ,
)
def _measurable(advisor_world: World, kind: str) -> None:
    _objective(advisor_world, kind, True)


@step(
    "given",
    'a measurable "{kind:Text}" objective for "{focus:Text}"',
    example='And a measurable "energizing" objective for "cme_enrolment"',
    doc="Add a measurable objective with a focus (cme_enrolment, member_engagement, "
    "patient_education, fundraising, ...).",
    section=OBJ,
)
def _measurable_focus(advisor_world: World, kind: str, focus: str) -> None:
    _objective(advisor_world, kind, True, focus)


@step(
    "given",
    'a "{kind:Text}" objective with no measure',
    example='And a "talking" objective with no measure',
    doc="Add an objective with a goal but no metric, target or deadline.",
    section=OBJ,
)
def _unmeasured(advisor_world: World, kind: str) -> None:
    _objective(advisor_world, kind, False)


@step(
    "given",
    'a "{kind:Text}" objective for "{focus:Text}" with no measure',
    example='And a "talking" objective for "awareness" with no measure',
    doc="Add an objective with a focus but no metric, target or deadline.",
    section=OBJ,
)
def _unmeasured_focus(advisor_world: World, kind: str, focus: str) -> None:
    _objective(advisor_world, kind, False, focus)


@step(
    "given",
    "the objectives:",
    example="And the objectives:",
    doc="Add objectives from a table; columns are objective fields (kind, goal, focus, metric, "
    "target, deadline). An objective is measurable when it has metric, target and deadline.",
    section=OBJ,
    table="| kind       | goal            | focus         | metric     | target | deadline   |\n"
    "| energizing | Fill CME places | cme_enrolment | enrolments | 500    | 2026-12-31 |\n"
    "| talking    | Be more visible | awareness     |            |        |            |",
)
def _objectives(advisor_world: World, datatable: list[list[str]]) -> None:
    _append_rows(advisor_world, "objectives", _table(datatable, "objectives"))


@step(
    "given",
    "the organization has no objectives",
    example="And the organization has no objectives",
    doc="Remove every objective.",
    section=OBJ,
)
def _no_objectives(advisor_world: World) -> None:
    advisor_world.set("objectives", [], raw=True)


@step(
    "given",
    "the organization has no measurable objectives",
    example="And the organization has no measurable objectives",
    doc="Keep the objectives but remove their metric, target and deadline.",
    section=OBJ,
)
def _none_measurable(advisor_world: World) -> None:
    for i, _ in enumerate(advisor_world.get("objectives") or []):
        for name in ("metric", "target", "deadline"):
            advisor_world.set(f"objectives[{i}].{name}", UNSET)


@step(
    "given",
    "every objective is measurable",
    example="And every objective is measurable",
    doc="Give every objective a metric, a target and a deadline where it lacks one.",
    section=OBJ,
)
def _all_measurable(advisor_world: World) -> None:
    for i, objective in enumerate(advisor_world.get("objectives") or []):
        for name, value in MEASURE.items():
            if objective.get(name) is None:
                advisor_world.set(f"objectives[{i}].{name}", value, raw=True)


@step(
    "given",
    "the strategy's {field:w} is {value:Value}",
    example='And the strategy\'s approach is "join"',
    doc="Set a field of the strategy: approach (build, join, undecided), scope (pilot, program), "
    "relationship_change (text).",
    section=OBJ,
)
def _strategy(advisor_world: World, field: str, value: str) -> None:
    advisor_world.set(["strategy", field], value)


# ================================================================ resources, bottlenecks


@step(
    "given",
    "the team has {hours:Number} staff hours per week",
    example="And the team has 4 staff hours per week",
    doc="Set the staff hours per week available for social media.",
    section=RES,
)
def _hours(advisor_world: World, hours: float) -> None:
    advisor_world.set("resources.staff_hours_per_week", hours, raw=True)


@step(
    "given",
    'the team has the skills "{skills:Text}"',
    example='And the team has the skills "writing, design and video"',
    doc="Set the team's skills (writing, design, video, audio, analytics, community_management, "
    "paid_media, live_events).",
    section=RES,
)
def _skills(advisor_world: World, skills: str) -> None:
    advisor_world.set("resources.skills", skills)


@step(
    "given",
    "the team has no skills",
    example="And the team has no skills",
    doc="Remove every skill.",
    section=RES,
)
def _no_skills(advisor_world: World) -> None:
    advisor_world.set("resources.skills", [], raw=True)


@step(
    "given",
    "there is an executive sponsor",
    example="And there is an executive sponsor",
    doc="An executive sponsors the social-media work.",
    section=RES,
)
def _sponsor(advisor_world: World) -> None:
    advisor_world.set("resources.executive_sponsor", True, raw=True)


@step(
    "given",
    "there is no executive sponsor",
    example="And there is no executive sponsor",
    doc="No executive sponsors the social-media work.",
    section=RES,
)
def _no_sponsor(advisor_world: World) -> None:
    advisor_world.set("resources.executive_sponsor", False, raw=True)


@step(
    "given",
    "the resources' {field:w} is {value:Value}",
    example='And the resources\' moderation is "business_hours"',
    doc="Set any field of the resources: staff_hours_per_week, skills, budget_per_year, "
    "executive_sponsor, sme_hours_per_month, moderation.",
    section=RES,
)
def _resource_field(advisor_world: World, field: str, value: str) -> None:
    advisor_world.set(["resources", field], value)


@step(
    "given",
    "content approval takes {days:Number} days",
    example="And content approval takes 14 days",
    doc="Set how many days a post waits for approval (bottlenecks.approval_days).",
    section=RES,
)
def _approval(advisor_world: World, days: float) -> None:
    advisor_world.set("bottlenecks.approval_days", days, raw=True)


@step(
    "given",
    'the bottleneck "{names:Text}" applies',
    example='And the bottleneck "no_analytics" applies',
    doc="Turn on bottlenecks (legal_review_required, no_analytics, it_blocks_social, cms_limits, "
    "scattered_accounts, no_social_policy, no_crisis_plan).",
    section=RES,
)
@step(
    "given",
    'the bottlenecks "{names:Text}" apply',
    example='And the bottlenecks "no_analytics and no_social_policy" apply',
    doc="Turn on several bottlenecks at once.",
    section=RES,
)
def _bottlenecks(advisor_world: World, names: str) -> None:
    for name in split_list(names):
        advisor_world.set(["bottlenecks", name], "true")


@step(
    "given",
    'the bottleneck "{name:Text}" does not apply',
    example='And the bottleneck "legal_review_required" does not apply',
    doc="Turn off one bottleneck.",
    section=RES,
)
def _no_bottleneck(advisor_world: World, name: str) -> None:
    advisor_world.set(["bottlenecks", name], "false")


# ================================================================ pain points, constraints


@step(
    "given",
    'the pain points include "{names:Text}"',
    example='And the pain points include "cme_enrolment_low and misinformation"',
    doc="Add pain points (member_engagement_low, cme_enrolment_low, misinformation, "
    "online_reviews, fundraising, ...).",
    section=PAIN,
)
def _pains(advisor_world: World, names: str) -> None:
    current = list(advisor_world.get("pain_points") or [])
    advisor_world.set("pain_points", current + split_list(names), raw=True)


@step(
    "given",
    "the organization has no pain points",
    example="And the organization has no pain points",
    doc="Remove every pain point.",
    section=PAIN,
)
def _no_pains(advisor_world: World) -> None:
    advisor_world.set("pain_points", [], raw=True)


@step(
    "given",
    'the constraints include "{names:Text}"',
    example='And the constraints include "hipaa_phi"',
    doc="Add constraints (hipaa_phi, fda_promotion, accme_independence, "
    "commercial_support_separation, professional_ethics, learner_data_privacy, "
    "platform_volatility).",
    section=PAIN,
)
def _constraints(advisor_world: World, names: str) -> None:
    current = list(advisor_world.get("constraints") or [])
    advisor_world.set("constraints", current + split_list(names), raw=True)


@step(
    "given",
    "the organization has no constraints",
    example="And the organization has no constraints",
    doc="Remove every constraint.",
    section=PAIN,
)
def _no_constraints(advisor_world: World) -> None:
    advisor_world.set("constraints", [], raw=True)


# ================================================================ channels run or demanded


@step(
    "given",
    'the organization has to be on "{channels:Text}"',
    example='And the organization has to be on "x_twitter"',
    doc="Channels someone demands regardless of the method (technology.required_channels).",
    section=TECH,
)
def _required(advisor_world: World, channels: str) -> None:
    current = list(advisor_world.get("technology.required_channels") or [])
    advisor_world.set("technology.required_channels", current + split_list(channels), raw=True)


@step(
    "given",
    'the organization already runs "{channel:Text}"',
    example='And the organization already runs "facebook_page"',
    doc="A channel the organization runs today, with unknown results.",
    section=TECH,
)
def _runs(advisor_world: World, channel: str) -> None:
    advisor_world.append("technology.current_channels", {"channel": channel})


@step(
    "given",
    'the organization already runs "{channel:Text}" with "{result:Text}" results',
    example='And the organization already runs "facebook_page" with "poor" results',
    doc="A channel run today and what it returned (none, poor, fair, good, unknown).",
    section=TECH,
)
def _runs_with(advisor_world: World, channel: str, result: str) -> None:
    advisor_world.append("technology.current_channels", {"channel": channel, "result": result})


@step(
    "given",
    "the current channels:",
    example="And the current channels:",
    doc="Channels run today, from a table; columns are channel, result, followers, "
    "posts_per_week.",
    section=TECH,
    table="| channel       | result | followers | posts_per_week |\n"
    "| facebook_page | poor   | 1200      | 2              |",
)
def _current_table(advisor_world: World, datatable: list[list[str]]) -> None:
    _append_rows(advisor_world, "technology.current_channels", _table(datatable, "channels"))


@step(
    "given",
    "the organization runs no channels",
    example="And the organization runs no channels",
    doc="Remove every channel run today and every demanded channel.",
    section=TECH,
)
def _no_channels(advisor_world: World) -> None:
    advisor_world.set("technology.current_channels", [], raw=True)
    advisor_world.set("technology.required_channels", [], raw=True)


# ================================================================ generic setters


@step(
    "given",
    '"{path:Text}" is {value:Value}',
    example='And "resources.staff_hours_per_week" is 4',
    doc="Set any profile field by its dotted path (list entries as `audiences[0].platforms`); "
    "the path is checked against the profile model, with the nearest field names when it is "
    "wrong. Lists are written \"a, b and c\".",
    section=GENERIC,
)
def _set_path(advisor_world: World, path: str, value: str) -> None:
    advisor_world.set(path, value)


@step(
    "given",
    '"{path:Text}" is unset',
    example='And "objectives[0].deadline" is unset',
    doc="Remove a profile field (it takes its default, or is absent).",
    section=GENERIC,
)
def _unset_path(advisor_world: World, path: str) -> None:
    advisor_world.set(path, UNSET)


@step(
    "given",
    "the profile has:",
    example="And the profile has:",
    doc="Set several profile fields from a two-column table of path and value.",
    section=GENERIC,
    table="| path                            | value |\n"
    "| resources.staff_hours_per_week  | 4     |\n"
    "| bottlenecks.approval_days       | 21    |",
)
def _profile_table(advisor_world: World, datatable: list[list[str]]) -> None:
    for row in _table(datatable, "profile"):
        if set(row) != {"path", "value"}:
            raise StepProblem("the profile table has the columns: path | value")
        advisor_world.set(row["path"], row["value"])


# ================================================================ rule pack


@step(
    "given",
    "the default rule pack",
    example="Given the default rule pack",
    doc="Assess with the rule pack shipped with the advisor (also what happens when no pack "
    "is named).",
    section=PACK,
)
def _default_pack(advisor_world: World) -> None:
    advisor_world.pack = None


@step(
    "given",
    'the rule pack "{folder:Text}"',
    example='Given the rule pack "my-pack"',
    doc="Assess with a rule pack folder (next to the feature file, or from the project root). "
    "A pack whose pack.yaml says `extends: default` adds its rules to the shipped ones.",
    section=PACK,
)
def _pack(advisor_world: World, folder: str) -> None:
    found = advisor_world.locate(folder, "rule pack folder")
    if not found.is_dir():
        raise StepProblem(f"rule pack '{folder}' is not a folder")
    advisor_world.pack = found


# ================================================================ assessing


@step(
    "when",
    "the advisor assesses the profile",
    example="When the advisor assesses the profile",
    doc="Validate the profile and assess it. A rejected profile is kept for "
    "'Then the profile is rejected'; every other Then step fails with the reasons.",
    section=ASSESS,
)
def _assess(advisor_world: World, advisor_pool: Any) -> None:
    advisor = advisor_pool.get(advisor_world.pack)
    advisor_world.rule_ids = {r.id for r in advisor.pack.rules}
    advisor_world.pack_label = advisor.pack.manifest.name
    advisor_world.channel_ids = set(advisor.pack.channels)
    advisor_world.report = None
    advisor_world.error = None
    advisor_world.assessed = True
    try:
        report = advisor.assess(advisor_world.need_profile())
    except AdvisorError as err:
        advisor_world.error = err
        return
    advisor_world.report = report
    advisor_world.evaluated = True
    advisor_world.fired |= set(report.fired_rules)


@step(
    "then",
    'the report names the rule pack "{name:Text}"',
    example='Then the report names the rule pack "healthcare-social"',
    doc="The report says which rule pack (its manifest name) produced it.",
    section=ASSESS,
)
def _pack_named(advisor_world: World, name: str) -> None:
    info = advisor_world.need_report().pack
    if info.name != name:
        raise StepProblem(f"the report names the pack '{info.name}' {info.version}")


@step(
    "then",
    "the profile is rejected",
    example="Then the profile is rejected",
    doc="The profile did not validate (an unknown value, a missing field, an unknown channel).",
    section=ASSESS,
)
def _rejected(advisor_world: World) -> None:
    if advisor_world.error is None:
        raise StepProblem("the profile was accepted")


@step(
    "then",
    'the profile is rejected because "{phrase:Text}"',
    example='Then the profile is rejected because "unknown channel"',
    doc="The profile did not validate, and a problem mentions this phrase.",
    section=ASSESS,
)
def _rejected_because(advisor_world: World, phrase: str) -> None:
    if advisor_world.error is None:
        raise StepProblem("the profile was accepted")
    if phrase.lower() not in str(advisor_world.error).lower():
        raise StepProblem(f"no problem mentions '{phrase}':\n{advisor_world.why()}")


# ================================================================ rules


def _known_rule(world: World, rule_id: str) -> None:
    world.need_report()
    if rule_id not in world.rule_ids:
        hint = did_you_mean(rule_id, world.rule_ids) or "see `advisor rules list`"
        raise StepProblem(f"no rule '{rule_id}' in the rule pack ({hint})")


def _fired_list(report: Report) -> str:
    return ", ".join(report.fired_rules) or "none"


@step(
    "then",
    'the rule "{rule_id:Text}" fires',
    example='Then the rule "people.physicians.professional-networks" fires',
    doc="The rule fired for this profile. The id must exist in the pack.",
    section=RULES,
)
def _fires(advisor_world: World, rule_id: str) -> None:
    _known_rule(advisor_world, rule_id)
    advisor_world.asserted_fire.add(rule_id)
    report = advisor_world.need_report()
    if rule_id not in report.fired_rules:
        raise StepProblem(f"rule '{rule_id}' did not fire; fired: {_fired_list(report)}")


@step(
    "then",
    'the rule "{rule_id:Text}" does not fire',
    example='Then the rule "people.physicians.professional-networks" does not fire',
    doc="The rule stayed silent for this profile. The id must exist in the pack (a typo cannot "
    "pass).",
    section=RULES,
)
def _silent(advisor_world: World, rule_id: str) -> None:
    _known_rule(advisor_world, rule_id)
    advisor_world.asserted_silent.add(rule_id)
    if rule_id in advisor_world.need_report().fired_rules:
        raise StepProblem(f"rule '{rule_id}' fired")


@step(
    "then",
    'the fact "{name:Text}" is derived',
    example='Then the fact "capacity-low" is derived',
    doc="A rule derived this fact (forward chaining).",
    section=RULES,
)
def _derived(advisor_world: World, name: str) -> None:
    derived = [d.name for d in advisor_world.need_report().derived]
    if name not in derived:
        raise StepProblem(f"'{name}' was not derived; derived: {', '.join(derived) or 'none'}")


@step(
    "then",
    'the fact "{name:Text}" is not derived',
    example='Then the fact "capacity-low" is not derived',
    doc="No rule derived this fact.",
    section=RULES,
)
def _not_derived(advisor_world: World, name: str) -> None:
    for fact in advisor_world.need_report().derived:
        if fact.name == name:
            raise StepProblem(f"'{name}' was derived by {', '.join(fact.rule_ids)}")


# ================================================================ channels


def _ranking(report: Report) -> str:
    shown = [
        f"{a.rank}. {a.channel} ({a.score:g}, {a.tier.replace('_', ' ')})" for a in report.ranked()
    ]
    return ", ".join(shown) or "no channel is ranked"


def _advice(world: World, channel: str) -> ChannelAdvice | None:
    """The report's entry for a channel; a channel id the pack does not know fails (a typo must
    not pass as 'absent')."""
    report = world.need_report()
    if world.channel_ids and channel not in world.channel_ids:
        hint = did_you_mean(channel, world.channel_ids) or "see `advisor channels`"
        raise StepProblem(f"unknown channel '{channel}' ({hint})")
    return report.channel(channel)


def _recommended(world: World, channel: str) -> ChannelAdvice | None:
    advice = _advice(world, channel)
    return advice if advice is not None and advice.tier == "recommended" else None


def _ranked(world: World, channel: str) -> ChannelAdvice | None:
    advice = _advice(world, channel)
    return advice if advice is not None and advice.rank is not None else None


@step(
    "then",
    '"{channel:Text}" is recommended',
    example='Then "linkedin" is recommended',
    doc="The channel is in the recommended tier: nothing blocks it, the team can run it, its "
    "score is high enough and some support comes from an audience, objective or pain point.",
    section=RANK,
)
def _is_recommended(advisor_world: World, channel: str) -> None:
    if _recommended(advisor_world, channel) is None:
        report = advisor_world.need_report()
        raise StepProblem(f"'{channel}' is not recommended; ranking: {_ranking(report)}")


@step(
    "then",
    '"{channel:Text}" is ranked',
    example='Then "nextdoor" is ranked',
    doc="The channel has a rank: recommended or worth considering (support, nothing blocks it, "
    "the team can run it). Use it to prove a rule brings a channel whatever its tier.",
    section=RANK,
)
def _is_ranked(advisor_world: World, channel: str) -> None:
    if _ranked(advisor_world, channel) is None:
        report = advisor_world.need_report()
        raise StepProblem(f"'{channel}' is not ranked; ranking: {_ranking(report)}")


@step(
    "then",
    '"{channel:Text}" is not recommended',
    example='Then "x_twitter" is not recommended',
    doc="The channel is not in the recommended tier (worth considering, not now, not "
    "recommended, or not scored at all).",
    section=RANK,
)
def _is_not_recommended(advisor_world: World, channel: str) -> None:
    advice = _recommended(advisor_world, channel)
    if advice is not None:
        raise StepProblem(f"'{channel}' is recommended at rank {advice.rank}")


@step(
    "then",
    '"{channel:Text}" is among the top {n:Count} channels',
    example='Then "linkedin" is among the top 3 channels',
    doc="The channel is ranked within the first N.",
    section=RANK,
)
def _in_top(advisor_world: World, channel: str, n: int) -> None:
    _advice(advisor_world, channel)
    report = advisor_world.need_report()
    if channel not in report.top(n):
        raise StepProblem(f"'{channel}' is not in the top {n}; ranking: {_ranking(report)}")


@step(
    "then",
    '"{channel:Text}" is not among the top {n:Count} channels',
    example='Then "x_twitter" is not among the top 3 channels',
    doc="The channel is not ranked within the first N (or not at all).",
    section=RANK,
)
def _not_in_top(advisor_world: World, channel: str, n: int) -> None:
    _advice(advisor_world, channel)
    report = advisor_world.need_report()
    if channel in report.top(n):
        raise StepProblem(f"'{channel}' is in the top {n}; ranking: {_ranking(report)}")


@step(
    "then",
    'the top channel is "{channel:Text}"',
    example='Then the top channel is "linkedin"',
    doc="The channel is ranked first.",
    section=RANK,
)
def _top(advisor_world: World, channel: str) -> None:
    _advice(advisor_world, channel)
    report = advisor_world.need_report()
    if report.top(1) != [channel]:
        raise StepProblem(f"the top channel is not '{channel}'; ranking: {_ranking(report)}")


@step(
    "then",
    '"{channel:Text}" is ranked above "{other:Text}"',
    example='Then "linkedin" is ranked above "facebook_page"',
    doc="The first channel is ranked before the second (a channel without a rank counts as "
    "ranked below every ranked one).",
    section=RANK,
)
def _above(advisor_world: World, channel: str, other: str) -> None:
    first = _ranked(advisor_world, channel)
    second = _ranked(advisor_world, other)
    report = advisor_world.need_report()
    below = second is not None and first is not None and (first.rank or 0) > (second.rank or 0)
    if first is None or below:
        raise StepProblem(f"'{channel}' is not ranked above '{other}'; ranking: {_ranking(report)}")


@step(
    "then",
    "no channel is recommended",
    example="Then no channel is recommended",
    doc="The recommended tier is empty.",
    section=RANK,
)
def _none_recommended(advisor_world: World) -> None:
    report = advisor_world.need_report()
    if report.recommended:
        raise StepProblem(f"channels are recommended: {_ranking(report)}")


@step(
    "then",
    'the rule "{rule_id:Text}" does not count against "{channel:Text}"',
    example='Then the rule "people.age.seniors" does not count against "instagram"',
    doc="The rule lowered the channel for some audiences, but other audiences need the channel, "
    "so the penalty is waived (its points are 0 and the report says why).",
    section=RANK,
)
def _waived(advisor_world: World, rule_id: str, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    terms = [t for t in (advice.terms if advice else []) if t.rule_id == rule_id]
    if not terms:
        raise StepProblem(f"the rule '{rule_id}' does not score '{channel}'")
    if not all(t.waived for t in terms):
        points = ", ".join(f"{t.points:+g}" for t in terms)
        raise StepProblem(f"the rule '{rule_id}' counts against '{channel}': {points}")


_TIER_WORDS = {
    "recommended": "recommended",
    "worth considering": "worth_considering",
    "not now": "not_now",
    "not recommended": "not_recommended",
}


@step(
    "then",
    'the tier of "{channel:Text}" is "{tier:Text}"',
    example='Then the tier of "youtube" is "not now"',
    doc="The channel's tier: recommended, worth considering, not now (blocked or the team cannot "
    "run it yet) or not recommended (the reasons against outweigh those for).",
    section=RANK,
)
def _tier(advisor_world: World, channel: str, tier: str) -> None:
    if tier not in _TIER_WORDS:
        raise StepProblem(f"unknown tier '{tier}' (one of: {', '.join(_TIER_WORDS)})")
    advice = _advice(advisor_world, channel)
    actual = advice.tier if advice else "not scored"
    if actual != _TIER_WORDS[tier]:
        raise StepProblem(f"'{channel}' is {actual.replace('_', ' ')}, not {tier}")


@step(
    "then",
    '"{channel:Text}" needs "{phrase:Text}"',
    example='Then "youtube" needs "video skills"',
    doc="What the channel needs to move up a tier mentions the phrase (case-insensitive).",
    section=RANK,
)
def _needs(advisor_world: World, channel: str, phrase: str) -> None:
    advice = _advice(advisor_world, channel)
    needs = advice.needs if advice else []
    if not any(phrase.lower() in n.lower() for n in needs):
        raise StepProblem(f"nothing '{channel}' needs mentions '{phrase}': {needs}")


@step(
    "then",
    'the plan {verb:Text} "{channel:Text}"',
    example='Then the plan keeps "facebook_page"',
    doc="The resource plan keeps the channel (already run), or launches it (new); `verb` is "
    "keeps or launches.",
    section=PLAN,
)
def _plan_verb(advisor_world: World, verb: str, channel: str) -> None:
    _advice(advisor_world, channel)
    plan = advisor_world.need_report().resource_plan
    lists = {"keeps": plan.kept, "launches": plan.launched}
    if verb not in lists:
        raise StepProblem(f"the plan either keeps or launches a channel, not '{verb}'")
    if channel not in lists[verb]:
        raise StepProblem(f"the plan does not {verb.removesuffix('s')} '{channel}': {plan.summary}")


@step(
    "then",
    "the plan holds at most {n:Count} channels",
    example="Then the plan holds at most 3 channels",
    doc="The resource plan keeps and launches no more than N channels in all.",
    section=PLAN,
)
def _plan_count(advisor_world: World, n: int) -> None:
    plan = advisor_world.need_report().resource_plan
    if len(plan.planned) > n:
        raise StepProblem(f"the plan holds {len(plan.planned)} channels: {plan.summary}")


@step(
    "then",
    'the advice for "{channel:Text}" is to fix or retire it',
    example='Then the advice for "x_twitter" is to fix or retire it',
    doc="The organization runs the channel today, and it fails or the advice does not support "
    "it: fix it or retire it.",
    section=PLAN,
)
def _fix_or_retire(advisor_world: World, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    if advice is None or advice.action != "fix_or_retire":
        action = advice.action if advice else "not scored"
        raise StepProblem(f"the advice for '{channel}' is {action}, not fix or retire")


@step(
    "then",
    '"{channel:Text}" is blocked',
    example='Then "x_twitter" is blocked',
    doc="A rule blocks the channel: it is kept out of the ranking whatever it scores.",
    section=RANK,
)
def _blocked(advisor_world: World, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    if advice is None or not advice.blocks:
        raise StepProblem(f"'{channel}' is not blocked")


@step(
    "then",
    '"{channel:Text}" is not blocked',
    example='Then "linkedin" is not blocked',
    doc="No rule blocks the channel.",
    section=RANK,
)
def _not_blocked(advisor_world: World, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    if advice is not None and advice.blocks:
        rules = ", ".join(b.rule_id for b in advice.blocks)
        raise StepProblem(f"'{channel}' is blocked by {rules}")


@step(
    "then",
    'the block on "{channel:Text}" lifts when "{phrase:Text}"',
    example='Then the block on "x_twitter" lifts when "approval"',
    doc="The channel is blocked, and what would lift the block mentions this phrase.",
    section=RANK,
)
def _lifts(advisor_world: World, channel: str, phrase: str) -> None:
    advice = _advice(advisor_world, channel)
    if advice is None or not advice.blocks:
        raise StepProblem(f"'{channel}' is not blocked")
    lifts = [b.lift for b in advice.blocks]
    if not any(phrase.lower() in lift.lower() for lift in lifts):
        raise StepProblem(f"no block on '{channel}' lifts when '{phrase}'; lifts: {lifts}")


# ================================================================ findings, readiness


def _findings(report: Report) -> str:
    return ", ".join(f"{f.level} {f.code}" for f in report.findings) or "none"


@step(
    "then",
    'a "{level:Text}" finding "{code:Text}" is raised',
    example='Then a "blocker" finding "objectives-not-measurable" is raised',
    doc="A finding with this level (info, warning, blocker) and code was raised.",
    section=FIND,
)
def _finding_level(advisor_world: World, level: str, code: str) -> None:
    if level not in ("info", "warning", "blocker"):
        raise StepProblem(f"unknown level '{level}' (info, warning or blocker)")
    report = advisor_world.need_report()
    if not any(f.level == level and f.code == code for f in report.findings):
        raise StepProblem(f"no {level} finding '{code}'; findings: {_findings(report)}")


@step(
    "then",
    'a finding "{code:Text}" is raised',
    example='Then a finding "no-analytics" is raised',
    doc="A finding with this code was raised, at any level.",
    section=FIND,
)
def _finding(advisor_world: World, code: str) -> None:
    report = advisor_world.need_report()
    if not any(f.code == code for f in report.findings):
        raise StepProblem(f"no finding '{code}'; findings: {_findings(report)}")


@step(
    "then",
    'no finding "{code:Text}" is raised',
    example='Then no finding "objectives-not-measurable" is raised',
    doc="No finding with this code was raised.",
    section=FIND,
)
def _no_finding(advisor_world: World, code: str) -> None:
    report = advisor_world.need_report()
    if any(f.code == code for f in report.findings):
        raise StepProblem(f"finding '{code}' was raised; findings: {_findings(report)}")


@step(
    "then",
    'no "{level:Text}" finding is raised',
    example='Then no "blocker" finding is raised',
    doc="No finding of this level was raised.",
    section=FIND,
)
def _no_level(advisor_world: World, level: str) -> None:
    report = advisor_world.need_report()
    if any(f.level == level for f in report.findings):
        raise StepProblem(f"{level} findings were raised: {_findings(report)}")


@step(
    "then",
    'the finding "{code:Text}" mentions "{phrase:Text}"',
    example='Then the finding "objectives-not-measurable" mentions "metric"',
    doc="The finding's message (the rule's reason, rendered) mentions this phrase.",
    section=FIND,
)
def _finding_mentions(advisor_world: World, code: str, phrase: str) -> None:
    report = advisor_world.need_report()
    messages = [f.message for f in report.findings if f.code == code]
    if not messages:
        raise StepProblem(f"no finding '{code}'; findings: {_findings(report)}")
    if not any(phrase.lower() in m.lower() for m in messages):
        raise StepProblem(f"finding '{code}' does not mention '{phrase}': {messages}")


@step(
    "then",
    "the profile is ready",
    example="Then the profile is ready",
    doc="No blocker finding: the organization is ready to choose channels.",
    section=FIND,
)
def _ready(advisor_world: World) -> None:
    report = advisor_world.need_report()
    if not report.ready:
        raise StepProblem(f"the profile is not ready; findings: {_findings(report)}")


@step(
    "then",
    "the profile is not ready",
    example="Then the profile is not ready",
    doc="At least one blocker finding was raised.",
    section=FIND,
)
def _not_ready(advisor_world: World) -> None:
    report = advisor_world.need_report()
    if report.ready:
        raise StepProblem(f"the profile is ready; findings: {_findings(report)}")


# ================================================================ reasons, KPIs, preconditions


def _reasons(world: World, channel: str) -> list[Any]:
    advice = _advice(world, channel)
    if advice is None or not advice.reasons:
        raise StepProblem(f"no reason is given for '{channel}'")
    return list(advice.reasons)


@step(
    "then",
    'a reason for "{channel:Text}" cites the rule "{rule_id:Text}"',
    example='Then a reason for "linkedin" cites the rule "people.physicians.professional-networks"',
    doc="One of the reasons given for the channel comes from this rule.",
    section=REASON,
)
def _cites(advisor_world: World, channel: str, rule_id: str) -> None:
    _known_rule(advisor_world, rule_id)
    advisor_world.asserted_fire.add(rule_id)
    cited = [r.rule_id for r in _reasons(advisor_world, channel)]
    if rule_id not in cited:
        raise StepProblem(f"no reason for '{channel}' cites '{rule_id}'; cited: {cited}")


@step(
    "then",
    'a reason for "{channel:Text}" mentions "{phrase:Text}"',
    example='Then a reason for "linkedin" mentions "professional networks"',
    doc="One of the reasons given for the channel mentions this phrase (case does not matter).",
    section=REASON,
)
def _mentions(advisor_world: World, channel: str, phrase: str) -> None:
    texts = [r.text for r in _reasons(advisor_world, channel)]
    if not any(phrase.lower() in t.lower() for t in texts):
        raise StepProblem(f"no reason for '{channel}' mentions '{phrase}': {texts}")


def _all_kpis(report: Report) -> list[Any]:
    kpis = list(report.kpis)
    for advice in report.every_channel():
        kpis.extend(advice.kpis)
    return kpis


@step(
    "then",
    'a KPI mentioning "{phrase:Text}" is suggested',
    example='Then a KPI mentioning "enrolments" is suggested',
    doc="A suggested KPI's metric mentions this phrase.",
    section=REASON,
)
def _kpi(advisor_world: World, phrase: str) -> None:
    metrics = [k.metric for k in _all_kpis(advisor_world.need_report())]
    if not any(phrase.lower() in m.lower() for m in metrics):
        raise StepProblem(f"no KPI mentions '{phrase}'; KPIs: {metrics or 'none'}")


@step(
    "then",
    'a KPI is suggested for "{channel:Text}"',
    example='Then a KPI is suggested for "linkedin"',
    doc="At least one KPI is suggested for the channel.",
    section=REASON,
)
def _kpi_channel(advisor_world: World, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    if advice is None or not advice.kpis:
        raise StepProblem(f"no KPI is suggested for '{channel}'")


@step(
    "then",
    'a KPI is suggested for the "{kind:Text}" objective',
    example='Then a KPI is suggested for the "energizing" objective',
    doc="At least one KPI is suggested for objectives of this kind.",
    section=REASON,
)
def _kpi_objective(advisor_world: World, kind: str) -> None:
    kpis = _all_kpis(advisor_world.need_report())
    if not any(k.objective == kind for k in kpis):
        shown = [f"{k.metric} ({k.objective or 'any objective'})" for k in kpis]
        raise StepProblem(f"no KPI is suggested for '{kind}' objectives; KPIs: {shown or 'none'}")


@step(
    "then",
    "no KPI is suggested",
    example="Then no KPI is suggested",
    doc="The report suggests no KPI at all.",
    section=REASON,
)
def _no_kpi(advisor_world: World) -> None:
    metrics = [k.metric for k in _all_kpis(advisor_world.need_report())]
    if metrics:
        raise StepProblem(f"KPIs are suggested: {metrics}")


def _section_items(report: Report, title: str) -> list[Any]:
    for section in report.sections:
        if section.title.lower() == title.lower() or section.effect == title:
            return list(section.items)
    shown = [s.title for s in report.sections]
    raise StepProblem(f"the report has no section '{title}'; sections: {shown or 'none'}")


@step(
    "then",
    'the report\'s "{title:Text}" section lists an item from rule "{rule_id:Text}"',
    example='Then the report\'s "Governance checklist" section lists an item from rule '
    '"resources.governance.two-factor"',
    doc="A section that an effect type adds (e.g. the governance checklist) holds an item the "
    "rule wrote. The section is named by its title or by its effect type.",
    section=REASON,
)
def _section_item(advisor_world: World, title: str, rule_id: str) -> None:
    items = _section_items(advisor_world.need_report(), title)
    if rule_id not in [i.rule_id for i in items]:
        raise StepProblem(f"no item from '{rule_id}' in '{title}'; from: "
                          f"{[i.rule_id for i in items]}")


@step(
    "then",
    'the report\'s "{title:Text}" section mentions "{words:Text}"',
    example='Then the report\'s "Governance checklist" section mentions "two-factor"',
    doc="Some item of a section that an effect type adds contains these words (any case).",
    section=REASON,
)
def _section_words(advisor_world: World, title: str, words: str) -> None:
    items = _section_items(advisor_world.need_report(), title)
    if not any(words.lower() in f"{i.label or ''} {i.text}".lower() for i in items):
        raise StepProblem(f"no item of '{title}' mentions '{words}'")


@step(
    "then",
    'the report has no "{title:Text}" section',
    example='Then the report has no "Cadence" section',
    doc="No section of this title (or effect type) is in the report: no rule added an item to "
    "it, or, for a cadence, none for a channel the plan starts.",
    section=REASON,
)
def _no_section(advisor_world: World, title: str) -> None:
    for section in advisor_world.need_report().sections:
        if section.title.lower() == title.lower() or section.effect == title:
            raise StepProblem(f"the report has a '{title}' section: "
                              f"{[i.rule_id for i in section.items]}")


def _all_preconditions(report: Report) -> list[Any]:
    pres = list(report.preconditions)
    for advice in report.every_channel():
        pres.extend(advice.preconditions)
    return pres


@step(
    "then",
    'the precondition "{code:Text}" is stated',
    example='Then the precondition "social-media-policy" is stated',
    doc="A precondition with this code is stated, for all channels or for one.",
    section=REASON,
)
def _pre(advisor_world: World, code: str) -> None:
    codes = [p.code for p in _all_preconditions(advisor_world.need_report())]
    if code not in codes:
        raise StepProblem(f"no precondition '{code}'; stated: {codes or 'none'}")


@step(
    "then",
    'the precondition "{code:Text}" is stated for "{channel:Text}"',
    example='Then the precondition "moderation-plan" is stated for "facebook_group"',
    doc="A precondition with this code is stated for this channel.",
    section=REASON,
)
def _pre_channel(advisor_world: World, code: str, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    codes = [p.code for p in advice.preconditions] if advice is not None else []
    if code not in codes:
        raise StepProblem(f"no precondition '{code}' for '{channel}'; stated: {codes or 'none'}")


@step(
    "then",
    'the precondition "{code:Text}" is not stated',
    example='Then the precondition "social-media-policy" is not stated',
    doc="No precondition with this code is stated.",
    section=REASON,
)
def _no_pre(advisor_world: World, code: str) -> None:
    for pre in _all_preconditions(advisor_world.need_report()):
        if pre.code == code:
            raise StepProblem(f"precondition '{code}' is stated by {pre.rule_id}")


# ================================================================ resource plan


@step(
    "then",
    "the resource plan fits",
    example="Then the resource plan fits",
    doc="Every recommended channel fits in the staff hours and skills available.",
    section=PLAN,
)
def _fits(advisor_world: World) -> None:
    plan = advisor_world.need_report().resource_plan
    if plan.not_fitted:
        raise StepProblem(f"the plan overflows: {plan.summary}")


@step(
    "then",
    "the resource plan overflows",
    example="Then the resource plan overflows",
    doc="A channel with support does not fit: the plan has no room for it (hours or the "
    "channel cap), or the team cannot run it yet (skills, or more hours than it has).",
    section=PLAN,
)
def _overflows(advisor_world: World) -> None:
    report = advisor_world.need_report()
    plan = report.resource_plan
    infeasible = [a for a in report.not_now if not a.blocks]
    if not plan.not_fitted and not infeasible:
        raise StepProblem(f"the plan fits: {plan.summary}")


@step(
    "then",
    '"{channel:Text}" fits the resource plan',
    example='Then "linkedin" fits the resource plan',
    doc="The channel is recommended and planned within the hours and skills available.",
    section=PLAN,
)
def _channel_fits(advisor_world: World, channel: str) -> None:
    advice = _recommended(advisor_world, channel)
    if advice is None:
        raise StepProblem(f"'{channel}' is not recommended, so it is not planned")
    if advice.fit is None or not advice.fit.fits:
        note = advice.fit.note if advice.fit else "not planned"
        raise StepProblem(f"'{channel}' does not fit: {note}")


@step(
    "then",
    '"{channel:Text}" does not fit the resource plan',
    example='Then "youtube" does not fit the resource plan',
    doc="The channel has support (a positive score) but is not planned: it needs hours, skills "
    "or a place under the channel cap the team does not have.",
    section=PLAN,
)
def _channel_overflows(advisor_world: World, channel: str) -> None:
    advice = _advice(advisor_world, channel)
    if advice is None or advice.score <= 0 or advice.blocks:
        raise StepProblem(f"'{channel}' has no support to plan it with")
    if advice.fit is not None and advice.fit.fits:
        raise StepProblem(f"'{channel}' fits: {advice.fit.note}")


@step(
    "then",
    "the plan uses at most {hours:Number} staff hours per week",
    example="Then the plan uses at most 6 staff hours per week",
    doc="The planned channels need no more than this many hours per week.",
    section=PLAN,
)
def _plan_hours(advisor_world: World, hours: float) -> None:
    plan = advisor_world.need_report().resource_plan
    if plan.hours_planned > hours:
        raise StepProblem(f"the plan uses {plan.hours_planned:g} hours per week: {plan.summary}")
