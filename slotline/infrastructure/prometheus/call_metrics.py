"""CallMetrics as Prometheus metrics, in a registry of their own (tests and several containers never collide)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from slotline.application.ports import Backend, RejectionKind, TurnStage
from slotline.domain.call_record import CallResult

__all__ = ["PrometheusCallMetrics"]

_TURN_BUCKETS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)
"""Seconds: a turn's stages run from tens of milliseconds to the end-of-turn wait plus a slow backend."""
_BACKEND_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
OUTCOME_LABELS = {
    CallResult.BOOKED: "booked",
    CallResult.RESCHEDULED: "rescheduled",
    CallResult.CANCELLED: "cancelled",
    CallResult.TRANSFERRED: "transferred",
    CallResult.TRANSFER_UNANSWERED: "transfer_unanswered",
    CallResult.CALLER_HUNG_UP: "caller_hung_up",
    CallResult.FAILED: "failed",
    CallResult.NO_CHANGE: "ended",
}
"""The `outcome` label of slotline_calls_total for each call-record outcome (label values stay snake_case)."""


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
        # Every series exists from the start, at 0, so rates and alerts work; each child is looked up once here.
        self._calls_by = {o: self._calls.labels(outcome=label) for o, label in OUTCOME_LABELS.items()}
        self._turns_by = {s: self._turns.labels(stage=s.value) for s in TurnStage}
        self._rejections_by = {k: self._rejections.labels(kind=k.value) for k in RejectionKind}
        self._seconds_by = {b: self._backend_seconds.labels(backend=b.value) for b in Backend}
        self._errors_by = {b: self._backend_errors.labels(backend=b.value) for b in Backend}

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)

    def call_started(self) -> None:
        self._active.inc()

    def call_ended(self, outcome: CallResult) -> None:
        self._active.dec()
        self._calls_by[outcome].inc()

    def turn_stage(self, stage: TurnStage, seconds: float) -> None:
        self._turns_by[stage].observe(max(seconds, 0.0))

    def recognition_rejected(self, kind: RejectionKind) -> None:
        self._rejections_by[kind].inc()

    def backend_called(self, backend: Backend, seconds: float, *, failed: bool) -> None:
        self._seconds_by[backend].observe(max(seconds, 0.0))
        if failed:
            self._errors_by[backend].inc()

    def telephony_reconnected(self) -> None:
        self._reconnects.inc()

    def outbox_counted(self, pending: int, dead: int) -> None:
        self._pending.set(pending)
        self._dead.set(dead)
