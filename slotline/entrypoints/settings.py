"""Runtime settings: command-line flags, then SLOTLINE_* environment variables, then a TOML file, then defaults."""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Literal, TypedDict

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, InitSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from slotline.domain.errors import SlotlineError
from slotline.entrypoints.plugins import PORTS, PluginBroken, installed, load_plugin
from slotline.entrypoints.supported_dates import outside_supported_range
from slotline.infrastructure.aws.polly_settings import PollySettings
from slotline.infrastructure.aws.sns_settings import SnsSettings
from slotline.infrastructure.deepgram_stt.settings import DeepgramSettings
from slotline.infrastructure.faster_whisper_stt.settings import WhisperSettings
from slotline.infrastructure.model_nlu.settings import ModelSettings
from slotline.infrastructure.msgraph.settings import GraphSettings
from slotline.infrastructure.openai_stt.settings import OpenAITranscriptionSettings
from slotline.infrastructure.postgres.settings import PostgresSettings
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

__all__ = [
    "CONFIG_ENV",
    "CalendarSettings",
    "ConsoleSettings",
    "CustomersSettings",
    "DialogueSettings",
    "LogSettings",
    "MetricsSettings",
    "OutboxSettings",
    "Overrides",
    "PocketsphinxSection",
    "RecordsSettings",
    "Settings",
    "SettingsInvalid",
    "SmsSettings",
    "SpeechSettings",
    "StorageSettings",
    "TelephonySettings",
    "TracingSettings",
    "UnderstandingSettings",
    "load_settings",
]

CONFIG_ENV = "SLOTLINE_CONFIG"
_PATHS = ("catalog", "db")


