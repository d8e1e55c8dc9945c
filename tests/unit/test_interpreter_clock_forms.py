"""Times in their common forms: around noon and midnight, "N minutes past", 24-hour, colon-less, a bare hour beside
a day word, and a bare hour's a.m./p.m. settled by the opening hours (the Maple Street Clinic is open 8:00-20:00)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from slotline.domain.catalogue import Catalogue, StaffMember
from slotline.domain.preference import PartOfDay
from slotline.domain.understanding import Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, hours, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
TOMORROW = date(2026, 11, 26)


def understood(text: str, interpreter: RulesUtteranceInterpreter = INTERPRETER, now: datetime = NOW) -> Interpretation:
    return interpreter.understand(text, now)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten past twelve", time(12, 10)),
        ("ten past noon", time(12, 10)),
        ("twenty past midday", time(12, 20)),
        ("quarter to noon", time(11, 45)),
        ("quarter past midnight", time(0, 15)),
        ("quarter to midnight", time(23, 45)),
        ("at midnight", time(0)),
        ("twenty minutes past 4", time(16, 20)),
        ("seventeen minutes past six", time(18, 17)),
        ("17 minutes to 5", time(16, 43)),
        ("three minutes past ten", time(10, 3)),
        ("ten after ten", time(10, 10)),  # American
        ("a quarter of four", time(15, 45)),  # American
        ("half two", time(14, 30)),  # British
        ("half ten", time(10, 30)),
        ("14:30", time(14, 30)),
        ("14.30", time(14, 30)),
        ("1430 hours", time(14, 30)),
        ("at 1430", time(14, 30)),
        ("fourteen thirty", time(14, 30)),
        ("fourteen hundred hours", time(14)),
        ("at 930", time(9, 30)),
        ("930 am", time(9, 30)),
        ("around 230", time(14, 30)),
        ("9 30", time(9, 30)),
        ("nine thirty", time(9, 30)),
        ("nine oh five", time(9, 5)),
        ("noon", time(12)),
        ("midday", time(12)),
        ("lunchtime", time(12)),
    ],
)
def test_clock_forms(text: str, expected: time) -> None:
    result = understood(f"tomorrow {text}")
    assert (result.day, result.at, result.unsure) == (TOMORROW, expected, ())


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("9 tomorrow", TOMORROW, time(9)),
        ("tomorrow at 9", TOMORROW, time(9)),
        ("8 tonight", date(2026, 11, 25), time(20)),
        ("tomorrow at 2", TOMORROW, time(14)),
        ("2 tomorrow", TOMORROW, time(14)),
        ("tomorrow at 7", TOMORROW, time(19)),  # closed at 7 AM, open at 7 PM
        ("quarter to eight tomorrow", TOMORROW, time(19, 45)),
        ("tomorrow at 7 am", TOMORROW, time(7)),  # said: kept, even when closed
        ("tomorrow at 8", TOMORROW, time(8)),  # open at 8 AM
    ],
)
def test_a_bare_hour_beside_a_day_word(text: str, day: date, at: time) -> None:
    result = understood(text)
    assert (result.day, result.at) == (day, at)


def _early_bakery() -> Catalogue:
    catalogue = sample_catalogue()
    early = hours({d: ["06:00-14:00"] for d in range(7)}, [])
    staff = tuple(StaffMember(m.id, m.name, early, m.calendar) for m in catalogue.staff)
    return Catalogue(catalogue.business, catalogue.policy, catalogue.services, staff)


def test_a_business_open_early_reads_a_bare_hour_as_morning() -> None:
    bakery = RulesUtteranceInterpreter(_early_bakery())
    assert understood("tomorrow at 7", bakery).at == time(7)  # 7 PM is closed, 7 AM open
    assert understood("tomorrow at 2", bakery).at == time(14)  # open at 2 PM: the usual reading
    assert understood("tomorrow at 5", bakery).at == time(17)  # 5 AM and 5 PM both closed: the usual reading
    assert understood("tomorrow evening at 7", bakery).at == time(19)  # a part of the day is never turned round


def test_a_part_of_the_day_is_kept_with_lunchtime() -> None:
    result = understood("tomorrow lunchtime")
    assert (result.at, result.approximate) == (time(12), True)
    assert understood("tomorrow afternoon").part_of_day is PartOfDay.AFTERNOON


def test_midnight_is_on_the_day_said() -> None:
    assert understood("friday at midnight").day == NOW.date() + timedelta(days=2)
