"""Voice-to-voice latency on the line: caller's end of speech -> agent's first audio frame, over scripted calls
with the real offline engines (espeak-ng both sides, pocketsphinx, Silero) through the loopback Telcoflow server.

Run: python -m benchmarks.voice_latency [--calls N] [--end-of-turn-ms MS] [--quick-end-ms MS]
                                      [--sample-rate 8000|16000]
                                      [--stt pocketsphinx|whisper] [--whisper-model DIR]
Also times the recogniser and the synthesiser inside the agent, to show where the time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from dependency_injector import providers
from pydantic import SecretStr

from slotline.application.ports import SpeechToText, TextToSpeech
from slotline.domain.dialogue.expectation import Expectation
from slotline.entrypoints.container import build_container
from slotline.entrypoints.demo.run import DemoCall
from slotline.entrypoints.demo.script import bundled_script
from slotline.entrypoints.settings import SpeechSettings, load_settings
from slotline.entrypoints.warming import Warmable
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

NOW = datetime.fromisoformat("2026-11-25T09:00:00-05:00")


class Timed:
    """Wraps a speech engine and records how long each call took (ms)."""

    def __init__(self) -> None:
        self.stt_ms: list[float] = []
        self.tts_ms: list[float] = []

    def stt(self, inner: SpeechToText) -> SpeechToText:
        timed = self

        class _Stt:
            async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
                t0 = time.perf_counter()
                try:
                    return await inner.transcribe(pcm, sample_rate, expecting)
                finally:
                    timed.stt_ms.append((time.perf_counter() - t0) * 1000)

            async def warm_up(self) -> None:  # the agent starts the recognition workers before the call
                if isinstance(inner, Warmable):
                    await inner.warm_up()

            async def aclose(self) -> None:
                if isinstance(inner, Warmable):
                    await inner.aclose()

        return _Stt()

    def tts(self, inner: TextToSpeech) -> TextToSpeech:
        timed = self

        class _Tts:
            async def synthesize(self, text: str, sample_rate: int) -> bytes:
                t0 = time.perf_counter()
                try:
                    return await inner.synthesize(text, sample_rate)
                finally:
                    timed.tts_ms.append((time.perf_counter() - t0) * 1000)

        return _Tts()


async def one_call(
    speech: dict[str, object], timed: Timed, scratch: Path, sample_rate: int, said: list[str]
) -> tuple[str, list[int]]:
    async with LoopbackTelcoflowServer() as server:
        settings = load_settings({"db": scratch / "bench.db", "now": NOW})
        settings = settings.model_copy(
            update={
                "telcoflow": TelcoflowSettings(
                    base_url=server.base_url,
                    api_key=SecretStr("b"),
                    connector_uuid=SecretStr("c"),
                    sample_rate=sample_rate,
                ),
                "speech": settings.speech.model_validate(settings.speech.model_dump() | speech),
            }
        )
        container = build_container(settings)
        container.stt.override(providers.Object(timed.stt(container.stt())))
        container.tts.override(providers.Object(timed.tts(container.tts())))
        demo = DemoCall(container, server, EspeakTextToSpeech(voice="en-us+f2"), "+12125550123", said.append)
        result = await demo.run(bundled_script("book"))
        return result.ended, result.latencies_ms


class QuickEnds(logging.Handler):
    """Counts the caller turns the agent ended at the short wait (application.listening logs each turn)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.turns = 0
        self.quick = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "caller turn of" in message:
            self.turns += 1
            self.quick += "ended early" in message


def _packaged_tiny_en() -> Path:
    from tests.whisper_model import TINY_EN  # the dev extra's model package

    return TINY_EN


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--end-of-turn-ms", type=int, help="default: the setting's default")
    parser.add_argument("--quick-end-ms", type=int, help="default: the setting's default")
    parser.add_argument("--show", action="store_true", help="print each call's conversation")
    parser.add_argument("--sample-rate", type=int, choices=[8000, 16000], default=16000, help="the line's rate")
    parser.add_argument("--stt", choices=["pocketsphinx", "whisper"], default="pocketsphinx")
    parser.add_argument("--whisper-model", help="a CTranslate2 model directory (default: the tests' packaged tiny.en)")
    args = parser.parse_args()
    speech: dict[str, object] = {"end_of_turn_ms": args.end_of_turn_ms, "quick_end_of_turn_ms": args.quick_end_ms}
    speech = {k: v for k, v in speech.items() if v is not None}
    if args.stt == "whisper":
        speech |= {"stt": "whisper", "whisper": {"model": args.whisper_model or str(_packaged_tiny_en())}}
    chosen = SpeechSettings.model_validate(speech)
    timed = Timed()
    quick = QuickEnds()
    listening = logging.getLogger("slotline.application.listening")
    listening.addHandler(quick)
    listening.setLevel(logging.INFO)
    if args.show:  # what the agent heard and understood, and said
        shown = logging.StreamHandler()
        shown.setFormatter(logging.Formatter("    %(message)s"))
        for name in ("slotline.application.heard", "slotline.infrastructure.pocketsphinx_stt.stt"):
            logging.getLogger(name).addHandler(shown)
            logging.getLogger(name).setLevel(logging.DEBUG)
    latencies: list[float] = []
    for n in range(args.calls):
        with tempfile.TemporaryDirectory() as scratch:
            said: list[str] = []
            ended, turns = asyncio.run(one_call(speech, timed, Path(scratch), args.sample_rate, said))
        latencies += turns
        print(f"call {n + 1}: {ended}; turns {turns} ms", flush=True)
        if args.show:
            print("\n".join(f"    {line}" for line in said))
    print(
        f"\n{len(latencies)} turns over {args.calls} scripted booking calls at {args.sample_rate} Hz, "
        f"end of turn after {chosen.quick_end_of_turn_ms} ms (sounds finished) / {chosen.end_of_turn_ms} ms (any turn)"
    )
    print(f"turns ended at the short wait (they sounded finished): {quick.quick} of {quick.turns}")
    print("| measure | p50 ms | p95 ms | mean ms | n |")
    print("|---|---|---|---|---|")
    for name, values in (
        ("caller end of speech -> agent first audio (on the line)", latencies),
        ("recogniser, per caller turn", timed.stt_ms),
        ("synthesiser, per sentence", timed.tts_ms),
    ):
        if values:
            p50, p95, mean = pct(values, 0.5), pct(values, 0.95), statistics.fmean(values)
            print(f"| {name} | {p50:.0f} | {p95:.0f} | {mean:.0f} | {len(values)} |")


if __name__ == "__main__":
    main()
