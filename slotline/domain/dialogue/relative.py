"""What a caller's turn means against what is already on the table: corrections that keep what was not corrected,
"same time", "a week later", "anything later?", and which of several appointments they mean."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo

from slotline.domain.appointment import Appointment
from slotline.domain.preference import UNBOUNDED, Preference, StartBounds
from slotline.domain.reference import Nudge
from slotline.domain.slot import Slot
from slotline.domain.understanding import Interpretation

__all__ = ["appointments_meant", "in_its_week", "later_or_earlier_one", "newer_preference"]

_MINUTE = timedelta(minutes=1)


def _says_time(pref: Preference) -> bool:
    return pref.at is not None or pref.part_of_day is not None or not pref.bounds.unbounded or pref.earliest


def newer_preference(
    heard: Interpretation,
    old: Preference,
    *,
    table: Sequence[datetime],
    target: datetime | None,
) -> Preference:
    """The wish this turn adds, to be merged into `old`.

    `table` holds the local starts on the table (the slot being read back, else the offers); `target` the local
    start of the appointment being moved. A turn that names only a new day keeps the time already wished for
    ("actually make that Friday"); "same time" is that time, or the appointment's own when moving; "a week
    later" moves the day (and keeps the time) of what is on the table or being moved; "anything later?" asks
    for starts after the latest on the table, on its day.
    """
    newer = heard.preference
    refers = heard.refers
    base = target if target is not None else (table[0] if len(table) == 1 else None)
    if heard.weekday_only and newer.day is not None and newer.last_day is None:
        newer = replace(newer, day=_weekday_on_the_table(newer.day, table))
    if refers.beside is not None and newer.day is None:
        anchor = _day_on_the_table(table, old, target)
        if refers.beside.onwards and anchor is not None and old.day is not None and old.last_day is None:
            anchor = max(anchor, old.day)  # "nothing on the 14th, the 7th?" "the first day after that": after both
        if anchor is not None:  # "the Wednesday before": before the day being talked about
            first, last = refers.beside.days_of(anchor)
            newer = replace(newer, day=first, last_day=last)
    if newer.day is not None and not _says_time(newer) and not newer.latest:
        newer = replace(newer, at=old.at, approximate=old.approximate, part_of_day=old.part_of_day, bounds=old.bounds)
    if refers.same_time:  # the time wished for, else the appointment's own, else the one slot on the table
        at = old.at if old.at is not None else (base.time() if base is not None else None)
        if at is not None:
            newer = replace(newer, at=at, approximate=False, part_of_day=None, bounds=UNBOUNDED)
    if refers.same_day and newer.day is None:
        day = old.day if old.day is not None and old.last_day is None else (base.date() if base else None)
        if day is not None:
            newer = replace(newer, day=day, last_day=None)
    if refers.shift_minutes and base is not None:  # "an hour later": of what is on the table or being moved
        moved = base + timedelta(minutes=refers.shift_minutes)
        newer = replace(newer, day=moved.date(), last_day=None, at=moved.time(), approximate=False, bounds=UNBOUNDED)
    if refers.weeks and base is not None:
        moved = base + timedelta(weeks=refers.weeks)
        newer = replace(newer, day=moved.date(), last_day=None)
        if not _says_time(newer):
            newer = replace(newer, at=moved.time(), approximate=False)
    elif refers.weeks and old.day is not None and old.last_day is None:
        newer = replace(newer, day=old.day + timedelta(weeks=refers.weeks), last_day=None)
    if refers.same_time and target is not None and newer.day is not None and newer.last_day is not None:
        week_on = target.date() + timedelta(weeks=1)  # "same time next week": the same weekday, a week on
        if newer.wants_day(week_on) or newer.wants_day(target.date()):  # "next week instead" of a day in it
            newer = replace(newer, day=week_on, last_day=None)
    if refers.minutes_past is not None and newer.at is None:
        hour_of = (table[0] if len(table) == 1 else None) or (
            datetime.combine(old.day, old.at) if old.day and old.at else None
        )
        if hour_of is not None:  # "make that quarter past": of the hour on the table ("quarter to": of the next)
            hour = hour_of.hour + (1 if refers.minutes_past == 45 else 0)
            if hour < 24:
                newer = replace(newer, at=time(hour, refers.minutes_past), approximate=False)
    if refers.nudge in (Nudge.LATER, Nudge.EARLIER) and newer.bounds.unbounded and newer.at is None:
        newer = _nudged(newer, old, refers.nudge, table, target)  # "anything later, after 6?" is after 6
    return newer


def _day_on_the_table(table: Sequence[datetime], old: Preference, target: datetime | None) -> date | None:
    """The day being talked about: the one every slot on the table is on, else the one wished for, else the day of
    the appointment being moved."""
    days = {s.date() for s in table}
    if len(days) == 1:
        return days.pop()
    if old.day is not None and old.last_day is None:
        return old.day
    return target.date() if target is not None else None


def in_its_week(day: date, appointment: date) -> date:
    """A weekday said alone when moving an appointment ("can't make Wednesday, could I do Friday instead?") is
    that weekday in the appointment's own week (Monday to Sunday) when that week is later than the nearest one."""
    same_week = appointment + timedelta(days=day.weekday() - appointment.weekday())
    return same_week if same_week > day else day


