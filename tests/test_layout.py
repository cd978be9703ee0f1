"""The layout reads as the pipeline: a folder per stage, each stating its contract, no stage
importing a later one, and no module importing one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "claimdiff"
STAGES = ["read", "extract", "align", "judge", "report"]


def _module(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The claimdiff modules a file imports, at the top or inside functions."""
    me = _module(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("claimdiff"):
                continue
            for alias in node.names:  # "from . import stance" imports a module
                sub = f"{target}.{alias.name}"
                out.add(sub if (PKG.parent / sub.replace(".", "/")).with_suffix(".py").exists()
                        or (PKG.parent / sub.replace(".", "/") / "__init__.py").exists() else target)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("claimdiff")}
    return out - {me}


GRAPH = {_module(p): _imports(p) for p in PKG.rglob("*.py")}


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_folder_with_its_contract(stage):
    init = PKG / stage / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    assert doc.lower().startswith(stage) and "Contract:" in doc, doc[:80]


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_no_stage_imports_a_later_one():
    late = [(m, t) for m, ts in GRAPH.items() for t in ts
            if _stage(m) is not None and _stage(t) is not None and _stage(t) > _stage(m)]
    assert late == []


def test_no_import_circles():
    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for t in GRAPH.get(todo.pop(), ()):
                if t not in seen:
                    seen.add(t)
                    todo.append(t)
        return seen
    assert sorted(m for m in GRAPH if m in reach(m)) == []
