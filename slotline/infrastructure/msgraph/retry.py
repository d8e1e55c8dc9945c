"""The failure policy for a live caller: retry transient Graph failures inside one deadline, then give up.

Transient: HTTP 429, 503, 504, per-attempt timeouts and connection errors. A Retry-After is obeyed only when
the wait still ends inside the deadline; otherwise the operation fails at once instead of sleeping past it.
Every failure leaves as a port error: 409 -> CalendarConflict, the rest -> CalendarUnavailable. Operations
that give 404 a meaning (cancel, move) handle it themselves before it gets here.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

import httpx
from azure.core.exceptions import AzureError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

from slotline.application.errors import CalendarConflict, CalendarUnavailable
from slotline.domain.errors import SlotlineError
from slotline.infrastructure.msgraph.sdk import APIError

__all__ = ["TRANSIENT_STATUSES", "Deadline", "call", "is_transient", "retry_after", "status_of"]

T = TypeVar("T")
log = logging.getLogger(__name__)

TRANSIENT_STATUSES = frozenset({429, 503, 504})
_FIRST_BACKOFF = 0.1
_MAX_BACKOFF = 1.0


def status_of(exc: BaseException) -> int | None:
    return exc.response_status_code if isinstance(exc, APIError) else None


def is_transient(exc: BaseException) -> bool:
    """Worth another attempt: throttled, briefly down, or the connection failed or timed out."""
    if isinstance(exc, APIError):
        return exc.response_status_code in TRANSIENT_STATUSES
    return isinstance(exc, httpx.TransportError)


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (delta-seconds or an HTTP date), if it said."""
    if not isinstance(exc, APIError) or not exc.response_headers:
        return None
    value = next((v for k, v in exc.response_headers.items() if k.lower() == "retry-after"), None)
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _wait(state: RetryCallState) -> float:
    """Retry-After when given, else capped exponential backoff with full jitter."""
    exc = state.outcome.exception() if state.outcome else None
    asked = retry_after(exc)
    if asked is not None:
        return asked
    return random.uniform(0, min(_MAX_BACKOFF, _FIRST_BACKOFF * 2 ** (state.attempt_number - 1)))


def _describe(exc: BaseException | None) -> str:
    if not isinstance(exc, APIError):
        return type(exc).__name__
    code = getattr(getattr(exc, "error", None), "code", None)
    return f"HTTP {exc.response_status_code}" + (f" {code}" if code else "")


def _note_retry(what: str, failures: list[str]) -> Callable[[RetryCallState], None]:
    def note(state: RetryCallState) -> None:
        failures.append(_describe(state.outcome.exception() if state.outcome else None))
        log.info(
            "graph %s: attempt %d failed (%s), retrying in %.2f s",
            what,
            state.attempt_number,
            failures[-1],
            state.upcoming_sleep,
        )

    return note


class Deadline:
    """One gateway operation's time budget, shared by every request the operation makes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = asyncio.get_running_loop().time() + seconds


async def call(request: Callable[[], Awaitable[T]], *, what: str, deadline: Deadline) -> T:
    """Send `request`, retrying transient failures while the deadline allows; failures become port errors."""
    clock = asyncio.get_running_loop().time
    failures: list[str] = []

    def out_of_time(state: RetryCallState) -> bool:  # also when the next wait would end past the deadline
        return clock() + (state.upcoming_sleep or 0.0) >= deadline.at

    retrying = AsyncRetrying(
        retry=retry_if_exception(is_transient),
        wait=_wait,
        stop=out_of_time,
        before_sleep=_note_retry(what, failures),
        reraise=True,
    )
    try:
        async with asyncio.timeout_at(deadline.at):
            async for attempt in retrying:
                with attempt:
                    return await request()
    except TimeoutError as exc:
        last = f" (last failure: {failures[-1]})" if failures else ""
        raise CalendarUnavailable(f"{what}: no answer within {deadline.seconds:g} s{last}") from exc
    except APIError as exc:
        if exc.response_status_code == 409:
            raise CalendarConflict(f"{what}: {_describe(exc)}") from exc
        log.warning("graph %s failed: %s", what, _describe(exc))
        raise CalendarUnavailable(f"{what}: {_describe(exc)}") from exc
    except httpx.HTTPError as exc:
        raise CalendarUnavailable(f"{what}: {_describe(exc)}") from exc
    except json.JSONDecodeError as exc:
        raise CalendarUnavailable(f"{what}: the answer was not valid JSON") from exc
    except AzureError as exc:  # signing in failed; the message names no secret
        log.warning("graph %s: sign-in failed: %s", what, type(exc).__name__)
        raise CalendarUnavailable(f"{what}: sign-in to Microsoft Entra ID failed ({type(exc).__name__})") from exc
    except SlotlineError:
        raise
    except Exception as exc:  # whatever else the SDK raises must not cross the port; keep the traceback in the log
        log.exception("graph %s: unexpected failure", what)
        raise CalendarUnavailable(f"{what}: unexpected {type(exc).__name__}") from exc
    raise AssertionError("unreachable: tenacity re-raises the last failure")
