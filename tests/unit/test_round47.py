"""Issue 13, the thirteenth session: mends found while reading the heldout42 failures and the heldout43 round, in other
words than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import StaffId
from slotline.domain.preference import PartOfDay
from slotline.domain.questions import Topic
from slotline.domain.reference import Reference
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue
from tests.unit.test_dialogue_policy import CALLER, World, heard

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    "said",
    [
        "grand, the afternoon so, three?",  # "so, three" is tidied to "so at three": one word more than the clauses
        "lovely, the evening then, five?",
        "Perfect. The morning so, ten.",
    ],
)
def test_a_part_of_the_day_after_a_yes_word_and_before_a_time_loses_no_day(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert "day" not in heard.unsure
    assert heard.part_of_day in (PartOfDay.MORNING, PartOfDay.AFTERNOON, PartOfDay.EVENING)
    assert heard.at is not None and heard.at.minute == 0


def test_a_day_lost_before_a_part_is_still_asked_when_the_clauses_do_not_line_up() -> None:
    heard = CLINIC.understand("yes, um on to the afternoon so, three?", WEDNESDAY)  # "on tuesday afternoon" heard short
    assert "day" in heard.unsure
    assert heard.at == time(15, 0)


@pytest.mark.parametrize(
    "said", ["ok great, can I bring her in to see him on Friday?", "lovely, could you book him in with her Saturday"]
)
def test_him_or_her_with_no_service_points_back_at_what_was_just_asked_about(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert heard.service_id is None and heard.refers_back


def test_a_service_named_beside_him_or_her_is_no_pointing_back() -> None:
    assert not CLINIC.understand("can I book him in for a haircut on Friday", WEDNESDAY).refers_back


@pytest.mark.parametrize(
    "said",
    [
        "we're heading to Portugal with the kids in December, could I get a haircut on Monday?",
        "I'm off to Boston for work in January. a haircut on Monday please",
        "we're taking my mother to Ireland on the plane in January, so a haircut Monday",
    ],
)
def test_a_month_of_a_trip_said_before_the_day_is_not_the_bookings(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert heard.day is not None and heard.day.isoformat() == "2026-11-30"
    assert "day" not in heard.unsure


def test_going_to_come_in_a_month_is_still_a_wish_for_that_month() -> None:
    heard = CLINIC.understand("I'm going to come in January for a haircut", WEDNESDAY)
    assert heard.day is not None and heard.day.month == 1


# -- the heldout43 round --------------------------------------------------------------------------------------------

STUDIO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("pilates_yvr")))
BARBER = RulesUtteranceInterpreter(load_catalogue(catalogue_path("barber_jnb")))
VANCOUVER = ZoneInfo("America/Vancouver")


def test_cancelling_talked_of_is_no_cancel() -> None:
    for said in (
        "do you charge anything if I have to cancel?",
        "is there a cancellation fee at all",
        "any cancellations for a haircut on Friday?",
        "if there's a cancellation on Thursday could you give me a ring",
    ):
        assert CLINIC.understand(said, WEDNESDAY).intent is not Intent.CANCEL, said
    for said in ("I need to make a cancellation", "I wonder if I could cancel my haircut", "cancellation please"):
        assert CLINIC.understand(said, WEDNESDAY).intent is Intent.CANCEL, said


def test_a_service_never_tried_beside_the_one_asked_for_is_not_booked() -> None:
    now = datetime(2027, 3, 1, 10, 0, tzinfo=VANCOUVER)
    heard = STUDIO.understand("I've never done a mat session and my sister told me to do the intro assessment", now)
    assert (heard.service_id, heard.more_services) == ("intro", ())


def test_who_recommended_the_studio_names_no_service() -> None:
    now = datetime(2027, 3, 1, 10, 0, tzinfo=VANCOUVER)
    heard = STUDIO.understand("a tune-up and a mat session, my wife recommended you", now)
    assert (heard.service_id, heard.more_services) == ("tuneup", ("mat",))


def test_an_everyday_word_is_no_holiday_without_its_day() -> None:
    now = datetime(2026, 12, 21, 9, 0, tzinfo=VANCOUVER)
    heard = STUDIO.understand("a tune-up on the 23rd, in the morning, before my family arrive", now)
    assert heard.day == date(2026, 12, 23) and "day" not in heard.unsure
    assert STUDIO.understand("a tune-up the Tuesday after Family Day", now).day == date(2027, 2, 16)


def test_a_holidays_long_weekend_is_its_saturday_to_monday() -> None:
    now = datetime(2027, 5, 13, 17, 0, tzinfo=VANCOUVER)
    heard = STUDIO.understand("any chance of a mat session over the Victoria Day long weekend?", now)
    assert (heard.day, heard.last_day) == (date(2027, 5, 22), date(2027, 5, 24))
    heard = STUDIO.understand(
        "a mat session Saturday week? I'm away the whole Victoria Day long weekend otherwise", now
    )
    assert heard.day == date(2027, 5, 22) and "day" not in heard.unsure


def test_closing_words_beside_a_request_ask_for_it() -> None:
    now = datetime(2027, 1, 23, 9, 30, tzinfo=ZoneInfo("Africa/Johannesburg"))
    heard = BARBER.understand("just a beard trim, that's all, Thursday morning if you can", now)
    assert heard.intent is not Intent.GOODBYE and heard.day == date(2027, 1, 28)
    assert BARBER.understand("no that's all, thanks", now).intent is Intent.GOODBYE


def test_the_weekday_right_after_a_holiday() -> None:
    now = datetime(2027, 3, 23, 10, 0, tzinfo=ZoneInfo("Africa/Johannesburg"))
    heard = BARBER.understand("a fade on the Wednesday right after Easter", now)
    assert (heard.day, heard.unsure) == (date(2027, 3, 31), ())


def test_the_whole_week_off_is_when_the_caller_is_free() -> None:
    now = datetime(2026, 12, 18, 10, 0, tzinfo=VANCOUVER)
    heard = STUDIO.understand("a tune-up on the Tuesday after Boxing Day, I have the whole week off work", now)
    assert (heard.day, heard.unsure) == (date(2026, 12, 29), ())


def test_a_weekday_that_same_week_is_in_the_week_of_the_day_before_it() -> None:
    now = datetime(2027, 9, 9, 14, 0, tzinfo=VANCOUVER)
    heard = STUDIO.understand("can I move my tune-up on Tuesday to the Thursday that same week", now)
    assert (heard.day, heard.unsure) == (date(2027, 9, 16), ())
    assert "week" in STUDIO.understand("a tune-up on Thursday the same week", now).unsure  # the same as which?


# -- the heldout44 round --------------------------------------------------------------------------------------------

PHYSIO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("physio_cork")))
NAILS = RulesUtteranceInterpreter(load_catalogue(catalogue_path("nails_atl")))
CORK = ZoneInfo("Europe/Dublin")
ATLANTA = ZoneInfo("America/New_York")


def test_a_us_holiday_the_business_is_open_on_is_its_day() -> None:
    now = datetime(2027, 1, 7, 13, 0, tzinfo=ATLANTA)
    assert NAILS.understand("could I come in for a gel manicure on Presidents Day?", now).day == date(2027, 2, 15)
    heard = NAILS.understand("I'm off on Martin Luther King Day, a polish change that afternoon?", now)
    assert heard.day == date(2027, 1, 18)


def test_a_day_named_by_a_word_nobody_read_is_asked() -> None:
    heard = CLINIC.understand("a haircut on Diwali Day please", WEDNESDAY)
    assert heard.day is None and "day" in heard.unsure
    assert "day" not in CLINIC.understand("a haircut, any day is good", WEDNESDAY).unsure


def test_a_day_asked_again_answered_with_a_person_and_the_same_time_asks_the_day_again() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", unsure=("day",)))
    assert "which day" in said[-1]
    said = world.send(heard(Intent.INFORM, staff_id=StaffId("sam"), refers=Reference(same_time=True)))
    assert said == ["And which day would that be?"]


def test_the_weekday_after_said_alone_is_a_week_on_from_the_day_before_it() -> None:
    now = datetime(2027, 6, 1, 16, 0, tzinfo=ATLANTA)
    heard = NAILS.understand("can you shift my spa pedicure from Friday to the Friday after, please", now)
    assert (heard.day, heard.unsure) == (date(2027, 6, 11), ())


def test_a_weekday_in_the_week_of_a_date() -> None:
    now = datetime(2027, 4, 1, 14, 0, tzinfo=ATLANTA)
    heard = NAILS.understand("a polish change the week of the 19th, the Thursday if you can", now)
    assert (heard.day, heard.unsure) == (date(2027, 4, 22), ())
    heard = NAILS.understand("a polish change sometime the week of the 19th", now)
    assert (heard.day, heard.last_day) == (date(2027, 4, 19), date(2027, 4, 25))


def test_a_holidays_weekend_and_the_irish_month_weekend() -> None:
    now = datetime(2027, 8, 30, 10, 0, tzinfo=ATLANTA)
    heard = NAILS.understand(
        "we'll be at the lake Labor Day weekend, so a gel pedicure the Sunday of that weekend", now
    )
    assert heard.day == date(2027, 9, 5) and "day" not in heard.unsure
    now = datetime(2027, 7, 20, 10, 0, tzinfo=CORK)
    assert PHYSIO.understand("a follow-up the Wednesday after the August weekend", now).day == date(2027, 8, 4)


def test_a_day_off_said_after_the_day_asked_for_is_why() -> None:
    now = datetime(2027, 6, 24, 12, 0, tzinfo=ATLANTA)
    heard = NAILS.understand("a gel manicure on Tuesday the 6th? we're off for the Fourth", now)
    assert (heard.day, heard.unsure) == (date(2027, 7, 6), ())


def test_irish_after_doing_is_what_happened() -> None:
    now = datetime(2026, 10, 20, 9, 40, tzinfo=CORK)
    heard = PHYSIO.understand("I'm after hurting my shoulder at seven-a-side on Sunday, a sports massage Friday?", now)
    assert (heard.day, heard.unsure) == (date(2026, 10, 23), ())


def test_an_appointment_kept_as_it_is_names_nothing_to_act_on() -> None:
    now = datetime(2027, 1, 5, 10, 0, tzinfo=ATLANTA)
    heard = NAILS.understand("can I move my gel pedicure from Saturday to Sunday, the manicure Thursday is fine", now)
    assert (heard.service_id, heard.day, heard.unsure) == ("gel_pedicure", date(2027, 1, 10), ())
    heard = NAILS.understand("I've got two on Friday, cancel the three o'clock one and keep the ten", now)
    assert (heard.intent, heard.at, heard.unsure) == (Intent.CANCEL, time(15, 0), ())


def test_who_did_a_service_names_no_service_to_book() -> None:
    now = datetime(2027, 7, 6, 9, 20, tzinfo=CORK)
    heard = PHYSIO.understand(
        "a review with Aoife on Friday... no sorry, I meant Cian, it was Cian did my assessment", now
    )
    assert (heard.service_id, heard.staff_id) == ("review", "cian")


def test_moving_the_days_appointment_to_another_day() -> None:
    heard = CLINIC.understand("could you move Thursday's haircut to Tuesday?", WEDNESDAY)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2026, 12, 1), ())


def test_time_away_and_another_events_week_are_reasons() -> None:
    now = datetime(2027, 11, 25, 10, 0, tzinfo=CORK)
    heard = PHYSIO.understand("an initial assessment on the 14/12, we're away that first week", now)
    assert (heard.day, heard.unsure) == (date(2027, 12, 14), ())
    now = datetime(2027, 7, 6, 10, 0, tzinfo=CORK)
    heard = PHYSIO.understand("a sports massage on Friday the 16th? I've a marathon the week after", now)
    assert (heard.day, heard.unsure) == (date(2027, 7, 16), ())


def test_someone_somewhere_all_day_is_busy_that_day() -> None:
    now = datetime(2027, 1, 12, 10, 0, tzinfo=ATLANTA)
    heard = NAILS.understand("a spa pedicure on Saturday, I'm at my mom's all day Sunday", now)
    assert (heard.day, heard.unsure) == (date(2027, 1, 16), ())


def test_a_correction_after_you_know_what() -> None:
    now = datetime(2027, 3, 23, 9, 30, tzinfo=ATLANTA)
    heard = NAILS.understand("a classic manicure Friday... you know what, make it a gel manicure", now)
    assert (heard.service_id, heard.day) == ("gel_manicure", date(2027, 3, 26))


def test_had_before_for_a_reason_is_no_bound() -> None:
    now = datetime(2026, 10, 29, 10, 0, tzinfo=CORK)
    heard = PHYSIO.understand("I've had a sports massage with Sinead before for my calf, same again Tuesday?", now)
    assert (heard.day, heard.unsure) == (date(2026, 11, 3), ())


# -- the heldout45 round --------------------------------------------------------------------------------------------

DENTIST = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_edi")))
GROOMER = RulesUtteranceInterpreter(load_catalogue(catalogue_path("groom_den")))
EDINBURGH = ZoneInfo("Europe/London")
DENVER = ZoneInfo("America/Denver")


def test_scots_and_well_actually_corrections() -> None:
    now = datetime(2027, 1, 27, 10, 0, tzinfo=EDINBURGH)
    heard = DENTIST.understand("a check-up on Friday... och wait, naw, it's a filling I'm needing", now)
    assert heard.service_id == "filling"
    now = datetime(2026, 12, 8, 10, 0, tzinfo=DENVER)
    heard = GROOMER.understand(
        "a full groom for my small dog Thursday... well, actually he's 70 pounds, so a large", now
    )
    assert heard.service_id == "full_groom_large"


def test_something_to_do_first_chooses_no_first_offer() -> None:
    now = datetime(2027, 5, 10, 10, 0, tzinfo=DENVER)
    heard = GROOMER.understand("could we do 11 instead? I have to take my son to the dentist first", now)
    assert (heard.at, heard.ordinal) == (time(11, 0), None)
    assert GROOMER.understand("I need to think... the first one", now).ordinal == 1


def test_the_first_day_is_no_first_offer() -> None:
    assert CLINIC.understand("whatever's the first day you have", WEDNESDAY).ordinal is None
    assert CLINIC.understand("the first day of December", WEDNESDAY).day == date(2026, 12, 1)


def test_after_a_date_is_the_fortnight_after_it() -> None:
    heard = CLINIC.understand("a haircut, anything after the 10th?", WEDNESDAY)
    assert (heard.day, heard.last_day) == (date(2026, 12, 11), date(2026, 12, 24))
    heard = CLINIC.understand("a haircut any day after Monday", WEDNESDAY)
    assert (heard.day, heard.last_day) == (date(2026, 12, 1), date(2026, 12, 14))
    heard = CLINIC.understand("a haircut and then a massage after, on Friday", WEDNESDAY)
    assert (heard.day, heard.last_day) == (date(2026, 11, 27), None)


def test_the_weekday_straight_after_said_alone() -> None:
    now = datetime(2027, 8, 2, 10, 0, tzinfo=ATLANTA)
    heard = NAILS.understand("can I move my polish change on Wednesday to the Thursday right after, the 5th", now)
    assert (heard.day, heard.unsure) == (date(2027, 8, 5), ())


def test_where_yall_at() -> None:
    now = datetime(2027, 3, 23, 9, 30, tzinfo=ATLANTA)
    heard = NAILS.understand("where y'all at, and is there parking?", now)
    assert heard.question is not None and heard.question.topic is Topic.ADDRESS
