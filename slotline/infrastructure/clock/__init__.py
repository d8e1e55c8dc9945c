"""Clocks that satisfy `application.ports.Clock`: the real one, a pinned one (`--now`), and a shifted one."""

from slotline.infrastructure.clock.clocks import FixedClock, ShiftedClock, SystemClock

__all__ = ["FixedClock", "ShiftedClock", "SystemClock"]
