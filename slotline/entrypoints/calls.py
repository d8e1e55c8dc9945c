"""Starting a conversation for one call from the container."""

from __future__ import annotations

import uuid

from slotline.application.conversation import Conversation
from slotline.domain.phone import PhoneNumber
from slotline.entrypoints.container import Container


def new_conversation(container: Container, caller: PhoneNumber | None, call_id: str | None = None) -> Conversation:
    return container.conversations()(call_id or uuid.uuid4().hex, caller)
