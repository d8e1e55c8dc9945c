"""Understanding over whole conversations: the corpus in tests/conversations/ played through the real agent.

Run: python -m benchmarks.conversations
[--split tuned|heldout|heldout2|...|heldout8|all] [--category C] [--show-failures]
("all" is tuned + heldout; heldout2 to heldout8 stay unmeasured until their rounds of changes and run only by name.)
Prints, separately for the tuned part and each held-out set, the pass rate per category and overall, the wrong actions
(anything booked, moved or cancelled that the caller did not ask for), and the caller turns per successful booking.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import CATEGORIES, SPLITS, Case, Played, Verdict, catalogue_path, load_cases, play, score
from benchmarks.corpus.cases import business_catalogue

# "all" is every split measured so far; heldout2 to heldout8 wait, unmeasured, for their rounds of changes (ask for
# them by name).
MEASURED = ("tuned", "heldout")


@dataclass
class Result:
    case: Case
    played: Played
    verdict: Verdict


async def run_case(case: Case, workdir: Path) -> Result:
    try:
        played = await play(case, catalogue_path(case.catalogue), workdir, loaded=business_catalogue(case.catalogue))
    except Exception as exc:  # one broken conversation must not stop the run; it fails, with the reason
        return Result(case, Played(), Verdict(False, False, [f"crashed: {type(exc).__name__}: {exc}"]))
    return Result(case, played, score(case, played, business_catalogue(case.catalogue).zone))


def _workspace() -> Path | None:
    memory = Path("/dev/shm")  # a file system in memory, where there is one: SQLite's syncs cost nothing there
    return memory if memory.is_dir() else None


async def run(cases: Sequence[Case], workspace: Path | None = None) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="slotline-corpus-", dir=workspace) as tmp:
        return [await run_case(case, Path(tmp)) for case in cases]


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


def report(results: Sequence[Result], *, show_failures: bool = False) -> str:
    lines: list[str] = []
    for split in SPLITS:
        part = [r for r in results if r.case.split == split]
        if part:
            lines += [*summary(split, part), ""]
    if show_failures:
        lines += failures(results)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.conversations", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--category", choices=CATEGORIES)
    parser.add_argument("--show-failures", action="store_true", help="print each failed conversation and why")
    args = parser.parse_args(argv)
    cases = load_cases(MEASURED if args.split == "all" else (args.split,))
    if args.category:
        cases = [c for c in cases if c.category == args.category]
    results = asyncio.run(run(cases, _workspace()))
    sys.stdout.write(report(results, show_failures=args.show_failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
