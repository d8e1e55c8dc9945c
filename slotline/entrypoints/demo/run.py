"""One demo call: the loopback Telcoflow server, the agent served in-process, a simulated caller; a transcript."""

from __future__ import annotations

import asyncio
import time
import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from slotline.application.ports import TextToSpeech
from slotline.entrypoints.container import Container
from slotline.entrypoints.demo.caller import SimulatedCaller
from slotline.entrypoints.demo.timing import turn_latencies_ms
from slotline.entrypoints.serving import CallServer
from slotline.infrastructure.telcoflow.loopback import CallRecording, LoopbackTelcoflowServer

Printer = Callable[[str], None]


@dataclass
class DemoResult:
    ended: str
    call_id: str = ""
    latencies_ms: list[int] = field(default_factory=list)
    recording: CallRecording | None = None


@dataclass
class DemoCall:
    """What the demo needs from the outside: a container wired to `server`, and the caller's voice."""

    container: Container
    server: LoopbackTelcoflowServer
    caller_voice: TextToSpeech
    caller_number: str
    print: Printer

    async def run(
        self, lines: Iterable[str], record: Path | None = None, answered: Callable[[], None] | None = None
    ) -> DemoResult:
        started = time.monotonic()
        service = CallServer(
            self.container.telephony(),
            self.container.phone_calls(),
            self.container.outbox_runner(),
            max_calls=1,
            grace_seconds=5.0,
            warm=(self.container.calendar(), self.container.stt()),
        )
        serving = asyncio.create_task(service.run())
        try:
            await self.server.wait_for_session_manager(timeout=30)
            call = await self.server.place_call(caller=self.caller_number)
            self.print(f"[ringing: {self.caller_number} calls {self.container.catalogue().business.name}]")

            def said(text: str) -> None:
                self.print(f"{time.monotonic() - started:6.2f}s  caller: {text}")

            await SimulatedCaller(call, self.caller_voice, said, answered).run(lines)
            ended = await call.wait_ended(timeout=60)
            await asyncio.wait_for(serving, timeout=60)
        finally:
            if not serving.done():
                service.request_stop()
                await asyncio.gather(serving, return_exceptions=True)
        recording = call.recording()
        if record is not None:
            write_wav(record, recording)
        latencies = turn_latencies_ms(recording.caller, recording.agent, recording.sample_rate)
        return DemoResult(ended, call.call_id, latencies, recording)


def write_wav(path: Path, recording: CallRecording) -> None:
    """Both sides as heard on the line: left channel the caller, right channel the agent."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(recording.sample_rate)
        out.writeframes(recording.stereo())
