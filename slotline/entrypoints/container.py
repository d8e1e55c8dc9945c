"""The composition root: which adapter plays each port, chosen by the settings. Only entrypoints import this."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dependency_injector import containers, providers
from pydantic import BaseModel

from slotline.application.call_recording import CallRecorders
from slotline.application.conversation import BookingServices
from slotline.application.conversation_factory import ConversationFactory
from slotline.application.metered import MeteredCalendarGateway, MeteredSlotLedger, MeteredSmsSender
from slotline.application.outbox_dispatcher import OutboxDispatcher, RetryPolicy
from slotline.application.phone_call import PhoneCallHandler, PhoneSettings, Transcript
from slotline.application.ports import (
    CalendarGateway,
    CallMetrics,
    CallRecords,
    CallTracer,
    Clock,
    CustomerDirectory,
    NoCallMetrics,
    NoCallTracer,
    Outbox,
    SlotLedger,
    SmsSender,
    SpeechToText,
    Telephony,
    TextToSpeech,
    TurnDetectorFactory,
    UtteranceInterpreter,
)
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.book_appointment import BookAppointment
from slotline.application.use_cases.cancel_appointment import CancelAppointment
from slotline.application.use_cases.count_outbox import CountOutbox
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.hold_slot import HoldSlot
from slotline.application.use_cases.lookup_caller import LookupCaller
from slotline.application.use_cases.request_callback import RequestCallback
from slotline.application.use_cases.requeue_dead_messages import RequeueDeadMessages
from slotline.application.use_cases.reschedule_appointment import RescheduleAppointment
from slotline.application.use_cases.send_confirmation import SendConfirmation
from slotline.application.waits import CallerWaits
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.entrypoints.plugins import PORTS, PluginContext, build_backend
from slotline.entrypoints.settings import Settings
from slotline.entrypoints.wiring.calendar import graph_calendar
from slotline.entrypoints.wiring.sms import sns_sender
from slotline.entrypoints.wiring.speech import (
    deepgram_stt,
    espeak_tts,
    openai_stt,
    pocketsphinx_stt,
    polly_tts,
    silero_turns,
    whisper_stt,
)
from slotline.entrypoints.wiring.storage import (
    postgres_calendar,
    postgres_call_records,
    postgres_customers,
    postgres_database,
    postgres_ledger,
    postgres_outbox,
)
from slotline.entrypoints.wiring.telephony import telcoflow_telephony
from slotline.entrypoints.wiring.understanding import model_interpreter
from slotline.infrastructure.clock import FixedClock, ShiftedClock, SystemClock
from slotline.infrastructure.common.phone_parsing import country_of
from slotline.infrastructure.energy_vad import EnergyTurnDetectorFactory
from slotline.infrastructure.energy_vad.detector import EnergySettings
from slotline.infrastructure.marked_speech import MarkedSpeechToText, MarkedTextToSpeech
from slotline.infrastructure.outbox_runner import OutboxRunner
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.sqlite import (
    SqliteCalendarGateway,
    SqliteCallRecords,
    SqliteCustomerDirectory,
    SqliteDatabase,
    SqliteOutbox,
    SqliteSlotLedger,
    SqliteSmsSender,
)
from slotline.infrastructure.yaml_catalogue import load_catalogue, sample_catalogue_path

if TYPE_CHECKING:
    from slotline.infrastructure.postgres.adapters import PostgresDatabase

__all__ = ["Container", "build_container", "catalogue_file", "clock_kind"]


def clock_kind(now: datetime | None, since: datetime | None = None) -> Literal["fixed", "shifted", "system"]:
    """The clock to run on: pinned when the settings name an instant, running from it when they also say since
    when (`now_since`), the real one otherwise."""
    if now is None:
        return "system"
    return "fixed" if since is None else "shifted"


def catalogue_file(catalog: Path | None) -> Path:
    """The catalogue the settings name, or the bundled sample business."""
    return sample_catalogue_path() if catalog is None else catalog


def home_region(configured: str | None, catalogue: Catalogue) -> str:
    """The country for phone numbers said or written without +country: the one configured, else the country of the
    business's own number ("0418 552 903" to a Perth clinic is an Australian mobile), else the US."""
    return configured or country_of(catalogue.business.phone) or "US"


