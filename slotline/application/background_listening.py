"""Listening on a call while the handler waits on something else (a transfer ringing), so no caller audio piles up.

The turn detector keeps time in caller audio. If nobody reads the audio for a while (a 30 s ring), the backlog is
read in one go afterwards: the reply window of the next question is then used up in a fraction of a second, and
whatever the caller said before the question is taken as its answer. Reading all along keeps the detector's clock
in step with the line; turns heard before the handler asks for an answer are not answers, and are dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Protocol

from slotline.application.errors import CallEnded
from slotline.application.listening import CallerSaid, HeardTurn, TurnListener

__all__ = ["BackgroundListener", "CallerAudio"]

log = logging.getLogger(__name__)


class CallerAudio(Protocol):
    """What the background listener needs of a call (a LiveCall has it)."""

    @property
    def call_id(self) -> str: ...

    def audio(self) -> AsyncIterator[bytes]: ...


class BackgroundListener:
    """Reads `call`'s audio into `listener` in a task of its own from creation until `close()`."""

    def __init__(self, call: CallerAudio, listener: TurnListener) -> None:
        self._call = call
        self._listener = listener
        self._answers: asyncio.Queue[HeardTurn | None] = asyncio.Queue()
        self._asking = False
        self._failure: BaseException | None = None
        self._task = asyncio.create_task(self._read(), name=f"listening-{call.call_id}")

    def expect_answer(self) -> None:
        """From now on, turns are answers (call it before the question is spoken, so a barge-in counts)."""
        self._asking = True

    async def next_answer(self) -> HeardTurn:
        """The next turn heard since `expect_answer`; CallEnded when the call ends first."""
        turn = await self._answers.get()
        if turn is None:
            self._answers.put_nowait(None)  # the call is over for every later question too
            if self._failure is not None:
                raise self._failure
            raise CallEnded(self._call.call_id)
        return turn

    async def close(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _read(self) -> None:
        try:
            async for frame in self._call.audio():
                for turn in await self._listener.take(frame):
                    if self._asking:
                        self._answers.put_nowait(turn)
                    elif isinstance(turn, CallerSaid):
                        log.debug("call %s: the caller spoke before the question; not an answer", self._call.call_id)
        except CallEnded:
            pass
        except Exception as exc:  # a recogniser failure reaches whoever waits for the answer
            self._failure = exc
        finally:
            self._listener.close()
            self._answers.put_nowait(None)
