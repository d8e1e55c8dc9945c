"""OutboxDispatcher on fakes: at least once, with backoff, a cap on attempts and a dead letter."""

from __future__ import annotations

from datetime import timedelta

from slotline.application.outbox_dispatcher import DispatchReport, OutboxDispatcher, RetryPolicy
from slotline.application.ports import OutboxStatus
from slotline.application.use_cases.requeue_dead_messages import RequeueDeadMessages
from tests.factories import sample_catalogue, without_reminders
from tests.unit.fakes_app import CALLER, FakesApp, at


async def _app_with_one_text() -> FakesApp:
    app = FakesApp(catalogue=without_reminders(sample_catalogue()))  # the booking's text alone
    await app.booked(app.slot(at(26, 10)), key="call-1")
    return app


async def test_a_due_text_is_sent_once() -> None:
    app = await _app_with_one_text()

    assert await app.dispatcher.dispatch_due() == DispatchReport(sent=1)
    assert await app.dispatcher.dispatch_due() == DispatchReport()

    (text,) = app.sms.sent
    (message,) = await app.outbox.all()
    assert (message.status, message.provider_id, message.attempts) == (OutboxStatus.SENT, text.provider_id, 1)
    assert text.to == CALLER and text.body == message.body and text.dedupe_key == message.dedupe_key


async def test_a_temporary_failure_is_retried_after_the_backoff() -> None:
    app = await _app_with_one_text()
    app.sms.fail_next(1, reason="throttled")

    assert await app.dispatcher.dispatch_due() == DispatchReport(retrying=1)
    app.later(timedelta(seconds=29))
    assert await app.dispatcher.dispatch_due() == DispatchReport()  # the first backoff is 30 s
    app.later(timedelta(seconds=1))
    assert await app.dispatcher.dispatch_due() == DispatchReport(sent=1)

    (message,) = await app.outbox.all()
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 2, "throttled")
    assert len(app.sms.sent) == 1 and app.sms.attempts == 2


async def test_a_permanent_failure_is_dead_at_once() -> None:
    app = await _app_with_one_text()
    app.sms.fail_next(1, permanent=True, reason="opted out")

    assert await app.dispatcher.dispatch_due() == DispatchReport(dead=1)

    (message,) = await app.outbox.all(OutboxStatus.DEAD)
    assert message.last_error == "opted out" and app.sms.sent == []


async def test_the_last_allowed_attempt_failing_is_dead() -> None:
    app = await _app_with_one_text()
    dispatcher = OutboxDispatcher(app.outbox, app.sms, app.clock, RetryPolicy(max_attempts=2))
    app.sms.fail_next(2)

    assert await dispatcher.dispatch_due() == DispatchReport(retrying=1)
    app.later(timedelta(minutes=1))
    assert await dispatcher.dispatch_due() == DispatchReport(dead=1)
    app.later(timedelta(hours=1))
    assert await dispatcher.dispatch_due() == DispatchReport()
    assert app.sms.sent == []


async def test_attempts_that_never_answered_end_dead_without_another_send() -> None:
    app = await _app_with_one_text()
    policy = RetryPolicy(max_attempts=2)
    (message,) = await app.outbox.all()
    for _ in range(2):  # two dispatchers each claimed it and died mid-send
        now = app.clock.now()
        assert await app.outbox.claim(message.id, now, now + policy.lease)
        app.later(policy.lease)

    report = await OutboxDispatcher(app.outbox, app.sms, app.clock, policy).dispatch_due()

    assert report == DispatchReport(dead=1) and app.sms.attempts == 0
    (dead,) = await app.outbox.all(OutboxStatus.DEAD)
    assert dead.last_error == "no answer after every attempt"


async def test_a_requeued_dead_text_is_sent_on_the_next_round() -> None:
    app = await _app_with_one_text()
    app.sms.fail_next(1, permanent=True, reason="bad credentials")
    await app.dispatcher.dispatch_due()

    (requeued,) = await RequeueDeadMessages(app.outbox).all_dead()
    report = await app.dispatcher.dispatch_due()

    assert requeued.status is OutboxStatus.PENDING and requeued.attempts == 0
    assert report == DispatchReport(sent=1) and len(app.sms.sent) == 1
