"""Evaluating and calibrating the claim matcher on a set of (post, claim) pairs.

The set has *claims* (each written in English, Urdu and Roman Urdu) and *posts* (each repeating
one claim — paraphrase, translation, partial quote — or none: same topic, different claim). For
every language pair (post language, claim language) the matcher searches a store holding all claim
texts, and its answers restricted to claims of that language are scored:

- precision: returned matches that are the post's claim / all returned matches;
- recall: posts whose claim is returned / posts that repeat a claim.

Thresholds are chosen by cross-validation grouped by claim (all posts of a claim in one fold), with
an inner cross-validation on the training folds, so no number is read off the posts it is tested on
(`cross_validate`, for the dev posts everything was tuned on). `held_out` scores a calibration fitted
elsewhere on posts it never saw (the test posts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from hifazat.core.claims.calibration import FEATURES, Calibration, Pair, PairModel, pair_name
from hifazat.core.claims.matcher import ClaimMatcher
from hifazat.core.claims.model import CLAIM_LANGUAGES, ClaimLanguage, FactCheck

PAIRS: tuple[Pair, ...] = tuple((p, c) for p in CLAIM_LANGUAGES for c in CLAIM_LANGUAGES)


@dataclass(frozen=True, slots=True)
class Row:
    """One candidate (post, claim text) with its features and whether it is a true match."""

    post: int
    group: str
    """Fold key: the post's claim id, or the post id for posts that repeat no claim."""
    pair: Pair
    features: tuple[float, ...]
    correct: bool


def eval_factchecks(claims: Sequence[Mapping[str, Any]]) -> list[FactCheck]:
    """The evaluation claims as fact-checks, one per claim and language (url carries the claim id)."""
    out: list[FactCheck] = []
    for claim in claims:
        for language in CLAIM_LANGUAGES:
            out.append(
                FactCheck(
                    claim=str(claim[language]),
                    language=language,
                    rating=claim.get("rating", "false"),
                    organisation="eval",
                    url=f"https://eval.invalid/{claim['id']}",
                )
            )
    return out


def candidate_rows(matcher: ClaimMatcher, posts: Sequence[Mapping[str, Any]]) -> list[Row]:
    """Feature rows for every post against the store (which holds `eval_factchecks` of the claims)."""
    texts = [str(p["text"]) for p in posts]
    langs: list[ClaimLanguage] = [p["lang"] for p in posts]
    vectors = matcher.embedder.embed(texts, langs, query=True)
    rows: list[Row] = []
    for index, (post, found) in enumerate(
        zip(posts, matcher.candidates(vectors, texts, langs, prune=False), strict=True)
    ):
        gold = post.get("claim")
        for cand in found:
            claim_id = matcher.factchecks[cand.row].url.rsplit("/", 1)[-1]
            rows.append(
                Row(index, str(gold or post["id"]), (cand.post_language, cand.claim_language), cand.features,
                    claim_id == gold)
            )  # fmt: skip
    return rows


def _decisions(
    rows: Sequence[Row], probs: Sequence[float], threshold: float, positives: int
) -> tuple[float, float]:
    returned = [(r, p) for r, p in zip(rows, probs, strict=True) if p >= threshold]
    correct = sum(1 for r, _ in returned if r.correct)
    precision = correct / len(returned) if returned else 1.0
    return precision, (correct / positives if positives else 0.0)


def choose_threshold(rows: Sequence[Row], probs: Sequence[float], positives: int, target: float) -> float:
    """The lowest threshold at which the matches returned so far are at least `target` precise.

    An early mistake does not end the search (one confident error among many right answers would
    otherwise push the threshold to 1); the precision over everything returned still meets the target.
    """
    order = sorted(zip(probs, (r.correct for r in rows), strict=True), key=lambda x: -x[0])
    chosen = 1.0
    correct = 0
    for returned, (prob, ok) in enumerate(order, start=1):
        correct += ok
        if ok and correct / returned >= target:
            chosen = prob
    return chosen


