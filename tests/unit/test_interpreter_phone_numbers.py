"""Phone numbers said digit by digit or typed, validated for the business's region; times and choices are not numbers."""

from __future__ import annotations

from datetime import date, time

import pytest

from slotline.domain.dialogue import turn_end
from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import HeardNumber, Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

US = RulesUtteranceInterpreter(sample_catalogue())
GB = RulesUtteranceInterpreter(sample_catalogue(), default_region="GB")
NEW_YORK_NUMBER = HeardNumber(PhoneNumber("+12125550123"), ("212", "555", "0123"))


@pytest.mark.parametrize(
    "said",
    [
        "two one two five five five zero one two three",
        "two one two five five five oh one two three",
        "two one two, five five five, zero one two three",
        "two one two, double five five, oh one two three",
        "two one two triple five oh one two three",
        "two one two five five five oh one twenty three",
        "oh, two one two five five five zero one two three",
        "212-555-0123",
        "(212) 555 0123",
        "2125550123",
        "+1 212 555 0123",
        "my number is 212 555 0123",
        "it's two one two five five five zero one two three please",
    ],
)
def test_a_number_in_the_default_region(said: str) -> None:
    heard = US.understand(said, NOW)
    assert heard.phone == NEW_YORK_NUMBER
    assert heard.intent is Intent.INFORM
    assert heard.at is None and heard.day is None and heard.ordinal is None and not heard.has_details


def test_a_number_from_abroad_is_read_back_with_its_country_code() -> None:
    heard = US.understand("+44 20 7946 0958", NOW)
    assert heard.phone == HeardNumber(PhoneNumber("+442079460958"), ("+44", "20", "7946", "0958"))
    spoken = US.understand("plus four four two oh seven nine four six oh nine five eight", NOW)
    assert spoken.phone == heard.phone


def test_the_default_region_decides_how_a_national_number_is_read() -> None:
    heard = GB.understand("oh two oh seven nine four six oh nine five eight", NOW)
    assert heard.phone == HeardNumber(PhoneNumber("+442079460958"), ("020", "7946", "0958"))
    in_us = US.understand("oh two oh seven nine four six oh nine five eight", NOW).phone
    assert in_us is not None and in_us.number == PhoneNumber("+12079460958")  # a leading "oh" is a sound there


def test_yes_or_no_with_a_number_keeps_both() -> None:
    yes = US.understand("yes it's two one two five five five zero one two three", NOW)
    assert (yes.intent, yes.phone) == (Intent.AFFIRM, NEW_YORK_NUMBER)
    no = US.understand("no it's 212 555 0124", NOW)
    assert no.intent is Intent.DENY
    assert no.phone is not None and no.phone.number == PhoneNumber("+12125550124")


@pytest.mark.parametrize(
    "said", ["one two three four five six seven", "five five five zero one two three", "123 456 7890 1234"]
)
def test_enough_digits_that_are_no_valid_number_are_an_invalid_attempt(said: str) -> None:
    heard = US.understand(said, NOW)
    assert heard.phone == HeardNumber(None)
    assert heard.intent is Intent.UNKNOWN
    assert not turn_end.sounds_finished(heard)  # the caller may still be saying it: wait the long pause


@pytest.mark.parametrize(
    "said",
    [
        "at two",
        "the second one",
        "two one two",
        "two one two five five five",
        "tuesday at two thirty",
        "the twenty third at ten fifteen",
        "december 2nd 2026 at 10:30",
        "haircut at 2 on 12/3",
        "one two three",
        "book for two people at seven",
        "oh okay the first one",
    ],
)
def test_times_dates_and_choices_are_not_phone_numbers(said: str) -> None:
    assert US.understand(said, NOW).phone is None


def test_times_around_a_number_are_still_read() -> None:
    heard = US.understand("tuesday at two, my number is 212 555 0123", NOW)
    assert heard.phone == NEW_YORK_NUMBER
    assert heard.day == date(2026, 12, 1)
    assert heard.at == time(14, 0)


def test_a_whole_number_sounds_finished_and_half_of_one_does_not() -> None:
    assert turn_end.sounds_finished(US.understand("two one two five five five zero one two three", NOW))
    assert not turn_end.sounds_finished(US.understand("two one two five five five", NOW))


def test_the_full_number_never_shows_in_a_repr() -> None:
    assert "5550123" not in repr(US.understand("212 555 0123", NOW))


@pytest.mark.parametrize(
    ("said", "extension"),
    [
        ("212 555 0123;ext=4", "4"),
        ("212-555-0123 x4", "4"),
        ("+1 212 555 0123 ext. 12", "12"),
        ("two one two five five five zero one two three extension four", "4"),
    ],
)
def test_a_number_with_an_extension_is_heard_as_an_extension_not_a_number(said: str, extension: str) -> None:
    heard = US.understand(said, NOW)
    assert heard.phone == HeardNumber(None, extension=extension)
