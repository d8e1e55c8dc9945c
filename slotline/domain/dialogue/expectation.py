"""What the agent's last question expects as an answer, for the recogniser to listen for (issue 14).

Pure data, frozen and picklable (it may be sent to a recogniser in another process). The dialogue policy makes it
from the question it asked; a recogniser may use it to favour the expected answers, and must still hear anything
else the caller says ("yes" is expected, "can I make it Friday instead?" is a turn too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, tzinfo
from enum import StrEnum

from slotline.domain.catalogue import Catalogue
from slotline.domain.slot import Slot

__all__ = ["OPEN", "Expectation", "Expecting", "OfferedSlot", "offers_expected", "services_expected"]


class Expecting(StrEnum):
    YES_NO = "yes_no"
    """A read-back or another yes/no question ("Shall I book it?")."""
    CHOICE = "choice"
    """A choice among offered slots: named by ordinal ("the second one"), time ("the 1:30") or staff member."""
    DAY = "day"
    """A day, perhaps with a time of day ("What day would you like to come in?")."""
    SERVICE = "service"
    """One of the business's services ("What would you like to book? We offer...")."""
    PHONE_DIGITS = "phone_digits"
    """A phone number, digit by digit."""
    OPEN = "open"
    """Anything ("How can I help?")."""


@dataclass(frozen=True, slots=True)
class OfferedSlot:
    """One slot on the table, by what a caller may name it by (besides its place in the list)."""

    day: date
    at: time
    """Wall-clock time in the business's zone."""
    staff: str
    """The staff member's name as the catalogue has it ("Alex Chen")."""


@dataclass(frozen=True, slots=True)
class Expectation:
    kind: Expecting
    offers: tuple[OfferedSlot, ...] = ()
    """CHOICE: the offers in the order they were said (the first is "the first one"); YES_NO: the slot read back."""
    services: tuple[tuple[str, ...], ...] = ()
    """SERVICE: each service asked about by its name and aliases, lower case."""


OPEN = Expectation(Expecting.OPEN)


def offers_expected(kind: Expecting, slots: Sequence[Slot], catalogue: Catalogue) -> Expectation:
    """`kind` with these slots as offered, in the business's zone."""
    zone: tzinfo = catalogue.zone
    offered = []
    for slot in slots:
        local = slot.window.start.astimezone(zone)
        offered.append(OfferedSlot(local.date(), local.time(), catalogue.staff_member(slot.staff_id).name))
    return Expectation(kind, tuple(offered))


def services_expected(catalogue: Catalogue) -> Expectation:
    names = [tuple(dict.fromkeys(name.lower() for name in (s.name, *s.aliases))) for s in catalogue.services]
    return Expectation(Expecting.SERVICE, services=tuple(names))
