"""InMemoryCallRecords: call records in a dict, for tests of what a call leaves on the record."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from slotline.application.ports.call_records import CallRecordNotFound
from slotline.domain.call_record import CallEnding, CallEntry, CallQuery, CallRecord


class InMemoryCallRecords:
    """CallRecords kept in memory, with the SQL adapters' rules (first write of an entry number wins)."""

    def __init__(self) -> None:
        self._records: dict[str, CallRecord] = {}
        self._entries: dict[str, dict[int, CallEntry]] = {}

    async def begin(self, record: CallRecord) -> None:
        if record.call_id not in self._records:
            self._records[record.call_id] = replace(record, entries=())
            self._entries[record.call_id] = {}

    async def append(self, call_id: str, entry: CallEntry) -> None:
        if call_id not in self._records:
            raise CallRecordNotFound(call_id)
        self._entries[call_id].setdefault(entry.seq, entry)

    async def finish(self, call_id: str, ending: CallEnding) -> None:
        if call_id not in self._records:
            raise CallRecordNotFound(call_id)
        self._records[call_id] = self._records[call_id].ended(ending)

    async def list(self, query: CallQuery) -> list[CallRecord]:
        found = [
            r
            for r in self._records.values()
            if (query.since is None or r.started_at >= query.since)
            and (query.before is None or r.started_at < query.before)
            and (query.outcome is None or r.outcome is query.outcome)
            and (query.caller is None or r.caller == query.caller)
        ]
        found.sort(key=lambda r: (r.started_at, r.call_id), reverse=True)
        return found[: query.limit]

    async def get(self, call_id: str) -> CallRecord:
        if call_id not in self._records:
            raise CallRecordNotFound(call_id)
        entries = self._entries[call_id]
        return replace(self._records[call_id], entries=tuple(entries[seq] for seq in sorted(entries)))

    async def purge(self, before: datetime) -> int:
        old = [call_id for call_id, r in self._records.items() if r.started_at < before]
        for call_id in old:
            del self._records[call_id], self._entries[call_id]
        return len(old)
