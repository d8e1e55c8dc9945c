"""The DEBUG line of a heard turn: the words with phone digits masked, and the fields of its meaning that say something."""

from __future__ import annotations

import logging
from datetime import date, time

import pytest

from slotline.application.heard import described, log_heard
from slotline.domain.ids import ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import PartOfDay
from slotline.domain.understanding import HeardNumber, Intent, Interpretation


def test_only_fields_that_say_something_are_shown() -> None:
    understood = Interpretation(
        Intent.BOOK,
        text="a haircut next tuesday afternoon at two",
        service_id=ServiceId("haircut"),
        day=date(2026, 12, 1),
        part_of_day=PartOfDay.AFTERNOON,
        at=time(14, 0),
        unsure=("week",),
    )

    assert described(understood) == (
        "book service_id='haircut' day=2026-12-01 part_of_day=afternoon at=14:00:00 unsure=('week',)"
    )


def test_a_yes_is_just_its_intent() -> None:
    assert described(Interpretation(Intent.AFFIRM, text="yes please")) == "affirm"


def test_the_line_masks_the_number_in_the_words_and_in_the_meaning(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("slotline.test.heard")
    said = "it is two one two five five five zero one two three"
    understood = Interpretation(
        Intent.INFORM, text=said, phone=HeardNumber(PhoneNumber("+12125550123"), ("212", "555", "0123"))
    )
    with caplog.at_level(logging.DEBUG, logger="slotline.test.heard"):
        log_heard(log, "call-1", said, understood)

    (record,) = caplog.records
    assert record.getMessage() == (
        "call call-1: heard 'it is * * * * * * * * * *', understood inform phone=HeardNumber(+12*******23)"
    )
