from __future__ import annotations

from slotline.application.ports import Clock, OutboxProducer
from slotline.application.use_cases.keys import text_for
from slotline.domain.catalogue import Catalogue
from slotline.domain.phone import PhoneNumber


class RequestCallback:
    """Promise a caller nobody could take that someone will call back, in writing, through the outbox."""

    TEMPLATE = (
        "{business}: sorry we could not take your call. Someone from the team will call you back at this number soon."
    )

    def __init__(self, catalogue: Catalogue, outbox: OutboxProducer, clock: Clock) -> None:
        self._catalogue = catalogue
        self._outbox = outbox
        self._clock = clock

    async def __call__(self, caller: PhoneNumber, *, call_id: str) -> None:
        body = self.TEMPLATE.format(business=self._catalogue.business.name)
        await self._outbox.enqueue([text_for(call_id, "callback", caller, body, self._clock.now())])
