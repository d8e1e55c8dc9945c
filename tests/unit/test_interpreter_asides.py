"""What callers say beside the booking: how old someone is, when they are busy elsewhere, why they want the day, and
a second booking for themselves ("a haircut for me and one for my son"). None of it may change the day or time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

CATALOGUE = sample_catalogue()
KIDS = Service(
    ServiceId("kids_haircut"), "Kids haircut", timedelta(minutes=20), (StaffId("sam"),), ("children's haircut",)
)
WITH_KIDS = RulesUtteranceInterpreter(replace(CATALOGUE, services=(*CATALOGUE.services, KIDS)))
FRIDAY = date(2026, 11, 27)  # NOW is Wednesday, November 25th


@pytest.mark.parametrize(
    "text",
    [
        "a haircut for my daughter, she's nine, on friday",
        "my son is 7, friday please",
        "a haircut for my boy, he's ten years old, friday",
        "friday for my daughter, aged 6",
    ],
)
def test_an_age_is_never_a_time(text: str) -> None:
    heard = WITH_KIDS.understand(text, NOW)
    assert (heard.day, heard.at, heard.unsure) == (FRIDAY, None, ())


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("a haircut on friday at 4, actually make that half past three, she's got swim at 5", time(15, 30)),
        ("I have a meeting at 2 so friday at 4 please", time(16)),
        ("she has school at 3, so 4 on friday", time(16)),
        ("friday, I've got work at 9", None),
    ],
)
def test_the_time_of_something_else_the_caller_has_is_not_the_booking(text: str, at: time | None) -> None:
    heard = WITH_KIDS.understand(text, NOW)
    assert (heard.day, heard.at, heard.unsure) == (FRIDAY, at, ())


@pytest.mark.parametrize("text", ["have you got anything at 5 on friday", "I've got time at 5 on friday"])
def test_asking_for_a_time_or_offering_ones_own_is_the_booking_time(text: str) -> None:
    heard = WITH_KIDS.understand(text, NOW)
    assert (heard.day, heard.at) == (FRIDAY, time(17))


@pytest.mark.parametrize(
    "text",
    [
        "a haircut on friday at 11, before the holidays",
        "a massage on friday, it's the week before a race",
        "a haircut on friday after my surgery",
    ],
)
def test_an_occasion_beside_a_day_is_the_reason_not_a_bound(text: str) -> None:
    heard = WITH_KIDS.understand(text, NOW)
    assert (heard.day, heard.unsure) == (FRIDAY, ())


@pytest.mark.parametrize(
    "text", ["a haircut before the weekend", "a haircut on friday, before my appointment", "the week before christmas"]
)
def test_before_a_time_or_without_a_day_is_still_asked(text: str) -> None:
    assert WITH_KIDS.understand(text, NOW).unsure != ()


@pytest.mark.parametrize(
    "text", ["a haircut for me and one for my son on friday", "a haircut for me and my daughter on friday"]
)
def test_one_for_the_caller_and_one_for_the_child_are_two_bookings(text: str) -> None:
    heard = WITH_KIDS.understand(text, NOW)
    assert (heard.service_id, heard.more_services) == ("haircut", ("kids_haircut",))


def test_not_for_the_caller_is_the_childs_only() -> None:
    heard = WITH_KIDS.understand("a haircut for my son, not for me", NOW)
    assert (heard.service_id, heard.more_services) == ("kids_haircut", ())
