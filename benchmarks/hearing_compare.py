"""Before against after for two runs of the hearing benchmark (`benchmarks.recognition_matrix --json`).

Run: python -m benchmarks.hearing_compare BEFORE.json AFTER.json

Prints, per voices (tuned / held-out) x lines (tuned / held-out) x line, summed over noise: turns right, asked again
+ unsure, and DANGEROUS before and after, with the median decode time; then the dangerous turns counted by the
question asked (counts only: the held-out turns' words are not for designing rules).
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.hearing_turns import HELD_OUT_VOICES, TUNED_VOICES

_LINES = ("16 kHz", "8 kHz", "8 kHz mu-law")
_GROUPS = (("tuned", TUNED_VOICES), ("held-out", HELD_OUT_VOICES))


def _sum(cells: list[dict[str, Any]], voices: tuple[str, ...], lines: str, line: str) -> dict[str, Any]:
    mine = [c for c in cells if c["voice"] in voices and c["lines"] == lines and c["line"] == line]
    outcomes: Counter[str] = Counter()
    for cell in mine:
        outcomes.update(cell["outcomes"])
    decode = [ms for c in mine for ms in c["decode_ms"]]
    return {
        "turns": sum(c["turns"] for c in mine),
        "outcomes": outcomes,
        "p50": statistics.median(decode) if decode else 0.0,
    }


def _row(cell: dict[str, Any]) -> str:
    n, o = cell["turns"], cell["outcomes"]
    right = f"{o['right']}/{n} ({100 * o['right'] / max(n, 1):.0f}%)"
    return f"{right} | {o['asked again']}+{o['unsure']} | **{o['DANGEROUS']}**"


def _asked(cells: list[dict[str, Any]]) -> Counter[str]:
    return Counter(row.split("|")[4].strip() for c in cells for row in c["dangerous"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    before, after = (json.loads(p.read_text()) for p in (args.before, args.after))
    print(
        "| voices | lines | line | before: right | asked again + unsure | dangerous "
        "| after: right | asked again + unsure | dangerous | decode p50 ms before / after |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for group, voices in _GROUPS:
        for lines in ("tuned", "held-out"):
            for line in _LINES:
                b, a = _sum(before, voices, lines, line), _sum(after, voices, lines, line)
                if b["turns"] or a["turns"]:
                    print(f"| {group} | {lines} | {line} | {_row(b)} | {_row(a)} | {b['p50']:.0f} / {a['p50']:.0f} |")
    for name, cells in (("before", before), ("after", after)):
        total = sum(len(c["dangerous"]) for c in cells)
        kinds = ", ".join(f"{asked} {n}" for asked, n in _asked(cells).most_common())
        print(f"\nDangerous {name}: {total} ({kinds})")


if __name__ == "__main__":
    main()
