"""Issue 13, the round on heldout13's failures (heldout13 was measured first: 87/100, 0 wrong; these are tuned on
it, each written in other words than the corpus's)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.words import normalise
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

HOUSTON = datetime(2026, 12, 14, 11, 0, tzinfo=ZoneInfo("America/Chicago"))  # a Monday
LONDON = datetime(2027, 4, 6, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Tuesday
NAILS = RulesUtteranceInterpreter(load_catalogue(catalogue_path("nails_hou")))
OSTEO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("osteo_ldn")))


def _day(interpreter: RulesUtteranceInterpreter, turn: str, now: datetime) -> tuple[date | None, tuple[str, ...]]:
    said = interpreter.understand(turn, now)
    return said.day, said.unsure


def test_a_holiday_written_down_for_two_years_names_the_next_one() -> None:
    assert _day(NAILS, "do you have anything on christmas day?", HOUSTON) == (date(2026, 12, 25), ())


def test_a_day_said_after_the_holiday_it_comes_after_is_the_day() -> None:
    said = NAILS.understand("a pedicure on the 28th, my feet will need it after christmas", HOUSTON)

    assert (said.day, said.unsure) == (date(2026, 12, 28), ())


@pytest.mark.parametrize(
    "turn",
    [
        "I had a gel set a few months back, can I get another friday",
        "I came in two weeks back for a fill, can I book another for friday",
    ],
)
def test_weeks_or_months_back_is_the_past(turn: str) -> None:
    assert _day(NAILS, turn, HOUSTON) == (date(2026, 12, 18), ())


def test_pushing_something_weeks_back_is_still_not_the_past() -> None:
    said = NAILS.understand("push it two weeks back", HOUSTON)

    assert (said.intent, said.refers.weeks) == (Intent.RESCHEDULE, 2)


def test_how_someone_is_doing_rules_nothing_out() -> None:
    assert _day(OSTEO, "he's not sleeping well with his back, thursday if you can", LONDON) == (date(2027, 4, 8), ())
    assert OSTEO.understand("I'm not coming thursday, friday instead", LONDON).day == date(2027, 4, 9)


def test_a_staff_members_name_with_s() -> None:
    assert OSTEO.understand("is Hannah's diary free on thursday?", LONDON).staff_id == "hannah"


def test_a_dropped_g_is_read() -> None:
    assert normalise("somethin' this evenin'") == ["something", "this", "evening"]


def test_the_end_of_the_callers_free_time_is_not_the_booking_time() -> None:
    said = NAILS.understand("a gel manicure friday at 11, I'm off until 2", HOUSTON)

    assert (said.day, said.at) == (date(2026, 12, 18), time(11))


def test_a_day_said_as_closed_beside_another_is_no_wish() -> None:
    assert _day(OSTEO, "ah you're closed on sundays, fine, monday then", LONDON) == (date(2027, 4, 12), ())


def test_getting_there_early_is_no_question_about_directions() -> None:
    said = OSTEO.understand("thursday at ten, I can get there early", LONDON)

    assert said.question is None and said.at == time(10)


def test_a_bare_hour_asked_about_among_the_offers() -> None:
    assert OSTEO.understand("is 3 doable?", LONDON).at == time(15)
    assert OSTEO.understand("that would work", LONDON).intent is Intent.AFFIRM


def test_a_question_followed_by_a_number_about_someone_else_is_still_a_question() -> None:
    said = OSTEO.understand("do you do house calls? my dad's ninety", LONDON)

    assert said.question is not None and said.question.topic is Topic.UNKNOWN


def test_what_comes_with_a_service_asks_for_its_description() -> None:
    said = NAILS.understand("what comes with the spa pedicure?", HOUSTON)

    assert said.question is not None and said.question.topic is Topic.DESCRIPTION


def test_something_had_in_an_earlier_sentence_does_not_rule_out_the_next_day() -> None:
    assert _day(OSTEO, "my son's got a bad knee. Friday?", LONDON) == (date(2027, 4, 9), ())


def test_busy_with_a_holiday_beside_the_day_wanted() -> None:
    said = OSTEO.understand(
        "a follow-up a week on Monday? I'm really busy with Easter",
        datetime(2027, 3, 22, 9, tzinfo=ZoneInfo("Europe/London")),
    )

    assert (said.day, said.unsure) == (date(2027, 4, 5), ())
