"""The dialogue policy on its own: interpretations in, actions out, with a tiny pure world answering its requests."""

from __future__ import annotations

from collections import deque
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from slotline.domain.appointment import Appointment, AppointmentStatus, Customer, Hold
from slotline.domain.availability import find_slots
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.dialogue.phrasing import say_bounds, say_date, say_days, say_time
from slotline.domain.dialogue.policy import DialoguePolicy, Stage
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import PartOfDay, StartBounds
from slotline.domain.selection import choose_offers
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent, Interpretation
from tests.factories import NEW_YORK, NOW, sample_catalogue

CAT = sample_catalogue()
CALLER = PhoneNumber("+12125550123")
TUESDAY = date(2026, 12, 1)


def heard(intent: Intent = Intent.INFORM, **fields: Any) -> ev.Heard:
    return ev.Heard(Interpretation(intent, **fields))


class World:
    """Answers the policy's requests the way the use cases would, without any I/O."""

    def __init__(self, busy: StaffLoad | None = None, fail: type[act.Action] | None = None) -> None:
        self.policy = DialoguePolicy(CAT, DialogueLimits())
        self.load = busy or StaffLoad()
        self.fail = fail
        self.said: list[str] = []
        self.done: list[act.Action] = []
        self.booked: list[Appointment] = []
        self.known: tuple[Appointment, ...] = ()  # what a looked-up number has booked

    def send(self, event: ev.Event) -> list[str]:
        start = len(self.said)
        queue: deque[ev.Event] = deque([event])
        while queue:
            for action in self.policy.handle(queue.popleft()):
                self.done.append(action)
                outcome = self.answer(action)
                if outcome is not None:
                    queue.append(outcome)
        return self.said[start:]

    def answer(self, action: act.Action) -> ev.Event | None:
        if self.fail is not None and isinstance(action, self.fail):
            return ev.BackendFailed("down")
        match action:
            case act.Say(text=text):
                self.said.append(text)
            case act.FindSlots(service_id=sid, preference=pref):
                service = CAT.service(sid)
                slots = find_slots(CAT, service, NOW.date(), NOW.date() + timedelta(days=21), self.load, NOW)
                return ev.SlotsFound(choose_offers(slots, pref, NEW_YORK, 3))
            case act.PlaceHold(slot=slot):
                return ev.HoldPlaced(Hold("h", slot, slot.occupied(CAT.service(slot.service_id)), NOW, "k"))
            case act.Book(hold=hold):
                s = hold.slot
                stored = Appointment(
                    AppointmentId(f"a{len(self.booked)}"),
                    s.service_id,
                    s.staff_id,
                    s.window,
                    CALLER,
                    AppointmentStatus.CONFIRMED,
                )
                self.booked.append(stored)
                return ev.Booked(stored)
            case act.Reschedule(appointment=a, hold=hold):
                return ev.Rescheduled(a.moved_to(hold.slot))
            case act.Cancel(appointment=a):
                return ev.Cancelled(a.cancelled())
            case act.ConfirmBySms(appointment=a):
                return ev.ConfirmationQueued(a.customer_phone)
            case act.LookUpNumber():
                return ev.NumberLookedUp(None, self.known)
        return None

    def kinds(self) -> list[str]:
        return [type(a).__name__ for a in self.done]


def upcoming() -> Appointment:
    start = datetime(2026, 12, 1, 15, 30, tzinfo=NEW_YORK)
    return Appointment(
        AppointmentId("old"),
        ServiceId("haircut"),
        StaffId("sam"),
        TimeWindow.starting(start, timedelta(minutes=30)),
        CALLER,
        AppointmentStatus.CONFIRMED,
        "Dana Scully",
        "evt-1",
    )


def test_phrasing_like_a_person() -> None:
    assert say_date(TUESDAY) == "Tuesday, December 1st"
    assert say_date(date(2026, 12, 22)) == "Tuesday, December 22nd"
    assert say_date(date(2026, 12, 13)) == "Sunday, December 13th"
    moment = datetime(2026, 12, 1, 15, 30, tzinfo=NEW_YORK)
    assert say_time(moment, NEW_YORK) == "3:30 PM"
    assert say_time(moment.replace(hour=10, minute=0), NEW_YORK) == "10 AM"
    assert say_time(moment.replace(hour=12, minute=0), NEW_YORK) == "noon"


