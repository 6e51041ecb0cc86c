"""The advisor: a rule-based social-media strategy advisor for healthcare organizations.

    from advisor import Advisor
    with Advisor() as advisor:                 # the shipped rule pack, compiled once
        report = advisor.assess("profile.yaml")  # or a dict, or a Profile
        print(report.top(3))
"""

from advisor.api import Advisor, profile_hash
from advisor.errors import (
    AdvisorError,
    EngineError,
    InputError,
    Problem,
    ProfileError,
    RuleError,
)
from advisor.loader import load_pack, load_profile
from advisor.pack import RulePack
from advisor.profile import Profile
from advisor.report import ChannelAdvice, Finding, Reason, Report

__version__ = "0.1.0"

__all__ = [
    "Advisor",
    "AdvisorError",
    "ChannelAdvice",
    "EngineError",
    "Finding",
    "InputError",
    "Problem",
    "Profile",
    "ProfileError",
    "Reason",
    "Report",
    "RuleError",
    "RulePack",
    "__version__",
    "load_pack",
    "load_profile",
    "profile_hash",
]
