"""Throughput, latency and memory of the moderation engine on one core.

    python bench/bench_engine.py [--items 100000] [--single 5000] [--synthetic] [--stages] [--json OUT]

Measures the rule pipeline (every detector but the learned one) and the whole engine, batched and
one item at a time, and, when `alt-profanity-check` is installed (`make bench` installs it into
`.venv-bench`), runs it on the same input in the same run and reports the ratio.

Each rate is given twice: by the wall clock (`*_per_s`, `p50_ms`...) and by this process's CPU time
(`*_cpu_per_s`, `cpu_p50_ms`...), which other work on a shared machine disturbs much less.
`--stages` adds the CPU microseconds per item of each stage of the rule pipeline: preparing the item
(`Moderator.item`: checks, normalisation, language), the shared keyword pass, each detector, and
the decision.
"""

from __future__ import annotations

import argparse
import gc
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


def batched(moderator: Moderator, texts: list[str], batch: int = 1024) -> tuple[float, float]:
    """Items per second by the wall clock and by CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), batch):
        moderator.check_batch(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start), len(texts) / (time.process_time() - cpu)


def _percentiles(times: list[float], prefix: str) -> dict[str, float]:
    times.sort()
    return {
        f"{prefix}p50_ms": round(statistics.median(times), 4),
        f"{prefix}p99_ms": round(times[int(len(times) * 0.99) - 1], 4),
        f"{prefix}max_ms": round(times[-1], 4),
    }


def single(moderator: Moderator, texts: list[str]) -> dict[str, float]:
    """Latency of `check` one text at a time, by the wall clock and by this thread's CPU time."""
    wall: list[float] = []
    cpu: list[float] = []
    for text in texts:
        t0, c0 = time.perf_counter(), time.thread_time()
        moderator.check(text)
        cpu.append((time.thread_time() - c0) * 1000)
        wall.append((time.perf_counter() - t0) * 1000)
    return _percentiles(wall, "") | _percentiles(cpu, "cpu_")


def stages(moderator: Moderator, texts: list[str]) -> dict[str, float]:
    """CPU microseconds per item of each stage of `check_items`, run stage by stage over all texts.

    The cyclic garbage collector is paused meanwhile: with every item of the corpus alive, its full
    passes would land in whichever stage happens to run (they are counted in the batched rates).
    """
    gc.collect()
    gc.disable()
    try:
        return _stages(moderator, texts)
    finally:
        gc.enable()


def _stages(moderator: Moderator, texts: list[str]) -> dict[str, float]:
    n = len(texts)
    out: dict[str, float] = {}
    t0 = time.process_time()
    items = [moderator.item(text) for text in texts]
    out["item"] = time.process_time() - t0
    keywords = getattr(moderator, "keywords", None)  # the shared keyword pass, when there is one
    if keywords is not None:
        t0 = time.process_time()
        for item in items:
            keywords.hits(item.norm)
        out["keywords"] = time.process_time() - t0
    found = []
    for detector in moderator.detectors:
        t0 = time.process_time()
        found.append(detector.detect_batch(items))
        out[detector.name] = time.process_time() - t0
    signals = [[s for per in found for s in per[i]] for i in range(n)]
    t0 = time.process_time()
    for item, sigs in zip(items, signals, strict=True):
        moderator.engine.decide(item, sigs, moderator.detector_versions)
    out["decide"] = time.process_time() - t0
    result = {name: round(seconds / n * 1e6, 2) for name, seconds in out.items()}
    result["sum"] = round(sum(result.values()), 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--single", type=int, default=5_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--stages", action="store_true", help="CPU µs per item of each stage")
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

    wall, cpu = batched(rules_only, texts)
    results["rules_batched_per_s"], results["rules_batched_cpu_per_s"] = round(wall), round(cpu)
    results["rules_single"] = single(rules_only, texts[: args.single])
    wall, cpu = batched(full, texts)
    results["full_batched_per_s"], results["full_batched_cpu_per_s"] = round(wall), round(cpu)
    results["full_single"] = single(full, texts[: args.single])
    if args.stages:
        results["rules_stages_cpu_us"] = stages(rules_only, texts)
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
