"""Speed of the text foundation on one core: normalise, identify (language) and the lexicon detector.

    python bench/bench_text.py [--items 100000] [--single 20000] [--json OUT]

Two inputs of `--items` comments each (50 % English, 30 % Roman Urdu, 20 % Urdu script):
- `corpus`: the shared seeded corpus (`bench/corpus.py`), few distinct sentences;
- `varied`: the same sentences with words shuffled in from a vocabulary, random numbers, emoji,
  obfuscations (leet, dots, zero-width, Arabic letter forms) and case changes, so that almost every
  comment and many words are new (caches stay cold-ish).

Reports items/s batched (a plain loop over all items) per stage and for the three together, and
p50/p99 single-item latency of the three together. Both are measured in CPU time of this process
(`process_time`, `thread_time_ns`), so other work on a shared machine does not distort them.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import corpus

from hifazat.core.detectors.lexicon import LexiconDetector
from hifazat.core.text.langid import identify
from hifazat.core.text.normalise import normalise

VOCAB = tuple(
    """
    video song edit yaar bhai dekho acha bura kamal zabardast nice great awesome love hate
    bakwas shukriya please follow like share comment channel live kab kahan kaise kyun mera
    tera hamara ویڈیو اچھا برا کمال شکریہ بھائی یار دیکھو پیار گانا
    """.split()  # noqa: SIM905
)
EMOJI = ["😂", "🔥", "❤️", "👍", "🙏", "😍", ""]
ZW = ["\u200b", "\u200c", "\ufeff"]


def _obfuscate(word: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.25:
        return word.replace("a", "4").replace("i", "1").replace("o", "0")
    if roll < 0.5:
        return ".".join(word)
    if roll < 0.75:
        return rng.choice(ZW).join(word)
    return word.replace("ی", "ي").replace("ک", "ك").replace("ہ", "ه")


def varied(n: int, seed: int = 7) -> list[str]:
    """`n` comments built from the corpus with random words, numbers, emoji and obfuscations."""
    rng = random.Random(seed)
    out = []
    for base in corpus(n, seed):
        words = base.split()
        for _ in range(rng.randint(0, 4)):
            words.insert(rng.randint(0, len(words)), rng.choice(VOCAB))
        if rng.random() < 0.3:
            words.append(str(rng.randint(1, 99999)))
        if rng.random() < 0.15:
            i = rng.randrange(len(words))
            words[i] = _obfuscate(words[i], rng)
        if rng.random() < 0.1:
            words = [w.capitalize() for w in words]
        out.append(" ".join(words) + rng.choice(EMOJI))
    return out


def throughput(fn: Callable[[Any], object], items: list[Any]) -> float:
    """Items per second of this process's CPU time (other load on the machine does not count)."""
    start = time.process_time()
    for item in items:
        fn(item)
    return len(items) / (time.process_time() - start)


def run(texts: list[str], single: int, detector: LexiconDetector) -> dict[str, float]:
    norms = [normalise(t) for t in texts]

    def pipeline(text: str) -> object:
        norm = normalise(text)
        return identify(norm), detector.signals(norm)

    result = {
        "normalise_per_s": throughput(normalise, texts),
        "identify_per_s": throughput(identify, norms),
        "lexicon_per_s": throughput(detector.signals, norms),
        "pipeline_per_s": throughput(pipeline, texts),
    }
    latencies = []
    for text in texts[:single]:
        t0 = time.thread_time_ns()
        pipeline(text)
        latencies.append((time.thread_time_ns() - t0) / 1000)
    latencies.sort()
    result["p50_us"] = statistics.median(latencies)
    result["p99_us"] = latencies[int(len(latencies) * 0.99)]
    result["mean_chars"] = sum(map(len, texts)) / len(texts)
    result["flagged_share"] = sum(bool(detector.signals(n)) for n in norms) / len(norms)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--single", type=int, default=20_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    t0 = time.perf_counter()
    detector = LexiconDetector()
    normalise("warm up")
    identify("warm up")
    startup = time.perf_counter() - t0
    report: dict[str, Any] = {"startup_s": round(startup, 3), "items": args.items}
    for name, texts in (("corpus", corpus(args.items)), ("varied", varied(args.items))):
        res = run(texts, args.single, detector)
        report[name] = {k: round(v, 3) if v < 100 else round(v) for k, v in res.items()}
        r = report[name]
        print(
            f"{name:7s} normalise {r['normalise_per_s']:>9,}/s  identify {r['identify_per_s']:>9,}/s  "
            f"lexicon {r['lexicon_per_s']:>9,}/s  all three {r['pipeline_per_s']:>9,}/s  "
            f"p50 {r['p50_us']:.1f} us  p99 {r['p99_us']:.1f} us  ({r['mean_chars']:.0f} chars, "
            f"{r['flagged_share']:.0%} flagged)"
        )
    print(f"start-up (load lexicon + language model): {report['startup_s']} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
