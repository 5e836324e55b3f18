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


def module_bindings(source: str) -> dict[str, list[int]]:
    """Name -> the lines a module's top level binds it on (assignments with a value,
    functions, classes; not augmented assignments, which extend a name on purpose)."""
    bound: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            names = [node.target.id] if isinstance(node.target, ast.Name) else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        else:
            names = []
        for name in names:
            bound.setdefault(name, []).append(node.lineno)
    return bound


def test_no_module_binds_a_top_level_name_twice():
    """A second ``_ROLE_BEFORE = ...`` 1,100 lines below the first silently replaced an
    office regex in resolve.py and dropped two trial bodies, with no test failing and no
    lint warning (ruff's F811 covers imports and functions, not assignments)."""
    assert module_bindings("A = 1\nB = 2\nA = 3\nB += 1\n") == {"A": [1, 3], "B": [2]}
    twice = {
        f"{path.relative_to(ROOT)}: {name} (lines {', '.join(map(str, lines))})"
        for folder in (PACKAGE, ROOT / "tools")
        for path in folder.rglob("*.py")
        for name, lines in module_bindings(path.read_text(encoding="utf-8")).items()
        if len(lines) > 1
    }
    assert not twice, "rename one of each pair: " + "; ".join(sorted(twice))
