"""Play one conversation through the real agent: the container as `slotline chat` builds it, on a fresh SQLite file,
local SMS and a clock pinned to the case's `now`; the history is seeded through the same adapters."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from dependency_injector import providers

from benchmarks.corpus.cases import Case
from slotline.application.conversation import CallEnd, Reply
from slotline.application.hybrid_understanding import HybridUtteranceInterpreter, ModelTurns
from slotline.domain.appointment import Appointment, Customer
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.actions import TransferReason
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.entrypoints.agent import Slotline
from slotline.entrypoints.settings import (
    CalendarSettings,
    CustomersSettings,
    Settings,
    SmsSettings,
    UnderstandingSettings,
)
from slotline.infrastructure.common.phone_parsing import parse_phone
from slotline.infrastructure.sqlite import SqliteCalendarGateway


class SeedingImpossible(Exception):
    """The case's history cannot be written (a busy block needs the SQLite calendar; a seeded slot is not free)."""


@dataclass
class Played:
    """What happened: the agent's lines, how the call ended, and the appointments before and after."""

    agent: list[str] = field(default_factory=list)
    transcript: list[tuple[str, str]] = field(default_factory=list)  # ("agent" | "caller", text), in order
    end: CallEnd | None = None
    transfer_reason: TransferReason | None = None
    turns_used: int = 0
    before: list[Appointment] = field(default_factory=list)
    after: list[Appointment] = field(default_factory=list)
    turn_seconds: list[float] = field(default_factory=list)  # each caller turn: heard to reply worked out
    model_turns: ModelTurns | None = None  # with a language model: what it was asked, and how that went


def settings_for(case: Case, catalogue: Path, db: Path, understanding: UnderstandingSettings | None = None) -> Settings:
    """The embedded backends, whatever the environment says, so a run is offline and deterministic (with the rules;
    `understanding` may put a language model behind them)."""
    return Settings(
        catalog=catalogue,
        db=db,
        now=case.now,
        calendar=CalendarSettings(backend="sqlite"),
        customers=CustomersSettings(backend="sqlite"),
        sms=SmsSettings(backend="local"),
        understanding=understanding or UnderstandingSettings(backend="rules"),
    )


async def play(
    case: Case,
    catalogue: Path,
    workdir: Path,
    *,
    loaded: Catalogue | None = None,
    understanding: UnderstandingSettings | None = None,
) -> Played:
    """Feed the case's turns to a new conversation; the caller hangs up when the turns run out.

    `loaded` is the catalogue file already read (the same file), so a run does not parse it once per conversation."""
    played = Played()
    db = workdir / f"{case.id}-{uuid.uuid4().hex[:8]}.db"
    agent = Slotline(settings_for(case, catalogue, db, understanding))
    if loaded is not None:
        agent.container.catalogue.override(providers.Object(loaded))
    async with agent:
        await _seed(case, agent)
        played.before = await agent.container.ledger().all()
        conversation = agent.conversation(case.caller)
        _record(played, await conversation.start())
        for turn in case.turns:
            if conversation.ended:
                break
            played.turns_used += 1
            played.transcript.append(("caller", turn))
            began = time.perf_counter()
            reply = await conversation.hear(turn.strip())
            played.turn_seconds.append(time.perf_counter() - began)
            _record(played, reply)
        if not conversation.ended:
            await conversation.abandon()
        played.end = conversation.end
        interpreter = agent.container.interpreter()
        if isinstance(interpreter, HybridUtteranceInterpreter):
            played.model_turns = interpreter.turns
        await agent.wait_for_texts()
        played.after = await agent.container.ledger().all()
    return played


def _record(played: Played, reply: Reply) -> None:
    played.agent.extend(reply.lines)
    played.transcript.extend(("agent", line) for line in reply.lines)
    if reply.transfer_reason is not None:
        played.transfer_reason = reply.transfer_reason


async def _seed(case: Case, agent: Slotline) -> None:
    container = agent.container
    if case.busy:
        calendar = container.calendar()
        if not isinstance(calendar, SqliteCalendarGateway):
            raise SeedingImpossible("busy blocks need the sqlite calendar")
        for block in case.busy:
            await calendar.add_busy(StaffId(block.staff), TimeWindow(block.start, block.end), "Busy")
    if case.caller is None:
        return
    phone = parse_phone(case.caller, agent.container.region())
    customer = Customer(phone, case.customer)
    if case.customer is not None:
        await container.customers().save(customer)
    booking = container.booking()
    for i, seed in enumerate(case.appointments):
        service = agent.catalogue.service(seed.service)
        slot = Slot(TimeWindow(seed.start, seed.start + service.duration), StaffId(seed.staff), ServiceId(seed.service))
        key = f"seed-{case.id}-{i}"
        try:
            hold = await booking.hold(slot, key=key)
            await booking.book(hold, customer, key=key)
        except Exception as exc:  # a booking rule or the ledger refused: the case is wrong, not the agent
            raise SeedingImpossible(f"seeded appointment {i} cannot be booked: {exc}") from exc
