"""The turns that are not booking talk: urgent care, a person asked for by name or role, a question about the
business. Kept apart from the booking extractors so the interpreter only asks it once per turn."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from slotline.domain.catalogue import Catalogue
from slotline.domain.questions import Question, Topic
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu.fact_questions import FactQuestions, looks_like_a_question
from slotline.infrastructure.rules_nlu.follow_on import asks_again_about
from slotline.infrastructure.rules_nlu.offered import OfferedServices
from slotline.infrastructure.rules_nlu.people import PeopleNames
from slotline.infrastructure.rules_nlu.staff_days import StaffDays
from slotline.infrastructure.rules_nlu.urgent_words import UrgentWords
from slotline.infrastructure.rules_nlu.words import wordset

__all__ = ["FactReader", "refers_back"]

_TASKS = (Intent.BOOK, Intent.RESCHEDULE, Intent.CANCEL)
_WINS_OVER_QUESTIONS = (Intent.HUMAN, Intent.REPEAT, Intent.GOODBYE)
_AGAIN = Question(Topic.FOLLOW_ON)


def _only_a_service(heard: Interpretation) -> bool:
    return (
        heard.service_id is not None
        and not heard.preference.says_when
        and heard.ordinal is None
        and heard.staff_id is None
        and not heard.more_services
        and not heard.refers.said
    )


_BOOKING_WORD = re.compile(
    r"\b(?:book\w*|appointment|schedul\w*|reservation)\b"
)  # not "come in": "where do i park when i come in"


_BACK = wordset("one it that this those them then same him her")  # "book him in with her": who was just talked of
_WANT_ONE = wordset("get have book need want do")
_CHANGES = (Intent.RESCHEDULE, Intent.CANCEL, Intent.CANT_COME)  # "is it still at 10? can I move it": a move


def refers_back(free: Sequence[str], words: Sequence[str], *, named_service: bool) -> bool:
    """No service named, but a word that points back at one just talked about: "ok, I'll book one then", "can I get
    one Thursday?" (`free`: the words no reader took; `words`: all of them, where "one" may have been read as a
    number)."""
    wants_one = any(w == "one" and k > 0 and words[k - 1] in _WANT_ONE for k, w in enumerate(words))
    return not named_service and (bool(_BACK & set(free)) or wants_one)


class FactReader:
    """Urgent words, people and questions of one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        urgent = catalogue.business.facts.urgent
        self._urgent = UrgentWords(urgent.words if urgent is not None else ())
        self._people = PeopleNames(catalogue.staff)
        self._questions = FactQuestions(catalogue)
        self._staff_days = StaffDays(catalogue.staff)
        self._offered = OfferedServices(catalogue)

    def urgent(self, words: Sequence[str]) -> bool:
        return self._urgent.heard(words)

    def names_a_faq(self, words: Sequence[str]) -> bool:
        """A business's own question phrase is said: it beats a service guessed from loose words."""
        return self._questions.names_a_faq(words)

    def read(
        self, words: Sequence[str], free: Sequence[str], utterance: str, today: date, heard: Interpretation
    ) -> Interpretation | None:
        """The turn as a hand-over to a person or as a question (alone, or inside a booking turn); None otherwise."""
        intent = heard.intent
        staff_days = self._staff_days.find(words, heard.staff_id, heard.day if heard.last_day is None else None)
        if staff_days is not None and intent not in (Intent.RESCHEDULE, Intent.CANCEL, Intent.GOODBYE):
            if heard.service_id is not None and intent in (Intent.BOOK, Intent.INFORM):
                # "is Priya in on Thursday? I wanna see her for my vertigo": answered, then booked with her then
                return replace(heard, intent=Intent.BOOK, staff_id=staff_days.staff, question=staff_days)
            return Interpretation(Intent.QUESTION, text=utterance, staff_id=staff_days.staff, question=staff_days)
        if _only_a_service(heard) and asks_again_about(free):  # "and a follow-up?" after "how much is ...?"
            return Interpretation(Intent.QUESTION, text=utterance, service_id=heard.service_id, question=_AGAIN)
        if intent not in (*_WINS_OVER_QUESTIONS, Intent.RESCHEDULE, Intent.CANCEL) and self._people.asked_for(
            words,
            says_when=heard.preference.says_when or "day" in heard.unsure,  # "is Maria in on 2/3?": which 2/3
            service_named=heard.service_id is not None,
        ):
            return Interpretation(Intent.HUMAN, text=utterance)
        if intent in _WINS_OVER_QUESTIONS:
            return None
        day = heard.day if heard.last_day is None else None
        found = self._questions.find_all(
            utterance, words, day=day, today=today, service_named=heard.service_id is not None
        )
        named = heard.service_id is not None or heard.staff_id is not None  # "is Aisha free Thursday? a follow-up"
        if not found and intent is Intent.UNKNOWN and not named and looks_like_a_question(words, utterance):
            found = (Question(Topic.UNKNOWN),)
        if (
            not found
            and not heard.preference.says_when
            and self._offered.unbacked(words, heard.service_id, heard.service_choices)
        ):
            return Interpretation(Intent.QUESTION, text=utterance, question=Question(Topic.UNKNOWN))  # "laser?"
        if not found:
            return None
        question, also = found[0], found[1:]
        if question.topic is Topic.MY_APPOINTMENT and intent not in _CHANGES:
            # "I got the pool session Thursday, is it still at 10?": the day and time are the appointment's own
            return Interpretation(Intent.QUESTION, text=utterance, service_id=heard.service_id, question=question)
        text = " ".join(w for w in words if w)
        task = intent in _TASKS and (heard.has_details or intent is not Intent.BOOK or bool(_BOOKING_WORD.search(text)))
        timed = heard.preference.says_when or heard.ordinal is not None or heard.staff_id is not None
        # "ah no, seven pm better, I finish work late": a change of time with a question beside it keeps the change
        answering = intent in (Intent.INFORM, Intent.DENY, Intent.AFFIRM)
        if task or (answering and timed and question.topic is not Topic.OPENING):
            return replace(heard, question=question, also_asked=also)
        return replace(heard, intent=Intent.QUESTION, question=question, also_asked=also)
