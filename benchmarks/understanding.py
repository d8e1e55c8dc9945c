"""Rule-based understanding benchmark: interpret() time per utterance over typical caller utterances.

Run: python -m benchmarks.understanding [--repetitions N]
Prints p50/p99 over all calls, and the slowest utterances by median.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

UTTERANCES = (
    "hi i'd like to book a haircut",
    "um yeah i need a hair cut uh next tuesday afternoon with sam",
    "can i get a massage tomorrow morning",
    "a haircut next tuesday afternoon with sam",
    "do you have anything on friday at three thirty",
    "the twenty third of december at noon",
    "december twenty third around four ish",
    "how about the 23rd at 3pm",
    "first available please",
    "as soon as possible in the morning",
    "the second one",
    "number two",
    "the last one",
    "yes please book it",
    "yeah that's right",
    "no tuesday instead",
    "no i want to cancel",
    "i need to reschedule my appointment",
    "can i move it to a different time",
    "can i talk to a person",
    "sorry can you say that again",
    "no thanks that's it bye",
    "half past two on thursday",
    "quarter to four the day after tomorrow",
    "fifteen hundred hours on the first of december",
    "like colouring with alex on saturday",
    "what are your opening hours",
    "the weather is nice today",
    "Book a Haircut for 12/23 at 3:30pm with Sam Rivera, please!",
    "um uh i'm not sure you know",
)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def measure(repetitions: int) -> dict[str, list[float]]:
    interpreter = RulesUtteranceInterpreter(sample_catalogue())
    timings: dict[str, list[float]] = {u: [] for u in UTTERANCES}
    for _ in range(repetitions):
        for utterance in UTTERANCES:
            start = time.perf_counter_ns()
            await interpreter.interpret(utterance, NOW)
            timings[utterance].append((time.perf_counter_ns() - start) / 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repetitions", type=int, default=200)
    args = parser.parse_args()
    timings = asyncio.run(measure(args.repetitions))
    every = [t for samples in timings.values() for t in samples]
    print(f"{len(UTTERANCES)} utterances x {args.repetitions} repetitions = {len(every)} calls")
    print(f"p50 {percentile(every, 0.50):8.1f} us")
    print(f"p99 {percentile(every, 0.99):8.1f} us")
    print(f"max {max(every):8.1f} us")
    print("slowest by median:")
    slowest = sorted(timings.items(), key=lambda item: statistics.median(item[1]), reverse=True)[:5]
    for utterance, samples in slowest:
        print(f"  {statistics.median(samples):8.1f} us  {utterance}")


if __name__ == "__main__":
    main()
