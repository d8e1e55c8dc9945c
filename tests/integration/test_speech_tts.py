"""espeak-ng text-to-speech: real audio at the line's rate, sentence by sentence, and a clear error without it."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from slotline.application.errors import BackendUnavailable, SpeechUnavailable
from slotline.application.ports import TextToSpeech
from slotline.domain.dialogue.sentences import split_sentences
from slotline.infrastructure.espeak import EspeakTextToSpeech

GREETING = (
    "Thanks for calling Maple Street Clinic. I can book, reschedule or cancel an appointment. What can I do for you?"
)


def seconds(pcm: bytes, rate: int) -> float:
    return len(pcm) / 2 / rate


def rms(pcm: bytes) -> float:
    return float(np.sqrt(np.mean(np.frombuffer(pcm, dtype="<i2").astype(np.float64) ** 2)))


def test_it_is_a_text_to_speech() -> None:
    tts: TextToSpeech = EspeakTextToSpeech()
    assert tts is not None


@pytest.mark.parametrize("rate", [8000, 16000, 24000])
async def test_speech_of_plausible_length_at_the_asked_rate(rate: int) -> None:
    pcm = await EspeakTextToSpeech(rate_wpm=160).synthesize(GREETING, rate)
    words = len(GREETING.split())
    assert len(pcm) % 2 == 0
    # 18 words at 160 words a minute is about 7 s, plus espeak's pauses at the stops
    assert 0.8 * words / 160 * 60 < seconds(pcm, rate) < 1.6 * words / 160 * 60
    assert rms(pcm) > 1000  # speech, not silence


async def test_the_same_length_at_every_rate() -> None:
    tts = EspeakTextToSpeech()
    lengths = [seconds(await tts.synthesize("yes please", rate), rate) for rate in (8000, 16000, 22050, 24000)]
    assert max(lengths) - min(lengths) < 0.002


async def test_voices_and_speeds_differ() -> None:
    male = await EspeakTextToSpeech("en-us").synthesize("next tuesday at three", 16000)
    female = await EspeakTextToSpeech("en-us+f3").synthesize("next tuesday at three", 16000)
    fast = await EspeakTextToSpeech("en-us", rate_wpm=260).synthesize("next tuesday at three", 16000)
    assert male != female
    assert seconds(fast, 16000) < 0.8 * seconds(male, 16000)


async def test_the_same_text_gives_the_same_audio() -> None:
    tts = EspeakTextToSpeech("en-us+f3")
    assert await tts.synthesize(GREETING, 8000) == await tts.synthesize(GREETING, 8000)


async def test_text_that_looks_like_an_option_is_spoken() -> None:
    pcm = await EspeakTextToSpeech().synthesize("--version", 8000)
    assert seconds(pcm, 8000) > 0.3


@pytest.mark.parametrize("text", ["", "   ", "...", "?!"])
async def test_nothing_to_say_is_no_audio(text: str) -> None:
    assert await EspeakTextToSpeech().synthesize(text, 8000) == b""


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Thanks for calling. What can I do for you?", ["Thanks for calling.", "What can I do for you?"]),
        ("Dr. Chen is at Maple St. Clinic. Okay!", ["Dr. Chen is at Maple St. Clinic.", "Okay!"]),
        ("Please say yes or no. Goodbye!", ["Please say yes or no.", "Goodbye!"]),
        ("It costs 3.50 dollars", ["It costs 3.50 dollars"]),
        (
            "You're booked: a haircut on Tuesday, December 1st at 3:30 PM with Sam.",
            ["You're booked: a haircut on Tuesday, December 1st at 3:30 PM with Sam."],
        ),
        ('He said "yes." Then left.', ['He said "yes."', "Then left."]),
        ("  ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


async def test_a_missing_espeak_is_a_backend_error() -> None:
    tts = EspeakTextToSpeech(executable="espeak-ng-not-installed")
    with pytest.raises(SpeechUnavailable, match="not installed") as caught:
        await tts.synthesize("hello", 8000)
    assert isinstance(caught.value, BackendUnavailable)


async def test_a_failing_espeak_is_a_backend_error() -> None:
    failing = shutil.which("false")
    assert failing is not None
    with pytest.raises(SpeechUnavailable, match="exited with 1"):
        await EspeakTextToSpeech(executable=failing).synthesize("hello", 8000)


@pytest.mark.parametrize(("rate_wpm", "pitch"), [(20, 50), (160, 120)])
def test_settings_espeak_cannot_honour_are_refused(rate_wpm: int, pitch: int) -> None:
    with pytest.raises(ValueError, match="espeak-ng"):
        EspeakTextToSpeech(rate_wpm=rate_wpm, pitch=pitch)
