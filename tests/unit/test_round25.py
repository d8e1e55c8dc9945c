"""Issue 13, on two of heldout6's old failures (an opened set); written in other words and for another business."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.reference import Beside
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.unit.test_dialogue_unsure import started

DUBLIN = ZoneInfo("Europe/Dublin")
PHYSIO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("physio_dub")))  # closed on St Patrick's Day


def test_saints_days_by_their_everyday_names() -> None:
    march = datetime(2027, 3, 1, 9, tzinfo=DUBLIN)
    for said in ("a session on Patrick's Day", "Paddy's Day, if you're open", "saint Patrick's day please"):
        assert PHYSIO.understand(said, march).day == date(2027, 3, 17), said


def test_a_weekday_of_the_week_after_the_one_on_the_table() -> None:
    monday = datetime(2027, 5, 10, 9, tzinfo=DUBLIN)
    heard = PHYSIO.understand("could we push it to the following week, on the Tuesday?", monday)
    assert (heard.refers.beside, heard.refers.weeks, heard.day) == (Beside(1, 1, in_week=True), 0, None)
    heard = PHYSIO.understand("the week before, Thursday would suit better", monday)
    assert heard.refers.beside == Beside(3, -1, in_week=True)
    assert PHYSIO.understand("Thursday the week before", monday).refers.beside is None  # asked about
    assert PHYSIO.understand("the week after next, on the Tuesday", monday).refers.beside is None


def test_the_weekday_is_counted_in_the_anchors_week() -> None:
    friday = date(2027, 5, 14)
    assert Beside(1, 1, in_week=True).of(friday) == date(2027, 5, 18)  # not the first Tuesday after: the same here
    assert Beside(4, 1, in_week=True).of(date(2027, 5, 10)) == date(2027, 5, 21)  # a Monday: not that week's Friday
    assert Beside(3, -1, in_week=True).of(friday) == date(2027, 5, 6)


def test_a_weekday_of_the_week_after_nothing_is_asked_about() -> None:
    world, said = started("a haircut the week after, on the Wednesday")
    assert said[-1] == "Sorry, I want to get this right: which day did you mean?"
    assert "FindSlots" not in world.kinds()


def test_how_far_away_the_caller_is_is_no_time() -> None:
    heard = PHYSIO.understand(
        "a sports massage right now, I'm twenty minutes away", datetime(2027, 5, 10, 9, tzinfo=DUBLIN)
    )
    assert (heard.earliest, heard.at, heard.unsure) == (True, None, ())
