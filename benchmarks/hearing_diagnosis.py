"""Every decode behind each turn of the hearing benchmark (issue 14), for finding why a turn went wrong.

Run: python -m benchmarks.hearing_diagnosis [--voices V ...] [--lines 16k 8k 8k-mulaw] [--noise quiet line]
                                            [--sets tuned] [--only DANGEROUS ...] [--json FILE]
Defaults to the TUNED voices and lines: held-out turns are for before/after numbers, never for designing rules.

Per turn: what was said and meant, the language model's words with posteriors, its n-best hypotheses, the grammar
decode's words with posteriors (at a question with expected answers), the rejection, the words acted on, the claims
and the outcome (benchmarks/hearing_score.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.hearing_score import Outcome, claims, outcome
from benchmarks.hearing_turns import TUNED_VOICES
from benchmarks.recognition_matrix import LINES, SETS, expectation_of, over_the_line
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.pocketsphinx_stt.expected import answers_for, vocabulary
from slotline.infrastructure.pocketsphinx_stt.recognition import recognise_turn
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords, Recognizer
from slotline.infrastructure.pocketsphinx_stt.rejection import DomainFilter
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue


class RecordingRecognizer(Recognizer):
    """A Recognizer that keeps every decode of the current turn."""

    decodes: list[tuple[str, DecodedWords]]

    def decode(self, pcm16k: bytes, alternatives: int = 0, grammar: str | None = None) -> DecodedWords:
        decoded = super().decode(pcm16k, alternatives, grammar)
        self.decodes.append(("grammar" if grammar else "lm", decoded))
        return decoded


@dataclass(frozen=True, slots=True)
class Diagnosis:
    voice: str
    line: str
    noise: str
    asked: str
    said: str
    meant: str
    lm: str
    nbest: list[str]
    grammar: str
    rejected: str | None
    text: str
    claims: str
    outcome: str


def _shown(decoded: DecodedWords) -> str:
    said = " ".join(f"{w}:{p:.2f}" for w, p in zip(decoded.words, decoded.posteriors, strict=False))
    return f"{said} ({decoded.speech_seconds:.2f} s)"


async def run(
    voices: Sequence[str], lines: Sequence[str], noises: Sequence[str], sets: Sequence[str]
) -> list[Diagnosis]:
    catalogue = sample_catalogue()
    settings = PocketsphinxSettings()
    with tempfile.TemporaryDirectory() as cache:
        stt = PocketsphinxSpeechToText(catalogue, Path(cache), settings)
        recognizer = RecordingRecognizer(stt.model)
        judge = DomainFilter(stt.model.known_pairs, settings.rejection)
        words = vocabulary(stt.model.dictionary)
        return await _diagnosed(voices, lines, noises, sets, recognizer, judge, words, settings)


async def _diagnosed(
    voices: Sequence[str],
    lines: Sequence[str],
    noises: Sequence[str],
    sets: Sequence[str],
    recognizer: RecordingRecognizer,
    judge: DomainFilter,
    words: frozenset[str],
    settings: PocketsphinxSettings,
) -> list[Diagnosis]:
    catalogue = sample_catalogue()
    interpreter = RulesUtteranceInterpreter(catalogue)
    found: list[Diagnosis] = []
    for voice in voices:
        tts = EspeakTextToSpeech(voice)
        for set_name in sets:
            for n, turn in enumerate(SETS[set_name]):
                spoken = await tts.synthesize(turn.said, 16000)
                for line_key in lines:
                    for noise in noises:
                        line = LINES[line_key]
                        audio = over_the_line(spoken, line, noise == "line", seed=n)
                        asked = expectation_of(turn, catalogue)
                        recognizer.decodes = []
                        result = recognise_turn(
                            recognizer, judge, settings, audio, line.rate, asked, answers_for(asked, words)
                        )
                        lm = next((d for k, d in recognizer.decodes if k == "lm"), DecodedWords((), 0.0))
                        grammar = next((d for k, d in recognizer.decodes if k == "grammar"), None)
                        heard = claims(await interpreter.interpret(result.text, NOW), turn)
                        kind = outcome(heard, turn, unsure=result.unsure)
                        found.append(
                            Diagnosis(
                                voice, line.name, noise, turn.asked.value, turn.said, turn.expect, _shown(lm),
                                [" ".join(a) for a in lm.alternatives], _shown(grammar) if grammar else "-",
                                result.rejected, result.text, " ".join(sorted(heard)), kind.value,
                            )
                        )  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--voices", nargs="+", default=list(TUNED_VOICES))
    parser.add_argument("--lines", nargs="+", choices=list(LINES), default=list(LINES))
    parser.add_argument("--noise", nargs="+", choices=["quiet", "line"], default=["quiet", "line"])
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=["tuned"])
    parser.add_argument("--only", nargs="+", choices=[o.value for o in Outcome], help="show only these outcomes")
    parser.add_argument("--json", type=Path, help="also write every turn here")
    args = parser.parse_args()
    found = asyncio.run(run(args.voices, args.lines, args.noise, args.sets))
    for d in found:
        if args.only is None or d.outcome in args.only:
            print(
                f"[{d.outcome}] {d.voice} {d.line} {d.noise} | {d.asked} | said {d.said!r} meant {d.meant}\n"
                f"    lm {d.lm}\n    nbest {d.nbest}\n    grammar {d.grammar}\n"
                f"    rejected {d.rejected} -> {d.text!r} claims {d.claims}"
            )
    if args.json:
        args.json.write_text(json.dumps([asdict(d) for d in found], indent=1))


if __name__ == "__main__":
    main()
