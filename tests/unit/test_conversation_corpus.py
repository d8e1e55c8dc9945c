"""The understanding corpus (tests/conversations/) is well formed, and the runner's scoring judges outcomes right."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import CATEGORIES, SPLITS, Case, CorpusFileInvalid, Played, load_cases, score
from benchmarks.corpus.cases import ROOT, business_catalogue, case_problem
from benchmarks.corpus.score import reason_name
from slotline.application.conversation import CallEnd
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.dialogue.actions import TransferReason
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow

NEW_YORK = ZoneInfo("America/New_York")
CALLER = PhoneNumber("+12125550123")


def test_every_split_loads_with_unique_ids_over_every_category() -> None:
    cases = load_cases()

    assert len({c.id for c in cases}) == len(cases)
    for split in SPLITS:
        part = [c for c in cases if c.split == split]
        assert set(Counter(c.category for c in part)) == set(CATEGORIES)
    assert len([c for c in cases if c.split == "heldout"]) >= 110
    assert len([c for c in cases if c.split == "heldout2"]) >= 110
    assert len([c for c in cases if c.split == "heldout3"]) >= 110
    assert len([c for c in cases if c.split == "heldout4"]) >= 110
    assert len([c for c in cases if c.split == "heldout5"]) >= 110
    assert len([c for c in cases if c.split == "heldout6"]) >= 110
    assert len([c for c in cases if c.split == "heldout7"]) >= 110
    assert len([c for c in cases if c.split == "heldout8"]) >= 100
    assert len([c for c in cases if c.split == "heldout9"]) >= 100
    assert len([c for c in cases if c.split == "heldout10"]) >= 100
    assert len([c for c in cases if c.split == "heldout11"]) >= 100
    assert len([c for c in cases if c.split == "heldout12"]) >= 100
    assert len([c for c in cases if c.split == "heldout13"]) >= 100
    assert len([c for c in cases if c.split == "heldout14"]) >= 100
    assert len([c for c in cases if c.split == "heldout15"]) >= 100
    assert len([c for c in cases if c.split == "heldout16"]) >= 100
    assert len([c for c in cases if c.split == "heldout17"]) >= 100
    assert len([c for c in cases if c.split == "heldout18"]) >= 100
    assert len([c for c in cases if c.split == "heldout19"]) >= 100
    assert len([c for c in cases if c.split == "heldout20"]) >= 100
    assert len([c for c in cases if c.split == "heldout21"]) >= 100
    assert len([c for c in cases if c.split == "heldout22"]) >= 100
    assert len([c for c in cases if c.split == "heldout23"]) >= 100
    assert len([c for c in cases if c.split == "heldout24"]) >= 100
    assert len([c for c in cases if c.split == "heldout25"]) >= 100
    assert len([c for c in cases if c.split == "heldout26"]) >= 100
    assert len([c for c in cases if c.split == "heldout27"]) >= 100
    assert len([c for c in cases if c.split == "heldout28"]) >= 100
    assert len([c for c in cases if c.split == "heldout29"]) >= 100
    assert len([c for c in cases if c.split == "heldout30"]) >= 100
    assert len([c for c in cases if c.split == "heldout31"]) >= 100
    assert len([c for c in cases if c.split == "heldout32"]) >= 100
    assert len([c for c in cases if c.split == "heldout33"]) >= 100
    assert len([c for c in cases if c.split == "heldout34"]) >= 100
    assert len([c for c in cases if c.split == "heldout35"]) >= 100
    assert len([c for c in cases if c.split == "heldout36"]) >= 100
    assert len([c for c in cases if c.split == "heldout37"]) >= 100
    assert len([c for c in cases if c.split == "heldout38"]) >= 100
    assert len([c for c in cases if c.split == "heldout39"]) >= 100
    assert len([c for c in cases if c.split == "heldout40"]) >= 100
    assert len([c for c in cases if c.split == "heldout41"]) >= 100
    assert len([c for c in cases if c.split == "heldout42"]) >= 100
    assert len([c for c in cases if c.split == "heldout43"]) >= 100
    assert len([c for c in cases if c.split == "heldout44"]) >= 100
    assert len([c for c in cases if c.split == "heldout45"]) >= 100
    assert len([c for c in cases if c.split == "heldout46"]) >= 100
    assert len([c for c in cases if c.split == "heldout47"]) >= 100
    assert len([c for c in cases if c.split == "heldout48"]) >= 100
    assert len([c for c in cases if c.split == "heldout49"]) >= 100
    assert len([c for c in cases if c.split == "heldout50"]) >= 100
    assert len([c for c in cases if c.split == "heldout51"]) >= 100
    assert len([c for c in cases if c.split == "heldout52"]) >= 100
    assert len([c for c in cases if c.split == "heldout53"]) >= 100
    assert len([c for c in cases if c.split == "heldout54"]) >= 100
    assert len([c for c in cases if c.split == "tuned"]) >= 200


@pytest.mark.parametrize(
    ("split", "letter", "per_category"),
    [
        ("heldout2", "x", 11),
        ("heldout3", "y", 11),
        ("heldout4", "z", 11),
        ("heldout5", "w", 11),
        ("heldout6", "v", 11),
        ("heldout7", "u", 11),
        ("heldout8", "s", 10),
        ("heldout9", "r", 10),
        ("heldout10", "q", 10),
        ("heldout11", "p", 10),
        ("heldout12", "o", 10),
        ("heldout13", "n", 10),
        ("heldout14", "m", 10),
        ("heldout15", "k", 10),
        ("heldout16", "j", 10),
        ("heldout17", "g", 10),
        ("heldout18", "f", 10),
        ("heldout19", "e", 10),
        ("heldout20", "d", 10),
        ("heldout21", "c", 10),
        ("heldout22", "b", 10),
        ("heldout23", "a", 10),
        ("heldout24", "l", 10),
        ("heldout25", "i", 10),
        ("heldout26", "", 10),
        ("heldout27", "aa", 10),
        ("heldout28", "ab", 10),
        ("heldout29", "ac", 10),
        ("heldout30", "ad", 10),
        ("heldout31", "ae", 10),
        ("heldout32", "af", 10),
        ("heldout33", "ag", 10),
        ("heldout34", "ah", 10),
        ("heldout35", "ai", 10),
        ("heldout36", "aj", 10),
        ("heldout37", "ak", 10),
        ("heldout38", "al", 10),
        ("heldout39", "am", 10),
        ("heldout40", "an", 10),
        ("heldout41", "ao", 10),
        ("heldout42", "ap", 10),
        ("heldout43", "aq", 10),
        ("heldout44", "ar", 10),
        ("heldout45", "as", 10),
        ("heldout46", "at", 10),
        ("heldout47", "au", 10),
        ("heldout48", "av", 10),
        ("heldout49", "aw", 10),
        ("heldout50", "ax", 10),
        ("heldout51", "ay", 10),
        ("heldout52", "az", 10),
        ("heldout53", "ba", 10),
        ("heldout54", "bb", 10),
    ],
)
def test_each_later_held_out_set_has_its_own_id_letter_and_a_fixed_count_per_category(
    split: str, letter: str, per_category: int
) -> None:
    later = [c for c in load_cases() if c.split == split]

    assert all(c.id.split("-")[1].startswith(letter) for c in later)
    assert Counter(c.category for c in later) == dict.fromkeys(CATEGORIES, per_category)


def test_every_case_fits_its_catalogue_and_its_clock() -> None:
    for case in load_cases():
        catalogue = business_catalogue(case.catalogue)
        assert case_problem(case) is None
        assert case.now.utcoffset() == case.now.astimezone(catalogue.zone).utcoffset(), case.id  # a real local time
        assert 1 <= len(case.turns) <= 7, case.id
        booking = case.expect.booking
        if booking is not None and booking.staff is not None:
            assert booking.staff in catalogue.service(booking.service).staff, case.id


def _case(**changes: object) -> Case:
    data: dict[str, object] = {
        "id": "booking-t999",
        "category": "booking",
        "catalogue": "dental_us",
        "now": "2026-11-18T09:15:00-05:00",
        "caller": "+12125550123",
        "turns": ["a check-up on Monday at ten", "yes", "no"],
        "expect": {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-23", "time": "10:00"}},
    }
    data.update(changes)
    return Case.model_validate(data)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"catalogue": "spa_fr"}, "no catalogue 'spa_fr'"),
        ({"expect": {"outcome": "booked", "booking": {"service": "facial", "date": "2026-11-23"}}}, "unknown service"),
        (
            {"expect": {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-23", "staff": "zoe"}}},
            "unknown staff member 'zoe'",
        ),
        ({"expect": {"outcome": "booked"}}, "needs a booking"),
        ({"expect": {"outcome": "cancelled"}}, "needs an appointment to start from"),
        ({"expect": {"outcome": "ended", "reason": "urgent"}}, "only for a transfer"),
        (
            {"expect": {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-17"}}},
            "in the past",
        ),
    ],
)
def test_a_case_that_does_not_fit_its_catalogue_is_named(changes: dict[str, object], problem: str) -> None:
    found = case_problem(_case(**changes))

    assert found is not None and problem in found


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"category": "smalltalk"}, "category"),
        ({"now": "2026-11-18T09:15:00"}, "now"),
        ({"expect": {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-31"}}}, "date"),
        (
            {"expect": {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-23", "time": "10"}}},
            "time",
        ),
        ({"expect": {"outcome": "won"}}, "outcome"),
        ({"turns": []}, "turns"),
        ({"mood": "cheerful"}, "mood"),
        ({"id": "booking-abc001"}, "id"),  # at most two letters before the number
    ],
)
def test_a_malformed_case_is_refused(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        _case(**changes)


def test_an_id_may_carry_two_letters_once_every_single_letter_is_taken() -> None:
    assert _case(id="booking-aa001").id == "booking-aa001"


def test_a_bad_corpus_file_is_named_with_the_case_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path
    (root / "tuned").mkdir()
    (root / "catalogues").symlink_to(ROOT / "catalogues")
    (root / "tuned" / "booking.yaml").write_text("- id: booking-t001\n  category: booking\n", encoding="utf-8")
    monkeypatch.setattr("benchmarks.corpus.cases.ROOT", root)

    with pytest.raises(CorpusFileInvalid, match=r"booking\.yaml: \[0\]\.catalogue: missing \(required\)"):
        load_cases(["tuned"])


def _appointment(
    day: int, hour: int, *, ident: str = "a1", service: str = "checkup", staff: str = "maria", cancelled: bool = False
) -> Appointment:
    start = datetime(2026, 11, day, hour, tzinfo=NEW_YORK)
    status = AppointmentStatus.CANCELLED if cancelled else AppointmentStatus.CONFIRMED
    window = TimeWindow(start, start + timedelta(minutes=30))
    return Appointment(AppointmentId(ident), ServiceId(service), StaffId(staff), window, CALLER, status)


def test_the_booking_asked_for_passes() -> None:
    verdict = score(_case(), Played(after=[_appointment(23, 10)], turns_used=3), NEW_YORK)

    assert verdict.passed and not verdict.wrong_action


def test_a_booking_on_another_day_is_a_wrong_action() -> None:
    verdict = score(_case(), Played(after=[_appointment(24, 10)]), NEW_YORK)

    assert not verdict.passed and verdict.wrong_action
    assert verdict.problems == ["booked checkup 2026-11-24 10:00 with maria", "the expected booking was not made"]


def test_no_booking_at_all_fails_without_a_wrong_action() -> None:
    verdict = score(_case(), Played(), NEW_YORK)

    assert not verdict.passed and not verdict.wrong_action


def test_two_services_need_two_bookings_on_the_day() -> None:
    case = _case(expect={"outcome": "booked", "bookings": 2, "booking": {"service": "checkup", "date": "2026-11-23"}})
    cleaning = _appointment(23, 11, ident="a2", service="cleaning", staff="jen")

    assert score(case, Played(after=[_appointment(23, 10), cleaning]), NEW_YORK).passed
    assert not score(case, Played(after=[_appointment(23, 10)]), NEW_YORK).wrong_action
    assert score(case, Played(after=[_appointment(23, 10), _appointment(24, 9, ident="a2")]), NEW_YORK).wrong_action


def test_a_move_must_land_where_expected_and_a_cancel_where_none_was_asked_is_wrong() -> None:
    case = _case(
        appointments=[{"service": "checkup", "staff": "maria", "start": "2026-11-25T10:00:00-05:00"}],
        expect={"outcome": "rescheduled", "booking": {"service": "checkup", "date": "2026-11-27", "time": "10:00"}},
    )
    before = [_appointment(25, 10)]

    assert score(case, Played(before=before, after=[_appointment(27, 10)]), NEW_YORK).passed
    moved_wrong = score(case, Played(before=before, after=[_appointment(26, 10)]), NEW_YORK)
    assert moved_wrong.wrong_action and "moved to checkup 2026-11-26 10:00 with maria" in moved_wrong.problems
    cancelled = score(case, Played(before=before, after=[_appointment(25, 10, cancelled=True)]), NEW_YORK)
    assert cancelled.wrong_action and cancelled.problems[0].startswith("cancelled checkup 2026-11-25")


def test_a_transfer_is_judged_by_its_reason_and_the_facts_said() -> None:
    case = _case(expect={"outcome": "transferred", "reason": "asked_for_person", "says": ["$95"]})
    asked = Played(agent=["A check-up is $95."], end=CallEnd.TRANSFERRED, transfer_reason=TransferReason.CALLER_ASKED)
    lost = Played(agent=["Sorry?"], end=CallEnd.TRANSFERRED, transfer_reason=TransferReason.MISUNDERSTANDINGS)

    assert score(case, asked, NEW_YORK).passed
    verdict = score(case, lost, NEW_YORK)
    assert verdict.problems == ["transferred because misunderstood, expected asked_for_person", "never said '$95'"]
    assert not verdict.wrong_action


def test_ending_politely_is_not_a_transfer() -> None:
    case = _case(expect={"outcome": "ended"})

    assert score(case, Played(end=CallEnd.HUNG_UP), NEW_YORK).passed
    assert not score(case, Played(end=CallEnd.TRANSFERRED), NEW_YORK).passed
    assert score(case, Played(after=[_appointment(23, 10)]), NEW_YORK).wrong_action


def test_reasons_have_corpus_names() -> None:
    assert reason_name(TransferReason.CALLER_ASKED) == "asked_for_person"
    assert reason_name(None) is None
    assert {reason_name(r) for r in TransferReason} >= {"asked_for_person", "misunderstood"}
