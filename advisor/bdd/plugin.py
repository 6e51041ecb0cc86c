"""The pytest plugin (entry point `advisor`), opt-in per project: with the ini option
`advisor_collect_features = true` it collects `.feature` files that no Python module binds,
provides the shipped steps and their fixtures, turns undefined steps and step mistakes into one
clear located message, and records rule coverage with --advisor-coverage=FILE (also under
pytest-xdist). A project that did not opt in sees nothing of it but the option's help text:
nothing is collected and the advisor is not imported."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import AdvisorError

COVERAGE_FORMAT = 1
OPT_IN = "advisor_collect_features"
_RECORDS = pytest.StashKey[list[dict[str, Any]]]()
_WORLD = pytest.StashKey[Any]()
# A test report attribute carrying one scenario's coverage record: pytest serializes a
# report's extra attributes, so pytest-xdist workers hand the records to the controller.
_REPORT_ATTR = "advisor_coverage"


def _have_bdd() -> bool:
    return importlib.util.find_spec("pytest_bdd") is not None


def _opted_in(config: pytest.Config) -> bool:
    return bool(config.getini(OPT_IN))


class AdvisorPool:
    """One Advisor per rule pack for the whole test session: packs load and compile once."""

    def __init__(self) -> None:
        self._advisors: dict[Path | None, Any] = {}

    def get(self, pack: Path | None) -> Any:
        from advisor.api import Advisor

        if pack not in self._advisors:
            self._advisors[pack] = Advisor(pack)
        return self._advisors[pack]

    def close(self) -> None:
        for advisor in self._advisors.values():
            advisor.close()
        self._advisors.clear()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("advisor", "the advisor's rule features")
    group.addoption(
        "--advisor-coverage",
        metavar="FILE",
        default=None,
        help="write, per scenario, the rules that fired, stayed silent, and were asserted (JSON)",
    )
    parser.addini(
        OPT_IN,
        "collect .feature files as tests with the advisor's shipped steps (default false; "
        "a rule pack project sets it to true)",
        type="bool",
        default=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_RECORDS] = []
    if config.getoption("advisor_coverage"):
        config.pluginmanager.register(_Recorder(config.stash[_RECORDS]), "advisor-coverage")


def _register_steps(config: pytest.Config) -> None:
    """The shipped steps, registered on first need: their module imports the advisor."""
    from advisor.bdd import brief_steps, steps

    if not config.pluginmanager.is_registered(steps):
        # The steps' fixtures must live in a registered plugin to be visible to every test.
        config.pluginmanager.register(steps, "advisor.bdd.steps")
    if not config.pluginmanager.is_registered(brief_steps):
        config.pluginmanager.register(brief_steps, "advisor.bdd.brief_steps")


# ---------------------------------------------------------------- collecting .feature files


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".feature" or not _opted_in(parent.config):
        return None
    if _have_bdd():
        _register_steps(parent.config)
    collector: pytest.Collector = FeatureModule.from_parent(parent, path=file_path)
    return collector


def scenario_template(function: object) -> Any:
    """The pytest-bdd scenario a test function runs, or None. pytest-bdd has no public way to
    ask: 9.x keeps a registry of scenario functions, 8.x marks them with `__scenario__` (both
    pinned by tests/test_bdd_plugin.py)."""
    template = getattr(function, "__scenario__", None)
    if template is None:
        # the module, not pytest_bdd.scenario the function, which the package re-exports
        scenario_module = importlib.import_module("pytest_bdd.scenario")
        registry = getattr(scenario_module, "scenario_wrapper_template_registry", None)
        if registry is not None:
            try:
                template = registry.get(function)
            except TypeError:  # not hashable or not weak-referenceable: not a scenario
                template = None
    return template


def _scenario_key(item: pytest.Item) -> tuple[str, str] | None:
    """(feature file, scenario name) of a pytest-bdd scenario test, else None."""
    template = scenario_template(getattr(item, "obj", None))
    feature = getattr(template, "feature", None)
    if feature is None:
        return None
    return os.path.realpath(feature.filename), str(getattr(template, "name", ""))


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """A scenario a project binds itself with pytest-bdd's `scenarios()` runs once, from the
    project's module: the copy collected from the .feature file is deselected."""
    if not _opted_in(config) or not _have_bdd():
        return
    bound = {
        key
        for item in items
        if not isinstance(item.parent, FeatureModule) and (key := _scenario_key(item))
    }
    if bound:
        _register_steps(config)
    twins = [
        item
        for item in items
        if isinstance(item.parent, FeatureModule) and _scenario_key(item) in bound
    ]
    if twins:
        config.hook.pytest_deselected(items=twins)
        items[:] = [item for item in items if item not in twins]


