"""Questions about when a staff member works: "what days is Marco in?", "does Tasha work Saturdays?", "is Lena in
tomorrow?", "what are Tom's hours?". Asked only when the turn names a staff member; "when is Marco free" is a
booking question, not this one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import StaffId
from slotline.domain.questions import Question, Topic
from slotline.infrastructure.rules_nlu.dates import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import normalise

__all__ = ["StaffDays"]

_PLURAL_DAYS = {name + "s": weekday for name, weekday in WEEKDAYS.items() if name.endswith("day")}
_NAME = r"(?:\w+ ){1,3}"
_IN = r"(?:in|working|work|there|around|about|on shift)"
_ASKED = re.compile(
    rf"\b(?:what|which) days? (?:is|does|do|are) {_NAME}{_IN}\b"
    rf"|\bwhen (?:is|does) {_NAME}(?:in|working|work|there|around|on shift)\b"
    rf"|\b(?:is|does) {_NAME}{_IN} (?:on |this |next )?(?:\w+days?|weekends?|today|tomorrow|at the weekend)\b"
    rf"|\b(?:is|does) {_NAME}(?:work|in) (?:on )?weekends?\b"
)
_SCHEDULE = frozenset(("days", "hours", "schedule", "shifts", "rota"))


class StaffDays:
    """Finds a question about a named staff member's working days in a turn."""

    def __init__(self, staff: Sequence[StaffMember]) -> None:
        # "marcos hours": the possessive names the person even where the staff reader does not see a name
        self._possessives = {normalise(m.spoken_name)[-1] + "s": m.id for m in staff if normalise(m.spoken_name)}

    def find(self, words: Sequence[str], staff: StaffId | None, day: date | None) -> Question | None:
        """The question, when `staff` was named and the words ask when they work; `day` is the one day named."""
        said = [w for w in words if w]
        owners = (self._possessives[w] for w, nxt in pairwise(said) if w in self._possessives and nxt in _SCHEDULE)
        owner = next(owners, None)
        staff = staff or owner
        if staff is None or not (owner or _ASKED.search(" ".join(said))):
            return None
        weekday = next((_PLURAL_DAYS[w] for w in said if w in _PLURAL_DAYS), None)
        if weekday is not None:
            return Question(Topic.STAFF_DAYS, staff=staff, weekday=weekday)
        return Question(Topic.STAFF_DAYS, staff=staff, day=day)
