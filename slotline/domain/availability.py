"""The availability engine: every bookable slot for a service over a range of days.

Works in integer epoch seconds and sweeps each staff member's sorted busy list once, so its cost grows with
the number of working spans and busy intervals, not with candidates x busy intervals. Slots are kept as
arithmetic ranges of start times and become `Slot` objects only when read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from math import ceil, floor

from slotline.domain.catalogue import Catalogue, Service, StaffMember
from slotline.domain.errors import InvalidDateRange
from slotline.domain.ids import StaffId
from slotline.domain.local_time import LocalSpan, OffsetPiece, local_date_of, offset_pieces, wall_to_epoch
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow


@dataclass(frozen=True, slots=True)
class SlotRun:
    """Slots of one staff member whose starts form an arithmetic range of epoch seconds."""

    staff_id: StaffId
    starts: range


class SlotSet:
    """Bookable slots in chronological order (ties in catalogue staff order)."""

    __slots__ = ("_duration", "_runs", "_service", "_zone")

    def __init__(self, service: Service, zone: tzinfo, runs: Sequence[SlotRun]) -> None:
        self._service = service
        self._zone = zone
        self._runs = tuple(r for r in runs if r.starts)

    @property
    def service(self) -> Service:
        return self._service

    def __len__(self) -> int:
        return sum(len(r.starts) for r in self._runs)

    def __bool__(self) -> bool:
        return bool(self._runs)

    def raw(self) -> Iterator[tuple[int, StaffId]]:
        """(epoch start, staff) pairs in order, without building Slot objects."""
        order = {m: i for i, m in enumerate(self._service.staff)}
        ordered = [(start, order.get(r.staff_id, 0), r.staff_id) for r in self._runs for start in r.starts]
        ordered.sort()
        for start, _, staff in ordered:
            yield start, staff

    def __iter__(self) -> Iterator[Slot]:
        length = self._service.duration
        for start, staff in self.raw():
            begin = datetime.fromtimestamp(start, UTC)
            yield Slot(TimeWindow(begin, begin + length), staff, self._service.id)

    def __contains__(self, slot: object) -> bool:
        if not isinstance(slot, Slot) or slot.service_id != self._service.id:
            return False
        if slot.window.duration != self._service.duration:
            return False
        start = int(slot.window.start.timestamp())
        return any(r.staff_id == slot.staff_id and start in r.starts for r in self._runs)

    def days(self) -> list[date]:
        """Local dates that have at least one slot, ascending."""
        return sorted({local_date_of(s, self._zone) for s, _ in self.raw()})

    def on(self, day: date) -> list[Slot]:
        return [s for s in self if s.window.start.astimezone(self._zone).date() == day]


def bookable_days(catalogue: Catalogue, now: datetime, first: date, last: date) -> tuple[date, date]:
    """Clip [first, last] to today .. today + max_days_ahead in the business zone."""
    if last < first:
        raise InvalidDateRange(first, last)
    today = now.astimezone(catalogue.zone).date()
    return max(first, today), min(last, today + timedelta(days=catalogue.policy.max_days_ahead))


def find_slots(
    catalogue: Catalogue,
    service: Service,
    first: date,
    last: date,
    load: StaffLoad,
    now: datetime,
    staff_id: StaffId | None = None,
) -> SlotSet:
    """Every slot for `service` on local days first..last (inclusive) that the rules allow."""
    zone = catalogue.zone
    lo_day, hi_day = bookable_days(catalogue, now, first, last)
    runs: list[SlotRun] = []
    if lo_day <= hi_day:
        earliest = _ceil_seconds(now + catalogue.policy.min_notice)
        count = (hi_day - lo_day).days + 1
        days = [(d, _pieces(d, zone)) for d in (lo_day + timedelta(days=n) for n in range(count))]
        for member in catalogue.eligible_staff(service, staff_id):
            _sweep_member(catalogue, service, member, days, load, earliest, zone, runs)
    return SlotSet(service, zone, runs)


def _ceil_seconds(moment: datetime) -> int:
    whole = int(moment.timestamp())
    return whole if whole == moment.timestamp() else whole + 1


@cache
def _pieces(day: date, zone: tzinfo) -> tuple[OffsetPiece, ...]:
    return offset_pieces(day, zone)


def _span_epochs(day: date, span: LocalSpan, pieces: tuple[OffsetPiece, ...], zone: tzinfo) -> tuple[int, int]:
    if len(pieces) == 1:  # no DST change today: wall clock is a fixed offset from UTC
        base = pieces[0].wall_midnight
        return base + span.start_second, base + span.end_second
    start = wall_to_epoch(day, span.start, zone)
    end_day = day + timedelta(days=1) if span.ends_at_midnight else day
    return start, wall_to_epoch(end_day, time(0) if span.ends_at_midnight else span.end, zone)


def _merged_busy(windows: Sequence[TimeWindow]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted((floor(w.start.timestamp()), ceil(w.end.timestamp())) for w in windows):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _sweep_member(
    catalogue: Catalogue,
    service: Service,
    member: StaffMember,
    days: Sequence[tuple[date, tuple[OffsetPiece, ...]]],
    load: StaffLoad,
    earliest: int,
    zone: tzinfo,
    out: list[SlotRun],
) -> None:
    policy = catalogue.policy
    step = int(policy.slot_interval.total_seconds())
    dur = int(service.duration.total_seconds())
    before = int(service.buffer_before.total_seconds())
    after = int(service.buffer_after.total_seconds())
    pad_before, pad_after = (before, after) if policy.buffers_within_hours else (0, 0)
    # A start s clashes with busy [b0, b1) when (s - before, s + dur + after) meets it: s in (b0-dur-after, b1+before).
    blocked = [(b0 - dur - after, b1 + before) for b0, b1 in _merged_busy(load.busy.get(member.id, ()))]
    cap = policy.daily_cap_per_staff
    cursor = 0
    for day, pieces in days:
        if cap is not None and load.bookings_per_day.get((member.id, day), 0) >= cap:
            continue
        for span in catalogue.working_spans(member, day):
            s0, s1 = _span_epochs(day, span, pieces, zone)
            lo = max(s0 + pad_before, earliest)
            hi = s1 - dur - pad_after  # last allowed start, inclusive
            while cursor < len(blocked) and blocked[cursor][1] <= lo:
                cursor += 1
            i = cursor
            while lo <= hi:
                if i < len(blocked) and blocked[i][0] < hi:
                    free_hi = min(hi, blocked[i][0])
                    _emit(member.id, lo, free_hi, pieces, step, out)
                    lo = max(lo, blocked[i][1])
                    i += 1
                else:
                    _emit(member.id, lo, hi, pieces, step, out)
                    break


def _emit(staff: StaffId, lo: int, hi: int, pieces: tuple[OffsetPiece, ...], step: int, out: list[SlotRun]) -> None:
    """Aligned starts in [lo, hi], aligned to the wall clock of whichever DST piece they fall in."""
    for piece in pieces:
        a = max(lo, piece.fresh_from)
        b = min(hi, piece.end - 1)
        if a > b:
            continue
        first = piece.wall_midnight + -(-(a - piece.wall_midnight) // step) * step
        if first <= b:
            out.append(SlotRun(staff, range(first, b + 1, step)))
