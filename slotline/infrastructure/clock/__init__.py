"""Clocks that satisfy `application.ports.Clock`: the real one and a pinned one for tests and `--now`."""

from slotline.infrastructure.clock.clocks import FixedClock, SystemClock

__all__ = ["FixedClock", "SystemClock"]
