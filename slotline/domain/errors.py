"""Every rule the domain enforces fails with one of these, named as the fact that made it fail."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slotline.domain.slot import Slot


class SlotlineError(Exception):
    """Base of every error slotline raises on purpose."""


class InvalidValue(SlotlineError, ValueError):
    """A value object was given data that cannot describe it."""


class InvalidPhoneNumber(InvalidValue):
    """`raw` cannot be used as a phone number; the message says why (by default: it is not written in E.164)."""

    def __init__(self, raw: str, problem: str = "is not a phone number in E.164 form (+ and 8 to 15 digits)") -> None:
        super().__init__(f"{raw!r} {problem}")
        self.raw = raw


class ImpossiblePhoneNumber(InvalidPhoneNumber):
    """No number of that country could be written so (too short, too long); `region` is the country it was read in."""

    def __init__(self, raw: str, region: str, why: str) -> None:
        super().__init__(raw, f"is not a possible phone number for {region}: {why}")
        self.region = region


class PhoneNumberWithExtension(InvalidPhoneNumber):
    """A typed number carries an extension; texts go to the number itself, never to an extension."""

    def __init__(self, raw: str, extension: str) -> None:
        super().__init__(
            raw, f"has an extension ({extension}); give the number alone: a text cannot be sent to an extension"
        )
        self.extension = extension


class InvalidTimeWindow(InvalidValue):
    def __init__(self, start: datetime, end: datetime) -> None:
        super().__init__(f"a time window needs time-zone-aware ends with end after start, got {start} .. {end}")
        self.start = start
        self.end = end


class InvalidCatalogue(InvalidValue):
    """The business description contradicts itself (e.g. a service names unknown staff)."""


class BookingError(SlotlineError):
    """Base of every booking-rule violation."""


class UnknownService(BookingError):
    def __init__(self, service_id: str) -> None:
        super().__init__(f"no service with id {service_id!r}")
        self.service_id = service_id


class UnknownStaffMember(BookingError):
    def __init__(self, staff_id: str) -> None:
        super().__init__(f"no staff member with id {staff_id!r}")
        self.staff_id = staff_id


class StaffNotEligible(BookingError):
    def __init__(self, staff_id: str, service_id: str) -> None:
        super().__init__(f"{staff_id} does not perform {service_id}")
        self.staff_id = staff_id
        self.service_id = service_id


class TooShortNotice(BookingError):
    def __init__(self, slot: Slot, min_notice: timedelta) -> None:
        minutes = int(min_notice.total_seconds() // 60)
        super().__init__(f"{slot.window.start.isoformat()} is less than {minutes} minutes from now")
        self.slot = slot
        self.min_notice = min_notice


class OutsideBookingWindow(BookingError):
    def __init__(self, slot: Slot, last_day: date) -> None:
        super().__init__(f"{slot.window.start.isoformat()} is after the last bookable day {last_day.isoformat()}")
        self.slot = slot
        self.last_day = last_day


class OutsideWorkingHours(BookingError):
    def __init__(self, slot: Slot) -> None:
        super().__init__(f"{slot.staff_id} does not work at {slot.window.start.isoformat()}")
        self.slot = slot


class SlotNoLongerAvailable(BookingError):
    def __init__(self, slot: Slot) -> None:
        super().__init__(f"{slot.window.start.isoformat()} with {slot.staff_id} was just taken")
        self.slot = slot


class DailyCapReached(BookingError):
    def __init__(self, staff_id: str, day: date, cap: int) -> None:
        super().__init__(f"{staff_id} already has {cap} bookings on {day.isoformat()}")
        self.staff_id = staff_id
        self.day = day
        self.cap = cap


class InvalidDateRange(BookingError):
    def __init__(self, first: date, last: date) -> None:
        super().__init__(f"date range ends before it starts: {first.isoformat()} .. {last.isoformat()}")
        self.first = first
        self.last = last
