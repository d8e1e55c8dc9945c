"""What the dialogue policy reacts to: the caller's turns and the outcomes of the actions it asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from slotline.domain.appointment import Appointment, Customer, Hold
from slotline.domain.phone import PhoneNumber
from slotline.domain.selection import Offer
from slotline.domain.slot import Slot
from slotline.domain.understanding import Interpretation


@dataclass(frozen=True, slots=True)
class CallStarted:
    caller: PhoneNumber | None
    customer: Customer | None = None
    upcoming: tuple[Appointment, ...] = ()
    now: datetime | None = None  # when the call started: to explain the booking horizon and the minimum notice


@dataclass(frozen=True, slots=True)
class Heard:
    interpretation: Interpretation


@dataclass(frozen=True, slots=True)
class Silence:
    """The caller said nothing for a whole turn."""


@dataclass(frozen=True, slots=True)
class SlotsFound:
    offer: Offer


@dataclass(frozen=True, slots=True)
class HoldPlaced:
    hold: Hold
    today: date | None = None  # in the business time zone, from the clock: lets the read-back say "tomorrow"


@dataclass(frozen=True, slots=True)
class SlotTaken:
    """A hold or a booking lost the race for its slot."""

    slot: Slot


@dataclass(frozen=True, slots=True)
class Booked:
    appointment: Appointment  # as stored


@dataclass(frozen=True, slots=True)
class Rescheduled:
    appointment: Appointment  # as stored, at its new time


@dataclass(frozen=True, slots=True)
class Cancelled:
    appointment: Appointment  # as stored


@dataclass(frozen=True, slots=True)
class ConfirmationQueued:
    """The confirmation text is on its way (`to`), or cannot be sent because the number is unusable.

    `sent` when the SMS provider has already accepted it; otherwise it is queued and will be sent.
    """

    to: PhoneNumber | None
    sent: bool = False


@dataclass(frozen=True, slots=True)
class NumberLookedUp:
    """The number the caller gave is now theirs for this call; who they are and what they have booked under it."""

    customer: Customer | None = None
    upcoming: tuple[Appointment, ...] = ()


@dataclass(frozen=True, slots=True)
class ShuttingDown:
    """The service is stopping; the caller must be handed to a person."""


@dataclass(frozen=True, slots=True)
class BackendFailed:
    reason: str


@dataclass(frozen=True, slots=True)
class NotHeard:
    """The recogniser failed on the caller's turn (down, too slow, a broken answer): what they said is unknown."""

    reason: str


Event = (
    CallStarted
    | Heard
    | Silence
    | SlotsFound
    | HoldPlaced
    | SlotTaken
    | Booked
    | Rescheduled
    | Cancelled
    | ConfirmationQueued
    | NumberLookedUp
    | BackendFailed
    | NotHeard
    | ShuttingDown
)
