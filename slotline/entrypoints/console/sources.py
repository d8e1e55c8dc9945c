"""What the console reads: the ports it shows, the catalogue that names things, and the clock that says "today"."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.application.ports import CallRecords, Clock, OutboxOperations, SlotLedger
from slotline.domain.catalogue import Catalogue

__all__ = ["ConsoleSources"]


@dataclass(frozen=True, slots=True)
class ConsoleSources:
    """The read side of the ports the console shows; it calls only their reading methods."""

    calls: CallRecords
    ledger: SlotLedger
    outbox: OutboxOperations
    catalogue: Catalogue
    clock: Clock
