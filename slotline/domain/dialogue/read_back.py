"""The read-back: "yes" books (or moves) what is held; "no" releases it; a change keeps what it does not change
("make it eleven" stays on the held day) and reads back again; a change of which only "same time" was understood asks
what to change, never the same read-back again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.actions import Action, Book, ReleaseHold, Reschedule, Say
from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.dialogue.stages import TASKS, Mode, Stage
from slotline.domain.phone import PhoneNumber
from slotline.domain.reference import Nudge
from slotline.domain.slot import Slot
from slotline.domain.understanding import HeardNumber, Intent, Interpretation

__all__ = ["ReadBack"]


class ReadBack:
    """The dialogue policy's turns at a read-back (mixed into DialoguePolicy, whose state it shares)."""

    stage: Stage
    _catalogue: Catalogue
    _say: Prompts
    _prompt: str
    _mode: Mode | None
    _caller: PhoneNumber | None
    _hold: Hold | None
    _target: Appointment | None
    _offers: tuple[Slot, ...]
    _offers_heard: bool
    _number_unread: HeardNumber | None

    if TYPE_CHECKING:

        def _ask(self, text: str, stage: Stage) -> Say: ...
        def _misunderstood(self, reprompt: str | None = None) -> list[Action]: ...
        def _rejected(self, others_left: bool) -> list[Action]: ...
        def _reset_task(self) -> None: ...
        def _take_number(self, said: HeardNumber) -> list[Action]: ...
        def _on_offering(self, heard: Interpretation) -> list[Action]: ...

    def _on_confirming(self, heard: Interpretation) -> list[Action]:
        assert self._hold is not None
        number = heard.phone.number if heard.phone is not None else None
        if self._number_unread is not None and number is not None and number != self._caller:
            assert heard.phone is not None
            return self._take_number(heard.phone)  # "no, it's 720 338 4067": the booking read back with it
        if heard.intent is Intent.AFFIRM and (not heard.has_details or self._says_what_is_held(heard)):
            self._number_unread = None  # "yes", "yes, 10 o'clock good"
            self.stage = Stage.COMMITTING
            if self._mode is Mode.RESCHEDULE and self._target is not None:
                return [Reschedule(self._target, self._hold)]
            return [Book(self._hold)]
        hold = self._hold
        if heard.intent is Intent.DENY and not heard.has_details:
            self._hold = None
            self._offers = tuple(s for s in self._offers if s != hold.slot)
            return [ReleaseHold(hold), *self._rejected(others_left=bool(self._offers) and self._offers_heard)]
        if heard.intent is Intent.CANCEL and not heard.has_details and self._mode is Mode.BOOK:
            self._hold = None  # "cancel that" at a new booking's read-back: it is not booked, nothing else is touched
            self._reset_task()
            said = Say(self._say.not_booked())
            return [ReleaseHold(hold), said, self._ask(self._say.anything_else(), Stage.ANYTHING_ELSE)]
        if heard.ordinal is not None and not self._offers_heard:  # no list was said: "the third one" of what?
            return self._misunderstood(self._say.confirm_yes_no(self._prompt))
        if _keeps_only(heard) and heard.intent is not Intent.AFFIRM:
            # "change to the long one, same time": the change itself was not understood; reading the same booking
            # back again would ask the caller to confirm what they just changed
            self._hold, self._offers = None, ()
            self._prompt, self.stage = self._say.what_to_change(), Stage.GATHER
            return [ReleaseHold(hold), *self._misunderstood()]
        if heard.has_details or TASKS.get(heard.intent) is not None:
            self._hold = None
            self.stage = Stage.OFFERING
            heard = self._kept_from(hold, heard)
            return [ReleaseHold(hold), *self._on_offering(heard)]
        return self._misunderstood(self._say.confirm_yes_no(self._prompt))

    def _says_what_is_held(self, heard: Interpretation) -> bool:
        """Every detail of `heard` is the held slot's own ("yes, 10 o'clock good", "yes, Tuesday with Sam")."""
        assert self._hold is not None
        slot = self._hold.slot
        local = slot.window.start.astimezone(self._catalogue.zone)
        plain = heard.ordinal is None and heard.part_of_day is None and heard.bounds.unbounded and not heard.unsure
        plain = plain and not heard.refers.said and not heard.earliest and not heard.latest and not heard.more_services
        return (
            plain
            and heard.at in (None, local.time())
            and heard.day in (None, local.date())
            and heard.last_day is None
            and heard.staff_id in (None, slot.staff_id)
            and heard.service_id in (None, slot.service_id)
        )

    def _kept_from(self, hold: Hold, heard: Interpretation) -> Interpretation:
        """A change at the read-back keeps what it does not change: "make it eleven" stays on the held day,
        "with Sam instead" at the held time."""
        refers = heard.refers
        if heard.ordinal is not None or refers.nudge in (Nudge.LATER_ONE, Nudge.EARLIER_ONE) or refers.weeks:
            return heard
        other_staff = heard.staff_id is not None and heard.staff_id != hold.slot.staff_id
        if other_staff and refers.nudge is None and not refers.shift_minutes and refers.minutes_past is None:
            # "with Tash, not Priya, same time": the held day and time with the other person
            refers = replace(refers, same_time=False, same_day=False)
            heard = replace(heard, refers=refers)
        if (
            refers.nudge is not None
            or refers.same_day
            or refers.same_time
            or refers.minutes_past is not None
            or refers.shift_minutes
            or refers.beside is not None
        ):
            self._offers = (hold.slot,)  # "a bit later", "same day", "the day after": relative to the slot read back
            return heard
        local = hold.slot.window.start.astimezone(self._catalogue.zone)
        if heard.day is None and not heard.earliest:
            heard = replace(heard, day=local.date(), last_day=None)
            says_time = heard.at is not None or heard.part_of_day is not None or not heard.bounds.unbounded
            if not says_time and not heard.latest:
                heard = replace(heard, at=local.time(), approximate=False)
        return heard


def _keeps_only(heard: Interpretation) -> bool:
    """ "..., same time", "same day though": what stays the same is all that was understood of a change."""
    refers = heard.refers
    if not (refers.same_time or refers.same_day) or heard.unsure:
        return False
    changed = replace(heard, refers=replace(refers, same_time=False, same_day=False))
    return not changed.has_details
