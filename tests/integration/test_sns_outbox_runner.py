"""OutboxRunner on a scripted dispatcher: rounds on an interval and on a poke, draining, surviving errors, stopping."""

from __future__ import annotations

import asyncio
import logging

import pytest

from slotline.application.outbox_dispatcher import DispatchReport
from slotline.infrastructure.outbox_runner import OutboxRunner

HOUR = 3600.0


class ScriptedDispatcher:
    """Answers rounds from a script (a report or an exception to raise), then with empty reports."""

    def __init__(self, *script: DispatchReport | Exception) -> None:
        self._script = list(script)
        self.calls = 0
        self.limits: list[int] = []
        self.gate: asyncio.Event | None = None  # when set up, a round waits for it before answering
        self.finished = 0
        self._called = asyncio.Event()

    async def dispatch_due(self, limit: int = 100) -> DispatchReport:
        self.calls += 1
        self.limits.append(limit)
        self._called.set()
        if self.gate is not None:
            await self.gate.wait()
        self.finished += 1
        answer = self._script.pop(0) if self._script else DispatchReport()
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def called(self, times: int) -> None:
        """Return once `dispatch_due` has been called `times` times."""
        while self.calls < times:
            self._called.clear()
            await self._called.wait()


async def start(runner: OutboxRunner) -> tuple[asyncio.Event, asyncio.Task[None]]:
    stop = asyncio.Event()
    return stop, asyncio.create_task(runner.run_until(stop))


async def test_rounds_repeat_every_interval() -> None:
    dispatcher = ScriptedDispatcher()
    stop, running = await start(OutboxRunner(dispatcher, interval_seconds=0.01))

    async with asyncio.timeout(5):
        await dispatcher.called(3)
        stop.set()
        await running

    assert dispatcher.limits[:3] == [100, 100, 100]


async def test_a_poke_runs_a_round_at_once() -> None:
    dispatcher = ScriptedDispatcher()
    runner = OutboxRunner(dispatcher, interval_seconds=HOUR)
    stop, running = await start(runner)

    async with asyncio.timeout(5):
        await dispatcher.called(1)
        runner.poke()
        await dispatcher.called(2)
        stop.set()
        await running

    assert dispatcher.calls == 2


async def test_a_poke_during_a_round_runs_another_after_it() -> None:
    dispatcher = ScriptedDispatcher()
    dispatcher.gate = asyncio.Event()
    runner = OutboxRunner(dispatcher, interval_seconds=HOUR)
    stop, running = await start(runner)

    async with asyncio.timeout(5):
        await dispatcher.called(1)
        runner.poke()  # the message committed while the round was already past reading the outbox
        dispatcher.gate.set()
        await dispatcher.called(2)
        stop.set()
        await running


async def test_a_round_that_raises_is_logged_and_the_runner_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    dispatcher = ScriptedDispatcher(RuntimeError("database is locked"), DispatchReport(sent=1))
    stop, running = await start(OutboxRunner(dispatcher, interval_seconds=0.01))

    with caplog.at_level(logging.INFO, logger="slotline.infrastructure.outbox_runner"):
        async with asyncio.timeout(5):
            await dispatcher.called(3)
            stop.set()
            await running

    [failure] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failure.getMessage().startswith("outbox dispatch round failed")
    assert failure.exc_info is not None and "database is locked" in str(failure.exc_info[1])
    assert "outbox round: sent 1, retrying 0, dead 0, withdrawn 0" in caplog.messages


async def test_stop_ends_the_wait_at_once() -> None:
    dispatcher = ScriptedDispatcher()
    stop, running = await start(OutboxRunner(dispatcher, interval_seconds=HOUR))

    async with asyncio.timeout(5):
        await dispatcher.called(1)
        stop.set()
        await running

    assert dispatcher.calls == 1


async def test_stop_lets_the_round_in_flight_finish() -> None:
    dispatcher = ScriptedDispatcher(DispatchReport(sent=1))
    dispatcher.gate = asyncio.Event()
    stop, running = await start(OutboxRunner(dispatcher, interval_seconds=HOUR))

    async with asyncio.timeout(5):
        await dispatcher.called(1)
        stop.set()
        await asyncio.sleep(0)
        assert not running.done()
        dispatcher.gate.set()
        await running

    assert (dispatcher.calls, dispatcher.finished) == (1, 1)


async def test_a_full_batch_is_followed_at_once_by_another_round() -> None:
    full = DispatchReport(sent=1, retrying=1)
    dispatcher = ScriptedDispatcher(full, full, DispatchReport(sent=1))
    stop, running = await start(OutboxRunner(dispatcher, interval_seconds=HOUR, batch=2))

    async with asyncio.timeout(5):
        await dispatcher.called(3)
        stop.set()
        await running

    assert dispatcher.calls == 3
    assert dispatcher.limits == [2, 2, 2]


async def test_back_to_back_rounds_are_capped_before_the_runner_waits_again() -> None:
    dispatcher = ScriptedDispatcher(*[DispatchReport(sent=1)] * 50)
    stop, running = await start(OutboxRunner(dispatcher, interval_seconds=HOUR, batch=1))

    async with asyncio.timeout(5):
        await dispatcher.called(10)
        for _ in range(20):
            await asyncio.sleep(0)
        stop.set()
        await running

    assert dispatcher.calls == 10


@pytest.mark.parametrize(("interval", "batch"), [(0.0, 100), (-1.0, 100), (1.0, 0)])
def test_a_runner_needs_a_positive_interval_and_batch(interval: float, batch: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        OutboxRunner(ScriptedDispatcher(), interval_seconds=interval, batch=batch)
