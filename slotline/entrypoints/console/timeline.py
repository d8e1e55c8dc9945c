"""A caller turn's latency split as bars: end of caller speech -> recognised -> decided -> first agent audio.

Each stage is a bar from the stage before it (or from the end of speech, when the stage before was not reached or
came later) to the moment it was reached, on one scale for the whole call so turns compare at a glance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from slotline.domain.call_record import TurnTimings

__all__ = ["Timeline", "TimelineBar", "call_scale_ms", "timeline"]

_SHORTEST_SCALE_MS = 500
_STAGES = (("recognised", "recognised"), ("decided", "decided"), ("first_audio", "first agent audio"))


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One bar: where it starts and how wide it is, in percent of the scale; `ms` is when the stage was reached."""

    key: str
    label: str
    ms: int | None
    left_pct: float = 0.0
    width_pct: float = 0.0


@dataclass(frozen=True, slots=True)
class Timeline:
    stages: tuple[TimelineBar, ...]
    scale_ms: int


def call_scale_ms(timings: Iterable[TurnTimings | None]) -> int:
    """The scale every turn of a call is drawn on: its slowest stage, at least half a second."""
    reached = [
        value
        for t in timings
        if t is not None
        for value in (t.recognised_ms, t.decided_ms, t.first_audio_ms)
        if value is not None
    ]
    return max([_SHORTEST_SCALE_MS, *reached])


def timeline(timings: TurnTimings, scale_ms: int) -> Timeline:
    stages: list[TimelineBar] = []
    previous: int | None = None
    for key, label in _STAGES:
        ms: int | None = getattr(timings, f"{key}_ms")
        if ms is None:
            stages.append(TimelineBar(key, label, None))
            continue
        start = previous if previous is not None and previous <= ms else 0
        stages.append(TimelineBar(key, label, ms, _pct(start, scale_ms), _pct(ms - start, scale_ms)))
        previous = ms
    return Timeline(tuple(stages), scale_ms)


def _pct(ms: int, scale_ms: int) -> float:
    return round(min(100.0, 100.0 * ms / scale_ms), 2)
