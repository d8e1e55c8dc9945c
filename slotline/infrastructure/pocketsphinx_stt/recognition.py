"""One caller turn decoded and judged: the blocking work, the same in this process and in a pool worker."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from slotline.application.errors import SpeechUnavailable
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.pocketsphinx_stt.answers import ExpectedAnswers
from slotline.infrastructure.pocketsphinx_stt.audio import DECODER_RATE, for_decoder
from slotline.infrastructure.pocketsphinx_stt.days import either_week
from slotline.infrastructure.pocketsphinx_stt.digits import hear_digits
from slotline.infrastructure.pocketsphinx_stt.expected import ExpectationSettings, KeptWords, hear_expected
from slotline.infrastructure.pocketsphinx_stt.model import LanguageModelSettings
from slotline.infrastructure.pocketsphinx_stt.recognizer import Recognizer
from slotline.infrastructure.pocketsphinx_stt.rejection import DomainFilter, RejectionRule

__all__ = ["PocketsphinxSettings", "Recognition", "recognise_turn"]


_DIGITS = Expecting.PHONE_DIGITS


@dataclass(frozen=True, slots=True)
class PocketsphinxSettings:
    language_model: LanguageModelSettings = field(default_factory=LanguageModelSettings)
    rejection: RejectionRule = field(default_factory=RejectionRule)
    noise_floor_dbfs: float | None = -50.0
    """White noise added under the caller's audio: digital silence confuses the acoustic model (None: none)."""
    narrowband_floor_dbfs: float | None = -30.0
    """A louder floor only above the band of audio under 16 kHz (above 3.8 kHz for 8 kHz lines), which upsampling
    leaves empty: 8 kHz intents right went from 60 to 68 of 160 (docs/speech.md). None: none."""
    pad_s: float = 0.2
    """Floor noise added before and after each turn."""
    idle_decoders: int = 4
    """Decoders kept for reuse once calls end (each holds the acoustic model, about 7 MB)."""
    carry_over: bool = False
    """Keep the decoder's noise and mean estimates between turns (see Recognizer); off, results repeat exactly."""
    second_pass: bool = True
    """Run pocketsphinx's second (fwdflat) search pass: without it decoding is about a quarter faster, but intents
    right fell from 33/40 to 27/40 (en-us, 16 kHz) because the word posteriors of a one-pass lattice are worse."""
    expectation: ExpectationSettings | None = field(default_factory=ExpectationSettings)
    """How what the question expects is listened for (expected.py); None: it is ignored."""
    either_week_on_narrowband: bool = True
    """On 8 kHz lines, "this <weekday>" and "next <weekday>" are heard as "this or next <weekday>" (days.py), so the
    day is asked when the two differ: "next friday" came back "this friday" with every decode agreeing, a different
    valid day that only the read-back's date stops. Off: the words are acted on as heard."""
    processes: int = 0
    """Worker processes that decode turns (each loads the model once). 0: decode on a thread of this process, as
    embedding and tests do; pocketsphinx holds the GIL while it decodes, so then every turn stalls the event loop
    (docs/performance.md). `slotline serve` defaults to one per core."""

    def __post_init__(self) -> None:
        if self.processes < 0:
            raise ValueError(f"processes must be 0 (in this process) or more, not {self.processes}")


@dataclass(frozen=True, slots=True)
class Recognition:
    """One decoded turn, with what the rejection rule made of it (for logs and benchmarks)."""

    text: str
    """What `transcribe` returns: the words, or "" when rejected."""
    heard: str
    """The decoder's words before the rejection rule."""
    rejected: str | None
    """Why the words were rejected, or None."""
    score: float
    """The rejection rule's score (rejection.py): higher is more likely a booking utterance."""
    speech_seconds: float
    decode_seconds: float
    unsure: bool = False
    """Rejected because the decodes named different expected answers ("first" or "third"): see expected.py."""


def recognise_turn(
    recognizer: Recognizer,
    judge: DomainFilter,
    settings: PocketsphinxSettings,
    pcm: bytes,
    sample_rate: int,
    expecting: Expectation | None = None,
    answers: ExpectedAnswers | None = None,
) -> Recognition:
    """Decode and judge one turn on `recognizer` (blocking: CPU-bound, and it holds the GIL while it decodes).

    `answers`: the expected answers of the question `expecting` (answers.py), listened for as expected.py says.
    """
    if sample_rate <= 0:
        raise ValueError(f"sample rate must be positive, not {sample_rate}")
    started = time.perf_counter()
    if len(pcm) // 2 < sample_rate // 10:  # under 0.1 s: no word (and never an empty chunk for the decoder)
        return Recognition("", "", "too short", 0.0, 0.0, time.perf_counter() - started)
    audio = for_decoder(
        pcm,
        sample_rate,
        noise_floor_dbfs=settings.noise_floor_dbfs,
        narrowband_floor_dbfs=settings.narrowband_floor_dbfs,
        pad_s=settings.pad_s,
    )
    listening = settings.expectation if expecting is not None and answers is not None else None
    try:
        heard = recognizer.decode(audio, alternatives=listening.alternatives if listening else 0)
        judgement = judge.judge(heard)
        kept = KeptWords(() if judgement.reason else heard.words, judgement.reason)
        if listening is not None and expecting is not None and answers is not None:
            narrowband = sample_rate < DECODER_RATE
            kept = hear_expected(recognizer, audio, heard, kept.rejected, expecting, answers, narrowband, listening)
        elif settings.expectation and settings.expectation.phone_digits and expecting and expecting.kind is _DIGITS:
            kept = hear_digits(recognizer, audio, heard, kept.rejected)
    except RuntimeError as exc:
        raise SpeechUnavailable(f"pocketsphinx failed: {exc}") from exc
    if settings.either_week_on_narrowband and sample_rate < DECODER_RATE:
        kept = replace(kept, words=either_week(kept.words))  # "next friday" heard "this friday": asked
    return Recognition(
        text=" ".join(kept.words),
        heard=" ".join(heard.words),
        rejected=kept.rejected,
        score=judgement.score,
        speech_seconds=heard.speech_seconds,
        decode_seconds=time.perf_counter() - started,
        unsure=kept.unsure,
    )
