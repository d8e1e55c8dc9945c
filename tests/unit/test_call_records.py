"""Call records: the outcome rule, the recorder on the in-memory store, and how `slotline calls` shows a record."""

from __future__ import annotations

from datetime import timedelta

import pytest

from slotline.application.call_recording import CallRecorders
from slotline.application.listening import CallerSaid
from slotline.application.ports import CallState
from slotline.domain.call_record import (
    CallEnding,
    CallEntry,
    CallRecord,
    CallResult,
    EntryKind,
    TurnTimings,
    call_outcome,
)
from slotline.domain.errors import InvalidValue
from slotline.domain.ids import StaffId
from slotline.domain.understanding import Intent, Interpretation
from slotline.entrypoints.call_views import entry_line, record_json, summary_line, transcript_lines
from slotline.testing.fakes import InMemoryCallRecords, SettableClock
from slotline.testing.sample import CUSTOMER, NEW_YORK, NOW


@pytest.mark.parametrize(
    ("connected", "changed", "hung_up", "result"),
    [
        (True, CallResult.BOOKED, False, CallResult.TRANSFERRED),
        (False, None, False, CallResult.TRANSFER_UNANSWERED),
        (False, CallResult.BOOKED, False, CallResult.TRANSFER_UNANSWERED),  # a person is still needed
        (None, CallResult.RESCHEDULED, False, CallResult.RESCHEDULED),
        (None, CallResult.CANCELLED, True, CallResult.CANCELLED),
        (None, None, True, CallResult.CALLER_HUNG_UP),
        (None, None, False, CallResult.NO_CHANGE),
    ],
)
def test_a_hand_over_then_a_change_then_hanging_up_decide_the_outcome(
    connected: bool | None, changed: CallResult | None, hung_up: bool, result: CallResult
) -> None:
    assert call_outcome(transfer_connected=connected, changed=changed, caller_hung_up=hung_up) is result


def test_values_refuse_what_cannot_be() -> None:
    with pytest.raises(InvalidValue):
        TurnTimings(recognised_ms=-1)
    with pytest.raises(InvalidValue):
        CallEntry(0, NOW.replace(tzinfo=None), EntryKind.SILENCE)
    with pytest.raises(InvalidValue):
        CallRecord("", NOW, CUSTOMER)


async def test_the_recorder_writes_each_turn_with_its_meaning_and_timings_in_order() -> None:
    store = InMemoryCallRecords()
    recorder = CallRecorders(store, SettableClock(NOW)).start("c1", CUSTOMER, "+12125550100")
    recorder.states([(CallState.PENDING, NOW), (CallState.ANSWERED, NOW)])
    recorder.agent("Hello!")
    recorder.heard(CallerSaid("yes", quick=True, paused_at=10.0, recognised_at=10.25))
    recorder.backend("book", 0.0421, None)
    recorder.agent("You're booked.")  # the line is told before its audio goes out
    recorder.decided(Interpretation(Intent.AFFIRM))
    recorder.audio_out()
    recorder.silence()
    recorder.barge_in()
    await recorder.finish(CallEnding(NOW + timedelta(seconds=9), CallResult.BOOKED, NOW, appointment_id="a1"))

    record = await store.get("c1")
    kinds = [(e.kind.value, e.text) for e in record.entries]
    assert kinds == [
        ("state", "PENDING"),
        ("state", "ANSWERED"),
        ("agent", "Hello!"),
        ("caller", "yes"),
        ("backend", "book"),
        ("agent", "You're booked."),
        ("silence", None),
        ("barge-in", None),
    ]
    caller = record.entries[3]
    assert caller.understood == "affirm"
    assert caller.timings is not None and caller.timings.recognised_ms == 250
    assert caller.timings.decided_ms is not None and caller.timings.first_audio_ms is not None
    assert record.entries[4].duration_ms == 42
    assert (record.outcome, record.appointment_id) == (CallResult.BOOKED, "a1")


