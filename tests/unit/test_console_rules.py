"""The console's own rules, on values: who may bind where, how a turn's timings become bars, what a page masks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from slotline.domain.call_record import TurnTimings
from slotline.entrypoints.console import ConsoleUnprotected, is_loopback, require_token_off_loopback
from slotline.entrypoints.console.shown import duration, masked_number, masked_text
from slotline.entrypoints.console.timeline import call_scale_ms, timeline
from tests.factories import NOW


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_reach_only_this_machine(host: str) -> None:
    assert is_loopback(host)
    require_token_off_loopback(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "console.example.com", "10.0.0.1"])
def test_any_other_address_needs_a_token(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(
        ConsoleUnprotected, match=rf"console.host '{host}' is not a loopback address: set console.token"
    ):
        require_token_off_loopback(host, None)
    with pytest.raises(ConsoleUnprotected):
        require_token_off_loopback(host, "")
    require_token_off_loopback(host, "a-token")


def test_stages_are_bars_from_the_stage_before_on_the_call_scale() -> None:
    turns = [TurnTimings(200, 500, 800), TurnTimings(100, 300, 1000)]
    scale = call_scale_ms(turns)

    bars = [(s.key, s.ms, s.left_pct, s.width_pct) for s in timeline(turns[0], scale).stages]

    assert scale == 1000
    assert bars == [("recognised", 200, 0.0, 20.0), ("decided", 500, 20.0, 30.0), ("first_audio", 800, 50.0, 30.0)]


def test_a_stage_reached_before_the_one_before_it_starts_from_the_end_of_speech() -> None:
    """A "One moment, please." can be on the line before the reply is decided."""
    stages = timeline(TurnTimings(recognised_ms=100, decided_ms=1500, first_audio_ms=1000), 1500).stages

    assert [(s.left_pct, s.width_pct) for s in stages] == [(0.0, 6.67), (6.67, 93.33), (0.0, 66.67)]


def test_a_stage_not_reached_has_no_bar_and_a_quick_call_keeps_a_readable_scale() -> None:
    stages = timeline(TurnTimings(recognised_ms=40), call_scale_ms([TurnTimings(recognised_ms=40), None])).stages

    assert [(s.ms, s.width_pct) for s in stages] == [(40, 8.0), (None, 0.0), (None, 0.0)]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("call me on +12125550123 please", "call me on +12*******23 please"),
        ("phone='+12125550123'", "phone='+12*******23'"),
        ("two one two five five five oh one two three", "* * * * * * * * * *"),
        ("212-555-0123", "***-***-****"),
        ("the second one at two thirty, day=2026-11-26", "the second one at two thirty, day=2026-11-26"),
        (None, ""),
    ],
)
def test_free_text_shows_phone_numbers_masked(text: str | None, shown: str) -> None:
    assert masked_text(text) == shown


def test_numbers_and_durations_read_at_a_glance() -> None:
    assert masked_number(None) == "withheld"
    assert masked_number("+18005550100") == "+18*******00"
    assert duration(NOW, NOW + timedelta(seconds=75)) == "1:15"
    assert duration(NOW, NOW + timedelta(hours=1, seconds=3)) == "1:00:03"
    assert duration(NOW, None) == ""