def test_unknown_caller_is_greeted_with_what_the_agent_can_do() -> None:
    world = World()
    (greeting,) = world.send(ev.CallStarted(CALLER))
    assert greeting.startswith("Thanks for calling Maple Street Clinic.")
    assert "book, reschedule or cancel" in greeting


def test_returning_caller_hears_their_next_appointment() -> None:
    world = World()
    (greeting,) = world.send(ev.CallStarted(CALLER, Customer(CALLER, "Dana Scully"), (upcoming(),)))
    assert greeting.startswith("Hi Dana, thanks for calling")
    assert "a haircut on Tuesday, December 1st at 3:30 PM with Sam" in greeting


def test_everything_at_once_then_readback_then_yes_books_once() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(
        heard(Intent.BOOK, service_id="haircut", day=TUESDAY, part_of_day=PartOfDay.AFTERNOON, staff_id="sam")
    )
    assert "Which would you like?" in said[-1]
    offer = world.done[-2]
    assert isinstance(offer, act.OfferSlots)
    offered = offer.slots
    assert all(s.staff_id == "sam" for s in offered)
    said = world.send(heard(Intent.INFORM, ordinal=2))
    assert said[-1].startswith("Let me read that back: a haircut with Sam Rivera on Tuesday, December 1st at")
    assert world.policy.stage is Stage.CONFIRMING
    said = world.send(heard(Intent.AFFIRM))
    assert said[0].startswith("You're booked: a haircut on Tuesday, December 1st")
    assert world.kinds().count("Book") == 1
    assert world.booked[0].slot == offered[1]
    assert said[-1] == "Is there anything else I can help you with?"
    world.send(heard(Intent.AFFIRM))  # a second yes asks what else; it never books again
    assert world.kinds().count("Book") == 1
    said = world.send(heard(Intent.GOODBYE))
    assert world.policy.ended
    assert world.kinds()[-1] == "Hangup"


def test_gathers_only_what_is_missing() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK))
    assert said == ["What would you like to book? We offer haircut, consultation, massage, or hair colouring."]
    said = world.send(heard(Intent.INFORM, service_id="massage"))
    assert said == ["What day would you like to come in?"]
    said = world.send(heard(Intent.INFORM, day=TUESDAY))
    # Jordan, the only masseur, does not work Tuesdays
    assert said[-1].startswith(
        "We don't do massage on Tuesdays, so I have nothing on Tuesday, December 1st. The nearest I have are Monday"
    )


def test_exact_free_time_goes_straight_to_the_readback() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, at=time(15, 30)))
    assert said[-1].endswith("on Tuesday, December 1st at 3:30 PM. Shall I book it?")
    assert world.kinds()[-3:] == ["OfferSlots", "PlaceHold", "Say"]


def test_no_means_no_and_releases_the_hold() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(heard(Intent.INFORM, ordinal=1))
    said = world.send(heard(Intent.DENY))
    assert "ReleaseHold" in world.kinds()
    assert "Book" not in world.kinds()
    assert said[-1].startswith("No problem. Would one of the other times work")
    assert world.policy.stage is Stage.OFFERING


def test_another_day_instead() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    said = world.send(heard(Intent.INFORM, day=date(2026, 12, 4)))
    assert "Friday, December 4th" in said[-1]


def test_full_day_offers_nearest_days() -> None:
    full = TimeWindow(datetime(2026, 12, 1, 0, tzinfo=NEW_YORK), datetime(2026, 12, 2, 0, tzinfo=NEW_YORK))
    world = World(StaffLoad({StaffId("sam"): [full], StaffId("alex"): [full]}))
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    assert said[-1].startswith(
        "I have nothing left on Tuesday, December 1st. The nearest I have are Monday, November 30th"
    )


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_misunderstandings_in_a_row_transfer(limit: int) -> None:
    world = World()
    world.policy = DialoguePolicy(CAT, DialogueLimits(max_misunderstandings=limit))
    world.send(ev.CallStarted(CALLER))
    for _ in range(limit - 1):
        said = world.send(heard(Intent.UNKNOWN))
        assert said[-1].startswith("Sorry, I didn't catch that.")
    said = world.send(heard(Intent.UNKNOWN))
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.MISUNDERSTANDINGS)
    assert "trouble understanding" in said[-1]


