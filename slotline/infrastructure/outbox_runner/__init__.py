"""The loop that sends queued texts while slotline serves calls."""

from slotline.infrastructure.outbox_runner.runner import DispatchesDue, OutboxRunner

__all__ = ["DispatchesDue", "OutboxRunner"]
