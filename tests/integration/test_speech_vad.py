"""Silero turn-taking on synthesised speech and seeded line noise: the EnergyTurnDetector contract, in noise."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from slotline.application.ports import SilenceTimeout, SpeechPaused, SpeechStarted, TurnEvent, TurnMayEnd, Utterance
from slotline.infrastructure.energy_vad import EnergyTurnDetector
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.silero_vad import SileroSettings, SileroTurnDetector, SileroTurnDetectorFactory

SAID = ("I would like to book a haircut", "next Tuesday at three pm", "yes please")
PAUSE_S = 1.0


def _noise(samples: int, dbfs: float, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(0.0, 32768.0 * 10 ** (dbfs / 20), samples)


def _stream(rate: int, noise_dbfs: float | None = None, seed: int = 1) -> tuple[bytes, list[float]]:
    """The three sentences with a second of quiet before, between and after; and each sentence's length."""

    async def speak() -> list[bytes]:
        tts = EspeakTextToSpeech("en-us")
        return [await tts.synthesize(text, rate) for text in SAID]

    pause = np.zeros(round(PAUSE_S * rate))
    parts: list[np.ndarray] = [pause]
    for pcm in asyncio.run(speak()):
        parts += [np.frombuffer(pcm, dtype="<i2").astype(np.float64), pause]
    audio = np.concatenate(parts)
    if noise_dbfs is not None:
        audio += _noise(audio.size, noise_dbfs, seed)
    lengths = [(p.size / rate) for p in parts[1::2]]
    return np.clip(np.rint(audio), -32768, 32767).astype("<i2").tobytes(), lengths


def _feed(detector: SileroTurnDetector | EnergyTurnDetector, pcm: bytes, rate: int) -> list[TurnEvent]:
    frame = 2 * rate // 50  # 20 ms
    events: list[TurnEvent] = []
    for i in range(0, len(pcm), frame):
        events += detector.feed(pcm[i : i + frame])
    return events


def _kinds(events: list[TurnEvent]) -> list[str]:
    """Event names without SpeechPaused and TurnMayEnd, the hints checked on their own below."""
    return [type(e).__name__ for e in events if not isinstance(e, SpeechPaused | TurnMayEnd)]


def _paused_then_final(events: list[TurnEvent]) -> bool:
    """Every Utterance comes right after a SpeechPaused and a TurnMayEnd that carried exactly its audio."""
    for paused, may_end, event in zip([None, None, *events], [None, *events], events, strict=False):
        if isinstance(event, Utterance) and not (
            isinstance(paused, SpeechPaused)
            and isinstance(may_end, TurnMayEnd)
            and paused.pcm == may_end.pcm == event.pcm
        ):
            return False
    return True


@pytest.mark.parametrize("rate", [8000, 16000, 24000])
def test_three_utterances_with_pauses_give_three_turns(rate: int) -> None:
    pcm, lengths = _stream(rate)
    events = _feed(SileroTurnDetector(rate), pcm, rate)

    assert _kinds(events) == ["SpeechStarted", "Utterance"] * 3
    heard = [len(e.pcm) / 2 / rate for e in events if isinstance(e, Utterance)]
    for seconds, said in zip(heard, lengths, strict=True):
        # espeak pads its own output with quiet; the turn keeps the speech, 0.2 s before and 0.1 s after
        assert said - 0.4 < seconds < said + 0.45


@pytest.mark.parametrize("rate", [8000, 16000])
def test_the_same_turns_in_line_noise(rate: int) -> None:
    pcm, _ = _stream(rate, noise_dbfs=-50, seed=7)
    events = _feed(SileroTurnDetector(rate), pcm, rate)
    assert _kinds(events) == ["SpeechStarted", "Utterance"] * 3
    assert _paused_then_final(events)


@pytest.mark.parametrize("rate", [8000, 16000])
def test_the_same_events_as_the_energy_detector_on_clean_audio(rate: int) -> None:
    pcm, _ = _stream(rate)
    assert _kinds(_feed(SileroTurnDetector(rate), pcm, rate)) == _kinds(_feed(EnergyTurnDetector(rate), pcm, rate))


