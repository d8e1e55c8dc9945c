"""slotline.testing stays a test kit: fakes on the core only, contracts on the core and pytest, and no layer
(nor `import slotline`) ever pulls it in. Beside test_architecture.py so that file stays as other work left it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TESTING = ROOT / "slotline" / "testing"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}
CORE = ("slotline.domain", "slotline.application")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, by its full dotted name."""
    tree = ast.parse(path.read_text(), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _outside(path: Path, allowed: tuple[str, ...]) -> set[str]:
    return {
        m
        for m in imported_modules(path)
        if m.split(".")[0] not in STDLIB and not any(m == a or m.startswith(f"{a}.") for a in allowed)
    }


def _files(under: Path) -> list[Path]:
    files = sorted(under.rglob("*.py"))
    assert files, f"nothing under {under}"
    return files


def test_the_fakes_import_only_the_core() -> None:
    for path in _files(TESTING / "fakes"):
        assert not _outside(path, (*CORE, "slotline.testing.fakes")), path.relative_to(ROOT)


def test_the_sample_business_is_domain_only() -> None:
    assert not _outside(TESTING / "sample.py", ("slotline.domain",))


def test_the_contracts_import_only_the_core_and_pytest() -> None:
    allowed = (*CORE, "slotline.testing.contracts", "slotline.testing.sample", "pytest")
    for path in _files(TESTING / "contracts"):
        assert not _outside(path, allowed), path.relative_to(ROOT)


@pytest.mark.parametrize("layer", ["domain", "application", "infrastructure", "entrypoints"])
def test_no_layer_imports_the_test_kit(layer: str) -> None:
    for path in _files(ROOT / "slotline" / layer):
        kit = {m for m in imported_modules(path) if m == "slotline.testing" or m.startswith("slotline.testing.")}
        assert not kit, f"{path.relative_to(ROOT)} imports {sorted(kit)}"


def test_running_slotline_never_loads_the_test_kit() -> None:
    probe = (
        "import sys, slotline, slotline.entrypoints.cli, slotline.entrypoints.container;"
        " loaded = sorted(m for m in sys.modules if m.startswith('slotline.testing') or m.split('.')[0] == 'pytest');"
        " print(loaded)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_the_test_kit_surface_is_importable() -> None:
    import slotline.testing.contracts
    import slotline.testing.fakes

    for package in (slotline.testing.fakes, slotline.testing.contracts):
        for name in package.__all__:
            assert hasattr(package, name), f"{package.__name__}.{name}"
