"""Questions about the business inside a call: answered from the catalogue, then back to what the caller was doing;
a question without a fact offers a person; a booking right after an answer may be for the service asked about."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.actions import Action, Say, TransferReason
from slotline.domain.dialogue.answers import Answers
from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.dialogue.stages import Mode, Stage
from slotline.domain.ids import ServiceId
from slotline.domain.questions import PER_SERVICE_TOPICS, Question, Topic
from slotline.domain.understanding import Intent, Interpretation

__all__ = ["QuestionsAsked"]


class QuestionsAsked:
    """The dialogue policy's turns that ask about the business (mixed into DialoguePolicy, whose state it shares)."""

    stage: Stage
    _catalogue: Catalogue
    _answers: Answers
    _say: Prompts
    _prompt: str
    _mode: Mode | None
    _service: ServiceId | None
    _asked_which: Question | None
    _answered: Question | None
    _asked_about: ServiceId | None
    _upcoming: list[Appointment]
    _resume: tuple[str, Stage]

    if TYPE_CHECKING:

        def _ask(self, text: str, stage: Stage) -> Say: ...
        def _heard(self, heard: Interpretation) -> list[Action]: ...
        def _transfer(self, reason: TransferReason) -> list[Action]: ...

    def _answer(self, heard: Interpretation) -> list[Action] | None:
        """Answers a question from the catalogue, then goes back to what the caller was doing; None: no question."""
        if self.stage is Stage.HANDOVER_OFFER:
            return self._on_handover_offer(heard)
        asked_which, self._asked_which = self._asked_which, None
        answered, self._answered = self._answered, None
        question = heard.question
        if question is None and asked_which is not None and _names_only_a_service(heard):
            question = asked_which  # "which one?" -> "a cleaning"
        if question is not None and question.topic is Topic.FOLLOW_ON:  # "and a follow-up?"
            if answered is None:  # nothing asked just before: the service is what they want
                return self._heard(replace(heard, intent=Intent.INFORM, question=None))
            question = answered
        if question is None:
            return self._booked_as_described(heard) if answered is not None else None
        if question.topic is Topic.MY_APPOINTMENT:
            return [Say(self._their_appointment(heard.service_id)), *self._back_to_task()]
        service = heard.service_id or self._service
        if service is None and answered is not None:  # "what does an assessment involve?" ... "what would that cost?"
            service = self._asked_about
        self._asked_about = heard.service_id or self._asked_about
        alone = heard.intent is Intent.QUESTION or question is asked_which
        asked = [q for q in (question, *heard.also_asked) if not self._answers.needs_service(q, service)]
        if not asked:  # "how much is it?" and nothing says of what
            if not alone:
                return self._heard(replace(heard, question=None, also_asked=()))  # the booking asks the service
            self._asked_which = question
            return [Say(self._answers.which_service(question))]
        texts = [self._answers.answer(q, service) for q in asked]
        said: list[Action] = [Say(t) for t in texts if t is not None]
        if texts[0] is not None and asked[0].topic in PER_SERVICE_TOPICS:
            self._answered = asked[0]  # "how much is a cut?" ... "and a colour?"
        if not alone:  # "how much is a check-up, and do you have anything friday": answer, then the booking
            if None in texts:
                said.append(Say(self._answers.no_information_here()))
            return [*said, *self._heard(replace(heard, question=None, also_asked=()))]
        if None in texts:
            self._resume = (self._prompt, self.stage)
            return [*said, self._ask(self._answers.no_information(), Stage.HANDOVER_OFFER)]
        return [*said, *self._back_to_task()]

    def _their_appointment(self, service: ServiceId | None) -> str:
        """ "is it still at 10?": the caller's next appointment (of the service they named, if any), as booked."""
        theirs = [a for a in self._upcoming if service is None or a.service_id == service] or self._upcoming
        if not theirs:
            return "I can't find an appointment under the number you're calling from."
        return f"You have {self._say.describe(theirs[0])}."

    def _booked_as_described(self, heard: Interpretation) -> list[Action] | None:
        """ "what does pilates involve?" ... "sounds good, book me in with Orla on Tuesday": the service just answered
        for, when the booking names none (and whoever it names does that service)."""
        about = self._asked_about
        said = heard.service_id
        if about is not None and said is not None and self._mode is None and self._within(said, about):
            return self._heard(replace(heard, service_id=about))  # "how much to spay a cat?" "book the consultation"
        # agreeing to what was described, with when or whom: "sounds good, book me in with Orla on Tuesday"; a plain
        # "can I book something on Tuesday" may be for anything, and is asked its service
        if (
            heard.intent is not Intent.AFFIRM
            or not heard.has_details
            or heard.service_id is not None
            or heard.service_choices
            or about is None
        ):
            return None
        if self._mode is not None or (
            heard.staff_id is not None and heard.staff_id not in self._catalogue.service(about).staff
        ):
            return None
        return self._heard(replace(heard, service_id=about))

    def _within(self, said: ServiceId, about: ServiceId) -> bool:
        """`said`'s name is part of `about`'s ("Consultation" of "Spay and neuter consultation")."""
        return _named_within(self._catalogue.service(said).name, self._catalogue.service(about).name)

    def _back_to_task(self) -> list[Action]:
        if self._mode is None and self.stage in (Stage.INTENT, Stage.ANYTHING_ELSE):
            return [self._ask(self._say.anything_else(), Stage.ANYTHING_ELSE)]
        return [Say(self._prompt)]

    def _on_handover_offer(self, heard: Interpretation) -> list[Action]:
        if heard.intent in (Intent.AFFIRM, Intent.HUMAN) and not heard.has_details:
            return self._transfer(TransferReason.NO_INFORMATION)  # "yes, put me through"
        self._prompt, self.stage = self._resume
        if heard.intent is Intent.DENY and not heard.has_details:
            return [Say(self._answers.handover_declined()), *self._back_to_task()]
        if heard.intent is Intent.DENY:  # "no, but can I book a haircut on friday": the no answered the offer
            heard = replace(heard, intent=Intent.INFORM)
        return self._heard(heard)  # anything else is a turn in what they were doing


def _names_only_a_service(heard: Interpretation) -> bool:
    return (
        heard.intent in (Intent.INFORM, Intent.UNKNOWN)
        and heard.service_id is not None
        and not heard.preference.says_when
        and heard.ordinal is None
    )


def _named_within(name: str, other: str) -> bool:
    """Every word of `name` is in the longer `other` ("Consultation" in "Spay and neuter consultation")."""
    words, others = (frozenset(re.findall(r"[a-z]+", n.lower())) for n in (name, other))
    return words < others
