"""A CallMetrics fake that keeps what it was told, for tests of the seams that count."""

from __future__ import annotations

from dataclasses import dataclass, field

from slotline.application.ports import Backend, RejectionKind, TurnStage
from slotline.domain.call_record import CallResult


@dataclass
class RecordingCallMetrics:
    active: int = 0
    ended: list[CallResult] = field(default_factory=list)
    stages: list[tuple[TurnStage, float]] = field(default_factory=list)
    rejections: list[RejectionKind] = field(default_factory=list)
    backend_calls: list[tuple[Backend, bool]] = field(default_factory=list)
    reconnects: int = 0
    outbox: tuple[int, int] | None = None

    def call_started(self) -> None:
        self.active += 1

    def call_ended(self, outcome: CallResult) -> None:
        self.active -= 1
        self.ended.append(outcome)

    def turn_stage(self, stage: TurnStage, seconds: float) -> None:
        self.stages.append((stage, seconds))

    def recognition_rejected(self, kind: RejectionKind) -> None:
        self.rejections.append(kind)

    def backend_called(self, backend: Backend, seconds: float, *, failed: bool) -> None:
        self.backend_calls.append((backend, failed))

    def telephony_reconnected(self) -> None:
        self.reconnects += 1

    def outbox_counted(self, pending: int, dead: int) -> None:
        self.outbox = (pending, dead)
