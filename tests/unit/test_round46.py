"""Issue 13, the twelfth session: the two wrong bookings the heldout40 round left (a child's cut asked for in the
words of an adults' one; "the latest" after the day asked for had nothing that late), in other words than the
corpus's."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import StaffId
from slotline.domain.preference import PartOfDay, StartBounds
from slotline.domain.questions import Topic
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.business_words import says_a_child_s_age
from slotline.infrastructure.rules_nlu.words import normalise
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue
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


# -- the rest of heldout40 (after the two wrong bookings) -----------------------------------------------------------

SAMPLE = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)


def test_handing_over_words_are_booking_talk_not_chatter() -> None:
    heard = SAMPLE.understand("just the earliest drop off you've got", WEDNESDAY)
    assert (heard.intent, heard.earliest) == (Intent.INFORM, True)


def test_an_hour_after_the_later_one_names_it() -> None:
    heard = SAMPLE.understand("oh no sorry, the earlier one, eleven, I've a meeting", WEDNESDAY)
    assert (heard.at, heard.unsure, heard.refers.nudge) == (time(11, 0), (), None)


def test_scots_to_in_a_clock_time() -> None:
    heard = SALON.understand("could I get a blow-dry Friday at quarter tae five", WINTER)
    assert (heard.at, heard.unsure) == (time(16, 45), ())


def test_a_generic_service_with_a_person_is_the_one_they_do() -> None:
    assert SALON.understand("a cut with Morag next Friday", WINTER).service_id == "ladies_cut"
    heard = SALON.understand("a cut with Jamie next Friday", WINTER)
    assert heard.service_id is None
    assert "mens_cut" in heard.service_choices and "ladies_cut" not in heard.service_choices  # he does no women's cut


# -- the heldout41 round (measured first: 83/100, 4 wrong; Parramatta and Oakland callers) ------------------------


def test_a_week_on_a_weekday_after_book_it_in_for_is_the_date_not_how_long() -> None:
    heard = SAMPLE.understand("could you book it in for a week on Monday, a haircut", WEDNESDAY)
    assert heard.day == date(2026, 12, 7)


def test_how_long_it_has_hurt_is_still_no_date() -> None:
    heard = SAMPLE.understand("a massage, my back has been aching for a week on and off", WEDNESDAY)
    assert (heard.day, heard.unsure) == (None, ())


def test_something_the_caller_has_first_is_no_first_offer() -> None:
    heard = SAMPLE.understand("make it half past eleven instead? I've got the dentist first", WEDNESDAY)
    assert (heard.at, heard.ordinal) == (time(11, 30), None)
    assert SAMPLE.understand("I'll take the first", WEDNESDAY).ordinal == 1


REPAIRS = RulesUtteranceInterpreter(load_catalogue(catalogue_path("repair_par")))
SPRING_SYD = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Australia/Sydney"))


def test_me_before_a_device_is_my_and_a_title_word_is_no_hand_over() -> None:
    heard = REPAIRS.understand("the back of me phone is all cracked, can yous fix it", SPRING_SYD)
    assert heard.intent is not Intent.HUMAN and heard.service_id == "back_glass"


def test_a_service_ruled_out_before_the_one_meant_leaves_no_doubt() -> None:
    heard = REPAIRS.understand("it's the charging port, not the battery, the port", SPRING_SYD)
    assert (heard.service_id, heard.unsure) == ("charging_port", ())


def test_a_device_named_alone_yields_to_the_service_the_rest_of_the_words_name() -> None:
    heard = REPAIRS.understand("my laptop's hard drive is dead and I need my files off it", SPRING_SYD)
    assert heard.service_id == "data_recovery"
    assert REPAIRS.understand("my laptop won't turn on at all", SPRING_SYD).service_id == "laptop_diag"


THERAPY = RulesUtteranceInterpreter(load_catalogue(catalogue_path("therapy_oak")))
JUNE_OAK = datetime(2027, 6, 28, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles"))


def test_the_one_kept_still_fine_names_no_day_to_act_on() -> None:
    heard = REPAIRS.understand("cancel the battery one please, my Friday one is still fine", SPRING_SYD)
    assert (heard.intent, heard.service_id, heard.day) == (Intent.CANCEL, "battery", None)


def test_a_time_still_fine_after_a_new_day_is_no_appointment_kept() -> None:
    heard = SAMPLE.understand("oh wait, I said Monday? I meant Tuesday. ten's still fine", WEDNESDAY)
    assert heard.day == date(2026, 12, 1)


def test_whose_the_kept_one_is_names_no_one_to_act_on() -> None:
    heard = THERAPY.understand("cancel my telehealth on Wednesday, but keep my Friday one with James", JUNE_OAK)
    assert (heard.intent, heard.staff_id, heard.day) == (Intent.CANCEL, None, date(2027, 6, 30))


def test_a_service_name_is_no_way_to_pay() -> None:
    heard = THERAPY.understand("can you move my check-in? but keep the Friday one with James", JUNE_OAK)
    assert heard.question is None


def test_a_session_for_a_child_is_the_one_service_for_children() -> None:
    heard = THERAPY.understand("I need to book my son's session for next Tuesday", JUNE_OAK)
    assert heard.service_id == "teen"
    assert THERAPY.understand("a one-on-one for me next Tuesday", JUNE_OAK).service_id == "individual"


def test_a_day_the_caller_will_be_somewhere_else_is_busy() -> None:
    said = "my session this Saturday, we'll be down in LA for the 4th, can you push it back a week"
    heard = THERAPY.understand(said, JUNE_OAK)
    assert (heard.day, heard.unsure, heard.other_days) == (date(2027, 7, 3), (), (date(2027, 7, 4),))


@pytest.mark.parametrize("said", ["I'll be there on Friday at ten", "I'll be over at ten on Friday"])
def test_a_day_the_caller_will_be_here_is_the_day(said: str) -> None:
    assert THERAPY.understand(said, JUNE_OAK).day == date(2027, 7, 2)


def test_whose_occasion_it_is_is_not_who_the_service_is_for() -> None:
    heard = SALON.understand("a beard trim Saturday, it's my son's wedding", WINTER)
    assert heard.service_id == "beard_trim"


def test_a_part_of_the_day_ruled_out_after_the_one_meant_is_no_wish() -> None:
    heard = THERAPY.understand("no, eight at night, not in the morning, I'm not an evening person though", JUNE_OAK)
    assert heard.at == time(20, 0)
    heard = SAMPLE.understand("a haircut Friday, in the afternoon not the morning", WEDNESDAY)
    assert (heard.part_of_day, heard.unsure) == (PartOfDay.AFTERNOON, ("not",))  # no clock time: still asked
    heard = SAMPLE.understand("a haircut Friday, morning, no, afternoon", WEDNESDAY)
    assert heard.part_of_day is PartOfDay.AFTERNOON  # a correction, not a part ruled out


def test_calling_back_later_after_something_is_a_goodbye_not_a_hand_over() -> None:
    heard = THERAPY.understand("right, I'll talk it over at home and ring back, thanks", JUNE_OAK)
    assert heard.intent is Intent.GOODBYE


def test_a_titles_little_words_name_no_one() -> None:
    assert THERAPY.understand("ok, and then I'll phone later", JUNE_OAK).intent is not Intent.HUMAN


def test_a_time_outside_a_short_days_hours_is_explained() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    christmas_eve = date(2026, 12, 24)
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=christmas_eve, at=time(15, 0)))
    assert said[-1].startswith("On Thursday, December 24th, Christmas Eve, we're only open 9 AM to 1 PM.")


def test_a_percentage_is_no_time() -> None:
    heard = REPAIRS.understand(
        "a new battery please, it keeps dying at like thirty percent, Friday at ten?", SPRING_SYD
    )
    assert (heard.service_id, heard.at, heard.unsure) == ("battery", time(10, 0), ())


def test_before_a_clause_about_everything_else_is_no_bound() -> None:
    heard = THERAPY.understand("a session with Maya Friday at noon? before everyone goes off on holiday", JUNE_OAK)
    assert (heard.at, heard.unsure) == (time(12, 0), ())


def test_do_you_do_a_way_to_pay_asks_about_paying() -> None:
    heard = REPAIRS.understand("quick one, do you lot do Apple Pay?", SPRING_SYD)
    assert heard.question is not None and heard.question.subject == "Apple Pay"


def test_a_childs_age_with_no_service_named_is_the_one_service_for_children() -> None:
    heard = THERAPY.understand("my son's thirteen and he's struggling, can I get him in next week", JUNE_OAK)
    assert heard.service_id == "teen"


def test_a_day_asked_back_as_having_nothing_before_another_day_is_no_wish() -> None:
    heard = SAMPLE.understand("there's nothing on Thursday? ugh. ok, Friday then", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 27), ())


@pytest.mark.parametrize("said", ["nothing on Thursday?", "nothing on thursday? thursday would suit me best"])
def test_a_day_asked_about_alone_is_the_day_asked_for(said: str) -> None:
    assert SAMPLE.understand(said, WEDNESDAY).day == date(2026, 11, 26)


ARIZONA_VET = RulesUtteranceInterpreter(load_catalogue(catalogue_path("vet_phx")))


def test_an_exclamation_is_no_misheard_service() -> None:
    now = datetime(2027, 10, 25, 10, 0, tzinfo=ZoneInfo("America/Phoenix"))
    assert ARIZONA_VET.understand("no Friday? shoot, Thursday then", now).service_id is None


# -- the heldout42 round (measured first: 76/100, 3 wrong; Galway vet and Brisbane tutoring callers) -------------

GALWAY_VET = RulesUtteranceInterpreter(load_catalogue(catalogue_path("vet_gwy")))
TUTORS = RulesUtteranceInterpreter(load_catalogue(catalogue_path("tutor_bne")))
LATE_MAY_GWY = datetime(2027, 5, 26, 9, 0, tzinfo=ZoneInfo("Europe/Dublin"))


def test_the_bank_holiday_is_the_coming_one() -> None:
    heard = GALWAY_VET.understand("a nail clip the Tuesday after the bank holiday please", LATE_MAY_GWY)
    assert heard.day == date(2027, 6, 8)


def test_the_bank_holiday_taken_in_is_no_day() -> None:
    heard = GALWAY_VET.understand("ah sure that's the bank holiday, isn't it. the Wednesday so", LATE_MAY_GWY)
    assert heard.day == date(2027, 6, 2)


def test_a_place_the_caller_is_in_that_day_makes_it_busy() -> None:
    heard = GALWAY_VET.understand("a nail clip Friday? no, Saturday, Friday I'm in Tuam", LATE_MAY_GWY)
    assert heard.day == date(2027, 5, 29)
    assert GALWAY_VET.understand("a nail clip Friday, I'm in town that day", LATE_MAY_GWY).day == date(2027, 5, 28)


def test_a_length_said_picks_the_named_service_that_lasts_that_long() -> None:
    now = datetime(2027, 9, 6, 10, 0, tzinfo=ZoneInfo("Australia/Brisbane"))
    heard = TUTORS.understand("he's got an English essay to finish, could he book the half hour with Megan", now)
    assert heard.service_id == "essay"


@pytest.mark.parametrize("said", ["she's in Year 9 now", "he's starting year 11", "my lad's in Form 4"])
def test_a_class_at_school_is_no_year_or_day(said: str) -> None:
    now = datetime(2027, 9, 6, 10, 0, tzinfo=ZoneInfo("Australia/Brisbane"))
    heard = TUTORS.understand(f"{said}, maths on Tuesday at 4 please", now)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 9, 7), time(16, 0), ())


def test_a_bare_hour_after_irish_so_is_the_time() -> None:
    heard = GALWAY_VET.understand("the afternoon so, three?", LATE_MAY_GWY)
    assert (heard.at, heard.unsure) == (time(15, 0), ())


def test_a_lesson_asked_for_someone_is_no_event_they_have() -> None:
    now = datetime(2027, 5, 31, 10, 0, tzinfo=ZoneInfo("Australia/Brisbane"))
    heard = TUTORS.understand("hi, could my son have a maths lesson on Thursday? he finishes at three", now)
    assert heard.day == date(2027, 6, 3)


JUNE_BNE = datetime(2027, 6, 1, 10, 0, tzinfo=ZoneInfo("Australia/Brisbane"))


def test_push_it_on_a_week_moves_it_a_week_later() -> None:
    heard = GALWAY_VET.understand("the cat's in with Dr. Keane on Thursday, could you put it on a week?", LATE_MAY_GWY)
    assert (heard.intent, heard.refers.weeks, heard.unsure) == (Intent.RESCHEDULE, 1, ())


def test_how_many_the_caller_has_booked_is_no_time() -> None:
    heard = TUTORS.understand("I've two booked on Saturday, can I move the maths to Monday at four", JUNE_BNE)
    assert "two" not in heard.unsure


def test_the_same_time_on_the_callers_own_clock_is_no_doubt() -> None:
    heard = TUTORS.understand("maths Tuesday at four your time, so five for me in Sydney", JUNE_BNE)
    assert (heard.at, heard.unsure) == (time(16, 0), ())


def test_a_class_at_school_before_a_weekday_is_no_date() -> None:
    heard = TUTORS.understand("an assessment for my son, he's in Year 4. Saturday at ten", JUNE_BNE)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 6, 5), time(10, 0), ())


def test_when_a_symptom_started_today_rules_out_no_day() -> None:
    now = datetime(2027, 1, 14, 15, 20, tzinfo=ZoneInfo("Europe/Dublin"))
    heard = GALWAY_VET.understand("she's been scratching since this morning, this evening at six?", now)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 1, 14), time(18, 0), ())


@pytest.mark.parametrize("opening", ["hi there", "hiya", "good morning", "g'day"])
def test_an_is_it_offered_question_after_a_greeting_with_a_word_never_said_of_it(opening: str) -> None:
    heard = TUTORS.understand(f"{opening}, do you do physics tutoring? he's in Year 12", JUNE_BNE)
    assert heard.question is not None and heard.question.topic is Topic.UNKNOWN
