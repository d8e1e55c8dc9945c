from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.availability import find_slots
from domain.ids import StaffId
from domain.preference import PartOfDay, Preference
from domain.selection import choose_offers
from domain.slot import Slot
from domain.staff_load import StaffLoad
from domain.time_window import TimeWindow
from tests.factories import NEW_YORK, NOW, sample_catalogue

CAT = sample_catalogue()
HAIRCUT = CAT.service("haircut")
TUESDAY = date(2026, 12, 1)
SLOTS = list(find_slots(CAT, HAIRCUT, NOW.date(), NOW.date() + timedelta(days=14), StaffLoad(), NOW))


def starts(pref: Preference, slots: list[Slot] | None = None) -> list[str]:
    pool = SLOTS if slots is None else slots
    return [
        s.window.start.astimezone(NEW_YORK).strftime("%a %d %H:%M")
        for s in choose_offers(pool, pref, NEW_YORK, 3).slots
    ]


def test_exact_time_first_then_spread_out() -> None:
    offer = choose_offers(SLOTS, Preference(day=TUESDAY, at=time(15, 30)), NEW_YORK, 3)
    assert offer.exact_time and offer.on_preferred_day
    got = starts(Preference(day=TUESDAY, at=time(15, 30)))
    assert got[0] == "Tue 01 15:30"
    assert len(got) == 3 and len(set(got)) == 3


def test_offers_are_genuinely_different() -> None:
    offer = choose_offers(SLOTS, Preference(day=TUESDAY), NEW_YORK, 3)
    chosen = offer.slots
    for i, a in enumerate(chosen):
        for b in chosen[i + 1 :]:
            assert abs(a.window.start - b.window.start) >= timedelta(hours=1)


def test_part_of_day() -> None:
    for part in PartOfDay:
        offer = choose_offers(SLOTS, Preference(day=TUESDAY, part_of_day=part), NEW_YORK, 3)
        assert offer.slots
        assert all(part.includes(s.window.start.astimezone(NEW_YORK).time()) for s in offer.slots)


def test_around_a_time_prefers_the_nearest() -> None:
    got = starts(Preference(day=TUESDAY, at=time(15), approximate=True))
    assert got[0] == "Tue 01 15:00"
    assert all(abs(int(g[7:9]) - 15) <= 2 for g in got)


def test_earliest_is_chronological() -> None:
    offer = choose_offers(SLOTS, Preference(earliest=True), NEW_YORK, 3)
    assert offer.slots[0] == SLOTS[0]


def test_preferred_staff_first() -> None:
    offer = choose_offers(SLOTS, Preference(day=TUESDAY, staff_id=StaffId("alex")), NEW_YORK, 3)
    assert {s.staff_id for s in offer.slots} == {"alex"}


def test_full_day_proposes_the_nearest_days() -> None:
    # Sam and Alex both fully booked on Tuesday
    busy = {
        StaffId(m): [TimeWindow(datetime(2026, 12, 1, 0, tzinfo=NEW_YORK), datetime(2026, 12, 2, 0, tzinfo=NEW_YORK))]
        for m in ("sam", "alex")
    }
    slots = list(find_slots(CAT, HAIRCUT, NOW.date(), NOW.date() + timedelta(days=14), StaffLoad(busy), NOW))
    offer = choose_offers(slots, Preference(day=TUESDAY, at=time(10)), NEW_YORK, 3)
    assert not offer.on_preferred_day
    days = [s.window.start.astimezone(NEW_YORK).date() for s in offer.slots]
    assert days == [date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 3)]  # distance 1, 1, 2
    assert all(s.window.start.astimezone(NEW_YORK).time() == time(10) for s in offer.slots)


def test_nothing_to_offer() -> None:
    offer = choose_offers([], Preference(day=TUESDAY), NEW_YORK, 3)
    assert offer.empty and not offer.exact_time


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    day=st.none() | st.dates(NOW.date(), NOW.date() + timedelta(days=16)),
    at=st.none() | st.times(time(7), time(20)).map(lambda t: t.replace(second=0, microsecond=0)),
    approximate=st.booleans(),
    part=st.none() | st.sampled_from(list(PartOfDay)),
    count=st.integers(1, 5),
)
def test_offers_are_distinct_real_slots(
    day: date | None, at: time | None, approximate: bool, part: PartOfDay | None, count: int
) -> None:
    pref = Preference(day=day, at=at, approximate=approximate, part_of_day=part)
    offer = choose_offers(SLOTS, pref, NEW_YORK, count)
    assert len(offer.slots) <= count
    assert all(s in SLOTS for s in offer.slots)  # never invents a slot
    assert len(set(offer.slots)) == len(offer.slots)
    if day is not None and offer.on_preferred_day:
        assert all(s.window.start.astimezone(NEW_YORK).date() == day for s in offer.slots)
