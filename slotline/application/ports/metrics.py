"""What operators are shown about calls as they happen: counts, outcomes and timings, for a metrics backend."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from slotline.domain.call_record import CallResult


class TurnStage(StrEnum):
    """The parts of one caller turn's latency, from the end of the caller's speech to the agent's first audio."""

    RECOGNISED = "recognised"
    """End of caller speech -> the turn is over and its words are known (includes the end-of-turn wait)."""
    DECIDED = "decided"
    """Recognised -> the reply is decided (understanding, the dialogue policy, backend calls)."""
    FIRST_AUDIO = "first_audio"
    """Decided -> the first audio of the reply is on the line (synthesis of its first sentence)."""
    VOICE_TO_VOICE = "voice_to_voice"
    """End of caller speech -> first audio of the reply: the three above together."""


class RejectionKind(StrEnum):
    """Why a caller turn gave the dialogue nothing to act on."""

    NO_WORDS = "no_words"
    """The recogniser returned no words: noise, or speech it rejected as out of domain or unsure."""
    NOT_UNDERSTOOD = "not_understood"
    """Words were recognised but meant nothing the agent can act on."""
    RECOGNISER_FAILED = "recogniser_failed"
    """The recogniser failed on the turn (down, too slow, a broken answer): the agent apologised and handed over."""


class Backend(StrEnum):
    """The outside systems a call waits on."""

    CALENDAR = "calendar"
    SMS = "sms"
    STORAGE = "storage"


class CallMetrics(Protocol):
    """Told at the application's seams what happened; a metrics backend counts it. Never raises, never blocks."""

    def call_started(self) -> None: ...

    def call_ended(self, outcome: CallResult) -> None:
        """A call finished, with the outcome its call record gets."""
        ...

    def turn_stage(self, stage: TurnStage, seconds: float) -> None: ...

    def recognition_rejected(self, kind: RejectionKind) -> None: ...

    def backend_called(self, backend: Backend, seconds: float, *, failed: bool) -> None:
        """One call to a backend took `seconds`; `failed` when it raised a backend error (not a booking answer)."""
        ...

    def telephony_reconnected(self) -> None:
        """The connection to the telephony platform was re-established after it dropped."""
        ...

    def outbox_counted(self, pending: int, dead: int) -> None:
        """The outbox now holds `pending` texts waiting to be sent and `dead` ones that will not be."""
        ...


class NoCallMetrics:
    """CallMetrics that counts nothing: the default for library users, chats and tests."""

    def call_started(self) -> None:
        pass

    def call_ended(self, outcome: CallResult) -> None:
        pass

    def turn_stage(self, stage: TurnStage, seconds: float) -> None:
        pass

    def recognition_rejected(self, kind: RejectionKind) -> None:
        pass

    def backend_called(self, backend: Backend, seconds: float, *, failed: bool) -> None:
        pass

    def telephony_reconnected(self) -> None:
        pass

    def outbox_counted(self, pending: int, dead: int) -> None:
        pass
