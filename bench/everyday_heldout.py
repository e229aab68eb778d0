"""How the default engine does on everyday comments it was never tuned on (`tests/data/everyday/`).

    python bench/everyday_heldout.py [--json OUT] [--show-misses]

Per language and overall: the share of harmful comments flagged (any action but allow), the share
removed, and the share of harmless comments allowed and wrongly removed. `--show-misses` lists the rows
the engine got wrong; read them to learn what kind of wording is missed, then fix and test that kind
with other sentences (never with these rows, or the set stops measuring anything).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from hifazat.core.moderator import Moderator

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "everyday" / "heldout.jsonl"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(moderator: Moderator, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    verdicts = moderator.check_batch([r["text"] for r in rows])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    for row, verdict in zip(rows, verdicts, strict=True):
        for group in (row["language"], "all"):
            c = counts[group]
            if row["expect"] == "harmful":
                c["harmful"] += 1
                c["flagged"] += verdict.action != "allow"
                c["removed"] += verdict.action == "remove"
            else:
                c["harmless"] += 1
                c["allowed"] += verdict.action == "allow"
                c["wrongly_removed"] += verdict.action == "remove"
        wrong = (row["expect"] == "harmful") == (verdict.action == "allow")
        if wrong:
            misses.append(f"{verdict.action:8} {row['expect']:8} {row['family'] or '-':11} {row['text']}")
    report: dict[str, Any] = {}
    for group, c in counts.items():
        report[group] = {
            "harmful": c["harmful"],
            "flagged": round(c["flagged"] / c["harmful"], 3) if c["harmful"] else None,
            "removed": round(c["removed"] / c["harmful"], 3) if c["harmful"] else None,
            "harmless": c["harmless"],
            "allowed": round(c["allowed"] / c["harmless"], 3) if c["harmless"] else None,
            "wrongly_removed": round(c["wrongly_removed"] / c["harmless"], 3) if c["harmless"] else None,
        }
    return report, misses


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    report, misses = measure(Moderator.default(), load())
    print(json.dumps(report, indent=2))
    if args.show_misses:
        print("\n".join(misses))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
