"""Reading every page of an event collection by following @odata.nextLink, each page within the deadline."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from slotline.infrastructure.msgraph.retry import Deadline, call
from slotline.infrastructure.msgraph.sdk import Event, EventCollectionResponse

__all__ = ["every_event"]

Page = EventCollectionResponse | None


async def every_event(
    first: Callable[[], Awaitable[Page]], following: Callable[[str], Awaitable[Page]], *, what: str, deadline: Deadline
) -> list[Event]:
    """Events of the first page and of every page its nextLink chain leads to."""
    page = await call(first, what=what, deadline=deadline)
    events: list[Event] = []
    while page is not None:
        events.extend(page.value or [])
        link = page.odata_next_link
        if not link:
            break
        page = await call(partial(following, link), what=what, deadline=deadline)
    return events
