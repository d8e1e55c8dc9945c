"""Issue 13: the interpreter's non-date phrases: closing words, can't-come, moving words, references to what is on
the table ("same time", "a week later", "anything later?"), several services, and business vocabulary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.reference import Beside, Nudge, Reference
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, minutes, sample_catalogue

CAT = sample_catalogue()
INTERPRETER = RulesUtteranceInterpreter(CAT)


def understood(text: str, interpreter: RulesUtteranceInterpreter = INTERPRETER) -> Interpretation:
    return interpreter.understand(text, NOW)


@pytest.mark.parametrize(
    "text",
    [
        "never mind then",
        "ah ok nevermind",
        "I'll leave it",
        "oh OK, I'll leave it for now, thanks",
        "forget it",
        "you know what, forget about it",
        "ok, I'll call back later, thanks",
        "I'll think about it",
        "do you know what, don't worry, I'll sort it another time",
        "that's all",
    ],
)
def test_closing_words_end_the_call(text: str) -> None:
    assert understood(text).intent is Intent.GOODBYE


@pytest.mark.parametrize(
    "text",
    [
        "I can't make my appointment on Wednesday",
        "I won't be able to come",
        "I'm not going to be able to make it on Thursday",
        "I won't make my massage on Saturday",
        "I can't make Tuesday, can we do Thursday at the same time?",
        "I'm unable to attend",
        "hello, about my appointment, I'm not gonna make it",
    ],
)
def test_cannot_come_to_an_appointment(text: str) -> None:
    assert understood(text).intent is Intent.CANT_COME


@pytest.mark.parametrize("text", ["can't make it", "I can't do that one"])
def test_cannot_make_an_offer_is_still_a_no(text: str) -> None:
    assert understood(text).intent is Intent.DENY


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I'd like to call off my appointment on Monday, please", Intent.CANCEL),
        ("I need to rearrange Monday's appointment", Intent.RESCHEDULE),
        ("can I push my haircut back a week?", Intent.RESCHEDULE),
        ("can I change Monday's session to Tuesday at ten?", Intent.RESCHEDULE),
        ("could we bring it forward a week", Intent.RESCHEDULE),
    ],
)
def test_everyday_words_for_moving_and_cancelling(text: str, intent: Intent) -> None:
    assert understood(text).intent is intent


def test_a_weekday_possessive_is_the_weekday() -> None:
    heard = understood("I need to cancel Thursday's")
    assert (heard.intent, heard.day) == (Intent.CANCEL, date(2026, 11, 26))


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        ("same time next week", Reference(same_time=True)),
        ("push it back a week", Reference(weeks=1)),
        ("bring it forward a week", Reference(weeks=-1)),
        ("a bit later the same day", Reference(same_day=True, nudge=Nudge.LATER)),
        ("anything later in the day?", Reference(nudge=Nudge.LATER)),
        ("anything earlier?", Reference(nudge=Nudge.EARLIER)),
        ("the later one", Reference(nudge=Nudge.LATER_ONE)),
        ("the earlier one please", Reference(nudge=Nudge.EARLIER_ONE)),
        ("friday at ten instead", Reference(instead=True)),
    ],
)
def test_what_is_said_relative_to_the_table(text: str, refers: Reference) -> None:
    assert understood(text).refers == refers


@pytest.mark.parametrize("text", ["later this week", "four or later", "no later than three", "as I said earlier"])
def test_later_and_earlier_that_are_no_nudge(text: str) -> None:
    assert understood(text).refers.nudge is None


def test_the_latest_you_have_but_not_at_the_latest() -> None:
    assert understood("what's the latest you have?").latest
    heard = understood("by three at the latest")
    assert not heard.latest
    assert heard.bounds.not_after == time(15)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("no, make it eleven", time(11)),
        ("two o'clock's fine", time(14)),
        ("eleven's good", time(11)),
        ("could we do 2 instead?", time(14)),
        ("9 is perfect", time(9)),
    ],
)
def test_an_hour_said_as_a_choice_or_correction_is_a_time(text: str, at: time) -> None:
    assert understood(text).at == at


def test_one_is_fine_is_no_time() -> None:
    assert understood("one is fine").at is None


@pytest.mark.parametrize("text", ["that'll do", "I'll take that one", "brilliant", "suits me", "go on then"])
def test_taking_what_was_offered_is_a_yes(text: str) -> None:
    assert understood(text).intent is Intent.AFFIRM


def test_two_services_joined_by_and_in_the_order_said() -> None:
    heard = understood("a massage and then a haircut on friday")
    assert (heard.service_id, heard.more_services) == ("massage", ("haircut",))


def test_a_corrected_service_is_no_second_service() -> None:
    assert understood("a haircut, no, a massage").more_services == ()


def _vocabulary() -> RulesUtteranceInterpreter:
    kids = Service(ServiceId("kids_cut"), "Kids haircut", minutes(20), (StaffId("sam"),), ("child's cut",))
    staff = tuple(replace(m, title={"sam": "barber", "jordan": "massage therapist"}.get(m.id)) for m in CAT.staff)
    return RulesUtteranceInterpreter(replace(CAT, services=(*CAT.services, kids), staff=staff))


def test_a_staff_title_names_the_one_with_that_title() -> None:
    heard = understood("a back massage with the massage therapist on friday", _vocabulary())
    assert (heard.service_id, heard.staff_id) == ("massage", "jordan")


def test_a_generic_word_and_a_qualifier_find_the_service() -> None:
    heard = understood("I need to bring my daughter in for a cut on monday", _vocabulary())
    assert heard.service_id == "kids_cut"


def test_a_generic_word_with_no_one_named_is_the_service_for_anyone() -> None:
    heard = understood("I need a cut on monday", _vocabulary())  # not the kids' one: no child was named
    assert (heard.service_id, heard.service_choices) == ("haircut", ())


def test_two_close_candidates_are_choices_not_a_guess() -> None:
    heard = understood("something for my hair on monday", _vocabulary())
    assert heard.service_id is None
    assert set(heard.service_choices) == {"haircut", "colour"}


def test_a_second_service_in_a_shared_word_is_choices_beside_the_first() -> None:
    heard = understood("a massage and something for my hair")
    assert heard.service_id == "massage"
    assert set(heard.service_choices) == {"haircut", "colour"}


@pytest.mark.parametrize("text", ["I'll call you back", "scrap that", "don't bother", "I'll give it a miss"])
def test_more_closing_words(text: str) -> None:
    assert understood(text).intent is Intent.GOODBYE


def test_two_weeks_later_and_as_late_as_possible() -> None:
    assert understood("can we bump it back two weeks").refers.weeks == 2
    assert understood("as late as possible on friday").latest
    assert understood("I won't need it anymore").intent is Intent.CANT_COME


# -- held-out round 1 (issue 13) --------------------------------------------------------------------------


def test_im_after_is_looking_for_not_a_time() -> None:
    said = understood("hello, I'm after a massage, er, Saturday morning if possible")
    assert (said.intent, said.service_id, said.unsure) == (Intent.BOOK, "massage", ())


@pytest.mark.parametrize(("text", "after"), [("after work", time(17)), ("after school", time(15))])
def test_after_work_or_school_is_a_bound(text: str, after: time) -> None:
    said = understood(f"a haircut friday {text}")
    assert (said.bounds.not_before, said.unsure) == (after, ())


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("do I need a referral to come and see you?", Intent.UNKNOWN),
        ("can I see you about my back?", Intent.UNKNOWN),
        ("ok thanks, see you tuesday then", Intent.GOODBYE),
        ("brilliant, see ya", Intent.GOODBYE),
    ],
)
def test_see_you_is_goodbye_only_as_a_farewell(text: str, intent: Intent) -> None:
    assert (understood(text).intent is Intent.GOODBYE) is (intent is Intent.GOODBYE)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I'm not going to make Saturday, can we scrap it?", Intent.CANCEL),
        ("I'm not going to make my appointment on Tuesday", Intent.CANT_COME),
        ("can you get rid of my booking", Intent.CANCEL),
    ],
)
def test_more_everyday_words_for_cancelling(text: str, intent: Intent) -> None:
    said = understood(text)
    assert (said.intent, said.unsure) == (intent, ())


def test_a_request_corrected_as_it_is_said_keeps_what_was_not_corrected() -> None:
    said = understood("a haircut on Friday at 3, actually no, Saturday")
    assert (said.service_id, said.day, said.at) == ("haircut", date(2026, 11, 28), time(15))
    said = understood("with Sam at ten, no wait, eleven")
    assert (said.staff_id, said.at) == ("sam", time(11))


def test_a_task_corrected_as_it_is_said_drops_the_first_tasks_details() -> None:
    said = understood("I'd like to cancel Friday's appointment, actually no, can I move it to Monday morning?")
    assert (said.intent, said.day) == (Intent.RESCHEDULE, date(2026, 11, 30))


def test_a_person_ruled_out_beside_one_named_is_understood() -> None:
    said = understood("oh wait, with Alex, not Sam")
    assert (said.staff_id, said.unsure) == ("alex", ())
    said = understood("not Sam, Alex please")
    assert (said.staff_id, said.unsure) == ("alex", ())


def test_a_count_and_unit_before_a_service_describe_it() -> None:
    said = understood("I'm due my six-month massage, can I come in Tuesday?")
    assert (said.service_id, said.day, said.unsure) == ("massage", date(2026, 12, 1), ())
    assert understood("a massage in six months").unsure  # a date: not understood, so asked


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        ("have you got anything on the Wednesday before?", Beside(2, -1)),
        ("what about the day after", Beside(None, 1)),
        ("the friday after that then", Beside(4, 1)),
    ],
)
def test_a_day_counted_from_the_day_on_the_table(text: str, beside: Beside) -> None:
    said = understood(text)
    assert (said.day, said.refers.beside, said.unsure) == (None, beside, ())


def test_a_lone_weekday_is_marked_with_the_other_days_said() -> None:
    said = understood("I can't make my appointment on Tuesday, could I do Friday instead, same time?")
    assert (said.day, said.weekday_only, said.other_days) == (date(2026, 11, 27), True, (date(2026, 12, 1),))
    assert not understood("next friday").weekday_only


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I need to rebook", Intent.RESCHEDULE),
        ("can I shift my appointment", Intent.RESCHEDULE),
        ("could you take me off the list for tomorrow", Intent.CANCEL),
        ("I won't be needing Thursday's appointment", Intent.CANCEL),
    ],
)
def test_yet_more_words_for_moving_and_cancelling(text: str, intent: Intent) -> None:
    assert understood(text).intent is intent


def test_the_following_week_is_a_week_on() -> None:
    assert understood("can I move it to the following week").refers == Reference(weeks=1)


def test_a_late_or_early_one_is_no_one_oclock() -> None:
    late = understood("any chance of a late one on thursday")
    assert (late.at, late.latest, late.day) == (None, True, date(2026, 11, 26))
    early = understood("an early one friday")
    assert (early.at, early.earliest) == (None, True)


@pytest.mark.parametrize("text", ["put me down for the 4 o'clock", "the 4 pm please", "the 10 30 one"])
def test_the_n_oclock_is_a_time_not_a_date(text: str) -> None:
    assert understood(text).day is None
    assert understood(text).at is not None


# -- held-out round 2 (issue 13) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("thursday, 1430 if you have it", time(14, 30)),
        ("0930 on friday", time(9, 30)),
        ("actually six would be better", time(18)),
        ("ok four's fine", time(16)),
    ],
)
def test_more_clock_forms(text: str, at: time) -> None:
    assert understood(text).at == at


def test_a_year_is_no_clock_time() -> None:
    assert understood("in 2030").at is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a haircut at 11 tommorow", date(2026, 11, 26)),
        ("wensday morning", date(2026, 12, 2)),
        ("febuary 3rd", date(2027, 2, 3)),
        ("tmrw at 3", date(2026, 11, 26)),
    ],
)
def test_typing_slips_in_day_words(text: str, day: date) -> None:
    assert understood(text).day == day


def test_a_slip_that_could_be_two_days_is_read_as_neither() -> None:
    assert understood("a haircut thusday").day is None


def test_what_the_caller_keeps_is_not_what_they_mean() -> None:
    assert understood("please cancel the haircut but keep my massage").service_id == "haircut"
    assert understood("keep my massage, cancel the haircut").service_id == "haircut"


def test_a_ruled_out_person_with_a_title() -> None:
    said = understood("no sorry, with Dr Chen, not Dr Rivera")
    assert (said.staff_id, said.unsure) == ("alex", ())


def test_instead_of_a_day_gives_it_up() -> None:
    said = understood("can we do the same time next week instead of tomorrow")
    assert (said.day, said.last_day) == (date(2026, 11, 30), date(2026, 12, 6))


def test_ok_what_about_another_day_is_that_day() -> None:
    said = understood("nothing on monday at all? ok, what about tuesday then")
    assert (said.day, said.unsure) == (date(2026, 12, 1), ())


def test_how_often_is_never_a_day() -> None:
    assert understood("my six-monthly massage on tuesday").unsure == ()


# -- held-out round 3 (issue 13) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("could we do it an hour later?", 60),
        ("push it back half an hour", 30),
        ("bring it forward by 30 minutes", -30),
        ("an hour and a half earlier", -90),
    ],
)
def test_moving_by_an_amount_of_time(text: str, minutes: int) -> None:
    said = understood(text)
    assert (said.refers.shift_minutes, said.refers.nudge, said.unsure) == (minutes, None, ())


def test_a_time_given_up_instead_of_another() -> None:
    said = understood("could I move my haircut on tuesday, so ten instead of nine?")
    assert (said.intent, said.at, said.unsure) == (Intent.RESCHEDULE, time(10), ())
    assert understood("sorry, could we do half nine instead?").at == time(9, 30)


def test_n_it_is_takes_that_time() -> None:
    assert understood("ok, fine, eleven it is").at == time(11)


@pytest.mark.parametrize(
    "text",
    [
        "my little boy needs a haircut, he's four, friday morning?",
        "a haircut for my daughter, she is 6, on friday",
        "I'm due my six-month massage on friday",
        "I've never had a massage before",
        "a two hour massage on friday",
    ],
)
def test_ages_adjectives_and_the_past_are_not_doubts(text: str) -> None:
    assert understood(text).unsure == ()


def test_not_this_weekday_but_the_one_after() -> None:
    said = understood("can I get a haircut, not this Saturday but the one after?")
    assert (said.day, said.unsure) == (date(2026, 12, 5), ())


def test_free_from_when_work_ends() -> None:
    said = understood("what's the latest you can do? I don't finish work till five")
    assert (said.bounds.not_before, said.at, said.latest) == (time(17), None, True)


def test_i_booked_is_what_exists_not_a_request() -> None:
    assert (
        understood("I booked a haircut for Wednesday morning, could I make it a bit later?").intent is not Intent.BOOK
    )
    assert understood("can I get booked in for friday").intent is Intent.BOOK


def test_a_task_given_up_but_actually() -> None:
    said = understood("I was going to cancel my haircut next week but actually, could I bring it forward to tomorrow?")
    assert (said.intent, said.day) == (Intent.RESCHEDULE, date(2026, 11, 26))


def test_moving_from_one_day_to_another_said_together_is_no_doubt() -> None:
    said = understood("I've got a haircut on Monday, could I move it to Wednesday, same time?")
    assert (said.day, said.unsure) == (date(2026, 12, 2), ())
    said = understood("I need to move my haircut on the 1st to the following week, same day and time")
    assert (said.intent, said.unsure, said.refers.weeks) == (Intent.RESCHEDULE, (), 1)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("sometime in december", date(2026, 12, 1), date(2026, 12, 31)),
        ("in january", date(2027, 1, 1), date(2027, 1, 31)),
        ("early january", date(2027, 1, 1), date(2027, 1, 10)),
        ("mid january", date(2027, 1, 11), date(2027, 1, 20)),
        ("the end of the month", date(2026, 11, 25), date(2026, 11, 30)),  # already under way: from today
        ("the second week of january", date(2027, 1, 8), date(2027, 1, 14)),
        ("the last week of february", date(2027, 2, 22), date(2027, 2, 28)),
        ("next month", date(2026, 12, 1), date(2026, 12, 31)),
        ("in may", date(2027, 5, 1), date(2027, 5, 31)),
    ],
)
def test_parts_of_a_month_are_a_range_of_days(text: str, first: date, last: date) -> None:
    said = understood(text)
    assert (said.day, said.last_day, said.unsure) == (first, last, ())


def test_may_i_is_no_month() -> None:
    said = understood("may i book a haircut")
    assert (said.day, said.unsure) == (None, ())


def test_could_we_do_it_is_no_yes() -> None:
    assert understood("ah, no, could we do it an hour later?").intent is not Intent.AFFIRM
    assert understood("yes, do it").intent is Intent.AFFIRM


def test_earlier_than_that_is_a_nudge_but_no_later_than_three_a_bound() -> None:
    assert understood("can it be a bit earlier than that").refers.nudge is Nudge.EARLIER
    said = understood("no later than 3")
    assert (said.refers.nudge, said.bounds.not_after) == (None, time(15))


# -- held-out round 4 (issue 13) --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["yep, go ahead", "yup", "nah", "ta, brilliant"])
def test_yes_and_no_as_callers_say_them_are_no_chatter(text: str) -> None:
    assert understood(text).intent is not Intent.UNKNOWN


def test_wont_be_needing_it_is_a_cancellation() -> None:
    assert understood("my daughter's appointment on the 4th, we won't be needing it any more").intent is Intent.CANCEL


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        ("can we do the saturday after, same time?", Beside(5, 1)),
        ("move my haircut on the 5th to the friday before, same time", Beside(4, -1)),
    ],
)
def test_a_day_counted_from_the_table_before_more_words(text: str, beside: Beside) -> None:
    said = understood(text)
    assert (said.refers.beside, said.refers.same_time, said.unsure) == (beside, True, ())


@pytest.mark.parametrize(
    "text",
    [
        "hang on, before you book it, what should I wear?",
        "I've never been to you before, it's my back, wednesday afternoon?",
        "is Sam free on thursday? for a haircut I mean, not to chat",
        "I can't make Tuesday after all",
    ],
)
def test_before_after_and_not_that_limit_nothing(text: str) -> None:
    assert understood(text).unsure == ()
