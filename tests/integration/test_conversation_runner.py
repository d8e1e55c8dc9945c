"""The corpus runner on hand-made conversations whose outcome is known with today's agent."""

from __future__ import annotations

import asyncio
from pathlib import Path

from benchmarks.conversations import report, run
from benchmarks.corpus import Case
from slotline.entrypoints.settings import UnderstandingSettings
from slotline.infrastructure.model_nlu.settings import ModelSettings
from slotline.testing.model_server import FakeModelServer


def _case(ident: str, turns: list[str], expect: dict[str, object], **more: object) -> Case:
    return Case.model_validate(
        {
            "id": ident,
            "category": "booking",
            "catalogue": "dental_us",
            "now": "2026-11-18T09:15:00-05:00",
            "caller": "+12125550123",
            "turns": turns,
            "expect": expect,
            "split": "tuned",
            **more,
        }
    )


PLAIN = _case(
    "booking-t901",
    ["a check-up on Monday at ten", "yes", "no thanks"],
    {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-23", "time": "10:00", "staff": "maria"}},
)
WRONG_DAY = _case(  # the caller said Monday and confirmed it; the case (deliberately) expects Tuesday
    "booking-t902",
    ["a check-up on Monday at ten", "yes", "no thanks"],
    {"outcome": "booked", "booking": {"service": "checkup", "date": "2026-11-24", "time": "10:00"}},
)
PERSON = _case(
    "booking-t903", ["can I talk to a real person", "thanks"], {"outcome": "transferred", "reason": "asked_for_person"}
)
CANCEL = _case(
    "booking-t904",
    ["I need to cancel my appointment", "yes", "no"],
    {"outcome": "cancelled"},
    customer="Gina Torres",
    appointments=[{"service": "checkup", "staff": "maria", "start": "2026-11-25T10:00:00-05:00"}],
)
BUSY = _case(  # the 10:00 the caller asks for is taken in the calendar: no booking, and not a wrong one
    "booking-t905",
    ["a check-up on Monday at ten", "no", "no"],
    {"outcome": "ended"},
    busy=[
        {"staff": s, "start": "2026-11-23T08:00:00-05:00", "end": "2026-11-23T17:00:00-05:00"}
        for s in ("maria", "david")
    ],
)


def test_known_outcomes_are_scored_right(tmp_path: Path) -> None:
    results = {r.case.id: r for r in asyncio.run(run([PLAIN, WRONG_DAY, PERSON, CANCEL, BUSY], tmp_path))}

    assert results["booking-t901"].verdict.passed
    assert results["booking-t901"].played.turns_used == 3
    wrong = results["booking-t902"].verdict
    assert not wrong.passed and wrong.wrong_action
    assert wrong.problems[0] == "booked checkup 2026-11-23 10:00 with maria"
    assert results["booking-t903"].verdict.passed
    assert results["booking-t904"].verdict.passed, results["booking-t904"].verdict.problems
    busy = results["booking-t905"]
    assert not busy.verdict.wrong_action and busy.played.after == []


def test_each_conversation_gets_its_own_database(tmp_path: Path) -> None:
    first, second = asyncio.run(run([PLAIN, PLAIN], tmp_path))

    assert first.verdict.passed and second.verdict.passed  # the second 10:00 is free again: a fresh file


def test_the_report_counts_wrong_actions_with_their_ids(tmp_path: Path) -> None:
    text = report(asyncio.run(run([PLAIN, WRONG_DAY], tmp_path)), show_failures=True)

    assert "booking                 1/2     50.0%  1" in text
    assert "wrong actions: 1 (booking-t902)" in text
    assert "turns per successful booking: 3.00 (over 1 bookings)" in text
    assert "-- booking-t902 [tuned/booking] WRONG ACTION: booked checkup 2026-11-23 10:00 with maria" in text
    assert "   caller: a check-up on Monday at ten" in text


def test_with_a_model_the_report_counts_the_turns_it_was_asked_about(tmp_path: Path) -> None:
    booked = {"service": "checkup", "date": "2026-11-23", "time": "10:00", "staff": "maria"}
    turns = ["a check-up on Monday at ten", "flibber wop", "yes", "no thanks"]
    odd = _case("booking-t906", turns, {"outcome": "booked", "booking": booked})
    with FakeModelServer() as model:
        settings = ModelSettings(base_url=f"{model.url}/v1", model="knows-nothing", deadline_ms=10_000)  # loaded CI
        understanding = UnderstandingSettings(backend="model", model=settings)

        (result,) = asyncio.run(run([odd], tmp_path, understanding))
        asked = [r for r in model.requests if "flibber wop" in str(r["body"])]

    assert result.verdict.passed
    assert result.played.model_turns is not None
    assert (result.played.model_turns.heard, result.played.model_turns.asked) == (4, 1)
    assert len(asked) == 1  # only the turn the rules did not understand
    assert "model asked about 1 of 4 turns (25.0%): answered 1, timed out 0, failed 0" in report([result])
    assert "per caller turn: p50 " in report([result])
