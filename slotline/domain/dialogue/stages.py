"""Where a call is (Stage), what the caller is doing (Mode), and which stages wait for what."""

from __future__ import annotations

from enum import StrEnum

from slotline.domain.understanding import Intent

__all__ = ["BUSY", "CANT_COME_IS_NO", "CHANGES", "NOT_FREE", "TASKS", "YES_NO", "Mode", "Stage"]


class Stage(StrEnum):
    NOT_STARTED = "not started"
    INTENT = "asking what the caller wants"
    NUMBER = "asking for a phone number"
    NUMBER_CONFIRM = "reading back a phone number"
    LOOKING_UP = "looking up the number"
    GATHER = "gathering details"
    SEARCHING = "searching"
    OFFERING = "offering slots"
    HOLDING = "holding a slot"
    CONFIRMING = "reading back"
    COMMITTING = "writing"
    CANCEL_CONFIRM = "confirming a cancellation"
    WHICH_APPOINTMENT = "asking which appointment"
    MOVE_OR_CANCEL = "asking whether to move or cancel"
    SENDING = "sending the confirmation"
    ANYTHING_ELSE = "asking if there is anything else"
    HANDOVER_OFFER = "offering a person for a question without a fact"
    ENDED = "ended"


class Mode(StrEnum):
    BOOK = "book"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"


NOT_FREE = "That exact time isn't free. "
TASKS = {Intent.BOOK: Mode.BOOK, Intent.RESCHEDULE: Mode.RESCHEDULE, Intent.CANCEL: Mode.CANCEL}
# issue 13: "I can't make my appointment" starts a reschedule that first asks whether to move or cancel.
CHANGES = {Intent.RESCHEDULE: Mode.RESCHEDULE, Intent.CANCEL: Mode.CANCEL, Intent.CANT_COME: Mode.RESCHEDULE}
# Where "I can't make it" answers the agent's question, it is a no.
CANT_COME_IS_NO = ("offering slots", "reading back", "confirming a cancellation", "reading back a phone number")
# Nothing is waiting for the caller in these stages: an action's answer is.
BUSY = (Stage.NOT_STARTED, Stage.LOOKING_UP, Stage.SEARCHING, Stage.HOLDING, Stage.COMMITTING, Stage.SENDING)

# Questions answered by yes or no (or by a change: the recogniser still hears anything).
YES_NO = (Stage.CONFIRMING, Stage.CANCEL_CONFIRM, Stage.NUMBER_CONFIRM, Stage.ANYTHING_ELSE, Stage.HANDOVER_OFFER)
