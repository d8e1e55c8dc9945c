"""Tracing a call's turns and backend calls, for a tracing backend (OpenTelemetry); off and free by default."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

AttributeValue = str | int | float | bool


class TraceSpan(Protocol):
    """The span being recorded: more can be said about it once it is known (an outcome, a failure)."""

    def set_attribute(self, key: str, value: AttributeValue) -> None: ...


class CallTracer(Protocol):
    """Opens spans; one opened inside another (in the same task, or a task it started) is its child."""

    def span(self, name: str, **attributes: AttributeValue) -> AbstractContextManager[TraceSpan]: ...


class _NoSpan:
    def set_attribute(self, key: str, value: AttributeValue) -> None:
        pass


_NOTHING = nullcontext(_NoSpan())  # reusable: entering it does nothing


class NoCallTracer:
    """CallTracer that records nothing, at the cost of one method call: the default."""

    def span(self, name: str, **attributes: AttributeValue) -> AbstractContextManager[TraceSpan]:
        return _NOTHING
