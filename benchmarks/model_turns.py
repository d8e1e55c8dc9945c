"""What slotline itself adds to a turn a language model reads, measured against the local fake endpoint.

Run: python -m benchmarks.model_turns [--turns N]
Prints p50/p99 of: the work slotline does per model turn without any network (redacting and serialising the prompt,
validating the answer, resolving its day and time); a whole round trip through each real SDK to the local endpoint
on 127.0.0.1; how long a turn takes to fall back to the rules' reading when the endpoint answers 500 or 429 every
time (retries inside the deadline included); and the hybrid's cost on a turn the rules understood (no model asked).
No real model is involved: these are slotline's costs, not a model's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from functools import partial

from slotline.application.hybrid_understanding import HybridUtteranceInterpreter
from slotline.application.ports import UtteranceInterpreter
from slotline.domain.dialogue.expectation import OPEN
from slotline.infrastructure.model_nlu.bedrock_interpreter import BedrockUtteranceInterpreter
from slotline.infrastructure.model_nlu.openai_interpreter import OpenAIUtteranceInterpreter
from slotline.infrastructure.model_nlu.reading import TurnReader
from slotline.infrastructure.model_nlu.resolution import AnswerResolver
from slotline.infrastructure.model_nlu.settings import ModelSettings
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.testing.model_server import FakeModelServer, Fault
from slotline.testing.sample import NOW, sample_catalogue

SAID = "tuesday but a week later, around two, with jordan for a massage"
ANSWER = {
    "intent": "inform",
    "service": "massage",
    "staff": "jordan",
    "day": {"weekday": "tuesday", "weeks_later": 1},
    "time": {"hour": 2},
    "approximate": True,
}


def _line(name: str, seconds: Sequence[float]) -> str:
    ordered = sorted(seconds)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] * 1000
    return f"{name:<52} p50 {p50:8.3f} ms   p99 {p99:8.3f} ms   (n={len(ordered)})"


def own_work(turns: int) -> list[float]:
    """Prompt out and answer in, with no network: what slotline adds to every model turn."""
    catalogue = sample_catalogue()
    reader = TurnReader(catalogue, 0.8)
    raw = json.dumps(ANSWER)
    resolver = AnswerResolver(catalogue)
    took = []
    for _ in range(turns):
        began = time.perf_counter()
        json.dumps({"messages": [reader.prompt.system, reader.prompt.user(SAID, OPEN)]})
        resolver.interpretation(reader.answer(raw), SAID, NOW)
        took.append(time.perf_counter() - began)
    return took


async def _timed(turns: int, call: Callable[[], Awaitable[object]]) -> list[float]:
    await call()  # the first one opens the connection and loads the SDK's lazy parts
    took = []
    for _ in range(turns):
        began = time.perf_counter()
        await call()
        took.append(time.perf_counter() - began)
    return took


def _settings(provider: str, url: str) -> ModelSettings:
    if provider == "bedrock":
        return ModelSettings.model_validate(
            {
                "provider": "bedrock",
                "model_id": "m",
                "endpoint_url": url,
                "access_key_id": "x",
                "secret_access_key": "x",
            }
        )
    return ModelSettings(base_url=f"{url}/v1", model="m")


def _adapter(provider: str, url: str) -> UtteranceInterpreter:
    settings = _settings(provider, url)
    if provider == "bedrock":
        return BedrockUtteranceInterpreter(settings, sample_catalogue())
    return OpenAIUtteranceInterpreter(settings, sample_catalogue())


async def measure(turns: int) -> list[str]:
    lines = [_line("slotline's own work per model turn (no network)", own_work(turns * 10))]
    rules = RulesUtteranceInterpreter(sample_catalogue())
    with FakeModelServer({SAID: ANSWER}) as fake:
        for provider in ("openai", "bedrock"):
            model = _adapter(provider, fake.url)
            took = await _timed(turns, partial(model.interpret, SAID, NOW))
            lines.append(_line(f"round trip to the local endpoint, {provider} SDK", took))
        for provider in ("openai", "bedrock"):
            for fault in (Fault.SERVER_ERROR, Fault.RATE_LIMITED):
                fake.fail(fault)
                hybrid = HybridUtteranceInterpreter(rules, _adapter(provider, fake.url), deadline_seconds=0.8)
                took = await _timed(max(5, turns // 10), partial(hybrid.interpret, SAID, NOW))
                lines.append(_line(f"fallback to the rules after {fault.value}, {provider}", took))
        fake.fail(Fault.NONE)
        hybrid = HybridUtteranceInterpreter(rules, _adapter("openai", fake.url), deadline_seconds=0.8)
        understood = "a haircut next tuesday afternoon"
        lines.append(
            _line(
                "hybrid, a turn the rules understood (no model)",
                await _timed(turns * 10, lambda: hybrid.interpret(understood, NOW)),
            )
        )
        lines.append(
            _line("rules alone, the same turn", await _timed(turns * 10, lambda: rules.interpret(understood, NOW)))
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.model_turns", description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200)
    args = parser.parse_args(argv)
    sys.stdout.write("\n".join(asyncio.run(measure(args.turns))) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
