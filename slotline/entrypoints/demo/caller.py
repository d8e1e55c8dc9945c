"""The simulated caller: speaks each script line into the call once the agent has finished talking."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable

from slotline.application.ports import TextToSpeech
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackError

QUIET_BEFORE_ANSWERING = 0.7  # seconds of agent silence the caller waits before speaking, like a person
AGENT_TURN_LIMIT = 30.0


class SimulatedCaller:
    def __init__(
        self,
        call: LoopbackCall,
        voice: TextToSpeech,
        say: Callable[[str], None],
        answered: Callable[[], None] | None = None,
    ) -> None:
        self._call = call
        self._voice = voice
        self._say = say
        self._answered = answered
        self._heard = 0

    async def run(self, lines: Iterable[str]) -> None:
        """Says each line once the agent has finished talking. `lines` is read one line at a time, after the agent
        finished, so a generator can answer what the agent just said."""
        upcoming = iter(lines)
        while await self._agent_finished():
            line = next(upcoming, None)
            if line is None:
                return
            if not line:
                self._say("(the caller says nothing)")
                await self._quiet_turn()
                continue
            pcm = await self._voice.synthesize(line, self._call.sample_rate)
            self._say(line)
            before = self._call.agent_bytes_played
            self._call.feed(pcm)
            await self._first_answer(before)

    async def _first_answer(self, before: int) -> None:
        with contextlib.suppress(TimeoutError, LoopbackError):
            await self._call.wait_agent_audio(before + 1, timeout=AGENT_TURN_LIMIT)
            if self._answered is not None:
                self._answered()

    async def _agent_finished(self) -> bool:
        """Wait until the agent has said something new and then stayed quiet; False if the call ended."""
        deadline = time.monotonic() + AGENT_TURN_LIMIT
        last_size, last_change = self._call.agent_bytes_played, time.monotonic()
        while not self._call.ended and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            size = self._call.agent_bytes_played
            if size != last_size:
                last_size, last_change = size, time.monotonic()
            elif size > self._heard and time.monotonic() - last_change >= QUIET_BEFORE_ANSWERING:
                self._heard = size
                return True
        return not self._call.ended

    async def _quiet_turn(self) -> None:
        """Stay silent until the agent speaks again (it re-prompts after its reply timeout)."""
        with contextlib.suppress(TimeoutError, LoopbackError):
            await self._call.wait_agent_audio(self._call.agent_bytes_played + 1, timeout=AGENT_TURN_LIMIT)
