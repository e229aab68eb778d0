"""Throughput, latency and memory of the moderation engine on one core.

    python bench/bench_engine.py [--items 100000] [--single 5000] [--json OUT]

Measures the rule pipeline (every detector but the learned one) and the whole engine, batched and
one item at a time, and, when `alt-profanity-check` is installed (`make bench` installs it into
`.venv-bench`), runs it on the same input in the same run and reports the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import corpus

from hifazat.core.detectors.defaults import DEFAULT_DETECTORS, default_registry
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batched(moderator: Moderator, texts: list[str], batch: int = 1024) -> float:
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        moderator.check_batch(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


def single(moderator: Moderator, texts: list[str]) -> dict[str, float]:
    times = []
    for text in texts:
        t0 = time.perf_counter()
        moderator.check(text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "p50_ms": statistics.median(times),
        "p99_ms": times[int(len(times) * 0.99) - 1],
        "max_ms": times[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--single", type=int, default=5_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--synthetic",
        action="store_true",
        help="short templated comments instead of the shared data sets' texts",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = corpus(args.items, real=not args.synthetic)
    registry = default_registry()
    catalogue = default_catalogue()
    rule_names = [n for n in DEFAULT_DETECTORS if n != "learned"]
    results: dict[str, Any] = {
        "items": args.items,
        "cores": 1,
        "corpus": "synthetic" if args.synthetic else "shared data sets",
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
    }

    t0 = time.perf_counter()
    rules_only = Moderator([registry.create(n) for n in rule_names], catalogue)
    full = Moderator([registry.create(n) for n in DEFAULT_DETECTORS], catalogue)
    results["load_s"] = round(time.perf_counter() - t0, 2)
    full.check_batch(texts[:256])  # warm caches

    results["rules_batched_per_s"] = round(batched(rules_only, texts))
    results["rules_single"] = single(rules_only, texts[: args.single])
    results["full_batched_per_s"] = round(batched(full, texts))
    results["full_single"] = single(full, texts[: args.single])
    results["rss_mb"] = round(rss_mb(), 1)
    try:
        from profanity_check import predict_prob
    except ImportError:
        results["alt_profanity_check"] = "not installed (run `make bench`)"
    else:
        start = time.perf_counter()
        for i in range(0, len(texts), 1024):
            predict_prob(texts[i : i + 1024])
        alt_rate = len(texts) / (time.perf_counter() - start)
        results["alt_profanity_check_batched_per_s"] = round(alt_rate)
        results["rules_vs_alt_ratio"] = round(results["rules_batched_per_s"] / alt_rate, 3)
        results["full_vs_alt_ratio"] = round(results["full_batched_per_s"] / alt_rate, 3)
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
