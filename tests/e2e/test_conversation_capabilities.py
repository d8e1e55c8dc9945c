"""Issue 13, the conversation's capabilities, through the real container (rule-based understanding, SQLite,
local SMS): corrections, talking about the offers, moving and cancelling in everyday words, closing words and
closed days, several services in one request."""

from __future__ import annotations

from tests.e2e.conftest import Slotline, bookings, chat


def _starts(slotline: Slotline) -> list[tuple[str, str, str, str]]:
    return [(b["service"], b["start"], b["staff"], b["status"]) for b in bookings(slotline)]


# -- corrections ------------------------------------------------------------------------------------


def test_a_new_day_keeps_the_time_already_said(slotline: Slotline) -> None:
    run = chat(slotline, "book a haircut tuesday at two pm", "actually make that friday", "yes", "no")
    assert "this Friday, the 27th at 2 PM. Shall I book it?" in run.agent[2]
    assert _starts(slotline) == [("haircut", "2026-11-27T14:00:00-05:00", "sam", "confirmed")]


def test_at_the_read_back_a_new_time_keeps_the_day(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday at ten", "no, make it eleven", "yes", "no")
    assert run.agent[2].endswith("next Tuesday, December 1st at 11 AM. Shall I book it?")
    assert _starts(slotline) == [("haircut", "2026-12-01T11:00:00-05:00", "sam", "confirmed")]


def test_at_the_read_back_another_person_keeps_the_day_and_time(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday at ten with alex", "with Sam instead", "yes", "no")
    assert "Alex Chen next Tuesday, December 1st at 10 AM" in run.agent[1]
    assert "Sam Rivera next Tuesday, December 1st at 10 AM" in run.agent[2]
    assert _starts(slotline) == [("haircut", "2026-12-01T10:00:00-05:00", "sam", "confirmed")]


# -- talking about the offers -------------------------------------------------------------------------


def test_anything_later_searches_after_the_offers_on_their_day(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday afternoon", "anything later in the day?", "the first one", "yes", "no")
    assert run.agent[1].startswith("On Tuesday, December 1st I have noon")
    assert run.agent[2].startswith("On Tuesday, December 1st I have 2:15 PM")
    assert _starts(slotline) == [("haircut", "2026-12-01T14:15:00-05:00", "sam", "confirmed")]


def test_the_latest_you_have_is_one_answer_and_a_yes_takes_it(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday", "what's the latest you've got?", "that'll do", "no")
    assert run.agent[2] == "I have a haircut with Alex Chen next Tuesday, December 1st at 5:15 PM. Shall I book it?"
    assert _starts(slotline) == [("haircut", "2026-12-01T17:15:00-05:00", "alex", "confirmed")]


def test_an_offered_time_said_as_a_time_picks_that_offer(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday afternoon", "two o'clock's fine", "yes", "no")
    assert "next Tuesday, December 1st at 2 PM. Shall I book it?" in run.agent[2]
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-12-01T14:00:00-05:00"


def test_yes_to_several_offers_books_nothing_until_one_is_chosen(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday", "yes")
    assert run.agent[-1] == "Which one would you like: the first, the second, or the third?"
    assert bookings(slotline) == []


# -- moving and cancelling in everyday words --------------------------------------------------------------


def _two_appointments(slotline: Slotline) -> None:
    chat(slotline, "book a haircut on wednesday december 2nd at ten am", "yes", "no")
    chat(slotline, "book a massage on thursday december 3rd at one pm", "yes", "no")


def test_cant_make_it_asks_move_or_cancel_and_same_time_next_week_is_a_week_on(slotline: Slotline) -> None:
    _two_appointments(slotline)
    run = chat(slotline, "I can't make my appointment on Wednesday", "can we do the same time next week instead", "yes")
    assert run.agent[1] == (
        "No problem. Would you like to move your haircut on Wednesday, December 2nd at 10 AM to another time, "
        "or cancel it?"
    )
    assert "moves from Wednesday, December 2nd at 10 AM to Wednesday, December 9th at 10 AM" in run.agent[2]
    assert ("haircut", "2026-12-09T10:00:00-05:00", "sam", "confirmed") in _starts(slotline)


def test_cancel_a_weekdays_appointment_of_several(slotline: Slotline) -> None:
    _two_appointments(slotline)
    run = chat(slotline, "I need to cancel Thursday's", "yes", "no")
    assert run.agent[1] == "Just to confirm: shall I cancel your massage on Thursday, December 3rd at 1 PM with Jordan?"
    assert ("massage", "2026-12-03T13:00:00-05:00", "jordan", "cancelled") in _starts(slotline)
    assert ("haircut", "2026-12-02T10:00:00-05:00", "sam", "confirmed") in _starts(slotline)


def test_several_appointments_and_no_clue_asks_which(slotline: Slotline) -> None:
    _two_appointments(slotline)
    run = chat(slotline, "I won't be able to come", "the massage", "cancel it", "yes", "no")
    assert run.agent[1] == (
        "Which appointment do you mean: the haircut on Wednesday, December 2nd at 10 AM or the massage on "
        "Thursday, December 3rd at 1 PM?"
    )
    assert "move your massage on Thursday, December 3rd at 1 PM to another time, or cancel it?" in run.agent[2]
    assert ("massage", "2026-12-03T13:00:00-05:00", "jordan", "cancelled") in _starts(slotline)


def test_push_it_back_a_week_keeps_the_time(slotline: Slotline) -> None:
    chat(slotline, "book a haircut on wednesday december 2nd at ten am", "yes", "no")
    run = chat(slotline, "I need to push it back a week", "yes", "no")
    assert "moves from Wednesday, December 2nd at 10 AM to Wednesday, December 9th at 10 AM" in run.agent[1]
    assert _starts(slotline) == [("haircut", "2026-12-09T10:00:00-05:00", "sam", "confirmed")]


def test_a_bit_later_the_same_day(slotline: Slotline) -> None:
    chat(slotline, "book a haircut on wednesday december 2nd at ten am", "yes", "no")
    run = chat(slotline, "I need to move my haircut", "a bit later the same day", "the first one", "yes", "no")
    assert run.agent[2].startswith("On Wednesday, December 2nd I have 10:15 AM")
    assert _starts(slotline) == [("haircut", "2026-12-02T10:15:00-05:00", "sam", "confirmed")]


# -- closing words and closed days ------------------------------------------------------------------------


def test_never_mind_at_the_read_back_ends_politely_and_books_nothing(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on tuesday at ten", "never mind then")
    assert run.agent[-1] == "Thank you for calling Maple Street Clinic. Goodbye!"
    assert bookings(slotline) == []


def test_a_closed_weekday_is_said_and_the_nearest_offered(slotline: Slotline) -> None:
    run = chat(slotline, "a massage on sunday", "I'll leave it")
    assert run.agent[1].startswith("We're closed on Sundays. The nearest I have are Thursday, November 26th")
    assert run.agent[2] == "Thank you for calling Maple Street Clinic. Goodbye!"
    assert bookings(slotline) == []


# -- several services ----------------------------------------------------------------------------------


def test_two_services_are_booked_one_after_the_other(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut and a massage on friday", "the first one", "yes", "yes", "no")
    assert run.agent[1] == "I'll book a haircut and a massage, one at a time, starting with the haircut."
    assert "Let me read that back: a massage with Jordan Patel this Friday, the 27th at 9:30 AM" in run.agent[7]
    assert _starts(slotline) == [
        ("haircut", "2026-11-27T09:00:00-05:00", "sam", "confirmed"),
        ("massage", "2026-11-27T09:30:00-05:00", "jordan", "confirmed"),
    ]


def test_a_day_past_the_booking_horizon_is_explained(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut on march 2nd", "never mind")
    assert run.agent[1].startswith("We only book 60 days ahead. The nearest I have are")
    assert bookings(slotline) == []


def test_a_time_inside_the_minimum_notice_is_explained(slotline: Slotline) -> None:
    run = chat(slotline, "a haircut today at 9:30", "forget it")
    assert run.agent[1].startswith("We need an hour's notice, so that's too soon. On Wednesday, November 25th I have")
    assert bookings(slotline) == []


def test_a_second_service_said_in_a_shared_word_is_asked_about_not_dropped(slotline: Slotline) -> None:
    run = chat(slotline, "a massage and something for my hair on friday at ten", "yes", "the colouring", "yes", "no")
    assert run.agent[1] == "I'll book a massage and the other one, one at a time, starting with the massage."
    assert "Did you mean a haircut or a hair colouring?" in run.agent
    assert [(b["service"], b["status"]) for b in bookings(slotline)] == [
        ("massage", "confirmed"),
        ("colour", "confirmed"),
    ]
