"""What the application tells CallMetrics: call outcomes, turn stages, backend calls and the outbox, on fakes."""

from __future__ import annotations

import asyncio

import pytest

from slotline.application.conversation import BookingServices, Conversation
from slotline.application.errors import CalendarUnavailable, SmsSendFailed, StorageUnavailable
from slotline.application.listening import CallerSaid
from slotline.application.metered import Meter, MeteredCalendarGateway, MeteredSlotLedger
from slotline.application.ports import Backend, NoCallTracer, TurnStage
from slotline.application.texts import ConfirmationTexts
from slotline.application.turn_timing import TurnTiming
from slotline.application.use_cases.book_appointment import BookAppointment
from slotline.application.use_cases.cancel_appointment import CancelAppointment
from slotline.application.use_cases.count_outbox import CountOutbox
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.hold_slot import HoldSlot
from slotline.application.use_cases.lookup_caller import LookupCaller
from slotline.application.use_cases.reschedule_appointment import RescheduleAppointment
from slotline.domain.call_record import CallResult
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.testing.fakes import SettableClock
from tests.factories import NOW
from tests.unit.fakes_app import CALLER, FakesApp, at
from tests.unit.recording_metrics import RecordingCallMetrics


def test_a_turn_reports_its_stages_once_when_its_reply_is_first_heard() -> None:
    metrics = RecordingCallMetrics()
    timing = TurnTiming(metrics, CallerSaid("yes", quick=True, paused_at=10.0, heard_at=10.25))

    timing.first_audio()  # before the reply is decided (the filler): nothing yet
    timing.decided()
    timing.first_audio()
    timing.first_audio()  # the reply's next sentences

    assert [stage for stage, _ in metrics.stages] == list(TurnStage)
    seconds = dict(metrics.stages)
    assert seconds[TurnStage.RECOGNISED] == 0.25
    assert seconds[TurnStage.VOICE_TO_VOICE] == pytest.approx(
        seconds[TurnStage.RECOGNISED] + seconds[TurnStage.DECIDED] + seconds[TurnStage.FIRST_AUDIO]
    )


async def _fails(error: BaseException) -> None:
    raise error


async def _waits_forever() -> None:
    await asyncio.Event().wait()


async def test_backend_errors_count_as_failures_and_booking_answers_do_not() -> None:
    metrics = RecordingCallMetrics()
    app = FakesApp()
    slot = app.slot(at(31, 14))
    with pytest.raises(CalendarUnavailable):
        await Meter(metrics, Backend.CALENDAR)("op", _fails(CalendarUnavailable("down")))
    with pytest.raises(SmsSendFailed):
        await Meter(metrics, Backend.SMS)("op", _fails(SmsSendFailed("throttled", permanent=False)))
    with pytest.raises(SlotNoLongerAvailable):
        await Meter(metrics, Backend.STORAGE)("op", _fails(SlotNoLongerAvailable(slot)))
    with pytest.raises(RuntimeError):
        await Meter(metrics, Backend.STORAGE)("op", _fails(RuntimeError("a bug in a plugin")))
    cut_off = asyncio.ensure_future(Meter(metrics, Backend.CALENDAR)("op", _waits_forever()))
    await asyncio.sleep(0)
    cut_off.cancel()  # a caller's wait budget ran out
    with pytest.raises(asyncio.CancelledError):
        await cut_off

    assert metrics.backend_calls == [
        (Backend.CALENDAR, True),
        (Backend.SMS, True),
        (Backend.STORAGE, False),
        (Backend.STORAGE, True),
        (Backend.CALENDAR, True),
    ]


async def test_a_booking_conversation_over_metered_ports_counts_its_backend_calls_and_its_change() -> None:
    metrics = RecordingCallMetrics()
    app = FakesApp()
    c, clock, texts = app.catalogue, app.clock, ConfirmationTexts(app.catalogue)
    calendar = MeteredCalendarGateway(app.calendar, metrics)
    ledger = MeteredSlotLedger(app.ledger, metrics)
    availability = FindAvailability(c, calendar, ledger, clock)
    services = BookingServices(
        LookupCaller(app.customers, ledger, calendar, clock),
        availability,
        HoldSlot(c, ledger, availability, clock),
        BookAppointment(c, calendar, ledger, availability, texts, clock),
        RescheduleAppointment(c, calendar, ledger, availability, texts, clock),
        CancelAppointment(c, calendar, ledger, texts, clock),
        app.confirm,
    )
    interpreter = RulesUtteranceInterpreter(c)
    conversation = Conversation(c, services, interpreter, clock, call_id="call-1", caller=CALLER)
    await conversation.start()
    for said in ("i would like a haircut next tuesday afternoon with sam", "the second one", "yes", "no thanks"):
        reply = await conversation.hear(said)
        assert reply.understood
    assert conversation.changed is CallResult.BOOKED
    backends = {backend for backend, failed in metrics.backend_calls if not failed}
    assert backends == {Backend.CALENDAR, Backend.STORAGE}
    assert not [call for call in metrics.backend_calls if call[1]]


async def test_words_that_mean_nothing_are_not_understood() -> None:
    conversation = FakesApp().conversation("call-1")
    await conversation.start()
    assert not (await conversation.hear("purple elephants dance")).understood
    assert not (await conversation.not_understood()).understood
    assert conversation.changed is None


async def test_counting_the_outbox_tells_the_metrics() -> None:
    metrics = RecordingCallMetrics()
    app = FakesApp()
    await app.booked(app.slot(at(31, 14)), key="k1")  # its text, and a reminder due on the 30th: not counted yet
    assert await CountOutbox(app.outbox, metrics, app.clock)() == (1, 0)
    assert metrics.outbox == (1, 0)
    assert [backend for backend, _ in metrics.backend_calls] == [Backend.STORAGE, Backend.STORAGE]


class _DownOutbox:
    async def all(self, status: object = None) -> list[object]:
        raise StorageUnavailable("db.internal:5432/slotline refused the connection")


async def test_an_unreachable_storage_is_a_failed_storage_call() -> None:
    metrics = RecordingCallMetrics()
    with pytest.raises(StorageUnavailable):
        await CountOutbox(_DownOutbox(), metrics, SettableClock(NOW))()  # type: ignore[arg-type]  # only `all` is used
    assert metrics.backend_calls == [(Backend.STORAGE, True)]
    assert metrics.outbox is None


def test_no_tracer_hands_out_one_context_that_does_nothing() -> None:
    tracer = NoCallTracer()
    first = tracer.span("turn", call_id="c1")
    assert tracer.span("call") is first  # nothing is built per span
    with first as span:
        span.set_attribute("slotline.turn.understood", True)