def _standardisation(rows: Sequence[Row]) -> dict[Pair, tuple[np.ndarray, np.ndarray]]:
    """Per language pair: mean and scale of each feature (raw cosine means different things per pair)."""
    out: dict[Pair, tuple[np.ndarray, np.ndarray]] = {}
    for pair in sorted({r.pair for r in rows}):
        x = np.array([r.features for r in rows if r.pair == pair], dtype=np.float64)
        scale = x.std(axis=0)
        scale[scale < 1e-6] = 1.0
        out[pair] = (x.mean(axis=0), scale)
    return out


def recall_threshold(rows: Sequence[Row], probs: Sequence[float], positives: int, recall: float) -> float:
    """The highest threshold at which at least `recall` of the positives are returned."""
    correct = 0
    for prob, ok in sorted(zip(probs, (r.correct for r in rows), strict=True), key=lambda x: -x[0]):
        correct += ok
        if ok and correct >= recall * positives:
            return prob
    return 0.0


def _fit(rows: Sequence[Row], c: float) -> dict[Pair, PairModel]:
    """One logistic model over all pairs on features standardised within each pair.

    The weights are shared (what a refuting word or a lexical overlap is worth does not depend on
    the languages, and nine pairs give nine times the examples); each pair keeps its own
    standardisation, its own intercept (a one-hot column per pair) and, later, its own threshold.
    """
    from sklearn.linear_model import LogisticRegression

    norms = _standardisation(rows)
    pairs = sorted(norms)
    x = np.array(
        [
            [
                *((np.array(r.features) - norms[r.pair][0]) / norms[r.pair][1]),
                *(float(r.pair == p) for p in pairs),
            ]
            for r in rows
        ]
    )
    y = np.array([r.correct for r in rows])
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    n = len(rows[0].features)
    coef = tuple(float(v) for v in model.coef_[0][:n])
    return {
        pair: PairModel(
            tuple(float(v) for v in mean),
            tuple(float(v) for v in scale),
            coef,
            float(model.intercept_[0] + model.coef_[0][n + pairs.index(pair)]),
            0.5,
        )
        for pair, (mean, scale) in norms.items()
    }


def _folds(groups: Iterable[str], k: int, seed: int) -> dict[str, int]:
    unique = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(unique))
    return {unique[i]: n % k for n, i in enumerate(order)}


def _positives(rows: Sequence[Row], gold_posts: Mapping[int, ClaimLanguage]) -> int:
    languages = {r.pair[0] for r in rows}
    return sum(1 for language in gold_posts.values() if language in languages)


def fit_models(
    rows: Sequence[Row],
    gold_posts: Mapping[int, ClaimLanguage],
    *,
    target: float,
    c: float,
    k: int,
    seed: int,
    recall_floor: float = 0.0,
    repeats: int = 1,
) -> dict[Pair, PairModel]:
    """Pair models fitted on `rows`, each pair's threshold picked on out-of-fold probabilities.

    The threshold is the lowest at which the out-of-fold matches are `target` precise, lowered if
    needed so that at least `recall_floor` of the pair's posts (among `rows`) are found: with a few
    dozen posts per pair one confident mistake can otherwise push a threshold to 1. With `repeats`
    > 1 the out-of-fold probabilities of that many different fold assignments are pooled, so the
    threshold depends less on how the claims happened to be split.
    """
    pooled_rows: list[Row] = []
    probs: list[float] = []
    for repeat in range(repeats):
        fold = _folds((r.group for r in rows), k, seed + 1000 * repeat)
        out_of_fold = [0.0] * len(rows)
        for f in range(k):
            models = _fit([r for r in rows if fold[r.group] != f], c)
            for i, r in enumerate(rows):
                if fold[r.group] == f:
                    out_of_fold[i] = models[r.pair].probability(r.features)
        pooled_rows.extend(rows)
        probs.extend(out_of_fold)
    final = _fit(rows, c)
    out: dict[Pair, PairModel] = {}
    for pair, model in final.items():
        chosen = [i for i, r in enumerate(pooled_rows) if r.pair == pair]
        pair_rows = [pooled_rows[i] for i in chosen]
        pair_probs = [probs[i] for i in chosen]
        threshold = choose_threshold(pair_rows, pair_probs, _positives(pair_rows, gold_posts), target)
        if recall_floor > 0:
            present = len({r.post for r in pair_rows if r.post in gold_posts}) * repeats
            threshold = min(threshold, recall_threshold(pair_rows, pair_probs, present, recall_floor))
        out[pair] = PairModel(model.mean, model.scale, model.coef, model.intercept, threshold)
    return out


