"""A backend another package publishes through an entry point is selected by configuration alone.

`tests/plugins/slotline-example-crm` is a real package (installed by `make test`) whose `slotline.customers` entry
point `example_crm` keeps customers in a JSON file named by its one setting, `path`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from slotline.entrypoints.container import build_container
from slotline.entrypoints.plugins import PORTS, PluginBroken, installed
from slotline.entrypoints.settings import CustomersSettings, load_settings
from tests.e2e.conftest import CALLER, NOW, Slotline, chat

CUSTOMERS = next(port for port in PORTS if port.group == "slotline.customers")


@pytest.fixture(autouse=True)
def example_crm_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "example_crm" in installed(CUSTOMERS), "pip install -e tests/plugins/slotline-example-crm (make test does)"
    for name in ("SLOTLINE_CONFIG", "SLOTLINE_CUSTOMERS__BACKEND", "SLOTLINE_CUSTOMERS__EXAMPLE_CRM__PATH"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def crm(tmp_path: Path) -> Path:
    path = tmp_path / "crm.json"
    path.write_text(json.dumps({CALLER: "Fox Mulder"}))
    return path


def test_a_toml_file_selects_the_plugin_and_the_greeting_uses_its_customer(
    slotline: Slotline, crm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text(f'[customers]\nbackend = "example_crm"\n\n[customers.example_crm]\npath = "{crm}"\n')
    monkeypatch.setenv("SLOTLINE_CONFIG", str(config))

    run = chat(slotline, "")

    assert run.code == 0, run.err
    assert run.agent[0].startswith("Hi Fox, thanks for calling Maple Street Clinic.")


def test_the_environment_selects_the_plugin(slotline: Slotline, crm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__BACKEND", "example_crm")
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__EXAMPLE_CRM__PATH", str(crm))

    run = chat(slotline, "")

    assert run.agent[0].startswith("Hi Fox, thanks for calling Maple Street Clinic.")


def test_a_bad_plugin_setting_is_one_line_naming_it(
    slotline: Slotline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__BACKEND", "example_crm")
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__EXAMPLE_CRM__PATH", str(tmp_path / "missing.json"))

    run = chat(slotline, "")

    expected = (
        "slotline: error: setting customers.example_crm.path (env SLOTLINE_CUSTOMERS__EXAMPLE_CRM__PATH): "
        f"path does not point to a file (got '{tmp_path / 'missing.json'}')\n"
    )
    assert (run.code, run.out, run.err) == (2, [], expected)


def test_a_missing_plugin_section_is_one_line_naming_the_setting(
    slotline: Slotline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__BACKEND", "example_crm")

    run = chat(slotline, "")

    expected = "slotline: error: setting customers.example_crm.path (env SLOTLINE_CUSTOMERS__EXAMPLE_CRM__PATH): field required\n"
    assert (run.code, run.err) == (2, expected)


def test_an_unknown_backend_lists_the_built_in_and_installed_choices(
    slotline: Slotline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__BACKEND", "salesforce")

    run = chat(slotline, "")

    expected = (
        "slotline: error: setting customers.backend (env SLOTLINE_CUSTOMERS__BACKEND): "
        "unknown backend 'salesforce'; choose one of sqlite, postgres, example_crm\n"
    )
    assert (run.code, run.err) == (2, expected)


def test_a_section_that_names_no_setting_and_no_plugin_is_refused(
    slotline: Slotline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text('[customers.salesforce]\ntoken = "x"\n')
    monkeypatch.setenv("SLOTLINE_CONFIG", str(config))

    run = chat(slotline, "")

    expected = "slotline: error: unknown setting 'customers.salesforce': no such setting and no plugin of that name\n"
    assert (run.code, run.err) == (2, expected)


def fake_distribution(folder: Path, entry_points: str, module: str = "") -> Path:
    """A real installed distribution as importlib.metadata reads it: a dist-info folder on the path, maybe a module."""
    info = folder / "slotline_fake_plugins-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: slotline-fake-plugins\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points)
    if module:
        (folder / "slotline_fake_plugins.py").write_text(module)
    return folder


def slotline_with(folder: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SLOTLINE_")}
    path = os.pathsep.join([str(folder), *sys.path])
    return subprocess.run(
        [sys.executable, "-m", "slotline", *args],
        input="",  # the caller hangs up at once
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **env, "PYTHONPATH": path},
        check=False,
    )


def test_a_plugin_named_like_a_built_in_backend_is_never_loaded(tmp_path: Path) -> None:
    hijack = "raise RuntimeError('a plugin replaced the built-in sqlite customers')\n"
    folder = fake_distribution(
        tmp_path / "site", "[slotline.customers]\nsqlite = slotline_fake_plugins:plugin\n", hijack
    )

    chosen = slotline_with(folder, "chat", "--db", str(tmp_path / "x.db"), "--now", NOW, env={})
    unknown = slotline_with(folder, "chat", "--db", str(tmp_path / "x.db"), env={"SLOTLINE_CUSTOMERS__BACKEND": "x"})

    assert chosen.returncode == 0, chosen.stderr
    assert unknown.stderr.endswith("unknown backend 'x'; choose one of sqlite, postgres, example_crm\n")


def test_a_plugin_that_cannot_be_imported_is_one_line_naming_its_entry_point(tmp_path: Path) -> None:
    folder = fake_distribution(
        tmp_path / "site", "[slotline.sms]\npigeon = slotline_fake_plugins:plugin\n", "import no_such_module_anywhere\n"
    )
    run = slotline_with(folder, "chat", "--db", str(tmp_path / "x.db"), env={"SLOTLINE_SMS__BACKEND": "pigeon"})
    expected = (
        "slotline: error: sms.backend 'pigeon' (entry point 'slotline_fake_plugins:plugin' in slotline.sms) "
        "cannot be loaded: ModuleNotFoundError: No module named 'no_such_module_anywhere'\n"
    )
    assert (run.returncode, run.stderr) == (2, expected)


def test_an_object_that_is_not_a_plugin_is_refused(tmp_path: Path) -> None:
    folder = fake_distribution(
        tmp_path / "site", "[slotline.tts]\nparrot = slotline_fake_plugins:plugin\n", "plugin = 42\n"
    )
    run = slotline_with(folder, "chat", "--db", str(tmp_path / "x.db"), env={"SLOTLINE_SPEECH__TTS": "parrot"})
    expected = (
        "slotline: error: speech.tts 'parrot' (entry point 'slotline_fake_plugins:plugin' in slotline.tts) "
        "is not a BackendPlugin (it needs settings_model and build)\n"
    )
    assert (run.returncode, run.stderr) == (2, expected)


def test_in_code_the_container_builds_the_plugins_adapter(crm: Path, tmp_path: Path) -> None:
    section = {"backend": "example_crm", "example_crm": {"path": str(crm)}}
    settings = load_settings({"db": tmp_path / "x.db"}).model_copy(update={"customers": CustomersSettings(**section)})

    customers = build_container(settings).customers()

    assert type(customers).__name__ == "JsonCustomerDirectory"


def test_in_code_settings_naming_no_installed_backend_fail_when_the_port_is_built(tmp_path: Path) -> None:
    settings = load_settings({"db": tmp_path / "x.db"}).model_copy(
        update={"customers": CustomersSettings(backend="nope")}
    )

    with pytest.raises(PluginBroken, match=r"customers\.backend 'nope': no such backend is built in or installed"):
        build_container(settings).customers()