class FeatureModule(pytest.Module):
    """A feature file collected like a test module: one test function per scenario, built by
    pytest-bdd itself, so outlines, tags and hooks behave as with `scenarios()`."""

    def _getobj(self) -> types.ModuleType:
        if not _have_bdd():
            raise self.CollectError(
                f"{_shown(self.path)}: install pytest-bdd to run .feature files "
                "(pip install 'healthcare-social-advisor[bdd]'), or set "
                f"{OPT_IN} = false"
            )
        from pytest_bdd.exceptions import GherkinParseError
        from pytest_bdd.feature import get_feature
        from pytest_bdd.scenario import get_python_name_generator, scenario

        module = types.ModuleType(f"advisor_feature_{abs(hash(str(self.path)))}")
        module.__file__ = str(self.path)
        base, name = str(self.path.parent), self.path.name
        unreadable = _unreadable_feature(self.path)
        if unreadable is not None:
            raise self.CollectError(unreadable)
        try:
            feature = get_feature(base, name)
        except GherkinParseError as err:
            # pytest-bdd's message spans four lines and names the absolute path: one line here.
            raise self.CollectError(_gherkin_problem(self.path, err)) from None
        for scenario_name in feature.scenarios:
            test = scenario(name, scenario_name, features_base_dir=base)(_nothing)
            for test_name in get_python_name_generator(scenario_name):
                if not hasattr(module, test_name):
                    setattr(module, test_name, test)
                    break
        return module

    def istestfunction(self, obj: object, name: str) -> bool:
        # Every scenario is a test whatever `python_functions` a project configures.
        return name.startswith("test_") and callable(obj)


def _nothing() -> None:
    """The body of a scenario test: the steps do all the work."""


MAX_FEATURE_BYTES = 1_000_000


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _gherkin_problem(path: Path, err: Any) -> str:
    """pytest-bdd's parse error (four lines, an absolute path, sometimes a "Parser errors:"
    header) as `file:line: what is wrong (the line reads: ...)`."""
    texts = [
        re.sub(r"^(Unknown parsing error: )?(Parser errors:)?\s*(\(\d+:\d+\):\s*)?", "", t)
        for t in str(err.message).splitlines()
    ]
    text = next((t.strip() for t in texts if t.strip()), "not valid Gherkin")
    content = str(err.line_content).strip()
    reads = f" (the line reads: {content})" if content else ""
    return f"{_shown(path)}:{err.line}: {text}{reads}"


def _unreadable_feature(path: Path) -> str | None:
    """A one-line reason a .feature file cannot be parsed at all, checked before pytest-bdd
    reads it (its errors for these are tracebacks: KeyError, UnicodeDecodeError)."""
    from advisor.errors import InputError
    from advisor.files.read import read_bytes

    where = _shown(path)
    try:  # bounded by the bytes read; FIFOs, devices and unreadable files refused, located
        data = read_bytes(path, where, MAX_FEATURE_BYTES)
    except InputError as err:
        problem = err.problems[0]
        if problem.message.startswith("file is larger than"):
            return f"{where}: the file is larger than {MAX_FEATURE_BYTES:,} bytes"
        return f"{where}: {problem.message}"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return f"{where}: the file is UTF-16 or UTF-32; save it as UTF-8"
    if b"\0" in data:
        return f"{where}: not a text file (it holds NUL bytes)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return f"{where}:{line}: not UTF-8 text (byte {err.start + 1} is 0x{data[err.start]:02x})"
    lines = (t.strip() for t in text.splitlines())
    if not any(t and not t.startswith("#") for t in lines):
        return f"{where}:1: the file is empty: a feature file starts with a 'Feature:' line"
    return None


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def advisor_pool() -> Iterator[AdvisorPool]:
    """The session's Advisors, one per rule pack."""
    pool = AdvisorPool()
    yield pool
    pool.close()