def _nudged(
    newer: Preference, old: Preference, nudge: Nudge, table: Sequence[datetime], target: datetime | None
) -> Preference:
    starts = list(table) or ([target] if target is not None else [])
    if not starts and old.at is not None and old.day is not None:
        starts = [datetime.combine(old.day, old.at)]
    if not starts:
        return newer
    day = newer.day or (starts[0].date() if len({s.date() for s in starts}) == 1 else None)
    on_day = [s for s in starts if day is None or s.date() == day] or starts
    if nudge is Nudge.LATER:
        after = (max(on_day) + _MINUTE).time()
        bounds = StartBounds(not_before=after) if after > time(0, 1) else UNBOUNDED
    else:
        bounds = StartBounds(before=min(on_day).time()) if min(on_day).time() > time(0) else UNBOUNDED
    return replace(
        newer,
        day=day if newer.day is None else newer.day,
        last_day=None if newer.day is None else newer.last_day,
        at=None,
        approximate=False,
        bounds=bounds,
        earliest=False,
    )


def later_or_earlier_one(nudge: Nudge | None, offers: Sequence[Slot]) -> Slot | None:
    """'the later one' between two offers, or the latest of three (read back before anything is booked, so a
    caller who meant the middle one hears the time and says no); None when it is not a choice."""
    if nudge not in (Nudge.LATER_ONE, Nudge.EARLIER_ONE) or len(offers) < 2:
        return None
    return max(offers) if nudge is Nudge.LATER_ONE else min(offers)


def appointments_meant(
    upcoming: Sequence[Appointment], heard: Interpretation, zone: tzinfo, *, by_weekday: bool = False
) -> tuple[Appointment, ...]:
    """The caller's appointments that fit what they said of them (day, service, staff, time); all if nothing.

    `by_weekday`: when no appointment is on the day named, a single weekday ("Thursday's") means the appointment
    on that weekday, whichever week it is in.
    """
    exact = _meant(upcoming, heard, zone, by_weekday=False)
    if exact or not by_weekday or heard.day is None or heard.last_day is not None:
        return exact
    return _meant(upcoming, heard, zone, by_weekday=True)


def _meant(
    upcoming: Sequence[Appointment], heard: Interpretation, zone: tzinfo, *, by_weekday: bool
) -> tuple[Appointment, ...]:
    pref = heard.preference

    def on_day(local: datetime) -> bool:
        if by_weekday and heard.day is not None:
            return local.weekday() == heard.day.weekday()
        return pref.wants_day(local.date())

    def fits(a: Appointment) -> bool:
        local = a.window.start.astimezone(zone)
        return (
            on_day(local)
            and (heard.service_id is None or a.service_id == heard.service_id)
            and (heard.staff_id is None or a.staff_id == heard.staff_id)
            and (heard.at is None or local.time() == heard.at)
        )

    return tuple(a for a in upcoming if fits(a))


def _weekday_on_the_table(day: date, table: Sequence[datetime]) -> date:
    """ "Tuesday then" to offers over several days: the Tuesday among them, not the nearest Tuesday."""
    same = {start.date() for start in table if start.weekday() == day.weekday()}
    return same.pop() if len(same) == 1 else day
