"""Rule coverage: run feature files under pytest with the plugin's recording on, and report per
rule the scenarios in which it fired and in which it stayed silent (like `opa test --coverage`).

A rule is covered when at least one passing scenario made it fire AND at least one passing
scenario assessed a profile for which it stayed silent: a rule never seen silent may fire on
every profile, a rule never seen firing may never fire at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError, Problem
from advisor.files.packs import default_pack_root
from advisor.files.read import read_text
from advisor.rulebook.pack import RulePack


@dataclass
class RuleCoverage:
    id: str
    fired_in: list[str] = field(default_factory=list)
    silent_in: list[str] = field(default_factory=list)
    asserted_fire_in: list[str] = field(default_factory=list)
    asserted_silent_in: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.fired_in) and bool(self.silent_in)


@dataclass
class CoverageReport:
    pack: str
    scenarios_run: int
    scenarios_counted: int
    scenarios_failed: list[str]
    rules: list[RuleCoverage]
    pytest_exit: int

    @property
    def percent(self) -> float:
        if not self.rules:
            return 100.0
        return round(100.0 * sum(r.covered for r in self.rules) / len(self.rules), 1)

    @property
    def never_fired(self) -> list[str]:
        return [r.id for r in self.rules if not r.fired_in]

    @property
    def never_silent(self) -> list[str]:
        return [r.id for r in self.rules if not r.silent_in]

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "pack": self.pack,
            "percent": self.percent,
            "rules": len(self.rules),
            "covered": sum(r.covered for r in self.rules),
            "scenarios_run": self.scenarios_run,
            "scenarios_counted": self.scenarios_counted,
            "scenarios_failed": self.scenarios_failed,
            "never_fired": self.never_fired,
            "never_silent": self.never_silent,
            "per_rule": {
                r.id: {
                    "covered": r.covered,
                    "fired_in": r.fired_in,
                    "silent_in": r.silent_in,
                    "asserted_fire_in": r.asserted_fire_in,
                    "asserted_silent_in": r.asserted_silent_in,
                }
                for r in self.rules
            },
        }

    def text(self) -> str:
        lines = [
            f"pack {self.pack}: {sum(r.covered for r in self.rules)} of {len(self.rules)} rules "
            f"covered ({self.percent:g}%) by {self.scenarios_counted} passing scenarios"
        ]
        if not self.scenarios_counted:
            lines.append(
                "no passing scenario assessed with this pack: name it in the features with "
                'Given the rule pack "<folder>", or pass the same folder with --rules'
            )
        if self.scenarios_failed:
            lines.append(
                f"{len(self.scenarios_failed)} failing scenarios not counted: "
                + ", ".join(self.scenarios_failed)
            )
        width = max((len(r.id) for r in self.rules), default=10)
        for r in self.rules:
            mark = "ok " if r.covered else "-- "
            lines.append(
                f"{mark}{r.id:<{width}}  fired in {len(r.fired_in)}, silent in {len(r.silent_in)}"
            )
        if self.never_fired:
            lines.append("never fired: " + ", ".join(self.never_fired))
        if self.never_silent:
            lines.append("never shown silent: " + ", ".join(self.never_silent))
        return "\n".join(lines) + "\n"


def pack_key(path: str | Path | None) -> str | None:
    """How a scenario's rule pack is compared: None for the shipped pack, however it was named
    (`Given the default rule pack` or the folder it is installed from), else the resolved path."""
    if path is None:
        return None
    resolved = Path(path).resolve()
    default = Path(str(default_pack_root())).resolve()
    return None if resolved == default else str(resolved)


def summarize(
    records: Sequence[dict[str, Any]],
    pack: RulePack,
    pack_dir: Path | None,
    include_inherited: bool = False,
    pytest_exit: int = 0,
) -> CoverageReport:
    """Coverage of one pack's rules from the plugin's per-scenario records. Only scenarios that
    assessed with this pack and passed count."""
    wanted = pack_key(pack_dir)
    rules = pack.rules if include_inherited else pack.own_rules()
    table = {r.id: RuleCoverage(r.id) for r in rules}
    counted = 0
    failed = []
    for record in records:
        if pack_key(record.get("pack")) != wanted:
            continue
        name = f"{record.get('feature')}: {record.get('scenario')}"
        if record.get("outcome") != "passed":
            failed.append(record["test"])
            continue
        counted += 1
        for key, attr in (
            ("fired", "fired_in"),
            ("silent", "silent_in"),
            ("asserted_fire", "asserted_fire_in"),
            ("asserted_silent", "asserted_silent_in"),
        ):
            for rule_id in record.get(key, []):
                if rule_id in table:
                    getattr(table[rule_id], attr).append(name)
    ordered = [table[k] for k in sorted(table)]
    return CoverageReport(
        pack.manifest.name,
        len([r for r in records if pack_key(r.get("pack")) == wanted]),
        counted,
        sorted(failed),
        ordered,
        pytest_exit,
    )


def run_features(
    paths: Sequence[str], extra_args: Sequence[str] = ()
) -> tuple[list[dict[str, Any]], int, str]:
    """Run pytest on feature files in a subprocess with coverage recording; the records, pytest's
    exit code and its output."""
    with tempfile.TemporaryDirectory(prefix="advisor-coverage-") as tmp:
        target = Path(tmp) / "coverage.json"
        command = [
            sys.executable,
            "-m",
            "pytest",
            *paths,
            f"--advisor-coverage={target}",
            # The plugin is opt-in per project; asking for coverage is opting in.
            "-o",
            "advisor_collect_features=true",
            "-q",
            "-p",
            "no:cacheprovider",
            *extra_args,
        ]
        env = dict(os.environ)
        env.pop("PYTEST_ADDOPTS", None)
        proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if proc.returncode not in (0, 1) or not target.exists():
            raise AdvisorError(
                Problem(
                    f"pytest could not run the features (exit {proc.returncode})",
                    hint=(proc.stdout + proc.stderr).strip().splitlines()[-1:][0]
                    if (proc.stdout + proc.stderr).strip()
                    else None,
                )
            )
        data = json.loads(read_text(target, limit=None))
    return list(data.get("scenarios", [])), proc.returncode, proc.stdout
