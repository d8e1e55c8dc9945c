"""The pure core of slotline: values, booking rules, availability, slot selection and the dialogue policy.

Synchronous and free of I/O; depends on the standard library only.
"""

from domain.appointment import Appointment, AppointmentStatus, Customer, Hold
from domain.availability import SlotSet, find_slots
from domain.booking_rules import ensure_bookable
from domain.catalogue import Business, Catalogue, Closure, Service, SpecialHours, StaffMember, WeeklyHours
from domain.errors import (
    BookingError,
    DailyCapReached,
    InvalidCatalogue,
    InvalidPhoneNumber,
    InvalidTimeWindow,
    InvalidValue,
    OutsideBookingWindow,
    OutsideWorkingHours,
    SlotlineError,
    SlotNoLongerAvailable,
    StaffNotEligible,
    TooShortNotice,
    UnknownService,
    UnknownStaffMember,
)
from domain.ids import AppointmentId, ServiceId, StaffId
from domain.local_time import LocalSpan
from domain.phone import PhoneNumber
from domain.policy import BookingPolicy
from domain.preference import PartOfDay, Preference
from domain.selection import Offer, choose_offers
from domain.slot import Slot
from domain.staff_load import StaffLoad
from domain.time_window import TimeWindow
from domain.understanding import Intent, Interpretation

__all__ = [
    "Appointment",
    "AppointmentId",
    "AppointmentStatus",
    "BookingError",
    "BookingPolicy",
    "Business",
    "Catalogue",
    "Closure",
    "Customer",
    "DailyCapReached",
    "Hold",
    "Intent",
    "Interpretation",
    "InvalidCatalogue",
    "InvalidPhoneNumber",
    "InvalidTimeWindow",
    "InvalidValue",
    "LocalSpan",
    "Offer",
    "OutsideBookingWindow",
    "OutsideWorkingHours",
    "PartOfDay",
    "PhoneNumber",
    "Preference",
    "Service",
    "ServiceId",
    "Slot",
    "SlotNoLongerAvailable",
    "SlotSet",
    "SlotlineError",
    "SpecialHours",
    "StaffId",
    "StaffLoad",
    "StaffMember",
    "StaffNotEligible",
    "TimeWindow",
    "TooShortNotice",
    "UnknownService",
    "UnknownStaffMember",
    "WeeklyHours",
    "choose_offers",
    "ensure_bookable",
    "find_slots",
]