class SettingsInvalid(SlotlineError):
    """A setting, or the config file, cannot be used; the message is one line."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _PortSection(BaseModel):
    """A section whose backend setting may name a plugin; the plugin's own section sits inside it under its name.

    Keys that are no field here must name an installed plugin: `load_settings` checks them (see entrypoints.plugins).
    """

    model_config = ConfigDict(extra="allow", frozen=True)


class CalendarSettings(_PortSection):
    backend: str = "sqlite"
    """Where staff calendars live: "sqlite" is the embedded one in `db`; "postgres" the embedded one in
    `storage.postgres`; "graph" is Microsoft 365."""
    graph: GraphSettings | None = None
    """Microsoft 365 sign-in and limits; needed when backend is "graph"."""

    @model_validator(mode="after")
    def _graph_is_configured(self) -> CalendarSettings:
        if self.backend == "graph" and self.graph is None:
            raise ValueError(
                'backend "graph" needs the [calendar.graph] section (client_secret, certificate_path or static_token)'
            )
        return self


class SmsSettings(_PortSection):
    backend: str = "local"
    """Where texts go: "local" records them in `db` instead of sending; "sns" sends through Amazon SNS."""
    sns: SnsSettings = Field(default_factory=SnsSettings)


class TelephonySettings(_PortSection):
    backend: str = "telcoflow"
    ring_seconds: int = Field(default=30, ge=1, le=120)
    """How long a hand-over to a person rings before it counts as unanswered."""
    grace_seconds: float = Field(default=30.0, ge=0)
    """On SIGINT/SIGTERM: time live calls get to finish; after half of it they are handed to a person."""
    filler_after_seconds: float = Field(default=1.0, gt=0, le=10)
    """When a reply takes longer than this, the agent says "One moment, please." meanwhile."""
    max_concurrent_calls: int = Field(default=20, ge=1)
    """Live calls this process takes at most; above it a new call is left to another agent on the same connector
    (and taken here when a call ends, if nobody has). Set it to what one process carries with turn latency in bounds
    (docs/performance.md#voice-capacity)."""


class PocketsphinxSection(_Section):
    processes: int | None = Field(default=None, ge=0)
    """Worker processes that decode callers' turns, each with the model loaded once. None (the default): one per
    core of this machine. 0: decode on a thread of the serving process, which stalls every call while a turn is
    decoded (pocketsphinx holds the GIL); for tests and embedding. See docs/performance.md#voice-capacity."""
    digit_grammar: bool = False
    """At "What number can we text?", also hear the turn with a grammar of digits. Off by default: it hears some
    numbers the language model cannot, but also some as another valid number, which only the read-back stops
    (docs/speech.md, benchmarks.phone_digits)."""


class SpeechSettings(_PortSection):
    stt: str = "pocketsphinx"
    """Speech to text. "pocketsphinx": offline, with a language model built from the catalogue. "whisper": Whisper
    on this machine (faster-whisper; `speech.whisper`). "openai": any server speaking OpenAI's
    /v1/audio/transcriptions (`speech.openai`), pocketsphinx hearing the turns it fails on. "deepgram": Deepgram's
    streaming cloud recogniser (needs the [speech.deepgram] section with its api_key). "marked": reads text carried
    inside the audio (tests and benchmarks without a recogniser). See docs/speech.md#choosing-a-recogniser."""
    tts: str = "espeak"
    """Text to speech. "espeak": offline espeak-ng. "polly": Amazon Polly. "marked": writes the text into the audio."""
    polly: PollySettings = Field(default_factory=PollySettings)
    voice: str = "en-us"
    """The espeak-ng voice the agent speaks with."""
    rate_wpm: int = Field(default=160, ge=80, le=450)
    """How fast the agent speaks (espeak-ng words per minute)."""
    turns: str = "silero"
    """Turn-taking. "silero": the Silero voice-activity network (robust to line noise). "energy": loudness."""
    pocketsphinx: PocketsphinxSection = Field(default_factory=PocketsphinxSection)
    deepgram: DeepgramSettings | None = None
    """Deepgram's address, key, model and per-turn deadline; needed when stt is "deepgram"."""
    whisper: WhisperSettings = Field(default_factory=WhisperSettings)
    """Whisper on this machine (speech.stt "whisper"): the model (a directory or a name), device, threads."""
    openai: OpenAITranscriptionSettings = Field(default_factory=OpenAITranscriptionSettings)
    """A transcription server (speech.stt "openai"): base URL, model, key, the per-turn deadline, the fallback."""
    cache_dir: Path | None = None
    """Where the recogniser keeps the language model it builds (default: the user's cache folder)."""
    end_of_turn_ms: int = Field(default=700, ge=100)
    """Quiet this long after the caller spoke ends their turn, whatever they said."""
    quick_end_of_turn_ms: int = Field(default=200, ge=100)
    """Quiet this long ends a turn that already sounds finished ("yes please", "the second one"); see speech.md."""
    reply_timeout_seconds: float = Field(default=6.0, gt=0)
    """No speech this long after the agent finished talking is a silent turn."""

    @model_validator(mode="after")
    def _deepgram_is_configured(self) -> SpeechSettings:
        if self.stt == "deepgram" and (self.deepgram is None or self.deepgram.api_key is None):
            raise ValueError('stt "deepgram" needs speech.deepgram.api_key (SLOTLINE_SPEECH__DEEPGRAM__API_KEY)')
        return self

    @model_validator(mode="after")
    def _quick_end_is_the_shorter(self) -> SpeechSettings:
        if self.quick_end_of_turn_ms > self.end_of_turn_ms:
            quick, end = self.quick_end_of_turn_ms, self.end_of_turn_ms
            raise ValueError(f"quick_end_of_turn_ms ({quick}) must not exceed end_of_turn_ms ({end})")
        return self


class StorageSettings(_Section):
    backend: Literal["sqlite", "postgres"] = "sqlite"
    """Where holds, bookings and the outbox live: "sqlite" is the file named by `db`; "postgres" is the database
    of `storage.postgres`, shared by any number of workers (docs/postgres.md)."""
    postgres: PostgresSettings = Field(default_factory=PostgresSettings)
    """The PostgreSQL database of every "postgres" backend (storage, customers, calendar)."""


class CustomersSettings(_PortSection):
    backend: str = "sqlite"
    """Where callers' names come from: "sqlite" is the customers table in `db` (`slotline customers add`);
    "postgres" the customers table in `storage.postgres`."""


class UnderstandingSettings(_PortSection):
    backend: str = "rules"
    """How caller text becomes meaning: "rules" is the offline rule-based interpreter; "model" adds a language
    model (the [understanding.model] section) to it, as `mode` says."""
    mode: Literal["hybrid", "model"] = "hybrid"
    """With backend "model": "hybrid" asks the model only for turns the rules did not understand or were unsure
    of; "model" asks it for every turn. Either way the rules' reading stands when the model fails or is late."""
    model: ModelSettings | None = None
    """The language model: provider "openai" (any OpenAI-compatible endpoint) or "bedrock"; needed by "model"."""

    @model_validator(mode="after")
    def _model_is_configured(self) -> UnderstandingSettings:
        if self.backend == "model" and self.model is None:
            raise ValueError('backend "model" needs the [understanding.model] section (provider, model or model_id)')
        return self


class DialogueSettings(_Section):
    max_misunderstandings: int = Field(default=3, ge=1)
    """Turns in a row the agent may fail to understand before handing the call to a human."""
    max_silences: int = Field(default=2, ge=1)
    """Silent turns in a row before the agent hands the call to a human."""
    max_rejected_offers: int = Field(default=3, ge=1)
    """Times the caller may turn down what is offered before the agent hands over."""
    max_empty_searches: int = Field(default=2, ge=1)
    """Searches that find nothing at all before the agent hands over."""
    lookup_budget_seconds: float = Field(default=0.5, gt=0, le=10)
    """Longest the greeting waits on the calendar for the caller's upcoming appointments; past it the caller is
    greeted from slotline's own records alone."""
    calendar_read_budget_seconds: float = Field(default=2.0, gt=0, le=30)
    """Longest a caller waits on a calendar read (free slots, the re-check before a hold or booking); past it the
    agent apologises and hands the call over."""


class OutboxSettings(_Section):
    max_attempts: int = Field(default=8, ge=1)
    """Sends tried before a message is dead-lettered."""
    first_retry_seconds: float = Field(default=30.0, gt=0)
    """Wait after the first failed send; it doubles after each failure."""
    max_retry_seconds: float = Field(default=3600.0, gt=0)
    """Longest wait between two sends of one message."""
    dispatch_interval_seconds: float = Field(default=15.0, gt=0)
    """How often `serve` (and `outbox dispatch --loop`) looks for texts that are due."""
    dispatch_batch: int = Field(default=100, ge=1)
    lease_seconds: float = Field(default=120.0, gt=0)
    """How long a text a dispatcher has claimed is hidden from the others (every worker runs one): longer than any
    one send. A worker that dies mid-send loses nothing; another sends the text once this has passed."""


class RecordsSettings(_Section):
    enabled: bool = True
    """Keep a record of every call `serve` takes (docs/call-records.md), in the storage.backend database."""
    retention_days: int = Field(default=30, ge=1, le=36500)
    """Records of calls that started longer ago than this are deleted by `slotline calls purge` and once when
    `serve` starts."""
    purge_every_hours: float = Field(default=6.0, gt=0, le=24 * 365)
    """While `serve` runs, records past the retention are deleted this often (and once at start)."""
    transcripts: bool = True
    """Keep the words: what the caller said and how it was understood, and what the agent said. False keeps
    times, outcomes, intents, latencies and backend calls only."""


class ConsoleSettings(_Section):
    host: str = Field(default="127.0.0.1", min_length=1)
    """Where `slotline console` listens. Any address other than a loopback one needs `token`."""
    port: int = Field(default=8470, ge=1, le=65535)
    token: SecretStr | None = None
    """When set, every request must carry it (`?token=...` or `Authorization: Bearer ...`), else 401. Required
    when `host` is not a loopback address."""


class MetricsSettings(_Section):
    enabled: bool = True
    """`slotline serve` exposes Prometheus metrics, /healthz and /readyz (docs/operations.md)."""
    host: str = "127.0.0.1"
    """Address the metrics and health server binds; only this machine by default."""
    port: int = Field(default=9464, ge=0, le=65535)
    """Port of the metrics and health server; 0 takes any free port (tests)."""


class TracingSettings(_Section):
    otlp_endpoint: str | None = None
    """An OpenTelemetry collector's OTLP/HTTP address (http://127.0.0.1:4318): `serve` then traces each call's turns
    and backend calls there. None (the default): no tracing, at no cost."""
    service_name: str = Field(default="slotline", min_length=1)
    """The `service.name` the spans carry."""

    @field_validator("otlp_endpoint")
    @classmethod
    def _an_http_address(cls, endpoint: str | None) -> str | None:
        if endpoint is not None and not re.fullmatch(r"https?://\S+", endpoint):
            raise ValueError("must be an http:// or https:// address, e.g. http://127.0.0.1:4318")
        return endpoint


class LogSettings(_Section):
    format: Literal["text", "json"] = "text"
    """`text`: one readable line per event; `json`: one JSON object per line (docs/operations.md)."""


class Settings(BaseSettings):
    """Everything slotline reads from its surroundings; build it with `load_settings`."""

    model_config = SettingsConfigDict(
        env_prefix="SLOTLINE_",
        env_nested_delimiter="__",
        env_ignore_empty=True,
        extra="forbid",
        frozen=True,
    )

    config: Path | None = None
    """TOML file with more settings (env SLOTLINE_CONFIG); only flags and the environment can name it."""
    catalog: Path | None = None
    """The catalogue YAML file; None means the bundled sample business."""
    db: Path = Path("slotline.db")
    """The SQLite database holding bookings, holds, the outbox and the embedded calendars."""
    now: AwareDatetime | None = None
    """Pin the clock to this instant (demos, tests); None means the real time."""
    now_since: AwareDatetime | None = None
    """With `now`: the real instant at which the clock reads `now`; from then on it runs. Workers given the same
    pair share one time on a chosen day while holds and leases still run out (rehearsals, tests)."""
    default_region: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """Country assumed for phone numbers written or said without +country code (ISO 3166 alpha-2); unset, the
    country of the business's own number in the catalogue (US when that names none)."""
    storage: StorageSettings = Field(default_factory=StorageSettings)
    customers: CustomersSettings = Field(default_factory=CustomersSettings)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    sms: SmsSettings = Field(default_factory=SmsSettings)
    understanding: UnderstandingSettings = Field(default_factory=UnderstandingSettings)
    dialogue: DialogueSettings = Field(default_factory=DialogueSettings)
    outbox: OutboxSettings = Field(default_factory=OutboxSettings)
    telephony: TelephonySettings = Field(default_factory=TelephonySettings)
    telcoflow: TelcoflowSettings | None = None
    """The Telcoflow connection and credentials; needed by `serve` when telephony.backend is "telcoflow"."""
    speech: SpeechSettings = Field(default_factory=SpeechSettings)
    records: RecordsSettings = Field(default_factory=RecordsSettings)
    console: ConsoleSettings = Field(default_factory=ConsoleSettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    logs: LogSettings = Field(default_factory=LogSettings)
    tracing: TracingSettings = Field(default_factory=TracingSettings)

    @model_validator(mode="after")
    def _embedded_stores_follow_storage(self) -> Settings:
        """With storage on PostgreSQL, the embedded customers and calendar go there too unless set otherwise."""
        if self.storage.backend == "postgres":
            for name in ("customers", "calendar"):
                section = getattr(self, name)
                if "backend" not in section.model_fields_set and section.backend == "sqlite":
                    object.__setattr__(self, name, section.model_copy(update={"backend": "postgres"}))  # frozen
        return self

    @model_validator(mode="after")
    def _since_goes_with_now(self) -> Settings:
        if self.now_since is not None and self.now is None:
            raise ValueError("now_since needs now: it says when the clock read `now`")
        return self

    @field_validator("now")
    @classmethod
    def _now_is_a_supported_day(cls, now: datetime | None) -> datetime | None:
        if now is not None and (problem := outside_supported_range(now.date())):
            raise ValueError(problem)
        return now

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        path = _config_path(init_settings)
        if path is None:
            return init_settings, env_settings
        return init_settings, env_settings, InitSettingsSource(settings_cls, _read_toml(path))


class Overrides(TypedDict, total=False):
    """Values given on the command line; they beat every other source."""

    config: Path
    catalog: Path
    db: Path
    now: AwareDatetime


def load_settings(overrides: Overrides | None = None) -> Settings:
    """Settings from every source, or `SettingsInvalid` naming the first bad one (plugin sections included)."""
    try:
        settings = Settings(**(overrides or {}))
    except ValidationError as exc:
        raise _one_line(exc) from None
    _check_backends(settings)
    return settings


def _one_line(exc: ValidationError, within: tuple[str, ...] = ()) -> SettingsInvalid:
    first = exc.errors(include_url=False)[0]
    parts = [*within, *(str(p) for p in first["loc"])]
    if first["type"] == "extra_forbidden":
        return SettingsInvalid(f"unknown setting {'.'.join(parts)!r} in the config file")
    where = f"setting {'.'.join(parts)} (env SLOTLINE_{'__'.join(parts).upper()})" if parts else "settings"
    value = first.get("input")
    shown = f" (got {value!r})" if isinstance(value, str | int | float | date) else ""
    return SettingsInvalid(f"{where}: {first['msg'][:1].lower()}{first['msg'][1:]}{shown}")


def _check_backends(settings: Settings) -> None:
    """Every backend setting names a built-in or installed backend; a plugin's section passes its own model."""
    plugin_names: dict[str, set[str]] = {}
    for port in PORTS:
        section: BaseModel = getattr(settings, port.section)
        chosen: str = getattr(section, port.setting.partition(".")[2])
        plugins = installed(port)
        plugin_names.setdefault(port.section, set()).update(plugins)
        if chosen in port.builtins:
            continue
        env = f"SLOTLINE_{port.setting.replace('.', '__').upper()}"
        if chosen not in plugins:
            choices = ", ".join([*port.builtins, *sorted(plugins)])
            raise SettingsInvalid(
                f"setting {port.setting} (env {env}): unknown backend {chosen!r}; choose one of {choices}"
            )
        try:
            model = load_plugin(port, chosen).settings_model
        except PluginBroken as exc:
            raise SettingsInvalid(str(exc)) from exc
        try:
            model.model_validate((section.model_extra or {}).get(chosen, {}))
        except ValidationError as exc:
            raise _one_line(exc, (port.section, chosen)) from None
    for name, known in plugin_names.items():
        for key in getattr(settings, name).model_extra or {}:
            if key not in known:
                raise SettingsInvalid(f"unknown setting '{name}.{key}': no such setting and no plugin of that name")


def _config_path(init_settings: PydanticBaseSettingsSource) -> Path | None:
    given = init_settings.init_kwargs.get("config") if isinstance(init_settings, InitSettingsSource) else None
    if given is None:
        given = os.environ.get(CONFIG_ENV) or None
    return Path(given) if given is not None else None


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise SettingsInvalid(f"config file {path}: no such file") from None
    except OSError as exc:
        raise SettingsInvalid(f"config file {path}: cannot read it: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsInvalid(f"config file {path}: not valid TOML: {exc}") from exc
    if "config" in data:
        raise SettingsInvalid(f"config file {path}: 'config' cannot be set inside a config file")
    for key in _PATHS:  # relative paths in the file are relative to the file, not to the current directory
        value = data.get(key)
        if isinstance(value, str) and not Path(value).is_absolute():
            data[key] = str(path.parent / value)
    return data
