"""pocketsphinx with the domain language model on speech synthesised by espeak-ng in two voices, at 16 and 8 kHz.

Thresholds come from measurements (docs/speech.md): espeak's robotic voices are hard for the en-us acoustic model,
the female variant and 8 kHz most of all. The tests assert what the agent needs: the intent and details.
"""

from __future__ import annotations

import asyncio
import gc
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import numpy as np
import pytest

from slotline.application.ports import Utterance
from slotline.domain.catalogue import StaffMember
from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.domain.ids import StaffId
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSpeechToText, Recognition
from slotline.infrastructure.pocketsphinx_stt.answers import expected_answers
from slotline.infrastructure.pocketsphinx_stt.audio import DECODER_RATE, for_decoder
from slotline.infrastructure.pocketsphinx_stt.expected import vocabulary
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords, Recognizer
from slotline.infrastructure.pocketsphinx_stt.rejection import DomainFilter
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.silero_vad import SileroTurnDetector
from tests.factories import NOW, hours, sample_catalogue

VOICES = ("en-us", "en-us+f3")
RATES = (16000, 8000)
BOOKING = (
    "I would like to book a haircut",
    "next Tuesday at three pm",
    "yes please",
    "no",
    "can I reschedule my appointment",
    "tomorrow morning",
    "cancel my appointment",
    "I want to talk to a person",
    "a massage on Friday afternoon",
    "do you have anything on Thursday",
    "the second one",
    "with Jordan please",
    "that's all thank you",
    "I need a consultation next Monday",
    "quarter to four",
    "sorry can you repeat that",
)
OUT_OF_DOMAIN = (
    "what are your opening hours",
    "my cat is called felix",
    "my phone battery is dying",
    "I lost my umbrella in your office",
)


def meaning(i: Interpretation) -> tuple[object, ...]:
    return (i.intent, i.service_id, i.day, i.at, i.part_of_day, i.ordinal, i.staff_id, i.earliest)


