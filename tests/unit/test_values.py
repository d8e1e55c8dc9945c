from collections.abc import Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from slotline.domain.errors import InvalidPhoneNumber, InvalidTimeWindow, InvalidValue
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.time_window import TimeWindow

NY = ZoneInfo("America/New_York")


@pytest.mark.parametrize("raw", ["12125550100", "+0123456789", "+1 212 555 0100", "+1", "", "+1234567890123456"])
def test_phone_number_rejects_non_e164(raw: str) -> None:
    with pytest.raises(InvalidPhoneNumber):
        PhoneNumber(raw)


def test_phone_number_masks_all_but_country_and_last_two() -> None:
    assert PhoneNumber("+12125550100").masked() == "+12*******00"


def test_time_window_needs_aware_ordered_ends() -> None:
    with pytest.raises(InvalidTimeWindow):
        TimeWindow(datetime(2026, 1, 1, 10), datetime(2026, 1, 1, 11))
    start = datetime(2026, 1, 1, 10, tzinfo=NY)
    with pytest.raises(InvalidTimeWindow):
        TimeWindow(start, start)


def test_time_window_compares_real_instants_in_the_repeated_hour() -> None:
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NY, fold=0)  # 01:30 EDT
    second = datetime(2026, 11, 1, 1, 15, tzinfo=NY, fold=1)  # 01:15 EST, 45 minutes later
    window = TimeWindow(first, second)
    assert window.duration == timedelta(minutes=45)


def test_span_must_end_after_it_starts() -> None:
    with pytest.raises(InvalidValue):
        LocalSpan(time(12), time(9))
    assert LocalSpan(time(22), time(0)).ends_at_midnight


@pytest.mark.parametrize(
    "make",
    [
        lambda: BookingPolicy(slot_interval=timedelta(minutes=7)),
        lambda: BookingPolicy(slot_interval=timedelta(seconds=30)),
        lambda: BookingPolicy(min_notice=timedelta(minutes=-1)),
        lambda: BookingPolicy(max_days_ahead=-1),
        lambda: BookingPolicy(hold_ttl=timedelta(0)),
        lambda: BookingPolicy(offers_per_turn=0),
        lambda: BookingPolicy(daily_cap_per_staff=0),
    ],
)
def test_policy_rejects_nonsense(make: Callable[[], BookingPolicy]) -> None:
    with pytest.raises(InvalidValue):
        make()
