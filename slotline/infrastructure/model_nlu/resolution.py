"""A model's answer made into the domain's Interpretation: names checked against the catalogue, days and times
resolved here, in the business time zone, from `now` (the same rules the rule-based interpreter applies)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import InvalidValue
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.preference import UNBOUNDED, PartOfDay, StartBounds
from slotline.domain.questions import Question, Topic
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.common.calendar_rules import (
    WeekdayMode,
    resolve_day_of_month,
    resolve_month_day,
    resolve_week_days,
    resolve_weekday,
)
from slotline.infrastructure.common.clock_rules import OpenMinutes, local_today, resolve_hour
from slotline.infrastructure.model_nlu.answer import ModelAnswer, SaidDay, SaidTime

__all__ = ["AnswerResolver"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = {"today": 0, "tomorrow": 1, "day_after_tomorrow": 2}
_WEEKS = {"this": 0, "next": 1, "after_next": 2}
_TOPICS = {
    "price": Topic.PRICE,
    "opening": Topic.OPENING,
    "parking": Topic.PARKING,
    "address": Topic.ADDRESS,
    "directions": Topic.DIRECTIONS,
    "description": Topic.DESCRIPTION,
    "other": Topic.UNKNOWN,
}


def _key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


def resolve_day(said: SaidDay, today: date) -> tuple[date | None, date | None, bool]:
    """(day, last day of a range, whether the parts said disagree or name no day)."""
    days: list[date] = []
    if said.relative is not None:
        days.append(today + timedelta(days=_RELATIVE[said.relative] + 7 * said.weeks_later))
    if said.in_days is not None:
        days.append(today + timedelta(days=said.in_days))
    if said.day_of_month is not None:
        if said.month is not None:
            found = resolve_month_day(today, said.month, said.day_of_month)
        else:
            found = resolve_day_of_month(today, said.day_of_month)
        if found is None:
            return None, None, True  # "february thirtieth"
        days.append(found)
    if said.weekday is not None:
        weekday = _WEEKDAYS.index(said.weekday)
        mode = WeekdayMode(said.said_as)
        weeks = said.weeks_later
        if said.week is not None and said.week != "this":  # "tuesday next week", "tuesday the week after next"
            mode, weeks = WeekdayMode.NEXT, weeks + _WEEKS[said.week] - 1
        named = resolve_weekday(today, weekday, mode) + timedelta(weeks=weeks)
        if days and days[-1].weekday() != weekday:
            return None, None, True  # "tuesday the 3rd" when the 3rd is a Thursday
        if not days:
            days.append(named)
    if len(set(days)) > 1:
        return None, None, True
    if days:
        return days[0], None, False
    if said.week is not None:
        span = resolve_week_days(today, _WEEKS[said.week], 0, 6)
        return (span[0], span[1] if span[1] != span[0] else None, False) if span else (None, None, True)
    return None, None, False


class AnswerResolver:
    """Turns validated answers into Interpretations for one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._zone = catalogue.zone
        self._open = OpenMinutes(catalogue)
        self._services: dict[str, ServiceId] = {}
        for s in catalogue.services:
            for name in (s.id, s.name, *s.aliases):
                self._services.setdefault(_key(name), s.id)
        self._staff: dict[str, StaffId] = {}
        for m in catalogue.staff:
            for name in (m.id, m.name, m.name.split()[0]):
                self._staff.setdefault(_key(name), m.id)

    def interpretation(self, answer: ModelAnswer, utterance: str, now: datetime) -> Interpretation:
        """What `answer` means today; a name the catalogue lacks is dropped, a day that cannot be is asked about."""
        intent = Intent(answer.intent)
        if intent is Intent.UNKNOWN:
            return Interpretation(Intent.UNKNOWN, text=utterance)
        unsure: list[str] = ["day"] if answer.unsure and answer.day is not None else []
        if answer.unsure and not unsure:
            unsure.append("time")
        day = last = None
        if answer.day is not None:
            day, last, doubtful = resolve_day(answer.day, local_today(now, self._zone))
            unsure += ["day"] if doubtful and "day" not in unsure else []
        part = PartOfDay(answer.part_of_day) if answer.part_of_day else None
        at = self._time(answer.time, part)
        bounds = self._bounds(answer.after, answer.before, part)
        if bounds is None:
            bounds, unsure = UNBOUNDED, [*unsure, "time"]
        choice = answer.choice if answer.choice not in (None, 0) else None
        return Interpretation(
            intent=intent,
            text=utterance,
            service_id=self._services.get(_key(answer.service)) if answer.service else None,
            staff_id=self._staff.get(_key(answer.staff)) if answer.staff else None,
            day=day,
            last_day=last,
            part_of_day=part,
            at=at,
            approximate=answer.approximate and at is not None,
            bounds=bounds,
            earliest=answer.earliest,
            latest=answer.latest,
            ordinal=choice,
            question=Question(_TOPICS[answer.question]) if answer.question else None,
            unsure=tuple(unsure),
            weekday_only=answer.day is not None and _weekday_alone(answer.day),
        )

    def _time(self, said: SaidTime | None, part: PartOfDay | None) -> time | None:
        if said is None:
            return None
        if said.meridiem is None and (said.hour == 0 or said.hour > 12):  # "fifteen hundred", "00:30"
            return time(said.hour, said.minute)
        hour = resolve_hour(said.hour, said.meridiem, part)
        if hour is None:
            return None
        at = time(hour, said.minute)
        return self._open.settle(at) if said.meridiem is None and part is None and said.hour != 12 else at

    def _bounds(self, after: SaidTime | None, before: SaidTime | None, part: PartOfDay | None) -> StartBounds | None:
        try:
            return StartBounds(not_before=self._time(after, part), before=self._time(before, part))
        except InvalidValue:
            return None


def _weekday_alone(said: SaidDay) -> bool:
    return (
        said.weekday is not None
        and said.said_as == "bare"
        and said.weeks_later == 0
        and said.week is None
        and said.day_of_month is None
    )
