"""What the agent says for the conversation's capabilities (issue 13): which appointment, move or cancel,
one service at a time, and why a day has nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.phrasing import article, say_date, say_list, say_spans, say_when, shared_last_word
from slotline.domain.ids import ServiceId

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class ConversationPrompts:
    def __init__(self, catalogue: Catalogue) -> None:
        self._c = catalogue

    def _service(self, service_id: str) -> str:
        return self._c.service(service_id).name.lower()

    def _describe(self, appointment: Appointment) -> str:
        when = say_when(appointment.window.start, self._c.zone)
        return f"the {self._service(appointment.service_id)} on {when}"

    def which_appointment(self, appointments: Sequence[Appointment]) -> str:
        return f"Which appointment do you mean: {say_list([self._describe(a) for a in appointments])}?"

    def which_service(self, choices: Sequence[ServiceId]) -> str:
        return f"Did you mean {say_list([article(self._service(s)) for s in choices])}?"

    def move_or_cancel(self, appointment: Appointment) -> str:
        return (
            f"No problem. Would you like to move your {self._service(appointment.service_id)} on "
            f"{say_when(appointment.window.start, self._c.zone)} to another time, or cancel it?"
        )

    def one_at_a_time(self, first: ServiceId, rest: Sequence[ServiceId], another: Sequence[ServiceId] = ()) -> str:
        names = [article(self._service(first)), *(article(self._service(s)) for s in rest)]
        if another:  # "a women's, men's or kids' haircut" is asked after the first: named by the word they share
            shared = shared_last_word([self._service(s) for s in another])
            names.append(article(shared) if shared else "the other one")
        return f"I'll book {say_list(names, 'and')}, one at a time, starting with the {self._service(first)}."

    def next_service(self, service_id: ServiceId) -> str:
        return f"Now the {self._service(service_id)}: I'll look right after it."

    def nothing_beyond(self, earlier: bool, offered: int) -> str:
        """Nothing earlier (or later) than the offers on the table, which stay on it."""
        which = "that's the earliest" if earlier else "that's the latest"
        question = "Would one of those times work" if offered > 1 else "Would that time work"
        return f"I'm sorry, {which} I have that day. {question}, or would you like another day?"

    def already_then(self, service_id: ServiceId) -> str:
        return f"That's when your {self._service(service_id)} already is."

    def too_soon(self, notice: timedelta) -> str:
        minutes = int(notice.total_seconds() // 60)
        if minutes % 60 == 0:
            hours = minutes // 60
            said = "an hour's" if hours == 1 else f"{hours} hours'"
        else:
            said = f"{minutes} minutes'"
        return f"We need {said} notice, so that's too soon."

    def too_far(self, days: int) -> str:
        return f"We only book {days} days ahead."

    def short_day(self, day: date, at: time) -> str | None:
        """Why a time is not free on a day of special hours it falls outside ("On Thursday, December 24th, Christmas
        Eve, we're only open 9 AM to 1 PM."), or None."""
        special = next((s for s in self._c.special_hours if s.day == day), None)
        second = at.hour * 3600 + at.minute * 60
        if special is None or any(s.start_second <= second < s.end_second for s in special.spans):
            return None
        reason = f", {special.reason.strip()}," if special.reason.strip() else ""
        return f"On {say_date(day)}{reason} we're only open {say_spans(special.spans)}."

    def closed(self, service_id: ServiceId, day: date) -> str | None:
        """Why a day has nothing at all for this service, or None when it simply is full."""
        for closure in self._c.closures:
            if closure.day == day:
                reason = f" for {closure.reason}" if closure.reason.strip() else ""
                return f"We're closed on {say_date(day)}{reason}."
        service = self._c.service(service_id)
        if any(self._c.working_spans(m, day) for m in self._c.eligible_staff(service)):
            return None
        if not any(m.hours.on(day.weekday()) for m in self._c.staff):
            return f"We're closed on {_WEEKDAYS[day.weekday()]}s."
        if not any(self._c.working_spans(m, day) for m in self._c.staff):
            return f"We're closed on {say_date(day)}."
        if not any(m.hours.on(day.weekday()) for m in self._c.eligible_staff(service)):  # never that weekday
            weekday = _WEEKDAYS[day.weekday()]
            return f"We don't do {self._service(service_id)} on {weekday}s, so I have nothing on {say_date(day)}."
        return f"There's no one for {article(self._service(service_id))} on {say_date(day)}."
