"""A caller whose number is withheld (issue 13): the number asked for once a slot is chosen, read back digit by
digit, looked up, and the call taken back to where it was; a number said unasked is read back too."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from slotline.domain.appointment import Appointment, Hold
from slotline.domain.dialogue.actions import Action, LookUpNumber, Say, TransferReason
from slotline.domain.dialogue.events import NumberLookedUp
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.dialogue.stages import TASKS, Mode, Stage
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.understanding import HeardNumber, Intent, Interpretation

__all__ = ["WithheldNumber"]


class WithheldNumber:
    """The dialogue policy's turns about a withheld caller's number (mixed into DialoguePolicy, whose state it
    shares)."""

    stage: Stage
    _caller: PhoneNumber | None
    _said_number: HeardNumber | None
    _number_misses: int
    _number_broke_in: tuple[str, Stage] | None
    _number_unread: HeardNumber | None
    _before_number: Interpretation | None
    _chosen: Slot | None
    _upcoming: list[Appointment]
    _hold: Hold | None
    _today: date | None
    _mode: Mode | None
    _prompt: str
    _say: Prompts
    _limits: DialogueLimits

    if TYPE_CHECKING:

        def _ask(self, text: str, stage: Stage) -> Say: ...
        def _begin(self, mode: Mode, heard: Interpretation) -> list[Action]: ...
        def _absorb(self, heard: Interpretation) -> None: ...
        def _advance(self) -> list[Action]: ...
        def _choose(self, slot: Slot) -> list[Action]: ...
        def _held(self, hold: Hold, today: date | None) -> list[Action]: ...
        def _transfer(self, reason: TransferReason) -> list[Action]: ...

    def _number_unasked(self, heard: Interpretation) -> bool:
        """A withheld caller's number said by itself while something else was asked."""
        unasked = self.stage not in (Stage.NUMBER, Stage.NUMBER_CONFIRM, Stage.INTENT)
        number = heard.phone is not None and heard.phone.number is not None
        return self._caller is None and unasked and number and not heard.has_details

    def _number_said_aside(self, heard: Interpretation) -> bool:
        """A withheld caller's number said with something else while no number was asked ("the first one, and my
        cell is ..."): kept, and read back with the booking."""
        asked = self.stage in (Stage.NUMBER, Stage.NUMBER_CONFIRM)
        return self._caller is None and not asked and heard.phone is not None and heard.phone.number is not None

    def _ask_number(self) -> list[Action]:
        said = self._said_number
        if said is not None and said.number is not None:
            return [self._ask(self._say.number_readback(said.groups), Stage.NUMBER_CONFIRM)]
        return [self._ask(self._say.ask_number(), Stage.NUMBER)]

    def _on_number(self, heard: Interpretation) -> list[Action]:
        if heard.phone is not None:
            if heard.phone.number is None:
                missed = self._say.not_a_number() if heard.phone.extension is None else self._say.no_extension()
                return self._number_missed(missed, Stage.NUMBER)
            self._said_number = heard.phone
            return self._ask_number()
        mode = TASKS.get(heard.intent)
        if mode is not None and mode is not self._mode:
            return self._begin(mode, heard)
        if heard.has_details and self._mode is Mode.BOOK:
            self._absorb(heard)  # "tuesday at two" before the number: keep it for after
            self._chosen = self._number_broke_in = None  # and look again with it
            return [self._ask(self._say.ask_number(), Stage.NUMBER)]
        return self._number_missed(self._say.sorry_again(self._prompt), Stage.NUMBER)

    def _on_number_confirm(self, heard: Interpretation) -> list[Action]:
        said = self._said_number
        assert said is not None and said.number is not None
        if heard.phone is not None and heard.phone.number is not None and heard.phone.number != said.number:
            self._said_number = heard.phone  # "no, it's 212 555 0124": read the correction back
            return self._ask_number()
        if heard.intent is Intent.AFFIRM and not heard.has_details:
            self._caller = said.number
            self.stage = Stage.LOOKING_UP
            return [Say(self._say.number_taken()), LookUpNumber(said.number)]
        if heard.intent is Intent.DENY or heard.phone is not None:
            self._said_number = None
            text = self._say.not_a_number() if heard.phone is not None else self._say.number_again()
            return self._number_missed(text, Stage.NUMBER)
        return self._number_missed(self._say.confirm_yes_no(self._prompt), Stage.NUMBER_CONFIRM)

    def _number_missed(self, text: str, stage: Stage) -> list[Action]:
        self._number_misses += 1
        if self._number_misses >= self._limits.max_misunderstandings:
            return self._transfer(TransferReason.NO_CALLER_ID)
        self._prompt = self._say.ask_number() if stage is Stage.NUMBER else self._prompt
        self.stage = stage
        return [Say(text)]

    def _looked_up(self, found: NumberLookedUp) -> list[Action]:
        self._upcoming = sorted(found.upcoming, key=lambda a: a.window.start)
        before, self._before_number = self._before_number, None
        if self._mode in (Mode.RESCHEDULE, Mode.CANCEL) and before is not None:
            return self._begin(self._mode, before)
        if self._hold is not None:  # the number corrected at the read-back: the same booking, read back again
            return self._held(self._hold, self._today)
        chosen, self._chosen = self._chosen, None
        if chosen is not None:
            return self._choose(chosen)
        broke_in, self._number_broke_in = self._number_broke_in, None
        if broke_in is not None:
            return [self._ask(*broke_in)]  # back to the question the number interrupted
        return self._advance()

    def _take_number(self, said: HeardNumber) -> list[Action]:
        """A number the caller gave unasked, taken now and read back with the booking."""
        assert said.number is not None
        self._caller, self._number_unread = said.number, said
        self.stage = Stage.LOOKING_UP
        return [LookUpNumber(said.number)]
