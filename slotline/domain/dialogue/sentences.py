"""Joining pieces of what the agent says into sentences, and cutting them apart again for synthesis."""

from __future__ import annotations

import re

__all__ = ["full_stop", "join_sentences", "split_sentences"]

# A stop after one of these is not the end of a sentence ("Dr. Chen", "Maple St. Clinic").
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "mt", "jr", "sr", "vs", "etc", "approx", "e.g", "i.e"})
_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


def full_stop(text: str) -> str:
    """`text` ended with a full stop, unless it already ends a sentence ("Eastside Barber Co." is not doubled)."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def join_sentences(*pieces: str) -> str:
    """Pieces joined by one space; a piece that starts a sentence (first, or after . ! ?) starts with a capital.

    'That exact time isn't free.' + 'on Tuesday I have 3 PM.' -> 'That exact time isn't free. On Tuesday I have 3 PM.'
    """
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        starts_sentence = not out or out.rstrip("\"')]").endswith((".", "!", "?"))
        if starts_sentence:
            piece = piece[0].upper() + piece[1:]
        out = f"{out} {piece}" if out else piece
    return out


def split_sentences(text: str) -> list[str]:
    """'Thanks for calling. What can I do for you?' -> ['Thanks for calling.', 'What can I do for you?']."""
    out: list[str] = []
    start = 0
    for match in _END.finditer(text):
        piece = text[start : match.start()].strip()
        last_word = piece.rsplit(None, 1)[-1].rstrip(".!?").lower() if piece else ""
        if not piece or (piece.endswith(".") and last_word in _ABBREVIATIONS):
            continue
        out.append(piece + text[match.start() : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if any(c.isalnum() for c in s)]
