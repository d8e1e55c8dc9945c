"""Recording one call as it goes: each turn, line, silence, barge-in and backend call is written when it happens.

Writes go through one queue per call to the CallRecords port, in order, on a task of their own: the call never
waits for the record, and a store that fails is logged and leaves the call alone. A turn's latency split is taken
on the event loop's clock from the moment the caller went quiet.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from slotline.application.heard import described
from slotline.application.listening import CallerSaid
from slotline.application.ports import CallRecords, Clock
from slotline.domain.call_record import CallEnding, CallEntry, CallRecord, EntryKind, TurnTimings
from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import Interpretation

__all__ = ["CallRecorder", "CallRecorders"]

log = logging.getLogger(__name__)

_Write = Callable[[], Awaitable[None]]


class CallRecorders:
    """Starts a CallRecorder per call; built once. `records` None: recording is off and costs nothing."""

    def __init__(self, records: CallRecords | None, clock: Clock, *, transcripts: bool = True) -> None:
        self._records = records
        self._clock = clock
        self._transcripts = transcripts

    def start(self, call_id: str, caller: PhoneNumber | None, business: str | None) -> CallRecorder:
        """Begin the record of a call that is coming in now."""
        record = CallRecord(call_id, self._clock.now(), caller, business, transcripts=self._transcripts)
        return CallRecorder(self._records, self._clock, record)


@dataclass(slots=True)
class _Turn:
    """A caller turn heard and not yet written: it is written once the reply is decided and its first audio out."""

    entry: CallEntry
    paused_at: float | None
    recognised_at: float | None
    decided_at: float | None = None
    first_audio_at: float | None = None


class CallRecorder:
    """One call's record. The methods return at once; `finish` (or `stop`) waits for the writes to be done."""

    def __init__(self, records: CallRecords | None, clock: Clock, record: CallRecord) -> None:
        self._records = records
        self._clock = clock
        self.call_id = record.call_id
        self._words = record.transcripts
        self._seq = 0
        self._states = 0
        self._turn: _Turn | None = None
        self._queue: asyncio.Queue[_Write | None] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None
        self._failed = False
        if records is not None:
            self._write(lambda: records.begin(record))

    def states(self, path: Sequence[tuple[StrEnum, datetime]]) -> None:
        """The states the call has gone through so far (PENDING, ANSWERED...): those not yet on the record go on."""
        for state, at in path[self._states :]:
            self._append(replace(self._new(EntryKind.STATE, text=state.value), at=at))
        self._states = max(self._states, len(path))

    def heard(self, turn: CallerSaid) -> None:
        """The caller's turn ended; it is written with its timings once its reply is under way (see `audio_out`)."""
        self._flush()
        entry = self._new(EntryKind.CALLER, text=turn.text if self._words else None)
        self._turn = _Turn(entry, turn.paused_at, turn.recognised_at)

    def decided(self, understood: Interpretation | None) -> None:
        """The reply to the last caller turn is worked out; `understood` is what the turn was taken to mean."""
        turn = self._turn
        if turn is None:
            return
        turn.decided_at = _now()
        if understood is not None:
            meaning = described(understood) if self._words else understood.intent.value
            turn.entry = replace(turn.entry, understood=meaning)
        if turn.first_audio_at is not None:
            self._flush()

    def audio_out(self) -> None:
        """Agent audio was just put on the line."""
        turn = self._turn
        if turn is None or turn.first_audio_at is not None:
            return
        turn.first_audio_at = _now()
        if turn.decided_at is not None:
            self._flush()

    def agent(self, line: str) -> None:
        self._entry(EntryKind.AGENT, text=line if self._words else None)

    def silence(self) -> None:
        self._flush()
        self._entry(EntryKind.SILENCE)

    def barge_in(self) -> None:
        self._entry(EntryKind.BARGE_IN)

    def backend(self, operation: str, seconds: float, error: str | None) -> None:
        self._entry(EntryKind.BACKEND, text=operation, duration_ms=round(seconds * 1000), error=error)

    async def finish(self, ending: CallEnding) -> None:
        """Write how the call ended, then wait for every write of this call to be done."""
        self._flush()
        records = self._records
        if records is not None:
            self._write(lambda: records.finish(self.call_id, ending))
        await self._drain()

    def stop(self) -> None:
        """The call was cut off (shutdown): drop the writes not yet done, as a killed worker would."""
        if self._writer is not None:
            self._writer.cancel()

    def _new(
        self, kind: EntryKind, text: str | None = None, duration_ms: int | None = None, error: str | None = None
    ) -> CallEntry:
        entry = CallEntry(self._seq, self._clock.now(), kind, text=text, duration_ms=duration_ms, error=error)
        self._seq += 1
        return entry

    def _entry(
        self, kind: EntryKind, text: str | None = None, duration_ms: int | None = None, error: str | None = None
    ) -> None:
        self._append(self._new(kind, text, duration_ms, error))

    def _flush(self) -> None:
        turn, self._turn = self._turn, None
        if turn is None:
            return
        start = turn.paused_at
        timings = TurnTimings(
            *(None if start is None or at is None else max(0, round((at - start) * 1000)) for at in _stages(turn))
        )
        self._append(replace(turn.entry, timings=timings))

    def _append(self, entry: CallEntry) -> None:
        records = self._records
        if records is not None:
            self._write(lambda: records.append(self.call_id, entry))

    def _write(self, write: _Write) -> None:
        self._queue.put_nowait(write)
        if self._writer is None:
            self._writer = asyncio.create_task(self._run())

    async def _drain(self) -> None:
        if self._writer is None:
            return
        self._queue.put_nowait(None)
        await self._writer

    async def _run(self) -> None:
        while (write := await self._queue.get()) is not None:
            try:
                await write()
            except Exception as exc:  # the record is best effort; the call goes on
                if not self._failed:
                    log.warning("call %s: the call record could not be written: %s", self.call_id, exc)
                self._failed = True


def _now() -> float:
    return asyncio.get_running_loop().time()


def _stages(turn: _Turn) -> tuple[float | None, float | None, float | None]:
    return turn.recognised_at, turn.decided_at, turn.first_audio_at
