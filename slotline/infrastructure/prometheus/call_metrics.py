"""CallMetrics as Prometheus metrics, in a registry of their own (tests and several containers never collide)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from slotline.application.ports import Backend, CallOutcomeKind, RejectionKind, TurnStage

__all__ = ["PrometheusCallMetrics"]

_TURN_BUCKETS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)
"""Seconds: a turn's stages run from tens of milliseconds to the end-of-turn wait plus a slow backend."""
_BACKEND_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)


class PrometheusCallMetrics:
    """Counts calls, turns, rejections, backend calls, the outbox and reconnects; `exposition()` is the scrape."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry(auto_describe=True)
        r = self.registry
        self._active = Gauge("slotline_calls_active", "Calls in progress in this process.", registry=r)
        self._calls = Counter("slotline_calls", "Calls finished, by outcome.", ["outcome"], registry=r)
        self._turns = Histogram(
            "slotline_turn_stage_seconds",
            "Latency of a caller turn's stages: end of speech to recognised, to decided, to first agent audio, "
            "and the whole voice to voice.",
            ["stage"],
            buckets=_TURN_BUCKETS,
            registry=r,
        )
        self._rejections = Counter(
            "slotline_recognition_rejections", "Caller turns the agent could not act on, by kind.", ["kind"], registry=r
        )
        self._backend_seconds = Histogram(
            "slotline_backend_call_duration_seconds",
            "Duration of calls to a backend.",
            ["backend"],
            buckets=_BACKEND_BUCKETS,
            registry=r,
        )
        self._backend_errors = Counter(
            "slotline_backend_errors", "Calls to a backend that failed.", ["backend"], registry=r
        )
        self._pending = Gauge("slotline_outbox_pending_messages", "Texts waiting to be sent.", registry=r)
        self._dead = Gauge("slotline_outbox_dead_messages", "Texts that will not be sent (dead-lettered).", registry=r)
        self._reconnects = Counter(
            "slotline_telephony_reconnects", "Reconnections to the telephony platform after a drop.", registry=r
        )
        for outcome in CallOutcomeKind:  # every series exists from the start, at 0, so rates and alerts work
            self._calls.labels(outcome=outcome.value)
        for stage in TurnStage:
            self._turns.labels(stage=stage.value)
        for kind in RejectionKind:
            self._rejections.labels(kind=kind.value)
        for backend in Backend:
            self._backend_seconds.labels(backend=backend.value)
            self._backend_errors.labels(backend=backend.value)

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)

    def call_started(self) -> None:
        self._active.inc()

    def call_ended(self, outcome: CallOutcomeKind) -> None:
        self._active.dec()
        self._calls.labels(outcome=outcome.value).inc()

    def turn_stage(self, stage: TurnStage, seconds: float) -> None:
        self._turns.labels(stage=stage.value).observe(max(seconds, 0.0))

    def recognition_rejected(self, kind: RejectionKind) -> None:
        self._rejections.labels(kind=kind.value).inc()

    def backend_called(self, backend: Backend, seconds: float, *, failed: bool) -> None:
        self._backend_seconds.labels(backend=backend.value).observe(max(seconds, 0.0))
        if failed:
            self._backend_errors.labels(backend=backend.value).inc()

    def telephony_reconnected(self) -> None:
        self._reconnects.inc()

    def outbox_counted(self, pending: int, dead: int) -> None:
        self._pending.set(pending)
        self._dead.set(dead)
