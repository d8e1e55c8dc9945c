"""CallRecords: every call on the record, written as it goes and read back by the operator."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from slotline.domain.call_record import CallEnding, CallEntry, CallQuery, CallRecord
from slotline.domain.errors import SlotlineError

__all__ = ["CallRecordNotFound", "CallRecords"]


class CallRecordNotFound(SlotlineError):
    """No call with this id is on the record (never recorded, or purged)."""

    def __init__(self, call_id: str) -> None:
        super().__init__(f"no call {call_id!r} on the record")
        self.call_id = call_id


class CallRecords(Protocol):
    """Where call records are kept. Each write stands on its own (committed when it returns), so a worker that
    dies mid-call leaves the record up to its last entry. Errors: StorageUnavailable when the store cannot be used."""

    async def begin(self, record: CallRecord) -> None:
        """Put a new call on the record (its entries, if any, are ignored); beginning it again changes nothing."""
        ...

    async def append(self, call_id: str, entry: CallEntry) -> None:
        """Add one entry to a begun call (CallRecordNotFound otherwise); an entry number already there is kept as
        it was."""
        ...

    async def finish(self, call_id: str, ending: CallEnding) -> None:
        """Record how the call ended (CallRecordNotFound if it was never begun)."""
        ...

    async def list(self, query: CallQuery) -> list[CallRecord]:
        """The calls `query` selects, newest start first, without their entries."""
        ...

    async def get(self, call_id: str) -> CallRecord:
        """One call with every entry in order (CallRecordNotFound if there is none)."""
        ...

    async def purge(self, before: datetime) -> int:
        """Delete every call that started before `before`, with its entries; returns how many calls."""
        ...
