"""The house, checked over the AST of advisor/: imports run one way down the pipeline's stages,
no module imports another in a loop, the third-party edges stay in their one place, and no module
or function grows past what a reader can hold."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "advisor"

# The stages, bottom up: a module may import its own stage and the stages below it. The package
# face (advisor/__init__.py, the public API) sits above the library it exposes; the pytest plugin
# and the command line are its consumers, and the workshop page one the command line serves.
STAGES = [
    "errors", "model", "rulebook", "files", "engine", "advice", "workflows", "render", "api",
    "authoring", "__init__", "bdd", "workshop", "cli", "__main__",
]
RANK = {name: rank for rank, name in enumerate(STAGES)}
# Who alone may import a third-party library that shapes the design.
ONLY = {
    "durable_rules_engine": ("engine.durable",),
    "durable": ("engine.durable",),
    "click": ("cli",),
    "rich": ("render",),
    # the workshop's web stack: only the workshop page serves HTTP or renders templates
    "starlette": ("workshop",),
    "fastapi": ("workshop",),
    "uvicorn": ("workshop",),
    "jinja2": ("workshop",),
    "dask": ("workflows.cluster",),
    "distributed": ("workflows.cluster",),
}
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
# The step declarations are a catalogue of small functions, one per Gherkin sentence.
LONG_MODULES_ALLOWED = {"advisor.bdd.steps"}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module an import statement names, at any depth (lazy imports count too)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:  # `from advisor.x import y` may name the module x.y
                yield node.lineno, f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


MODULES = dict(_modules())


def test_imports_run_one_way_down_the_stages() -> None:
    wrong = []
    for module, path in MODULES.items():
        here = _stage(module)
        for line, target in _imports(path):
            if target.split(".")[0] != "advisor" or target not in MODULES:
                continue
            there = _stage(target)
            if there != here and RANK[there] > RANK[here]:
                wrong.append(f"{module}:{line} imports {target} ({here} is below {there})")
    assert wrong == []


def test_no_module_imports_another_in_a_loop() -> None:
    graph = {
        module: {t for _, t in _imports(path) if t in MODULES and t != module}
        for module, path in MODULES.items()
    }
    # A package's face importing its own modules is how packages work, not a loop.
    for module, targets in graph.items():
        targets.difference_update({m for m in MODULES if m.startswith(module + ".")})
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("library", sorted(ONLY))
def test_third_party_edges_stay_in_their_one_place(library: str) -> None:
    allowed = ONLY[library]
    found = sorted(
        module
        for module, path in MODULES.items()
        for _, target in _imports(path)
        if target.split(".")[0] == library
        and not any(module == f"advisor.{a}" or module.startswith(f"advisor.{a}.") for a in allowed)
    )
    assert found == []


def test_no_module_is_longer_than_a_reader_can_hold() -> None:
    long = {
        module: n
        for module, path in MODULES.items()
        if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES
        and module not in LONG_MODULES_ALLOWED
    }
    assert long == {}


def test_no_function_is_longer_than_a_screen() -> None:
    long = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {size} lines")
    assert long == []
