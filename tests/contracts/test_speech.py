"""The speech contracts against the marked stand-ins, the offline engines (espeak-ng, pocketsphinx, Silero, energy) and
Deepgram (its real SDK against a local fake of its live API)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
from pydantic import SecretStr

from slotline.application.ports import SpeechToText, TextToSpeech, TurnDetectorFactory
from slotline.infrastructure.deepgram_stt import DeepgramSettings
from slotline.infrastructure.deepgram_stt.stt import DeepgramSpeechToText
from slotline.infrastructure.energy_vad import EnergyTurnDetectorFactory
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.marked_speech import MarkedSpeechToText, MarkedTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.silero_vad import SileroTurnDetectorFactory
from slotline.testing.contracts import SpeechToTextContract, TextToSpeechContract, TurnDetectorContract
from slotline.testing.sample import sample_catalogue
from tests.integration.fake_deepgram import FakeDeepgram


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


class TestDeepgramSpeechToText(SpeechToTextContract):
    """The real deepgram-sdk against the local fake of Deepgram's live API, which hears marked speech."""

    @pytest.fixture
    async def speech_to_text(self) -> AsyncIterator[SpeechToText]:
        async with FakeDeepgram("contract-key") as fake:
            settings = DeepgramSettings(url=fake.url, api_key=SecretStr("contract-key"))
            yield DeepgramSpeechToText(settings, sample_catalogue())

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        return MarkedTextToSpeech()


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
