"""Caller scripts: one line per caller turn; an empty line is a turn the caller stays silent."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from slotline.domain.errors import InvalidValue

BUNDLED = ("book", "transfer")


def bundled_script(name: str) -> list[str]:
    return _lines(resources.files("slotline.entrypoints.demo").joinpath("scripts", f"{name}.txt").read_text())


def load_script(path: Path) -> list[str]:
    try:
        text = path.read_text()
    except OSError as exc:
        raise InvalidValue(f"cannot read the script {path}: {exc.strerror or exc}") from None
    lines = _lines(text)
    if not any(lines):
        raise InvalidValue(f"the script {path} has no caller lines")
    return lines


def _lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines
