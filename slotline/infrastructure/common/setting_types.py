"""Setting values that read the same from the config file and from SLOTLINE_* environment variables.

Environment variables are always text, and pydantic matches a `Literal` choice exactly: "16000" is not 16000, so a
choice of numbers (`Literal[8000, 16000, 24000]`) refused every value given in the environment. `number_from_text`
turns a whole number written as text into the number before the choice is checked; anything else passes unchanged,
so the error still names the choices and what was given.
"""

from __future__ import annotations

import re

__all__ = ["number_from_text"]

_WHOLE_NUMBER = re.compile(r"[+-]?\d+")


def number_from_text(value: object) -> object:
    """For every numeric `Literal` setting: `Annotated[Literal[8000, 16000], BeforeValidator(number_from_text)]`."""
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value.strip()):
        return int(value)
    return value
