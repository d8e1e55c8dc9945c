"""The Telcoflow adapter's parts that need no server: configuration, caller numbers, framing, SDK checks."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from abxbus import EventBus
from pydantic import ValidationError
from telcoflow import SessionManager
from telcoflow.bus_events import SmSessionNotify

from slotline.application.ports import Telephony
from slotline.domain.errors import InvalidValue
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.telcoflow.adapter import (
    SdkIncompatible,
    TelcoflowTelephony,
    ensure_sdk_supported,
)
from slotline.infrastructure.telcoflow.adapter.caller import masked, parse_caller
from slotline.infrastructure.telcoflow.adapter.config import session_manager_config
from slotline.infrastructure.telcoflow.adapter.frames import pad_to_frames, pieces
from slotline.infrastructure.telcoflow.adapter.workarounds import let_bus_drop_old_history
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings
from tests.factories import NOW

SECRET = "sk-live-do-not-print"


def key_config(**changes: Any) -> TelcoflowSettings:
    return TelcoflowSettings(
        **{"base_url": "ws://127.0.0.1:9", "api_key": SECRET, "connector_uuid": "conn-secret", **changes}
    )


def test_credentials_stay_out_of_repr() -> None:
    config = key_config()
    assert SECRET not in repr(config) and "conn-secret" not in repr(config)
    assert SECRET not in repr(TelcoflowTelephony(config, clock=FixedClock(NOW)))
    tls = TelcoflowSettings(cert_file=Path("/etc/agent.crt"), key_file=Path("/etc/agent-secret.key"))
    assert "agent-secret" not in repr(tls)


@pytest.mark.parametrize(
    "changes",
    [
        {"sample_rate": 44100},
        {"drain_grace_ms": -1},
        {"send_buffer_bytes": 1000},
        {"base_url": "https://example.test"},
        {"api_key": None},
        {"connector_uuid": ""},
        {"cert_file": Path("/c.crt"), "key_file": Path("/c.key")},  # two auth modes at once
    ],
)
def test_inconsistent_configuration_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        key_config(**changes)


@pytest.mark.parametrize("ring_seconds", [0, 121])
def test_a_ring_time_out_of_range_is_refused(ring_seconds: int) -> None:
    with pytest.raises(InvalidValue):
        TelcoflowTelephony(key_config(), ring_seconds=ring_seconds, clock=FixedClock(NOW))


def test_no_credentials_at_all_is_refused() -> None:
    with pytest.raises(ValidationError):
        TelcoflowSettings()


@pytest.mark.parametrize(("rate", "frame"), [(8000, 320), (16000, 640), (24000, 960)])
def test_a_frame_is_20_ms(rate: int, frame: int) -> None:
    assert key_config(sample_rate=rate).frame_bytes == frame


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+12125550100", None, "+12125550100"),
        ("+44 20 7123 4567", None, "+442071234567"),
        ("2125550100", "US", "+12125550100"),
        ("2125550100", None, None),
        ("anonymous", None, None),
        ("", None, None),
        ("+1999", None, None),
    ],
)
def test_caller_number_is_read_into_e164_or_none(raw: str, region: str | None, expected: str | None) -> None:
    number = parse_caller(raw, region)
    assert (number.e164 if number else None) == expected


def test_logs_show_a_masked_caller() -> None:
    assert masked(PhoneNumber("+12125550100")) == "+12*******00"
    assert masked(None) == "withheld"


def test_trailing_part_frame_is_padded_with_silence() -> None:
    assert pad_to_frames(b"\x01" * 960, 960) == b"\x01" * 960
    padded = pad_to_frames(b"\x01" * 1000, 960)
    assert len(padded) == 1920 and padded[1000:] == bytes(920)


def test_pieces_cover_the_audio_in_order() -> None:
    data = bytes(range(256)) * 10
    parts = list(pieces(data, 960))
    assert b"".join(parts) == data and max(map(len, parts)) == 960


def test_startup_check_accepts_the_installed_abxbus() -> None:
    ensure_sdk_supported()
    ensure_sdk_supported(EventBus)


def test_startup_check_refuses_an_event_bus_without_destroy() -> None:
    """Mitigation 3: abxbus 2.4.x has no EventBus.destroy(); the agent must refuse to start, not crash later."""

    class EventBus24:  # the shape of abxbus 2.4's EventBus, for this purpose
        async def stop(self) -> None: ...

    with pytest.raises(SdkIncompatible, match=r"abxbus .* EventBus\.destroy\(\).*2\.5"):
        ensure_sdk_supported(EventBus24)


async def _notifications_delivered(sm: SessionManager, count: int) -> tuple[int, int]:
    seen: list[str] = []

    async def on_notification(note: object) -> None:
        seen.append("x")

    sm.on_session_notification(on_notification)
    refused = 0
    for number in range(count):
        try:
            sm._bus.emit(SmSessionNotify(session_id=f"s{number}", activity="NEW_INCOMING_CALL"))
        except RuntimeError:
            refused += 1
        await asyncio.sleep(0)
    for _ in range(100):
        if len(seen) + refused >= count:
            break
        await asyncio.sleep(0.01)
    await sm._bus.destroy()
    return len(seen), refused


async def test_without_history_drop_the_sdk_bus_refuses_events_after_100() -> None:
    """Defect 1 on the real SDK bus: the 101st session-manager frame is refused (about call 34 in production)."""
    sm = SessionManager(session_manager_config(key_config()))
    delivered, refused = await _notifications_delivered(sm, 150)
    assert (delivered, refused) == (100, 50)


async def test_history_drop_keeps_every_event_flowing() -> None:
    """Mitigation 1: with max_history_drop the same 150 frames all arrive and history stays bounded."""
    sm = SessionManager(session_manager_config(key_config()))
    let_bus_drop_old_history(sm)
    assert sm._bus.event_history.max_history_drop is True
    delivered, refused = await _notifications_delivered(sm, 150)
    assert (delivered, refused) == (150, 0)
    assert len(sm._bus.event_history) <= 100


def test_the_adapter_fits_the_telephony_port() -> None:
    telephony: Telephony = TelcoflowTelephony(
        key_config(), clock=FixedClock(NOW)
    )  # mypy checks the fit; this keeps the check in place
    assert telephony is not None