@pytest.fixture
def advisor_world(request: pytest.FixtureRequest) -> Any:
    """The scenario's profile, rule pack and report."""
    from advisor.bdd.world import World

    return World(rootdir=request.config.rootpath)


# ---------------------------------------------------------------- pytest-bdd hooks


def _where(feature: Any, line: int) -> str:
    return f"{_shown(Path(feature.filename))}:{line}"


# optionalhook: pytest must still start when pytest-bdd is not installed.
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    world = request.getfixturevalue("advisor_world")
    world.feature_file = Path(feature.filename)
    world.scenario = scenario.name
    request.node.stash[_WORLD] = world


# optionalhook: pytest must still start when pytest-bdd is not installed.
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_step(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Any
) -> None:
    request.getfixturevalue("advisor_world").step_line = step.line_number


# optionalhook: pytest must still start when pytest-bdd is not installed.
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_error(
    request: pytest.FixtureRequest,
    feature: Any,
    scenario: Any,
    step: Any,
    step_func: Callable[..., object],
    step_func_args: dict[str, object],
    exception: Exception,
) -> None:
    """A step's own failure reads as one located sentence, not a traceback into the library."""
    from advisor.bdd.world import StepProblem

    if isinstance(exception, StepProblem | AdvisorError):
        _fail(f"{_where(feature, step.line_number)}: {step.keyword} {step.name}\n  {exception}")


# optionalhook: pytest must still start when pytest-bdd is not installed.
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: Exception
) -> None:
    """An undefined step names its file and line and the nearest shipped steps."""
    from advisor.bdd.registry import nearest_steps

    near = "\n".join(
        f"    {s.keyword.capitalize()} {s.display}   e.g. {s.example}"
        for s in nearest_steps(step.type, step.name)
    )
    _fail(
        f"{_where(feature, step.line_number)}: undefined step: {step.keyword} {step.name}\n"
        f"  nearest steps:\n{near}\n  every step: docs/steps.md"
    )


def _fail(message: str) -> None:
    """Fail the test with just this message: no traceback, no chained library exception."""
    failure = pytest.fail.Exception(message, pytrace=False)
    raise failure from None


# ---------------------------------------------------------------- coverage records


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if call.when == "call" and item.config.getoption("advisor_coverage"):
        world = item.stash.get(_WORLD, None)
        if world is not None and world.assessed:
            setattr(
                report,
                _REPORT_ATTR,
                {
                    "test": item.nodeid,
                    "feature": _relative(world.feature_file, item.config.rootpath),
                    "scenario": world.scenario,
                    "outcome": report.outcome,
                    "pack": str(world.pack.resolve()) if world.pack else None,
                    "pack_name": world.pack_label,
                    "fired": sorted(world.fired),
                    "silent": sorted(world.rule_ids - world.fired) if world.evaluated else [],
                    "asserted_fire": sorted(world.asserted_fire),
                    "asserted_silent": sorted(world.asserted_silent),
                },
            )
    return report


class _Recorder:
    """Collects the coverage records of one pytest run from the test reports: in a plain run
    this process's own, under pytest-xdist the workers' reports as the controller gets them."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = getattr(report, _REPORT_ATTR, None)
        if record is not None and report.when == "call":
            self.records.append(record)


def _relative(path: Path | None, root: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = session.config.getoption("advisor_coverage")
    if not target or _is_xdist_worker(session.config):
        return
    recorded: list[dict[str, Any]] = session.config.stash[_RECORDS]
    records = sorted(recorded, key=lambda r: str(r["test"]))
    if not records:
        # Asked for coverage and got none: an error, never a silent 0 %.
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    path = Path(target)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(
        # One line per scenario: the file grows with scenarios x rules, so no deep indentation.
        "{"
        + f'"format": {COVERAGE_FORMAT}, "scenarios": [\n'
        + ",\n".join(json.dumps(r, separators=(",", ":")) for r in records)
        + "\n]}\n",
        encoding="utf-8",
    )
    tmp.replace(path)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    target = config.getoption("advisor_coverage")
    if target and not _is_xdist_worker(config) and not config.stash.get(_RECORDS, []):
        terminalreporter.write_line(
            f"advisor coverage: no scenario recorded into {target}: were any .feature files "
            f"run? (a project opts in with {OPT_IN} = true)",
            red=True,
        )
