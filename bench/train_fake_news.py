"""Train the Urdu fake-news classifier on Bend the Truth and write its artefact and manifest.

    python bench/train_fake_news.py [--data PATH/TO/train.dedup_vs_test.csv] [--seeds 5] [--no-save]

Repeated cross-validation grouped by article pair (a fake article and the real one it imitates
share a file name; `StratifiedGroupKFold(5)` reshuffled with seeds 0..N-1): every fold trains the
whole procedure (both members and their scales, from an inner CV on the training folds only) and
predicts the held-out fold. F1 of each class is computed per seed over all its held-out
predictions; the manifest records mean, standard deviation, min and max over seeds, for the
ensemble and for each member alone. The shipped model is then fitted on all of the shared data.
CPU seconds (`time.process_time`) are printed: the machine is shared, wall-clock time is noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hifazat.core.classifiers.fake_news import (
    LABELS,
    MEMBERS,
    PARAMS,
    Article,
    FakeNewsClassifier,
    read_bend_the_truth,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "bend_the_truth_urdu_fake_news" / "train.dedup_vs_test.csv"
OUT = ROOT / "src" / "hifazat" / "core" / "models" / "fake_news"
PUBLISHED = "AdaBoost F1(Fake) 0.87, F1(Real) 0.90 on the official test split (Amjad et al. 2020)"


def cross_validate(articles: list[Article], seeds: int) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold decisions per seed: `{"ensemble": (seeds, n), "svm": …, "nb_lr": …}`."""
    from sklearn.model_selection import StratifiedGroupKFold

    fake = np.array([a.label == "Fake" for a in articles])
    groups = [a.pair for a in articles]
    out = {name: np.zeros((seeds, len(articles))) for name in ("ensemble", *MEMBERS)}
    for seed in range(seeds):
        splitter = StratifiedGroupKFold(5, shuffle=True, random_state=seed)
        for train, test in splitter.split(articles, fake, groups):
            model = FakeNewsClassifier.train([articles[i] for i in train])
            members = model.member_decisions([articles[i].text for i in test])
            out["ensemble"][seed, test] = (members / model.scales).sum(axis=1)
            for j, name in enumerate(MEMBERS):
                out[name][seed, test] = members[:, j]
        print(f"seed {seed} done, {time.process_time():.0f} CPU s", flush=True)
    return out


def summarise(truth: list[str], decisions: NDArray[np.float64]) -> dict[str, Any]:
    """F1 of each class per seed, and their mean / std / min / max."""
    from sklearn.metrics import f1_score

    per_seed = [
        f1_score(truth, ["Fake" if d > 0 else "Real" for d in row], labels=list(LABELS), average=None)
        for row in decisions
    ]
    summary: dict[str, Any] = {}
    for k, label in enumerate(LABELS):
        values = np.array([f[k] for f in per_seed])
        summary[f"f1_{label}"] = {
            "mean": round(float(values.mean()), 4),
            "std": round(float(values.std()), 4),
            "min": round(float(values.min()), 4),
            "max": round(float(values.max()), 4),
        }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--seeds", type=int, default=5, help="CV repetitions (default 5)")
    parser.add_argument("--no-save", action="store_true", help="cross-validate only")
    args = parser.parse_args()
    articles = read_bend_the_truth(args.data)
    truth = [a.label for a in articles]
    started = time.process_time()
    decisions = cross_validate(articles, args.seeds)
    metrics: dict[str, Any] = {
        "cv": f"StratifiedGroupKFold(5) grouped by article pair, repeated with seeds 0..{args.seeds - 1}; "
        "F1 per seed over all held-out predictions, then mean/std/min/max over seeds",
        **summarise(truth, decisions["ensemble"]),
        "members_alone": {name: summarise(truth, decisions[name]) for name in MEMBERS},
        "cv_cpu_seconds": round(time.process_time() - started, 1),
    }
    print(json.dumps(metrics, indent=2), flush=True)
    if args.no_save:
        return
    final = FakeNewsClassifier.train(articles, version=dt.date.today().isoformat())
    final.save(OUT)
    manifest = {
        "name": "fake_news_urdu",
        "version": final.version,
        "data": {
            "file": args.data.name,
            "sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
            "rows": len(articles),
            "labels": {label: truth.count(label) for label in LABELS},
        },
        "params": PARAMS,
        "scales": [round(float(s), 6) for s in final.scales],
        "metrics": metrics,
        "published": PUBLISHED,
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT}/model.npz ({(OUT / 'model.npz').stat().st_size} bytes) and manifest.json")


if __name__ == "__main__":
    main()
