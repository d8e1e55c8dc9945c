"""Phone calls with real audio and the real offline engines: espeak-ng speaks both sides (different voices),
pocketsphinx and the Silero detector listen, through the loopback Telcoflow server."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slotline.application.use_cases.keys import slot_key
from slotline.domain.appointment import Customer
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.entrypoints.demo.caller import SimulatedCaller
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, agent_on
from tests.factories import NEW_YORK

CALLER_VOICE = EspeakTextToSpeech(voice="en-us+f2", rate_wpm=190)


class Transcript:
    def __init__(self) -> None:
        self.agent: list[str] = []
        self.heard: list[str] = []
        self._changed = asyncio.Event()

    def __call__(self, call_id: str, who: str, text: str) -> None:
        (self.agent if who == "agent" else self.heard).append(text)
        self._changed.set()

    async def until(self, condition: Callable[[], bool], within: float = 20.0) -> None:
        async with asyncio.timeout(within):
            while not condition():
                self._changed.clear()
                await self._changed.wait()


@pytest.fixture
async def server() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as running:
        yield running


async def converse(call: LoopbackCall, lines: list[str]) -> None:
    await SimulatedCaller(call, CALLER_VOICE, lambda _: None).run(lines)


async def test_booking_by_voice(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    said = Transcript()
    async with agent_on(server, tmp_path / "x.db", max_calls=1, offline_speech=True, transcript=said) as agent:
        call = await server.place_call(caller=CALLER)
        await converse(
            call,
            [
                "i would like to book a haircut",
                "next tuesday in the afternoon",
                "the second one",
                "yes please",
                "no thank you",
            ],
        )
        assert await call.wait_ended(timeout=30) == "disconnect"
    assert "You're booked: a haircut on Tuesday, December 1st at 1 PM with Sam." in said.agent
    (booking,) = await agent.container.ledger().all()
    assert booking.status.value == "confirmed"
    assert [m.status.value for m in await agent.container.outbox().all() if not m.is_reminder] == ["sent"]


async def test_returning_caller_reschedules_by_voice(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    said = Transcript()
    async with agent_on(server, tmp_path / "x.db", max_calls=1, offline_speech=True, transcript=said) as agent:
        services = agent.container.booking()
        await agent.container.customers().save(Customer(PhoneNumber(CALLER), "Dana Scully"))
        start = datetime(2026, 12, 1, 14, tzinfo=NEW_YORK)
        slot = Slot(TimeWindow.starting(start, timedelta(minutes=30)), StaffId("sam"), ServiceId("haircut"))
        hold = await services.hold(slot, key=slot_key("earlier-call", slot))
        before = await services.book(
            hold, Customer(PhoneNumber(CALLER), "Dana Scully"), key=slot_key("earlier-call", slot)
        )
        call = await server.place_call(caller=CALLER)
        await converse(call, ["i need to reschedule my appointment", "thursday at ten", "yes please", "no thank you"])
        await call.wait_ended(timeout=30)
    assert said.agent[0].startswith(
        "Hi Dana, thanks for calling Maple Street Clinic. I see you have a haircut on Tuesday"
    )
    (after,) = await agent.container.ledger().all()
    assert after.id == before.id
    assert after.window.start.astimezone(NEW_YORK) == datetime(2026, 11, 26, 10, tzinfo=NEW_YORK)


async def test_barge_in_during_an_offer(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    said = Transcript()
    async with agent_on(server, tmp_path / "x.db", max_calls=1, offline_speech=True, transcript=said):
        call = await server.place_call(caller=CALLER)
        await converse(call, ["i would like to book a haircut next tuesday afternoon"])
        # the agent is now reading out three times; the caller cuts in after half a second
        offer_started = len(call.agent_audio)
        await call.wait_agent_audio(offer_started + call.frame_bytes * 25, timeout=20)
        call.feed(await CALLER_VOICE.synthesize("the second one", call.sample_rate))
        await said.until(lambda: any(line.endswith("Shall I book it?") for line in said.agent))
        await converse(call, ["yes please", "no thank you"])
        await call.wait_ended(timeout=30)
    assert call.interrupts >= 1
    assert any(line.startswith("You're booked:") for line in said.agent), (said.agent, said.heard)


async def test_silence_reprompts_then_hands_over(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    said = Transcript()
    async with agent_on(server, tmp_path / "x.db", max_calls=1, offline_speech=True, transcript=said):
        call = await server.place_call(caller=CALLER)
        call.set_transfer(answer=True)
        await converse(call, ["i want to book a massage", "", ""])
        assert await call.wait_ended(timeout=30) == "close"
    assert any(line.startswith("Are you still there?") for line in said.agent)
    assert said.agent[-1] == "I can't hear you, so I'll connect you with someone from the team."


async def test_out_of_domain_speech_is_not_acted_on(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    said = Transcript()
    async with agent_on(server, tmp_path / "x.db", max_calls=1, offline_speech=True, transcript=said) as agent:
        call = await server.place_call(caller=CALLER)
        call.set_transfer(answer=True)
        await converse(call, ["my cat is called felix and he likes fish", "can i talk to a real person please"])
        await call.wait_ended(timeout=30)
    assert said.agent[1].startswith("Sorry, I didn't catch that.")
    assert await agent.container.ledger().all() == []


async def test_debug_log_shows_what_the_recogniser_heard_its_score_and_the_meaning(
    server: LoopbackTelcoflowServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="slotline")
    said = Transcript()
    async with agent_on(server, tmp_path / "x.db", max_calls=1, offline_speech=True, transcript=said):
        call = await server.place_call(caller=CALLER)
        await converse(call, ["i would like a haircut next tuesday"])
        await said.until(lambda: any("Which would you like?" in line for line in said.agent))
        await call.hang_up()
        await call.wait_ended(timeout=10)
    lines = [r.getMessage() for r in caplog.records]
    recognised = [line for line in lines if line.startswith("recognised ")]
    heard = [line for line in lines if ": heard '" in line]

    assert any(line.startswith("recognised 'i would like a haircut next tuesday', score 0.") for line in recognised)
    assert any(
        line.endswith(
            ": heard 'i would like a haircut next tuesday', understood book service_id='haircut' day=2026-12-01"
        )
        for line in heard
    ), heard
