"""The event ids slotline hands out: "<calendar>|<Graph event id>", so move and cancel know the mailbox.

A Graph event id is only addressable through its own mailbox (/users/{calendar}/events/{id}), and `move` is
told the target staff member, not where the event is now. User ids and UPNs cannot contain "|".
A bare Graph id (no "|") is taken to be in the calendar of the staff member the call names.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EventRef"]

_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class EventRef:
    calendar: str
    graph_id: str

    @classmethod
    def parse(cls, text: str, default_calendar: str) -> EventRef:
        calendar, separator, graph_id = text.partition(_SEPARATOR)
        if not separator:
            return cls(default_calendar, text)
        return cls(calendar, graph_id)

    def same_calendar(self, calendar: str) -> bool:
        return self.calendar.casefold() == calendar.casefold()

    def __str__(self) -> str:
        return f"{self.calendar}{_SEPARATOR}{self.graph_id}"