def cross_validate(
    rows: Sequence[Row],
    gold_posts: Mapping[int, ClaimLanguage],
    *,
    target: float = 0.97,
    c: float = 1.0,
    k: int = 5,
    seed: int = 7,
    recall_floor: float = 0.0,
    repeats: int = 1,
) -> dict[str, dict[str, float]]:
    """Per pair: precision and recall at thresholds chosen without the test fold, and their counts."""
    fold = _folds((r.group for r in rows), k, seed)
    probs = [-1.0] * len(rows)
    thresholds: dict[Pair, list[float]] = {pair: [] for pair in PAIRS}
    for f in range(k):
        models = fit_models(
            [r for r in rows if fold[r.group] != f],
            gold_posts,
            target=target,
            c=c,
            k=k,
            seed=seed + 1,
            recall_floor=recall_floor,
            repeats=repeats,
        )
        for pair, model in models.items():
            thresholds[pair].append(model.threshold)
        for i, r in enumerate(rows):
            if fold[r.group] == f:
                model = models[r.pair]
                p = model.probability(r.features)
                probs[i] = p if p >= model.threshold else -1.0
    report: dict[str, dict[str, float]] = {}
    for pair in PAIRS:
        chosen = [i for i, r in enumerate(rows) if r.pair == pair]
        pair_rows = [rows[i] for i in chosen]
        pair_probs = [probs[i] for i in chosen]
        positives = _positives(pair_rows, gold_posts)
        precision, recall = _decisions(pair_rows, pair_probs, 0.0, positives)
        report[pair_name(pair)] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "returned": sum(1 for p in pair_probs if p >= 0.0),
            "posts_with_claim": positives,
            "posts_with_candidates": len({r.post for r in pair_rows}),
            "threshold_mean": round(float(np.mean(thresholds[pair])), 4),
        }
    return report


def held_out(
    calibration: Calibration, rows: Sequence[Row], gold_posts: Mapping[int, ClaimLanguage]
) -> dict[str, dict[str, float]]:
    """Per pair: precision and recall of `calibration` (fitted elsewhere) on `rows` it never saw."""
    report: dict[str, dict[str, float]] = {}
    for pair in PAIRS:
        model = calibration.model(*pair)
        pair_rows = [r for r in rows if r.pair == pair]
        probs = [model.probability(r.features) for r in pair_rows]
        positives = _positives(pair_rows, gold_posts)
        precision, recall = _decisions(pair_rows, probs, model.threshold, positives)
        report[pair_name(pair)] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "returned": sum(1 for p in probs if p >= model.threshold),
            "posts_with_claim": positives,
        }
    return report


def calibrate(
    rows: Sequence[Row],
    gold_posts: Mapping[int, ClaimLanguage],
    *,
    embedder: str,
    target: float = 0.97,
    c: float = 1.0,
    recall_floor: float = 0.0,
    repeats: int = 1,
) -> Calibration:
    """The calibration to ship: the models fitted on all rows, thresholds by cross-validation."""
    pairs = fit_models(
        rows, gold_posts, target=target, c=c, k=5, seed=11, recall_floor=recall_floor, repeats=repeats
    )
    metrics = {
        "features": list(FEATURES),
        "target_precision": target,
        "recall_floor": recall_floor,
        "c": c,
        "threshold_repeats": repeats,
    }
    return Calibration(embedder, pairs, metrics)
