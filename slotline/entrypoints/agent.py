"""`Slotline`: the booking agent as one object an integration builds from settings, in code.

    agent = Slotline(load_settings(), customers=MyCrmDirectory())
    async with agent:
        conversation = agent.conversation(caller="+12125550123")
        print((await conversation.start()).lines)

Every port can be replaced by the integrator's own adapter (keyword arguments below); what is not replaced comes
from the settings, exactly as `slotline serve` and `slotline chat` build it.
"""

from __future__ import annotations

import uuid
from types import TracebackType
from typing import Self

from dependency_injector import providers

from slotline.application.conversation import Conversation
from slotline.application.outbox_dispatcher import DispatchReport
from slotline.application.ports import (
    CalendarGateway,
    Clock,
    CustomerDirectory,
    Outbox,
    SlotLedger,
    SmsSender,
    SpeechToText,
    Telephony,
    TextToSpeech,
    TurnDetectorFactory,
    UtteranceInterpreter,
)
from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import SlotlineError
from slotline.domain.phone import PhoneNumber
from slotline.entrypoints.container import Container, build_container
from slotline.entrypoints.serving import ServeStats, call_server
from slotline.entrypoints.settings import Settings, load_settings
from slotline.entrypoints.warming import WarmAdapters, conversation_adapters
from slotline.infrastructure.common.phone_parsing import parse_caller_id

__all__ = ["LedgerWithoutOutbox", "Slotline"]


class LedgerWithoutOutbox(SlotlineError):
    """A ledger and an outbox were not replaced together: a booking and its texts are written in one transaction,
    so the two must share one store."""

    def __init__(self) -> None:
        super().__init__("replace the ledger and the outbox together (they share one transaction), or neither")


class Slotline:
    """The booking agent, built from `settings` (default: `load_settings()`), with any port replaced.

    Nothing is built until it is needed; `async with` prepares the embedded database (when it is used), warms the
    adapters that can be warmed (as `slotline serve` does) and closes them at the end.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        clock: Clock | None = None,
        calendar: CalendarGateway | None = None,
        customers: CustomerDirectory | None = None,
        ledger: SlotLedger | None = None,
        outbox: Outbox | None = None,
        sms: SmsSender | None = None,
        interpreter: UtteranceInterpreter | None = None,
        stt: SpeechToText | None = None,
        tts: TextToSpeech | None = None,
        turn_detectors: TurnDetectorFactory | None = None,
        telephony: Telephony | None = None,
    ) -> None:
        if (ledger is None) != (outbox is None):
            raise LedgerWithoutOutbox()
        self.settings = settings if settings is not None else load_settings()
        self.container: Container = build_container(self.settings)
        replaced: dict[str, object | None] = {
            "clock": clock,
            "calendar": calendar,
            "customers": customers,
            "ledger": ledger,
            "outbox": outbox,
            "sms": sms,
            "interpreter": interpreter,
            "stt": stt,
            "tts": tts,
            "turn_detectors": turn_detectors,
            "telephony": telephony,
        }
        for name, adapter in replaced.items():
            if adapter is not None:
                getattr(self.container, name).override(providers.Object(adapter))
        self._storage = None if ledger is not None else self.settings.storage.backend
        self._warm: WarmAdapters | None = None

    @property
    def catalogue(self) -> Catalogue:
        """The business: services, staff, hours and booking policy (from `settings.catalog`)."""
        return self.container.catalogue()

    @property
    def clock(self) -> Clock:
        return self.container.clock()

    def prepare(self) -> None:
        """Create or upgrade the embedded SQLite database when this agent uses it, or check that the PostgreSQL one
        answers with this slotline's schema (`slotline db migrate` upgrades it); a bad store fails here, once."""
        if self._storage == "sqlite":
            self.container.database().ensure_writable()
            self.container.database().migrate()
        elif self._storage == "postgres":
            self.container.postgres().check()

    def conversation(self, caller: PhoneNumber | str | None = None, *, call_id: str | None = None) -> Conversation:
        """A new conversation with `caller`: caller ID in any common format (any possible number; an extension is
        ignored), or None when withheld."""
        if isinstance(caller, str):
            caller = parse_caller_id(caller, self.container.region())
        return self.container.conversations()(call_id or uuid.uuid4().hex, caller)

    async def send_due_texts(self, limit: int = 100) -> DispatchReport:
        """Send the texts that are due now (confirmations are also sent in the background as they are queued)."""
        return await self.container.dispatcher().dispatch_due(limit)

    async def wait_for_texts(self, within: float = 15.0) -> None:
        """Wait (at most `within` seconds) until the confirmations queued so far have been tried."""
        await self.container.booking().confirm.drain(within=within)

    async def serve(self, *, max_calls: int | None = None) -> ServeStats:
        """Answer phone calls through the telephony backend until SIGINT/SIGTERM (or `max_calls` calls)."""
        return await call_server(self.container, max_calls=max_calls).run()

    async def warm_up(self) -> None:
        """Do the adapters' slow start-up work (imports, sign-in) now, so the first caller does not wait for it."""
        self._warm = WarmAdapters(conversation_adapters(self.container))
        await self._warm.warm_up()

    async def __aenter__(self) -> Self:
        self.prepare()
        await self.warm_up()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.wait_for_texts()
        if self._warm is not None:
            await self._warm.aclose()
        if self._storage == "postgres":
            self.container.postgres().close()
