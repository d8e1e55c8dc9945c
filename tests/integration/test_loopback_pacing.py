"""The loopback server's audio bookkeeping without sockets: pull pacing, re-framing, caller framing, recording, lag."""

from __future__ import annotations

import struct

import pytest

from slotline.infrastructure.telcoflow.loopback import CallerFeedFull, LoopbackStats
from slotline.infrastructure.telcoflow.loopback.audio import CallerFeed, bytes_for_ms, frame_bytes
from slotline.infrastructure.telcoflow.loopback.media import CallMedia
from slotline.infrastructure.telcoflow.loopback.pacing import PullPacer
from slotline.infrastructure.telcoflow.loopback.recording import CallRecording
from tests.integration.loopback_helpers import frame_numbers, numbered_frames

FRAME = 640  # 20 ms at 16 kHz
TARGET = 3 * FRAME  # the default 60 ms jitter target


@pytest.mark.parametrize(("rate", "frame"), [(8000, 320), (16000, 640), (24000, 960)])
def test_a_frame_is_20_ms_of_pcm16(rate: int, frame: int) -> None:
    assert frame_bytes(rate) == frame
    assert bytes_for_ms(rate, 60) == 3 * frame


def test_unsupported_rate_is_refused() -> None:
    with pytest.raises(ValueError, match="44100"):
        frame_bytes(44100)


def test_first_tick_plays_silence_and_asks_for_the_whole_jitter_target() -> None:
    pacer = PullPacer(FRAME, TARGET)
    tick = pacer.tick()
    assert tick.played is None and tick.request == TARGET and pacer.outstanding == TARGET


def test_no_more_credit_while_the_sdk_owes_the_target() -> None:
    pacer = PullPacer(FRAME, TARGET)
    pacer.tick()
    assert [pacer.tick().request for _ in range(5)] == [0] * 5
    assert pacer.outstanding == TARGET


def test_chunks_are_reframed_into_whole_frames_in_order() -> None:
    pacer = PullPacer(FRAME, TARGET)
    pacer.tick()
    audio = numbered_frames(1, 3, FRAME)
    for chunk in (audio[:100], audio[100:1000], audio[1000:]):  # chunks are not frames
        pacer.receive(chunk)
    played = [pacer.tick().played for _ in range(4)]
    assert played[:3] == [audio[:FRAME], audio[FRAME : 2 * FRAME], audio[2 * FRAME :]]
    assert played[3] is None
    assert pacer.outstanding == TARGET  # each frame played was asked for again


def test_a_part_frame_waits_for_the_rest() -> None:
    pacer = PullPacer(FRAME, TARGET)
    pacer.tick()
    pacer.receive(bytes(FRAME - 2))
    assert pacer.tick().played is None
    pacer.receive(b"\x01\x00")
    assert pacer.tick().played == bytes(FRAME - 2) + b"\x01\x00"


def test_credit_is_topped_up_one_frame_per_frame_played() -> None:
    pacer = PullPacer(FRAME, TARGET)
    pacer.tick()
    pacer.receive(bytes(TARGET))
    tick = pacer.tick()
    assert tick.played is not None and tick.request == FRAME
    assert pacer.buffered + pacer.outstanding == TARGET


def test_credit_is_whole_frames_when_the_target_is_not() -> None:
    pacer = PullPacer(FRAME, FRAME * 5 // 2)  # 50 ms
    assert pacer.tick().request == 2 * FRAME
    pacer.receive(bytes(FRAME // 2))  # a part frame still counts against the target
    assert pacer.tick().request == 0


def test_interrupt_drops_the_playout_but_keeps_what_the_sdk_owes() -> None:
    pacer = PullPacer(FRAME, TARGET)
    pacer.tick()
    pacer.receive(bytes(2 * FRAME))
    assert pacer.interrupt() == 2 * FRAME
    assert pacer.buffered == 0 and pacer.outstanding == FRAME
    tick = pacer.tick()
    assert tick.played is None and tick.request == 2 * FRAME  # the owed frame is not asked for twice
    pacer.receive(numbered_frames(7, 1, FRAME))
    assert pacer.tick().played == numbered_frames(7, 1, FRAME)


def test_overdelivery_is_counted_and_the_playout_is_bounded() -> None:
    pacer = PullPacer(FRAME, TARGET, playout_limit=4 * FRAME)
    pacer.tick()
    pacer.receive(bytes(5 * FRAME))
    assert pacer.overdelivered == 2 * FRAME and pacer.outstanding == 0
    assert pacer.buffered == 4 * FRAME and pacer.overflowed == FRAME


def test_pacer_refuses_a_target_below_one_frame() -> None:
    with pytest.raises(ValueError, match="jitter target"):
        PullPacer(FRAME, FRAME - 2)


def test_caller_feed_frames_pads_the_tail_and_then_sends_silence() -> None:
    feed = CallerFeed(limit=10 * FRAME)
    feed.feed(b"\x01\x02" * (FRAME // 2 + 3))
    assert feed.next_frame(FRAME) == b"\x01\x02" * (FRAME // 2)
    assert feed.next_frame(FRAME) == b"\x01\x02" * 3 + bytes(FRAME - 6)
    assert feed.next_frame(FRAME) == bytes(FRAME)
    assert feed.pending == 0


def test_caller_feed_is_bounded_and_refuses_odd_lengths() -> None:
    feed = CallerFeed(limit=2 * FRAME)
    feed.feed(bytes(2 * FRAME))
    with pytest.raises(CallerFeedFull):
        feed.feed(b"\x00\x00")
    assert feed.pending == 2 * FRAME
    with pytest.raises(ValueError, match="even"):
        feed.feed(b"\x00")


def test_media_step_records_both_sides_on_one_timeline() -> None:
    media = CallMedia(16000, 60, record=True, caller_queue_seconds=1)
    media.feed.feed(numbered_frames(100, 2, FRAME))
    first = media.step()
    assert first.caller_frame == numbered_frames(100, 1, FRAME) and first.request == TARGET
    media.pacer.receive(numbered_frames(200, 1, FRAME))
    media.step()
    media.step()
    recording = media.recording()
    assert frame_numbers(recording.caller, FRAME) == [100, 101, 0]
    assert frame_numbers(recording.agent, FRAME) == [0, 200, 0]
    assert media.agent_audio == numbered_frames(200, 1, FRAME) and media.silent_ticks == 2


def test_recording_as_stereo_and_mixed() -> None:
    recording = CallRecording(8000, struct.pack("<3h", 1, 30000, -30000), struct.pack("<3h", 2, 30000, -30000))
    assert struct.unpack("<6h", recording.stereo()) == (1, 2, 30000, 30000, -30000, -30000)
    assert struct.unpack("<3h", recording.mixed()) == (3, 32767, -32768)
    assert recording.seconds == pytest.approx(3 / 8000)


def test_lag_percentiles_come_from_the_histogram() -> None:
    stats = LoopbackStats()
    for ms in [0.1] * 98 + [3.0, 40.0]:
        stats.record_tick(ms / 1000)
    summary = stats.lag_summary()
    assert summary.ticks == 100
    assert summary.p50_ms == pytest.approx(0.15)
    assert 3.0 <= summary.p99_ms <= 3.05  # a bucket's upper edge
    assert summary.max_ms == pytest.approx(40.0)
    assert LoopbackStats().lag_percentile_ms(99) == 0.0
