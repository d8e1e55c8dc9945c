"""Frame lag of the per-call tickers: how late each 20 ms tick ran against its schedule, for p50/p99/max reports."""

from __future__ import annotations

from dataclasses import dataclass

_BUCKET_MS = 0.05  # histogram resolution; percentiles are reported as the bucket's upper edge
_BUCKETS = 20_000  # up to one second; later ticks land in the last bucket (max_lag_ms keeps the true value)


@dataclass(frozen=True, slots=True)
class LagSummary:
    ticks: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float


class LoopbackStats:
    """Counters of the whole server. Memory is fixed: lag goes into a histogram, not a list."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.ticks = 0
        self.resyncs = 0
        self.max_lag_ms = 0.0
        self.malformed_frames = 0
        self.rejected_handshakes = 0
        self.sm_connections_accepted = 0
        self.session_opens = 0  # session.open requests with a sessionId, from every SM socket
        self.sessions_busy = 0  # of those, refused with SESSION_BUSY (another socket had opened it)
        self._lag_total_ms = 0.0
        self._histogram = [0] * _BUCKETS

    def record_tick(self, lag_seconds: float) -> None:
        lag_ms = max(0.0, lag_seconds * 1000)
        self.ticks += 1
        self._lag_total_ms += lag_ms
        self.max_lag_ms = max(self.max_lag_ms, lag_ms)
        self._histogram[min(int(lag_ms / _BUCKET_MS), _BUCKETS - 1)] += 1

    def lag_percentile_ms(self, percent: float) -> float:
        """The tick lateness that `percent`% of ticks stayed within (0 when nothing ticked)."""
        if not 0 < percent <= 100:
            raise ValueError("percent is in (0, 100]")
        if self.ticks == 0:
            return 0.0
        wanted = percent / 100 * self.ticks
        seen = 0
        for bucket, count in enumerate(self._histogram):
            seen += count
            if seen >= wanted:
                return min(round((bucket + 1) * _BUCKET_MS, 3), self.max_lag_ms)
        return self.max_lag_ms

    def lag_summary(self) -> LagSummary:
        mean = self._lag_total_ms / self.ticks if self.ticks else 0.0
        return LagSummary(self.ticks, self.lag_percentile_ms(50), self.lag_percentile_ms(99), self.max_lag_ms, mean)
