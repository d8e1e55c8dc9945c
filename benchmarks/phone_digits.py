"""Phone numbers said digit by digit at "What number can we text?" (issue 14): heard, and read as a number?

Run: python -m benchmarks.phone_digits [--voices V ...] [--digit-grammar]

Each utterance is said by espeak-ng at 16 kHz, 8 kHz and 8 kHz through G.711 mu-law, recognised by pocketsphinx told
that the question expects a phone number (with `--digit-grammar` it also decodes with the digit grammar, digits.py),
and read by the rules interpreter. Counted: **right** (the number said), **wrong number** (a different valid number:
only the read-back stops it), **no number** (the agent asks again); and, for the utterances that are not numbers,
how often they were forced onto digits. Numbers are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from benchmarks.g711 import through_mu_law
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.pocketsphinx_stt.expected import ExpectationSettings
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

NUMBERS = (
    ("two one two, five five five, oh one two three", "+12125550123"),
    ("my number is six four six, five five five, oh one nine eight", "+16465550198"),
    ("nine one seven, five five five, four four three two", "+19175554432"),
    ("it's three one two, five five five, zero one four seven", "+13125550147"),
    ("double seven one, five five five, two three four six", "+17715552346"),
)
NOT_NUMBERS = ("i'd rather talk to someone", "use the number i'm calling from")
LINES = (("16k", 16000, False), ("8k", 8000, False), ("8k-mulaw", 8000, True))
PHONE = Expectation(Expecting.PHONE_DIGITS)


async def main(voices: list[str], digit_grammar: bool) -> None:
    settings = PocketsphinxSettings(expectation=ExpectationSettings(phone_digits=digit_grammar))
    stt = PocketsphinxSpeechToText(sample_catalogue(), Path(tempfile.mkdtemp()), settings)
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    counts: dict[str, Counter[str]] = {name: Counter() for name, _, _ in LINES}
    for voice in voices:
        tts = EspeakTextToSpeech(voice)
        for said, number in [*NUMBERS, *((s, None) for s in NOT_NUMBERS)]:
            for name, rate, mu_law in LINES:
                pcm = await tts.synthesize(said, rate)
                if mu_law:
                    pcm = through_mu_law(np.frombuffer(pcm, dtype="<i2")).astype("<i2").tobytes()
                pad = bytes(rate * 2 * 3 // 10)
                heard = await stt.recognise(pad + pcm + pad, rate, PHONE)
                understood = interpreter.understand(heard.text, NOW)
                got = understood.phone.number.e164 if understood.phone and understood.phone.number else None
                if number is None:
                    counts[name]["forced onto digits" if understood.phone else "not a number: kept"] += 1
                elif got == number:
                    counts[name]["right"] += 1
                else:
                    counts[name]["WRONG NUMBER" if got else "no number"] += 1
                print(f"{voice:10} {name:9} {said[:34]!r:38} -> {heard.text!r} {got or ''}")
    print(f"\n{'line':9} right  WRONG  no number  (of {len(NUMBERS) * len(voices)})  forced / not numbers")
    for name, count in counts.items():
        said_numbers = count["right"] + count["WRONG NUMBER"] + count["no number"]
        print(
            f"{name:9} {count['right']:5}  {count['WRONG NUMBER']:5}  {count['no number']:9}  ({said_numbers})"
            f"  {count['forced onto digits']} / {len(NOT_NUMBERS) * len(voices)}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voices", nargs="+", default=["en-us", "en-us+f3", "en-gb", "en-us+m7"])
    parser.add_argument("--digit-grammar", action="store_true", help="speech.pocketsphinx.digit_grammar on")
    args = parser.parse_args()
    asyncio.run(main(args.voices, args.digit_grammar))
