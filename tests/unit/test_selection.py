from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from slotline.domain.availability import find_slots
from slotline.domain.ids import StaffId
from slotline.domain.preference import UNBOUNDED, PartOfDay, Preference, StartBounds
from slotline.domain.selection import choose_offers
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
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


def local_starts(offered: tuple[Slot, ...]) -> list[datetime]:
    return [s.window.start.astimezone(NEW_YORK) for s in offered]


def every_start(pref: Preference, slots: list[Slot] | None = None) -> list[datetime]:
    """All the slots the bounds let through on the wanted days: no count limit, no spread."""
    return local_starts(choose_offers(SLOTS if slots is None else slots, pref, NEW_YORK, 500, timedelta(0)).slots)


def test_after_four_offers_only_slots_starting_at_or_after_four() -> None:
    assert min(s.time() for s in every_start(Preference(day=TUESDAY))) < time(16)  # there are earlier ones
    offered = local_starts(
        choose_offers(SLOTS, Preference(day=TUESDAY, bounds=StartBounds(time(16))), NEW_YORK, 3).slots
    )
    assert offered and all(s.date() == TUESDAY and s.time() >= time(16) for s in offered)
    assert offered[0].time() == time(16)  # four itself is "after four"


def test_before_eleven_must_start_before_eleven_but_no_later_than_eleven_may_start_at_it() -> None:
    before = every_start(Preference(day=TUESDAY, bounds=StartBounds(before=time(11))))
    assert before and max(s.time() for s in before) < time(11)
    no_later = every_start(Preference(day=TUESDAY, bounds=StartBounds(not_after=time(11))))
    assert max(s.time() for s in no_later) == time(11)


def test_between_two_and_four_is_from_two_up_to_four() -> None:
    got = every_start(Preference(day=TUESDAY, bounds=StartBounds(not_before=time(14), before=time(16))))
    assert min(s.time() for s in got) == time(14)
    assert max(s.time() for s in got) < time(16)
    assert len(got) > 2


def test_nothing_within_the_bounds_on_the_day_offers_the_nearest_days_within_them() -> None:
    late_tuesday = TimeWindow(datetime(2026, 12, 1, 15, tzinfo=NEW_YORK), datetime(2026, 12, 2, tzinfo=NEW_YORK))
    load = StaffLoad({StaffId("sam"): [late_tuesday], StaffId("alex"): [late_tuesday]})
    slots = list(find_slots(CAT, HAIRCUT, NOW.date(), NOW.date() + timedelta(days=14), load, NOW))
    assert any(s.window.start.astimezone(NEW_YORK).date() == TUESDAY for s in slots)  # the morning is free
    offer = choose_offers(slots, Preference(day=TUESDAY, bounds=StartBounds(time(16))), NEW_YORK, 3)
    assert not offer.on_preferred_day
    got = local_starts(offer.slots)
    assert [s.date() for s in got] == [date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 3)]
    assert all(s.time() >= time(16) for s in got)


def test_bounds_that_nothing_meets_offer_nothing() -> None:
    offer = choose_offers(SLOTS, Preference(day=TUESDAY, bounds=StartBounds(not_before=time(19))), NEW_YORK, 3)
    assert offer.empty


NEXT_MONDAY, NEXT_SUNDAY = date(2026, 11, 30), date(2026, 12, 6)


def test_a_range_of_days_offers_different_days_within_it() -> None:
    offer = choose_offers(SLOTS, Preference(day=NEXT_MONDAY, last_day=NEXT_SUNDAY), NEW_YORK, 3)
    assert offer.on_preferred_day
    days = [s.date() for s in local_starts(offer.slots)]
    assert days == [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)]


def test_a_range_of_days_with_a_time_lets_the_caller_pick_the_day() -> None:
    offer = choose_offers(SLOTS, Preference(day=NEXT_MONDAY, last_day=NEXT_SUNDAY, at=time(10)), NEW_YORK, 3)
    got = local_starts(offer.slots)
    assert all(s.time() == time(10) for s in got)
    assert len({s.date() for s in got}) == 3
    assert not offer.exact_time  # several days fit: no straight readback


def test_the_earliest_in_a_range_of_days_is_chronological() -> None:
    offer = choose_offers(SLOTS, Preference(day=NEXT_MONDAY, last_day=NEXT_SUNDAY, earliest=True), NEW_YORK, 3)
    got = local_starts(offer.slots)
    assert got[0] == datetime(2026, 11, 30, 9, tzinfo=NEW_YORK)
    assert {s.date() for s in got} == {NEXT_MONDAY}


def test_a_full_range_of_days_offers_the_nearest_days_outside_it() -> None:
    early_next_week = Preference(day=NEXT_MONDAY, last_day=date(2026, 12, 2))
    load = StaffLoad(
        {
            StaffId(m): [TimeWindow(datetime(2026, 11, 30, tzinfo=NEW_YORK), datetime(2026, 12, 3, tzinfo=NEW_YORK))]
            for m in ("sam", "alex")
        }
    )
    slots = list(find_slots(CAT, HAIRCUT, NOW.date(), NOW.date() + timedelta(days=14), load, NOW))
    offer = choose_offers(slots, early_next_week, NEW_YORK, 3)
    assert not offer.on_preferred_day
    days = [s.date() for s in local_starts(offer.slots)]
    assert days == [date(2026, 11, 28), date(2026, 12, 3), date(2026, 12, 4)]  # 2, 1 and 2 days away


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    day=st.none() | st.dates(NOW.date(), NOW.date() + timedelta(days=16)),
    at=st.none() | st.times(time(7), time(20)).map(lambda t: t.replace(second=0, microsecond=0)),
    approximate=st.booleans(),
    part=st.none() | st.sampled_from(list(PartOfDay)),
    count=st.integers(1, 5),
    span=st.integers(0, 6),
    low=st.none() | st.integers(7 * 4, 19 * 4).map(lambda q: time(q // 4, q % 4 * 15)),
    length=st.integers(1, 12 * 4),
)
def test_offers_are_distinct_real_slots(
    day: date | None,
    at: time | None,
    approximate: bool,
    part: PartOfDay | None,
    count: int,
    span: int,
    low: time | None,
    length: int,
) -> None:
    last_day = day + timedelta(days=span) if day is not None and span else None
    high_minutes = (low.hour * 60 + low.minute if low else 7 * 60) + length * 15
    high = time(high_minutes // 60, high_minutes % 60) if high_minutes < 24 * 60 else None
    bounds = StartBounds(not_before=low, before=high)
    pref = Preference(day=day, last_day=last_day, at=at, approximate=approximate, part_of_day=part, bounds=bounds)
    offer = choose_offers(SLOTS, pref, NEW_YORK, count)
    assert len(offer.slots) <= count
    assert all(s in SLOTS for s in offer.slots)  # never invents a slot
    assert len(set(offer.slots)) == len(offer.slots)
    assert all(bounds.admits(s.window.start.astimezone(NEW_YORK).time()) for s in offer.slots)
    if day is not None and offer.on_preferred_day:
        assert all(pref.wants_day(s.window.start.astimezone(NEW_YORK).date()) for s in offer.slots)
    if bounds == UNBOUNDED and day is None:
        assert offer.slots  # two weeks of a haircut always have something
