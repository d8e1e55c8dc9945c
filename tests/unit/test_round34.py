"""Issue 13, on heldout28 and heldout29 (the failures their rounds left unread); written in other words than the
corpus's, for other businesses (a New York dentist, a Boston vet, and services added in the test where the rule is
about them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.catalogue import Catalogue, Service
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import ServiceId
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NOW, with_closures
from tests.unit.test_dialogue_policy import CALLER, CAT, TUESDAY, World, heard

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=NEW_YORK)  # Saturday the 6th is "this Saturday"
VET = load_catalogue(catalogue_path("vet_bos"))
CLINIC = RulesUtteranceInterpreter(CAT)  # the sample clinic the dialogue tests use


def _with(catalogue: Catalogue, *services: tuple[str, str, tuple[str, ...]]) -> RulesUtteranceInterpreter:
    staff = catalogue.services[0].staff
    added = tuple(Service(ServiceId(i), name, timedelta(minutes=30), staff, aliases) for i, name, aliases in services)
    return RulesUtteranceInterpreter(replace(catalogue, services=(*catalogue.services, *added)))


def test_the_same_weekday_after_the_one_ruled_out_is_a_week_on() -> None:
    for said in ("a cleaning, not this Saturday, the Saturday after", "not this saturday but the saturday after"):
        heard_ = DENTAL.understand(said, WEDNESDAY)
        assert (heard_.day, heard_.unsure) == (date(2027, 3, 13), ()), said
    # said with the same week on, the words agree: nothing is asked
    heard_ = DENTAL.understand("a filling Saturday week, not this Saturday, the one after", WEDNESDAY)
    assert (heard_.day, heard_.unsure) == (date(2027, 3, 13), ())
    assert DENTAL.understand("a cleaning, not this Saturday, the Sunday after", WEDNESDAY).unsure == ("day",)


def test_someone_at_a_place_on_a_day_is_busy_then() -> None:
    heard_ = DENTAL.understand("a cleaning Friday, my son's at his dad's on Thursday", WEDNESDAY)
    assert heard_.day == date(2027, 3, 5) and not heard_.unsure
    heard_ = DENTAL.understand("a checkup Thursday, I'm at home Friday", WEDNESDAY)
    assert heard_.unsure == ("day",)  # at home is no reason against the day: which one is asked


def test_the_weather_today_is_no_day_wished_for() -> None:
    heard_ = DENTAL.understand("gosh it's freezing out today, could I get a filling on Monday", WEDNESDAY)
    assert (heard_.day, heard_.part_of_day, heard_.unsure) == (date(2027, 3, 8), None, ())


def test_an_age_said_of_a_pet_or_a_little_one_is_no_time() -> None:
    heard_ = DENTAL.understand("my youngest one is seven, a kids check-up Friday after three?", WEDNESDAY)
    assert heard_.bounds.not_before == time(15, 0) and not heard_.unsure
    vet = RulesUtteranceInterpreter(VET)
    heard_ = vet.understand("the old dog's getting on, thirteen now, nails on Monday at 2", WEDNESDAY)
    assert (heard_.at, heard_.unsure) == (time(14, 0), ())


def test_a_time_said_bad_is_ruled_out() -> None:
    heard_ = DENTAL.understand("a filling Tuesday at 9, sorry, 9 is awkward, make it 11", WEDNESDAY)
    assert (heard_.at, heard_.unsure) == (time(11, 0), ())


def test_an_exclamation_when_a_holiday_is_taken_in() -> None:
    closed = RulesUtteranceInterpreter(with_closures(DENTAL_US, (date(2027, 3, 17), "St Patrick's Day")))
    heard_ = closed.understand("oh right, jeez, St Patrick's Day. Thursday then?", WEDNESDAY)
    assert (heard_.day, heard_.unsure, heard_.weekday_only) == (date(2027, 3, 4), (), True)  # the one on the table


def test_after_a_holiday_taken_in_a_weekday_already_after_it_is_kept_and_sure() -> None:
    fitr = ((date(2027, 3, d), "Eid al-Fitr") for d in (9, 10, 12))  # the 11th open
    adha = ((date(2027, 5, d), "Eid al-Adha") for d in (17, 18, 19))  # "Eid" is either
    eid = RulesUtteranceInterpreter(with_closures(DENTAL_US, *fitr, *adha))
    heard_ = eid.understand("of course, Eid. after Eid then, the Saturday", WEDNESDAY)
    assert (heard_.day, heard_.unsure, heard_.weekday_only) == (date(2027, 3, 13), (), False)


def test_the_last_weekday_this_month_and_month_end() -> None:
    assert DENTAL.understand("a cleaning the last Tuesday this month", WEDNESDAY).day == date(2027, 3, 30)
    heard_ = DENTAL.understand("a cleaning at month end", WEDNESDAY)
    assert (heard_.day, heard_.last_day) == (date(2027, 3, 21), date(2027, 3, 31))


def test_checking_one_s_own_diary_names_no_check_up() -> None:
    heard_ = DENTAL.understand("hang on, let me look at my calendar... 2 is no good, 4 then", WEDNESDAY)
    assert heard_.service_id is None and not heard_.service_choices
    assert heard_.at == time(16, 0)


def test_whatever_is_first_on_a_day_is_the_earliest_then() -> None:
    heard_ = DENTAL.understand("a cleaning Monday, whichever comes first", WEDNESDAY)
    assert heard_.earliest and heard_.ordinal is None and heard_.day == date(2027, 3, 8)


def test_a_young_animal_s_word_alone_never_tips_one_service_over_another() -> None:
    vet = _with(VET, ("pup_visit", "Pup first visit", ("pup jabs", "pup check", "pup boosters")))
    assert vet.understand("boosters for the pup", WEDNESDAY).service_id == "vaccines"  # "booster": vaccines
    asked = vet.understand("jabs for the pup", WEDNESDAY)  # "jabs" is shots, and the pup's visit has jabs
    assert asked.service_id is None and set(asked.service_choices) == {"vaccines", "pup_visit"}
    assert vet.understand("pup jabs please", WEDNESDAY).service_id == "pup_visit"  # said as named


def test_a_service_named_by_words_another_shares_goes_to_the_one_the_rest_fit() -> None:
    vet = _with(VET, ("senior", "Senior pet exam", ("senior exam", "older pet exam")))
    assert vet.understand("a check-up for my dog", WEDNESDAY).service_id == "wellness"
    assert vet.understand("one of the check-ups you do for older pets", WEDNESDAY).service_id == "senior"
    podiatry = RulesUtteranceInterpreter(load_catalogue(catalogue_path("podiatry_gla")))
    both = podiatry.understand("a nail trim and a diabetic foot check", WEDNESDAY)
    assert (both.service_id, both.more_services) == ("nail_care", ("diabetic",))
    assert podiatry.understand("my feet checked for the diabetes", WEDNESDAY).service_id == "diabetic"


def test_a_replaced_joint_and_the_surgeon_name_the_post_op_rehab() -> None:
    clinic = _with(
        DENTAL_US,
        ("sports_rehab", "Sports injury rehab", ("sports rehab", "hip flexor strain")),
        ("hip_rehab", "Post-op hip rehab", ("hip replacement rehab", "after hip surgery")),
    )
    heard_ = clinic.understand("I had my hip replaced in May and my surgeon wants rehab", WEDNESDAY)
    assert heard_.service_id == "hip_rehab"


def test_yes_after_that_is_the_earliest_takes_the_earliest() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    offers = [a for a in world.done if isinstance(a, act.OfferSlots)][-1].slots
    said = world.send(ev.Heard(CLINIC.understand("anything earlier than that?", NOW)))
    assert any("that's the earliest" in s for s in said), said
    world.send(ev.Heard(CLINIC.understand("ok, that'll do", NOW)))
    assert any(isinstance(a, act.PlaceHold) and a.slot == min(offers) for a in world.done)


def test_no_after_what_else_ends_the_call() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.DENY))  # nothing to book at the opening: asked again, as before
    assert not any(isinstance(a, act.Hangup) for a in world.done)
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(heard(Intent.INFORM, ordinal=1))
    world.send(heard(Intent.AFFIRM))
    world.send(heard(Intent.AFFIRM))  # "anything else?" "yes"
    world.send(heard(Intent.DENY))  # "what can I help you with?" "no, that's it"
    assert isinstance(world.done[-1], act.Hangup)


def test_is_someone_in_with_a_service_wished_for_is_answered_then_booked() -> None:
    heard_ = DENTAL.understand("is Maria working Friday? I'd want her for a filling", WEDNESDAY)
    assert heard_.question is not None and heard_.question.topic is Topic.STAFF_DAYS
    assert (heard_.intent, heard_.service_id, heard_.staff_id, heard_.day) == (
        Intent.BOOK,
        "filling",
        "maria",
        date(2027, 3, 5),
    )
    asked = DENTAL.understand("is Maria working Friday?", WEDNESDAY)
    assert (asked.intent, asked.service_id) == (Intent.QUESTION, None)  # a question alone is only answered


def test_a_talk_with_the_vet_is_a_consult_not_a_hand_over() -> None:
    vet = RulesUtteranceInterpreter(VET)
    heard_ = vet.understand("I'd like her spayed, do you do a chat with the vet before?", WEDNESDAY)
    assert (heard_.intent, heard_.service_id) != (Intent.HUMAN, None)
    assert heard_.service_id == "spay_neuter"
