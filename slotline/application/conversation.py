"""The conversation runner: drives one call's dialogue policy through the ports, turn by turn.

It knows nothing about telephones: a terminal chat and a phone call both feed it text and silences and
speak what it returns.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from slotline.application.errors import BackendUnavailable, CalendarConflict, HoldExpired
from slotline.application.heard import log_heard
from slotline.application.ports import Clock, UtteranceInterpreter
from slotline.application.use_cases.book_appointment import BookAppointment
from slotline.application.use_cases.cancel_appointment import CancelAppointment
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.hold_slot import HoldSlot
from slotline.application.use_cases.keys import slot_key, text_id
from slotline.application.use_cases.lookup_caller import LookupCaller
from slotline.application.use_cases.reschedule_appointment import RescheduleAppointment
from slotline.application.use_cases.send_confirmation import SendConfirmation
from slotline.domain.appointment import Customer
from slotline.domain.call_record import CallResult
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue import turn_end
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.dialogue.policy import DialoguePolicy
from slotline.domain.errors import BookingError
from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import Intent, Interpretation

log = logging.getLogger(__name__)


BackendCall = Callable[[str, float, str | None], None]
"""(operation, seconds it took, why it failed or None): told after each call the conversation makes to a backend."""

_BACKEND_OPERATIONS: dict[type[act.Action], str] = {
    act.FindSlots: "find slots",
    act.PlaceHold: "hold slot",
    act.ReleaseHold: "release hold",
    act.Book: "book",
    act.Reschedule: "reschedule",
    act.Cancel: "cancel",
    act.ConfirmBySms: "send confirmation text",
    act.LookUpNumber: "look up caller",
}
"""The actions that call the calendar, the ledger, the customer directory or the SMS provider, by name."""


class CallEnd(StrEnum):
    HUNG_UP = "hung up"
    TRANSFERRED = "transferred"


@dataclass(frozen=True, slots=True)
class BookingServices:
    """The use cases a conversation needs, built once by the container."""

    lookup: LookupCaller
    availability: FindAvailability
    hold: HoldSlot
    book: BookAppointment
    reschedule: RescheduleAppointment
    cancel: CancelAppointment
    confirm: SendConfirmation


@dataclass(slots=True)
class Reply:
    lines: list[str] = field(default_factory=list)
    end: CallEnd | None = None
    transfer_reason: act.TransferReason | None = None
    understood: bool = True
    """False when the caller's turn meant nothing the agent could act on."""


