"""The dialogue policy: a state machine from what the caller meant (and what the backends answered) to actions.

It never does I/O and never invents a slot: it only offers slots a SlotsFound event brought, and only books
the slot it holds after an explicit yes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.actions import (
    Action,
    Cancel,
    ConfirmBySms,
    FindSlots,
    Hangup,
    OfferSlots,
    PlaceHold,
    ReleaseHold,
    Say,
    TransferReason,
    TransferToHuman,
)
from slotline.domain.dialogue.answers import Answers
from slotline.domain.dialogue.conversation_prompts import ConversationPrompts
from slotline.domain.dialogue.events import (
    BackendFailed,
    Booked,
    CallStarted,
    Cancelled,
    ConfirmationQueued,
    Event,
    Heard,
    HoldPlaced,
    NotHeard,
    NumberLookedUp,
    Rescheduled,
    ShuttingDown,
    Silence,
    SlotsFound,
    SlotTaken,
)
from slotline.domain.dialogue.expectation import (
    OPEN,
    Expectation,
    Expecting,
    offers_expected,
    services_expected,
)
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.dialogue.places import place_in
from slotline.domain.dialogue.prompts import Prompts, SingleOffer
from slotline.domain.dialogue.questions_asked import QuestionsAsked
from slotline.domain.dialogue.read_back import ReadBack
from slotline.domain.dialogue.relative import (
    appointments_meant,
    in_its_week,
    later_or_earlier_one,
    newer_preference,
)
from slotline.domain.dialogue.stages import BUSY, CANT_COME_IS_NO, CHANGES, NOT_FREE, TASKS, YES_NO, Mode, Stage
from slotline.domain.dialogue.withheld_number import WithheldNumber
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import UNBOUNDED, PartOfDay, Preference
from slotline.domain.questions import Question
from slotline.domain.reference import NO_REFERENCE, Nudge
from slotline.domain.selection import Offer
from slotline.domain.slot import Slot
from slotline.domain.understanding import HeardNumber, Intent, Interpretation

__all__ = ["DialoguePolicy", "Mode", "Stage"]  # Mode and Stage live in stages.py; imported here too


class DialoguePolicy(WithheldNumber, QuestionsAsked, ReadBack):
    """One call's conversation. Feed it events with `handle`; carry out the actions it returns, in order."""

    _mode: Mode | None
    _service: ServiceId | None
    _pref: Preference
    _target: Appointment | None
    _offers: tuple[Slot, ...]
    _hold: Hold | None
    _rejections: int
    _empty_searches: int

    def __init__(self, catalogue: Catalogue, limits: DialogueLimits | None = None) -> None:
        self._catalogue = catalogue
        self._limits = limits or DialogueLimits()
        self._say = Prompts(catalogue)
        self._talk = ConversationPrompts(catalogue)
        self._queue: list[ServiceId] = []  # more services asked for in the same request, booked one at a time
        self._last_booked: Appointment | None = None
        self._choosing: tuple[Appointment, ...] = ()  # the appointments asked about ("which one do you mean?")
        self._pending: Interpretation | None = None  # the turn that started a change, until the target is known
        self._announced = False
        self._queued_choices: tuple[ServiceId, ...] = ()
        self._started: datetime | None = None
        self._before_nudge: tuple[Preference, tuple[Slot, ...]] | None = None  # the offers before "anything later?"
        self._edge: Slot | None = None  # the offer "that's the earliest (latest) I have" was said of
        self._too_far = False  # the day asked for was past the booking horizon; the search moved to its last day
        self._single: SingleOffer | None = None  # the only offer, being held to be read back as it is offered
        self.stage = Stage.NOT_STARTED
        self.transfer_reason: TransferReason | None = None
        self._caller: PhoneNumber | None = None
        self._upcoming: list[Appointment] = []
        self._prompt = ""
        self._misunderstandings = 0
        self._silences = 0
        self._missed_this_turn = False
        self._said_number: HeardNumber | None = None  # the number being read back to a withheld caller
        self._number_misses = 0  # wrong, invalid or unclear numbers; never reset, so asking cannot go on forever
        self._before_number: Interpretation | None = None  # the turn that started a task that needs the number
        self._number_broke_in: tuple[str, Stage] | None = None  # the question a number said unasked interrupted
        self._number_unread: HeardNumber | None = None  # given with the request: read back with the booking
        self._today: date | None = None  # the day the last read-back was said on
        self._answers = Answers(catalogue)
        self._asked_which: Question | None = None  # a price or description asked without the service
        self._answered: Question | None = None  # the per-service question answered last turn, for a follow-on
        self._resume: tuple[str, Stage] = ("", Stage.INTENT)  # what the caller was doing before a hand-over offer
        self._asked_about: ServiceId | None = None  # the service of the last question: "I'll book one then"
        self._reset_task()

    # -- public -------------------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self.stage is Stage.ENDED

    @property
    def hold(self) -> Hold | None:
        return self._hold

    @property
    def expecting(self) -> Expectation:
        """What the question just asked expects as an answer (for the recogniser to listen for)."""
        stage = self.stage
        if stage is Stage.OFFERING:
            return offers_expected(Expecting.CHOICE, self._offers, self._catalogue)
        if stage is Stage.CONFIRMING and self._hold is not None:
            return offers_expected(Expecting.YES_NO, (self._hold.slot,), self._catalogue)
        if stage in YES_NO:
            return Expectation(Expecting.YES_NO)
        if stage is Stage.NUMBER:
            return Expectation(Expecting.PHONE_DIGITS)
        if stage is Stage.GATHER and self._service is None and not self._service_choices:
            return services_expected(self._catalogue)
        if stage is Stage.GATHER and self._service is not None and (not self._pref.says_when or self._day_asked()):
            return Expectation(Expecting.DAY)
        return OPEN

    def handle(self, event: Event) -> list[Action]:
        if self.ended:
            return []
        match event:
            case CallStarted():
                return self._start(event)
            case Heard(interpretation=heard):
                self._silences = 0
                self._missed_this_turn = False
                actions = self._heard(heard)
                if not self._missed_this_turn:
                    self._misunderstandings = 0
                return actions
            case Silence():
                return self._silence()
            case SlotsFound(offer=offer):
                return self._offered(offer)
            case HoldPlaced(hold=hold, today=today):
                return self._held(hold, today)
            case SlotTaken():
                self._hold = None
                self.stage = Stage.SEARCHING
                return [Say(self._say.slot_taken()), self._find()]
            case Booked(appointment=stored):
                self._last_booked = stored
                return self._written(stored, self._say.booked(stored))
            case Rescheduled(appointment=stored):
                self._upcoming = [a for a in self._upcoming if a.id != stored.id]
                return self._written(stored, self._say.rescheduled(stored))
            case Cancelled(appointment=stored):
                self._upcoming = [a for a in self._upcoming if a.id != stored.id]
                return self._written(stored, self._say.cancelled(stored), keep=False)
            case NumberLookedUp():
                return self._looked_up(event)
            case ConfirmationQueued(to=to, sent=sent):
                asked_staff = self._pref.staff_id
                self._reset_task()
                texted = Say(self._say.texted(to is not None, sent=sent))
                if (self._queue or self._queued_choices) and self._last_booked is not None:
                    return [texted, *self._next_service(self._last_booked, asked_staff)]
                return [texted, self._ask(self._say.anything_else(), Stage.ANYTHING_ELSE)]
            case BackendFailed():
                return self._transfer(TransferReason.BACKEND)
            case NotHeard():
                return self._transfer(TransferReason.NOT_HEARD)
            case ShuttingDown():
                return self._transfer(TransferReason.SHUTTING_DOWN)

    # -- state --------------------------------------------------------------------------------------

    def _reset_task(self) -> None:
        self._mode = None
        self._service = None
        self._pref = Preference()
        self._target = None
        self._offers = ()
        self._edge = None
        self._offers_heard = False  # the offers were said to the caller (not only the one read back)
        self._hold = None
        self._rejections = 0
        self._empty_searches = 0
        self._service_choices: tuple[ServiceId, ...] = ()  # "did you mean a check-up or a deep clean?"
        self._kept_staff: StaffId | None = None
        self._chosen: Slot | None = None  # a withheld caller's choice, held once their number is known
        self._day_choices: tuple[date, ...] = ()  # "Saturday, December 4th or Saturday, December 11th?"

    def _ask(self, text: str, stage: Stage) -> Say:
        self._prompt = text
        self.stage = stage
        return Say(text)

    # -- events -------------------------------------------------------------------------------------

    def _start(self, event: CallStarted) -> list[Action]:
        self._caller = event.caller
        self._started = event.now.astimezone(self._catalogue.zone) if event.now is not None else None
        self._upcoming = sorted(event.upcoming, key=lambda a: a.window.start)
        upcoming = tuple(self._upcoming)
        self._ask(self._say.intent_question(upcoming), Stage.INTENT)
        return [Say(self._say.greeting(event.customer, upcoming))]

    def _silence(self) -> list[Action]:
        if self.stage in BUSY:
            return []
        self._silences += 1
        if self._silences >= self._limits.max_silences:
            return self._transfer(TransferReason.SILENCE)
        return [Say(self._say.still_there(self._prompt))]

    def _heard(self, heard: Interpretation) -> list[Action]:
        if heard.intent is Intent.URGENT:
            return self._transfer(TransferReason.URGENT)  # before anything else the turn holds
        if heard.intent is Intent.CANT_COME and self.stage.value in CANT_COME_IS_NO:
            heard = replace(heard, intent=Intent.DENY)
        if heard.intent is Intent.HUMAN:  # "yes, put me through" to the offer made for a question: that reason
            offered = self.stage is Stage.HANDOVER_OFFER
            return self._transfer(TransferReason.NO_INFORMATION if offered else TransferReason.CALLER_ASKED)
        if heard.intent is Intent.REPEAT:
            return [Say(self._prompt)]
        if heard.intent is Intent.GOODBYE:
            return self._goodbye()
        if self.stage in BUSY:
            return []  # nothing is waiting for the caller; the runner never sends this
        answered = self._answer(heard)
        if answered is not None:
            return answered
        if heard.either and self.stage is Stage.OFFERING:
            weighed = self._either(heard)
            if weighed is not None:
                return weighed
        if self._number_unasked(heard):
            self._said_number = heard.phone  # "it's 07911 123456" while hearing the offers: read back, then on
            self._number_broke_in = (self._prompt, self.stage)
            return self._ask_number()
        if self._number_said_aside(heard):
            self._said_number = heard.phone  # "the first one, and my cell is 816 555 0142": taken with the choice
        if heard.refers.beside is not None and heard.day is None and self._nothing_to_count_from():
            heard = replace(heard, unsure=(*heard.unsure, "after"))  # "tuesday the week after", after nothing said
        if heard.unsure:
            clarified = self._unsure(heard)
            if clarified is not None:
                return clarified
        if heard.intent is Intent.UNKNOWN and not heard.has_details and heard.phone is None:
            return self._misunderstood()
        handler = {
            Stage.INTENT: self._on_intent,
            Stage.NUMBER: self._on_number,
            Stage.NUMBER_CONFIRM: self._on_number_confirm,
            Stage.GATHER: self._on_gather,
            Stage.OFFERING: self._on_offering,
            Stage.CONFIRMING: self._on_confirming,
            Stage.CANCEL_CONFIRM: self._on_cancel_confirm,
            Stage.WHICH_APPOINTMENT: self._on_which_appointment,
            Stage.MOVE_OR_CANCEL: self._on_move_or_cancel,
            Stage.ANYTHING_ELSE: self._on_anything_else,
        }[self.stage]
        return handler(heard)

    def _nothing_to_count_from(self) -> bool:
        """No day is on the table for "the Wednesday before" or "the week after" to be counted from."""
        nothing = self._hold is None and not self._offers and self._pref.day is None and self._target is None
        return nothing and not (self._upcoming and self.stage in (Stage.INTENT, Stage.MOVE_OR_CANCEL))

    # -- stages -------------------------------------------------------------------------------------

    def _on_intent(self, heard: Interpretation) -> list[Action]:
        mode = CHANGES.get(heard.intent) or TASKS.get(heard.intent)
        if mode is None and heard.has_details and heard.intent in (Intent.INFORM, Intent.UNKNOWN, Intent.AFFIRM):
            mode = Mode.BOOK  # "yes, a haircut on tuesday" answers the opening question with a booking
            if (heard.refers.instead or heard.refers.said) and self._upcoming:
                # "my check-up on Wednesday, can we make it Friday instead?", "could I come a bit later the same
                # day?": with nothing offered yet, a change relative to something is to the appointment they have
                mode = Mode.RESCHEDULE
        if mode is None and heard.intent is Intent.DENY and heard.service_id is not None:
            mode = Mode.BOOK  # "a check-up Monday at nine, oh no, make it Tuesday": a request corrected as it is said
        changed_mind = heard.intent is Intent.DENY and not heard.has_details and self._prompt == self._say.what_else()
        if mode is None and changed_mind:
            return self._goodbye()  # "anything else?" "yes" "what can I help you with?" "no, that's it"
        if mode is None:
            return self._misunderstood()
        return self._begin(mode, heard)

    def _begin(self, mode: Mode, heard: Interpretation) -> list[Action]:
        actions: list[Action] = [ReleaseHold(self._hold)] if self._hold else []
        self._reset_task()
        self._queue = []
        self._queued_choices = ()
        self._mode = mode
        if heard.phone is not None and heard.phone.number is not None:
            self._said_number = heard.phone  # "book a haircut, my number is 212 555 0123"
        if mode in (Mode.RESCHEDULE, Mode.CANCEL):
            if self._caller is None:
                self._before_number = heard  # their appointments are found by number: ask it, then start again
                return [*actions, *self._ask_number()]
            if not self._upcoming:
                self._mode = Mode.BOOK
                return [*actions, self._ask(self._say.no_upcoming(), Stage.INTENT)]
            meant = appointments_meant(self._upcoming, heard, self._catalogue.zone)
            if mode is Mode.RESCHEDULE and not meant:  # "move the one on Wednesday the 19th to Thursday the 20th"
                meant = self._on_the_day_moved_from(heard)
            meant = meant or appointments_meant(self._upcoming, heard, self._catalogue.zone, by_weekday=True)
            if mode is Mode.RESCHEDULE and not meant:  # "move the Wednesday one to Thursday": the day it is on names it
                meant = self._the_one_moved_from(heard)
            if mode is Mode.RESCHEDULE and not meant:  # "move the scan only, to Saturday": the day is the new one
                meant = appointments_meant(self._upcoming, heard.without_when(), self._catalogue.zone)
            meant = self._cannot_make(heard) or meant  # "I can't make my appointment on Wednesday"
            if len(self._upcoming) > 1 and len(meant) != 1:
                self._pending = heard  # several, and not clear which: ask, then start again with this turn
                self._choosing = meant if len(meant) > 1 else tuple(self._upcoming)
                return [*actions, self._ask(self._talk.which_appointment(self._choosing), Stage.WHICH_APPOINTMENT)]
            return [*actions, *self._change(mode, meant[0] if meant else self._upcoming[0], heard)]
        self._absorb(heard)
        if mode is Mode.BOOK and self._service is None and heard.refers_back:
            self._service = self._asked_about  # "what does acupuncture involve?" ... "ok, I'll book one then"
        return [*actions, *self._announce(), *self._advance()]

    def _change(self, mode: Mode, target: Appointment, heard: Interpretation, names_it: bool = True) -> list[Action]:
        """Move, cancel or ask which of the two, for the one appointment the caller means.

        `names_it`: this turn is the one that said which appointment ("my appointment on Wednesday"), so a single
        day in it that is the appointment's own is the old day, not a new one.
        """
        self._mode = mode
        self._target = target
        old_day = heard.day is not None and heard.last_day is None
        own_day = target.window.start.astimezone(self._catalogue.zone).date()
        either_week = False
        if names_it and old_day and heard.weekday_only and heard.day is not None and own_day in heard.other_days:
            in_week = in_its_week(heard.day, own_day)  # "can't make Wednesday, could I do Friday instead"
            instead = heard.intent is Intent.CANT_COME or heard.refers.instead
            either_week = in_week != heard.day and not instead  # "move the Tuesday scan to Saturday": which one?
            self._day_choices = tuple(sorted((heard.day, in_week))) if either_week else ()
            heard = heard.without_when() if either_week else replace(heard, day=in_week)
        if names_it and old_day and appointments_meant((target,), heard, self._catalogue.zone):
            heard = replace(heard, day=None, last_day=None)  # "my appointment on Wednesday" names the old day
            if heard.at is not None and target.window.start.astimezone(self._catalogue.zone).time() == heard.at:
                heard = replace(heard, at=None)
        if heard.intent is Intent.CANT_COME:
            says_new = heard.at is not None or heard.part_of_day is not None or not heard.bounds.unbounded
            says_new = says_new or (heard.day is not None and own_day in heard.other_days)  # "..., Tuesday?"
            if not (says_new or heard.refers.said or heard.refers.instead):
                return [self._ask(self._talk.move_or_cancel(target), Stage.MOVE_OR_CANCEL)]
            mode = Mode.RESCHEDULE  # "I can't make Tuesday, can we do Thursday at the same time?"
            self._mode = mode
        if mode is Mode.RESCHEDULE or mode is Mode.CANCEL:
            if mode is Mode.CANCEL:
                return [self._ask(self._say.confirm_cancel(target), Stage.CANCEL_CONFIRM)]
            self._service = target.service_id
            self._pref = Preference(staff_id=target.staff_id)
            self._kept_staff = target.staff_id  # the appointment's own, not asked for: another may do the time
        self._absorb(heard)
        if either_week:  # the coming Saturday or the one in the appointment's week: asked, never guessed
            return self._clarified(self._advance(), self._say.which_of_days(self._day_choices))
        return self._advance()

    def _on_the_day_moved_from(self, heard: Interpretation) -> tuple[Appointment, ...]:
        """The one appointment on a date said beside the new day, when none is on the new day: the one moved from
        (not one on the new day's weekday in another week)."""
        return () if heard.weekday_only else self._the_one_on(heard.other_days)

    def _the_one_on(self, days: tuple[date, ...]) -> tuple[Appointment, ...]:
        """The caller's one appointment on any of `days`; none when there are none or several."""
        zone = self._catalogue.zone
        on_it = tuple(a for a in self._upcoming if a.window.start.astimezone(zone).date() in days)
        return on_it if len(on_it) == 1 else ()

    def _the_one_moved_from(self, heard: Interpretation) -> tuple[Appointment, ...]:
        """The one appointment on a weekday, or at a time, said beside the new ones ("I've got two booked, move the
        Wednesday one to Thursday", "move the 11 o'clock to Saturday at 9"), when none is on the new day."""
        by_day = heard.weekday_only and bool(heard.other_days)
        # "move the half four one to the Wednesday after, same time": the time is both the one had and the new one
        times = heard.other_times or ((heard.at,) if heard.refers.same_time and heard.at is not None else ())
        if not by_day and not times:
            return ()
        zone = self._catalogue.zone

        def named(appointment: Appointment) -> bool:
            local = appointment.window.start.astimezone(zone)
            on_day = not heard.other_days or local.date() in heard.other_days
            return on_day and (not times or local.time() in times)

        on_it = tuple(a for a in self._upcoming if named(a))
        return on_it if len(on_it) == 1 else ()

    def _cannot_make(self, heard: Interpretation) -> tuple[Appointment, ...]:
        """The one appointment on a day the caller says they cannot make (said as ruled out, so not `heard.day`)."""
        return self._the_one_on(heard.other_days) if heard.intent is Intent.CANT_COME else ()

    def _on_which_appointment(self, heard: Interpretation) -> list[Action]:
        pending = self._pending
        assert pending is not None
        choosing = self._choosing
        if heard.ordinal is not None:
            index = place_in(heard.ordinal, len(choosing))
            meant: tuple[Appointment, ...] = (choosing[index],) if 0 <= index < len(choosing) else ()
        else:
            meant = (
                appointments_meant(choosing, heard, self._catalogue.zone, by_weekday=True) if heard.has_details else ()
            )
        if len(meant) != 1:
            mode = CHANGES.get(heard.intent) or TASKS.get(heard.intent)
            if mode is not None and not heard.has_details:
                return self._begin(mode, heard)
            return self._misunderstood(self._talk.which_appointment(choosing))
        self._pending, self._choosing = None, ()
        mode = CHANGES.get(pending.intent) or CHANGES.get(heard.intent) or Mode.RESCHEDULE
        return self._change(mode, meant[0], pending)

    def _on_move_or_cancel(self, heard: Interpretation) -> list[Action]:
        assert self._target is not None
        target = self._target
        if heard.intent is Intent.CANCEL:
            self._mode = Mode.CANCEL
            return [self._ask(self._say.confirm_cancel(target), Stage.CANCEL_CONFIRM)]
        if heard.intent is Intent.RESCHEDULE or (heard.has_details and heard.intent is not Intent.DENY):
            return self._change(Mode.RESCHEDULE, target, replace(heard, intent=Intent.RESCHEDULE), names_it=False)
        if heard.intent is Intent.DENY and not heard.has_details:
            self._reset_task()
            return [Say(self._say.keep_it()), self._ask(self._say.anything_else(), Stage.ANYTHING_ELSE)]
        return self._misunderstood(self._talk.move_or_cancel(target))

    def _announce(self) -> list[Action]:
        """Said once when a request names several services."""
        waiting = self._queue or self._queued_choices
        if waiting and self._service is not None and self._mode is Mode.BOOK and not self._announced:
            self._announced = True
            return [Say(self._talk.one_at_a_time(self._service, self._queue, self._queued_choices))]
        return []

    def _absorb(self, heard: Interpretation) -> None:
        if self._mode is not Mode.RESCHEDULE and self._service is None and heard.service_id is None:
            listed = self._prompt == self._say.ask_service()  # "we offer a, b or c": "the first one" is a
            choices = self._service_choices or (tuple(s.id for s in self._catalogue.services) if listed else ())
            if heard.ordinal is not None and choices:
                index = place_in(heard.ordinal, len(choices))
                if 0 <= index < len(choices):
                    heard = replace(heard, service_id=choices[index], ordinal=None)
            elif heard.service_choices:
                self._service_choices = heard.service_choices
        elif self._mode is Mode.BOOK and heard.service_id is None and _another_service(heard, self._service):
            self._service, self._service_choices = None, heard.service_choices  # "put it as medium, she got big"
        if heard.service_id is not None and self._mode is not Mode.RESCHEDULE:
            self._service = heard.service_id
            if self._last_booked is not None:  # the next of several services: the person asked for if they do it
                self._keep_staff_who_does(heard.service_id)
            if (heard.more_services or heard.service_choices) and self._mode is Mode.BOOK:
                self._queue = [s for s in heard.more_services if s != heard.service_id]
                self._queued_choices = heard.service_choices  # "and a cut": which cut is asked after the first
                self._announced = False
        zone = self._catalogue.zone
        on_table = [self._hold.slot] if self._hold is not None else list(self._offers)
        target = self._target.window.start.astimezone(zone) if self._target is not None else None
        table = [s.window.start.astimezone(zone) for s in on_table]
        nudged = heard.refers.nudge in (Nudge.LATER, Nudge.EARLIER)
        self._before_nudge = (self._pref, self._offers) if nudged and self._offers else None
        self._pref = self._pref.merged(newer_preference(heard, self._pref, table=table, target=target))

    def _advance(self) -> list[Action]:
        if self._caller is None and self._mode is not Mode.BOOK:
            return self._ask_number()  # a booking's number is asked once the slot is chosen
        if self._service is None and self._mode is Mode.BOOK:
            self._service = self._only_service_of(self._pref.staff_id)  # "with the hygienist": what she does
        if self._service is None:
            if self._service_choices:
                return [self._ask(self._talk.which_service(self._service_choices), Stage.GATHER)]
            return [self._ask(self._say.ask_service(), Stage.GATHER)]
        if not self._pref.says_when:
            return [self._ask(self._say.ask_day(self._mode is Mode.RESCHEDULE), Stage.GATHER)]
        self.stage = Stage.SEARCHING
        return [self._find()]

    def _only_service_of(self, staff: StaffId | None) -> ServiceId | None:
        """The one service a staff member performs, when they perform only one ("the hygienist" does cleanings)."""
        theirs = [s.id for s in self._catalogue.services if staff is not None and staff in s.staff]
        return theirs[0] if len(theirs) == 1 else None

    # -- the task -----------------------------------------------------------------------------------

    def _find(self) -> FindSlots:
        assert self._service is not None
        moving = self._target if self._mode is Mode.RESCHEDULE else None
        return FindSlots(self._service, self._pref, moving)

    def _on_gather(self, heard: Interpretation) -> list[Action]:
        mode = TASKS.get(heard.intent)
        if mode is not None and mode is not self._mode:
            return self._begin(mode, heard)
        in_doubt = self._day_in_doubt()
        heard = self._day_chosen(heard)
        if heard.ordinal is not None and self._day_asked_with_nothing_listed():  # "the third one" at "which day?"
            heard = replace(heard, ordinal=None)
        if not heard.has_details:
            return self._misunderstood()
        self._day_choices = ()
        if in_doubt and _said_without_a_day(heard):
            # "which day and time did you mean?" "five o'clock's good": the time is kept, the day asked (the day
            # said before was in doubt; the earliest day with that time would be a guess)
            asked_before = self._prompt == self._say.which_day_for_the_time()
            self._absorb(heard)
            if asked_before:
                return self._misunderstood(self._say.which_day_for_the_time())
            return [self._ask(self._say.which_day_for_the_time(), Stage.GATHER)]
        self._absorb(heard)
        return [*self._announce(), *self._advance()]

    def _day_chosen(self, heard: Interpretation) -> Interpretation:
        """ "the first one" (or "the last one") answering "Saturday, December 4th or Saturday, December 11th?"."""
        if not self._day_choices or heard.day is not None or heard.ordinal is None:
            return heard
        index = place_in(heard.ordinal, len(self._day_choices))
        if not 0 <= index < len(self._day_choices):
            return heard
        return replace(heard, day=self._day_choices[index], ordinal=None, weekday_only=False)

    def _day_asked_with_nothing_listed(self) -> bool:
        """The service is known and no offers or choices were read out: an ordinal has nothing to choose from."""
        return self._service is not None and not (self._offers or self._service_choices)

    def _day_asked(self) -> bool:
        """The question just asked was for the day alone ("and which day would that be?")."""
        return self._prompt == self._say.which_day_for_the_time() or self._day_in_doubt()

    def _day_in_doubt(self) -> bool:
        """The last question asked the day again because the day said was in doubt."""
        asked = (self._say.which_when(day=True, time=True), self._say.which_when(day=True, time=False))
        asked = (*asked, *((self._say.which_of_days(self._day_choices),) if self._day_choices else ()))
        return self._prompt in (*asked, self._say.which_day_for_the_time()) and self._pref.day is None

    def _next_service(self, booked: Appointment, asked_staff: StaffId | None) -> list[Action]:
        """The next service of a request for several, right after the one just booked where it can be."""
        end = booked.window.end.astimezone(self._catalogue.zone)
        self._mode = Mode.BOOK
        # Around the end of the first, not at it exactly (the caller did not name that time), and with the person
        # asked for when they do the next service too ("a cut and colour with Tasha").
        self._pref = Preference(day=end.date(), at=end.time(), approximate=True, staff_id=asked_staff)
        if not self._queue:  # the other service was said in a word several services share: ask which
            self._service_choices, self._queued_choices = self._queued_choices, ()
            return self._advance()
        service = self._queue.pop(0)
        self._service = service
        self._keep_staff_who_does(service)
        return [Say(self._talk.next_service(service)), *self._advance()]

    def _keep_staff_who_does(self, service: ServiceId) -> None:
        staff = self._pref.staff_id
        if staff is not None and staff not in self._catalogue.service(service).staff:
            self._pref = replace(self._pref, staff_id=None)

    def _offered(self, offer: Offer) -> list[Action]:
        assert self._service is not None
        self._single = None
        if offer.empty and self._past_horizon():  # "we only book 60 days ahead", then the nearest real offer
            last = (
                self._started.date() + timedelta(days=self._catalogue.policy.max_days_ahead) if self._started else None
            )
            self._pref = replace(self._pref, day=last, last_day=None)
            self._too_far = True
            return [self._find()]
        elsewhere = self._pref.day is not None and not offer.on_preferred_day
        if self._before_nudge is not None and (offer.empty or elsewhere):
            # nothing later or earlier that day: the offers stay (other days were not asked about)
            earlier = self._pref.bounds.before is not None
            self._pref, self._offers = self._before_nudge
            self._before_nudge = None
            self._edge = min(self._offers) if earlier else max(self._offers)
            return [self._ask(self._talk.nothing_beyond(earlier, len(self._offers)), Stage.OFFERING)]
        if offer.empty:
            self._empty_searches += 1
            if self._empty_searches >= self._limits.max_empty_searches:
                return self._transfer(TransferReason.NOTHING_SUITABLE)
            text = self._say.nothing_free(self._service, self._pref)
            pref = self._pref  # a time of day that was not free: another time is most likely on the same day
            timed = pref.at is not None or pref.part_of_day is not None or not pref.bounds.unbounded
            kept = Preference(day=pref.day, last_day=pref.last_day) if timed else Preference()
            self._pref = replace(kept, staff_id=pref.staff_id)
            return [self._ask(text, Stage.GATHER)]
        if self._mode is Mode.RESCHEDULE and self._target is not None:
            offer = self._without_its_own_time(offer, self._target)
            pref = self._pref
            exact = pref.at is not None and not pref.approximate and pref.day is not None
            if exact and not offer.exact_time and self._kept_staff is not None and pref.staff_id == self._kept_staff:
                self._kept_staff = None  # the time asked for, with anyone who does it (the read-back names them)
                self._pref = replace(pref, staff_id=None)
                return [self._find()]
            if offer.empty:
                return self._offered(offer)
        if self._pref.latest:  # "what's the latest you have?" has one answer
            latest = max(offer.slots)
            if latest in self._offers and self._offers_heard:  # "I'll take the latest one" of those offered
                return [OfferSlots((latest,)), *self._choose(latest)]
            offer = replace(offer, slots=(latest,), exact_time=False)
        elif self._pref.earliest and self._pref.day is not None:  # so has "the earliest you can do tomorrow"
            offer = replace(offer, slots=(min(offer.slots),), exact_time=False)
        self._offers, self._edge = offer.slots, None
        if offer.exact_time or self._the_one_asked_for() is not None:  # "around three" and 3 PM is free: read it back
            self._offers_heard = False
            return [OfferSlots(offer.slots[:1]), *self._choose(offer.slots[0])]
        self._offers_heard = True
        reason = self._why_not(offer)
        if len(offer.slots) == 1 and self._caller is not None:  # held and read back as it is offered: one yes books
            elsewhere = not offer.on_preferred_day and self._pref.day is not None
            self._single = SingleOffer(reason or self._say.offer_lead(offer, self._pref), elsewhere)
            return [OfferSlots(offer.slots), *self._choose(offer.slots[0])]
        text = self._say.offer(offer, self._pref)
        if reason:  # the reason instead of "I have nothing left" or "That exact time isn't free"
            nearest = text.find("The nearest I have")
            text = f"{reason} {text[nearest:] if nearest >= 0 else text.removeprefix(NOT_FREE)}"
        return [OfferSlots(offer.slots), self._ask(text, Stage.OFFERING)]

    @staticmethod
    def _without_its_own_time(offer: Offer, target: Appointment) -> Offer:
        """A move to the time the appointment already has is no move: that slot is never offered."""
        slots = tuple(s for s in offer.slots if s.window.start != target.window.start)
        if slots == offer.slots:
            return offer
        exact = offer.exact_time and slots[:1] == offer.slots[:1]  # the time asked for is still there
        return replace(offer, slots=slots, exact_time=exact)

    def _past_horizon(self) -> bool:
        day, started = self._pref.day, self._started
        if day is None or started is None:
            return False
        return day > started.date() + timedelta(days=self._catalogue.policy.max_days_ahead)

    def _why_not(self, offer: Offer) -> str | None:
        """Why what was asked for is not offered: closed, a holiday, no one for the service, past the booking
        horizon, or inside the minimum notice."""
        pref, started, policy = self._pref, self._started, self._catalogue.policy
        target = self._target if self._mode is Mode.RESCHEDULE else None
        if target is not None and pref.at is not None:
            own = target.window.start.astimezone(self._catalogue.zone)
            if (pref.day, pref.at) == (own.date(), own.time()):
                return self._talk.already_then(target.service_id)
        if self._too_far:
            self._too_far = False
            return self._talk.too_far(policy.max_days_ahead)
        if self._service is None or pref.day is None or pref.last_day is not None:
            return None
        if started is not None and pref.at is not None and pref.day == started.date():
            wanted = datetime.combine(pref.day, pref.at, started.tzinfo)
            if wanted < started + policy.min_notice and not offer.exact_time:
                return self._talk.too_soon(policy.min_notice)
        if pref.at is not None and not offer.exact_time:  # "like 2 on Christmas Eve": open only till one
            short = self._talk.short_day(pref.day, pref.at)
            if short is not None:
                return short
        if offer.on_preferred_day:
            return None
        if started is not None and pref.day > started.date() + timedelta(days=policy.max_days_ahead):
            return self._talk.too_far(policy.max_days_ahead)
        return self._talk.closed(self._service, pref.day)

    def _on_offering(self, heard: Interpretation) -> list[Action]:
        if heard.intent is Intent.RESCHEDULE and self._mode is Mode.BOOK and heard.has_details and not self._upcoming:
            heard = replace(heard, intent=Intent.INFORM)  # "can you prepone it to 3 pm?": nothing else to move
        mode = TASKS.get(heard.intent)
        if mode is not None and mode is not self._mode and not heard.ordinal:
            return self._begin(mode, heard)
        if heard.latest and self._pref.latest and self._offers and not replace(heard, latest=False).has_details:
            return self._choose(self._offers[-1])  # "go on then, the latest" of the latest already offered
        if self._edge_of_the_emptied_day(heard):  # "nothing after five on Wednesday?" ... "och well, the latest then"
            self._pref = replace(self._pref, at=None, part_of_day=None, approximate=False, bounds=UNBOUNDED)
            self._pref = replace(self._pref, latest=heard.latest, earliest=heard.earliest)
            return [self._find()]
        picked = self._pick(heard)
        if isinstance(picked, Slot):
            return self._choose(picked)
        if picked:
            return picked
        if heard.intent is Intent.AFFIRM and not heard.has_details:
            if len(self._offers) == 1:
                return self._choose(self._offers[0])
            asked = self._the_one_asked_for()
            if asked is not None:  # "around three?" ... "3 PM, 2 PM or 4 PM" ... "yeah that works": the 3 PM
                return self._choose(asked)
            if self._edge is not None and self._edge in self._offers:  # "that's the earliest I have" ... "that'll do"
                return self._choose(self._edge)
            earliest = self._the_earliest_asked_for()
            if earliest is not None:  # "the earliest you have" ... "9, 10 or 11 AM" ... "yes, that one": the 9
                return self._choose(earliest)
            return [self._ask(self._say.which_one(len(self._offers)), Stage.OFFERING)]
        if heard.intent is Intent.DENY and not heard.has_details:
            return self._rejected(others_left=False)
        if heard.intent is Intent.DENY and self._rules_out_the_offered_day(heard):
            return self._rejected(others_left=False)  # "I can't make it on Tuesday" of Tuesday's offers
        if heard.has_details:
            self._absorb(heard)
            return self._advance()
        return self._misunderstood()

    def _edge_of_the_emptied_day(self, heard: Interpretation) -> bool:
        """ "The latest" (or "the earliest") alone, of offers on other days because the time asked for left nothing
        on the day asked for: the edge of that day is meant, not of the nearest days."""
        pref, zone = self._pref, self._catalogue.zone
        if replace(heard, latest=False, earliest=False).has_details or pref.day is None or pref.last_day is not None:
            return False
        bounds = pref.bounds
        late, early = bounds.not_before is not None, bounds.before is not None or bounds.not_after is not None
        late = late or pref.part_of_day in (PartOfDay.AFTERNOON, PartOfDay.EVENING)
        early = early or pref.part_of_day is PartOfDay.MORNING
        # the edge the caller was reaching for ("nothing after five": the latest; "nothing before nine": the earliest)
        if not ((heard.latest and late) or (heard.earliest and early)) or not self._offers:
            return False
        return all(s.window.start.astimezone(zone).date() != pref.day for s in self._offers)

    def _either(self, heard: Interpretation) -> list[Action] | None:
        """Offers named as alternatives ("the first one or the third one", or a recogniser unsure which it heard):
        the one meant is asked for by its time, never picked; one offer named both ways is taken (the read-back
        says its time). None when they name no offer."""
        named: list[Slot] = []
        for one in heard.either:
            picked = self._pick(Interpretation(Intent.INFORM, ordinal=one.ordinal, at=one.at))
            if isinstance(picked, Slot) and picked not in named:
                named.append(picked)
        if not named:
            return None
        if len(named) == 1:
            return self._choose(named[0])
        self._offers = tuple(s for s in self._offers if s in named)  # the order they were offered in
        return [self._ask(self._say.which_of(self._offers), Stage.OFFERING)]

    def _the_one_asked_for(self) -> Slot | None:
        """The first offer, when it is the only one at the very day and time the caller asked for (offers lead with
        it): a plain yes takes it, as a receptionist would hear it."""
        pref, zone = self._pref, self._catalogue.zone
        if pref.at is None or pref.day is None or pref.last_day is not None or not self._offers:
            return None
        starts = [s.window.start.astimezone(zone) for s in self._offers]
        matching = [i for i, local in enumerate(starts) if (local.date(), local.time()) == (pref.day, pref.at)]
        return self._offers[0] if matching == [0] else None

    def _the_earliest_asked_for(self) -> Slot | None:
        """The earliest offer, when the caller asked for the earliest and no time: a plain yes to the list takes the
        one they asked for (a list, because "the earliest" offers the earliest day's first few)."""
        if not self._pref.earliest or self._pref.at is not None or not self._offers:
            return None
        return min(self._offers, key=lambda s: s.window.start)

    def _rules_out_the_offered_day(self, heard: Interpretation) -> bool:
        """A no that names only the day every offer is on: that day is refused, not asked for."""
        only_day = replace(heard, day=None, last_day=None, intent=Intent.UNKNOWN)
        if heard.day is None or heard.last_day is not None or only_day.has_details:
            return False
        days = {s.window.start.astimezone(self._catalogue.zone).date() for s in self._offers}
        return days == {heard.day}

    def _pick(self, heard: Interpretation) -> Slot | list[Action] | None:
        """The offered slot the caller chose, a reply when the choice was out of range, or None."""
        offers = self._offers
        zone = self._catalogue.zone
        if heard.service_id is not None and heard.service_id != self._service:
            return None  # "it's the cleaning I need, not the check-up": no check-up on the table is chosen
        if heard.service_id is None and _another_service(heard, self._service):
            return None  # "put it down as medium, she got big": another service (which one is asked)
        if heard.refers.nudge in (Nudge.LATER_ONE, Nudge.EARLIER_ONE):
            one = later_or_earlier_one(heard.refers.nudge, offers)
            return one if one is not None else [self._ask(self._say.which_one(len(offers)), Stage.OFFERING)]
        if heard.ordinal is not None:
            if not self._offers_heard:  # "the third one" when only one time was read back: a mishearing, not a choice
                return self._misunderstood()
            index = place_in(heard.ordinal, len(offers))
            if 0 <= index < len(offers):
                return offers[index]
            before = self._before_nudge[1] if self._before_nudge is not None and len(offers) == 1 else ()
            index = place_in(heard.ordinal, len(before))
            if 0 <= index < len(before):  # "anything later?" ... one later time ... "the second one": of the list
                return before[index]
            return [self._ask(self._say.only_n(len(offers)), Stage.OFFERING)]
        if heard.earliest and heard.day is None and heard.at is None:
            first = min(offers)
            part = heard.part_of_day  # "anything first thing in the morning?" of afternoon offers: looked for
            if part is not None and self._pref.at is not None:
                return None  # offers near "around three?": "first thing that morning then" is its first start
            return first if part is None or part.includes(first.window.start.astimezone(zone).time()) else None
        if heard.at is not None:
            wanted = heard.preference
            matches = [
                s
                for s in offers
                if s.window.start.astimezone(zone).time() == heard.at
                and wanted.wants_day(s.window.start.astimezone(zone).date())
                and (heard.staff_id is None or s.staff_id == heard.staff_id)
            ]
            if len({s.window.start.date() for s in matches}) > 1:  # the same time on two days: not a choice
                return [self._ask(self._say.which_one(len(offers)), Stage.OFFERING)]
            return matches[0] if matches else None
        if heard.staff_id is not None and heard.day is None and heard.part_of_day is None and heard.bounds.unbounded:
            mine = [s for s in offers if s.staff_id == heard.staff_id]
            return mine[0] if len(mine) == 1 else None
        return None

    def _choose(self, slot: Slot) -> list[Action]:
        if self._caller is None:
            self._chosen = slot  # held and read back once the number it is booked under is known
            said = self._said_number
            if said is None or said.number is None or self._mode is not Mode.BOOK:
                return self._ask_number()
            return self._take_number(said)  # "my cell is 720 338 4066, I'd like ...": read back with the booking
        self.stage = Stage.HOLDING
        return [PlaceHold(slot, self._target if self._mode is Mode.RESCHEDULE else None)]

    def _held(self, hold: Hold, today: date | None) -> list[Action]:
        self._hold = hold
        self._today = today
        moving = self._target if self._mode is Mode.RESCHEDULE else None
        texted = self._number_unread.groups if self._number_unread is not None and moving is None else ()
        single, self._single = self._single, None
        return [self._ask(self._say.readback(hold.slot, moving, today, texted, single), Stage.CONFIRMING)]

    def _rejected(self, others_left: bool) -> list[Action]:
        self._rejections += 1
        if self._rejections >= self._limits.max_rejected_offers:
            return self._transfer(TransferReason.NOTHING_SUITABLE)
        if others_left:
            return [self._ask(self._say.other_time(True), Stage.OFFERING)]
        self._pref = Preference(staff_id=self._pref.staff_id)
        return [self._ask(self._say.other_time(False), Stage.GATHER)]

    def _on_cancel_confirm(self, heard: Interpretation) -> list[Action]:
        assert self._target is not None
        own_day = self._target.window.start.astimezone(self._catalogue.zone).date()
        service = heard.service_id in (None, self._target.service_id)
        day = heard.day in (None, own_day) and heard.last_day is None
        of_it = service and day and not replace(heard, service_id=None, day=None).has_details
        if heard.intent in (Intent.AFFIRM, Intent.CANCEL) and (not heard.has_details or of_it):
            # "yes, cancel it please", "yes, just the facial", "ji, Monday" answer "shall I cancel?"
            self.stage = Stage.COMMITTING
            return [Cancel(self._target)]
        if heard.intent is Intent.DENY:
            self._reset_task()
            return [Say(self._say.keep_it()), self._ask(self._say.anything_else(), Stage.ANYTHING_ELSE)]
        mode = TASKS.get(heard.intent)
        if mode is not None and mode is not Mode.CANCEL:
            return self._begin(mode, heard)
        if heard.has_details and heard.intent is not Intent.CANCEL:  # "could we move it to Friday instead?"
            return self._change(Mode.RESCHEDULE, self._target, replace(heard, intent=Intent.RESCHEDULE), False)
        return self._misunderstood(self._say.confirm_yes_no(self._prompt))

    def _on_anything_else(self, heard: Interpretation) -> list[Action]:
        if heard.intent is Intent.DENY and not heard.has_details:
            return self._goodbye()
        if heard.intent is Intent.AFFIRM and not heard.has_details:
            return [self._ask(self._say.what_else(), Stage.INTENT)]
        return self._on_intent(heard)

    def _written(self, stored: Appointment, text: str, keep: bool = True) -> list[Action]:
        self._hold = None
        if keep:
            self._upcoming = sorted([*self._upcoming, stored], key=lambda a: a.window.start)
        self.stage = Stage.SENDING
        return [Say(text), ConfirmBySms(stored)]

    # -- a turn with words that were not understood (issue 13: never guess silently) ---------------

    def _unsure(self, heard: Interpretation) -> list[Action] | None:
        """Nothing is offered, held, booked or cancelled on a day or time the caller may not have meant: what was
        understood for sure is kept (the task, the service, the person), the day and time are asked again."""
        if self.stage is Stage.CANCEL_CONFIRM:
            return self._misunderstood(self._say.confirm_yes_no(self._prompt))
        timed = heard.at is not None or not heard.bounds.unbounded
        dated = heard.day is not None or "day" in heard.unsure
        question = self._say.which_when(day=dated or not timed, time=timed)
        choices = heard.day_choices if "day" in heard.unsure and len(heard.day_choices) == 2 else ()
        if choices:  # "this or next Friday at three": "Friday, November 27th or Friday, December 4th?"
            question = self._say.which_of_days(choices)
        sure = heard.without_when()
        if self.stage in (Stage.INTENT, Stage.ANYTHING_ELSE):
            mode = CHANGES.get(heard.intent) or TASKS.get(heard.intent)  # "i can't make it", unsure: asked too
            # "righto, can I book one with Priya for <a day not understood> morning then?": a yes that books
            booking = heard.intent is Intent.AFFIRM and (sure.has_details or sure.refers_back)
            booking = booking and heard.day is None and "day" in heard.unsure  # the day itself was lost
            mode = mode or (Mode.BOOK if heard.intent is Intent.INFORM or booking else None)
            if mode is None:
                return None
            keep_day = heard.day is not None and "day" not in heard.unsure and _only_numbers(heard.unsure)
            if keep_day:  # "Thursday after work, around 5 or 6?": the time is asked, the day stays for the answer
                question = self._say.which_when(day=False, time=True)
            begun = self._begin(mode, sure)
            self._day_choices = choices
            asked = self._clarified(begun, question)
            if keep_day and self._prompt == question:  # the question was asked (not an offer or a read-back)
                self._pref = replace(self._pref, day=heard.day, last_day=heard.last_day)
            self._keep_the_time_for_the_day(heard, question)
            return asked
        if self.stage in (Stage.GATHER, Stage.OFFERING, Stage.CONFIRMING):
            actions: list[Action] = [ReleaseHold(self._hold)] if self._hold else []
            self._hold = None
            kept = self._pref
            self._pref = Preference(staff_id=kept.staff_id)  # the day and time are being changed: ask them
            if not dated and kept.day is not None and _only_of_time(heard.unsure):  # "later, like 11?": the day stays
                self._pref = Preference(day=kept.day, last_day=kept.last_day, staff_id=kept.staff_id)
                question = self._say.which_when(day=False, time=True)
            self._absorb(sure)
            self._day_choices = choices
            asked = self._clarified([*actions, *self._advance()], question)
            self._keep_the_time_for_the_day(heard, question)
            return asked
        if self.stage is Stage.NUMBER:
            return self._on_number(sure)
        return None

    def _keep_the_time_for_the_day(self, heard: Interpretation, question: str) -> None:
        """The time said with a day asked as one of two ("this or next Friday at three"): kept for the day chosen."""
        if self._day_choices and self._prompt == question:
            when = heard.preference
            self._pref = replace(
                self._pref, at=when.at, approximate=when.approximate, part_of_day=when.part_of_day, bounds=when.bounds
            )
        elif self._prompt != question:
            self._day_choices = ()

    def _clarified(self, actions: list[Action], question: str) -> list[Action]:
        """`actions`, with the plain "what day?" replaced by the clarifying question when that is what comes next."""
        asking_day = self.stage is Stage.GATHER and self._service is not None and not self._pref.says_when
        if not asking_day or not actions or not isinstance(actions[-1], Say):
            return actions
        return [*actions[:-1], self._ask(question, Stage.GATHER)]

    # -- endings ------------------------------------------------------------------------------------

    def _misunderstood(self, reprompt: str | None = None) -> list[Action]:
        if self.stage in (Stage.NUMBER, Stage.NUMBER_CONFIRM):
            return self._number_missed(self._say.sorry_again(reprompt or self._prompt), self.stage)
        self._missed_this_turn = True
        self._misunderstandings += 1
        if self._misunderstandings >= self._limits.max_misunderstandings:
            return self._transfer(TransferReason.MISUNDERSTANDINGS)
        return [Say(self._say.sorry_again(reprompt or self._prompt))]

    def _transfer(self, reason: TransferReason) -> list[Action]:
        actions: list[Action] = [ReleaseHold(self._hold)] if self._hold else []
        self._hold = None
        self.transfer_reason = reason
        self.stage = Stage.ENDED
        return [*actions, Say(self._say.transfer(reason)), TransferToHuman(reason)]

    def _goodbye(self) -> list[Action]:
        actions: list[Action] = [ReleaseHold(self._hold)] if self._hold else []
        self._hold = None
        self.stage = Stage.ENDED
        return [*actions, Say(self._say.goodbye()), Hangup()]


