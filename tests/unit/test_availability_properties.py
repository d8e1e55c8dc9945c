"""Property tests: the engine against the rules and against the naive oracle, on random calendars."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from slotline.domain.availability import find_slots
from slotline.domain.catalogue import Catalogue
from slotline.domain.ids import StaffId
from slotline.domain.local_time import LocalSpan, wall_to_instant
from slotline.domain.policy import BookingPolicy
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from tests.factories import sample_catalogue
from tests.naive_availability import naive_slots

ZONES = [ZoneInfo("America/New_York"), ZoneInfo("Europe/London"), ZoneInfo("Australia/Sydney")]
# Windows that include DST changes in each zone (NY and London: March, Oct-Nov; Sydney: April, October).
STARTS = [
    date(2026, 11, 25),
    date(2027, 3, 10),
    date(2026, 10, 22),
    date(2027, 3, 25),
    date(2027, 4, 1),
    date(2026, 9, 30),
]


def _instants(day: date, span: LocalSpan, catalogue: Catalogue) -> TimeWindow:
    end_day = day + timedelta(days=1) if span.ends_at_midnight else day
    return TimeWindow(
        wall_to_instant(day, span.start, catalogue.zone), wall_to_instant(end_day, span.end, catalogue.zone)
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Catalogue, str, StaffLoad, datetime, date, date]:
    zone = draw(st.sampled_from(ZONES))
    policy = BookingPolicy(
        slot_interval=timedelta(minutes=draw(st.sampled_from([5, 10, 15, 20, 30, 60]))),
        min_notice=timedelta(minutes=draw(st.integers(0, 600))),
        max_days_ahead=draw(st.integers(0, 10)),
        daily_cap_per_staff=draw(st.none() | st.integers(1, 3)),
        buffers_within_hours=draw(st.booleans()),
    )
    catalogue = sample_catalogue(policy, zone)
    service = draw(st.sampled_from([s.id for s in catalogue.services]))
    first = draw(st.sampled_from(STARTS))
    now = datetime(first.year, first.month, first.day, tzinfo=zone) + timedelta(minutes=draw(st.integers(-600, 1800)))
    busy: dict[StaffId, list[TimeWindow]] = {}
    for member in catalogue.staff:
        for _ in range(draw(st.integers(0, 12))):
            offset = timedelta(minutes=draw(st.integers(0, 8 * 24 * 60)))
            length = timedelta(minutes=draw(st.integers(1, 240)))
            start = datetime(first.year, first.month, first.day, tzinfo=zone) + offset
            busy.setdefault(member.id, []).append(TimeWindow.starting(start, length))
    counts = {(m.id, first + timedelta(days=d)): draw(st.integers(0, 3)) for m in catalogue.staff for d in range(8)}
    last = first + timedelta(days=draw(st.integers(0, 7)))
    return catalogue, service, StaffLoad(busy, counts), now, first, last


@settings(max_examples=150, deadline=None, derandomize=True)
@given(scenarios())
def test_engine_matches_the_naive_oracle(case: tuple[Catalogue, str, StaffLoad, datetime, date, date]) -> None:
    catalogue, service_id, load, now, first, last = case
    service = catalogue.service(service_id)
    fast = list(find_slots(catalogue, service, first, last, load, now))
    assert fast == naive_slots(catalogue, service, first, last, load, now)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(scenarios())
def test_every_slot_obeys_the_rules(case: tuple[Catalogue, str, StaffLoad, datetime, date, date]) -> None:
    catalogue, service_id, load, now, first, last = case
    service = catalogue.service(service_id)
    policy = catalogue.policy
    zone = catalogue.zone
    horizon = now.astimezone(zone).date() + timedelta(days=policy.max_days_ahead)
    step = int(policy.slot_interval.total_seconds() // 60)
    slots = list(find_slots(catalogue, service, first, last, load, now))
    seen_wall: set[tuple[str, datetime]] = set()
    for slot in slots:
        local = slot.window.start.astimezone(zone)
        occupied = slot.occupied(service)
        assert slot.window.duration == service.duration  # real elapsed time, also across DST
        assert not any(occupied.overlaps(b) for b in load.busy.get(slot.staff_id, ()))
        assert slot.window.start >= now + policy.min_notice
        assert first <= local.date() <= min(last, horizon)
        assert (local.hour * 60 + local.minute) % step == 0 and local.second == 0
        wall = (slot.staff_id, local.replace(tzinfo=None))
        assert wall not in seen_wall  # a repeated wall-clock time is offered once
        seen_wall.add(wall)
        member = catalogue.staff_member(slot.staff_id)
        assert member.id in service.staff
        must_fit = occupied if policy.buffers_within_hours else slot.window
        spans = catalogue.working_spans(member, local.date())
        assert any(_instants(local.date(), span, catalogue).contains(must_fit) for span in spans)
        if policy.daily_cap_per_staff is not None:
            assert load.bookings_per_day.get((slot.staff_id, local.date()), 0) < policy.daily_cap_per_staff
    # distinct staff-slots and sorted
    assert slots == sorted(slots, key=lambda s: (s.window.start, service.staff.index(s.staff_id)))
