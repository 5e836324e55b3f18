"""The package's shape: three wings, each importing only what it may, and no cycle."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "build_tools"


def imports() -> dict[str, set[str]]:
    """Module -> the modules it imports (every import, at any depth of the code)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[module] = names
    return found


def test_only_the_adapter_imports_mkdocs_and_only_nlp_imports_spacy():
    for module, names in imports().items():
        tops = {name.split(".")[0] for name in names}
        if tops & {"mkdocs", "material"}:
            assert module.startswith("build_tools.mkdocs."), module
        if "spacy" in tops:
            assert module == "build_tools.convert.nlp", module


def test_the_archive_core_never_imports_the_converter_or_the_adapter():
    for module, names in imports().items():
        if module.startswith("build_tools.archive"):
            inner = {n for n in names if n.startswith("build_tools.")}
            wrong = {
                n for n in inner if n.startswith(("build_tools.mkdocs", "build_tools.convert"))
            }
            assert not wrong, (module, wrong)


def test_no_import_cycle_between_modules():
    graph = imports()
    modules = set(graph)
    edges = {m: {n for n in names if n in modules and n != m} for m, names in graph.items()}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for other in edges[module]:
            if state.get(other) == 1:
                raise AssertionError(" -> ".join([*path, module, other]))
            if other not in state:
                visit(other, [*path, module])
        state[module] = 2

    for module in sorted(modules):
        if module not in state:
            visit(module, [])
