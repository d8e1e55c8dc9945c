"""A well-formed number in a range the numbering metadata does not allocate (+44 7700 900123, used in films and test
plans) is a caller like any other; only the text to it is refused, with the reason kept in the outbox.
Extensions are refused where a number is typed and ignored in caller ID."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from slotline.domain.appointment import Customer
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.conftest import Slotline, bookings, chat, confirmations
from tests.e2e.phone import agent_on, turn, until_agent_says

UNALLOCATED = "+447700900123"
DEAD_REASON = (
    "+44********23 is not a valid phone number: possible in GB, but in no range its numbering plan allocates"
    " (phonenumbers metadata), so no text was sent"
)


def test_a_caller_from_an_unallocated_range_books_and_the_text_is_dead_lettered_with_its_reason(
    slotline: Slotline,
) -> None:
    assert slotline("customers", "add", "--phone", UNALLOCATED, "--name", "Ann Perkins").code == 0

    run = chat(slotline, "a haircut on tuesday at two pm", "yes", "no", caller=UNALLOCATED)

    assert run.code == 0
    assert run.agent[0].startswith("Hi Ann, thanks for calling")
    assert "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam." in run.agent
    (booking,) = bookings(slotline)
    assert booking["customer_phone"] == UNALLOCATED
    (text,) = confirmations(slotline)
    assert text["status"] == "dead"
    assert text["last_error"] == DEAD_REASON
    assert slotline("sms", "list").out == []
    found = slotline("bookings", "list", "--phone", UNALLOCATED, "--json")
    assert UNALLOCATED in "\n".join(found.out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chat", "--caller", "+1212555012"], "'+1212555012' is not a possible phone number for US: too short"),
        (["chat", "--caller", "+44 7700 900123 4567"], "is not a possible phone number for GB: too long"),
        (["chat", "--caller", "+1 212 555 0123;ext=1"], "has an extension (1); give the number alone"),
        (["customers", "add", "--phone", "+12125550123 ext. 12", "--name", "Ann"], "has an extension (12)"),
        (["bookings", "list", "--phone", "(212) 555-0123 x7"], "has an extension (7)"),
    ],
    ids=["too-short", "too-long", "chat-ext", "customers-ext", "bookings-ext"],
)
def test_a_typed_number_that_cannot_be_used_is_one_line_saying_why(
    slotline: Slotline, args: list[str], message: str
) -> None:
    run = slotline(*args, stdin="hello\n")

    assert run.code == 2
    assert run.err.startswith("slotline: error: ")
    assert message in run.err
    assert "E.164" not in run.err
    assert run.err.count("\n") == 1
    assert run.out == []


@pytest.fixture
async def telco() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as server:
        yield server


@pytest.mark.parametrize("caller_id", [UNALLOCATED, UNALLOCATED + ";ext=12"], ids=["unallocated", "with-extension"])
async def test_a_phone_call_from_such_a_number_is_answered_recognised_and_offered_a_text(
    telco: LoopbackTelcoflowServer, tmp_path: Path, caller_id: str
) -> None:
    async with agent_on(telco, tmp_path / "slotline.db", max_calls=1) as agent:
        await agent.container.customers().save(Customer(PhoneNumber(UNALLOCATED), "Ann Perkins"))
        call = await telco.place_call(caller=caller_id)
        call.set_transfer(answer=False)
        greeting = await until_agent_says(call, "What can I do for you?")
        assert greeting.startswith("Hi Ann, thanks for calling")
        await turn(call, "operator", "Shall I text you so someone calls you back?")
        await turn(call, "yes please", "someone will call you back soon. Goodbye!")
        await call.wait_ended(timeout=10)
        await agent.task
    report = await agent.container.dispatcher().dispatch_due()
    assert (report.sent, report.dead) == (0, 1)
    (message,) = await agent.container.outbox().all()
    assert message.to.e164 == UNALLOCATED
    assert message.status.value == "dead"
    assert message.last_error == DEAD_REASON


def test_a_withheld_caller_who_types_an_extension_is_told_a_text_cannot_go_there(slotline: Slotline) -> None:
    run = chat(
        slotline, "book a haircut tomorrow", "the first one", "212 555 0188;ext=4", "212 555 0188", "yes", caller=None
    )

    assert run.agent[3] == "Sorry, a text can't go to an extension. What number can we text the confirmation to?"
    assert run.agent[4] == "I have 2 1 2, 5 5 5, 0 1 8 8. Is that right?"