@pytest.mark.parametrize(("rate", "dbfs"), [(8000, -50.0), (16000, -50.0), (8000, -30.0)])
def test_line_noise_alone_is_silence(rate: int, dbfs: float) -> None:
    noise = np.clip(np.rint(_noise(20 * rate, dbfs, seed=3)), -32768, 32767).astype("<i2").tobytes()
    detector = SileroTurnDetector(rate)
    frame = 2 * rate // 50
    timeouts_at: list[float] = []
    for i in range(0, len(noise), frame):
        for event in detector.feed(noise[i : i + frame]):
            assert isinstance(event, SilenceTimeout), event
            timeouts_at.append((i + frame) / 2 / rate)
    assert timeouts_at == [6.0, 12.0, 18.0]  # timed in samples: exact


def test_the_reply_clock_starts_after_the_agent_has_finished() -> None:
    rate = 8000
    detector = SileroTurnDetector(rate, SileroSettings(reply_timeout_s=1.0))
    quiet = bytes(2 * rate // 50)
    detector.expect_reply_after(0.5)
    seen: list[tuple[int, bool, list[str]]] = []
    for n in range(1, 101):  # two seconds of 20 ms frames
        seen.append((n, detector.agent_speaking, _kinds(detector.feed(quiet))))
    assert [n for n, speaking, _ in seen if speaking] == list(range(1, 26))  # until 0.5 s had played
    assert [n for n, _, kinds in seen if kinds] == [75]  # 0.5 s + 1.0 s
    assert seen[74][2] == ["SilenceTimeout"]


def test_speech_while_the_agent_talks_is_a_barge_in() -> None:
    rate = 16000
    pcm, _ = _stream(rate)
    detector = SileroTurnDetector(rate)
    detector.expect_reply_after(60.0)
    events = _feed(detector, pcm, rate)
    assert isinstance(events[0], SpeechStarted) and detector.agent_speaking


def test_a_click_is_not_a_turn() -> None:
    rate = 16000
    detector = SileroTurnDetector(rate, SileroSettings(start_ms=400))
    pcm, _ = _stream(rate)
    # only the first 0.25 s of the first sentence, then quiet
    start = round(PAUSE_S * rate) * 2
    clipped = pcm[: start + rate // 2] + bytes(2 * rate)
    assert [e for e in _feed(detector, clipped, rate) if not isinstance(e, SilenceTimeout)] == []


def test_turns_repeat_exactly() -> None:
    rate = 8000
    pcm, _ = _stream(rate, noise_dbfs=-50, seed=11)
    factory = SileroTurnDetectorFactory()
    first = [e.pcm for e in _feed(factory(rate), pcm, rate) if isinstance(e, Utterance)]
    second = [e.pcm for e in _feed(factory(rate), pcm, rate) if isinstance(e, Utterance)]
    assert len(first) == 3 and first == second


def test_a_finished_sounding_turn_can_end_at_the_short_wait() -> None:
    rate = 16000
    pcm, _ = _stream(rate)
    detector = SileroTurnDetector(rate, SileroSettings(end_silence_ms=800, quick_end_ms=200))
    frame = 2 * rate // 50
    ended: list[tuple[int, bytes]] = []
    for i in range(0, len(pcm), frame):
        for event in detector.feed(pcm[i : i + frame]):
            assert not isinstance(event, Utterance)  # every turn was ended at its TurnMayEnd
            if isinstance(event, TurnMayEnd):
                utterance = detector.end_turn()
                assert utterance is not None and utterance.pcm == event.pcm
                ended.append((i + frame, utterance.pcm))
    assert len(ended) == 3
    waiting = SileroTurnDetector(rate, SileroSettings(end_silence_ms=800))
    full: list[tuple[int, bytes]] = []
    for i in range(0, len(pcm), frame):
        full += [(i + frame, e.pcm) for e in waiting.feed(pcm[i : i + frame]) if isinstance(e, Utterance)]
    assert [p for _, p in ended] == [p for _, p in full]  # the same audio as after the full wait...
    assert [b - a for (a, _), (b, _) in zip(ended, full, strict=True)] == [2 * rate * 600 // 1000] * 3  # 600 ms sooner


def test_the_short_wait_must_hold_the_tail() -> None:
    with pytest.raises(ValueError, match="tail_ms"):
        SileroSettings(end_silence_ms=300, tail_ms=400)
