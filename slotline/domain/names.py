"""The rule for a person's name that came from outside (the CLI, a customer directory, a calendar event): it is read
out in the greeting, stored, printed to a terminal and written into calendar subjects, so it is cleaned where it
enters — NFC, no terminal escape sequences, no control or bidi-override characters, single spaces, capped."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["NAME_LIMIT", "clean_name"]

NAME_LIMIT = 80
"""Characters kept of a name: room for any real one, too few to fill a greeting or a calendar subject."""

# ECMA-48 escape sequences, 7-bit (ESC ...) and 8-bit (C1) forms: CSI (colours, cursor, clearing), OSC (window
# titles, hyperlinks) and DCS/SOS/PM/APC strings up to their terminator, and any other two-character escape.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# Bidi embeddings, overrides and isolates: they reorder what a terminal or a calendar shows around them.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"  # C0, DEL and C1


def clean_name(text: str, *, limit: int = NAME_LIMIT) -> str:
    """`text` NFC-normalised, without escape sequences or control characters, its whitespace collapsed to single
    spaces, and cut to `limit` characters; "" when nothing is left."""
    text = _BIDI.sub("", _ESCAPES.sub(" ", unicodedata.normalize("NFC", text)))
    text = "".join(" " if _is_control(ch) else ch for ch in text)
    return " ".join(text.split())[:limit].rstrip()
