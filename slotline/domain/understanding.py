"""What the caller meant in one turn, as the dialogue policy consumes it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from enum import StrEnum

from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import UNBOUNDED, PartOfDay, Preference, StartBounds
from slotline.domain.questions import Question
from slotline.domain.reference import NO_REFERENCE, Reference


class Intent(StrEnum):
    BOOK = "book"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    AFFIRM = "affirm"
    DENY = "deny"
    HUMAN = "human"
    REPEAT = "repeat"
    GOODBYE = "goodbye"
    INFORM = "inform"  # details only ("next tuesday at three"), no verb
    QUESTION = "question"  # a question about the business and nothing else: `question` says which
    URGENT = "urgent"  # the caller needs urgent care: hand over at once
    CANT_COME = "cant_come"  # "I can't make my appointment": move it or cancel it
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class HeardNumber:
    """A phone number the caller said, with the groups to read it back in; or enough digits that are not one."""

    number: PhoneNumber | None  # None: enough digits for an attempt, but no valid number
    groups: tuple[str, ...] = ()  # ("212", "555", "0123") or ("+44", "20", "7946", "0958")
    extension: str | None = None  # said or typed after the number ("x4", ";ext=4"): no text can go to it, so no number

    def __repr__(self) -> str:  # interpretations may be logged; a full number must not be
        return f"HeardNumber({self.number.masked() if self.number else 'invalid'})"


@dataclass(frozen=True, slots=True)
class NamedOffer:
    """One offer as the caller named it among others: by its place in the list ("the first one") or its time."""

    ordinal: int | None = None
    at: time | None = None


@dataclass(frozen=True, slots=True)
class Interpretation:
    intent: Intent
    text: str = ""
    service_id: ServiceId | None = None
    day: date | None = None
    last_day: date | None = None  # with `day`, a range of days: "next week" is Monday `day` to Sunday `last_day`
    part_of_day: PartOfDay | None = None
    at: time | None = None
    approximate: bool = False
    bounds: StartBounds = UNBOUNDED  # "after four", "before noon", "between two and four"
    earliest: bool = False
    ordinal: int | None = None  # "the second one" -> 2; "the last one" -> -1
    staff_id: StaffId | None = None
    phone: HeardNumber | None = None  # a phone number said digit by digit or typed; not a booking detail
    question: Question | None = None  # a question about the business, alone or inside a booking turn
    # More questions in the same turn: "do you take Aetna, and is there parking?".
    also_asked: tuple[Question, ...] = ()
    # No service named, but "one", "it", "that", "then": "ok, I'll book one then" after a question about a service.
    refers_back: bool = False
    # Words the interpreter did not use that could change a day, time, service or person ("week" in "tuesday week"
    # if it were not understood, "after", "not", a number, a month), or a day with two readings ("12/01"):
    # the turn must not be acted on as heard. Empty when everything meaningful was understood.
    unsure: tuple[str, ...] = ()

    def without_when(self) -> Interpretation:
        """The same turn with its day and time wishes dropped: what is left is safe to act on when `unsure`."""
        return replace(
            self,
            day=None,
            last_day=None,
            part_of_day=None,
            at=None,
            approximate=False,
            bounds=UNBOUNDED,
            earliest=False,
            ordinal=None,
            unsure=(),
            refers=Reference(instead=self.refers.instead),  # "same time", "a week later": relative to an unsure day
            latest=False,
            weekday_only=False,
            other_days=(),
            other_times=(),
            either=(),
            day_choices=(),
        )

    # -- issue 13, the conversation's capabilities --
    refers: Reference = NO_REFERENCE  # "same time", "a week later", "anything earlier?"
    more_services: tuple[ServiceId, ...] = ()  # "a check-up and a clean": the services after `service_id`
    latest: bool = False  # "what's the latest you have"
    # Close candidates, to be asked about: for the service, or (with `service_id`) for a second service
    service_choices: tuple[ServiceId, ...] = ()
    # `day` was named by its weekday alone ("Friday", "on Friday"), so it is the nearest one; when moving an
    # appointment, "Friday instead" means the Friday of the appointment's own week.
    weekday_only: bool = False
    other_days: tuple[date, ...] = ()  # single days said in the same breath besides `day` ("can't make Wednesday")
    # Clock times naming an appointment the caller has, besides `at`: "move the 11 o'clock to Saturday at 9".
    other_times: tuple[time, ...] = ()
    # Offers named as alternatives, none chosen: "the first one or the third one", "12:45 or 2:45", or a recogniser
    # that heard one of them but cannot tell which (issue 14): asked about, never picked.
    either: tuple[NamedOffer, ...] = ()
    # The days an unsure day could be ("this or next Friday" from a phone line; "11/12" whose own order cannot be
    # booked): asked by naming them, and an ordinal answers.
    day_choices: tuple[date, ...] = ()

    @property
    def preference(self) -> Preference:
        return Preference(
            day=self.day,
            last_day=self.last_day,
            part_of_day=self.part_of_day,
            at=self.at,
            approximate=self.approximate,
            bounds=self.bounds,
            earliest=self.earliest,
            staff_id=self.staff_id,
            latest=self.latest,
        )

    @property
    def has_details(self) -> bool:
        return (
            any(
                v is not None
                for v in (self.service_id, self.day, self.part_of_day, self.at, self.ordinal, self.staff_id)
            )
            or self.earliest
            or self.latest
            or not self.bounds.unbounded
            or self.refers.said
            or bool(self.more_services)
            or bool(self.service_choices)
        )
