"""`slotline outbox list` shows a booking's scheduled reminder with its due time; `outbox dispatch` sends it then."""

from __future__ import annotations

from tests.e2e.conftest import CALLER, Slotline, bookings, chat, outbox

DUE = "2026-11-30T19:00:00+00:00"  # Monday 14:00 EST: 24 hours before Tuesday's 14:00 haircut


def test_a_booking_shows_its_scheduled_reminder_and_it_goes_at_its_time(slotline: Slotline) -> None:
    assert chat(slotline, "a haircut on tuesday at two pm", "yes", "no").code == 0
    (booking,) = bookings(slotline)
    assert slotline("outbox", "dispatch").out == ["sent 0, retrying 0, dead 0"]  # the chat sent its confirmation

    listed = slotline("outbox", "list", "--status", "pending")
    (reminder,) = [m for m in outbox(slotline) if m["reminder_for"] is not None]

    assert listed.code == 0
    assert listed.out == [
        f"{reminder['id']}  pending  attempts=0  due {DUE}  to {CALLER}: Maple Street Clinic: a reminder of your "
        "haircut with Sam Rivera on Tue Dec 1 at 2 PM. To change it, call +12125550100."
    ]
    assert (reminder["due_at"], reminder["reminder_for"], reminder["status"]) == (DUE, booking["id"], "pending")
    assert slotline("outbox", "dispatch", now="2026-11-30T13:59:59-05:00").out == ["sent 0, retrying 0, dead 0"]
    assert slotline("outbox", "dispatch", now="2026-11-30T14:00:00-05:00").out == ["sent 1, retrying 0, dead 0"]
    assert [m["status"] for m in outbox(slotline)] == ["sent", "sent"]


def test_a_cancelled_booking_lists_no_reminder(slotline: Slotline) -> None:
    chat(slotline, "a haircut on tuesday at two pm", "yes", "no")
    assert len(outbox(slotline)) == 2  # booked, and its reminder

    assert chat(slotline, "cancel my appointment", "yes", "no").code == 0

    assert [b["status"] for b in bookings(slotline)] == ["cancelled"]
    assert [m["reminder_for"] for m in outbox(slotline)] == [None, None]  # booked, cancelled
