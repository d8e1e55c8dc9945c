"""The speech contracts against the marked stand-ins and the offline engines (espeak-ng, pocketsphinx, Silero, energy)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from slotline.application.ports import SpeechToText, TextToSpeech, TurnDetectorFactory
from slotline.infrastructure.energy_vad import EnergyTurnDetectorFactory
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.marked_speech import MarkedSpeechToText, MarkedTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.silero_vad import SileroTurnDetectorFactory
from slotline.testing.contracts import SpeechToTextContract, TextToSpeechContract, TurnDetectorContract
from slotline.testing.sample import sample_catalogue


@pytest.fixture
def espeak() -> Iterator[EspeakTextToSpeech]:
    tts = EspeakTextToSpeech("en-us")
    yield tts
    tts.close()


@pytest.fixture(scope="module")
def pocketsphinx(tmp_path_factory: pytest.TempPathFactory) -> PocketsphinxSpeechToText:
    return PocketsphinxSpeechToText(sample_catalogue(), tmp_path_factory.mktemp("pocketsphinx"))


@pytest.fixture(scope="module")
def pocketsphinx_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PocketsphinxSpeechToText]:
    stt = PocketsphinxSpeechToText(
        sample_catalogue(), tmp_path_factory.mktemp("pocketsphinx"), PocketsphinxSettings(processes=2)
    )
    yield stt
    asyncio.run(stt.aclose())


class TestMarkedTextToSpeech(TextToSpeechContract):
    @pytest.fixture
    def text_to_speech(self) -> TextToSpeech:
        return MarkedTextToSpeech()


class TestEspeakTextToSpeech(TextToSpeechContract):
    @pytest.fixture
    def text_to_speech(self, espeak: EspeakTextToSpeech) -> TextToSpeech:
        return espeak


class TestMarkedSpeechToText(SpeechToTextContract):
    @pytest.fixture
    def speech_to_text(self) -> SpeechToText:
        return MarkedSpeechToText()

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        return MarkedTextToSpeech()


class TestPocketsphinxSpeechToText(SpeechToTextContract):
    @pytest.fixture
    def speech_to_text(self, pocketsphinx: PocketsphinxSpeechToText) -> SpeechToText:
        return pocketsphinx

    @pytest.fixture
    def voice(self, espeak: EspeakTextToSpeech) -> TextToSpeech:
        return espeak


class TestPocketsphinxInWorkerProcesses(SpeechToTextContract):
    @pytest.fixture
    def speech_to_text(self, pocketsphinx_workers: PocketsphinxSpeechToText) -> SpeechToText:
        return pocketsphinx_workers

    @pytest.fixture
    def voice(self, espeak: EspeakTextToSpeech) -> TextToSpeech:
        return espeak


class TestEnergyTurnDetectorOnMarkedSpeech(TurnDetectorContract):
    @pytest.fixture
    def turn_detector_factory(self) -> TurnDetectorFactory:
        return EnergyTurnDetectorFactory()

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        return MarkedTextToSpeech()


class TestEnergyTurnDetector(TurnDetectorContract):
    @pytest.fixture
    def turn_detector_factory(self) -> TurnDetectorFactory:
        return EnergyTurnDetectorFactory()

    @pytest.fixture
    def voice(self, espeak: EspeakTextToSpeech) -> TextToSpeech:
        return espeak


class TestSileroTurnDetector(TurnDetectorContract):
    @pytest.fixture
    def turn_detector_factory(self) -> TurnDetectorFactory:
        return SileroTurnDetectorFactory()

    @pytest.fixture
    def voice(self, espeak: EspeakTextToSpeech) -> TextToSpeech:
        return espeak
