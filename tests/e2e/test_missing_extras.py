"""The core install runs the text path with no vendor SDK, and a backend whose extra is missing says what to install.

Each case runs in a fresh interpreter where the vendor modules are made unimportable the honest way:
`sys.modules[name] = None` makes `import name` raise ImportError, as on a machine without that extra.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from slotline.entrypoints.wiring.extras import EXTRA_MODULES
from tests.e2e.conftest import CALLER, NOW

VENDOR = sorted(set().union(*EXTRA_MODULES.values()))

RUN_WITHOUT = """
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None
from slotline.entrypoints.cli import main
code = main(sys.argv[2:])
print("vendor modules imported:", sorted(n for n in sys.argv[1].split(",") if sys.modules.get(n) is not None))
sys.exit(code)
"""


def slotline_without(
    missing: list[str], *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SLOTLINE_")}
    return subprocess.run(
        [sys.executable, "-c", RUN_WITHOUT, ",".join(missing), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **(env or {})},
        check=False,
    )


def test_a_chat_books_with_no_vendor_sdk_importable(tmp_path: Path) -> None:
    lines = "i would like a haircut next tuesday afternoon\nthe first one\nyes\nno\n"
    run = slotline_without(
        VENDOR, "chat", "--caller", CALLER, "--now", NOW, "--db", str(tmp_path / "x.db"), stdin=lines
    )
    assert run.returncode == 0, run.stderr
    assert "I've sent you a text with the details." in run.stdout
    assert run.stdout.rstrip().endswith("vendor modules imported: []")


@pytest.mark.parametrize(
    ("variable", "value", "missing", "line"),
    [
        (
            "SLOTLINE_SMS__BACKEND",
            "sns",
            ["boto3"],
            """sms.backend "sns" needs the sns extra: pip install 'slotline[sns]'""",
        ),
        (
            "SLOTLINE_CALENDAR__BACKEND",
            "graph",
            ["msgraph"],
            """calendar.backend "graph" needs the graph extra: pip install 'slotline[graph]'""",
        ),
        (
            "SLOTLINE_STORAGE__BACKEND",
            "postgres",
            ["psycopg"],
            """"postgres" storage needs the postgres extra: pip install 'slotline[postgres]'""",
        ),
        (
            "SLOTLINE_UNDERSTANDING__BACKEND",
            "model",
            ["openai"],
            """understanding.model.provider "openai" needs the model-openai extra: pip install 'slotline[model-openai]'""",
        ),
        (
            "SLOTLINE_UNDERSTANDING__BACKEND",
            "model",
            ["boto3"],
            """understanding.model.provider "bedrock" needs the model-bedrock extra: pip install 'slotline[model-bedrock]'""",
        ),
    ],
)
def test_a_chat_on_a_backend_without_its_extra_is_one_line_and_exit_2(
    tmp_path: Path, variable: str, value: str, missing: list[str], line: str
) -> None:
    env = {
        variable: value,
        "SLOTLINE_UNDERSTANDING__MODEL__PROVIDER": "bedrock" if missing == ["boto3"] else "openai",
        "SLOTLINE_UNDERSTANDING__MODEL__MODEL": "m",
        "SLOTLINE_UNDERSTANDING__MODEL__MODEL_ID": "m",
        "SLOTLINE_CALENDAR__GRAPH__STATIC_TOKEN": "t",
        "SLOTLINE_CALENDAR__GRAPH__BASE_URL": "http://127.0.0.1:9/v1.0",
    }
    run = slotline_without(missing, "chat", "--now", NOW, "--db", str(tmp_path / "x.db"), env=env, stdin="hello\n")
    assert (run.returncode, run.stderr) == (2, f"slotline: error: {line}\n")


def test_serve_without_the_telcoflow_extra_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = slotline_without(["telcoflow"], "serve", "--db", str(tmp_path / "x.db"))
    expected = """slotline: error: telephony.backend "telcoflow" needs the telcoflow extra: pip install 'slotline[telcoflow]'\n"""
    assert (run.returncode, run.stderr) == (2, expected)


def test_serve_without_the_metrics_extra_is_one_line_and_exit_2(tmp_path: Path) -> None:
    telcoflow = {
        "SLOTLINE_TELCOFLOW__BASE_URL": "ws://127.0.0.1:9",
        "SLOTLINE_TELCOFLOW__API_KEY": "not-used-here",
        "SLOTLINE_TELCOFLOW__CONNECTOR_UUID": "00000000-0000-4000-8000-000000000001",
    }
    run = slotline_without(["prometheus_client", "aiohttp"], "serve", "--db", str(tmp_path / "x.db"), env=telcoflow)
    expected = "slotline: error: metrics.enabled needs the metrics extra: pip install 'slotline[metrics]'\n"
    assert (run.returncode, run.stderr) == (2, expected)


def test_serve_with_tracing_but_without_the_tracing_extra_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {
        "SLOTLINE_TELCOFLOW__BASE_URL": "ws://127.0.0.1:9",
        "SLOTLINE_TELCOFLOW__API_KEY": "not-used-here",
        "SLOTLINE_TELCOFLOW__CONNECTOR_UUID": "00000000-0000-4000-8000-000000000001",
        "SLOTLINE_TRACING__OTLP_ENDPOINT": "http://127.0.0.1:4318",
    }
    run = slotline_without(["opentelemetry"], "serve", "--db", str(tmp_path / "x.db"), env=env)
    expected = "slotline: error: tracing.otlp_endpoint needs the tracing extra: pip install 'slotline[tracing]'\n"
    assert (run.returncode, run.stderr) == (2, expected)


def test_a_tracing_endpoint_that_is_no_http_address_is_one_line(tmp_path: Path) -> None:
    env = {"SLOTLINE_TRACING__OTLP_ENDPOINT": "collector:4318"}
    run = slotline_without([], "serve", "--db", str(tmp_path / "x.db"), env=env)
    expected = (
        "slotline: error: setting tracing.otlp_endpoint (env SLOTLINE_TRACING__OTLP_ENDPOINT): value error, must be "
        "an http:// or https:// address, e.g. http://127.0.0.1:4318 (got 'collector:4318')\n"
    )
    assert (run.returncode, run.stderr) == (2, expected)


BUILD_IN_CODE = """
import sys
sys.modules["boto3"] = None
from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import load_settings
from slotline.entrypoints.wiring.extras import BackendNotInstalled
try:
    build_container(load_settings({"db": sys.argv[1]})).tts()
except BackendNotInstalled as exc:
    print(type(exc).__name__, exc.extra, exc)
"""


def test_building_in_code_raises_backend_not_installed(tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SLOTLINE_")}
    env = {**clean, "SLOTLINE_SPEECH__TTS": "polly"}
    run = subprocess.run(
        [sys.executable, "-c", BUILD_IN_CODE, str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert (
        run.stdout
        == """BackendNotInstalled polly speech.tts "polly" needs the polly extra: pip install 'slotline[polly]'\n"""
    )


@pytest.mark.parametrize("missing", ["starlette", "jinja2", "uvicorn"])
def test_console_without_the_console_extra_is_one_line_and_exit_2(tmp_path: Path, missing: str) -> None:
    run = slotline_without([missing], "console", "--db", str(tmp_path / "x.db"))
    expected = "slotline: error: slotline console needs the console extra: pip install 'slotline[console]'\n"
    assert (run.returncode, run.stderr) == (2, expected)
