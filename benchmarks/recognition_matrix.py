"""Hearing benchmark (issue 14): caller turns, each answering a question, over voices x lines x noise.

Run: python -m benchmarks.recognition_matrix [--voices V ...] [--lines 16k 8k 8k-mulaw] [--noise quiet line]
                                             [--sets tuned held-out] [--json FILE] [--ignore-expectation]
                                             [--stt pocketsphinx|whisper] [--whisper-model DIR] [--whisper-threads N]
Needs espeak-ng (apt) and pocketsphinx, soxr (pip); about 6 minutes for the whole matrix on 2 cores.

Each turn (benchmarks/hearing_turns.py) is synthesised by espeak-ng at 16 kHz, carried over the line (16 kHz; 8 kHz;
8 kHz through G.711 mu-law), with or without line noise (white, -45 dBFS at the line's rate, under the codec),
recognised, and interpreted by the rules interpreter; what it claims in its context is compared with what the caller
meant (benchmarks/hearing_score.py). Reported per voice x line x noise, for the TUNED lines and the HELD-OUT lines
separately, and summed for tuned and held-out voices: word error rate, turns right, asked again, unsure (asked
again because two decodes named different answers), partial, DANGEROUS turns (acted on as a different answer) and the
median decode time. The recogniser is told what each turn's question expects (`--ignore-expectation`: it is not).
Not part of the tests; numbers are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import soxr

from benchmarks.g711 import through_mu_law
from benchmarks.hearing_score import Outcome, claims, outcome
from benchmarks.hearing_turns import HELD_OUT_LINES, HELD_OUT_VOICES, TUNED_LINES, TUNED_VOICES, Asked, Turn
from benchmarks.recognition import edit_distance, words_of
from benchmarks.stt_choice import add_arguments, engine, timed
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import OPEN, Expectation, Expecting, offers_expected, services_expected
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, Recognition
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

LINE_NOISE_DBFS = -45.0


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    rate: int
    mu_law: bool = False


LINES = {"16k": Line("16 kHz", 16000), "8k": Line("8 kHz", 8000), "8k-mulaw": Line("8 kHz mu-law", 8000, True)}
SETS = {"tuned": TUNED_LINES, "held-out": HELD_OUT_LINES}


def over_the_line(pcm16k: bytes, line: Line, noisy: bool, seed: int) -> bytes:
    """0.3 s of quiet around the speech, the line's rate, line noise at that rate, then the codec."""
    samples = np.frombuffer(pcm16k, dtype="<i2").astype(np.float64)
    samples = np.concatenate([np.zeros(4800), samples, np.zeros(4800)])
    if line.rate != 16000:
        samples = soxr.resample(samples, 16000, line.rate)
    if noisy:
        level = 32768.0 * 10 ** (LINE_NOISE_DBFS / 20)
        samples = samples + np.random.default_rng(seed).normal(0.0, level, samples.size)
    audio = np.clip(np.round(samples), -32768, 32767).astype(np.int16)
    if line.mu_law:
        audio = through_mu_law(audio)
    pcm: bytes = audio.astype("<i2").tobytes()
    return pcm


@dataclass(slots=True)
class Cell:
    """One voice x line x noise x set of lines."""

    voice: str
    line: str
    noise: str
    lines: str
    turns: int = 0
    words: int = 0
    word_errors: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    dangerous: list[str] = field(default_factory=list)
    decode_ms: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0
    audio_seconds: float = 0.0

    def add(self, other: Cell) -> None:
        self.turns += other.turns
        self.words += other.words
        self.word_errors += other.word_errors
        for key, n in other.outcomes.items():
            self.outcomes[key] = self.outcomes.get(key, 0) + n
        self.dangerous += other.dangerous
        self.decode_ms += other.decode_ms
        self.cpu_seconds += other.cpu_seconds
        self.audio_seconds += other.audio_seconds

    def count(self, kind: Outcome) -> int:
        return self.outcomes.get(kind.value, 0)

    def row(self) -> str:
        wer = 100 * self.word_errors / max(self.words, 1)
        right = self.count(Outcome.RIGHT)
        return (
            f"{wer:.0f}% | {right}/{self.turns} ({100 * right / max(self.turns, 1):.0f}%) "
            f"| {self.count(Outcome.ASKED_AGAIN)} | {self.count(Outcome.UNSURE)} | {self.count(Outcome.PARTIAL)} "
            f"| **{self.count(Outcome.DANGEROUS)}** | {statistics.median(self.decode_ms or [0.0]):.0f} "
            f"| {_p95(self.decode_ms):.0f} | {60 * self.cpu_seconds / max(self.audio_seconds, 1e-9):.1f}"
        )


