"""The advisor: a rule-based social-media strategy advisor for healthcare organizations.

    from advisor import Advisor
    with Advisor() as advisor:                 # the shipped rule pack, compiled once
        report = advisor.assess("profile.yaml")  # or a dict, or a Profile
        print(report.top(3))

The names below (`__all__`) are the public API; every subpackage is internal. They are imported
on first use (PEP 562), so that
`advisor --help`, the pytest plugin and `import advisor.errors` do not load the rule engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str
    from advisor.advice.assessor import ProfileInput
    from advisor.api import Advisor, profile_hash
    from advisor.errors import (
        AdvisorError,
        EngineError,
        InputError,
        Problem,
        ProfileError,
        RuleError,
    )
    from advisor.files.packs import load_pack
    from advisor.files.profiles import load_profile
    from advisor.model.profile import Profile
    from advisor.model.report import ChannelAdvice, Finding, Reason, Report
    from advisor.rulebook.pack import RulePack
    from advisor.workflows.explain import Explanation
    from advisor.workflows.whatif import Change, WhatIf

DISTRIBUTION = "healthcare-social-advisor"


def _version() -> str:
    """One source of the version: the installed distribution's metadata (pyproject.toml), read
    on first use."""
    from advisor.files.metadata import installed_version

    return installed_version(DISTRIBUTION)


# public name -> the module that defines it
_HOMES = {
    "Advisor": "advisor.api",
    "profile_hash": "advisor.api",
    "AdvisorError": "advisor.errors",
    "EngineError": "advisor.errors",
    "InputError": "advisor.errors",
    "Problem": "advisor.errors",
    "ProfileError": "advisor.errors",
    "RuleError": "advisor.errors",
    "load_pack": "advisor.files.packs",
    "load_profile": "advisor.files.profiles",
    "RulePack": "advisor.rulebook.pack",
    "Profile": "advisor.model.profile",
    "ChannelAdvice": "advisor.model.report",
    "Finding": "advisor.model.report",
    "Reason": "advisor.model.report",
    "Report": "advisor.model.report",
    "ProfileInput": "advisor.advice.assessor",
    "Change": "advisor.workflows.whatif",
    "WhatIf": "advisor.workflows.whatif",
    "Explanation": "advisor.workflows.explain",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'advisor' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Advisor",
    "AdvisorError",
    "Change",
    "ChannelAdvice",
    "EngineError",
    "Explanation",
    "Finding",
    "InputError",
    "Problem",
    "Profile",
    "ProfileError",
    "ProfileInput",
    "Reason",
    "Report",
    "RuleError",
    "RulePack",
    "WhatIf",
    "__version__",
    "load_pack",
    "load_profile",
    "profile_hash",
]
