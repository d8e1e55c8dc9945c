"""Issue 13, the round after the seventh held-out set: forms of English it showed the rules did not know. Each is a
rule about the language or the catalogue, tested here mostly on the sample business and in other words than the
conversations it came from."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
DECEMBER = datetime(2026, 12, 10, 9, 0, tzinfo=NEW_YORK)  # a Thursday; Christmas Day (a closure) is a Friday
CATALOGUES = Path(__file__).resolve().parents[1] / "conversations" / "catalogues"


def business(name: str) -> RulesUtteranceInterpreter:
    return RulesUtteranceInterpreter(load_catalogue(CATALOGUES / f"{name}.yaml"))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("could you shift my colour on friday to monday", date(2026, 12, 14)),
        ("can I bump my massage on the 11th to the 15th", date(2026, 12, 15)),
        ("move my haircut from friday to tuesday", date(2026, 12, 15)),
    ],
)
def test_a_move_from_the_day_it_is_on_to_another_goes_to_the_other(text: str, day: date) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, day, ())


def test_same_day_and_time_keeps_both() -> None:
    heard = INTERPRETER.understand("can you move it to the week after, same day and time", DECEMBER)
    assert (heard.refers.same_day, heard.refers.same_time) == (True, True)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("I'm working Tuesday, so Wednesday please", date(2026, 12, 16)),
        ("Wednesday would suit, I'm busy Tuesday", date(2026, 12, 16)),
        ("a haircut on Wednesday, we're away on Tuesday", date(2026, 12, 16)),
        ("I'm not working Tuesday so Tuesday's good", date(2026, 12, 15)),  # not busy: the day is wanted
    ],
)
def test_the_day_the_caller_is_busy_is_not_the_booking(text: str, day: date) -> None:
    assert INTERPRETER.understand(text, DECEMBER).day == day


@pytest.mark.parametrize(
    "text", ["can we do 2 instead? I've got a dentist visit in the morning", "2 please, I work mornings"]
)
def test_the_part_of_the_day_the_caller_is_busy_is_not_the_booking(text: str) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.at, heard.part_of_day) == (time(14), None)


def test_a_time_the_caller_cannot_make_is_no_wish_and_no_question() -> None:
    heard = INTERPRETER.understand("can we say 10 instead, I won't get there by 9", DECEMBER)
    assert (heard.at, heard.question) == (time(10), None)
    assert INTERPRETER.understand("I can't be there before 11", DECEMBER).bounds.not_before == time(11)
    assert INTERPRETER.understand("how do I get there from the station?", DECEMBER).question is not None


def test_the_latest_one_is_a_choice_and_the_latest_is_asked_for() -> None:
    assert INTERPRETER.understand("go on then, the latest one", DECEMBER).ordinal == -1
    heard = INTERPRETER.understand("what's the latest you've got", DECEMBER)
    assert (heard.latest, heard.ordinal) == (True, None)


@pytest.mark.parametrize("text", ["it's not about booking, I need to speak with her", "could I have a word with Sam"])
def test_talking_to_a_person_already_named_is_a_hand_over(text: str) -> None:
    assert INTERPRETER.understand(text, DECEMBER).intent is Intent.HUMAN


def test_a_holiday_only_taken_in_is_no_wish() -> None:
    heard = INTERPRETER.understand("ah yes, Christmas. the 28th then", DECEMBER)
    assert (heard.day, heard.unsure) == (date(2026, 12, 28), ())
    assert INTERPRETER.understand("on christmas eve please", DECEMBER).day == date(2026, 12, 24)


def test_before_a_holiday_is_the_days_until_it() -> None:
    late = datetime(2026, 12, 19, 9, 0, tzinfo=NEW_YORK)  # a Saturday: one Tuesday is left before Christmas
    heard = INTERPRETER.understand("a haircut before christmas, on tuesday if you can", late)
    assert (heard.day, heard.unsure) == (date(2026, 12, 22), ())
    # two Tuesdays before Christmas: a bare "tuesday" is the coming one, as everywhere (the read-back says "this
    # Tuesday, the 15th"); "the tuesday before christmas" is the last one before it
    heard = INTERPRETER.understand("a haircut before christmas, tuesday maybe", DECEMBER)
    assert (heard.day, heard.unsure) == (date(2026, 12, 15), ())
    assert INTERPRETER.understand("a haircut the tuesday before christmas", DECEMBER).day == date(2026, 12, 22)
    heard = INTERPRETER.understand("anything before christmas for a massage", DECEMBER)
    assert (heard.day, heard.last_day) == (date(2026, 12, 10), date(2026, 12, 24))


def test_the_day_something_started_is_not_the_booking() -> None:
    heard = INTERPRETER.understand("my neck's been stiff since monday, could I get a massage tomorrow", DECEMBER)
    assert (heard.day, heard.unsure) == (date(2026, 12, 11), ())


def test_pushing_it_out_a_week_is_a_move_a_week_later() -> None:
    heard = INTERPRETER.understand("any chance we could push it out a week", DECEMBER)
    assert (heard.intent, heard.refers.weeks) == (Intent.RESCHEDULE, 1)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("my daughter needs a physical for basketball", "sports_physical"),
        ("a physical for the hockey team please", "sports_physical"),
        ("I'm due my physical", "physical"),
    ],
)
def test_a_word_two_services_share_goes_to_the_one_the_rest_fits(text: str, service: str) -> None:
    assert business("clinic_us_chi").understand(text, DECEMBER).service_id == service


def test_past_tense_service_words_meet_the_service_and_no_look_alike() -> None:
    vet = business("vet_au")
    assert vet.understand("can I get his claws clipped", DECEMBER).service_id == "nail_clip"
    assert vet.understand("she needs to be chipped", DECEMBER).service_id == "microchip"
