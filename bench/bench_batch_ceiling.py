"""How fast could a batch path that skips harmless items make the rule pipeline, on this corpus?

    python bench/bench_batch_ceiling.py [--items 20000] [--synthetic] [--json OUT]

A batch path can give the no-signal verdict without running the detectors only to items on which
no detector fires; every other item still needs the full path (offset maps, spans, reasons).
This script measures, on one core and by CPU time:

- the share of items with at least one signal, and the share whose normalised text hits any
  keyword of the shared keyword pass (the cheapest screen there is);
- the CPU microseconds per item of each stage (`bench_engine.stages`), separately for the items
  with and without signals;
- the batched rate of the whole corpus, and the **ceiling**: items of the whole corpus divided by
  the CPU time of checking only the flagged items, i.e. the rate of a batch path whose harmless
  items cost nothing at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_engine import stages
from corpus import corpus

from hifazat.core.detectors.defaults import DEFAULT_DETECTORS, default_registry
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator


def cpu_seconds(moderator: Moderator, texts: list[str], batch: int = 1024) -> float:
    start = time.process_time()
    for i in range(0, len(texts), batch):
        moderator.check_batch(texts[i : i + batch])
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--synthetic", action="store_true", help="templated comments (flatters)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = corpus(args.items, real=not args.synthetic)
    registry = default_registry()
    rules = Moderator([registry.create(n) for n in DEFAULT_DETECTORS if n != "learned"], default_catalogue())
    verdicts = [v for i in range(0, len(texts), 1024) for v in rules.check_batch(texts[i : i + 1024])]
    flagged = [t for t, v in zip(texts, verdicts, strict=True) if v.signals]
    clean = [t for t, v in zip(texts, verdicts, strict=True) if not v.signals]
    index = rules.keywords
    keyword_hits = sum(bool(index.hits(rules.item(t).norm)) for t in texts) if index else 0
    n = len(texts)
    whole = cpu_seconds(rules, texts)
    flagged_only = cpu_seconds(rules, flagged)
    results: dict[str, Any] = {
        "items": n,
        "corpus": "synthetic" if args.synthetic else "shared data sets",
        "share_with_signals": round(len(flagged) / n, 4),
        "share_hitting_a_keyword": round(keyword_hits / n, 4),
        "rules_batched_cpu_per_s": round(n / whole),
        "ceiling_cpu_per_s": round(n / flagged_only),
        "stages_cpu_us_clean": stages(rules, clean),
        "stages_cpu_us_flagged": stages(rules, flagged),
    }
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
