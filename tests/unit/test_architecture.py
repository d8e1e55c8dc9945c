"""Import arrows point inward: domain <- application <- infrastructure <- entrypoints, and SDKs stay outside."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["domain", "application", "infrastructure", "entrypoints"]
ALLOWED = {
    "domain": {"domain"},
    "application": {"domain", "application"},
    "infrastructure": {"domain", "application", "infrastructure"},
    "entrypoints": {"domain", "application", "infrastructure", "entrypoints"},
}
STDLIB = set(sys.stdlib_module_names)


def _layer(module: str) -> str:
    """`slotline.domain.x` -> `domain`; any other module -> its top-level name."""
    parts = module.split(".")
    return parts[1] if parts[0] == "slotline" and len(parts) > 1 else parts[0]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {_layer(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(_layer(node.module))
    return found


def files(layer: str) -> list[Path]:
    return sorted((ROOT / "slotline" / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_points_outward(layer: str) -> None:
    for path in files(layer):
        for name in imports(path):
            if name in LAYERS:
                assert name in ALLOWED[layer], f"{path.relative_to(ROOT)} imports {name}"


@pytest.mark.parametrize("layer", ["domain", "application"])
def test_core_uses_only_the_standard_library(layer: str) -> None:
    for path in files(layer):
        outside = {n for n in imports(path) if n not in STDLIB and n not in LAYERS and n != "__future__"}
        assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


def test_domain_has_no_clock_or_io() -> None:
    banned = ("datetime.now(", "date.today(", "open(", "asyncio", "time.time(")
    for path in files("domain"):
        text = path.read_text()
        for word in banned:
            assert word not in text, f"{path.relative_to(ROOT)} uses {word}"


def test_domain_public_surface_is_importable() -> None:
    import slotline.domain

    for name in slotline.domain.__all__:
        assert hasattr(slotline.domain, name), name


def test_every_public_class_name_means_one_thing() -> None:
    where: dict[str, list[str]] = {}
    for path in sorted((ROOT / "slotline").rglob("*.py")):
        for node in ast.parse(path.read_text(), str(path)).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    twice = {name: paths for name, paths in where.items() if len(paths) > 1}
    assert not twice, f"one class name, several classes: {twice}"


def _function_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}


def test_every_test_module_holds_a_test() -> None:
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        tests = [name for name in _function_names(path) if name.startswith("test_")]
        assert tests, f"{path.relative_to(ROOT)} holds no test; a module of helpers is named *_helpers.py"
