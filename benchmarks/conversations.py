"""Understanding over whole conversations: the corpus in tests/conversations/ played through the real agent.

Run: python -m benchmarks.conversations
[--split tuned|heldout|heldout2|...|heldout54|all] [--category C] [--show-failures]
[--understanding rules|model] [model endpoint flags, see --help] [--fake-model]
("all" is tuned + heldout; heldout2 to heldout54 stay unmeasured until their rounds of changes and run only by name.)
Prints, separately for the tuned part and each held-out set, the pass rate per category and overall, the wrong actions
(anything booked, moved or cancelled that the caller did not ask for), and the caller turns per successful booking;
then the per-turn latency (p50/p95) and, with a language model, how many turns it was asked about and how that went.
`--fake-model` points the model at a local endpoint that understands nothing (slotline.testing.model_server): it
measures which turns hybrid mode sends to a model and what asking costs, not what a model would understand.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from benchmarks.corpus import CATEGORIES, SPLITS, Case, Played, Verdict, catalogue_path, load_cases, play, score
from benchmarks.corpus.cases import business_catalogue
from slotline.entrypoints.settings import UnderstandingSettings
from slotline.infrastructure.model_nlu.settings import ModelSettings
from slotline.testing.model_server import FakeModelServer

# "all" is every split measured so far; heldout2 to heldout54 wait, unmeasured, for their rounds of changes (ask for
# them by name).
MEASURED = ("tuned", "heldout")


@dataclass
class Result:
    case: Case
    played: Played
    verdict: Verdict


async def run_case(case: Case, workdir: Path, understanding: UnderstandingSettings | None = None) -> Result:
    try:
        path, loaded = catalogue_path(case.catalogue), business_catalogue(case.catalogue)
        played = await play(case, path, workdir, loaded=loaded, understanding=understanding)
    except Exception as exc:  # one broken conversation must not stop the run; it fails, with the reason
        return Result(case, Played(), Verdict(False, False, [f"crashed: {type(exc).__name__}: {exc}"]))
    return Result(case, played, score(case, played, business_catalogue(case.catalogue).zone))


def _workspace() -> Path | None:
    memory = Path("/dev/shm")  # a file system in memory, where there is one: SQLite's syncs cost nothing there
    return memory if memory.is_dir() else None


async def run(
    cases: Sequence[Case], workspace: Path | None = None, understanding: UnderstandingSettings | None = None
) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="slotline-corpus-", dir=workspace) as tmp:
        return [await run_case(case, Path(tmp), understanding) for case in cases]


def _rate(results: Sequence[Result]) -> str:
    passed = sum(r.verdict.passed for r in results)
    return f"{passed:>4}/{len(results):<4} {100 * passed / len(results):5.1f}%"


def summary(split: str, part: Sequence[Result]) -> list[str]:
    """Pass rate per category and overall, wrong actions and turns per successful booking, for one split."""
    lines = [f"== {split} ({len(part)} conversations)", f"{'category':<20} {'passed':>9} {'rate':>6}  wrong"]
    for category in CATEGORIES:
        these = [r for r in part if r.case.category == category]
        if these:
            lines.append(f"{category:<20} {_rate(these)}  {sum(r.verdict.wrong_action for r in these)}")
    wrong_ids = [r.case.id for r in part if r.verdict.wrong_action]
    lines.append(f"{'overall':<20} {_rate(part)}  {len(wrong_ids)}")
    lines.append(f"wrong actions: {len(wrong_ids)}" + (f" ({', '.join(wrong_ids)})" if wrong_ids else ""))
    turns = [r.played.turns_used for r in part if r.verdict.passed and r.case.expect.outcome == "booked"]
    mean = f"{statistics.mean(turns):.2f}" if turns else "-"
    lines.append(f"turns per successful booking: {mean} (over {len(turns)} bookings)")
    return lines


def failures(results: Sequence[Result]) -> list[str]:
    lines: list[str] = []
    for r in results:
        if not r.verdict.passed:
            flag = "WRONG ACTION: " if r.verdict.wrong_action else ""
            lines.append(f"-- {r.case.id} [{r.case.split}/{r.case.category}] {flag}{'; '.join(r.verdict.problems)}")
            lines += [f"   {who}: {said}" for who, said in r.played.transcript]
    return lines


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def turn_costs(results: Sequence[Result]) -> list[str]:
    """Per-turn latency over every conversation, and what the language model was asked, if there was one."""
    seconds = [s for r in results for s in r.played.turn_seconds]
    if not seconds:
        return []
    p50, p95 = (1000 * _percentile(seconds, q) for q in (0.5, 0.95))
    lines = [f"per caller turn: p50 {p50:.2f} ms, p95 {p95:.2f} ms (over {len(seconds)} turns)"]
    counted = [r.played.model_turns for r in results if r.played.model_turns is not None]
    if counted:
        heard, asked = sum(t.heard for t in counted), sum(t.asked for t in counted)
        answered, timed_out = sum(t.answered for t in counted), sum(t.timed_out for t in counted)
        failed = sum(t.failed for t in counted)
        share = 100 * asked / heard if heard else 0.0
        lines.append(
            f"model asked about {asked} of {heard} turns ({share:.1f}%): answered {answered}, "
            f"timed out {timed_out}, failed {failed}"
        )
    return lines


def report(results: Sequence[Result], *, show_failures: bool = False) -> str:
    lines: list[str] = []
    for split in SPLITS:
        part = [r for r in results if r.case.split == split]
        if part:
            lines += [*summary(split, part), ""]
    lines += [*turn_costs(results), ""]
    if show_failures:
        lines += failures(results)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.conversations", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--category", choices=CATEGORIES)
    parser.add_argument("--show-failures", action="store_true", help="print each failed conversation and why")
    model = parser.add_argument_group("a language model (--understanding model)")
    model.add_argument("--understanding", choices=["rules", "model"], default="rules")
    model.add_argument("--mode", choices=["hybrid", "model"], default="hybrid", help="which turns the model reads")
    model.add_argument("--provider", choices=["openai", "bedrock"], default="openai")
    model.add_argument("--base-url", help="an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1")
    model.add_argument("--model", default="", help="the model name (openai); the key: env OPENAI_API_KEY")
    model.add_argument("--model-id", default="", help="the Bedrock model id; credentials: boto3's chain")
    model.add_argument("--region", default="us-east-1")
    model.add_argument("--structured-output", choices=["json_schema", "tool"], default="json_schema")
    model.add_argument("--deadline-ms", type=int, default=800)
    model.add_argument("--fake-model", action="store_true", help="a local endpoint that understands nothing")
    args = parser.parse_args(argv)
    cases = load_cases(MEASURED if args.split == "all" else (args.split,))
    if args.category:
        cases = [c for c in cases if c.category == args.category]
    with _endpoint(args) as understanding:
        results = asyncio.run(run(cases, _workspace(), understanding))
    sys.stdout.write(report(results, show_failures=args.show_failures))
    return 0


@contextmanager
def _endpoint(args: argparse.Namespace) -> Iterator[UnderstandingSettings | None]:
    """The understanding settings the flags ask for, with the local fake endpoint running if asked for."""
    if args.understanding == "rules":
        yield None
        return
    key = os.environ.get("OPENAI_API_KEY")
    settings = {
        "provider": args.provider,
        "base_url": args.base_url,
        "model": args.model or ("fake" if args.fake_model else ""),
        "model_id": args.model_id or ("fake" if args.fake_model else ""),
        "region": args.region,
        "structured_output": args.structured_output,
        "deadline_ms": args.deadline_ms,
        "api_key": SecretStr(key) if key else None,
    }
    if not args.fake_model:
        yield UnderstandingSettings(backend="model", mode=args.mode, model=ModelSettings.model_validate(settings))
        return
    with FakeModelServer() as fake:
        local: dict[str, object] = {"base_url": f"{fake.url}/v1", "endpoint_url": fake.url}
        if args.provider == "bedrock":
            local |= {"access_key_id": SecretStr("fake"), "secret_access_key": SecretStr("fake")}
        model = ModelSettings.model_validate(settings | local)
        yield UnderstandingSettings(backend="model", mode=args.mode, model=model)


if __name__ == "__main__":
    sys.exit(main())
