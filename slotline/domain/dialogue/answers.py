"""Answers to a caller's questions, composed only from the catalogue's own text: no price, policy or clinical
fact is ever made up. A question the catalogue has no fact for has no answer (None)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from slotline.domain.catalogue import Catalogue, Service
from slotline.domain.dialogue.phrasing import say_date, say_list, say_spans
from slotline.domain.dialogue.sentences import join_sentences
from slotline.domain.ids import ServiceId
from slotline.domain.local_time import LocalSpan
from slotline.domain.opening_hours import open_on, open_weekly
from slotline.domain.questions import PER_SERVICE_TOPICS, Question, Topic

__all__ = ["DEFAULT_URGENT_SAY", "Answers", "say_week"]

DEFAULT_URGENT_SAY = "That sounds urgent. I'm putting you straight through to the team."
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _days(weekdays: Sequence[int]) -> str:
    """'Monday to Wednesday and Friday', 'Tuesday and Thursday': three days or more in a row as a run."""
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    said: list[str] = []
    for run in runs:
        said += [f"{_DAYS[run[0]]} to {_DAYS[run[-1]]}"] if len(run) > 2 else [_DAYS[d] for d in run]
    return say_list(said, "and")


def say_week(week: Sequence[tuple[LocalSpan, ...]]) -> str | None:
    """'Monday to Wednesday and Friday 8 AM to 5 PM, and Thursday 9 AM to 7 PM'; None when never open.

    Each day is said from its first opening to its last closing (a lunch gap is said only for one day asked about),
    and days with the same hours go together."""
    groups: dict[tuple[LocalSpan, ...], list[int]] = {}
    for weekday, spans in enumerate(week):
        if spans:
            groups.setdefault((LocalSpan(spans[0].start, spans[-1].end),), []).append(weekday)
    said = [f"{_days(days)} {say_spans(hours)}" for hours, days in groups.items()]
    if len(said) < 2:
        return said[0] if said else None
    return ", ".join(said[:-1]) + ", and " + said[-1]  # "Monday to Friday 8 AM to 5 PM, and Saturday 9 AM to noon"


class Answers:
    """What the agent says to a question about the business; every sentence is built from catalogue text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._c = catalogue
        self._facts = catalogue.business.facts

    def needs_service(self, question: Question, service_id: ServiceId | None) -> bool:
        """A price or a description was asked without saying of what, and the catalogue has some to give."""
        if question.topic not in PER_SERVICE_TOPICS or service_id is not None:
            return False
        return any(self._per_service(question.topic, s) for s in self._c.services)

    def which_service(self, question: Question) -> str:
        named = [s.name.lower() for s in self._c.services if self._per_service(question.topic, s)]
        about = "the price of" if question.topic is Topic.PRICE else "about"
        return f"Which one would you like to know {about}: {say_list(named)}?"

    def answer(self, question: Question, service_id: ServiceId | None) -> str | None:
        """The answer, or None when the catalogue has no fact for it."""
        facts = self._facts
        match question.topic:
            case Topic.PRICE | Topic.DESCRIPTION:
                return self._about_service(question.topic, service_id)
            case Topic.INSURANCE:
                return self._schemes(question)
            case Topic.PAYMENT:
                return self._payment(question)
            case Topic.OPENING:
                return self._opening(question)
            case Topic.PARKING:
                return facts.parking
            case Topic.ADDRESS:
                return self._place(facts.address, None) or facts.directions
            case Topic.DIRECTIONS:
                return self._place(facts.address, facts.directions)
            case Topic.STAFF_DAYS:
                return self._staff_days(question)
            case Topic.FAQ:
                faq = facts.faq
                return faq[question.faq].answer if question.faq is not None and question.faq < len(faq) else None
            case Topic.UNKNOWN | Topic.FOLLOW_ON | Topic.MY_APPOINTMENT:  # the policy answers these from the call
                return None

    def no_information(self) -> str:
        return "I'm sorry, I don't have that information, but I can put you through to the team. Would you like that?"

    def no_information_here(self) -> str:
        """Said for a question inside a booking turn, before the booking goes on."""
        return "I'm sorry, I don't have that information."

    def handover_declined(self) -> str:
        return "No problem."

    def urgent(self) -> str:
        urgent = self._facts.urgent
        return urgent.say if urgent is not None else DEFAULT_URGENT_SAY

    # -- the facts ------------------------------------------------------------------------------------

    @staticmethod
    def _per_service(topic: Topic, service: Service) -> str | None:
        return service.price if topic is Topic.PRICE else service.description

    def _about_service(self, topic: Topic, service_id: ServiceId | None) -> str | None:
        if service_id is None:
            return None
        service = self._c.service(service_id)
        fact = self._per_service(topic, service)
        if fact is None or topic is Topic.DESCRIPTION:
            return fact
        name = service.name.lower()
        plural = name.endswith("s") and not name.endswith("ss")  # "highlights are", "a check-up is"
        return f"The {name} {'are' if plural else 'is'} {fact}."

    def _schemes(self, question: Question) -> str | None:
        insurance = self._facts.insurance
        if question.unlisted:
            return None
        if question.subject is None:
            return f"We take {say_list(insurance.accepted, 'and')}." if insurance.accepted else None
        if question.subject in insurance.accepted:
            return f"Yes, we take {question.subject}."
        if question.subject in insurance.declined:
            return f"I'm sorry, we don't take {question.subject}."
        return None

    def _payment(self, question: Question) -> str | None:
        payment = self._facts.payment
        if question.unlisted or not payment:
            return None
        if question.subject in payment:
            return f"Yes, we take {question.subject}."
        return f"We take {say_list(payment, 'and')}."

    def _opening(self, question: Question) -> str | None:
        if question.day is not None:
            return self._open_on(question.day)
        week = open_weekly(self._c)
        if question.weekday is not None:
            spans = week[question.weekday]
            day = _DAYS[question.weekday]
            return f"On {day}s we're open {say_spans(spans)}." if spans else f"We're closed on {day}s."
        said = say_week(week)
        return f"We're open {said}." if said else None

    def _open_on(self, day: date) -> str:
        for closure in self._c.closures:
            if closure.day == day:
                reason = f" for {closure.reason}" if closure.reason else ""
                return f"We're closed on {say_date(day)}{reason}."
        spans = open_on(self._c, day)
        if not spans:
            return f"We're closed on {say_date(day)}."
        special = next((s for s in self._c.special_hours if s.day == day), None)
        if special is not None and special.reason:
            return f"On {say_date(day)}, {special.reason}, we're open {say_spans(spans)}."
        return f"On {say_date(day)} we're open {say_spans(spans)}."

    def _staff_days(self, question: Question) -> str | None:
        member = next((m for m in self._c.staff if m.id == question.staff), None)
        if member is None:
            return None
        name = member.spoken_name
        usual = say_week([member.hours.on(d) for d in range(7)])
        works = f"{name} works {usual}." if usual else f"{name} has no regular working days."
        if question.day is not None:
            spans = self._c.working_spans(member, question.day)
            if spans:
                return f"Yes, {name} is in on {say_date(question.day)}, {say_spans(spans)}."
            return f"No, {name} isn't in on {say_date(question.day)}. {works}"
        if question.weekday is not None:
            day = _DAYS[question.weekday]
            spans = member.hours.on(question.weekday)
            if spans:
                return f"Yes, {name} works on {day}s, {say_spans(spans)}."
            return f"No, {name} doesn't work on {day}s. {works}"
        return works

    @staticmethod
    def _place(address: str | None, directions: str | None) -> str | None:
        if address is None:
            return directions
        return join_sentences(f"We're at {address}." if not address.endswith(".") else address, directions or "")
