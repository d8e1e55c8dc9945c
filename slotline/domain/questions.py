"""A question a receptionist answers from the business's own facts, as the interpreter heard it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from slotline.domain.ids import StaffId


class Topic(StrEnum):
    PRICE = "price"
    INSURANCE = "insurance"  # an insurer or public scheme
    PAYMENT = "payment"  # a way to pay
    OPENING = "opening"  # opening days and hours
    PARKING = "parking"
    ADDRESS = "address"
    DIRECTIONS = "directions"
    DESCRIPTION = "description"  # what a service involves
    FAQ = "faq"  # one of the business's own question/answer pairs
    STAFF_DAYS = "staff_days"  # when a staff member works ("what days is Marco in?")
    FOLLOW_ON = "follow_on"  # the question just answered, about another service: "and a follow-up?"
    MY_APPOINTMENT = "my_appointment"  # when the caller's own appointment is: "is it still at 10?"
    UNKNOWN = "unknown"  # a question about something the catalogue has no fact for


PER_SERVICE_TOPICS = frozenset((Topic.PRICE, Topic.DESCRIPTION))
"""Topics whose answer is about one service: a follow-on ("and a colour?") asks the same of another."""


@dataclass(frozen=True, slots=True)
class Question:
    """Which fact is asked, and about what. The service asked about is the Interpretation's `service_id`."""

    topic: Topic
    subject: str | None = None  # the insurance scheme or payment way, as the catalogue writes it
    unlisted: bool = False  # the caller named a scheme or payment way the catalogue does not list
    faq: int | None = None  # index into the catalogue's questions, for Topic.FAQ
    day: date | None = None  # "are you open on Christmas Eve"
    weekday: int | None = None  # "are you open on Saturdays" (0 = Monday), when no one date is meant
    staff: StaffId | None = None  # whose working days, for Topic.STAFF_DAYS
