"""Import arrows point inward: domain <- application <- infrastructure <- entrypoints, and SDKs stay outside.

Inside infrastructure, each adapter package stands alone: it imports itself, `infrastructure.common`, the domain and
the application, never another adapter package; `common` imports no adapter package.
"""

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


INFRASTRUCTURE = ROOT / "slotline" / "infrastructure"
COMMON = "common"
ADAPTERS = sorted(p.parent.name for p in INFRASTRUCTURE.glob("*/__init__.py") if p.parent.name != COMMON)
# Well-kept libraries a neutral helper may use; a vendor SDK (boto3, msgraph, telcoflow, ...) belongs in its adapter.
COMMON_LIBRARIES = {"numpy", "phonenumbers", "soxr"}


def _package_of(path: Path) -> list[str]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return parts if path.name == "__init__.py" else parts[:-1]


def full_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in `path`, relative ones resolved; `from slotline.infrastructure import x`
    counts as importing `slotline.infrastructure.x`."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = _package_of(path)
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if module in ("slotline", "slotline.infrastructure") or not node.module:
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def _adapter_import_allowed(own: str, module: str) -> bool:
    parts = module.split(".")
    if parts[0] != "slotline":
        return True
    if len(parts) > 1 and parts[1] in ("domain", "application"):
        return True
    return len(parts) > 2 and parts[1] == "infrastructure" and parts[2] in (own, COMMON)


def seam_violations(package: str) -> list[str]:
    """One line per import in `slotline/infrastructure/<package>/` that reaches another adapter or entrypoints."""
    return [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted((INFRASTRUCTURE / package).rglob("*.py"))
        for line, module in full_imports(path)
        if not _adapter_import_allowed(package, module)
    ]


def test_infrastructure_holds_the_adapters_and_common() -> None:
    assert {"aws", "espeak", "pocketsphinx_stt", "sqlite", "telcoflow"} <= set(ADAPTERS)
    assert (INFRASTRUCTURE / COMMON / "__init__.py").is_file()


@pytest.mark.parametrize("package", ADAPTERS)
def test_an_adapter_package_imports_no_other_adapter(package: str) -> None:
    violations = seam_violations(package)
    assert not violations, violations[0] if len(violations) == 1 else "\n".join(violations)


def test_common_imports_no_adapter_package() -> None:
    violations = seam_violations(COMMON)
    assert not violations, violations[0] if len(violations) == 1 else "\n".join(violations)


def test_common_imports_no_vendor_sdk() -> None:
    for path in sorted((INFRASTRUCTURE / COMMON).rglob("*.py")):
        for line, module in full_imports(path):
            top = module.split(".")[0]
            allowed = top in STDLIB or top in COMMON_LIBRARIES or top in ("slotline", "__future__")
            assert allowed, f"{path.relative_to(ROOT)}:{line} imports {module}"


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


def _test_names(path: Path) -> set[str]:
    """Test functions, and test classes (a contract's subclass inherits its tests)."""
    tree = ast.parse(path.read_text(), str(path))
    functions = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef) and n.name.startswith("Test")}
    return {name for name in functions if name.startswith("test_")} | classes


def test_every_test_module_holds_a_test() -> None:
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        assert _test_names(path), f"{path.relative_to(ROOT)} holds no test; a module of helpers is named *_helpers.py"
