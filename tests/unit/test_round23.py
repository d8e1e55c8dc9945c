"""Issue 13, on what heldout20's round left not understood (it ended at 93/100); written in other words and for
other businesses than the corpus's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

DUBLIN = ZoneInfo("Europe/Dublin")
OPTICIAN = RulesUtteranceInterpreter(load_catalogue(catalogue_path("optician_ie")))  # Easter Monday closed, 2027


def _on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 30, tzinfo=DUBLIN)


def test_a_month_said_as_its_ordinal_number() -> None:
    wednesday = _on(date(2027, 1, 6))

    heard = OPTICIAN.understand("an eye test on the ninth of the second, please", wednesday)
    assert (heard.day, heard.unsure) == (date(2027, 2, 9), ())
    assert OPTICIAN.understand("the 21st of the 1st at 11", wednesday).day == date(2027, 1, 21)
    assert OPTICIAN.understand("the 8th of the month", wednesday).day == date(2027, 1, 8)  # as before


def test_a_weekday_in_eight_days_is_a_week_after_it() -> None:
    wednesday = _on(date(2027, 1, 6))

    assert OPTICIAN.understand("an eye test Wednesday in eight days", wednesday).day == date(2027, 1, 13)
    assert OPTICIAN.understand("Friday in eight days", wednesday).day == date(2027, 1, 15)
    assert OPTICIAN.understand("on Thursday in 8 days", wednesday).day == date(2027, 1, 14)  # the English reading too
    assert OPTICIAN.understand("Monday in fourteen days", wednesday).day == date(2027, 1, 25)
    assert OPTICIAN.understand("in eight days", wednesday).day == date(2027, 1, 14)  # alone: eight days


def test_a_weekday_after_the_week_after_next() -> None:
    wednesday = _on(date(2027, 1, 6))

    heard = OPTICIAN.understand("the week after next, on the Tuesday", wednesday)
    assert (heard.day, heard.unsure) == (date(2027, 1, 19), ())
    assert OPTICIAN.understand("week after next, Friday", wednesday).day == date(2027, 1, 22)
    assert OPTICIAN.understand("next week, Friday", wednesday).day == date(2027, 1, 15)  # as before


def test_a_day_counted_from_easter_where_the_business_closes_for_it() -> None:
    thursday = _on(date(2027, 3, 18))

    assert OPTICIAN.understand("an eye test the Wednesday after Easter", thursday).day == date(2027, 3, 31)
    assert OPTICIAN.understand("the day before Easter", thursday).day == date(2027, 3, 27)
    heard = OPTICIAN.understand("ah, Easter, I'd forgotten", thursday)  # said alone, Easter is an aside
    assert (heard.day, heard.unsure) == (None, ())


def test_a_week_move_of_the_appointment_on_a_day_they_name() -> None:
    monday = _on(date(2027, 6, 7))

    heard = OPTICIAN.understand("please push my eye test on the 17th back by one week", monday)
    assert (heard.day, heard.refers.weeks, heard.unsure) == (date(2027, 6, 17), 1, ())
    heard = OPTICIAN.understand("Thursday, but a week later", monday)  # a wish: that day or a week on, asked
    assert heard.unsure == ("week",)


def test_the_office_people_asked_for() -> None:
    monday = _on(date(2027, 6, 7))

    for said in ("could I talk to the practice administrator", "can I speak with your secretary please"):
        assert OPTICIAN.understand(said, monday).intent is Intent.HUMAN, said
