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


async def test_a_reminder_goes_at_its_time_and_not_before() -> None:
    app = FakesApp()  # the sample business: one reminder 24 hours before
    await app.booked(app.slot(at(26, 10)), key="call-1")
    assert await app.dispatcher.dispatch_due() == DispatchReport(sent=1)  # the confirmation

    app.clock.set(at(25, 10) - timedelta(seconds=1))
    assert await app.dispatcher.dispatch_due() == DispatchReport()
    app.clock.set(at(25, 10))
    assert await app.dispatcher.dispatch_due() == DispatchReport(sent=1)

    assert app.sms.sent[-1].body == (
        "Maple Street Clinic: a reminder of your haircut with Sam Rivera on Thu Nov 26 at 10 AM. "
        "To change it, call +12125550100."
    )


async def test_a_reminder_of_a_cancelled_booking_is_never_sent() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")
    await app.cancel(booked, key="call-2/cancel")

    app.clock.set(at(25, 10))
    await app.dispatcher.dispatch_due()

    booked_text, cancelled_text = app.sms.sent
    assert "is booked for" in booked_text.body and "is cancelled" in cancelled_text.body
    assert [m for m in await app.outbox.all() if m.is_reminder] == []


async def test_a_reminder_left_until_its_appointment_began_is_dead_as_too_late() -> None:
    app = FakesApp()
    await app.booked(app.slot(at(26, 10)), key="call-1")
    await app.dispatcher.dispatch_due()

    app.clock.set(at(26, 10))
    assert await app.dispatcher.dispatch_due() == DispatchReport(dead=1)

    (dead,) = await app.outbox.all(OutboxStatus.DEAD)
    assert dead.is_reminder and dead.last_error == "too late: the appointment has begun"
    assert len(app.sms.sent) == 1
