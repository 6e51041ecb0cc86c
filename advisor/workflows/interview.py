"""The guided interview behind `advisor init`: questions in POST order, their choices and
defaults, answer parsing, and the profile built from the answers (no prompting here)."""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from advisor.errors import AdvisorError, Problem, ProfileError
from advisor.files.profiles import profile_from_data
from advisor.model.paths import parse_path, set_at
from advisor.model.profile import (
    AgeBand,
    Approach,
    CareerStage,
    ChannelResult,
    Constraint,
    Focus,
    Moderation,
    ObjectiveKind,
    OrgSize,
    OrgType,
    PainPoint,
    Priority,
    Profile,
    Rung,
    Scope,
    Segment,
    Skill,
)
from advisor.model.suggest import did_you_mean

Kind = Literal["text", "choice", "multi", "number", "bool", "date"]
MAX_OBJECTIVES = 10
# The most audiences and current channels whose details are asked (the profile's own limits).
MAX_AUDIENCES = 40
MAX_CURRENT = 60
_NONE = ("", "none", "-")


def _choices(literal: Any) -> tuple[str, ...]:
    return tuple(str(a) for a in typing.get_args(literal))


@dataclass(frozen=True)
class Question:
    """One question: the answer key (a profile path), the text, and how to read an answer."""

    key: str
    section: str
    text: str
    kind: Kind
    default: Any = None
    choices: tuple[str, ...] = ()
    optional: bool = False

    def default_text(self) -> str:
        """The default as a person would type it (empty: Enter skips an optional question)."""
        if self.default is None:
            return "none" if self.kind == "multi" and not self.optional else ""
        if isinstance(self.default, bool):
            return "y" if self.default else "n"
        if isinstance(self.default, list):
            return ", ".join(self.default) or "none"
        if isinstance(self.default, float) and self.default.is_integer():
            return str(int(self.default))
        return str(self.default)

    def prompt(self) -> str:
        hint = ""
        if self.kind == "choice":
            hint = f" [{'/'.join(self.choices)}]"
        elif self.kind == "multi":
            hint = f" (comma-separated: {', '.join(self.choices)}; or none)"
        if self.optional:
            hint += " (Enter to skip)"
        return self.text + hint

    def parse(self, answer: Any) -> Any:
        """An answer (typed text, or a value from an answers file) as the profile value;
        ValueError with a suggestion when it does not fit."""
        if isinstance(answer, str):
            answer = answer.strip()
            if answer == "" and self.optional:
                return None  # skipped: left out of the profile, not read as none or 0
            word = answer.lower()
            emptiable = self.optional or self.kind == "multi"
            if word in _NONE and emptiable and word not in self.choices:
                return [] if self.kind == "multi" else None
        if answer is None:
            if self.optional:
                return None
            if self.kind == "multi":
                return []
            raise ValueError("an answer is required")
        match self.kind:
            case "text":
                text = str(answer)
                if not text:
                    raise ValueError("an answer is required")
                return text
            case "choice":
                return self._choice(str(answer))
            case "multi":
                items = answer if isinstance(answer, list) else str(answer).split(",")
                values = [self._choice(str(i).strip()) for i in items if str(i).strip()]
                return list(dict.fromkeys(values))
            case "number":
                if isinstance(answer, bool):
                    raise ValueError(f"expected a number, got {answer!r}")
                try:
                    number = float(answer)
                except (TypeError, ValueError):
                    raise ValueError(f"expected a number, got {answer!r}") from None
                if number < 0:
                    raise ValueError("expected a number of at least 0")
                return int(number) if number.is_integer() else number
            case "bool":
                if isinstance(answer, bool):
                    return answer
                word = str(answer).lower()
                if word in ("y", "yes", "true", "1"):
                    return True
                if word in ("n", "no", "false", "0"):
                    return False
                raise ValueError("expected yes or no")
            case "date":
                if isinstance(answer, dt.date):
                    return answer.isoformat()
                try:
                    return dt.date.fromisoformat(str(answer)).isoformat()
                except ValueError:
                    raise ValueError("expected a date as YYYY-MM-DD") from None
        raise ValueError(f"unknown question kind {self.kind}")

    def _choice(self, word: str) -> str:
        if word in self.choices:
            return word
        hint = did_you_mean(word, self.choices)
        raise ValueError(f"unknown choice '{word}'" + (f"; {hint}" if hint else ""))