def _p95(values: list[float]) -> float:
    ordered = sorted(values or [0.0])
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def expectation_of(turn: Turn, catalogue: Catalogue) -> Expectation:
    """What the dialogue policy expects after the turn's question (as DialoguePolicy.expecting makes it)."""
    match turn.asked:
        case Asked.YES_NO:
            return offers_expected(Expecting.YES_NO, turn.offers, catalogue)
        case Asked.CHOICE:
            return offers_expected(Expecting.CHOICE, turn.offers, catalogue)
        case Asked.DAY:
            return Expectation(Expecting.DAY)
        case Asked.SERVICE:
            return services_expected(catalogue)
    return OPEN


async def run(
    voices: Sequence[str],
    lines: Sequence[str],
    noises: Sequence[str],
    sets: Sequence[str],
    expect: bool,
    stt_args: argparse.Namespace,
) -> list[Cell]:
    catalogue = sample_catalogue()
    interpreter = RulesUtteranceInterpreter(catalogue)
    settings = PocketsphinxSettings() if expect else PocketsphinxSettings(expectation=None)
    with tempfile.TemporaryDirectory() as cache:
        stt = await asyncio.to_thread(engine, stt_args, catalogue, Path(cache), settings)
    cells: list[Cell] = []
    for voice in voices:
        tts = EspeakTextToSpeech(voice)
        spoken = {turn.said: await tts.synthesize(turn.said, 16000) for s in sets for turn in SETS[s]}
        for line_key in lines:
            line = LINES[line_key]
            for noise in noises:
                for set_name in sets:
                    cell = Cell(voice, line.name, noise, set_name)
                    for n, turn in enumerate(SETS[set_name]):
                        audio = over_the_line(spoken[turn.said], line, noise == "line", seed=n)
                        asked = expectation_of(turn, catalogue) if expect else None
                        result, cpu = await timed(stt, audio, line.rate, asked)
                        cell.cpu_seconds += cpu
                        cell.audio_seconds += len(audio) / 2 / line.rate
                        await _score(cell, turn, result, interpreter)
                    cells.append(cell)
                    print(f"| {voice} | {line.name} | {noise} | {set_name} | {cell.row()} |", flush=True)
    return cells


async def _score(cell: Cell, turn: Turn, result: Recognition, interpreter: RulesUtteranceInterpreter) -> None:
    said = words_of(turn.said)
    cell.turns += 1
    cell.words += len(said)
    cell.word_errors += edit_distance(said, words_of(result.heard))
    heard = claims(await interpreter.interpret(result.text, NOW), turn)
    kind = outcome(heard, turn, unsure=result.unsure)
    cell.decode_ms.append(result.decode_seconds * 1000)
    cell.outcomes[kind.value] = cell.outcomes.get(kind.value, 0) + 1
    if kind is Outcome.DANGEROUS:
        cell.dangerous.append(
            f"| {cell.voice} | {cell.line} | {cell.noise} | {turn.asked.value} | {turn.said} | {result.text} "
            f"| {' '.join(sorted(heard))} |"
        )


def summary(cells: Sequence[Cell]) -> None:
    header = "| WER | right | asked again | unsure | partial | dangerous | decode p50 ms | p95 ms | CPU s / audio min |"
    print()
    print("Summed over noise conditions:")
    print()
    print(f"| voices | lines | line {header}")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for group, members in (("tuned", TUNED_VOICES), ("held-out", HELD_OUT_VOICES)):
        for set_name in SETS:
            for line in LINES.values():
                total = Cell(group, line.name, "all", set_name)
                for cell in cells:
                    if cell.voice in members and cell.line == line.name and cell.lines == set_name:
                        total.add(cell)
                if total.turns:
                    print(f"| {group} | {set_name} | {line.name} | {total.row()} |")
    dangerous = [d for cell in cells for d in cell.dangerous]
    if dangerous:
        print()
        print(f"Dangerous turns ({len(dangerous)}):")
        print()
        print("| voice | line | noise | asked | said | heard | claims |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(dangerous))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--voices", nargs="+", default=[*TUNED_VOICES, *HELD_OUT_VOICES])
    parser.add_argument("--lines", nargs="+", choices=list(LINES), default=list(LINES))
    parser.add_argument("--noise", nargs="+", choices=["quiet", "line"], default=["quiet", "line"])
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--json", type=Path, help="also write every cell here (for before/after comparisons)")
    parser.add_argument("--ignore-expectation", action="store_true", help="recognise without what the question expects")
    add_arguments(parser)
    args = parser.parse_args()
    print(
        "| voice | line | noise | lines | WER | right | asked again | unsure | partial | dangerous | decode p50 ms "
        "| p95 ms | CPU s / audio min |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    cells = asyncio.run(run(args.voices, args.lines, args.noise, args.sets, not args.ignore_expectation, args))
    summary(cells)
    if args.json:
        args.json.write_text(json.dumps([asdict(c) for c in cells], indent=1))


if __name__ == "__main__":
    main()
