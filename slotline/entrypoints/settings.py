"""Runtime settings: command-line flags, then SLOTLINE_* environment variables, then a TOML file, then defaults."""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path
from typing import Literal, TypedDict

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, InitSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from slotline.domain.errors import SlotlineError

__all__ = [
    "CONFIG_ENV",
    "CalendarSettings",
    "DialogueSettings",
    "GraphSettings",
    "OutboxSettings",
    "Overrides",
    "PollySettings",
    "Settings",
    "SettingsInvalid",
    "SmsSettings",
    "SnsSettings",
    "SpeechSettings",
    "StorageSettings",
    "TelcoflowSettings",
    "TelephonySettings",
    "UnderstandingSettings",
    "load_settings",
]

CONFIG_ENV = "SLOTLINE_CONFIG"
_PATHS = ("catalog", "db")


class SettingsInvalid(SlotlineError):
    """A setting, or the config file, cannot be used; the message is one line."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GraphSettings(_Section):
    tenant_id: str = ""
    """Directory (tenant) id of the app registration."""
    client_id: str = ""
    """Application (client) id of the app registration."""
    client_secret: SecretStr | None = None
    certificate_path: Path | None = None
    """PEM or PKCS12 file with the app's certificate and key (instead of client_secret)."""
    certificate_password: SecretStr | None = None
    static_token: SecretStr | None = None
    """A fixed bearer token, only for a Graph stand-in on this machine."""
    base_url: str = "https://graph.microsoft.com/v1.0"
    deadline_seconds: float = Field(default=4.0, gt=0)
    """Longest one calendar operation may take, retries and Retry-After waits included."""
    attempt_timeout_seconds: float = Field(default=2.5, gt=0)
    busy_source: Literal["schedule", "calendar_view"] = "schedule"
    schedule_mailbox: str | None = None
    page_size: int = Field(default=100, ge=1, le=1000)


class CalendarSettings(_Section):
    backend: Literal["sqlite", "graph"] = "sqlite"
    """Where staff calendars live: "sqlite" is the embedded one in `db`; "graph" is Microsoft 365."""
    graph: GraphSettings = Field(default_factory=GraphSettings)


class SnsSettings(_Section):
    region: str = "us-east-1"
    endpoint_url: str | None = None
    """None for AWS itself; http://127.0.0.1:PORT for a local moto server."""
    sender_id: str | None = None
    """AWS.SNS.SMS.SenderID, where the destination country supports one (1-11 letters, digits, hyphens)."""
    origination_number: str | None = None
    """AWS.MM.SMS.OriginationNumber: an E.164 number the AWS account owns."""
    sms_type: Literal["Transactional", "Promotional"] = "Transactional"
    access_key_id: SecretStr | None = None
    """None: boto3's default chain (environment, profile, instance role)."""
    secret_access_key: SecretStr | None = None
    session_token: SecretStr | None = None
    connect_timeout: float = Field(default=2.0, gt=0)
    read_timeout: float = Field(default=5.0, gt=0)
    send_deadline: float = Field(default=10.0, gt=0)
    """No new publish attempt starts after this many seconds."""
    max_attempts: int = Field(default=3, ge=1)


class SmsSettings(_Section):
    backend: Literal["local", "sns"] = "local"
    """Where texts go: "local" records them in `db` instead of sending; "sns" sends through Amazon SNS."""
    sns: SnsSettings = Field(default_factory=SnsSettings)


class TelcoflowSettings(_Section):
    base_url: str = "wss://wss-prod.agentao.com"
    """The Telcoflow platform, or ws://127.0.0.1:PORT for the loopback server."""
    api_key: SecretStr | None = None
    connector_uuid: SecretStr | None = None
    cert_file: Path | None = None
    """mTLS client certificate (instead of API key + connector UUID)."""
    key_file: Path | None = None
    sample_rate: Literal[8000, 16000, 24000] = 16000


class TelephonySettings(_Section):
    backend: Literal["telcoflow"] = "telcoflow"
    ring_seconds: int = Field(default=30, ge=1, le=120)
    """How long a hand-over to a person rings before it counts as unanswered."""
    grace_seconds: float = Field(default=30.0, ge=0)
    """On SIGINT/SIGTERM: time live calls get to finish; after half of it they are handed to a person."""


