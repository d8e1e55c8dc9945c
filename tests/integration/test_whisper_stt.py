"""Whisper on this machine with a real model: tiny.en as packaged on the index, loaded by path as users load theirs."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.faster_whisper_stt import WhisperSettings
from slotline.infrastructure.faster_whisper_stt.models import WhisperModelMissing, shared_model
from slotline.infrastructure.faster_whisper_stt.stt import FasterWhisperSpeechToText
from tests.whisper_model import TINY_EN, tiny_en


@pytest.fixture(scope="module")
def stt() -> FasterWhisperSpeechToText:
    return FasterWhisperSpeechToText(tiny_en())


async def speech(text: str, rate: int) -> bytes:
    tts = EspeakTextToSpeech("en-us")
    try:
        return bytes(rate // 5 * 2) + await tts.synthesize(text, rate) + bytes(rate // 5 * 2)
    finally:
        tts.close()


def test_the_model_is_loaded_once_per_process_and_shared() -> None:
    first, second = FasterWhisperSpeechToText(tiny_en()), FasterWhisperSpeechToText(tiny_en())

    assert first._model is second._model is shared_model(tiny_en())
    assert shared_model(tiny_en(model=str(TINY_EN) + "/")) is first._model  # the same directory, written otherwise
    assert shared_model(tiny_en(cpu_threads=1)) is not first._model  # other settings, another model


async def test_numbers_and_times_come_back_as_words(stt: FasterWhisperSpeechToText) -> None:
    text = await stt.transcribe(await speech("Cancel my appointment at 10:30", 16000), 16000)

    assert text == "cancel my appointment at ten thirty"


async def test_a_turn_under_the_silence_level_is_no_words_without_decoding(stt: FasterWhisperSpeechToText) -> None:
    quiet = bytes.fromhex("0100ffff") * 8000  # +1/-1: about -90 dBFS, a second of it

    assert await stt.transcribe(quiet, 16000) == ""


async def test_start_loads_off_the_event_loop() -> None:
    started = await FasterWhisperSpeechToText.start(tiny_en())
    assert await started.transcribe(await speech("yes", 8000), 8000) in {"yes", "yeah"}


def test_a_directory_without_a_model_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(WhisperModelMissing, match=r"^speech.whisper.model '/.*': no model.bin there"):
        FasterWhisperSpeechToText(WhisperSettings(model=str(tmp_path), local_files_only=True))


def test_a_model_name_not_downloaded_is_one_clear_line_with_downloads_off(tmp_path: Path) -> None:
    with pytest.raises(WhisperModelMissing, match=r"^speech.whisper.model 'base.en': cannot load it"):
        FasterWhisperSpeechToText(WhisperSettings(model="base.en", download_root=tmp_path, local_files_only=True))


async def test_concurrent_turns_decode_off_the_event_loop(stt: FasterWhisperSpeechToText) -> None:
    pcm = await speech("Cancel my appointment", 8000)
    ticks = 0

    async def ticking() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(ticking())
    texts = await asyncio.gather(*(stt.transcribe(pcm, 8000) for _ in range(3)))
    ticker.cancel()

    assert len(set(texts)) == 1 and "appointment" in texts[0]
    assert ticks > 5  # the loop ran while the turns were decoded
