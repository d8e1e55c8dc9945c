"""The reminders contract of a SlotLedger and its Outbox: scheduled texts kept true through every booking change.

Needs pytest and pytest-asyncio (test-time only). Subclass LedgerRemindersContract and override the `ledger` fixture
to return a LedgerUnderTest, as for SlotLedgerContract.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from slotline.application.ports import OutboxMessage, OutboxStatus
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.testing.contracts.builders import appointment, message, occupied, slot
from slotline.testing.contracts.ledger import LedgerUnderTest
from slotline.testing.sample import NOW, tomorrow_at

__all__ = ["LedgerRemindersContract"]

LEASE = timedelta(minutes=2)
SECOND = timedelta(seconds=1)


def reminder(dedupe_key: str, appointment_id: str, due: datetime) -> OutboxMessage:
    """A reminder for `appointment_id`, not due before `due`."""
    m = message(dedupe_key)
    return OutboxMessage(
        m.id, m.to, m.body, m.dedupe_key, m.created_at, next_attempt_at=due, due_at=due, reminder_for=appointment_id
    )


async def _keys(ledger: LedgerUnderTest) -> list[str]:
    return [m.dedupe_key for m in await ledger.outbox.all()]


class LedgerRemindersContract:
    """Every SlotLedger with its Outbox: a reminder waits for its time, and a move or cancel takes it back."""

    @pytest.fixture
    def ledger(self) -> LedgerUnderTest:
        """Override: an empty ledger and the outbox it writes to."""
        pytest.fail("subclass LedgerRemindersContract and override the `ledger` fixture", pytrace=False)

    async def _booked(self, ledger: LedgerUnderTest, due: datetime) -> OutboxMessage:
        r = reminder("b1/reminder", "a1", due)
        await ledger.ledger.book(
            appointment(slot(10), "a1"), occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[message("b1"), r]
        )
        return r

    @pytest.mark.asyncio
    async def test_a_reminder_is_queued_with_its_booking_and_waits_for_its_time(self, ledger: LedgerUnderTest) -> None:
        """Kept with its due time and appointment; not due, nor claimable, a second before its time."""
        due = tomorrow_at(8)
        r = await self._booked(ledger, due)

        assert r in await ledger.outbox.all()
        assert [m.id for m in await ledger.outbox.due(NOW, 10)] == [message("b1").id]
        assert not await ledger.outbox.claim(r.id, due - SECOND, due + LEASE)
        assert r.id in [m.id for m in await ledger.outbox.due(due, 10)]
        assert await ledger.outbox.claim(r.id, due, due + LEASE)

    @pytest.mark.asyncio
    async def test_a_move_withdraws_the_unsent_reminders_and_queues_the_new_ones(self, ledger: LedgerUnderTest) -> None:
        """Pending and dead reminders of the moved booking go in the move's transaction; a sent one stays; the
        move's own reminders come; another booking's reminders are untouched."""
        r = await self._booked(ledger, NOW + SECOND)
        sent = reminder("b1/reminder-sent", "a1", NOW)
        dead = reminder("b1/reminder-dead", "a1", NOW)
        other = reminder("b2/reminder", "a2", NOW + SECOND)
        await ledger.ledger.book(
            appointment(slot(14), "a2"), occupied(slot(14)), key="b2", now=NOW, hold_id=None, outbox=[other]
        )
        await ledger.outbox.enqueue([sent, dead])
        assert await ledger.outbox.claim(sent.id, NOW, NOW + LEASE)
        await ledger.outbox.mark_sent(sent.id, "provider-1", NOW)
        assert await ledger.outbox.claim(dead.id, NOW, NOW + LEASE)
        await ledger.outbox.mark_failed(dead.id, "opted out", retry_at=None, now=NOW)

        new = reminder("m1/reminder", "a1", NOW + 2 * SECOND)
        await ledger.ledger.move(
            "a1", slot(11), occupied(slot(11)), key="m1", now=NOW, hold_id=None, outbox=[message("m1"), new]
        )

        assert r.id not in [m.id for m in await ledger.outbox.all()]
        assert await _keys(ledger) == ["b1", "b2/reminder", "b1/reminder-sent", "m1", "m1/reminder"]
        assert [m.status for m in await ledger.outbox.all() if m.id == sent.id] == [OutboxStatus.SENT]

    @pytest.mark.asyncio
    async def test_a_refused_move_keeps_the_reminders(self, ledger: LedgerUnderTest) -> None:
        """A move the ledger refuses changes nothing, its reminders included."""
        await self._booked(ledger, NOW + SECOND)
        await ledger.ledger.book(
            appointment(slot(14), "a2"), occupied(slot(14)), key="b2", now=NOW, hold_id=None, outbox=[]
        )

        with pytest.raises(SlotNoLongerAvailable):
            await ledger.ledger.move("a1", slot(14), occupied(slot(14)), key="m1", now=NOW, hold_id=None, outbox=[])

        assert await _keys(ledger) == ["b1", "b1/reminder"]

    @pytest.mark.asyncio
    async def test_a_cancel_withdraws_the_unsent_reminders(self, ledger: LedgerUnderTest) -> None:
        await self._booked(ledger, NOW + SECOND)

        await ledger.ledger.cancel("a1", key="c1", outbox=[message("c1")])

        assert await _keys(ledger) == ["b1", "c1"]

    @pytest.mark.asyncio
    async def test_a_claimed_reminder_is_checked_against_its_appointment(self, ledger: LedgerUnderTest) -> None:
        """Still live and unchanged: the appointment. Moved or cancelled since the claim: None, and the reminder is
        gone. Not a reminder, or unknown: None."""
        r = await self._booked(ledger, NOW)
        assert await ledger.outbox.claim(r.id, NOW, NOW + LEASE)

        assert await ledger.outbox.reminded_appointment(r.id) == appointment(slot(10), "a1")
        assert await ledger.outbox.reminded_appointment(message("b1").id) is None
        assert await ledger.outbox.reminded_appointment("no-such-message") is None

        await ledger.ledger.move("a1", slot(11), occupied(slot(11)), key="m1", now=NOW, hold_id=None, outbox=[])
        assert await ledger.outbox.reminded_appointment(r.id) is None
        assert await _keys(ledger) == ["b1"]

    @pytest.mark.asyncio
    async def test_a_reminder_for_a_cancelled_appointment_is_withdrawn_at_the_check(
        self, ledger: LedgerUnderTest
    ) -> None:
        """A reminder that outlived its appointment's cancellation (queued outside the ledger) is deleted there."""
        await ledger.ledger.book(
            appointment(slot(10), "a1"), occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[]
        )
        await ledger.ledger.cancel("a1", key="c1", outbox=[])
        stray = reminder("stray", "a1", NOW)
        await ledger.outbox.enqueue([stray])
        assert await ledger.outbox.claim(stray.id, NOW, NOW + LEASE)

        assert await ledger.outbox.reminded_appointment(stray.id) is None
        assert await ledger.outbox.all() == []
