"""Deepgram's live messages, read defensively: the SDK builds its models without validating them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from deepgram.listen.v1.types.listen_v1error import ListenV1Error
from deepgram.listen.v1.types.listen_v1results import ListenV1Results

__all__ = ["MalformedMessage", "Result", "error_text", "result_of", "words"]

_NOT_A_WORD = re.compile(r"[^a-z0-9' ]+")


class MalformedMessage(ValueError):
    """A message from the recogniser that does not have the shape of its protocol."""


@dataclass(frozen=True, slots=True)
class Result:
    """One `Results` message: the best transcript, and whether it is final and ends the caller's speech."""

    transcript: str
    is_final: bool
    speech_final: bool


def result_of(message: ListenV1Results) -> Result:
    """The first alternative of the first channel, checked (a message missing them is malformed)."""
    try:
        transcript = message.channel.alternatives[0].transcript
        is_final, speech_final = message.is_final, message.speech_final
    except (AttributeError, IndexError, TypeError) as exc:
        raise MalformedMessage("a Results message without channel.alternatives[0].transcript") from exc
    if not isinstance(transcript, str):
        raise MalformedMessage("a Results transcript that is not text")
    return Result(transcript, bool(is_final), bool(speech_final))


def error_text(message: ListenV1Error) -> str:
    """What an Error frame says, in one line."""
    variant = getattr(message, "variant", "") or "Error"
    description = getattr(message, "description", "") or getattr(message, "message", "") or ""
    return f"{variant}: {description}".replace("\n", " ")[:200]


def words(transcript: str) -> str:
    """Lower-case words, as the port promises: punctuation a model adds ("Yes, please.") is dropped."""
    return " ".join(_NOT_A_WORD.sub(" ", transcript.lower()).split())
