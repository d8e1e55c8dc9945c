"""The application wired by hand from slotline.testing's fakes: no container, no SQLite, no network."""

from __future__ import annotations

from datetime import datetime, timedelta

from slotline.application.conversation import BookingServices, Conversation
from slotline.application.outbox_dispatcher import OutboxDispatcher
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.book_appointment import BookAppointment
from slotline.application.use_cases.cancel_appointment import CancelAppointment
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.hold_slot import HoldSlot
from slotline.application.use_cases.lookup_caller import LookupCaller
from slotline.application.use_cases.reschedule_appointment import RescheduleAppointment
from slotline.application.use_cases.send_confirmation import SendConfirmation
from slotline.application.waits import CallerWaits
from slotline.domain.appointment import Appointment, AppointmentStatus, Customer, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.testing.fakes import (
    InMemoryCalendarGateway,
    InMemoryCustomerDirectory,
    InMemoryOutbox,
    InMemorySlotLedger,
    RecordingSmsSender,
    SettableClock,
)
from tests.factories import NEW_YORK, NOW, sample_catalogue

CALLER = PhoneNumber("+12125550123")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A New York wall-clock time in November/December 2026 (day 26 = Thursday 26 November, 31 = 1 December)."""
    month, day = (11, day) if day <= 30 else (12, day - 30)
    return datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


class FakesApp:
    """Every use case over in-memory ports, sharing one store and one pinned clock. Pass a port to swap it in."""

    def __init__(
        self,
        *,
        calendar: InMemoryCalendarGateway | None = None,
        ledger: InMemorySlotLedger | None = None,
        catalogue: Catalogue | None = None,
        waits: CallerWaits | None = None,
    ) -> None:
        self.catalogue = c = catalogue or sample_catalogue()
        self.clock = clock = SettableClock(NOW)
        self.calendar = calendar or InMemoryCalendarGateway()
        self.ledger = ledger or InMemorySlotLedger()
        self.store = self.ledger.store
        self.outbox = InMemoryOutbox(self.store)
        self.customers = InMemoryCustomerDirectory()
        self.sms = RecordingSmsSender()
        texts = ConfirmationTexts(c)
        self.availability = FindAvailability(c, self.calendar, self.ledger, clock, waits)
        self.hold = HoldSlot(c, self.ledger, self.availability, clock)
        self.book = BookAppointment(c, self.calendar, self.ledger, self.availability, texts, clock)
        self.reschedule = RescheduleAppointment(c, self.calendar, self.ledger, self.availability, texts, clock)
        self.cancel = CancelAppointment(c, self.calendar, self.ledger, texts, clock)
        self.lookup = LookupCaller(self.customers, self.ledger, self.calendar, clock, waits)
        self.dispatcher = OutboxDispatcher(self.outbox, self.sms, clock)
        self.confirm = SendConfirmation(self.dispatcher)

    def slot(self, start: datetime, *, staff: str = "sam", service: str = "haircut") -> Slot:
        length = self.catalogue.service(ServiceId(service)).duration
        return Slot(TimeWindow.starting(start, length), StaffId(staff), ServiceId(service))

    async def booked(self, slot: Slot, *, key: str, customer: Customer | None = None) -> Appointment:
        """Hold and book `slot` for the caller, as a call does."""
        hold = await self.hold(slot, key=f"{key}/hold")
        return await self.book(hold, customer or Customer(CALLER, "Dana Scully"), key=key)

    async def held(self, slot: Slot, *, key: str, moving: Appointment | None = None) -> Hold:
        return await self.hold(slot, key=key, moving=moving)

    def conversation(self, call_id: str, caller: PhoneNumber | None = CALLER) -> Conversation:
        services = BookingServices(
            self.lookup, self.availability, self.hold, self.book, self.reschedule, self.cancel, self.confirm
        )
        interpreter = RulesUtteranceInterpreter(self.catalogue)
        return Conversation(self.catalogue, services, interpreter, self.clock, call_id=call_id, caller=caller)

    def hand_booking(self, slot: Slot, phone: PhoneNumber = CALLER) -> Appointment:
        """A booking a staff member put in the calendar by hand, as `upcoming` returns it."""
        event_id = self.calendar.add_hand_booking(slot.staff_id, slot.window, phone, slot.service_id)
        return Appointment(
            AppointmentId(f"hand-{event_id}"),
            slot.service_id,
            slot.staff_id,
            slot.window,
            phone,
            AppointmentStatus.CONFIRMED,
            external_event_id=event_id,
        )

    def later(self, by: timedelta) -> None:
        self.clock.advance(by)