def line(pcm: bytes, rate: int) -> bytes:
    """0.3 s of quiet either side, as a turn detector hands a turn over."""
    pad = bytes(2 * rate * 3 // 10)
    return pad + pcm + pad


@dataclass(frozen=True, slots=True)
class Heard:
    voice: str
    rate: int
    said: str
    result: Recognition


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pocketsphinx")


@pytest.fixture(scope="module")
def stt(cache: Path) -> PocketsphinxSpeechToText:
    return PocketsphinxSpeechToText(sample_catalogue(), cache)


@pytest.fixture(scope="module")
def heard(stt: PocketsphinxSpeechToText) -> list[Heard]:
    """Every sentence in every voice at every rate, recognised once for the whole module."""

    async def run() -> list[Heard]:
        out: list[Heard] = []
        for voice in VOICES:
            tts = EspeakTextToSpeech(voice)
            for rate in RATES:
                for said in BOOKING + OUT_OF_DOMAIN:
                    out.append(
                        Heard(
                            voice, rate, said, await stt.recognise(line(await tts.synthesize(said, rate), rate), rate)
                        )
                    )
        return out

    return asyncio.run(run())


# Measured: 16, 11, 11 and 7 of the 16 (the rest mostly rejected, 4 wrong guesses in all); one of slack each.
@pytest.mark.parametrize(
    ("voice", "rate", "at_least"),
    [("en-us", 16000, 15), ("en-us", 8000, 10), ("en-us+f3", 16000, 10), ("en-us+f3", 8000, 6)],
)
def test_booking_utterances_are_understood(heard: list[Heard], voice: str, rate: int, at_least: int) -> None:
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    mine = [h for h in heard if h.voice == voice and h.rate == rate and h.said in BOOKING]
    right = [
        h
        for h in mine
        if meaning(interpreter.understand(h.result.text, NOW)) == meaning(interpreter.understand(h.said, NOW))
    ]
    report = "\n".join(f"{h.said!r} -> {h.result.heard!r} ({h.result.rejected})" for h in mine if h not in right)
    assert len(right) >= at_least, report


def test_a_wrong_guess_is_rare_a_rejection_is_the_usual_failure(heard: list[Heard]) -> None:
    """When a booking utterance is not understood, the recogniser mostly says so ("") instead of guessing."""
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    missed = [
        h
        for h in heard
        if h.said in BOOKING
        and meaning(interpreter.understand(h.result.text, NOW)) != meaning(interpreter.understand(h.said, NOW))
    ]
    guessed = [h for h in missed if h.result.text]
    assert len(guessed) <= len(missed) // 2, "\n".join(f"{h.said!r} -> {h.result.text!r}" for h in guessed)


def test_out_of_domain_speech_is_rejected_or_not_understood(heard: list[Heard]) -> None:
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    acted = [
        h
        for h in heard
        if h.said in OUT_OF_DOMAIN and interpreter.understand(h.result.text, NOW).intent is not Intent.UNKNOWN
    ]
    assert len(acted) <= 1, "\n".join(f"{h.voice} {h.rate}: {h.said!r} -> {h.result.text!r}" for h in acted)


def test_without_the_rejection_rule_out_of_domain_speech_would_be_acted_on(heard: list[Heard]) -> None:
    """The rule earns its place: the raw hypotheses of the same audio are mostly read as requests."""
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    raw = [h for h in heard if h.said in OUT_OF_DOMAIN]
    acted = [h for h in raw if interpreter.understand(h.result.heard, NOW).intent is not Intent.UNKNOWN]
    assert len(acted) >= len(raw) // 4


async def test_the_same_audio_gives_the_same_text_however_it_is_decoded(stt: PocketsphinxSpeechToText) -> None:
    pcm = line(await EspeakTextToSpeech("en-us+f3").synthesize("can I get a massage on Saturday morning", 8000), 8000)
    alone = await stt.transcribe(pcm, 8000)
    together = await asyncio.gather(*(stt.transcribe(pcm, 8000) for _ in range(6)))
    async with stt.for_call() as call:
        first, again = await call.transcribe(pcm, 8000), await call.transcribe(pcm, 8000)
    assert set(together) == {alone} and first == again == alone


async def test_24_khz_audio_is_resampled(stt: PocketsphinxSpeechToText) -> None:
    pcm = await EspeakTextToSpeech("en-us").synthesize("cancel my appointment", 24000)
    assert await stt.transcribe(line(pcm, 24000), 24000) == "cancel my appointment"


@pytest.mark.parametrize("pcm", [b"", b"\x01", bytes(200), bytes(32000)])
async def test_empty_short_or_silent_audio_is_nothing(stt: PocketsphinxSpeechToText, pcm: bytes) -> None:
    assert await stt.transcribe(pcm, 16000) == ""


async def test_turns_cut_by_the_turn_detector_are_understood(stt: PocketsphinxSpeechToText) -> None:
    rate = 8000
    tts = EspeakTextToSpeech("en-us")
    said = ("I want to cancel my massage", "yes please", "the first one")
    quiet = bytes(2 * rate)
    pcm = quiet + b"".join([await tts.synthesize(s, rate) + quiet for s in said])
    noise = np.random.default_rng(5).normal(0.0, 32768 * 10 ** (-50 / 20), len(pcm) // 2)
    noisy = np.clip(np.frombuffer(pcm, dtype="<i2") + np.rint(noise), -32768, 32767).astype("<i2").tobytes()
    detector = SileroTurnDetector(rate)
    turns = [
        e.pcm for i in range(0, len(noisy), 320) for e in detector.feed(noisy[i : i + 320]) if isinstance(e, Utterance)
    ]
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    intents = [interpreter.understand(await stt.transcribe(t, rate), NOW).intent for t in turns]
    assert intents == [Intent.CANCEL, Intent.AFFIRM, Intent.INFORM]


def test_the_model_is_cached_by_its_inputs(stt: PocketsphinxSpeechToText, cache: Path) -> None:
    again = PocketsphinxSpeechToText(sample_catalogue(), cache)
    assert again.model.from_cache and again.model.directory == stt.model.directory
    lm_words = set()
    for row in stt.model.language_model.read_text().split("\\2-grams:")[0].splitlines():
        parts = row.split()
        if len(parts) == 3 and parts[1] not in ("<s>", "</s>"):
            lm_words.add(parts[1])
    dictionary = {row.split()[0].split("(")[0] for row in stt.model.dictionary.read_text().splitlines()}
    assert lm_words == dictionary
    assert 500 < len(dictionary) < 2000  # cut down from the 134,000 words of the bundled dictionary


def test_names_missing_from_the_dictionary_get_a_pronunciation(tmp_path: Path) -> None:
    catalogue = sample_catalogue()
    siobhan = StaffMember(StaffId("siobhan"), "Siobhan Okonkwo", hours({0: ["09:00-17:00"]}))
    catalogue = type(catalogue)(
        business=catalogue.business,
        policy=catalogue.policy,
        services=catalogue.services,
        staff=(*catalogue.staff, siobhan),
    )
    stt = PocketsphinxSpeechToText(catalogue, tmp_path)
    entries = dict(row.split(" ", 1) for row in stt.model.dictionary.read_text().splitlines())
    assert entries["okonkwo"].split()[0] == "AA"
    assert "siobhan" in entries
    assert stt.model.directory.name != PocketsphinxSpeechToText(sample_catalogue(), tmp_path).model.directory.name
    gc.collect()


def band_dbfs(pcm16k: bytes, low_hz: float, high_hz: float) -> float:
    """The level of a signal's part between two frequencies, in dB relative to full scale white noise."""
    samples = np.frombuffer(pcm16k, dtype="<i2").astype(np.float64)
    spectrum = np.fft.rfft(samples)
    freqs = np.fft.rfftfreq(samples.size, 1 / DECODER_RATE)
    band = np.fft.irfft(np.where((freqs >= low_hz) & (freqs < high_hz), spectrum, 0), samples.size)
    share = (high_hz - low_hz) / (DECODER_RATE / 2)  # white noise at X dBFS has this share of its power in the band
    return float(10 * np.log10(np.mean(band**2) / share / 32768.0**2))


async def test_upsampled_audio_gets_a_louder_floor_only_above_its_band() -> None:
    pcm = await EspeakTextToSpeech("en-us").synthesize("yes please", 8000)
    eight = for_decoder(pcm, 8000)
    plain = for_decoder(pcm, 8000, narrowband_floor_dbfs=None)
    assert band_dbfs(eight, 4200, 7800) == pytest.approx(-30, abs=0.5)  # the narrowband floor
    assert band_dbfs(plain, 4200, 7800) == pytest.approx(-50, abs=0.5)  # only the white floor
    assert band_dbfs(eight, 300, 3500) == pytest.approx(band_dbfs(plain, 300, 3500), abs=0.01)  # speech untouched
    assert for_decoder(pcm, 8000) == eight  # seeded: the same audio, the same samples
    wide = await EspeakTextToSpeech("en-us").synthesize("yes please", 16000)
    assert for_decoder(wide, 16000) == for_decoder(wide, 16000, narrowband_floor_dbfs=None)  # nothing for 16 kHz


def test_the_rejection_rule_weighs_posteriors_against_word_pairs_outside_the_grammar() -> None:
    known = frozenset({("<s>", "yes"), ("yes", "please"), ("please", "</s>"), ("yes", "</s>"), ("please", "yes")})
    rule = DomainFilter(known)
    sure = rule.judge(DecodedWords(("yes", "please"), 0.8, (0.9, 0.9)))
    hesitant = rule.judge(DecodedWords(("uh", "yes", "please"), 0.9, (0.1, 0.9, 0.9)))
    unsure = rule.judge(DecodedWords(("yes", "please"), 0.8, (0.3, 0.2)))
    odd = rule.judge(DecodedWords(("yes", "cat"), 0.8, (0.9, 0.9)))
    gabbled = rule.judge(DecodedWords(("yes", "please") * 4, 1.0, (0.9,) * 8))
    assert (sure.reason, hesitant.reason) == (None, None) and sure.score == pytest.approx(0.9)
    assert unsure.reason is not None and "posterior 0.25" in unsure.reason
    assert odd.unseen_pairs == 2 and odd.score == pytest.approx(0.9 - 2 * 2 / 3)
    assert gabbled.reason == "8.0 words per second"
    assert rule.judge(DecodedWords((), 0.0)).reason == "no words"


FRIDAY_OFFERS = Expectation(
    Expecting.CHOICE,
    (
        OfferedSlot(date(2026, 11, 27), time(10, 0), "Sam Rivera"),
        OfferedSlot(date(2026, 11, 27), time(13, 30), "Alex Chen"),
        OfferedSlot(date(2026, 11, 27), time(15, 0), "Sam Rivera"),
    ),
)


@pytest.mark.asyncio
async def test_a_first_heard_as_a_third_on_a_phone_line_is_asked_about_not_the_third_offer(
    stt: PocketsphinxSpeechToText,
) -> None:
    """Issue 14: at 8 kHz "the first one" decodes as "the third one"; told what the question expects, the
    recogniser gives both ordinals as alternatives (the agent asks "was that 10 AM or 3 PM?") instead of the third
    offer."""
    pcm = line(await EspeakTextToSpeech("en-us").synthesize("the first one", 8000), 8000)

    plain = await stt.recognise(pcm, 8000)
    expecting = await stt.recognise(pcm, 8000, FRIDAY_OFFERS)

    assert "third" in plain.heard.split() and plain.text  # what happened before: acted on as the third offer
    assert expecting.text == "the first one or the third one" and expecting.unsure


@pytest.mark.asyncio
async def test_a_no_thanks_on_a_phone_line_is_heard_as_a_no_when_yes_or_no_was_expected(
    stt: PocketsphinxSpeechToText,
) -> None:
    """Issue 14: "no thanks" at 8 kHz comes back "no thank"; the yes/no grammar and the n-best list agree it is a
    no, so it is kept (and understood as a no)."""
    pcm = line(await EspeakTextToSpeech("en-us").synthesize("no thanks", 8000), 8000)

    expecting = await stt.recognise(pcm, 8000, Expectation(Expecting.YES_NO))

    understood = await RulesUtteranceInterpreter(sample_catalogue()).interpret(expecting.text, NOW)
    assert understood.intent is Intent.DENY


@pytest.mark.asyncio
async def test_an_answer_the_question_did_not_expect_is_still_heard(stt: PocketsphinxSpeechToText) -> None:
    """The general domain model still hears anything else: a request at a yes/no question is not forced into yes."""
    pcm = line(await EspeakTextToSpeech("en-us").synthesize("I want to cancel my appointment", 16000), 16000)

    heard = await stt.recognise(pcm, 16000, Expectation(Expecting.YES_NO))

    assert {"cancel", "appointment"} <= set(heard.text.split())


def test_a_grammar_decode_that_reaches_no_answer_is_no_words_not_an_error(stt: PocketsphinxSpeechToText) -> None:
    """Noise the expected answers' grammar cannot end on has no hypothesis at all (seg() and nbest() are None)."""
    answers = expected_answers(Expectation(Expecting.YES_NO), vocabulary(stt.model.dictionary))
    assert answers is not None
    noise = np.random.default_rng(4).normal(0, 100, 32000).astype("<i2").tobytes()

    heard = Recognizer(stt.model).decode(noise, alternatives=5, grammar=answers.grammar())

    assert heard.words == ()


@pytest.mark.asyncio
async def test_what_day_is_listened_for_with_the_factored_day_grammar(stt: PocketsphinxSpeechToText) -> None:
    """Issue 14: "what day?" has a grammar decode again, a factored one (days.py), which hears a day on a phone
    line; the flat grammar of 138 phrases it replaces took 4.5-11 s."""
    pcm = line(await EspeakTextToSpeech("en-us").synthesize("tomorrow morning", 8000), 8000)
    answers = expected_answers(Expectation(Expecting.DAY), vocabulary(stt.model.dictionary))
    assert answers is not None

    by_grammar = Recognizer(stt.model).decode(for_decoder(pcm, 8000), grammar=answers.grammar())
    heard = await stt.recognise(pcm, 8000, Expectation(Expecting.DAY))

    assert by_grammar.words == ("tomorrow", "morning")
    assert heard.text == "tomorrow morning" and not heard.unsure