def _q(key: str, section: str, text: str, kind: Kind, default: Any = None,
       choices: Sequence[str] = (), optional: bool = False) -> Question:
    return Question(key, section, text, kind, default, tuple(choices), optional)


def _objective_questions(i: int) -> list[Question]:
    p = f"objectives[{i}]"
    return [
        _q(f"{p}.kind", "objectives", f"Objective {i + 1}: what kind (Groundswell)", "choice",
           "talking", _choices(ObjectiveKind)),
        _q(f"{p}.goal", "objectives", f"Objective {i + 1}: the goal in one sentence", "text",
           "Reach our audience with useful, accurate information"),
        _q(f"{p}.focus", "objectives", f"Objective {i + 1}: focus", "choice", None,
           _choices(Focus), optional=True),
        _q(f"{p}.metric", "objectives", f"Objective {i + 1}: how will you measure it (metric)",
           "text", None, optional=True),
        _q(f"{p}.target", "objectives", f"Objective {i + 1}: target value", "number", None,
           optional=True),
        _q(f"{p}.deadline", "objectives", f"Objective {i + 1}: by when (YYYY-MM-DD)", "date",
           None, optional=True),
    ]


def _audience_questions(i: int, segment: str, channels: Sequence[str]) -> list[Question]:
    """The details of audience i, each skippable: what the people rules read."""
    p, who = f"audiences[{i}]", f"Audience {i + 1} ({segment.replace('_', ' ')})"
    return [
        _q(f"{p}.ages", "people", f"{who}: age bands", "multi", None, _choices(AgeBand),
           optional=True),
        _q(f"{p}.career_stage", "people", f"{who}: career stage", "choice", None,
           _choices(CareerStage), optional=True),
        _q(f"{p}.size", "people", f"{who}: about how many people", "number", None,
           optional=True),
        _q(f"{p}.platforms", "people", f"{who}: platforms they already use", "multi", None,
           sorted(channels), optional=True),
        _q(f"{p}.participation", "people", f"{who}: how they take part online (ladder rung)",
           "choice", None, _choices(Rung), optional=True),
        _q(f"{p}.need_to_connect", "people", f"{who}: do they strongly need to connect with "
           "each other (as with a rare disease)?", "bool", False),
        _q(f"{p}.priority", "people", f"{who}: priority", "choice", None, _choices(Priority),
           optional=True),
    ]


def _current_channel_questions(i: int, channel: str) -> list[Question]:
    """What a channel the organization runs already achieves, each skippable."""
    p = f"technology.current_channels[{i}]"
    return [
        _q(f"{p}.result", "technology", f"{channel}: results so far", "choice", None,
           _choices(ChannelResult), optional=True),
        _q(f"{p}.followers", "technology", f"{channel}: followers or subscribers", "number",
           None, optional=True),
        _q(f"{p}.posts_per_week", "technology", f"{channel}: posts a week", "number", None,
           optional=True),
    ]


def _organization_questions() -> list[Question]:
    flags = [
        ("hipaa_covered", "Is it a HIPAA covered entity?"),
        ("accredited_cme_provider", "Is it an accredited CME provider?"),
        ("accepts_commercial_support", "Does it accept commercial support for education?"),
        ("promotes_regulated_products", "Does it promote FDA-regulated drugs or devices?"),
        ("emergency_role", "Does it have a role in emergencies (public health, hospital)?"),
        ("direct_patient_contact", "Does it see patients in person?"),
    ]
    return [
        _q("organization.name", "organization", "Organization name", "text", "My organization"),
        _q("organization.type", "organization", "Type", "choice", "medical_association",
           _choices(OrgType)),
        _q("organization.size", "organization", "Size", "choice", "medium", _choices(OrgSize)),
        _q("organization.country", "organization", "Country (two-letter code, e.g. US, GB)",
           "text", None, optional=True),
        *(_q(f"organization.{name}", "organization", text, "bool", False)
          for name, text in flags),
    ]


