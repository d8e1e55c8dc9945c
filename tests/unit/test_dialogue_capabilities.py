"""Issue 13, the dialogue policy's capabilities: corrections keep what was not corrected, talking about the offers,
moving and cancelling in everyday words, closing words and closed days, several services, asking between services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Closure
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.conversation_prompts import ConversationPrompts
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.dialogue.policy import DialoguePolicy, Stage
from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.dialogue.relative import later_or_earlier_one
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.preference import PartOfDay, Preference, StartBounds
from slotline.domain.reference import Beside, Nudge, Reference
from slotline.domain.selection import Offer
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent
from tests.factories import NEW_YORK, sample_catalogue
from tests.unit.test_dialogue_policy import CALLER, CAT, TUESDAY, World, heard, upcoming

FRIDAY = date(2026, 11, 27)
WEDNESDAY = date(2026, 12, 2)


def _read_back(world: World) -> str:
    assert world.policy.stage is Stage.CONFIRMING
    return world.said[-1]


def _booking_at_two() -> World:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, at=time(14)))
    assert _read_back(world).endswith("on Tuesday, December 1st at 2 PM. Shall I book it?")
    return world


# -- corrections --------------------------------------------------------------------------------------


def test_a_new_day_alone_keeps_the_time() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.INFORM, day=FRIDAY))
    assert _read_back(world).endswith("on Friday, November 27th at 2 PM. Shall I book it?")
    assert "Book" not in world.kinds()


def test_same_time_is_the_time_already_said() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.DENY, day=WEDNESDAY, refers=Reference(same_time=True)))
    assert _read_back(world).endswith("on Wednesday, December 2nd at 2 PM. Shall I book it?")


def test_a_new_time_at_the_read_back_keeps_the_day() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.DENY, at=time(11)))
    assert _read_back(world).endswith("on Tuesday, December 1st at 11 AM. Shall I book it?")
    assert world.kinds().count("ReleaseHold") == 1


def test_another_person_at_the_read_back_keeps_day_and_time() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.INFORM, staff_id=StaffId("alex")))
    assert _read_back(world) == (
        "Let me read that back: a haircut with Alex Chen on Tuesday, December 1st at 2 PM. Shall I book it?"
    )


# -- talking about the offers -----------------------------------------------------------------------------


def _offers_on_tuesday() -> World:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    assert world.policy.stage is Stage.OFFERING
    return world


def _offered(world: World) -> tuple[Slot, ...]:
    offers = [a for a in world.done if isinstance(a, act.OfferSlots)]
    return offers[-1].slots


def test_anything_later_searches_after_the_last_offer_on_its_day() -> None:
    world = _offers_on_tuesday()
    last = max(_offered(world)).window.start
    world.send(heard(Intent.INFORM, refers=Reference(nudge=Nudge.LATER)))
    assert all(s.window.start > last and s.window.start.date() == TUESDAY for s in _offered(world))


def test_anything_earlier_with_nothing_earlier_keeps_the_offers() -> None:
    world = _offers_on_tuesday()
    offered = _offered(world)
    said = world.send(heard(Intent.INFORM, refers=Reference(nudge=Nudge.EARLIER)))
    assert said == [
        "I'm sorry, that's the earliest I have that day. Would one of those times work, or would you like another day?"
    ]
    assert "PlaceHold" not in world.kinds()
    world.send(heard(Intent.INFORM, ordinal=2))
    assert _read_back(world).endswith(f"at {offered[1].window.start.astimezone(NEW_YORK).hour} AM. Shall I book it?")


def test_the_latest_is_one_offer_held_and_read_back_and_a_yes_books_it() -> None:
    world = _offers_on_tuesday()
    world.send(heard(Intent.INFORM, latest=True))
    assert _read_back(world) == "I have a haircut with Alex Chen on Tuesday, December 1st at 5:15 PM. Shall I book it?"
    world.send(heard(Intent.AFFIRM))
    assert [a.window.start.astimezone(NEW_YORK).time() for a in world.booked] == [time(17, 15)]


def test_the_latest_said_again_of_the_latest_offered_takes_it() -> None:
    world = _offers_on_tuesday()
    world.send(heard(Intent.INFORM, latest=True))
    world.send(heard(Intent.AFFIRM, latest=True))  # "go on then, the latest"
    assert _read_back(world).endswith("on Tuesday, December 1st at 5:15 PM. Shall I book it?")


def test_the_later_one_is_the_latest_offer() -> None:
    (first, second, third) = (
        Slot(
            TimeWindow.starting(datetime(2026, 12, 1, h, tzinfo=NEW_YORK), timedelta(minutes=30)),
            StaffId("sam"),
            ServiceId("haircut"),
        )
        for h in (9, 10, 11)
    )
    assert later_or_earlier_one(Nudge.LATER_ONE, (first, second)) == second
    assert later_or_earlier_one(Nudge.EARLIER_ONE, (second, first)) == first
    assert later_or_earlier_one(Nudge.LATER_ONE, (first, second, third)) == third
    assert later_or_earlier_one(Nudge.EARLIER_ONE, (third, first, second)) == first
    assert later_or_earlier_one(Nudge.LATER_ONE, (first,)) is None


def test_the_later_one_of_three_reads_back_the_latest() -> None:
    world = _offers_on_tuesday()
    latest = max(_offered(world))
    world.send(heard(Intent.INFORM, refers=Reference(nudge=Nudge.LATER_ONE)))
    assert world.policy.stage is Stage.CONFIRMING
    assert [a for a in world.done if isinstance(a, act.PlaceHold)][-1].slot == latest


# -- moving and cancelling ---------------------------------------------------------------------------------


def _second() -> Appointment:
    return replace(
        upcoming(),
        id=AppointmentId("other"),
        service_id=ServiceId("massage"),
        staff_id=StaffId("jordan"),
        window=TimeWindow.starting(datetime(2026, 12, 3, 13, tzinfo=NEW_YORK), timedelta(minutes=60)),
    )


def test_push_it_back_a_week_keeps_the_time() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.RESCHEDULE, refers=Reference(weeks=1)))
    assert "moves from Tuesday, December 1st at 3:30 PM to Tuesday, December 8th at 3:30 PM" in _read_back(world)


def test_cannot_come_asks_move_or_cancel_then_cancels_after_a_yes() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    said = world.send(heard(Intent.CANT_COME, day=TUESDAY))
    assert said == [
        "No problem. Would you like to move your haircut on Tuesday, December 1st at 3:30 PM to another time, "
        "or cancel it?"
    ]
    said = world.send(heard(Intent.CANCEL))
    assert said[-1].startswith("Just to confirm: shall I cancel your haircut on Tuesday, December 1st")
    assert "Cancel" not in world.kinds()
    world.send(heard(Intent.AFFIRM))
    assert "Cancel" in world.kinds()


def test_several_appointments_ask_which_then_the_weekday_answers() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(), _second())))
    said = world.send(heard(Intent.CANCEL))
    assert said == [
        "Which appointment do you mean: the haircut on Tuesday, December 1st at 3:30 PM or the massage on "
        "Thursday, December 3rd at 1 PM?"
    ]
    said = world.send(heard(Intent.INFORM, day=date(2026, 11, 26)))  # "Thursday": this week's, by its weekday
    assert said == ["Just to confirm: shall I cancel your massage on Thursday, December 3rd at 1 PM with Jordan?"]


def test_the_day_that_names_the_appointment_is_not_the_new_day() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(), _second())))
    said = world.send(heard(Intent.RESCHEDULE, day=TUESDAY))
    assert said == ["What day and time would suit you instead?"]


def test_instead_with_an_appointment_is_a_move_not_a_new_booking() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.INFORM, day=FRIDAY, at=time(10), refers=Reference(instead=True)))
    assert "moves from Tuesday, December 1st at 3:30 PM to Friday, November 27th at 10 AM" in _read_back(world)


# -- closing words and closed days ---------------------------------------------------------------------------


def test_goodbye_at_the_read_back_releases_the_hold_and_books_nothing() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.GOODBYE))
    assert world.kinds()[-3:] == ["ReleaseHold", "Say", "Hangup"]
    assert "Book" not in world.kinds()


def test_a_closed_day_is_explained() -> None:
    catalogue = replace(sample_catalogue(), closures=(Closure(date(2026, 12, 25), "Christmas Day"),))
    talk = ConversationPrompts(catalogue)
    assert talk.closed(ServiceId("haircut"), date(2026, 12, 25)) == (
        "We're closed on Friday, December 25th for Christmas Day."
    )
    assert talk.closed(ServiceId("haircut"), date(2026, 11, 29)) == "We're closed on Sundays."
    assert (
        talk.closed(ServiceId("massage"), TUESDAY)
        == "We don't do massage on Tuesdays, so I have nothing on Tuesday, December 1st."
    )  # Jordan never works them
    assert talk.closed(ServiceId("haircut"), TUESDAY) is None


# -- several services and close candidates --------------------------------------------------------------------


def test_a_second_service_still_to_be_chosen_is_named_by_the_word_its_choices_share() -> None:
    kids = replace(CAT.services[0], id=ServiceId("kids_haircut"), name="Kids' haircut")
    talk = ConversationPrompts(replace(CAT, services=(*CAT.services, kids)))
    both = (ServiceId("haircut"), ServiceId("kids_haircut"))
    assert talk.one_at_a_time(ServiceId("colour"), (), both) == (
        "I'll book a hair colouring and a haircut, one at a time, starting with the hair colouring."
    )
    assert talk.one_at_a_time(ServiceId("colour"), (), (ServiceId("haircut"), ServiceId("massage"))) == (
        "I'll book a hair colouring and the other one, one at a time, starting with the hair colouring."
    )


def test_two_services_are_booked_one_after_the_other() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(
        heard(Intent.BOOK, service_id="haircut", more_services=(ServiceId("massage"),), day=FRIDAY, at=time(10))
    )
    assert said[0] == "I'll book a haircut and a massage, one at a time, starting with the haircut."
    said = world.send(heard(Intent.AFFIRM))
    assert (
        said[-1]
        == "Let me read that back: a massage with Jordan Patel on Friday, November 27th at 10:30 AM. Shall I book it?"
    )
    world.send(heard(Intent.AFFIRM))
    assert [a.service_id for a in world.booked] == ["haircut", "massage"]
    assert world.policy.stage is Stage.ANYTHING_ELSE


def test_close_candidates_are_asked_about() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_choices=(ServiceId("haircut"), ServiceId("colour")), day=TUESDAY))
    assert said == ["Did you mean a haircut or a hair colouring?"]
    world.send(heard(Intent.INFORM, ordinal=2))
    assert all(s.service_id == "colour" for s in _offered(world))


def test_a_no_naming_the_offered_day_refuses_it_and_does_not_search_it_again() -> None:
    world = _offers_on_tuesday()
    searches = world.kinds().count("FindSlots")
    said = world.send(heard(Intent.DENY, day=TUESDAY))  # "I can't make it on Tuesday after all"
    assert said == ["No problem. What day or time would suit you better?"]
    assert world.kinds().count("FindSlots") == searches


def test_quarter_past_at_the_read_back_is_of_the_held_hour() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.INFORM, refers=Reference(minutes_past=15)))
    assert _read_back(world).endswith("on Tuesday, December 1st at 2:15 PM. Shall I book it?")


def test_a_request_corrected_as_it_is_said_is_a_booking() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.DENY, service_id="haircut", day=TUESDAY, at=time(14)))
    assert _read_back(world).endswith("on Tuesday, December 1st at 2 PM. Shall I book it?")


def test_a_move_never_offers_the_appointments_own_time() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.RESCHEDULE))
    said = world.send(heard(Intent.INFORM, day=TUESDAY, at=time(15, 30)))  # the time it already has
    own = upcoming().window.start
    assert all(s.window.start != own for s in _offered(world))
    assert world.policy.stage is Stage.OFFERING
    assert said[-1].startswith("That's when your haircut already is. On Tuesday, December 1st I have")


def test_a_move_to_a_time_its_own_staff_cannot_do_goes_to_who_can_and_says_so() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # with Sam, who stops at 5 PM; Alex works to 6 PM
    world.send(heard(Intent.RESCHEDULE, day=WEDNESDAY, at=time(17, 15)))
    assert _read_back(world) == (
        "Let me read that back: your haircut moves from Tuesday, December 1st at 3:30 PM to Wednesday, "
        "December 2nd at 5:15 PM with Alex Chen. Shall I go ahead?"
    )


def test_cancel_that_at_a_new_bookings_read_back_books_nothing_and_cancels_nothing() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.BOOK, service_id="massage", day=FRIDAY, at=time(10)))
    assert world.policy.stage is Stage.CONFIRMING
    said = world.send(heard(Intent.CANCEL))
    assert said == ["No problem, I won't book that.", "Is there anything else I can help you with?"]
    assert "Cancel" not in world.kinds() and "Book" not in world.kinds()


# -- held-out round 1 (issue 13): what the first held-out set showed -----------------------------------------


def test_a_time_asked_for_roughly_that_is_free_is_read_back_at_once() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, at=time(14), approximate=True))
    assert _read_back(world).endswith("on Tuesday, December 1st at 2 PM. Shall I book it?")
    world.send(heard(Intent.AFFIRM))
    assert "Book" in world.kinds()


def test_the_day_after_the_offered_day_keeps_looking_then() -> None:
    world = _offers_on_tuesday()
    world.send(heard(Intent.INFORM, refers=Reference(beside=Beside(weekday=None, direction=1))))
    assert {s.window.start.astimezone(NEW_YORK).date() for s in _offered(world)} == {WEDNESDAY}


def test_the_weekday_before_the_offered_day() -> None:
    world = _offers_on_tuesday()
    world.send(heard(Intent.INFORM, refers=Reference(beside=Beside(weekday=4, direction=-1))))
    assert {s.window.start.astimezone(NEW_YORK).date() for s in _offered(world)} == {FRIDAY}


def test_a_weekday_said_with_the_appointments_own_day_is_in_its_week() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # Tuesday, December 1st at 3:30 PM
    # "I can't make Tuesday, could I do Friday instead, at ten?": Friday of that week, not this Friday
    instead = Reference(instead=True)
    world.send(
        heard(Intent.CANT_COME, day=FRIDAY, at=time(10), weekday_only=True, other_days=(TUESDAY,), refers=instead)
    )
    assert "to Friday, December 4th at 10 AM" in _read_back(world)


def test_a_weekday_said_alone_when_moving_is_the_nearest() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.RESCHEDULE))
    world.send(heard(Intent.INFORM, day=FRIDAY, at=time(10), weekday_only=True))
    assert "to Friday, November 27th at 10 AM" in _read_back(world)


def test_same_time_at_the_read_back_is_the_time_read_back() -> None:
    world = _offers_on_tuesday()
    first = _offered(world)[0]
    world.send(heard(Intent.INFORM, ordinal=1))
    world.send(heard(Intent.DENY, day=WEDNESDAY, refers=Reference(same_time=True, instead=True)))
    held = first.window.start.astimezone(NEW_YORK)
    assert f"on Wednesday, December 2nd at {held:%-I:%M}".replace(":00", "") in _read_back(world)


def test_a_staff_member_who_does_one_service_names_it() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, staff_id=StaffId("jordan"), day=WEDNESDAY))
    assert said[-1].startswith("What would you like to book?")  # Jordan does massages and consultations: asked
    only_massages = replace(
        CAT, services=tuple(replace(s, staff=(StaffId("sam"),)) if s.id == "consultation" else s for s in CAT.services)
    )
    world = World()
    world.policy = DialoguePolicy(only_massages, DialogueLimits())
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, staff_id=StaffId("jordan"), day=WEDNESDAY))
    assert world.policy.stage is Stage.OFFERING
    assert {s.service_id for s in _offered(world)} == {ServiceId("massage")}


def test_the_earliest_on_a_day_is_one_offer() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, earliest=True))
    assert len(_offered(world)) == 1
    assert world.policy.stage is Stage.CONFIRMING  # held and read back as it is offered
    world.send(heard(Intent.AFFIRM))
    assert len(world.booked) == 1


def test_a_change_relative_to_nothing_on_the_table_moves_the_appointment() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # Tuesday, December 1st at 3:30 PM
    world.send(heard(Intent.INFORM, refers=Reference(same_day=True, nudge=Nudge.LATER)))
    assert all(s.window.start.astimezone(NEW_YORK).date() == TUESDAY for s in _offered(world))
    world.send(heard(Intent.INFORM, ordinal=1))
    assert "moves from Tuesday, December 1st at 3:30 PM" in _read_back(world)


def test_an_hour_later_at_the_read_back_moves_the_held_time() -> None:
    world = _booking_at_two()
    world.send(heard(Intent.DENY, refers=Reference(shift_minutes=60)))
    assert _read_back(world).endswith("on Tuesday, December 1st at 3 PM. Shall I book it?")


def test_an_hour_later_moves_the_appointment() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # Tuesday, December 1st at 3:30 PM
    world.send(heard(Intent.RESCHEDULE, refers=Reference(shift_minutes=-60)))
    assert "to Tuesday, December 1st at 2:30 PM" in _read_back(world)


def test_yes_cancel_it_confirms_the_cancellation() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.CANCEL))
    world.send(heard(Intent.CANCEL))
    assert "Cancel" in world.kinds()


def test_an_explicit_bound_beats_anything_later() -> None:
    world = _offers_on_tuesday()
    world.send(heard(Intent.INFORM, bounds=StartBounds(not_before=time(16)), refers=Reference(nudge=Nudge.LATER)))
    assert all(s.window.start.astimezone(NEW_YORK).time() >= time(16) for s in _offered(world))


def test_a_move_asked_at_the_cancel_confirmation_cancels_nothing() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.CANCEL))
    world.send(heard(Intent.AFFIRM, day=FRIDAY, at=time(10)))  # "could we do it friday at ten instead?"
    assert "Cancel" not in world.kinds()
    assert "moves from Tuesday, December 1st at 3:30 PM to Friday, November 27th at 10 AM" in _read_back(world)


def test_cannot_come_with_another_day_in_the_same_breath_moves_to_it() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # Tuesday, December 1st at 3:30 PM
    # "I can't make Tuesday after all, what have you got on Wednesday?"
    world.send(heard(Intent.CANT_COME, day=WEDNESDAY, weekday_only=True, other_days=(TUESDAY,)))
    assert world.policy.stage is Stage.OFFERING
    assert {s.window.start.astimezone(NEW_YORK).date() for s in _offered(world)} == {WEDNESDAY}


def test_the_weekday_before_the_appointment_being_moved() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # Tuesday, December 1st at 3:30 PM
    world.send(heard(Intent.RESCHEDULE, refers=Reference(beside=Beside(4, -1), same_time=True)))
    assert "to Friday, November 27th at 3:30 PM" in _read_back(world)


def test_the_next_service_keeps_the_person_asked_for_when_they_do_it() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(
        heard(
            Intent.BOOK,
            service_id="colour",
            more_services=(ServiceId("haircut"),),
            staff_id="alex",
            day=FRIDAY,
            at=time(11, 15),
        )
    )
    world.send(heard(Intent.AFFIRM))
    assert all(s.staff_id == "alex" for s in _offered(world))  # the haircut, which Sam does too
    world.send(heard(Intent.INFORM, ordinal=1))
    world.send(heard(Intent.AFFIRM))
    assert [(a.service_id, a.staff_id) for a in world.booked] == [("colour", "alex"), ("haircut", "alex")]
    assert not any("exact time" in s for s in world.said)  # the caller named no time for the haircut


def test_the_next_service_is_with_anyone_who_does_it_when_the_person_asked_for_does_not() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(
        heard(
            Intent.BOOK,
            service_id="colour",
            more_services=(ServiceId("massage"),),
            staff_id="alex",
            day=FRIDAY,
            at=time(11, 15),
        )
    )
    world.send(heard(Intent.AFFIRM))
    world.send(heard(Intent.AFFIRM))
    assert [(a.service_id, a.staff_id) for a in world.booked] == [("colour", "alex"), ("massage", "jordan")]


def test_offers_outside_the_part_of_the_day_asked_for_say_that_part_has_nothing() -> None:
    morning = tuple(
        Slot(
            TimeWindow.starting(datetime(2026, 12, 1, h, tzinfo=NEW_YORK), timedelta(minutes=30)),
            StaffId("sam"),
            ServiceId("haircut"),
        )
        for h in (9, 10)
    )
    afternoon = Preference(day=TUESDAY, part_of_day=PartOfDay.AFTERNOON)
    said = Prompts(CAT).offer(Offer(morning, on_preferred_day=True, exact_time=False), afternoon)
    assert said.startswith("I have nothing left on Tuesday, December 1st in the afternoon. On Tuesday")
    assert (
        not Prompts(CAT)
        .offer(Offer(morning, on_preferred_day=True, exact_time=False), Preference(day=TUESDAY))
        .startswith("I have")
    )
