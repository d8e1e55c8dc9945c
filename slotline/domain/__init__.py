"""The pure core of slotline: values, booking rules, availability, slot selection and the dialogue policy.

Synchronous and free of I/O; depends on the standard library only.
"""

from slotline.domain.appointment import Appointment, AppointmentStatus, Customer, Hold
from slotline.domain.availability import SlotSet, find_slots
from slotline.domain.booking_rules import ensure_bookable
from slotline.domain.catalogue import Business, Catalogue, Closure, Service, SpecialHours, StaffMember, WeeklyHours
from slotline.domain.errors import (
    BookingError,
    DailyCapReached,
    ImpossiblePhoneNumber,
    InvalidCatalogue,
    InvalidPhoneNumber,
    InvalidTimeWindow,
    InvalidValue,
    OutsideBookingWindow,
    OutsideWorkingHours,
    PhoneNumberWithExtension,
    SlotlineError,
    SlotNoLongerAvailable,
    StaffNotEligible,
    TooShortNotice,
    UnknownService,
    UnknownStaffMember,
)
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.preference import PartOfDay, Preference
from slotline.domain.questions import Question, Topic
from slotline.domain.selection import Offer, choose_offers
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent, Interpretation

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
    "ImpossiblePhoneNumber",
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
    "PhoneNumberWithExtension",
    "Preference",
    "Question",
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
    "Topic",
    "UnknownService",
    "UnknownStaffMember",
    "WeeklyHours",
    "choose_offers",
    "ensure_bookable",
    "find_slots",
]
