"""Survival measures for the telcoflow 1.0.0 SDK's defects, applied from outside without patching it.

Each flag is on in production. Tests switch one off to show the defect it survives; a later SDK that fixes a
defect lets its flag go.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from abxbus import EventBus
from telcoflow import SessionManager

from slotline.application.errors import TelephonyUnavailable


@dataclass(frozen=True, slots=True)
class SdkWorkarounds:
    drop_old_bus_history: bool = True
    """Defect 1: the SessionManager bus rejects every event after 100 frames (about 33 calls) unless it may
    drop old history."""
    evict_closed_sessions: bool = True
    """Defect 2: closed sessions stay in `sm._registry` with their call's 1 MiB send buffer (about 1 MB a call)."""
    return_from_notifications: bool = True
    """Defect 4: notification handlers run one at a time, and call.in waits behind them; off, the handler
    waits for its session to close, as the SDK's own example invites."""
    wait_for_playout: bool = True
    """Defect 12: there is no playout-finished signal; off, wait_played returns at once and the tail is cut."""


class SdkIncompatible(TelephonyUnavailable):
    """The installed SDK stack cannot run the agent; raised at start-up, before any call is taken."""


def ensure_sdk_supported(bus_type: type[object] = EventBus) -> None:
    """Defect 3: abxbus 2.4.x lacks EventBus.destroy(), so the first closed session and shutdown would crash."""
    if callable(getattr(bus_type, "destroy", None)):
        return
    try:
        installed = version("abxbus")
    except PackageNotFoundError:
        installed = "unknown"
    raise SdkIncompatible(
        f"abxbus {installed} has no EventBus.destroy(), which telcoflow 1.0.0 calls on every closed session; "
        "install abxbus 2.5.x (pip install 'abxbus>=2.5,<2.6')"
    )


def let_bus_drop_old_history(sm: SessionManager) -> None:
    """Defect 1, applied before `async with sm`: history stays bounded at 100 events but never blocks new ones."""
    sm._bus.event_history.max_history_drop = True
