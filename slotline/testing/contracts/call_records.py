"""The CallRecords contract: a call begun, written entry by entry, finished, listed, read back and purged.

Needs pytest and pytest-asyncio (test-time only). Subclass CallRecordsContract and override the `records` fixture
to return an empty store.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from slotline.application.ports import CallRecordNotFound, CallRecords
from slotline.domain.call_record import (
    CallEnding,
    CallEntry,
    CallQuery,
    CallRecord,
    CallResult,
    EntryKind,
    TurnTimings,
)
from slotline.domain.phone import PhoneNumber
from slotline.testing.sample import CUSTOMER, NOW, OTHER_CUSTOMER

__all__ = ["CallRecordsContract"]

_MS = timedelta(milliseconds=1)


def _call(call_id: str, minutes_ago: int = 0, caller: PhoneNumber | None = CUSTOMER) -> CallRecord:
    return CallRecord(call_id, NOW - timedelta(minutes=minutes_ago), caller, business="+12125550100")


def _ending(outcome: CallResult, appointment_id: str | None = None) -> CallEnding:
    return CallEnding(ended_at=NOW + timedelta(seconds=42), outcome=outcome, appointment_id=appointment_id)


class CallRecordsContract:
    """Every CallRecords: records are written piece by piece and read back exactly as written."""

    @pytest.fixture
    def records(self) -> CallRecords:
        """Override: the store under test, empty."""
        pytest.fail("subclass CallRecordsContract and override the `records` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_a_call_is_read_back_with_every_entry_in_order(self, records: CallRecords) -> None:
        """Each kind of entry keeps every field; entries come back by number, whatever order they were written in."""
        entries = (
            CallEntry(0, NOW, EntryKind.STATE, text="ANSWERED"),
            CallEntry(1, NOW + 5 * _MS, EntryKind.AGENT, text="Hello, Maple Street Clinic."),
            CallEntry(
                2,
                NOW + 900 * _MS,
                EntryKind.CALLER,
                text="a haircut tomorrow at ten",
                understood="book service='haircut' day=2026-11-26",
                timings=TurnTimings(recognised_ms=120, decided_ms=340, first_audio_ms=410),
            ),
            CallEntry(3, NOW + 950 * _MS, EntryKind.BACKEND, text="find slots", duration_ms=35),
            CallEntry(4, NOW + 990 * _MS, EntryKind.BACKEND, text="book", duration_ms=2001, error="calendar down"),
            CallEntry(5, NOW + 999 * _MS, EntryKind.BARGE_IN),
            CallEntry(6, NOW + 1999 * _MS, EntryKind.SILENCE),
        )
        await records.begin(_call("call-1"))
        for entry in (entries[0], entries[1], entries[3], entries[2], *entries[4:]):
            await records.append("call-1", entry)

        record = await records.get("call-1")

        assert record.entries == entries
        assert record.state_path == [("ANSWERED", NOW)]
        assert (record.caller, record.business, record.transcripts) == (CUSTOMER, "+12125550100", True)
        assert record.started_at == NOW
        assert (record.ended_at, record.outcome) == (None, None)

    @pytest.mark.asyncio
    async def test_a_record_is_readable_before_the_call_ends(self, records: CallRecords) -> None:
        """What was appended is there at once: a worker killed mid-call leaves the record up to that point."""
        await records.begin(_call("live"))
        await records.append("live", CallEntry(0, NOW, EntryKind.CALLER, text="hello"))

        record = await records.get("live")

        assert [e.text for e in record.entries] == ["hello"]
        assert record.outcome is None
        assert [r.call_id for r in await records.list(CallQuery())] == ["live"]

    @pytest.mark.asyncio
    async def test_finishing_records_the_outcome_and_the_appointment(self, records: CallRecords) -> None:
        await records.begin(_call("booked"))
        answered = NOW + timedelta(seconds=1)

        await records.finish(
            "booked",
            CallEnding(
                ended_at=NOW + timedelta(seconds=42),
                outcome=CallResult.TRANSFERRED,
                answered_at=answered,
                transfer_reason="caller asked for a person",
                appointment_id="apt-1",
            ),
        )

        record = await records.get("booked")
        assert record.outcome is CallResult.TRANSFERRED
        assert (record.answered_at, record.ended_at) == (answered, NOW + timedelta(seconds=42))
        assert (record.transfer_reason, record.appointment_id) == ("caller asked for a person", "apt-1")

    @pytest.mark.asyncio
    async def test_writing_twice_keeps_the_first(self, records: CallRecords) -> None:
        """Beginning a call again, or appending an entry number again, changes nothing (a retried write)."""
        await records.begin(_call("twice"))
        await records.append("twice", CallEntry(0, NOW, EntryKind.CALLER, text="first"))

        await records.begin(_call("twice", minutes_ago=5, caller=None))
        await records.append("twice", CallEntry(0, NOW, EntryKind.CALLER, text="second"))

        record = await records.get("twice")
        assert (record.started_at, record.caller) == (NOW, CUSTOMER)
        assert [e.text for e in record.entries] == ["first"]

    @pytest.mark.asyncio
    async def test_an_unknown_call_is_not_found(self, records: CallRecords) -> None:
        with pytest.raises(CallRecordNotFound):
            await records.get("nope")
        with pytest.raises(CallRecordNotFound):
            await records.append("nope", CallEntry(0, NOW, EntryKind.SILENCE))
        with pytest.raises(CallRecordNotFound):
            await records.finish("nope", _ending(CallResult.NO_CHANGE))

    @pytest.mark.asyncio
    async def test_a_withheld_caller_and_words_kept_out_are_recorded_as_such(self, records: CallRecords) -> None:
        record = CallRecord("private", NOW, caller=None, business=None, transcripts=False)
        await records.begin(record)
        await records.append("private", CallEntry(0, NOW, EntryKind.CALLER, timings=TurnTimings(decided_ms=5)))

        found = await records.get("private")

        assert (found.caller, found.business, found.transcripts) == (None, None, False)
        assert found.entries == (CallEntry(0, NOW, EntryKind.CALLER, timings=TurnTimings(decided_ms=5)),)

    @pytest.mark.asyncio
    async def test_listing_is_newest_first_and_filters(self, records: CallRecords) -> None:
        """`since`, `before`, `outcome` and `caller` narrow the list; `limit` keeps the newest; entries are left out."""
        await records.begin(_call("old", minutes_ago=60))
        await records.begin(_call("mid", minutes_ago=30, caller=OTHER_CUSTOMER))
        await records.begin(_call("new", minutes_ago=1))
        await records.append("new", CallEntry(0, NOW, EntryKind.SILENCE))
        await records.finish("old", _ending(CallResult.BOOKED, "apt-9"))
        await records.finish("new", _ending(CallResult.CALLER_HUNG_UP))

        assert [r.call_id for r in await records.list(CallQuery())] == ["new", "mid", "old"]
        assert [r.call_id for r in await records.list(CallQuery(limit=2))] == ["new", "mid"]
        since = NOW - timedelta(minutes=30)
        assert [r.call_id for r in await records.list(CallQuery(since=since))] == ["new", "mid"]
        assert [r.call_id for r in await records.list(CallQuery(before=since))] == ["old"]
        one_day = CallQuery(since=since, before=NOW - timedelta(minutes=1))
        assert [r.call_id for r in await records.list(one_day)] == ["mid"]
        booked = await records.list(CallQuery(outcome=CallResult.BOOKED))
        assert [(r.call_id, r.appointment_id) for r in booked] == [("old", "apt-9")]
        assert [r.call_id for r in await records.list(CallQuery(caller=OTHER_CUSTOMER))] == ["mid"]
        assert all(r.entries == () for r in await records.list(CallQuery()))

    @pytest.mark.asyncio
    async def test_purge_deletes_calls_started_before_the_cutoff(self, records: CallRecords) -> None:
        await records.begin(_call("old", minutes_ago=60))
        await records.append("old", CallEntry(0, NOW, EntryKind.SILENCE))
        await records.begin(_call("new"))

        assert await records.purge(NOW - timedelta(minutes=1)) == 1

        assert [r.call_id for r in await records.list(CallQuery())] == ["new"]
        with pytest.raises(CallRecordNotFound):
            await records.get("old")
        assert await records.purge(NOW - timedelta(minutes=1)) == 0
