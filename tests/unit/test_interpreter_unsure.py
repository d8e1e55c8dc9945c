"""Never guessed silently: words no reader used that could change a day, time, service or person flag the turn."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
COMING_TUESDAY = date(2026, 12, 1)  # NOW is Wednesday 25 November 2026


def understood(text: str) -> Interpretation:
    return INTERPRETER.understand(text, NOW)


@pytest.mark.parametrize(
    ("text", "unsure"),
    [
        ("a haircut on tuesday the week after", ("week", "after")),
        ("tuesday, not next week but the one after", ("after",)),
        ("tuesday the following week", ("week",)),  # a week on from a day said in the same breath: asked
        ("tuesday a fortnight after", ("fortnight", "after")),
        ("tuesday at 3 for 2 people", ("2",)),
        ("tuesday, in 30 minutes", ("30",)),
        ("tuesday, the one in january", ("day",)),  # which tuesday of january: asked
        ("tuesday except in the morning after 10", ("except",)),
        # two days that disagree, with no "no" or "actually" between them
        ("tuesday in ten days", ("day",)),  # in ten days is a Saturday
        ("tuesday unless it's the 3rd", ("day",)),
        ("tuesday the 3rd", ("day",)),  # the 3rd is a Thursday
        ("friday at three but not the friday this week", ("day",)),  # asked for and ruled out
    ],
)
def test_left_over_meaning_flags_the_turn(text: str, unsure: tuple[str, ...]) -> None:
    result = understood(text)
    assert result.unsure == unsure
    if unsure:
        assert result.intent is not Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "tuesday week",
        "a week on tuesday",
        "the tuesday after next",
        "tuesday the week after",
        "tuesday, not this one, the one after",
        "tuesday but a week later",
        "tuesday in a fortnight",
        "a week from tuesday",
        "tuesday next month",
    ],
)
def test_what_used_to_be_read_as_the_plain_weekday_is_never_the_plain_weekday_unflagged(text: str) -> None:
    result = understood(f"a haircut {text}")
    assert result.day != COMING_TUESDAY or result.unsure, text


@pytest.mark.parametrize(
    "text",
    [
        "a haircut next tuesday at 3",
        "not tuesday, wednesday",
        "i can't do friday",
        "i'm not sure, maybe tuesday at three",
        "the second one",
        "yes please",
        "a haircut with sam on friday morning",
        "between two and four on the 3rd of december",
        "the one at three",
        "i'd like one too, on friday",
        "friday instead",
        "sometime next week after 4",
        "half past two tomorrow",
        "friday the 4th",  # a Friday
        "on the 3rd, a thursday",
        "tuesday, no, wednesday",
        "tuesday actually make that wednesday",
        "tuesday or wednesday",
        "tuesday, the week after next",  # the Tuesday of that week
        "a haircut, i saw sam last month, monday please",  # about the past
        "monday please, last time was great",
        "friday, i came in two weeks ago",
        "tuesday at 10 for 30 minutes",  # how long: the service decides
    ],
)
def test_what_is_all_understood_is_not_flagged(text: str) -> None:
    assert understood(text).unsure == ()


def test_a_person_ruled_out_is_nobody() -> None:
    result = understood("a haircut on friday, not with sam")
    assert (result.staff_id, result.unsure) == (None, ())
    assert understood("a haircut on friday with sam").staff_id == "sam"


def test_an_unknown_turn_carries_nothing() -> None:
    assert understood("one two three four") == Interpretation(Intent.UNKNOWN, text="one two three four")


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("12/01", date(2026, 12, 1), None),  # 1 December (US, bookable) or 12 January (UK): the business is in the US
        ("01/12/2026", None, None),  # 12 January 2026 is past; 1 December is the other order: asked
        ("1.12.", date(2027, 1, 12), None),
        ("01.12.2026", None, None),
        ("5/6 at 3", None, time(15)),  # 6 May and 5 June are both beyond the 60 days bookable: asked
        ("12/25", date(2026, 12, 25), None),  # only one reading is a date
        ("25/12", date(2026, 12, 25), None),
        ("25.12.", date(2026, 12, 25), None),
        ("12/12", date(2026, 12, 12), None),  # both readings are the same day
        ("2026/12/01", date(2026, 12, 1), None),  # year first: always year, month, day
        ("2026-12-01", date(2026, 12, 1), None),
        ("at 9.30.", None, time(9, 30)),  # a time, not 30 September
        ("10.45.", None, time(10, 45)),
    ],
)
def test_numeric_dates_are_read_in_the_business_order_or_asked_about(
    text: str, day: date | None, at: time | None
) -> None:
    result = understood(f"a haircut {text}")
    assert (result.day, result.at) == (day, at)
    assert result.unsure == (() if day is not None or (at is not None and "/" not in text) else ("day",))


def _british() -> RulesUtteranceInterpreter:
    catalogue = sample_catalogue()
    business = replace(catalogue.business, phone=PhoneNumber("+441174960120"))
    return RulesUtteranceInterpreter(replace(catalogue, business=business), default_region="GB")


@pytest.mark.parametrize(
    ("text", "us", "uk"),
    [
        # both readings within the 60 days bookable from 25 November: the business's own order, as read there
        ("01/12", date(2027, 1, 12), date(2026, 12, 1)),
        ("12/01", date(2026, 12, 1), date(2027, 1, 12)),
        # one reading beyond the horizon: the business's own order is taken when it is the bookable one
        ("12/4", date(2026, 12, 4), None),  # 4 December (US) or 12 April (too far)
        ("4/12", None, date(2026, 12, 4)),  # 12 April (too far) or 4 December (UK)
        ("1/6", date(2027, 1, 6), None),
        ("6/1", None, date(2027, 1, 6)),
        # the business's own reading is past: asked, though the other is bookable
        ("01/12/2026", None, date(2026, 12, 1)),
    ],
)
def test_the_business_country_settles_a_numeric_date_when_its_own_reading_can_be_booked(
    text: str, us: date | None, uk: date | None
) -> None:
    for interpreter, expected in ((INTERPRETER, us), (_british(), uk)):
        result = interpreter.understand(f"a haircut on {text}", NOW)
        assert result.day == expected, text
        assert result.unsure == (() if expected is not None else ("day",))


def test_a_bare_hour_beside_a_day_word_is_a_time_among_other_words() -> None:
    result = understood("my son needs a haircut, 9 tomorrow")
    assert (result.day, result.at, result.unsure) == (date(2026, 11, 26), time(9), ())
    assert understood("a haircut friday 3").at == time(15)
    assert understood("a haircut tomorrow, 2 of us").at is None


def test_a_bare_hour_with_approval_words_is_a_time() -> None:
    assert understood("9 is perfect").at == time(9)
    assert understood("3 suits me").at == time(15)
