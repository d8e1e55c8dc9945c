"""Issue 13, the fourteenth session: mends found while reading the heldout45 leftovers and the heldout46 round, in other
words than the corpus's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.appointment import Appointment
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.policy import Stage
from slotline.domain.dialogue.relative import newer_preference
from slotline.domain.ids import AppointmentId, StaffId
from slotline.domain.preference import PartOfDay, Preference
from slotline.domain.reference import Beside, Nudge, Reference
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard, upcoming

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)
ONWARDS = Beside(None, 1, onwards=True)


@pytest.mark.parametrize(
    "said",
    [
        "right. Whatever's the first day you've got after that, then",
        "any day after that?",
        "ok what's the next day you have after that",
        "hmm, what days have you got after that",
    ],
)
def test_a_day_after_that_is_any_day_after_the_one_on_the_table(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).refers.beside == ONWARDS


@pytest.mark.parametrize(
    "said", ["anything after that?", "and after that can I ask about parking", "any day next week, Tuesday after that"]
)
def test_after_that_without_a_day_of_its_own_is_no_day_after(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).refers.beside != ONWARDS


def test_any_day_after_is_the_fortnight_from_the_next_day() -> None:
    assert ONWARDS.days_of(date(2027, 5, 14)) == (date(2027, 5, 15), date(2027, 5, 28))
    assert Beside(None, 1).days_of(date(2027, 5, 14)) == (date(2027, 5, 15), None)


def test_after_that_counts_from_the_later_of_the_day_asked_for_and_the_day_offered() -> None:
    # "nothing on Friday the 14th; the nearest is Friday the 7th" - "the first day after that": after the 14th
    said = Interpretation(Intent.INFORM, refers=Reference(beside=ONWARDS))
    offered = [datetime(2027, 5, 7, 8, 30)]
    wish = newer_preference(said, Preference(day=date(2027, 5, 14)), table=offered, target=None)
    assert (wish.day, wish.last_day) == (date(2027, 5, 15), date(2027, 5, 28))
    later = [datetime(2027, 5, 17, 8, 30)]  # the nearest after it: after that one
    wish = newer_preference(said, Preference(day=date(2027, 5, 14)), table=later, target=None)
    assert (wish.day, wish.last_day) == (date(2027, 5, 18), date(2027, 5, 31))


def test_the_day_after_at_a_read_back_is_the_day_after_the_slot_read_back() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, at=time(14)))
    assert world.policy.stage is Stage.CONFIRMING
    world.send(heard(Intent.INFORM, refers=Reference(beside=Beside(None, 1))))
    held = [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert held[-1].slot.window.start.astimezone(NEW_YORK) == datetime(2026, 12, 2, 14, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    "said",
    ["could you push the Thursday one back a week?", "I've a cut Monday, can you move the Thursday one to Friday"],
)
def test_the_weekdays_one_is_an_appointment_not_one_oclock(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).at is None


def test_what_the_caller_has_listed_before_pointing_at_one_is_not_asked_for() -> None:
    listed = "hi, I've got a haircut on Monday and a colour on the Friday, can you cancel the Friday one?"
    heard = CLINIC.understand(listed, WEDNESDAY)
    assert (heard.intent, heard.day, heard.service_id, heard.other_days) == (
        Intent.CANCEL,
        date(2026, 11, 27),
        None,
        (),
    )
    heard = CLINIC.understand("hey I've got two on Friday, could you move the 2 o'clock one", WEDNESDAY)
    assert heard.at == time(14, 0) and heard.day is None


def test_a_list_with_no_one_pointed_at_is_read_whole() -> None:
    heard = CLINIC.understand("I've a haircut on Monday and I'd like a colour on Friday too", WEDNESDAY)
    assert heard.service_id is not None and date(2026, 11, 30) in (heard.day, *heard.other_days)


@pytest.mark.parametrize(("said", "day"), [("can I come in Thursdy at ten", 26), ("Fridy arvo?", 27), ("Mondy", 30)])
def test_weekdays_said_the_australian_way(said: str, day: int) -> None:
    assert CLINIC.understand(said, WEDNESDAY).day == date(2026, 11, day)


def test_a_yes_that_books_with_its_day_lost_asks_the_day() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    lost = heard(Intent.AFFIRM, service_id="haircut", part_of_day=PartOfDay.MORNING, unsure=("day",))
    said = world.send(lost)
    assert "which day" in said[-1].lower()
    assert not [a for a in world.done if isinstance(a, act.OfferSlots | act.PlaceHold)]


def test_first_thing_that_morning_of_offers_near_a_later_time_is_the_mornings_first_start() -> None:
    afternoon = TimeWindow(datetime(2026, 12, 1, 12, tzinfo=NEW_YORK), datetime(2026, 12, 2, 0, tzinfo=NEW_YORK))
    world = World(StaffLoad({StaffId("sam"): [afternoon], StaffId("alex"): [afternoon]}))
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, at=time(15), approximate=True))
    offered = [a for a in world.done if isinstance(a, act.OfferSlots)][-1].slots
    first = min(offered).window.start.astimezone(NEW_YORK)
    world.send(heard(Intent.AFFIRM, earliest=True, part_of_day=PartOfDay.MORNING, refers_back=True))
    held = [a for a in world.done if isinstance(a, act.PlaceHold)][-1].slot.window.start.astimezone(NEW_YORK)
    assert held.date() == TUESDAY and held < first


MASSAGE = RulesUtteranceInterpreter(load_catalogue(catalogue_path("massage_cbr")))
CANBERRA = datetime(2027, 3, 17, 12, 0, tzinfo=ZoneInfo("Australia/Sydney"))


def test_a_service_of_several_lengths_named_with_the_length_one() -> None:
    heard = MASSAGE.understand("just a remedial massage please, the half hour one", CANBERRA)
    assert heard.service_id == "remedial_30"


@pytest.mark.parametrize("said", ["Friday, whatever's easiest for you guys", "Friday, whenever's handiest"])
def test_leaving_the_time_to_the_business_is_no_chatter(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert heard.intent is not Intent.UNKNOWN and heard.day == date(2026, 11, 27)


def test_a_busy_day_said_is_the_callers_reason() -> None:
    heard = CLINIC.understand("Monday is my busy day, could I do Tuesday", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 12, 1), ())
    assert CLINIC.understand("Friday's my day off, could I come then", WEDNESDAY).day == date(2026, 11, 27)


def test_a_part_of_the_day_the_caller_cannot_do_is_no_wish() -> None:
    heard = CLINIC.understand("could we make it 3:30? I can't get away from the office in the morning", WEDNESDAY)
    assert (heard.at, heard.part_of_day) == (time(15, 30), None)
    heard = CLINIC.understand("I can't do Monday, could I come Tuesday in the morning", WEDNESDAY)
    assert heard.part_of_day is PartOfDay.MORNING


def test_a_drive_away_on_a_day_is_no_day_asked_for() -> None:
    heard = CLINIC.understand("we're driving up to the lake on Friday, a haircut Thursday?", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 26), ())


@pytest.mark.parametrize(
    "said",
    [
        "cancel the four o'clock one, I'll still come to the ten",
        "cancel my Monday one, the massage next week's still fine",
    ],
)
def test_an_appointment_still_kept_names_nothing_to_act_on(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).unsure == ()


def test_the_next_visit_of_someones_is_no_date() -> None:
    heard = CLINIC.understand("I'd like to book my son's next haircut, Friday morning", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 27), ())


def test_shot_said_of_how_something_is_names_no_service() -> None:
    assert MASSAGE.understand("my back is totally shot", CANBERRA).service_id is None


def test_a_trip_after_the_visit_is_no_bound() -> None:
    heard = CLINIC.understand(
        "a haircut Tuesday afternoon? we're driving to my mum's for Christmas after that", WEDNESDAY
    )
    assert (heard.day, heard.unsure) == (date(2026, 12, 1), ())


def _also_booked(start: datetime) -> Appointment:
    """A second haircut with Sam, besides `upcoming()` (Tuesday, December 1st at 3:30 PM)."""
    window = TimeWindow.starting(start, timedelta(minutes=30))
    return replace(upcoming(), id=AppointmentId(f"also-{start:%d%H}"), window=window)


def test_moving_the_weekdays_one_of_two_appointments_to_another_day() -> None:
    world = World()
    friday = _also_booked(datetime(2026, 12, 4, 10, tzinfo=NEW_YORK))
    world.send(ev.CallStarted(CALLER, None, (upcoming(), friday)))  # Tuesday, December 1st at 3:30 PM; Friday at 10
    moved = heard(
        Intent.RESCHEDULE,
        day=date(2026, 12, 3),
        other_days=(TUESDAY,),
        weekday_only=True,
        refers=Reference(same_time=True),
    )
    world.send(moved)  # "I've got two booked, move the Tuesday one to Thursday, same time"
    held = [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert held and held[-1].moving == upcoming()
    assert held[-1].slot.window.start == datetime(2026, 12, 3, 15, 30, tzinfo=NEW_YORK)


def test_scots_the_day_after_an_appointment_asked_for_is_today() -> None:
    assert CLINIC.understand("any chance of a slot the day?", WEDNESDAY).day == date(2026, 11, 25)
    assert CLINIC.understand("an appointment the day before my holiday", WEDNESDAY).day != date(2026, 11, 25)


def test_an_urgent_phrase_with_is_joined_on_is_heard() -> None:
    dental = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_edi")))
    now = datetime(2027, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    assert dental.understand("the swelling's gone up to my eye overnight", now).intent is Intent.URGENT


def test_things_to_do_on_a_day_are_the_callers_reason() -> None:
    heard = CLINIC.understand("a haircut Friday? I've a few things to sort on Thursday", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 27), ())
    assert CLINIC.understand("I've to get the bus on Thursday, a haircut then", WEDNESDAY).day == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("said", "at", "shift"),
    [
        ("could you move the 3 o'clock one to 5?", time(15), 120),
        ("can you shift my eleven o'clock one to 10:30", time(11), -30),
    ],
)
def test_a_time_had_moved_to_a_bare_hour(said: str, at: time, shift: int) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert (heard.intent, heard.at, heard.refers.shift_minutes, heard.unsure) == (Intent.RESCHEDULE, at, shift, ())


def test_a_time_wished_for_after_to_is_no_move_of_another() -> None:
    heard = CLINIC.understand("I'd like to come the 3 o'clock one, to be honest", WEDNESDAY)
    assert heard.refers.shift_minutes == 0


def test_that_later_one_is_a_choice_among_the_offers() -> None:
    assert CLINIC.understand("that later one suits me", WEDNESDAY).refers.nudge is Nudge.LATER_ONE
    assert CLINIC.understand("ah that earlier one so", WEDNESDAY).refers.nudge is Nudge.EARLIER_ONE


def test_the_weekdays_the_caller_has_something_on_are_no_count_of_days() -> None:
    heard = CLINIC.understand("I've haircuts booked these two Mondays, could you cancel this Monday's one", WEDNESDAY)
    assert (heard.intent, heard.unsure) == (Intent.CANCEL, ())


def test_moving_this_weekdays_to_another_day_names_the_day_it_is_on() -> None:
    heard = CLINIC.understand("could I move this Monday's to Thursday at 2?", WEDNESDAY)
    assert (heard.day, heard.other_days, heard.unsure) == (date(2026, 11, 26), (date(2026, 11, 30),), ())


def test_a_time_had_moved_to_another_day_and_time() -> None:
    heard = CLINIC.understand("can I shift my 3 o'clock to Friday at 10?", WEDNESDAY)
    assert (heard.day, heard.at, heard.other_times) == (date(2026, 11, 27), time(10), (time(15),))


def test_the_appointment_at_a_time_said_is_the_one_moved() -> None:
    world = World()
    later = _also_booked(datetime(2026, 12, 1, 17, tzinfo=NEW_YORK))
    world.send(ev.CallStarted(CALLER, None, (upcoming(), later)))  # Tuesday at 3:30 PM and at 5 PM
    world.send(heard(Intent.RESCHEDULE, day=date(2026, 12, 3), at=time(10), other_times=(time(17),)))
    held = [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert held and held[-1].moving == later


def test_a_service_ruled_out_owns_no_day() -> None:
    lashes = RulesUtteranceInterpreter(load_catalogue(catalogue_path("beauty_lim")))
    now = datetime(2026, 10, 28, 9, 30, tzinfo=ZoneInfo("Europe/Dublin"))
    heard = lashes.understand("a lash lift, not the extensions, Friday if you can", now)
    assert (heard.day, heard.other_days) == (date(2026, 10, 30), ())


def test_a_question_tag_rules_nothing_out() -> None:
    assert CLINIC.understand("oh is he not? grand, anyone so", WEDNESDAY).unsure == ()


def test_taking_part_in_something_on_a_day_is_the_callers_reason() -> None:
    heard = CLINIC.understand("a massage Friday please, we're hosting a dinner on Saturday", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 27), ())
    heard = CLINIC.understand("a massage Monday? I'm doing a 5k on Sunday", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 30), ())


def test_a_lift_up_to_the_building_is_no_lash_lift() -> None:
    lashes = RulesUtteranceInterpreter(load_catalogue(catalogue_path("beauty_lim")))
    now = datetime(2027, 7, 13, 11, 20, tzinfo=ZoneInfo("Europe/Dublin"))
    heard = lashes.understand("is there a lift up to you", now)
    assert (heard.intent, heard.service_id, heard.service_choices) == (Intent.QUESTION, None, ())
    assert lashes.understand("a lash lift Saturday", now).service_id is not None


def test_a_holiday_the_visit_is_for_beside_another_holiday_asked_for_is_why() -> None:
    heard = CLINIC.understand("a haircut for Thanksgiving, have you anything the day before Thanksgiving?", WEDNESDAY)
    assert "day" not in heard.unsure
    lashes = RulesUtteranceInterpreter(load_catalogue(catalogue_path("beauty_lim")))
    now = datetime(2027, 12, 14, 10, 0, tzinfo=ZoneInfo("Europe/Dublin"))
    heard = lashes.understand("I want a spray tan for Christmas, anything on Christmas Eve in the morning?", now)
    assert (heard.day, heard.unsure) == (date(2027, 12, 24), ())


def test_when_someones_day_ends_is_no_time_to_book() -> None:
    heard = CLINIC.understand("a haircut Friday at quarter to five, she finishes work at four", WEDNESDAY)
    assert heard.at == time(16, 45)
    heard = CLINIC.understand("could I come at 5:30? my shift ends at 5", WEDNESDAY)
    assert heard.at == time(17, 30)


def test_someone_out_that_week_is_why() -> None:
    assert CLINIC.understand("oh he's out that week? fine, whoever's free", WEDNESDAY).unsure == ()


def test_the_weekday_after_with_its_date() -> None:
    heard = CLINIC.understand("could I move it to the Tuesday after, the 1st, same time?", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 12, 1), ())


def test_the_appointment_at_the_same_time_moved_to_a_new_day() -> None:
    world = World()
    later = _also_booked(datetime(2026, 12, 1, 17, tzinfo=NEW_YORK))
    world.send(ev.CallStarted(CALLER, None, (upcoming(), later)))  # Tuesday at 3:30 PM and at 5 PM
    world.send(heard(Intent.RESCHEDULE, day=date(2026, 12, 3), at=time(17), refers=Reference(same_time=True)))
    held = [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert held and held[-1].moving == later


def test_what_happened_earlier_today_is_no_day_to_book() -> None:
    heard = CLINIC.understand("I noticed a rash on his neck this morning, can I get a haircut Friday", WEDNESDAY)
    assert (heard.day, heard.unsure, heard.part_of_day) == (date(2026, 11, 27), (), None)
    heard = CLINIC.understand("I saw your sign this morning, anything this afternoon?", WEDNESDAY)
    assert (heard.day, heard.part_of_day) == (date(2026, 11, 25), PartOfDay.AFTERNOON)
    assert CLINIC.understand("I saw Sam last month, Monday please", WEDNESDAY).day == date(2026, 11, 30)


def test_an_urgent_phrase_with_more_words_among_it() -> None:
    groomer = RulesUtteranceInterpreter(load_catalogue(catalogue_path("groom_den")))
    now = datetime(2027, 3, 2, 9, 0, tzinfo=ZoneInfo("America/Denver"))
    assert groomer.understand("he cut his poor little front left paw on glass", now).intent is Intent.URGENT