def retry_policy(
    max_attempts: int, first_retry_seconds: float, max_retry_seconds: float, lease_seconds: float
) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=max_attempts,
        first_delay=timedelta(seconds=first_retry_seconds),
        max_delay=timedelta(seconds=max_retry_seconds),
        lease=timedelta(seconds=lease_seconds),
    )


def energy_detectors(end_of_turn_ms: int, quick_end_ms: int, reply_timeout_seconds: float) -> EnergyTurnDetectorFactory:
    return EnergyTurnDetectorFactory(
        EnergySettings(end_silence_ms=end_of_turn_ms, quick_end_ms=quick_end_ms, reply_timeout_s=reply_timeout_seconds)
    )


def on_or_off(enabled: bool) -> Literal["on", "off"]:
    return "on" if enabled else "off"


def phone_settings(ring_seconds: int, filler_after_seconds: float) -> PhoneSettings:
    return PhoneSettings(ring_seconds=ring_seconds, filler_after_seconds=filler_after_seconds)


class Container(containers.DeclarativeContainer):
    """Providers for every port, each a Selector keyed by its backend setting, and the use cases over them."""

    config = providers.Configuration(strict=True)
    """The settings as plain values, for the app's own parameters."""
    settings: providers.Dependency[Settings] = providers.Dependency(instance_of=Settings)
    """The validated settings object; adapters get their section from it as the model they define, not a dict."""

    clock: providers.Provider[Clock] = providers.Selector(
        providers.Callable(clock_kind, config.now, config.now_since),
        fixed=providers.Singleton(FixedClock, config.now),
        shifted=providers.Singleton(ShiftedClock, config.now, config.now_since),
        system=providers.Singleton(SystemClock),
    )

    catalogue_path: providers.Provider[Path] = providers.Callable(catalogue_file, config.catalog)

    catalogue: providers.Singleton[Catalogue] = providers.Singleton(load_catalogue, catalogue_path)

    region: providers.Provider[str] = providers.Singleton(home_region, config.default_region, catalogue)
    """The country for numbers without +country (`default_region`, else the business's own number's)."""

    database: providers.Singleton[SqliteDatabase] = providers.Singleton(SqliteDatabase, config.db)
    postgres: providers.Singleton[PostgresDatabase] = providers.Singleton(
        postgres_database, settings.provided.storage.postgres
    )
    """The one connection pool of this process to `storage.postgres`, shared by every "postgres" backend."""

    plugin_context: providers.Provider[PluginContext] = providers.Singleton(
        PluginContext, catalogue, clock, region, config.db
    )
    """What a third-party backend gets besides its settings (see entrypoints.plugins)."""

    ledger: providers.Provider[SlotLedger] = providers.Selector(
        config.storage.backend,
        sqlite=providers.Singleton(SqliteSlotLedger, database, clock),
        postgres=providers.Singleton(postgres_ledger, postgres, clock),
    )
    customers: providers.Provider[CustomerDirectory] = providers.Selector(
        config.customers.backend,
        sqlite=providers.Singleton(SqliteCustomerDirectory, database, clock),
        postgres=providers.Singleton(postgres_customers, postgres, clock),
    )
    outbox: providers.Provider[Outbox] = providers.Selector(
        config.storage.backend,
        sqlite=providers.Singleton(SqliteOutbox, database),
        postgres=providers.Singleton(postgres_outbox, postgres),
    )
    calendar: providers.Provider[CalendarGateway] = providers.Selector(
        config.calendar.backend,
        sqlite=providers.Singleton(SqliteCalendarGateway, database, clock),
        postgres=providers.Singleton(postgres_calendar, postgres, clock),
        graph=providers.Singleton(graph_calendar, catalogue, settings.provided.calendar.graph),
    )
    sms: providers.Provider[SmsSender] = providers.Selector(
        config.sms.backend,
        local=providers.Singleton(SqliteSmsSender, database, clock),
        sns=providers.Singleton(sns_sender, settings.provided.sms.sns),
    )
    rules_interpreter: providers.Provider[RulesUtteranceInterpreter] = providers.Singleton(
        RulesUtteranceInterpreter, catalogue, region
    )
    interpreter: providers.Provider[UtteranceInterpreter] = providers.Selector(
        config.understanding.backend,
        rules=rules_interpreter,
        model=providers.Singleton(
            model_interpreter,
            rules_interpreter,
            catalogue,
            settings.provided.understanding.model,
            config.understanding.mode,
        ),
    )

    call_metrics: providers.Provider[CallMetrics] = providers.Singleton(NoCallMetrics)
    """What calls are counted in; `serve` puts Prometheus metrics here when metrics.enabled (entrypoints.serving)."""
    call_tracer: providers.Provider[CallTracer] = providers.Singleton(NoCallTracer)
    """Where call spans go; `serve` puts OpenTelemetry here when tracing.otlp_endpoint is set."""
    metered_ledger: providers.Provider[SlotLedger] = providers.Singleton(
        MeteredSlotLedger, ledger, call_metrics, call_tracer
    )
    metered_calendar: providers.Provider[CalendarGateway] = providers.Singleton(
        MeteredCalendarGateway, calendar, call_metrics, call_tracer
    )
    metered_sms: providers.Provider[SmsSender] = providers.Singleton(MeteredSmsSender, sms, call_metrics, call_tracer)
    count_outbox: providers.Provider[CountOutbox] = providers.Singleton(CountOutbox, outbox, call_metrics, clock)

    dialogue_limits: providers.Provider[DialogueLimits] = providers.Singleton(
        DialogueLimits,
        max_misunderstandings=config.dialogue.max_misunderstandings,
        max_silences=config.dialogue.max_silences,
        max_rejected_offers=config.dialogue.max_rejected_offers,
        max_empty_searches=config.dialogue.max_empty_searches,
    )

    texts: providers.Provider[ConfirmationTexts] = providers.Singleton(ConfirmationTexts, catalogue)
    dispatcher: providers.Provider[OutboxDispatcher] = providers.Singleton(
        OutboxDispatcher,
        outbox,
        metered_sms,
        clock,
        providers.Callable(
            retry_policy,
            config.outbox.max_attempts,
            config.outbox.first_retry_seconds,
            config.outbox.max_retry_seconds,
            config.outbox.lease_seconds,
        ),
    )
    outbox_runner: providers.Provider[OutboxRunner] = providers.Singleton(
        OutboxRunner, dispatcher, config.outbox.dispatch_interval_seconds, batch=config.outbox.dispatch_batch
    )
    requeue_dead: providers.Provider[RequeueDeadMessages] = providers.Singleton(RequeueDeadMessages, outbox)
    caller_waits: providers.Provider[CallerWaits] = providers.Singleton(
        CallerWaits,
        lookup_seconds=config.dialogue.lookup_budget_seconds,
        read_seconds=config.dialogue.calendar_read_budget_seconds,
    )
    availability: providers.Provider[FindAvailability] = providers.Singleton(
        FindAvailability, catalogue, metered_calendar, metered_ledger, clock, waits=caller_waits
    )
    booking: providers.Provider[BookingServices] = providers.Singleton(
        BookingServices,
        lookup=providers.Singleton(
            LookupCaller, customers, metered_ledger, metered_calendar, clock, waits=caller_waits
        ),
        availability=availability,
        hold=providers.Singleton(HoldSlot, catalogue, metered_ledger, availability, clock),
        book=providers.Singleton(
            BookAppointment, catalogue, metered_calendar, metered_ledger, availability, texts, clock
        ),
        reschedule=providers.Singleton(
            RescheduleAppointment, catalogue, metered_calendar, metered_ledger, availability, texts, clock
        ),
        cancel=providers.Singleton(CancelAppointment, catalogue, metered_calendar, metered_ledger, texts, clock),
        confirm=providers.Singleton(SendConfirmation, dispatcher),
    )
    conversations: providers.Provider[ConversationFactory] = providers.Singleton(
        ConversationFactory, catalogue, booking, interpreter, clock, dialogue_limits
    )

    # -- phone calls --------------------------------------------------------------------------------------
    telephony: providers.Provider[Telephony] = providers.Selector(
        config.telephony.backend,
        telcoflow=providers.Singleton(
            telcoflow_telephony,
            settings.provided.telcoflow,
            config.telephony.ring_seconds,
            region,
            clock,
            config.telephony.max_concurrent_calls,
            call_metrics,
        ),
    )
    stt: providers.Provider[SpeechToText] = providers.Selector(
        config.speech.stt,
        pocketsphinx=providers.Singleton(
            pocketsphinx_stt,
            catalogue,
            config.speech.cache_dir,
            config.speech.pocketsphinx.processes,
            config.speech.pocketsphinx.digit_grammar,
        ),
        deepgram=providers.Singleton(deepgram_stt, catalogue, settings.provided.speech.deepgram),
        whisper=providers.Singleton(whisper_stt, settings.provided.speech.whisper),
        openai=providers.Singleton(
            openai_stt,
            settings.provided.speech.openai,
            catalogue,
            config.speech.cache_dir,
            config.speech.pocketsphinx.processes,
        ),
        marked=providers.Singleton(MarkedSpeechToText),
    )
    tts: providers.Provider[TextToSpeech] = providers.Selector(
        config.speech.tts,
        espeak=providers.Singleton(espeak_tts, config.speech.voice, config.speech.rate_wpm),
        polly=providers.Singleton(polly_tts, settings.provided.speech.polly),
        marked=providers.Singleton(MarkedTextToSpeech),
    )
    turn_detectors: providers.Provider[TurnDetectorFactory] = providers.Selector(
        config.speech.turns,
        silero=providers.Singleton(
            silero_turns,
            config.speech.end_of_turn_ms,
            config.speech.quick_end_of_turn_ms,
            config.speech.reply_timeout_seconds,
        ),
        energy=providers.Singleton(
            energy_detectors,
            config.speech.end_of_turn_ms,
            config.speech.quick_end_of_turn_ms,
            config.speech.reply_timeout_seconds,
        ),
    )
    call_records: providers.Provider[CallRecords] = providers.Selector(
        config.storage.backend,
        sqlite=providers.Singleton(SqliteCallRecords, database),
        postgres=providers.Singleton(postgres_call_records, postgres),
    )
    """Where call records are kept: the storage.backend database."""
    call_recording: providers.Provider[CallRecorders] = providers.Selector(
        providers.Callable(on_or_off, config.records.enabled),
        on=providers.Singleton(CallRecorders, call_records, clock, transcripts=config.records.transcripts),
        off=providers.Singleton(CallRecorders, None, clock),
    )
    transcript: providers.Provider[Transcript | None] = providers.Object(None)
    phone_calls: providers.Provider[PhoneCallHandler] = providers.Singleton(
        PhoneCallHandler,
        conversations,
        interpreter,
        stt,
        tts,
        turn_detectors,
        providers.Singleton(RequestCallback, catalogue, outbox, clock),
        clock,
        providers.Callable(phone_settings, config.telephony.ring_seconds, config.telephony.filler_after_seconds),
        transcript=transcript,
        recording=call_recording,
        metrics=call_metrics,
        tracer=call_tracer,
    )


_PORT_PROVIDERS = {
    "slotline.calendar": "calendar",
    "slotline.sms": "sms",
    "slotline.customers": "customers",
    "slotline.understanding": "interpreter",
    "slotline.stt": "stt",
    "slotline.tts": "tts",
    "slotline.turns": "turn_detectors",
    "slotline.telephony": "telephony",
}
"""The container's provider for each plugin group's port."""


def build_container(settings: Settings) -> Container:
    """A container configured from `settings`; nothing is built until a provider is called.

    A backend setting naming a plugin (checked by `load_settings`) replaces that port's built-in choice with the
    plugin's adapter, built from its own settings section and the plugin context.
    """
    container = Container()
    container.config.from_pydantic(settings)
    container.settings.override(providers.Object(settings))
    for port in PORTS:
        section: BaseModel = getattr(settings, port.section)
        chosen: str = getattr(section, port.setting.partition(".")[2])
        if chosen not in port.builtins:
            plugin_section = (section.model_extra or {}).get(chosen, {})
            adapter = providers.Singleton(build_backend, port, chosen, plugin_section, container.plugin_context)
            getattr(container, _PORT_PROVIDERS[port.group]).override(adapter)
    return container
