"""Whole text conversations through the conversation runner, wired by hand from fakes (no container, no SQLite)."""

from __future__ import annotations

from slotline.application.conversation import CallEnd, Conversation
from slotline.application.errors import CalendarUnavailable
from slotline.application.ports import OutboxStatus
from slotline.domain.appointment import AppointmentStatus, Customer
from tests.unit.fakes_app import CALLER, FakesApp, at


async def _chat(app: FakesApp, conversation: Conversation, *said: str) -> list[str]:
    """What the agent said, line by line, as `slotline chat` prints it; then the texts are sent."""
    agent = list((await conversation.start()).lines)
    for text in said:
        if conversation.ended:
            break
        agent += (await conversation.hear(text)).lines
    await app.confirm.drain(within=5.0)
    return agent


async def test_book_a_haircut() -> None:
    app = FakesApp()
    conversation = app.conversation("call-1")

    agent = await _chat(
        app,
        conversation,
        "i would like a haircut next tuesday afternoon with sam",
        "the second one",
        "yes",
        "no thanks",
    )

    assert agent[0].startswith("Thanks for calling Maple Street Clinic.")
    assert (
        agent[1]
        == "On Tuesday, December 1st I have 1 PM with Sam, 2 PM with Sam, or 3 PM with Sam. Which would you like?"
    )
    assert (
        agent[2]
        == "Let me read that back: a haircut with Sam Rivera next Tuesday, December 1st at 2 PM. Shall I book it?"
    )
    assert agent[3] == "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam."
    assert conversation.end is CallEnd.HUNG_UP
    (booking,) = await app.ledger.all()
    assert (booking.window.start, booking.staff_id, booking.status) == (at(31, 14), "sam", AppointmentStatus.CONFIRMED)
    (event,) = app.calendar.events()
    assert event.id == booking.external_event_id
    (text,) = app.sms.sent
    assert text.to == CALLER and "Tue Dec 1 at 2 PM" in text.body
    assert [m.status for m in await app.outbox.all() if not m.is_reminder] == [OutboxStatus.SENT]


async def test_a_second_yes_never_books_twice() -> None:
    app = FakesApp()

    await _chat(app, app.conversation("call-1"), "haircut on tuesday at two pm", "yes", "yes", "yes", "no")

    assert len(await app.ledger.all()) == 1 and len(app.calendar.events()) == 1 and len(app.sms.sent) == 1


async def test_a_returning_caller_reschedules_in_place() -> None:
    app = FakesApp()
    await app.customers.save(Customer(CALLER, "Dana Scully"))
    await _chat(app, app.conversation("call-1"), "book a haircut tuesday at two pm", "yes", "no")
    (before,) = await app.ledger.all()

    agent = await _chat(app, app.conversation("call-2"), "i need to move it", "friday at three", "yes", "that's all")

    assert agent[0].startswith("Hi Dana, thanks for calling Maple Street Clinic. I see you have a haircut on")
    assert "moves from Tuesday, December 1st at 2 PM to this Friday, the 27th at 3 PM" in agent[2]
    (after,) = await app.ledger.all()
    assert (after.id, after.window.start, after.external_event_id) == (before.id, at(27, 15), before.external_event_id)
    assert [e.window for e in app.calendar.events()] == [after.window]
    assert "moved to Fri Nov 27 at 3 PM" in app.sms.sent[-1].body and len(app.sms.sent) == 2


async def test_a_calendar_outage_hands_the_caller_to_a_person() -> None:
    app = FakesApp()
    app.calendar.fail_with(CalendarUnavailable("Graph answers 503"))
    conversation = app.conversation("call-1")

    await _chat(app, conversation, "book a haircut tuesday at two pm")

    assert conversation.end is CallEnd.TRANSFERRED
    assert await app.ledger.all() == [] and await app.outbox.all() == []