async def test_without_transcripts_the_words_stay_out_and_the_intent_stays() -> None:
    store = InMemoryCallRecords()
    recorder = CallRecorders(store, SettableClock(NOW), transcripts=False).start("c2", None, None)
    recorder.heard(CallerSaid("my name is Dana", quick=False))
    recorder.decided(Interpretation(Intent.INFORM, staff_id=StaffId("dana")))
    recorder.agent("Thanks, Dana.")
    await recorder.finish(CallEnding(NOW, CallResult.NO_CHANGE))

    record = await store.get("c2")
    assert [(e.kind.value, e.text, e.understood) for e in record.entries] == [
        ("caller", None, "inform"),
        ("agent", None, None),
    ]
    assert record.transcripts is False


async def test_recording_off_writes_nothing_and_a_failing_store_never_breaks_the_call() -> None:
    recorder = CallRecorders(None, SettableClock(NOW)).start("c3", CUSTOMER, None)
    recorder.agent("Hello!")
    await recorder.finish(CallEnding(NOW, CallResult.NO_CHANGE))

    broken = CallRecorders(_Refusing(), SettableClock(NOW)).start("c4", CUSTOMER, None)  # appends fail
    broken.agent("Hello!")
    await broken.finish(CallEnding(NOW, CallResult.NO_CHANGE))


class _Refusing(InMemoryCallRecords):
    async def append(self, call_id: str, entry: CallEntry) -> None:
        raise OSError("disk full")


def _record() -> CallRecord:
    return CallRecord(
        "c1",
        NOW,
        CUSTOMER,
        "+12125550100",
        answered_at=NOW + timedelta(seconds=1),
        ended_at=NOW + timedelta(seconds=75),
        outcome=CallResult.TRANSFERRED,
        transfer_reason="caller asked for a person",
        entries=(
            CallEntry(0, NOW, EntryKind.STATE, text="ANSWERED"),
            CallEntry(
                1,
                NOW + timedelta(seconds=3.5),
                EntryKind.CALLER,
                text="a person please",
                understood="human",
                timings=TurnTimings(120, 300, 410),
            ),
            CallEntry(2, NOW + timedelta(seconds=4), EntryKind.BACKEND, text="book", duration_ms=2000, error="down"),
        ),
    )


def test_a_call_is_one_line_with_the_number_masked() -> None:
    line = summary_line(_record(), NEW_YORK)

    assert line.startswith("Wed 2026-11-25 09:00:00  +12*******23")
    assert "1m 15s" in line and "transferred" in line and CUSTOMER.e164 not in line
    assert CUSTOMER.e164 in summary_line(_record(), NEW_YORK, unmask=True)


def test_the_transcript_shows_each_turn_with_its_timings() -> None:
    lines = transcript_lines(_record(), NEW_YORK)

    assert lines[:5] == [
        "call c1",
        "  caller   +12*******23  (dialled +12*******00)",
        "  started  Wed 2026-11-25 09:00:00 EST  answered +1.00s  duration 1m 15s",
        "  outcome  transferred (caller asked for a person)",
        "  states   ANSWERED",
    ]
    assert lines[-2] == (
        "   +3.50s  caller: 'a person please'  => human"
        "  [end of speech -> recognised 120 ms -> decided 300 ms -> first audio 410 ms]"
    )
    assert lines[-1] == "   +4.00s    . book (2000 ms) FAILED: down"
    assert entry_line(CallEntry(3, NOW, EntryKind.AGENT), NOW) == "   +0.00s  agent:  (words not kept)"


def test_json_masks_numbers_unless_asked() -> None:
    shown = record_json(_record())

    assert shown["caller"] == "+12*******23" and shown["states"] == ["ANSWERED"]
    assert record_json(_record(), unmask=True)["caller"] == CUSTOMER.e164
    assert "entries" not in record_json(_record(), entries=False)