def _resources_questions() -> list[Question]:
    """Resources, each skippable: a skipped answer is "not given", which the advice asks
    about, never 0 hours or no moderation."""
    return [
        _q("resources.staff_hours_per_week", "resources", "Staff hours per week for social media",
           "number", None, optional=True),
        _q("resources.skills", "resources", "Skills on the team", "multi", None,
           _choices(Skill), optional=True),
        _q("resources.sme_hours_per_month", "resources",
           "Hours a month clinicians or experts can review content", "number", None,
           optional=True),
        _q("resources.budget_per_year", "resources", "Budget a year for paid social (0 for none)",
           "number", None, optional=True),
        _q("resources.executive_sponsor", "resources", "Is there an executive sponsor?", "bool",
           False),
        _q("resources.moderation", "resources", "Who watches comments, and when (moderation "
           "coverage)", "choice", None, _choices(Moderation), optional=True),
    ]


def questions(channels: Sequence[str]) -> list[Question]:
    """Every question but the repeated blocks (objectives, each audience's and each current
    channel's details), in the order they are asked."""
    chans = sorted(channels)
    bottleneck_flags = [
        ("legal_review_required", "Does legal or compliance review every post?"),
        ("no_analytics", "Do you lack analytics for social channels?"),
        ("it_blocks_social", "Does IT block social sites at work?"),
        ("cms_limits", "Does your website CMS limit what you can publish?"),
        ("scattered_accounts", "Are accounts scattered across departments?"),
        ("no_social_policy", "Is there no written social-media policy?"),
        ("no_crisis_plan", "Is there no crisis communication plan?"),
    ]
    return [
        *_organization_questions(),
        _q("audiences", "people", "People: which audiences do you want to reach", "multi",
           ["physicians"], _choices(Segment)),
        *_objective_questions(0),
        _q("strategy.approach", "strategy", "Strategy: build your own community or join "
           "existing ones", "choice", "undecided", _choices(Approach)),
        _q("strategy.scope", "strategy", "Start as a pilot or a program", "choice", "pilot",
           _choices(Scope)),
        _q("strategy.relationship_change", "strategy",
           "How should your relationship with the audience change", "text", None, optional=True),
        _q("technology.current_channels", "technology", "Technology: channels you run now",
           "multi", [], chans),
        _q("technology.required_channels", "technology", "Channels leadership requires",
           "multi", [], chans),
        *_resources_questions(),
        _q("bottlenecks.approval_days", "bottlenecks", "Bottlenecks: days to approve a post",
           "number", None, optional=True),
        *(_q(f"bottlenecks.{name}", "bottlenecks", text, "bool", False)
          for name, text in bottleneck_flags),
        _q("pain_points", "pain_points", "Pain points", "multi", [], _choices(PainPoint)),
        _q("constraints", "constraints", "Constraints", "multi", [], _choices(Constraint)),
    ]


def more_objectives_question(count: int) -> Question:
    return _q(f"more_objectives[{count - 1}]", "objectives", "Add another objective?", "bool",
              False)


Ask = Callable[[Question], Any]


def run_interview(ask: Ask, channels: Sequence[str]) -> dict[str, Any]:
    """Ask every question in order (each audience's and each current channel's details after
    the list that names them; objectives repeat while the answer to "another?" is yes) and
    return the answers by key. `ask` returns an already parsed value."""
    answers: dict[str, Any] = {}
    base = questions(channels)
    first_strategy = next(i for i, q in enumerate(base) if q.section == "strategy")
    for q in base[:first_strategy]:
        answers[q.key] = ask(q)
        if q.key == "audiences":
            for i, segment in enumerate(answers[q.key][:MAX_AUDIENCES]):
                for detail in _audience_questions(i, segment, channels):
                    answers[detail.key] = ask(detail)
    count = 1
    while count < MAX_OBJECTIVES and ask(more_objectives_question(count)):
        for q in _objective_questions(count):
            answers[q.key] = ask(q)
        count += 1
    for q in base[first_strategy:]:
        answers[q.key] = ask(q)
        if q.key == "technology.current_channels":
            for i, channel in enumerate(answers[q.key][:MAX_CURRENT]):
                for detail in _current_channel_questions(i, channel):
                    answers[detail.key] = ask(detail)
    return answers


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    """Put a value at a profile path (objectives[1].goal), adding the list entries on the way."""
    set_at(data, parse_path(key), value, grow=True)


