"""What one phone call leaves on the record: who called, when, how it ended, and the transcript entry by entry.

A record is written as the call goes: begun when the call comes in, one entry appended per caller turn, agent line,
silence, barge-in, backend call and state change, and finished with its outcome. A record cut off mid-call (a
worker killed) has no end and no outcome, and every entry up to that point.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from slotline.domain.errors import InvalidValue
from slotline.domain.phone import PhoneNumber

__all__ = [
    "CallEnding",
    "CallEntry",
    "CallQuery",
    "CallRecord",
    "CallResult",
    "EntryKind",
    "TurnTimings",
    "call_outcome",
]


class CallResult(StrEnum):
    """How a call ended, from the business's point of view."""

    BOOKED = "booked"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    TRANSFERRED = "transferred"
    """Handed to a person who picked up (the reason is on the record)."""
    TRANSFER_UNANSWERED = "transfer unanswered"
    """Handed over, but nobody picked up (or the platform refused the transfer)."""
    CALLER_HUNG_UP = "caller hung up"
    """The caller left before the agent finished, and nothing was changed."""
    FAILED = "failed"
    """The agent's own error ended the call."""
    NO_CHANGE = "ended without change"
    """The agent said goodbye and nothing was booked, moved or cancelled."""


class EntryKind(StrEnum):
    CALLER = "caller"
    AGENT = "agent"
    SILENCE = "silence"
    """The caller said nothing for the whole reply window."""
    BARGE_IN = "barge-in"
    """The caller talked over the agent, whose audio was stopped."""
    BACKEND = "backend"
    """A call to the calendar, the ledger or the SMS provider, with its duration and error."""
    STATE = "state"
    """The call changed state (answered, connected to a person, disconnected)."""


@dataclass(frozen=True, slots=True)
class TurnTimings:
    """Where the wait after a caller turn went, in milliseconds from the end of the caller's speech (the pause the
    turn detector reported). None where that stage was not reached or cannot be observed."""

    recognised_ms: int | None = None
    """The recogniser had the words."""
    decided_ms: int | None = None
    """The agent had worked out its reply (the turn had ended and every backend call was done)."""
    first_audio_ms: int | None = None
    """The first agent audio of the reply (a "One moment, please." included) was on the line."""

    def __post_init__(self) -> None:
        for value in (self.recognised_ms, self.decided_ms, self.first_audio_ms):
            if value is not None and value < 0:
                raise InvalidValue(f"turn timings are counted from the end of speech, got {value} ms")


@dataclass(frozen=True, slots=True)
class CallEntry:
    """One line of a call's transcript. Which fields say something depends on `kind`; the rest are None."""

    seq: int
    """The entry's place in the call (0, 1, 2...): entries are shown in this order."""
    at: datetime
    kind: EntryKind
    text: str | None = None
    """Caller: the recognised words; agent: the line spoken; backend: the operation; state: the state entered.
    None for a caller or agent line when transcripts are off."""
    understood: str | None = None
    """Caller: the intent and fields the words were taken to mean ("book service='haircut' day=2026-12-01")."""
    timings: TurnTimings | None = None
    """Caller: the latency split of the agent's answer."""
    duration_ms: int | None = None
    """Backend: how long the call took."""
    error: str | None = None
    """Backend: why it failed; None when it succeeded."""

    def __post_init__(self) -> None:
        if self.seq < 0:
            raise InvalidValue(f"entry numbers start at 0, got {self.seq}")
        if self.at.tzinfo is None:
            raise InvalidValue(f"call record times must be time-zone aware, got {self.at.isoformat()}")


@dataclass(frozen=True, slots=True)
class CallEnding:
    """What `finish` adds to a record."""

    ended_at: datetime
    outcome: CallResult
    answered_at: datetime | None = None
    transfer_reason: str | None = None
    appointment_id: str | None = None


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One call. `entries` is empty in listings (`CallRecords.list`) and full from `CallRecords.get`."""

    call_id: str
    started_at: datetime
    caller: PhoneNumber | None
    """The caller's number in full (shown masked unless asked); None when withheld."""
    business: str | None = None
    """The number the caller dialled, as the platform gave it."""
    transcripts: bool = True
    """Whether words were kept; when False, caller and agent entries carry timings and meaning-free kinds only."""
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    outcome: CallResult | None = None
    """None while the call goes on, or when it was cut off (the worker died)."""
    transfer_reason: str | None = None
    appointment_id: str | None = None
    """The appointment the call booked, moved or cancelled."""
    entries: tuple[CallEntry, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.call_id:
            raise InvalidValue("a call record needs the call's id")
        if self.started_at.tzinfo is None:
            raise InvalidValue(f"call record times must be time-zone aware, got {self.started_at.isoformat()}")

    @property
    def state_path(self) -> list[tuple[str, datetime]]:
        """The states the call went through, with when (from the state entries)."""
        return [(e.text or "", e.at) for e in self.entries if e.kind is EntryKind.STATE]

    def ended(self, ending: CallEnding) -> CallRecord:
        """This record finished with `ending`."""
        return replace(
            self,
            ended_at=ending.ended_at,
            outcome=ending.outcome,
            answered_at=ending.answered_at or self.answered_at,
            transfer_reason=ending.transfer_reason,
            appointment_id=ending.appointment_id,
        )


@dataclass(frozen=True, slots=True)
class CallQuery:
    """Which records `CallRecords.list` returns, newest first."""

    since: datetime | None = None
    """Only calls that started at or after this instant."""
    before: datetime | None = None
    """Only calls that started before this instant (with `since`: one day's calls)."""
    outcome: CallResult | None = None
    caller: PhoneNumber | None = None
    limit: int = 50

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise InvalidValue(f"a call listing shows at least one call, got limit {self.limit}")
        for bound in (self.since, self.before):
            if bound is not None and bound.tzinfo is None:
                raise InvalidValue(f"call record times must be time-zone aware, got {bound.isoformat()}")


def call_outcome(*, transfer_connected: bool | None, changed: CallResult | None, caller_hung_up: bool) -> CallResult:
    """How a call ended, for the record: a hand-over first (`transfer_connected` is None when there was none, or
    the caller left before it rang out), then a change made to an appointment, then the caller leaving."""
    if transfer_connected is not None:
        return CallResult.TRANSFERRED if transfer_connected else CallResult.TRANSFER_UNANSWERED
    if changed is not None:
        return changed
    return CallResult.CALLER_HUNG_UP if caller_hung_up else CallResult.NO_CHANGE
