"""One caller turn's latency, stage by stage, from the end of the caller's speech to the reply's first audio."""

from __future__ import annotations

import time

from slotline.application.listening import CallerSaid
from slotline.application.ports import CallMetrics, TurnStage

__all__ = ["TurnTiming"]


class TurnTiming:
    """Marks a turn's moments as the phone call reaches them; reports every stage once the reply is heard."""

    def __init__(self, metrics: CallMetrics, turn: CallerSaid) -> None:
        self._metrics = metrics
        self._spoke_until = turn.spoke_until
        self._heard_at = turn.heard_at
        self._decided_at: float | None = None
        self._reported = False

    def decided(self) -> None:
        """The reply to the turn is known."""
        self._decided_at = time.monotonic()

    def first_audio(self) -> None:
        """The reply's first audio is on the line: report the turn's stages (only the first time)."""
        if self._reported or self._decided_at is None:
            return
        self._reported = True
        now = time.monotonic()
        self._metrics.turn_stage(TurnStage.RECOGNISED, self._heard_at - self._spoke_until)
        self._metrics.turn_stage(TurnStage.DECIDED, self._decided_at - self._heard_at)
        self._metrics.turn_stage(TurnStage.FIRST_AUDIO, now - self._decided_at)
        self._metrics.turn_stage(TurnStage.VOICE_TO_VOICE, now - self._spoke_until)
