"""Whole conversations through the real container: rule-based understanding, SQLite backends, local SMS."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slotline.domain.ids import StaffId
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteCalendarGateway, SqliteDatabase
from tests.e2e.conftest import CALLER, Slotline, bookings, chat, confirmations, outbox, reminders
from tests.factories import NEW_YORK, NOW


def test_book_a_haircut(slotline: Slotline) -> None:
    run = chat(slotline, "i would like a haircut next tuesday afternoon with sam", "the second one", "yes", "no thanks")
    assert run.code == 0
    assert run.agent[0].startswith("Thanks for calling Maple Street Clinic.")
    assert (
        run.agent[1]
        == "On Tuesday, December 1st I have 1 PM with Sam, 2 PM with Sam, or 3 PM with Sam. Which would you like?"
    )
    assert (
        run.agent[2]
        == "Let me read that back: a haircut with Sam Rivera next Tuesday, December 1st at 2 PM. Shall I book it?"
    )
    assert run.agent[3] == "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam."
    assert run.ending == "[call ended]"
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-12-01T14:00:00-05:00"
    assert booking["staff"] == "sam"
    assert booking["status"] == "confirmed"
    assert booking["customer_phone"] == CALLER
    (text,) = confirmations(slotline)
    (reminder,) = reminders(slotline)
    assert (reminder["status"], reminder["due_at"]) == ("pending", "2026-11-30T19:00:00+00:00")
    assert text["status"] == "sent"
    assert "Tue Dec 1 at 2 PM" in text["body"]
    assert slotline("sms", "list").out == [f"to {CALLER}: {text['body']}"]


def test_a_second_yes_never_books_twice(slotline: Slotline) -> None:
    chat(slotline, "haircut on tuesday at two pm", "yes", "yes", "yes", "no")
    assert len(bookings(slotline)) == 1
    assert len(outbox(slotline)) == 2  # one text, one reminder


def test_returning_caller_reschedules_in_place(slotline: Slotline) -> None:
    slotline("customers", "add", "--phone", CALLER, "--name", "Dana Scully")
    chat(slotline, "book a haircut tuesday at two pm", "yes", "no")
    (before,) = bookings(slotline)
    run = chat(slotline, "i need to move it", "friday at three", "yes", "that's all")
    assert run.agent[0].startswith("Hi Dana, thanks for calling Maple Street Clinic. I see you have a haircut on")
    assert "Tuesday, December 1st at 2 PM with Sam" in run.agent[0]
    assert "moves from Tuesday, December 1st at 2 PM to this Friday, the 27th at 3 PM" in run.agent[2]
    (after,) = bookings(slotline)
    assert after["id"] == before["id"]
    assert after["start"] == "2026-11-27T15:00:00-05:00"
    assert after["status"] == "confirmed"
    assert len(confirmations(slotline)) == 2
    assert "moved to Fri Nov 27 at 3 PM" in confirmations(slotline)[1]["body"]
    assert [r["due_at"] for r in reminders(slotline)] == ["2026-11-26T20:00:00+00:00"]  # the new time's only


def test_cancel_asks_first(slotline: Slotline) -> None:
    chat(slotline, "book a massage monday at ten am", "yes", "no")
    run = chat(slotline, "cancel my appointment", "yes", "no")
    assert run.agent[1].startswith("Just to confirm: shall I cancel your massage on Monday, November 30th at 10 AM")
    assert run.agent[2] == "Your massage on Monday, November 30th at 10 AM is cancelled."
    assert [b["status"] for b in bookings(slotline)] == ["cancelled"]
    assert "is cancelled" in outbox(slotline)[-1]["body"]


def test_preferred_day_full_offers_nearest_days(slotline: Slotline, db: Path) -> None:
    calendar = SqliteCalendarGateway(SqliteDatabase(db), FixedClock(NOW))
    full = TimeWindow(datetime(2026, 12, 1, tzinfo=NEW_YORK), datetime(2026, 12, 2, tzinfo=NEW_YORK))
    for staff in ("sam", "alex"):
        asyncio.run(calendar.add_busy(StaffId(staff), full, "Training"))
    run = chat(slotline, "a haircut on tuesday december first at ten", "the first one", "yes", "no")
    assert run.agent[1].startswith(
        "I have nothing left on Tuesday, December 1st. The nearest I have are Monday, November 30th at 10 AM"
    )
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-11-30T10:00:00-05:00"


def test_nothing_acceptable_transfers(slotline: Slotline) -> None:
    run = chat(slotline, "haircut on tuesday", "no", "wednesday", "no", "thursday", "no")
    assert run.ending == "[transferred to a human]"
    assert (
        run.agent[-1]
        == "I'm sorry I couldn't find a time that works for you. Let me connect you with someone from the team."
    )
    assert bookings(slotline) == []


def test_three_misunderstandings_transfer(slotline: Slotline) -> None:
    run = chat(slotline, "flibber", "blah blah blah", "the weather is lovely today")
    assert run.ending == "[transferred to a human]"
    assert run.agent[1] == "Sorry, I didn't catch that. Would you like to book, reschedule or cancel an appointment?"
    assert (
        run.agent[-1] == "I'm sorry, I'm having trouble understanding. Let me connect you with someone from the team."
    )


def test_silence_reprompts_then_transfers(slotline: Slotline) -> None:
    run = chat(slotline, "book a haircut", "", "")
    assert run.agent[-2].startswith("Are you still there? What day would you like to come in?")
    assert run.ending == "[transferred to a human]"


def test_asking_for_a_person(slotline: Slotline) -> None:
    run = chat(slotline, "can i talk to a real person")
    assert run.ending == "[transferred to a human]"
    assert run.agent[-1] == "Of course. Let me connect you with someone from the team."


def test_hanging_up_during_the_readback_releases_the_hold(slotline: Slotline, db: Path) -> None:
    run = chat(slotline, "haircut tuesday at two pm")
    assert run.agent[-1].endswith("Shall I book it?")
    assert run.ending == "[call ended]"
    # the hold is gone: another caller gets 2 PM at once
    other = chat(slotline, "haircut tuesday at two pm", "yes", "no", caller="+12125550188")
    assert (
        other.agent[1]
        == "Let me read that back: a haircut with Sam Rivera next Tuesday, December 1st at 2 PM. Shall I book it?"
    )
    assert [b["customer_phone"] for b in bookings(slotline)] == ["+12125550188"]


def test_withheld_caller_gives_a_number_and_books_under_it(slotline: Slotline) -> None:
    run = chat(
        slotline,
        "i would like a haircut next tuesday afternoon with sam",
        "the second one",
        "two one two, double five five, oh one eight eight",
        "yes",
        "yes",
        "no thanks",
        caller=None,
    )
    assert run.agent[1].startswith("On Tuesday, December 1st I have 1 PM with Sam, 2 PM with Sam")  # before any number
    assert run.agent[2] == "What number can we text the confirmation to?"
    assert run.agent[3] == "I have 2 1 2, 5 5 5, 0 1 8 8. Is that right?"
    assert run.agent[4] == "Thank you."
    assert run.agent[5].startswith("Let me read that back: a haircut with Sam Rivera")
    assert run.agent[6] == "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam."
    assert run.agent[7] == "I've sent you a text with the details."
    assert run.ending == "[call ended]"
    (booking,) = bookings(slotline)
    assert booking["customer_phone"] == "+12125550188"
    (text,) = confirmations(slotline)
    assert slotline("sms", "list").out == [f"to +12125550188: {text['body']}"]


def test_withheld_caller_corrects_the_number_then_cancels_by_it(slotline: Slotline) -> None:
    chat(slotline, "book a massage monday at ten am", "yes", "no")
    run = chat(
        slotline,
        "cancel my appointment",
        "212-555-0124",
        "no",
        "212 555 0123",
        "yes",
        "yes",
        "no",
        caller=None,
    )
    assert run.agent[2] == "I have 2 1 2, 5 5 5, 0 1 2 4. Is that right?"
    assert run.agent[3] == "Sorry about that. What number can we text the confirmation to?"
    assert run.agent[5] == "Thank you."
    assert run.agent[6].startswith("Just to confirm: shall I cancel your massage on Monday, November 30th at 10 AM")
    assert [b["status"] for b in bookings(slotline)] == ["cancelled"]
    assert outbox(slotline)[-1]["to"] == CALLER


def test_withheld_caller_without_a_usable_number_is_handed_over(slotline: Slotline) -> None:
    run = chat(
        slotline,
        "book a haircut tomorrow",
        "the first one",
        "one two three four five six seven",
        "flibber",
        "no",
        caller=None,
    )
    assert run.agent[3] == (
        "Sorry, that doesn't sound like a full phone number. What number can we text the confirmation to?"
    )
    assert run.ending == "[transferred to a human]"
    assert run.agent[-1] == (
        "I'm sorry, I couldn't get a phone number to book under. Let me connect you with someone from the team."
    )
    assert bookings(slotline) == []


@pytest.mark.parametrize(
    "chatter",
    [
        "what are your opening hours",
        "is there parking nearby",
        "my cat knocked over the plant",
        "how much does it cost",
        "i like turtles",
        "hello hello",
    ],
)
def test_out_of_domain_chatter_never_books(slotline: Slotline, chatter: str) -> None:
    run = chat(slotline, "haircut tuesday at two pm", chatter, chatter, chatter)
    assert "Book" not in run.out
    assert bookings(slotline) == []


@pytest.mark.parametrize(
    ("now", "weekday"),
    [
        ("2026-11-23T08:00:00-05:00", "Monday"),
        ("2026-11-24T08:00:00-05:00", "Tuesday"),
        ("2026-11-25T08:00:00-05:00", "Wednesday"),
        ("2026-11-26T08:00:00-05:00", "Thursday"),
        ("2026-11-27T08:00:00-05:00", "Friday"),
        ("2026-11-28T08:00:00-05:00", "Saturday"),
        ("2026-11-29T08:00:00-05:00", "Sunday"),
    ],
)
def test_next_tuesday_said_on_every_weekday(slotline: Slotline, now: str, weekday: str) -> None:
    run = chat(slotline, "a haircut next tuesday at eleven", "no", now=now)
    said_on = datetime.fromisoformat(now).date()
    assert f"{said_on:%A}" == weekday
    readback = run.agent[1]
    assert "Tuesday" in readback
    assert "11 AM" in readback
    # "next Tuesday" is always 2..13 days ahead, never today (see docs/understanding.md for the exact rule)
    day = int(readback.split("Tuesday, ")[1].split()[1].rstrip("stndrh,"))
    month = readback.split("Tuesday, ")[1].split()[0]
    target = datetime(2026, 12 if month == "December" else 11, day).date()
    assert timedelta(days=1) < target - said_on < timedelta(days=14)


def test_a_booking_in_the_week_the_clocks_change(slotline: Slotline) -> None:
    # New York springs forward on Sunday 14 March 2027; book the Monday after, from the Wednesday before
    run = chat(slotline, "haircut on monday march fifteenth at nine am", "yes", "no", now="2027-03-10T09:00:00-05:00")
    assert (
        run.agent[1]
        == "Let me read that back: a haircut with Sam Rivera next Monday, the 15th at 9 AM. Shall I book it?"
    )
    (booking,) = bookings(slotline)
    assert booking["start"] == "2027-03-15T09:00:00-04:00"  # daylight time
    assert booking["end"] == "2027-03-15T09:30:00-04:00"


def test_bad_phone_is_one_line_and_writes_nothing(slotline: Slotline, db: Path) -> None:
    run = slotline("chat", "--caller", "not-a-number")
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert "not a phone number" in run.err
    assert not db.exists()


def test_unreadable_database_is_one_line(slotline: Slotline, db: Path) -> None:
    db.write_text("this is not a database\n")
    run = chat(slotline, "haircut tuesday at two pm")
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert db.read_text() == "this is not a database\n"


def test_slots_command_sees_bookings_and_calendar_busy_time(slotline: Slotline, db: Path) -> None:
    def sam_starts() -> list[str]:
        run = slotline("slots", "--service", "haircut", "--date", "2026-12-01", "--staff", "sam", "--json")
        return [s["start"][11:16] for s in json.loads("\n".join(run.out))]

    assert "14:00" in sam_starts()
    chat(slotline, "haircut tuesday at two pm", "yes", "no")
    calendar = SqliteCalendarGateway(SqliteDatabase(db), FixedClock(NOW))
    busy = TimeWindow(datetime(2026, 12, 1, 9, tzinfo=NEW_YORK), datetime(2026, 12, 1, 10, tzinfo=NEW_YORK))
    asyncio.run(calendar.add_busy(StaffId("sam"), busy, "Dentist"))
    starts = sam_starts()
    assert "14:00" not in starts and "13:30" not in starts  # the booking plus its 10-minute buffer
    assert "09:00" not in starts and "09:30" not in starts
    assert "10:00" in starts and "14:45" in starts


def test_after_four_offers_only_slots_from_four(slotline: Slotline) -> None:
    run = chat(slotline, "i'd like a haircut next tuesday after four", "the first one", "yes", "no thanks")
    assert run.agent[1] == (
        "On Tuesday, December 1st I have 4 PM with Sam, 4:30 PM with Alex, or 5 PM with Alex. Which would you like?"
    )
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-12-01T16:00:00-05:00"


def test_before_eleven_must_start_before_eleven(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut next tuesday before eleven", "no", "goodbye")
    assert run.agent[1] == (
        "On Tuesday, December 1st I have 9 AM with Sam, 9:30 AM with Sam, or 10 AM with Sam. Which would you like?"
    )


def test_between_two_and_four_on_friday(slotline: Slotline) -> None:
    run = chat(slotline, "can i get a haircut on friday between two and four", "no", "goodbye")
    assert run.agent[1] == (
        "On Friday, November 27th I have 2 PM with Sam, 2:30 PM with Sam, or 3 PM with Sam. Which would you like?"
    )


def test_sometime_next_week_offers_days_of_next_week(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut sometime next week", "the third one", "yes", "no thanks")
    assert run.agent[1] == (
        "I have Monday, November 30th at 9 AM with Sam, Tuesday, December 1st at 9 AM with Sam, "
        "or Wednesday, December 2nd at 9 AM with Sam. Which would you like?"
    )
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-12-02T09:00:00-05:00"


def test_a_bound_said_after_the_offer_narrows_it(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut sometime next week", "anything after four", "the second one", "yes", "no")
    assert run.agent[2] == (
        "I have Monday, November 30th at 4 PM with Sam, Tuesday, December 1st at 4 PM with Sam, "
        "or Wednesday, December 2nd at 4 PM with Sam. Which would you like?"
    )
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-12-01T16:00:00-05:00"


def test_british_half_two(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut tomorrow at half two", "yes", "no")
    assert run.agent[1].endswith("tomorrow, Thursday the 26th at 2:30 PM. Shall I book it?")


def test_a_full_week_offers_the_nearest_days_either_side_of_it(slotline: Slotline, db: Path) -> None:
    calendar = SqliteCalendarGateway(SqliteDatabase(db), FixedClock(NOW))
    week = TimeWindow(datetime(2026, 12, 7, tzinfo=NEW_YORK), datetime(2026, 12, 14, tzinfo=NEW_YORK))
    for staff in ("sam", "alex"):
        asyncio.run(calendar.add_busy(StaffId(staff), week, "Conference"))
    run = chat(slotline, "a haircut the week after next", "no", "goodbye")
    assert run.agent[1].startswith(
        "I have nothing left between Monday, December 7th and Sunday, December 13th. The nearest I have are "
        "Saturday, December 5th at 9 AM with Sam, Monday, December 14th at 9 AM with Sam, "
        "or Tuesday, December 15th at 9 AM with Sam."
    )
