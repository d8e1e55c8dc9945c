"""Issue 13, the sixteenth session: mends found while reading the corpus's leftovers, in other words than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.expectation import Expecting
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import PartOfDay, StartBounds
from slotline.domain.reference import Nudge, Reference
from slotline.domain.understanding import HeardNumber, Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.words import normalise
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)


def test_a_plain_yes_to_the_list_takes_the_earliest_the_caller_asked_for() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, ()))
    world.send(heard(Intent.BOOK, service_id="haircut", earliest=True))  # "the earliest you have"
    offered = [a for a in world.done if isinstance(a, act.FindSlots)]
    assert offered
    offers = world.policy._offers  # the list read out
    assert len(offers) > 1
    world.send(heard(Intent.AFFIRM))  # "yes, that one"
    held = [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert held and held[-1].slot == min(offers, key=lambda s: s.window.start)


def test_a_plain_yes_to_a_list_nobody_asked_the_edge_of_is_asked_which() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, ()))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    asked = world.send(heard(Intent.AFFIRM))
    assert not [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert "first, the second, or the third" in asked[-1]


DETROIT = RulesUtteranceInterpreter(load_catalogue(catalogue_path("barber_det")))
GLASGOW = RulesUtteranceInterpreter(load_catalogue(catalogue_path("salon_glw")), default_region="GB")


@pytest.mark.parametrize(
    ("interpreter", "now", "said", "day"),
    [
        (DETROIT, "2027-11-02T10:00:00-04:00", "a fade on 11/12 around 3 please", "2027-11-12"),
        (DETROIT, "2027-02-01T10:00:00-05:00", "beard trim 2/3, any time after lunch", "2027-02-03"),
        (GLASGOW, "2027-11-02T10:00:00+00:00", "a cut and blow dry on 11/12 please", "2027-12-11"),
        (GLASGOW, "2027-02-01T10:00:00+00:00", "could I come in on the 3/2", "2027-02-03"),
    ],
)
def test_a_numeric_date_both_readings_bookable_is_read_as_the_business_reads_it(
    interpreter: RulesUtteranceInterpreter, now: str, said: str, day: str
) -> None:
    result = interpreter.understand(said, datetime.fromisoformat(now))
    assert (str(result.day), result.unsure) == (day, ())


def test_the_nth_of_the_list_after_a_single_later_time_is_of_the_list() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, ()))
    listed = world.send(
        heard(Intent.BOOK, service_id="haircut", day=TUESDAY, bounds=StartBounds(not_before=time(15, 45)))
    )
    assert listed[-1].startswith("On Tuesday, December 1st I have 3:45 PM with Sam, 4:15 PM with Sam")
    later = world.send(heard(Intent.INFORM, refers=Reference(nudge=Nudge.LATER)))  # "anything a bit later?"
    assert later[-1].endswith("at 5 PM. Shall I book it?")  # one later time
    read_back = world.send(heard(Intent.INFORM, ordinal=2))  # "ok, the second one then"
    assert read_back == [
        "Let me read that back: a haircut with Sam Rivera on Tuesday, December 1st at 4:15 PM. Shall I book it?"
    ]


def test_a_number_said_with_the_choice_is_read_back_with_the_booking() -> None:
    world = World()
    world.send(ev.CallStarted(None, None, ()))  # a withheld number
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    number = HeardNumber(PhoneNumber("+18165550142"), ("816", "555", "0142"))
    said = world.send(heard(Intent.INFORM, ordinal=1, phone=number))  # "the first, and my cell's 816 555 0142"
    assert not any("What number" in s for s in said)
    assert "I'll text 8 1 6, 5 5 5, 0 1 4 2" in said[-1]
    assert said[-1].endswith("Shall I book it?")


@pytest.mark.parametrize(
    ("now", "said", "day", "at"),
    [
        ("2026-11-26T14:07:00-05:00", "a haircut this time next week?", "2026-12-03", time(14, 5)),
        ("2026-11-26T14:07:00-05:00", "could I come in next week this time for a haircut", "2026-12-03", time(14, 5)),
        ("2026-11-25T10:29:00-05:00", "can I get a haircut tomorrow this time", "2026-11-26", time(10, 30)),
        ("2026-11-25T10:29:00-05:00", "is this time tomorrow free for a haircut", "2026-11-26", time(10, 30)),
    ],
)
def test_this_time_beside_a_day_is_the_time_it_is_now(now: str, said: str, day: str, at: time) -> None:
    result = CLINIC.understand(said, datetime.fromisoformat(now))
    assert (str(result.day), result.last_day, result.at, result.unsure) == (day, None, at, ())


def test_this_time_alone_is_no_time() -> None:
    result = CLINIC.understand("this time I'd like it with Alex", datetime.fromisoformat("2026-11-25T10:29:00-05:00"))
    assert (result.at, result.staff_id) == (None, "alex")


@pytest.mark.parametrize(
    "said",
    [
        "a haircut please, the old one grew out, it's not painful or anything, Thursday at 2?",
        "a haircut Thursday at 2, my scalp's not itchy or sore, just a trim",
    ],
)
def test_how_something_is_not_is_no_doubt(said: str) -> None:
    result = CLINIC.understand(said, WEDNESDAY)
    assert (str(result.day), result.at, result.unsure) == ("2026-11-26", time(14), ())


@pytest.mark.parametrize(
    "said",
    [
        "a haircut on Thursday, sorry no, Friday, Thursdays are useless for me",
        "a haircut Thursday, actually no, Friday, Thursday is a nightmare",
        "Friday please, Thursdays are hopeless",
    ],
)
def test_a_day_called_hopeless_is_refused(said: str) -> None:
    result = CLINIC.understand(said, WEDNESDAY)
    assert (str(result.day), result.unsure) == ("2026-11-27", ())


def test_not_someone_elses_one_is_no_doubt() -> None:
    result = CLINIC.understand("cancel the Tuesday one please, mine, not my husband's one", WEDNESDAY)
    assert (result.intent, str(result.day), result.unsure) == (Intent.CANCEL, "2026-12-01", ())


@pytest.mark.parametrize(
    "said",
    [
        "a haircut Friday, I'm about three and a half weeks out from my last haircut",
        "a haircut Friday please, it's like two weeks since my last colour",
    ],
)
def test_how_long_since_the_last_one_is_no_time_and_no_service(said: str) -> None:
    result = CLINIC.understand(said, WEDNESDAY)
    assert (result.service_id, result.more_services, result.service_choices) == ("haircut", (), ())
    assert (str(result.day), result.at, result.unsure) == ("2026-11-27", None, ())


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("that's all you've got? ok then", Intent.AFFIRM),
        ("is that all there is? fine, go on", Intent.AFFIRM),
        ("that's all, thanks", Intent.GOODBYE),
        ("no, that is all", Intent.GOODBYE),
    ],
)
def test_thats_all_you_have_is_no_goodbye(said: str, intent: Intent) -> None:
    assert CLINIC.understand(said, WEDNESDAY).intent is intent


@pytest.mark.parametrize(
    ("said", "choices"),
    [
        ("a haircut this or next friday at three", ("2026-11-27", "2026-12-04")),  # a phone line's "this or next"
        ("a haircut on 4/12 please", ("2026-12-04", "2027-04-12")),  # the US order (12 April) is too far to book
    ],
)
def test_a_day_in_doubt_between_two_carries_both(said: str, choices: tuple[str, str]) -> None:
    result = CLINIC.understand(said, WEDNESDAY)
    assert result.unsure == ("day",)
    assert tuple(str(d) for d in result.day_choices) == choices


def test_a_day_in_doubt_between_two_is_asked_by_naming_both_and_the_time_is_kept() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, ()))
    choices = (date(2026, 11, 27), date(2026, 12, 4))
    asked = world.send(heard(Intent.BOOK, service_id="haircut", at=time(15), unsure=("day",), day_choices=choices))
    assert asked == ["Sorry, I want to get this right: Friday, November 27th or Friday, December 4th?"]
    read_back = world.send(heard(Intent.INFORM, ordinal=2))  # "the second one"
    assert read_back == [
        "Let me read that back: a haircut with Sam Rivera on Friday, December 4th at 3 PM. Shall I book it?"
    ]


def test_a_day_in_doubt_while_offers_are_heard_is_asked_by_naming_both() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, ()))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))  # offers on Tuesday
    choices = (date(2026, 11, 27), date(2026, 12, 4))
    asked = world.send(heard(Intent.INFORM, unsure=("day",), day_choices=choices))  # "this or next friday then"
    assert asked == ["Sorry, I want to get this right: Friday, November 27th or Friday, December 4th?"]
    offered = world.send(heard(Intent.INFORM, ordinal=1))
    assert offered[-1].startswith("On Friday, November 27th I have")


def test_an_ordinal_at_which_day_with_nothing_offered_chooses_nothing() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, ()))
    world.send(heard(Intent.BOOK, service_id="haircut", part_of_day=PartOfDay.AFTERNOON, unsure=("day",)))
    asked = world.send(heard(Intent.BOOK, service_id="haircut", at=time(14)))  # the day lost again, a time heard
    assert asked == ["And which day would that be?"]
    assert world.policy.expecting.kind is Expecting.DAY  # listened for as a day
    again = world.send(heard(Intent.INFORM, ordinal=3))  # "the third one", a mishearing: no list was read out
    assert again == ["Sorry, I didn't catch that. And which day would that be?"]
    assert not [a for a in world.done if isinstance(a, act.PlaceHold | act.FindSlots)]


def test_a_weekday_nobody_does_the_service_on_is_said_so() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (), now=WEDNESDAY))
    said = world.send(heard(Intent.BOOK, service_id="massage", day=TUESDAY, weekday_only=True))  # "a massage Tuesday"
    assert said[-1].startswith(
        "We don't do massage on Tuesdays, so I have nothing on Tuesday, December 1st. The nearest I have are Monday"
    )


@pytest.mark.parametrize(
    "said",
    ["could we shift Tuesday's haircut to Thursday?", "can I bump tomorrow's to next week", "switch friday for monday"],
)
def test_shifting_a_days_appointment_is_a_move(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).intent is Intent.RESCHEDULE


def test_an_hour_after_a_date_is_no_choice() -> None:
    result = CLINIC.understand("a haircut, Thursday the 3rd, one o'clock", WEDNESDAY)
    assert (str(result.day), result.at, result.unsure) == ("2026-12-03", time(13), ())


@pytest.mark.parametrize(
    "said",
    [
        "I haven't had it cut since about 2019, a haircut on Friday please",
        "she hasn't been in years, can she get a haircut on Friday",
    ],
)
def test_what_was_not_done_and_since_when_change_nothing(said: str) -> None:
    result = CLINIC.understand(said, WEDNESDAY)
    assert (result.service_id, result.more_services, result.service_choices) == ("haircut", (), ())
    assert (str(result.day), result.at, result.unsure) == ("2026-11-27", None, ())


def test_a_day_said_to_be_someones_occasion_is_no_wish() -> None:
    result = CLINIC.understand("no, the 28th, the 27th is my son's graduation", WEDNESDAY)
    assert (str(result.day), result.unsure) == ("2026-11-28", ())


def test_the_day_after_a_day_said_is_that_day_after() -> None:
    result = CLINIC.understand("can I move my haircut from Tuesday to the day after?", WEDNESDAY)
    assert (result.intent, str(result.day), result.unsure) == (Intent.RESCHEDULE, "2026-12-02", ())


def test_the_person_of_an_appointment_kept_is_not_the_one_cancelled() -> None:
    result = CLINIC.understand("cancel the massage please, but keep my appointment with Sam", WEDNESDAY)
    assert (result.intent, result.service_id, result.staff_id) == (Intent.CANCEL, "massage", None)


@pytest.mark.parametrize("said", ["who handles billing over there?", "hi, who deals with insurance claims"])
def test_who_handles_the_office_work_is_for_a_person(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).intent is Intent.HUMAN


def test_earlier_in_the_week_with_a_day_is_that_day() -> None:
    result = CLINIC.understand("nothing earlier in the week? what about Monday", WEDNESDAY)
    assert (str(result.day), result.unsure) == ("2026-11-30", ())


def test_what_someone_is_starting_is_another_events_time() -> None:
    result = CLINIC.understand("I'm starting a new job next month, can I get a haircut on Friday?", WEDNESDAY)
    assert (str(result.day), result.last_day, result.unsure) == ("2026-11-27", None, ())


RIDING = RulesUtteranceInterpreter(load_catalogue(catalogue_path("riding_inv")), default_region="GB")


def test_an_exact_name_is_sharpened_only_by_words_beyond_it() -> None:
    now = datetime.fromisoformat("2027-02-10T10:00:00+00:00")
    assert RIDING.understand("a pony ride on Sunday", now).service_id == "pony_ride"  # not "pony trek"/"ride out"


@pytest.mark.parametrize(
    "said",
    [
        "my wee boy's six and he needs a haircut on Friday",
        "I've never sat in a barber's chair, could I get a haircut on Friday",
        "there's two appointments under my number, can you cancel the Friday one",
        "I'm opening a salon next year, could I get a haircut on Friday",
        "I had a colour last April, just a haircut on Friday please",
        "I got a W-2 from my second job, could I get a consultation on Friday",
        "a consultation for my cleaning business, Friday the 27th?",
    ],
)
def test_background_numbers_and_words_change_nothing(said: str) -> None:
    result = CLINIC.understand(said, WEDNESDAY)
    assert (str(result.day), result.at, result.ordinal, result.unsure) == ("2026-11-27", None, None, ())


def test_a_forms_code_is_one_word() -> None:
    assert normalise("a 1040-X and my W-2s") == ["a", "1040x", "and", "my", "w2s"]
    assert normalise("at 10:30, 3pm, the 21st, a 10K") == ["at", "10:30", "3", "pm", "the", "21st", "a", "10", "k"]
    assert normalise("at 930a or 1030p, 1400h") == ["at", "930", "a", "or", "1030", "p", "1400", "h"]  # times
