from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Protocol, runtime_checkable

from slotline.domain.dialogue.expectation import Expectation


class SpeechToText(Protocol):
    """Turns one caller utterance (PCM16 mono) into text as a recogniser produces it (lower case, words).

    `expecting`: what the agent's last question expects as an answer (None: nothing known). A recogniser may listen
    for it, and must still return whatever else the caller said; one that cannot use it ignores it.
    """

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str: ...


class SpeechStream(Protocol):
    """One turn's audio sent to a recogniser while the caller speaks; its words once it is over."""

    async def send(self, pcm: bytes) -> None:
        """More PCM16 mono of the turn, in order, as it arrives."""
        ...

    @property
    def partial(self) -> str:
        """The words heard so far (may change until `finish`); lower case."""
        ...

    async def finish(self) -> str:
        """No more audio: the final words of everything sent, as `SpeechToText.transcribe` would give them."""
        ...


@runtime_checkable
class StreamingSpeechToText(SpeechToText, Protocol):
    """A recogniser that can also hear a turn while it is spoken (a streaming cloud recogniser).

    The listener opens a stream when the caller starts speaking, so only the end of the turn remains to be heard
    when they stop. Failures are SpeechUnavailable, from `stream`, `send` or `finish`.
    """

    def stream(
        self, sample_rate: int, expecting: Expectation | None = None
    ) -> AbstractAsyncContextManager[SpeechStream]: ...


class TextToSpeech(Protocol):
    """Speaks one sentence as PCM16 mono at the asked rate."""

    async def synthesize(self, text: str, sample_rate: int) -> bytes: ...


class SpeechStarted:
    """The caller started talking (used for barge-in)."""

    __slots__ = ()


class Utterance:
    """One finished caller turn."""

    __slots__ = ("pcm",)

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm


class SpeechPaused:
    """The caller has gone quiet: `pcm` is exactly the Utterance this turn becomes if they stay quiet.

    Lets the recogniser start on the turn while the detector is still waiting to be sure it has ended.
    """

    __slots__ = ("pcm",)

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm


class TurnMayEnd:
    """The caller has been quiet for the short end-of-turn wait; `pcm` is the turn so far (as in SpeechPaused).

    If what they said sounds finished, the listener ends the turn here with `TurnDetector.end_turn()`; otherwise
    the detector ends it by itself after the full end-of-turn wait, unless the caller goes on talking.
    """

    __slots__ = ("pcm",)

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm


class SilenceTimeout:
    """The caller said nothing for the whole reply window."""

    __slots__ = ()


TurnEvent = SpeechStarted | SpeechPaused | TurnMayEnd | Utterance | SilenceTimeout


class TurnDetector(Protocol):
    """Turn-taking on the caller's audio, timed in audio time (frames), so it is deterministic."""

    def feed(self, frame: bytes) -> list[TurnEvent]:
        """Take one frame of caller audio; return what it completed."""
        ...

    def end_turn(self) -> Utterance | None:
        """End the caller's turn now, after a TurnMayEnd and before they speak again; None if no turn is pausing."""
        ...

    def expect_reply_after(self, seconds: float) -> None:
        """The agent has just queued `seconds` of speech: start the silence clock after it has played."""
        ...

    @property
    def agent_speaking(self) -> bool:
        """True while, in audio time, the agent's last reply is still playing (so caller speech is a barge-in)."""
        ...


class TurnDetectorFactory(Protocol):
    def __call__(self, sample_rate: int) -> TurnDetector: ...