class Conversation:
    def __init__(
        self,
        catalogue: Catalogue,
        services: BookingServices,
        interpreter: UtteranceInterpreter,
        clock: Clock,
        *,
        call_id: str,
        caller: PhoneNumber | None,
        limits: DialogueLimits | None = None,
        on_backend: BackendCall | None = None,
    ) -> None:
        self._on_backend = on_backend
        self._catalogue = catalogue
        self._services = services
        self._interpreter = interpreter
        self._clock = clock
        self._call_id = call_id
        self._caller = caller
        self._customer: Customer | None = None
        self.policy = DialoguePolicy(catalogue, limits)
        self.end: CallEnd | None = None
        self._understood: tuple[str, Interpretation] | None = None  # the last text interpreted, kept for `hear`
        self._written_key = ""  # the key of the last booking change, whose confirmation text it queued
        self.understood: Interpretation | None = None
        """What the caller's last turn was taken to mean."""
        self.changed: CallResult | None = None
        """The last change made to an appointment on this call (booked, rescheduled or cancelled)."""
        self.appointment_id: str | None = None
        """The appointment that change touched."""
        self.transfer_reason: act.TransferReason | None = None

    @property
    def caller(self) -> PhoneNumber | None:
        """The number this call books under: the caller ID, or the number a withheld caller gave and confirmed."""
        return self._caller

    @property
    def ended(self) -> bool:
        return self.end is not None

    @property
    def expecting(self) -> Expectation:
        """What the agent's last question expects as an answer: the recogniser listens for it on the next turn."""
        return self.policy.expecting

    async def start(self) -> Reply:
        began = asyncio.get_running_loop().time()
        try:
            profile = await self._services.lookup(self._caller)
        except BackendUnavailable as exc:
            log.warning("call %s: caller lookup failed: %s", self._call_id, exc)
            self._tell_backend("look up caller", began, str(exc))
            return await self._run(ev.CallStarted(self._caller, now=self._clock.now()))
        self._tell_backend("look up caller", began, None)
        self._customer = profile.customer
        return await self._run(ev.CallStarted(self._caller, profile.customer, profile.upcoming, self._clock.now()))

    async def sounds_finished(self, text: str) -> bool:
        """Whether `text` sounds like a whole turn, so the agent may answer it after a short pause."""
        return bool(text.strip()) and turn_end.sounds_finished(await self._interpret(text))

    async def hear(self, text: str) -> Reply:
        if not text.strip():
            return await self.silence()
        interpretation = self.understood = await self._interpret(text)
        self._understood = None
        log_heard(log, self._call_id, text, interpretation)
        reply = await self._run(ev.Heard(interpretation))
        reply.understood = interpretation.intent is not Intent.UNKNOWN
        return reply

    async def _interpret(self, text: str) -> Interpretation:
        if self._understood is None or self._understood[0] != text:
            now = self._clock.now()
            self._understood = (text, await self._interpreter.interpret(text, now, expecting=self.expecting))
        return self._understood[1]

    async def silence(self) -> Reply:
        return await self._run(ev.Silence())

    async def not_understood(self) -> Reply:
        """The caller spoke but the recogniser could not make it out (or rejected it as out of domain)."""
        log.debug("call %s: heard nothing usable (the recogniser gave no words)", self._call_id)
        self.understood = Interpretation(Intent.UNKNOWN)
        reply = await self._run(ev.Heard(self.understood))
        reply.understood = False
        return reply

    async def hand_over(self) -> Reply:
        """The service is shutting down: hand the caller to a person now (a hold is released)."""
        return await self._run(ev.ShuttingDown())

    async def abandon(self) -> None:
        """The caller hung up: leave nothing half done (a hold is released; a made booking stays, with its SMS)."""
        hold = self.policy.hold
        if hold is not None:
            await self._release(act.ReleaseHold(hold))
        self.end = self.end or CallEnd.HUNG_UP

    async def _run(self, first: ev.Event) -> Reply:
        reply = Reply()
        events: deque[ev.Event] = deque([first])
        while events:
            for action in self.policy.handle(events.popleft()):
                outcome = await self._execute(action, reply)
                if outcome is not None:
                    events.append(outcome)
        reply.end = self.end
        return reply

    async def _execute(self, action: act.Action, reply: Reply) -> ev.Event | None:
        operation = _BACKEND_OPERATIONS.get(type(action))
        began = asyncio.get_running_loop().time()
        try:
            outcome = await self._perform(action, reply)
        except BackendUnavailable as exc:
            log.warning("call %s: %s failed: %s", self._call_id, type(action).__name__, exc)
            self._tell_backend(operation, began, str(exc))
            return ev.BackendFailed(str(exc))
        except Exception as exc:  # a live caller must never hit a dead end; hand over instead
            log.exception("call %s: %s failed unexpectedly", self._call_id, type(action).__name__)
            self._tell_backend(operation, began, f"unexpected {type(exc).__name__}")
            return ev.BackendFailed("unexpected error")
        self._tell_backend(operation, began, None)
        self._note_change(outcome)
        return outcome

    def _tell_backend(self, operation: str | None, began: float, error: str | None) -> None:
        if operation is not None and self._on_backend is not None:
            self._on_backend(operation, asyncio.get_running_loop().time() - began, error)

    def _note_change(self, outcome: ev.Event | None) -> None:
        changes = {ev.Booked: CallResult.BOOKED, ev.Rescheduled: CallResult.RESCHEDULED}
        if isinstance(outcome, ev.Booked | ev.Rescheduled | ev.Cancelled):
            self.changed = changes.get(type(outcome), CallResult.CANCELLED)
            self.appointment_id = outcome.appointment.id

    async def _perform(self, action: act.Action, reply: Reply) -> ev.Event | None:
        s = self._services
        match action:
            case act.Say(text=text):
                reply.lines.append(text)
            case act.FindSlots(service_id=service_id, preference=pref, moving=moving):
                offer = await s.availability.offers(self._catalogue.service(service_id), pref, moving)
                return ev.SlotsFound(offer)
            case act.OfferSlots():
                pass
            case act.PlaceHold(slot=slot, moving=moving):
                try:
                    hold = await s.hold(slot, key=slot_key(self._call_id, slot), moving=moving)
                    return ev.HoldPlaced(hold, today=self._clock.now().astimezone(self._catalogue.zone).date())
                except BookingError:
                    return ev.SlotTaken(slot)
            case act.ReleaseHold():
                await self._release(action)
            case act.Book(hold=hold):
                assert self._caller is not None  # the policy asks a withheld caller for a number before booking
                customer = self._customer or Customer(self._caller)
                key = self._written_key = slot_key(self._call_id, hold.slot)
                try:
                    return ev.Booked(await s.book(hold, customer, key=key))
                except (BookingError, HoldExpired, CalendarConflict):
                    return ev.SlotTaken(hold.slot)
            case act.Reschedule(appointment=appointment, hold=hold):
                key = self._written_key = slot_key(self._call_id, hold.slot) + "/move"
                try:
                    return ev.Rescheduled(await s.reschedule(appointment, hold, key=key))
                except (BookingError, HoldExpired, CalendarConflict):
                    return ev.SlotTaken(hold.slot)
            case act.Cancel(appointment=appointment):
                key = self._written_key = f"{self._call_id}/cancel/{appointment.id}"
                return ev.Cancelled(await s.cancel(appointment, key=key))
            case act.ConfirmBySms(appointment=appointment):
                sent = await s.confirm(text_id(self._written_key))
                return ev.ConfirmationQueued(appointment.customer_phone, sent=sent)
            case act.LookUpNumber(number=number):
                return await self._take_number(number)
            case act.TransferToHuman(reason=reason):
                self.end = CallEnd.TRANSFERRED
                reply.transfer_reason = self.transfer_reason = reason
            case act.Hangup():
                self.end = CallEnd.HUNG_UP
        return None

    async def _take_number(self, number: PhoneNumber) -> ev.NumberLookedUp:
        """A withheld caller confirmed `number`: book, text and look them up under it from now on."""
        self._caller = number
        log.info("call %s: caller gave number %s", self._call_id, number.masked())
        try:
            profile = await self._services.lookup(number)
        except BackendUnavailable as exc:
            log.warning("call %s: looking up the given number failed: %s", self._call_id, exc)
            return ev.NumberLookedUp()
        self._customer = profile.customer
        return ev.NumberLookedUp(profile.customer, profile.upcoming)

    async def _release(self, action: act.ReleaseHold) -> None:
        try:
            await self._services.hold.release(action.hold)
        except Exception:  # it lapses by itself at its expiry
            log.warning("call %s: releasing hold %s failed; it will expire", self._call_id, action.hold.id)
