"""A phone number said digit by digit on a phone line is heard when the question asked for one (issue 14).

The domain language model alone hears no digit string; told the question expects a phone number, pocketsphinx also
decodes the turn with a digit grammar (digits.py) when `phone_digits` is on (off by default). Real espeak-ng speech, real pocketsphinx, the rules interpreter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.pocketsphinx_stt.expected import ExpectationSettings
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

PHONE = Expectation(Expecting.PHONE_DIGITS)
DIGITS = PocketsphinxSettings(expectation=ExpectationSettings(phone_digits=True))
INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pocketsphinx")


async def said(voice: str, text: str, rate: int) -> bytes:
    pad = bytes(rate * 2 * 3 // 10)
    return pad + await EspeakTextToSpeech(voice).synthesize(text, rate) + pad


@pytest.mark.asyncio
async def test_a_number_said_on_an_8k_line_is_heard_as_that_number(cache: Path) -> None:
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, DIGITS)
    pcm = await said("en-gb", "two one two, five five five, oh one two three", 8000)

    heard = await stt.recognise(pcm, 8000, PHONE)
    plain = await PocketsphinxSpeechToText(sample_catalogue(), cache).recognise(pcm, 8000, PHONE)

    understood = INTERPRETER.understand(heard.text, NOW)
    assert understood.phone is not None and understood.phone.number is not None
    assert understood.phone.number.e164 == "+12125550123"
    assert INTERPRETER.understand(plain.text, NOW).phone is None  # by default (the language model alone): no number


@pytest.mark.asyncio
async def test_a_caller_asking_for_a_person_instead_is_not_heard_as_digits(cache: Path) -> None:
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, DIGITS)
    pcm = await said("en-us", "i'd rather talk to someone", 16000)

    heard = await stt.recognise(pcm, 16000, PHONE)

    assert INTERPRETER.understand(heard.text, NOW).phone is None