def test_understood_turn_resets_the_misunderstanding_count() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.UNKNOWN))
    world.send(heard(Intent.UNKNOWN))
    world.send(heard(Intent.BOOK))
    world.send(heard(Intent.UNKNOWN))
    world.send(heard(Intent.UNKNOWN))
    assert not world.policy.ended


def test_silence_reprompts_then_transfers() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(ev.Silence())
    assert said[0].startswith("Are you still there?")
    world.send(ev.Silence())
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.SILENCE)


def test_asking_for_a_person_transfers_and_releases_a_hold() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(heard(Intent.INFORM, ordinal=1))
    world.send(heard(Intent.HUMAN))
    assert world.kinds()[-3:] == ["ReleaseHold", "Say", "TransferToHuman"]


def test_backend_failure_transfers() -> None:
    world = World(fail=act.FindSlots)
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    assert "can't reach our booking system" in said[-1]
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.BACKEND)


def test_rejecting_everything_transfers() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    for day in (2, 3):
        world.send(heard(Intent.DENY))
        world.send(heard(Intent.INFORM, day=date(2026, 12, day)))
    world.send(heard(Intent.DENY))
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.NOTHING_SUITABLE)


def test_reschedule_moves_the_existing_appointment() -> None:
    world = World()
    old = upcoming()
    world.send(ev.CallStarted(CALLER, Customer(CALLER, "Dana"), (old,)))
    said = world.send(heard(Intent.RESCHEDULE))
    assert said == ["What day and time would suit you instead?"]
    world.send(heard(Intent.INFORM, day=date(2026, 12, 3), at=time(10)))
    readback = world.said[-1]
    assert "moves from Tuesday, December 1st at 3:30 PM to Thursday, December 3rd at 10 AM" in readback
    said = world.send(heard(Intent.AFFIRM))
    assert said[0] == "Done. Your haircut is now on Thursday, December 3rd at 10 AM with Sam."
    assert "Reschedule" in world.kinds()
    assert "Book" not in world.kinds() and "Cancel" not in world.kinds()
    reschedule = next(a for a in world.done if isinstance(a, act.Reschedule))
    assert reschedule.appointment == old


def test_cancel_asks_first() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    said = world.send(heard(Intent.CANCEL))
    assert said == ["Just to confirm: shall I cancel your haircut on Tuesday, December 1st at 3:30 PM with Sam?"]
    said = world.send(heard(Intent.AFFIRM))
    assert said[0] == "Your haircut on Tuesday, December 1st at 3:30 PM is cancelled."
    assert world.kinds().count("Cancel") == 1


def test_cancel_declined_keeps_it() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.CANCEL))
    said = world.send(heard(Intent.DENY))
    assert said[0] == "Okay, I'll keep it as it is."
    assert "Cancel" not in world.kinds()


def test_reschedule_without_an_appointment() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.RESCHEDULE))
    assert said == ["I don't see an upcoming appointment for this number. Would you like to book a new one?"]


def test_slot_taken_during_hold_searches_again() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    offered = [a for a in world.done if isinstance(a, act.OfferSlots)][-1].slots
    said = world.send(ev.SlotTaken(offered[0]))
    assert said[0] == "I'm sorry, that time was just taken. Let me look again."
    assert world.kinds()[-3:] == ["FindSlots", "OfferSlots", "Say"]
    assert world.policy.stage is Stage.OFFERING


def test_garbage_never_books() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(heard(Intent.INFORM, ordinal=1))
    said = world.send(heard(Intent.UNKNOWN))
    assert said[-1].startswith("Sorry, I didn't catch that. Let me read that back")
    assert "Book" not in world.kinds()


def test_nothing_happens_after_the_end() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.GOODBYE))
    assert world.send(heard(Intent.BOOK)) == []


AFTER_FOUR = StartBounds(not_before=time(16))
NEXT_MONDAY, NEXT_SUNDAY = date(2026, 11, 30), date(2026, 12, 6)


def offered(world: World) -> tuple[datetime, ...]:
    """The local starts of the slots offered last."""
    slots = [a for a in world.done if isinstance(a, act.OfferSlots)][-1].slots
    return tuple(s.window.start.astimezone(NEW_YORK) for s in slots)


