"""Helpers: build slotline's wheel once, and make fresh virtualenvs that install it the way an integrator would."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(into: Path) -> Path:
    """The wheel `pip wheel` builds from this checkout (hatchling from the dev environment, no download)."""
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(into)]
    subprocess.run([*command, str(ROOT)], check=True, capture_output=True, text=True)
    (wheel,) = into.glob("slotline-*.whl")
    return wheel


def outside_env() -> dict[str, str]:
    """This process's environment without anything that would put the checkout or this venv on the path."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    env.update(PYTHONNOUSERSITE="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    return {k: v for k, v in env.items() if not k.startswith("SLOTLINE_")}


def fresh_venv(where: Path, *requirements: str) -> Path:
    """A new virtualenv at `where` with `requirements` installed by pip; its bin folder."""
    venv.create(where, with_pip=True, clear=True)
    bin_dir = where / "bin"
    install = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *requirements]
    done = subprocess.run(install, capture_output=True, text=True, env=outside_env(), cwd=where, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pip install failed: {done.stderr.strip().splitlines()[-1:]}")
    return bin_dir
