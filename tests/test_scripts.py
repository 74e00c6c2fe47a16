"""The scripts and benchmarks reach only names the package still has.

They run against ``../shared`` and skip without it, so a name that moved (a split of
``resparse.evaluate``) breaks them only where the development set is; this reads their
source instead and checks every ``module.name`` they use on a resparse module.
"""

from __future__ import annotations

import ast
import importlib
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("scripts/*.py"), *ROOT.glob("benchmarks/*.py")])


def _resparse_aliases(tree: ast.Module) -> dict[str, str]:
    """Local names bound to resparse modules: ``from resparse import evaluate`` and the like."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("resparse"):
            for name in node.names:
                full = f"{node.module}.{name.name}"
                try:
                    importlib.import_module(full)
                except ImportError:
                    continue  # a function or class, not a module
                aliases[name.asname or name.name] = full
        elif isinstance(node, ast.Import):
            for name in node.names:
                if name.name.startswith("resparse.") and name.asname:
                    aliases[name.asname] = name.name
    return aliases


def _uses(path: pathlib.Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = _resparse_aliases(tree)
    return sorted(
        {
            (aliases[node.value.id], node.attr)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        }
    )


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_scripts_use_names_the_package_has(path: pathlib.Path) -> None:
    missing = [
        f"{module}.{name}"
        for module, name in _uses(path)
        if not hasattr(importlib.import_module(module), name)
    ]
    assert missing == []


def test_scripts_check_finds_a_moved_name(tmp_path: pathlib.Path) -> None:
    script = tmp_path / "old.py"
    script.write_text("from resparse import evaluate\nevaluate._tables\n", encoding="utf-8")
    assert ("resparse.evaluate", "_tables") in _uses(script)
    assert not hasattr(importlib.import_module("resparse.evaluate"), "_tables")