def test_phrasing_bounds_and_ranges_of_days() -> None:
    assert say_bounds(AFTER_FOUR) == "after 4 PM"
    assert say_bounds(StartBounds(before=time(11))) == "before 11 AM"
    assert say_bounds(StartBounds(before=time(12))) == "before noon"
    assert say_bounds(StartBounds(not_after=time(15))) == "at 3 PM or earlier"
    assert say_bounds(StartBounds(not_before=time(14), before=time(16))) == "between 2 PM and 4 PM"
    assert say_bounds(StartBounds()) == ""
    assert say_days(NEXT_MONDAY, NEXT_SUNDAY) == "between Monday, November 30th and Sunday, December 6th"


def test_after_four_offers_only_slots_from_four() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, bounds=AFTER_FOUR))
    assert said[-1] == (
        "On Tuesday, December 1st I have 4 PM with Sam, 4:30 PM with Alex, or 5 PM with Alex. Which would you like?"
    )
    assert all(s.time() >= time(16) for s in offered(world))


def test_bounds_alone_are_enough_to_search() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", bounds=AFTER_FOUR))
    assert "FindSlots" in world.kinds()
    assert said[-1].endswith("Which would you like?")
    assert all(s.time() >= time(16) for s in offered(world))


def test_a_later_bound_narrows_the_offers_on_the_same_day() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    assert min(s.time() for s in offered(world)) < time(16)
    said = world.send(heard(Intent.INFORM, bounds=AFTER_FOUR))
    assert said[-1].startswith("On Tuesday, December 1st I have 4 PM")
    assert all(s.date() == TUESDAY and s.time() >= time(16) for s in offered(world))


def test_a_day_with_nothing_in_the_bounds_says_so_and_offers_the_nearest_days() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    # Jordan, the only masseur, does not work Tuesdays
    said = world.send(heard(Intent.BOOK, service_id="massage", day=TUESDAY, bounds=AFTER_FOUR))
    assert said[-1].startswith(
        "We don't do massage on Tuesdays, so I have nothing on Tuesday, December 1st. The nearest I have are Thursday, November 26th at 4 PM"
    )
    assert all(s.time() >= time(16) for s in offered(world))


def test_bounds_nothing_meets_ask_for_another_day_or_time() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", bounds=StartBounds(not_before=time(19))))
    assert said[-1] == "I'm sorry, I don't have anything free for a haircut after 7 PM. Would another day or time work?"
    assert world.policy.stage is Stage.GATHER


def test_a_range_of_days_offers_several_days_and_waits_for_a_choice() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=NEXT_MONDAY, last_day=NEXT_SUNDAY, at=time(10)))
    assert said[-1] == (
        "I have Monday, November 30th at 10 AM with Sam, Tuesday, December 1st at 10 AM with Sam, "
        "or Wednesday, December 2nd at 10 AM with Sam. Which would you like?"
    )
    assert "PlaceHold" not in world.kinds()  # an exact time on several days is not yet a choice
    said = world.send(heard(Intent.INFORM, day=date(2026, 12, 2), at=time(10)))
    assert said[-1].endswith("on Wednesday, December 2nd at 10 AM. Shall I book it?")


def test_a_full_range_of_days_names_the_range() -> None:
    whole = TimeWindow(datetime(2026, 11, 30, tzinfo=NEW_YORK), datetime(2026, 12, 3, tzinfo=NEW_YORK))
    world = World(StaffLoad({StaffId("sam"): [whole], StaffId("alex"): [whole]}))
    world.send(ev.CallStarted(CALLER))
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=NEXT_MONDAY, last_day=date(2026, 12, 2)))
    assert said[-1].startswith(
        "I have nothing left between Monday, November 30th and Wednesday, December 2nd. The nearest I have are "
        "Saturday, November 28th at"
    )


def test_picking_an_offered_time_within_the_range_of_days() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=NEXT_MONDAY, last_day=NEXT_SUNDAY, at=time(10)))
    said = world.send(heard(Intent.INFORM, day=NEXT_MONDAY, last_day=NEXT_SUNDAY, at=time(10)))
    assert said[-1] == "Which one would you like: the first, the second, or the third?"  # 10 AM on three days
    said = world.send(heard(Intent.INFORM, ordinal=1))
    assert said[-1].endswith("on Monday, November 30th at 10 AM. Shall I book it?")