_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
)


def _another_service(heard: Interpretation, service: ServiceId | None) -> bool:
    """Services named as choices, none of them the one on the table: which one is asked."""
    return bool(heard.service_choices) and service not in heard.service_choices


def _said_without_a_day(heard: Interpretation) -> bool:
    """A clock time, a part of the day, a bound, "same time" or a person, and nothing that says which day ("how
    about ten-thirty?", "Linh's fine, same time")."""
    same_time_only = replace(heard.refers, same_time=False) == NO_REFERENCE
    timed = heard.at is not None or heard.part_of_day is not None or not heard.bounds.unbounded
    timed = timed or heard.refers.same_time or heard.staff_id is not None
    dated = heard.day is not None or heard.earliest or (heard.refers.said and not same_time_only)
    return timed and not (dated or heard.ordinal is not None or heard.unsure)


def _only_of_time(unsure: tuple[str, ...]) -> bool:
    """Every word left unsure is a number or says which side of a time ("after office, like 8 or 9"): a time or a
    date, but no word that moves the day ("a week after")."""
    return bool(unsure) and all(w.isdigit() or w in _NUMBER_WORDS or w in _SIDES_OF_A_TIME for w in unsure)


def _only_numbers(unsure: tuple[str, ...]) -> bool:
    """Every word left unsure is a number ("Thursday, around 5 or 6?"): of the time, never of the day said."""
    return bool(unsure) and all(w.isdigit() or w in _NUMBER_WORDS for w in unsure)


_SIDES_OF_A_TIME = frozenset(("after", "before", "later", "earlier", "until", "till"))
