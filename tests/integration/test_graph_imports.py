"""msgraph stays off the start-up path: only infrastructure/msgraph imports it, and only where the gateway is built."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SDK = {"msgraph", "msgraph_core", "kiota_abstractions", "kiota_http", "kiota_authentication_azure"}
OURS = ROOT / "slotline" / "infrastructure" / "msgraph"


def top_level_imports(path: Path) -> set[str]:
    """Packages imported when `path` is imported: not inside functions, not under `if TYPE_CHECKING:`."""
    found: set[str] = set()

    def visit(nodes: list[ast.AST]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(list(node.orelse))
            elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                visit([c for c in ast.iter_child_nodes(node) if isinstance(c, ast.stmt | ast.excepthandler)])

    visit(list(ast.parse(path.read_text(), str(path)).body))
    return found


def test_nothing_outside_the_graph_adapter_imports_the_sdk() -> None:
    for layer in ("domain", "application", "infrastructure", "entrypoints"):
        for path in sorted((ROOT / "slotline" / layer).rglob("*.py")):
            if OURS in path.parents:
                continue
            assert not top_level_imports(path) & SDK, f"{path.relative_to(ROOT)} imports msgraph at import time"


def test_the_package_and_its_settings_are_cheap_to_import() -> None:
    assert not (top_level_imports(OURS / "__init__.py") | top_level_imports(OURS / "settings.py")) & SDK
    assert top_level_imports(OURS / "sdk.py") & SDK  # the check can see an import when there is one
    code = (
        "import sys, slotline.infrastructure.msgraph, slotline.entrypoints.container; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(SDK)!r}))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
