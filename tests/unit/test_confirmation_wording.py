"""What the agent says about the confirmation text is true when it says it: sent only once the provider took it."""

from __future__ import annotations

from slotline.application.ports import OutboxStatus
from tests.unit.fakes_app import FakesApp

BOOKING = ("a haircut on tuesday at two pm", "yes", "no thanks")
SENT = "I've sent you a text with the details."
WILL_TEXT = "I'll text you the details."


async def _agent_lines(app: FakesApp) -> list[str]:
    conversation = app.conversation("call-sms")
    agent = list((await conversation.start()).lines)
    for text in BOOKING:
        agent += (await conversation.hear(text)).lines
    await app.confirm.drain(within=5.0)
    return agent


async def test_a_text_the_provider_refused_is_promised_not_claimed() -> None:
    app = FakesApp()
    app.sms.fail_next(1, reason="SNS is down")

    agent = await _agent_lines(app)

    assert SENT not in agent
    assert WILL_TEXT in agent
    assert app.sms.sent == [] and [m.status for m in await app.outbox.all() if not m.is_reminder] == [
        OutboxStatus.PENDING
    ]


async def test_a_text_the_provider_accepted_is_claimed() -> None:
    app = FakesApp()

    agent = await _agent_lines(app)

    assert SENT in agent
    assert len(app.sms.sent) == 1