def build_profile(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The profile data the answers describe; absent optional answers are left out."""
    data: dict[str, Any] = {}
    for key, value in answers.items():
        if key.startswith("more_objectives") or value is None:
            continue
        if key == "audiences":
            data["audiences"] = [{"segment": s} for s in value]
        elif key == "technology.current_channels":
            data.setdefault("technology", {})["current_channels"] = [{"channel": c}
                                                                     for c in value]
        else:
            _set(data, key, value)
    return data


def validated_profile(answers: Mapping[str, Any], source: str = "<interview>") -> Profile:
    return profile_from_data(build_profile(answers), source)


def answers_from_file(data: Any, source: str) -> Ask:
    """An `ask` that reads answers from a mapping (an answers file) and falls back to each
    question's default; unknown keys and bad values are errors with suggestions."""
    if not isinstance(data, Mapping):
        raise ProfileError(Problem("an answers file is a mapping of question key: answer",
                                   source, 1))
    used: set[str] = set()

    def ask(q: Question) -> Any:
        if q.key.startswith("more_objectives[") and q.key not in data:
            # Answers for objective n+1 imply "yes, another objective".
            nxt = int(q.key[len("more_objectives["):-1]) + 1
            return any(str(k).startswith(f"objectives[{nxt}].") for k in data)
        if q.key in data:
            used.add(q.key)
            try:
                return q.parse(data[q.key])
            except ValueError as err:
                raise ProfileError(Problem(str(err), source, field=q.key)) from None
        return q.parse(q.default) if q.default is not None else q.parse(None)

    ask.used = used  # type: ignore[attr-defined]  # read by check_unused_answers
    return ask


def check_unused_answers(ask: Ask, data: Mapping[str, Any], channels: Sequence[str],
                         source: str) -> None:
    """Keys of an answers file that no question asked: a typo, reported with a suggestion."""
    used: set[str] = getattr(ask, "used", set())
    keys = [q.key for q in questions(channels)]
    keys += [q.key for i in range(MAX_OBJECTIVES) for q in _objective_questions(i)]
    keys += [q.key for i in range(MAX_AUDIENCES) for q in _audience_questions(i, "", channels)]
    keys += [q.key for i in range(MAX_CURRENT) for q in _current_channel_questions(i, "")]
    keys += [f"more_objectives[{i}]" for i in range(MAX_OBJECTIVES)]
    problems = [_unused(str(k), keys, source) for k in data if k not in used]
    if problems:
        raise AdvisorError(problems)


_DETAIL = re.compile(r"^(audiences|technology\.current_channels)\[(\d+)\]\.")


def _unused(key: str, keys: Sequence[str], source: str) -> Problem:
    """An answer no question asked: a typo (with the nearest key), or the details of a list
    entry the answers do not name."""
    if key in keys and (detail := _DETAIL.match(key)):
        name, index = detail.group(1), int(detail.group(2))
        return Problem(f"no question has the key '{key}'", source, field=key,
                       hint=f"{name} names fewer than {index + 1} entries; details follow "
                       "the entries it names, from [0]")
    return Problem(f"no question has the key '{key}'", source, field=key,
                   hint=did_you_mean(key, keys) or "see `advisor init --help`")


def profile_yaml(profile: Profile) -> str:
    """A validated profile as the YAML text of a profile file (defaults left out)."""
    data = profile.model_dump(mode="json", exclude_computed_fields=True, exclude_defaults=True)
    text = "# Written by `advisor init`; check it with `advisor validate`.\n"
    return text + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def default_answer(q: Question) -> Any:
    return q.parse(q.default) if q.default is not None else q.parse(None)
