"""A calendar that never answers costs the caller a bounded wait: greeted from slotline's own records, then
handed to a person once the read budget is spent (CallerWaits), never left in silence."""

from __future__ import annotations

from slotline.application.conversation import CallEnd
from slotline.application.waits import CallerWaits
from slotline.domain.appointment import Customer
from slotline.domain.dialogue.actions import TransferReason
from tests.unit.fakes_app import CALLER, FakesApp, at

SHORT = CallerWaits(lookup_seconds=0.05, read_seconds=0.05)


async def test_a_silent_calendar_still_greets_a_returning_caller_from_own_records() -> None:
    app = FakesApp(waits=SHORT)
    await app.customers.save(Customer(CALLER, "Dana Scully"))
    await app.booked(app.slot(at(31, 14)), key="earlier-call")
    app.calendar.stall()
    conversation = app.conversation("call-silent")

    greeting = (await conversation.start()).lines

    assert greeting[0].startswith("Hi Dana, thanks for calling Maple Street Clinic. I see you have a haircut")


async def test_a_silent_calendar_hands_the_caller_over_once_the_read_budget_is_spent() -> None:
    app = FakesApp(waits=SHORT)
    app.calendar.stall()
    conversation = app.conversation("call-silent")
    await conversation.start()

    reply = await conversation.hear("a haircut on tuesday at two pm")

    assert conversation.end is CallEnd.TRANSFERRED
    assert reply.transfer_reason is TransferReason.BACKEND
    assert "I can't reach our booking system right now" in reply.lines[-1]
