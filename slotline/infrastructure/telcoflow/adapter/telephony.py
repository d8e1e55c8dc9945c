"""Inbound calls from Telcoflow as a `Telephony`: one SessionManager, one tracked task per call."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Coroutine
from typing import Any

from telcoflow import (
    Call,
    SessionActivityType,
    SessionManager,
    SessionNotification,
    WSSError,
)
from telcoflow.exceptions import WSSSessionBusy, WSSSessionClosed, WSSSessionNotFound

from slotline.application.errors import TelephonyUnavailable
from slotline.application.ports import CallHandler, CallMetrics, Clock, NoCallMetrics
from slotline.domain.errors import InvalidValue
from slotline.infrastructure.telcoflow.adapter.caller import masked, parse_caller
from slotline.infrastructure.telcoflow.adapter.config import session_manager_config
from slotline.infrastructure.telcoflow.adapter.live_call import TelcoflowLiveCall
from slotline.infrastructure.telcoflow.adapter.reconnects import on_each_reconnect
from slotline.infrastructure.telcoflow.adapter.redaction import redact_handshake_secrets
from slotline.infrastructure.telcoflow.adapter.workarounds import (
    SdkWorkarounds,
    ensure_sdk_supported,
    let_bus_drop_old_history,
)
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

log = logging.getLogger("slotline.infrastructure.telcoflow.adapter")

_ENTER_WAIT_SECONDS = 5.0
_PASSED_ON_SECONDS = 60.0
"""A call passed on at the limit is tried again when a slot frees, if it was announced this recently."""
_PASSED_ON_KEPT = 200
_OFFLINE_WARNING_SECONDS = 30.0  # the SDK reconnects forever and silently (defect 7); say so this often


class TelcoflowTelephony:
    """Takes calls from the Telcoflow platform (or the loopback server) with the telcoflow 1.0.0 SDK.

    `ring_seconds`: how long a transfer rings when `connect_to_human` is given no time of its own (1..120).
    `caller_region`: region for caller numbers that arrive without a leading +; None accepts only international form.
    `max_concurrent_calls`: above this many live calls a new call is not taken (its session is not opened), so
    another agent on the connector takes it; if none has when a call here ends, this agent takes the oldest call
    it passed on (announced in the last 60 s) that is still unclaimed. None: no limit.
    `metrics`: told of every reconnect of the session-manager socket.
    """

    def __init__(
        self,
        config: TelcoflowSettings,
        *,
        clock: Clock,
        ring_seconds: int = 30,
        caller_region: str | None = None,
        workarounds: SdkWorkarounds | None = None,
        max_concurrent_calls: int | None = None,
        metrics: CallMetrics | None = None,
    ) -> None:
        if not 1 <= ring_seconds <= 120:
            raise InvalidValue(f"Telcoflow ring_seconds must be 1..120, got {ring_seconds}")
        if max_concurrent_calls is not None and max_concurrent_calls < 1:
            raise InvalidValue(f"max_concurrent_calls must be at least 1, got {max_concurrent_calls}")
        self._max_calls = max_concurrent_calls
        self._metrics = metrics or NoCallMetrics()
        self._config = config
        self._ring_seconds = ring_seconds
        self._caller_region = caller_region
        self._clock = clock
        self._workarounds = workarounds or SdkWorkarounds()
        self._sm: SessionManager | None = None
        self._started = False
        self._stopping = asyncio.Event()
        self._closed = asyncio.Event()
        self._entered = asyncio.Event()  # `async with sm` has returned: open_session works from here on
        self._sessions: set[str] = set()  # sessions opened (or being opened) here whose call is not finished
        self._passed_on: dict[str, tuple[SessionNotification, float]] = {}  # at the limit, oldest first
        self._retaking: asyncio.Task[None] | None = None
        self._on_call: CallHandler | None = None
        self._calls: dict[asyncio.Task[None], TelcoflowLiveCall] = {}
        self._by_session: dict[str, TelcoflowLiveCall] = {}

    def __repr__(self) -> str:
        return f"TelcoflowTelephony({self._config!r}, live_calls={len(self._calls)})"

    # ── Telephony ────────────────────────────────────────────────────────────

    async def run(self, on_call: CallHandler) -> None:
        """Take calls until `stop()`; then close the session manager and return. Live calls go on."""
        ensure_sdk_supported()
        redact_handshake_secrets()
        if self._started:
            raise RuntimeError("TelcoflowTelephony.run() takes calls once; make a new one to run again")
        self._started = True
        self._on_call = on_call
        if self._stopping.is_set():
            self._closed.set()
            return
        sm = SessionManager(session_manager_config(self._config))
        if self._workarounds.drop_old_bus_history:
            let_bus_drop_old_history(sm)
        on_each_reconnect(sm, self._reconnected)

        async def on_notification(note: SessionNotification) -> None:
            await self._on_notification(sm, on_call, note)

        sm.on_session_notification(on_notification)
        self._sm = sm
        try:
            try:
                await sm.__aenter__()
            except WSSError as exc:
                raise TelephonyUnavailable(f"cannot reach Telcoflow at {self._config.base_url}: {exc}") from exc
            self._entered.set()
            log.info("Telcoflow: taking calls at %s (connection %s)", self._config.base_url, sm.id)
            await self._watch(sm)
        finally:
            if self._retaking is not None:
                self._retaking.cancel()
            # Also after a failed connect: defect 8 leaves that socket and its receive task running otherwise.
            await sm.__aexit__(None, None, None)  # type: ignore[no-untyped-call]  # unannotated in the SDK
            self._closed.set()
            log.info("Telcoflow: stopped taking calls; %d still live", len(self._calls))

    def _reconnected(self) -> None:
        log.info("Telcoflow: session manager reconnected")
        self._metrics.telephony_reconnected()

    def request_stop(self) -> None:
        """Stop taking calls, from anywhere (a signal handler included); `run` returns once the SM is closed."""
        self._stopping.set()

    async def stop(self) -> None:
        """Stop taking new calls and wait until `run` has closed the session manager. Live calls are untouched."""
        self.request_stop()
        if self._started:
            await self._closed.wait()

    # ── For the serve command ────────────────────────────────────────────────

    @property
    def max_concurrent_calls(self) -> int | None:
        """Live calls taken at most (None: no limit)."""
        return self._max_calls

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    @property
    def connected(self) -> bool:
        """Whether the session-manager socket is up (the SDK reconnects on its own when it drops)."""
        return self._sm is not None and self._sm._is_connected()

    def live_calls(self) -> tuple[TelcoflowLiveCall, ...]:
        """Calls whose handler is still running."""
        return tuple(self._calls.values())

    async def finish_calls(self, grace: float) -> int:
        """Wait up to `grace` seconds for live call handlers; hang up and cancel the rest. Returns how many."""
        tasks = set(self._calls)
        if not tasks:
            return 0
        _, late = await asyncio.wait(tasks, timeout=grace)
        for task in late:
            call = self._calls.get(task)
            if call is not None and not call.ended:
                log.warning("call %s: still live after the %.0f s grace; hanging up", call.call_id, grace)
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        return len(late)

    def sdk_sessions(self) -> int:
        """How many sessions the SDK holds; with the eviction workaround this is at most the live calls."""
        return len(self._sm._registry) if self._sm is not None else 0

    # ── SDK callbacks ────────────────────────────────────────────────────────

    async def _on_notification(self, sm: SessionManager, on_call: CallHandler, note: SessionNotification) -> None:
        """Runs on the SDK's serial bus (defect 4): open, register, ready, return. Never wait here."""
        if note.activity != SessionActivityType.NEW_INCOMING_CALL:
            log.debug("session %s: ignoring %s", note.session_id, note.activity)
            return
        if self._stopping.is_set():
            log.info("session %s: not taken, shutting down", note.session_id)
            return
        if note.session_id in self._sessions:
            return  # re-announced after an SM reconnect; its call is already ours
        if not self._entered.is_set():
            # A notify right behind setup.done is handled before `async with sm` returns, and open_session
            # would refuse it as "not connected". The wait is the rest of __aenter__: milliseconds.
            try:
                await asyncio.wait_for(self._entered.wait(), timeout=_ENTER_WAIT_SECONDS)
            except TimeoutError:
                log.warning("session %s: not taken, the session manager did not finish connecting", note.session_id)
                return
        if self._at_limit():
            log.info(
                "session %s: not taken, %d calls live (telephony.max_concurrent_calls); left to another agent",
                note.session_id,
                len(self._sessions),
            )
            self._pass_on(note)
            return
        await self._take(sm, on_call, note)

    def _at_limit(self) -> bool:
        return self._max_calls is not None and len(self._sessions) >= self._max_calls

    async def _take(self, sm: SessionManager, on_call: CallHandler, note: SessionNotification) -> bool:
        """Open the session, register the handlers and ready it; False if it could not be opened."""
        session_id = note.session_id
        self._sessions.add(session_id)  # counted from now: a call being opened holds its slot
        try:
            session = await sm.open_session(session_id)
        except WSSSessionBusy as exc:  # another agent on the connector opened it first: theirs, no retry
            log.debug("session %s: taken by another agent (%s)", session_id, exc.bound_sm_ws_id)
            self._sessions.discard(session_id)
            return False
        except (WSSSessionClosed, WSSSessionNotFound) as exc:  # the caller gave up before anyone opened it
            log.info("session %s: gone before it was opened: %s", session_id, exc)
            self._sessions.discard(session_id)
            return False
        except WSSError as exc:  # the link dropped, or the platform refused for another reason
            log.warning("session %s: could not open: %s", session_id, exc)
            self._sessions.discard(session_id)
            return False
        except asyncio.CancelledError:
            self._sessions.discard(session_id)
            raise
        session.on_incoming_call(lambda call: self._on_incoming_call(session_id, on_call, call))
        session.on_closed(lambda reason: self._on_session_closed(sm, session_id, str(reason)))
        try:
            await session.ready()
        except WSSError as exc:
            log.warning("session %s: ready failed: %s", session_id, exc)
            self._sessions.discard(session_id)
            sm._registry.pop(session_id, None)
            return False
        log.debug("session %s: ready (caller %s)", session_id, masked(parse_caller(note.remote_address, None)))
        if not self._workarounds.return_from_notifications:
            await self._unless_stopped(session.wait_closed())
        return True

    def _pass_on(self, note: SessionNotification) -> None:
        self._passed_on.pop(note.session_id, None)
        self._passed_on[note.session_id] = (note, time.monotonic())
        while len(self._passed_on) > _PASSED_ON_KEPT:
            del self._passed_on[next(iter(self._passed_on))]

    def _slot_freed(self) -> None:
        """A call here ended: take the oldest call passed on that no other agent has claimed (in the background)."""
        sm, on_call = self._sm, self._on_call
        if sm is None or on_call is None or not self._passed_on or self._stopping.is_set():
            return
        if self._retaking is None or self._retaking.done():
            self._retaking = asyncio.create_task(self._retake(sm, on_call), name="telcoflow-retake")

    async def _retake(self, sm: SessionManager, on_call: CallHandler) -> None:
        while self._passed_on and not self._at_limit() and not self._stopping.is_set():
            session_id = next(iter(self._passed_on))
            note, announced = self._passed_on.pop(session_id)
            if time.monotonic() - announced > _PASSED_ON_SECONDS or session_id in self._sessions:
                continue
            try:
                if await self._take(sm, on_call, note):
                    log.info("session %s: taken after a call ended (it had been passed on)", session_id)
            except Exception:
                log.exception("session %s: taking a call passed on failed", session_id)

    def _on_incoming_call(self, session_id: str, on_call: CallHandler, call: Call) -> None:
        if self._stopping.is_set():
            log.info("call %s: not answered, shutting down", call.id)
            self._sessions.discard(session_id)
            return
        live = TelcoflowLiveCall(
            call,
            self._config,
            self._clock,
            ring_seconds=self._ring_seconds,
            caller_region=self._caller_region,
            wait_for_playout=self._workarounds.wait_for_playout,
        )
        log.info("call %s: incoming from %s", call.id, masked(live.caller))
        task = asyncio.create_task(self._handle(session_id, on_call, live), name=f"telcoflow-call-{call.id}")
        self._calls[task] = live
        self._by_session[session_id] = live
        task.add_done_callback(lambda done: self._calls.pop(done, None))

    def _on_session_closed(self, sm: SessionManager, session_id: str, reason: str) -> None:
        if self._workarounds.evict_closed_sessions:
            sm._registry.pop(session_id, None)
        live = self._by_session.get(session_id)
        if live is None:
            self._sessions.discard(session_id)  # closed before its call arrived (or after its handler ended)
            self._slot_freed()
        else:
            live.session_closed(reason)
        log.debug("session %s: closed (%s)", session_id, reason)

    async def _handle(self, session_id: str, on_call: CallHandler, live: TelcoflowLiveCall) -> None:
        """One call's handler; defect 5: the SDK would swallow its exceptions, so they are logged here."""
        try:
            await on_call(live)
        except Exception:
            log.exception("call %s: the call handler failed", live.call_id)
        finally:
            try:
                await live.release()
            except Exception:
                log.exception("call %s: releasing the call failed", live.call_id)
            self._by_session.pop(session_id, None)
            self._sessions.discard(session_id)
            self._slot_freed()

    # ── Inside ───────────────────────────────────────────────────────────────

    async def _watch(self, sm: SessionManager) -> None:
        """Wait for stop; meanwhile say when the SM socket has been down a while (the SDK only retries)."""
        offline_since: float | None = None
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=1.0)
                return
            except TimeoutError:
                pass
            if sm._is_connected():
                offline_since = None
            elif offline_since is None:
                offline_since = loop.time()
            elif loop.time() - offline_since >= _OFFLINE_WARNING_SECONDS:
                log.warning(
                    "Telcoflow: session manager offline for %.0f s; the SDK keeps retrying", _OFFLINE_WARNING_SECONDS
                )
                offline_since = loop.time()

    async def _unless_stopped(self, work: Coroutine[Any, Any, object]) -> None:
        waiter = asyncio.ensure_future(work)
        stopper = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (waiter, stopper):
                task.cancel()
            await asyncio.gather(waiter, stopper, return_exceptions=True)
