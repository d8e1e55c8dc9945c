"""ConversationFactory: starts one Conversation per call, from parts built once."""

from __future__ import annotations

from slotline.application.conversation import BackendCall, BookingServices, Conversation
from slotline.application.ports import Clock, UtteranceInterpreter
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.phone import PhoneNumber


class ConversationFactory:
    def __init__(
        self,
        catalogue: Catalogue,
        booking: BookingServices,
        interpreter: UtteranceInterpreter,
        clock: Clock,
        limits: DialogueLimits,
    ) -> None:
        self._catalogue = catalogue
        self._booking = booking
        self._interpreter = interpreter
        self._clock = clock
        self._limits = limits

    def __call__(
        self, call_id: str, caller: PhoneNumber | None, *, on_backend: BackendCall | None = None
    ) -> Conversation:
        return Conversation(
            self._catalogue,
            self._booking,
            self._interpreter,
            self._clock,
            call_id=call_id,
            caller=caller,
            limits=self._limits,
            on_backend=on_backend,
        )
