"""Compare what happened with what the case expects; a wrong action (booked, moved or cancelled otherwise than
expected, or at all when nothing was) is the worst failure and is reported on its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from benchmarks.corpus.cases import BookingExpectation, Case
from benchmarks.corpus.play import Played
from slotline.application.conversation import CallEnd
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.dialogue.actions import TransferReason

# The corpus's names for why a call was handed over; a reason added later is named after its enum member.
REASONS = {
    TransferReason.CALLER_ASKED: "asked_for_person",
    TransferReason.MISUNDERSTANDINGS: "misunderstood",
    TransferReason.SILENCE: "silence",
    TransferReason.NOTHING_SUITABLE: "nothing_suitable",
    TransferReason.BACKEND: "backend_failed",
    TransferReason.NO_CALLER_ID: "no_caller_number",
    TransferReason.SHUTTING_DOWN: "shutting_down",
}


def reason_name(reason: TransferReason | None) -> str | None:
    if reason is None:
        return None
    return REASONS.get(reason, reason.name.lower())


@dataclass
class Verdict:
    passed: bool
    wrong_action: bool
    problems: list[str] = field(default_factory=list)


@dataclass
class _Changes:
    new: list[Appointment]
    moved: list[Appointment]
    cancelled: list[Appointment]


def _changes(played: Played) -> _Changes:
    before = {a.id: a for a in played.before}
    new, moved, cancelled = [], [], []
    for after in played.after:
        was = before.get(after.id)
        if was is None:
            if after.status is AppointmentStatus.CONFIRMED:
                new.append(after)
        elif was.is_live and not after.is_live:
            cancelled.append(after)
        elif after.is_live and (after.window, after.staff_id, after.service_id) != (
            was.window,
            was.staff_id,
            was.service_id,
        ):
            moved.append(after)
    return _Changes(new, moved, cancelled)


def describe(appointment: Appointment, zone: ZoneInfo) -> str:
    start = appointment.window.start.astimezone(zone)
    return f"{appointment.service_id} {start:%Y-%m-%d %H:%M} with {appointment.staff_id}"


def matches(appointment: Appointment, expected: BookingExpectation, zone: ZoneInfo, *, day_only: bool = False) -> bool:
    start = appointment.window.start.astimezone(zone)
    if start.date() != expected.date:
        return False
    if day_only:
        return True
    return (
        appointment.service_id == expected.service
        and (expected.time is None or f"{start:%H:%M}" == expected.time)
        and (expected.staff is None or appointment.staff_id == expected.staff)
    )


def score(case: Case, played: Played, zone: ZoneInfo) -> Verdict:
    """The verdict on one played conversation; `zone` is the business's time zone."""
    expect = case.expect
    changes = _changes(played)
    wrong: list[str] = []
    missing: list[str] = []
    wanted = expect.booking
    if expect.outcome == "booked" and wanted is not None:
        hits = [a for a in changes.new if matches(a, wanted, zone)]
        rest = [a for a in changes.new if a not in hits[:1]]
        extra_ok = expect.bookings - 1
        wrong += [
            f"booked {describe(a, zone)}" for a in rest if not (extra_ok and matches(a, wanted, zone, day_only=True))
        ]
        if len(changes.new) > expect.bookings:
            wrong.append(f"{len(changes.new)} bookings made, {expect.bookings} expected")
        elif not hits:
            missing.append("the expected booking was not made")
        elif len(changes.new) < expect.bookings:
            missing.append(f"{len(changes.new)} of {expect.bookings} bookings made")
    else:
        wrong += [f"booked {describe(a, zone)}" for a in changes.new]
    if expect.outcome == "rescheduled" and wanted is not None:
        right = [a for a in changes.moved if matches(a, wanted, zone)]
        wrong += [f"moved to {describe(a, zone)}" for a in changes.moved if a not in right[:1]]
        if not right:
            missing.append("nothing moved")
    else:
        wrong += [f"moved to {describe(a, zone)}" for a in changes.moved]
    if expect.outcome == "cancelled":
        right = [a for a in changes.cancelled if wanted is None or matches(a, wanted, zone)]
        wrong += [f"cancelled {describe(a, zone)}" for a in changes.cancelled if a not in right[:1]]
        if not right:
            missing.append("nothing cancelled")
    else:
        wrong += [f"cancelled {describe(a, zone)}" for a in changes.cancelled]
    missing += _ending_problems(case, played)
    said = " ".join(played.agent).casefold()
    missing += [f"never said {text!r}" for text in expect.says if text.casefold() not in said]
    return Verdict(passed=not wrong and not missing, wrong_action=bool(wrong), problems=wrong + missing)


def _ending_problems(case: Case, played: Played) -> list[str]:
    expect = case.expect
    transferred = played.end is CallEnd.TRANSFERRED
    reason = reason_name(played.transfer_reason)
    if expect.outcome == "transferred":
        if not transferred:
            return ["not transferred"]
        if expect.reason is not None and reason != expect.reason:
            return [f"transferred because {reason}, expected {expect.reason}"]
        return []
    if expect.outcome == "ended" and transferred:
        return [f"transferred ({reason}) instead of ending politely"]
    return []