class PollySettings(_Section):
    region: str = "us-east-1"
    endpoint_url: str | None = None
    """None for AWS; http://127.0.0.1:PORT for a local moto server."""
    voice_id: str = "Joanna"
    engine: Literal["standard", "neural"] = "standard"
    access_key_id: SecretStr | None = None
    """None: boto3's default chain (environment, profile, instance role)."""
    secret_access_key: SecretStr | None = None
    session_token: SecretStr | None = None
    connect_timeout: float = Field(default=2.0, gt=0)
    read_timeout: float = Field(default=4.0, gt=0)
    deadline: float = Field(default=8.0, gt=0)
    """One sentence's synthesis, retries included."""
    max_attempts: int = Field(default=3, ge=1)


class SpeechSettings(_Section):
    stt: Literal["pocketsphinx", "marked"] = "pocketsphinx"
    """Speech to text. "pocketsphinx": offline, with a language model built from the catalogue.
    "marked": reads text carried inside the audio (tests and benchmarks without a recogniser)."""
    tts: Literal["espeak", "polly", "marked"] = "espeak"
    """Text to speech. "espeak": offline espeak-ng. "polly": Amazon Polly. "marked": writes the text into the audio."""
    polly: PollySettings = Field(default_factory=PollySettings)
    voice: str = "en-us"
    """The espeak-ng voice the agent speaks with."""
    rate_wpm: int = Field(default=160, ge=80, le=450)
    """How fast the agent speaks (espeak-ng words per minute)."""
    turns: Literal["silero", "energy"] = "silero"
    """Turn-taking. "silero": the Silero voice-activity network (robust to line noise). "energy": loudness."""
    cache_dir: Path | None = None
    """Where the recogniser keeps the language model it builds (default: the user's cache folder)."""
    end_of_turn_ms: int = Field(default=700, ge=100)
    """Quiet this long after the caller spoke ends their turn, whatever they said."""
    quick_end_of_turn_ms: int = Field(default=200, ge=100)
    """Quiet this long ends a turn that already sounds finished ("yes please", "the second one"); see speech.md."""
    reply_timeout_seconds: float = Field(default=6.0, gt=0)
    """No speech this long after the agent finished talking is a silent turn."""

    @model_validator(mode="after")
    def _quick_end_is_the_shorter(self) -> SpeechSettings:
        if self.quick_end_of_turn_ms > self.end_of_turn_ms:
            quick, end = self.quick_end_of_turn_ms, self.end_of_turn_ms
            raise ValueError(f"quick_end_of_turn_ms ({quick}) must not exceed end_of_turn_ms ({end})")
        return self


class StorageSettings(_Section):
    backend: Literal["sqlite"] = "sqlite"
    """Where holds, bookings, customers and the outbox live: "sqlite" is the file named by `db`."""


class UnderstandingSettings(_Section):
    backend: Literal["rules"] = "rules"
    """How caller text becomes meaning: "rules" is the offline rule-based interpreter."""


class DialogueSettings(_Section):
    max_misunderstandings: int = Field(default=3, ge=1)
    """Turns in a row the agent may fail to understand before handing the call to a human."""
    max_silences: int = Field(default=2, ge=1)
    """Silent turns in a row before the agent hands the call to a human."""
    max_rejected_offers: int = Field(default=3, ge=1)
    """Times the caller may turn down what is offered before the agent hands over."""
    max_empty_searches: int = Field(default=2, ge=1)
    """Searches that find nothing at all before the agent hands over."""


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
    default_region: str = Field(default="US", pattern=r"^[A-Z]{2}$")
    """Country assumed for phone numbers written without +country code (ISO 3166 alpha-2)."""
    storage: StorageSettings = Field(default_factory=StorageSettings)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    sms: SmsSettings = Field(default_factory=SmsSettings)
    understanding: UnderstandingSettings = Field(default_factory=UnderstandingSettings)
    dialogue: DialogueSettings = Field(default_factory=DialogueSettings)
    outbox: OutboxSettings = Field(default_factory=OutboxSettings)
    telephony: TelephonySettings = Field(default_factory=TelephonySettings)
    telcoflow: TelcoflowSettings = Field(default_factory=TelcoflowSettings)
    speech: SpeechSettings = Field(default_factory=SpeechSettings)

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
    """Settings from every source, or `SettingsInvalid` naming the first bad one."""
    try:
        return Settings(**(overrides or {}))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        parts = [str(p) for p in first["loc"]]
        if first["type"] == "extra_forbidden":
            raise SettingsInvalid(f"unknown setting {'.'.join(parts)!r} in the config file") from None
        where = f"setting {'.'.join(parts)} (env SLOTLINE_{'__'.join(parts).upper()})" if parts else "settings"
        value = first.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float | date) else ""
        raise SettingsInvalid(f"{where}: {first['msg'][:1].lower()}{first['msg'][1:]}{shown}") from None


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
