"""Issue 13, on heldout16's failures (heldout16 was measured first: 83/100, 7 wrong) and heldout15's last ones; each
written in other words than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.policy import Stage
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.catalogue_names import ServiceNames
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NOW
from tests.unit.test_dialogue_policy import CALLER, CAT, World

CARDIFF = datetime(2027, 3, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Monday
MIAMI = datetime(2027, 2, 8, 10, 0, tzinfo=ZoneInfo("America/New_York"))  # a Monday
SUMMER = datetime(2027, 6, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Monday
HEARING_CAT = load_catalogue(catalogue_path("audio_cdf"))
GROOMING_CAT = load_catalogue(catalogue_path("groom_mia"))
HEARING = RulesUtteranceInterpreter(HEARING_CAT)
GROOMING = RulesUtteranceInterpreter(GROOMING_CAT)
INTERPRETER = RulesUtteranceInterpreter(CAT)


# -- services -------------------------------------------------------------------------------------


def test_a_name_short_of_the_word_that_names_it_is_no_misheard_name() -> None:
    names = ServiceNames(GROOMING_CAT.services)

    assert names.find(["a", "haircut"]) is None  # not the "cat haircut"
    assert GROOMING.understand("a haircut for my poodle, he's tiny, Thursday", MIAMI).service_id is None


def test_a_child_s_age_makes_it_the_children_s_service() -> None:
    said = HEARING.understand("could I get my grandson's ears tested, he's eight", CARDIFF)

    assert said.service_id == "child_check"
    assert HEARING.understand("a hearing test for me please, I'm sixty", CARDIFF).service_id == "hearing_test"


def test_a_word_describing_the_pet_names_no_service() -> None:
    said = GROOMING.understand("make it the medium one, he got so big over Christmas", MIAMI)

    assert (said.service_id, said.service_choices) == ("groom_medium", ())


def test_a_service_already_had_is_not_asked_for() -> None:
    said = INTERPRETER.understand("could I have Alex? he did my haircut last time. at 2 then", NOW)

    assert said.service_choices == ()


def test_a_particle_names_no_service() -> None:
    said = HEARING.understand("sorry, can you ring me back later, I'm just going out", CARDIFF)

    assert (said.service_id, said.service_choices) == (None, ())


# -- days and times -------------------------------------------------------------------------------


def test_a_departure_s_time_is_not_the_booking_s() -> None:
    said = GROOMING.understand("no, make it 11, we're flying out to Bogotá in the evening at 6", MIAMI)

    assert said.at == time(11)


def test_the_time_of_the_day_an_appointment_is_on_is_not_the_new_time() -> None:
    said = GROOMING.understand("my poodle has her bath Thursday at 9, could we do later that day, after 3?", MIAMI)

    assert (said.at, said.bounds.not_before, said.refers.same_day) == (None, time(15), True)


def test_a_day_refused_after_it_is_said_gives_way_to_the_other() -> None:
    for turn in ("hmm no, Wednesday I can't, what about Friday?", "Wednesday's no good, Friday?"):
        said = GROOMING.understand(turn, MIAMI)
        assert (said.day, said.other_days, said.unsure) == (date(2027, 2, 12), (date(2027, 2, 10),), ()), turn


def test_what_someone_else_will_not_do_is_no_refusal_of_the_day() -> None:
    said = HEARING.understand("a hearing test for my wife on Friday, she won't phone herself", CARDIFF)

    assert (said.day, said.unsure) == (date(2027, 3, 5), ())


def test_a_refusal_of_a_part_of_the_day_keeps_the_day() -> None:
    said = GROOMING.understand("Wednesday I can't do mornings", MIAMI)

    assert said.day == date(2027, 2, 10) and "day" in said.unsure  # the day stays; what is meant is asked


def test_a_holiday_greeting_is_no_day() -> None:
    christmas_week = datetime(2026, 12, 21, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    said = GROOMING.understand("merry Christmas! a bath for Lola on Saturday please", christmas_week)
    assert (said.day, said.unsure) == (date(2026, 12, 26), ())

    january = datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    said = GROOMING.understand("happy new year! a nail trim next Tuesday", january)
    assert (said.day, said.unsure) == (date(2027, 1, 12), ())


def test_an_age_said_of_a_relative_is_no_time() -> None:
    said = HEARING.understand("a hearing test for my nan, my nan's eighty-eight and she's fed up", CARDIFF)

    assert (said.at, said.unsure) == (None, ())
    assert HEARING.understand("it's about my dad's 3 o'clock appointment", CARDIFF).at == time(15)


def test_not_being_able_to_do_something_is_how_someone_is() -> None:
    said = HEARING.understand("my son may not be hearing the teacher, he's nine, a check Thursday?", CARDIFF)

    assert (said.service_id, said.day, said.unsure) == ("child_check", date(2027, 3, 4), ())


# -- intents and questions ------------------------------------------------------------------------


def test_not_hearing_the_television_is_a_symptom_not_a_request_to_repeat() -> None:
    said = HEARING.understand("my ears are blocked, I can't hear the radio, wax removal Friday", CARDIFF)

    assert said.intent is not Intent.REPEAT and said.service_id == "wax_removal"
    assert HEARING.understand("sorry, I can't hear you", CARDIFF).intent is Intent.REPEAT


def test_a_question_after_a_greeting_that_goes_on_is_still_a_question() -> None:
    said = HEARING.understand("hello there, do you come out to people's houses? my dad can't drive", CARDIFF)

    assert said.intent is Intent.QUESTION


def test_a_booking_turn_with_a_question_mark_inside_is_no_question() -> None:
    said = HEARING.understand("hi, is Gareth free on Friday? for a wax removal, not a test", CARDIFF)

    assert said.intent is not Intent.QUESTION and said.service_id == "wax_removal"


def test_where_to_is_where() -> None:
    said = HEARING.understand("and where to is the clinic?", CARDIFF)

    assert said.question is not None and said.question.topic is Topic.ADDRESS


# -- the dialogue ---------------------------------------------------------------------------------


def test_the_only_offer_is_held_and_read_back_as_it_is_offered_so_one_yes_books() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(ev.Heard(INTERPRETER.understand("a haircut on tuesday, anything after four?", NOW)))
    said = world.send(ev.Heard(INTERPRETER.understand("what's the very latest you can do", NOW)))

    assert said[-1].startswith("I have a haircut with") and said[-1].endswith("at 5:15 PM. Shall I book it?")
    assert world.policy.stage is Stage.CONFIRMING
    world.send(ev.Heard(INTERPRETER.understand("yes please", NOW)))
    assert len(world.booked) == 1


def test_nothing_at_the_time_asked_keeps_the_day_for_another_time() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(ev.Heard(INTERPRETER.understand("a haircut on tuesday after 6 pm", NOW)))
    said = world.send(ev.Heard(INTERPRETER.understand("ok, 3 pm then", NOW)))

    assert said == [
        "Let me read that back: a haircut with Sam Rivera on Tuesday, December 1st at 3 PM. Shall I book it?"
    ]


def test_a_clock_time_said_with_a_part_of_the_day_it_is_not_in_is_the_time() -> None:
    said = GROOMING.understand("a bath Thursday at 4 in the evening", MIAMI)

    assert (said.at, said.part_of_day) == (time(16), None)
    assert GROOMING.understand("a bath Thursday at 7 in the evening", MIAMI).at == time(19)


def test_a_service_had_before_gives_way_to_the_one_needed_now() -> None:
    said = HEARING.understand("I had my wax removal done in April, and now my aids need adjusting, Friday?", SUMMER)

    assert (said.service_id, said.more_services, said.day, said.unsure) == ("aid_followup", (), date(2027, 6, 11), ())
    assert HEARING.understand("I was hoping for a hearing test in July", SUMMER).day == date(2027, 7, 1)
