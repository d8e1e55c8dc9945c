"""What the dialogue policy asks the outside world to do. Each I/O action is answered by an event."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from slotline.domain.appointment import Appointment, Hold
from slotline.domain.ids import ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import Preference
from slotline.domain.slot import Slot


@dataclass(frozen=True, slots=True)
class Say:
    text: str


@dataclass(frozen=True, slots=True)
class FindSlots:
    """Search availability and choose offers; answered by SlotsFound or BackendFailed."""

    service_id: ServiceId
    preference: Preference
    moving: Appointment | None = None  # a reschedule: this appointment's own time does not block


@dataclass(frozen=True, slots=True)
class OfferSlots:
    """These slots are now on the table (nothing else may be booked from this turn)."""

    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class PlaceHold:
    """Answered by HoldPlaced, SlotTaken or BackendFailed."""

    slot: Slot
    moving: Appointment | None = None


@dataclass(frozen=True, slots=True)
class ReleaseHold:
    hold: Hold


@dataclass(frozen=True, slots=True)
class Book:
    """Answered by Booked, SlotTaken or BackendFailed."""

    hold: Hold


@dataclass(frozen=True, slots=True)
class Reschedule:
    """Answered by Rescheduled, SlotTaken or BackendFailed."""

    appointment: Appointment
    hold: Hold


@dataclass(frozen=True, slots=True)
class Cancel:
    """Answered by Cancelled or BackendFailed."""

    appointment: Appointment


@dataclass(frozen=True, slots=True)
class ConfirmBySms:
    """Send the texts queued with this booking change now; answered by ConfirmationQueued."""

    appointment: Appointment


@dataclass(frozen=True, slots=True)
class LookUpNumber:
    """The caller confirmed this number: use it for the rest of the call and find their record and upcoming
    appointments by it; answered by NumberLookedUp."""

    number: PhoneNumber


class TransferReason(StrEnum):
    CALLER_ASKED = "caller asked for a person"
    MISUNDERSTANDINGS = "kept misunderstanding"
    SILENCE = "caller silent"
    NOTHING_SUITABLE = "nothing acceptable was free"
    BACKEND = "a backend failed"
    NOT_HEARD = "the speech recogniser failed"  # the caller cannot be heard: apologise and hand over
    NO_CALLER_ID = "no caller number to book under"
    SHUTTING_DOWN = "the service is shutting down"
    URGENT = "urgent care"  # the business's urgent words were said: handed over at once
    NO_INFORMATION = "a question the business's facts do not answer"  # and the caller said yes to a person


@dataclass(frozen=True, slots=True)
class TransferToHuman:
    reason: TransferReason


@dataclass(frozen=True, slots=True)
class Hangup:
    pass


Action = (
    Say
    | FindSlots
    | OfferSlots
    | PlaceHold
    | ReleaseHold
    | Book
    | Reschedule
    | Cancel
    | ConfirmBySms
    | LookUpNumber
    | TransferToHuman
    | Hangup
)
