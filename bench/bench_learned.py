"""Speed and memory of the learned detector, alone and inside the whole engine, on one core.

    python bench/bench_learned.py [--items 50000] [--single 3000] [--cascade-items 5000] [--json OUT]

Batched throughput (`detect_batch` on batches of 1,000, items built beforehand), single-item
latency percentiles of `detect`, the whole engine (`Moderator.default().check_batch`), and peak RSS.
Then the cascade (`LearnedDetector(cascade=True)`) on the first `--cascade-items` items: the share
of items its uncertain band sends to the embedding stage, the stage's own rate (texts per CPU
second) and the detector's batched rate with the cascade on, by CPU time.
Uses `bench/corpus.py` (real shared texts when present, else a synthetic mix).
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

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).parent))

from corpus import corpus

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.learned import LearnedDetector
from hifazat.core.moderator import Moderator


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cascade_figures(items: list[Item], batch: int) -> dict[str, Any]:
    """Share of items the cascade's band sees, the stage's own rate, the detector's rate with it on."""
    plain = LearnedDetector()
    cpu = time.process_time()
    for start in range(0, len(items), batch):
        plain.detect_batch(items[start : start + batch])
    plain_cpu_s = time.process_time() - cpu
    detector = LearnedDetector(cascade=True)
    if detector.stage is None:
        return {"note": "the packaged bundle has no embedding heads"}
    detector.stage.vectors("ur", ["warm up"])  # load the embedder outside the timing
    detector.stage.counters.texts, detector.stage.counters.cpu_seconds = 0, 0.0
    cpu = time.process_time()
    for start in range(0, len(items), batch):
        detector.detect_batch(items[start : start + batch])
    cpu_s = time.process_time() - cpu
    counters = detector.stage.counters
    return {
        "items": len(items),
        "items_in_cascade_languages": detector.stats.items,
        "embedded": detector.stats.embedded,
        "share_of_all_items": round(detector.stats.embedded / max(len(items), 1), 4),
        "share_of_cascade_language_items": round(detector.stats.share, 4),
        "stage_texts_per_cpu_s": round(counters.texts / counters.cpu_seconds, 1)
        if counters.cpu_seconds
        else None,
        "detector_with_cascade_items_per_cpu_s": round(len(items) / cpu_s),
        "detector_without_cascade_items_per_cpu_s": round(len(items) / plain_cpu_s),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--single", type=int, default=3_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--cascade-items", type=int, default=5_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    texts = corpus(args.items)
    t0 = time.perf_counter()
    detector = LearnedDetector()
    load_s = time.perf_counter() - t0
    moderator = Moderator.default()
    items: list[Item] = [moderator.item(t) for t in texts]

    detector.detect_batch(items[: args.batch])  # warm caches
    t0 = time.perf_counter()
    flagged = 0
    for start in range(0, len(items), args.batch):
        for signals in detector.detect_batch(items[start : start + args.batch]):
            flagged += any(s.score >= 0.5 for s in signals)
    batch_s = time.perf_counter() - t0

    latencies = []
    for item in items[: args.single]:
        t1 = time.perf_counter()
        detector.detect(item)
        latencies.append((time.perf_counter() - t1) * 1000)

    engine_n = min(len(texts), 20_000)
    t0 = time.perf_counter()
    for start in range(0, engine_n, args.batch):
        moderator.check_batch(texts[start : start + args.batch])
    engine_s = time.perf_counter() - t0

    cascade = cascade_figures(items[: args.cascade_items], args.batch)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, Any] = {
        "model_version": detector.version,
        "items": len(items),
        "load_seconds": round(load_s, 3),
        "learned_batch_items_per_s": round(len(items) / batch_s),
        "learned_single_ms": {
            "p50": round(statistics.median(latencies), 3),
            "p99": round(percentile(latencies, 0.99), 3),
            "max": round(max(latencies), 3),
        },
        "engine_batch_items_per_s": round(engine_n / engine_s),
        "flagged_share": round(flagged / len(items), 3),
        "peak_rss_mb": round(rss_mb, 1),
        "cascade": cascade,
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
