"""Issue 13, the twelfth session: the two wrong bookings the heldout40 round left (a child's cut asked for in the
words of an adults' one; "the latest" after the day asked for had nothing that late), in other words than the
corpus's."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import StaffId
from slotline.domain.preference import StartBounds
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.business_words import says_a_child_s_age
from slotline.infrastructure.rules_nlu.words import normalise
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard

SALON = RulesUtteranceInterpreter(load_catalogue(catalogue_path("salon_glw")))
MUSIC = RulesUtteranceInterpreter(load_catalogue(catalogue_path("music_liv")))
WINTER = datetime(2027, 2, 25, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.mark.parametrize(
    "said",
    [
        "is that the hairdressers? my boy needs his hair cut, he's five",
        "hi, is this the hair salon? my daughter's needing her hair cut, she's seven",
        "my wee girl wants her hair trimmed, she's eight, Saturday if you can",  # the trim is the women's cut's name
    ],
)
def test_a_childs_cut_asked_for_in_the_words_of_the_adults_cut_is_the_childrens(said: str) -> None:
    assert SALON.understand(said, WINTER).service_id == "kids_cut"


def test_an_adult_named_beside_the_service_keeps_the_adults_one() -> None:
    assert SALON.understand("my granny's eighty-one and needs her hair trimmed", WINTER).service_id == "ladies_cut"


def test_a_service_for_anyone_named_with_a_childs_age_stays_that_service() -> None:
    now = datetime(2027, 9, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert MUSIC.understand("could my daughter try a free trial, she's ten", now).service_id == "trial"


@pytest.mark.parametrize("age", ["seventy-one", "twenty one", "eighty-two"])
def test_the_last_word_of_an_adults_age_is_no_childs_age(age: str) -> None:
    assert not says_a_child_s_age(normalise(f"my grandson says I should come in, I'm {age}"))


def _tuesday_full_from(hour: int) -> World:
    late = TimeWindow(datetime(2026, 12, 1, hour, tzinfo=NEW_YORK), datetime(2026, 12, 2, 0, tzinfo=NEW_YORK))
    world = World(StaffLoad({StaffId("sam"): [late], StaffId("alex"): [late]}))
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    return world


def test_the_latest_after_nothing_that_late_on_the_day_is_that_days_latest() -> None:
    world = _tuesday_full_from(14)
    said = world.send(heard(Intent.INFORM, bounds=StartBounds(not_before=time(16, 0))))
    assert "nothing left after 4 PM on Tuesday" in said[-1] and "The nearest I have are" in said[-1]
    said = world.send(heard(Intent.INFORM, latest=True))
    assert said == ["I have a haircut with Sam Rivera on Tuesday, December 1st at 1:15 PM. Shall I book it?"]


def test_the_earliest_after_nothing_that_late_is_the_earliest_offered() -> None:
    world = _tuesday_full_from(14)
    world.send(heard(Intent.INFORM, bounds=StartBounds(not_before=time(16, 0))))
    said = world.send(heard(Intent.INFORM, earliest=True))
    assert "Monday, November 30th at 4 PM" in said[-1]


def test_the_earliest_after_nothing_that_early_on_the_day_is_that_days_earliest() -> None:
    early = TimeWindow(datetime(2026, 12, 1, 0, tzinfo=NEW_YORK), datetime(2026, 12, 1, 11, tzinfo=NEW_YORK))
    world = World(StaffLoad({StaffId("sam"): [early], StaffId("alex"): [early]}))
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, bounds=StartBounds(before=time(10, 0))))
    assert "The nearest I have are" in said[-1]
    said = world.send(heard(Intent.INFORM, earliest=True))
    assert "Tuesday, December 1st at 11 AM" in said[-1]
