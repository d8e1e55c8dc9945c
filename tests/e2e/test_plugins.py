"""A backend another package publishes through an entry point is selected by configuration alone.

`tests/plugins/slotline-example-crm` is a real package (installed by `make test`) whose `slotline.customers` entry
point `example_crm` keeps customers in a JSON file named by its one setting, `path`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slotline.entrypoints.plugins import PORTS, installed
from tests.e2e.conftest import CALLER, Slotline, chat

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
        "unknown backend 'salesforce'; choose one of sqlite, example_crm\n"
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
