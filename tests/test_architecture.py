"""The layout of docs/architecture.md holds: each stage of checker/ imports only the stages before
it and the shared modules, no two modules import each other (directly or round a longer loop),
and the CLI stays a thin layer. Every import counts: at the top of a module, inside a function
(imported on first use) and under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The stages in the order data flows (docs/architecture.md); the shared modules come before all.
SHARED = {
    "checker", "checker.errors", "checker.display", "checker.outcomes", "checker.jsonlayout", "checker.fingerprint",
    "checker.french", "checker.french.figures", "checker.french.sentences", "checker.french.units",
}
STAGES = ["reading", "extraction", "binding", "comparison", "running", "discovery", "render"]
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    paths = sorted([*(ROOT / "checker").rglob("*.py"), *(ROOT / "cli").rglob("*.py")])
    return {_module_name(path): path for path in paths if "__pycache__" not in path.parts}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of checker/ and cli/ that ``path`` imports, wherever the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in modules:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def _rank(module: str) -> int:
    if module in SHARED:
        return 0
    if module.startswith("cli"):
        return len(STAGES) + 1
    return STAGES.index(module.split(".")[1]) + 1


def test_every_module_of_checker_is_in_a_stage_or_shared() -> None:
    for module in _graph():
        if module.startswith("checker"):
            assert module in SHARED or module.split(".")[1] in STAGES, module


def test_each_stage_imports_only_the_stages_before_it() -> None:
    wrong = []
    for module, imported in _graph().items():
        if module == "checker":  # the package names its public API, imported on first use
            continue
        for other in imported:
            if _rank(other) > _rank(module):
                wrong.append(f"{module} imports {other}")
    assert wrong == []


def test_no_import_cycle() -> None:
    """A depth-first walk of the import graph finds no module on its own path."""
    graph = {module: imported - {"checker"} for module, imported in _graph().items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph.get(module, ())):
            if state.get(other) == 1:
                cycles.append(" -> ".join([*path[path.index(other):], other]))
            elif other not in state:
                walk(other, [*path, other])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert cycles == []


def test_a_stage_folder_says_what_goes_in_and_what_comes_out() -> None:
    for stage in STAGES:
        docstring = ast.get_docstring(ast.parse((ROOT / "checker" / stage / "__init__.py").read_text(encoding="utf-8")))
        assert docstring and "In:" in docstring and "Out:" in docstring, stage


def test_the_library_neither_prints_nor_exits() -> None:
    offending = []
    for module, path in _modules().items():
        if not module.startswith("checker"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"print", "exit", "quit"}:
                offending.append(f"{module}:{node.lineno} {node.func.id}")
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "sys" and node.attr == "exit":
                offending.append(f"{module}:{node.lineno} sys.exit")
    assert offending == []


def test_no_module_is_longer_than_a_reader_takes_in() -> None:
    long = {module: lines for module, path in _modules().items() if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_tests_mirror_the_layout() -> None:
    folders = {path.name for path in (ROOT / "tests").iterdir() if path.is_dir() and not path.name.startswith((".", "_"))}
    assert folders - {"data"} == {*STAGES, "cli"}
    for stage in STAGES:
        assert list((ROOT / "tests" / stage).glob("test_*.py")), stage


def test_docs_architecture_names_every_stage_and_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for module, path in _modules().items():
        if module.startswith("checker.") and path.name != "__init__.py":
            assert f"{path.stem}" in text, module
    for stage in STAGES:
        assert f"checker/{stage}/" in text, stage
